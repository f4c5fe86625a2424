import { EntityManager, In } from 'typeorm';
import { notFound, recordChanges } from '@saf/kit';
import { SERIOUS_ILLNESS_LISTED_SINCE, SeriousIllness, SpecialTreatmentStatus, TREATMENT_TRANSITIONS } from '../codes';
import { conflict, invalid, validatePastDate, validateText } from '../common/validation';
import { insertUnique, lockPerson } from '../common/writes';
import { SeriousIllnessTreatment } from './entities';
import { RegisterTreatmentInput, UpdateTreatmentInput } from './inputs';

const RECORD = 'SeriousIllnessTreatment';
/** Diagnoses may predate the register (e.g. renal failure on dialysis for years). */
const EARLIEST_DIAGNOSIS = '2000-01-01';

interface CaseDates {
  status: SpecialTreatmentStatus;
  diagnosedOn: string;
  treatmentStartedOn: string | null;
  treatmentEndedOn: string | null;
}

/** Dates and status must agree: the same rules as the table's CHECK constraints, with clear errors. */
function validateCase(disease: SeriousIllness, c: CaseDates): void {
  if (c.treatmentStartedOn !== null) {
    validatePastDate(c.treatmentStartedOn, 'input.treatmentStartedOn');
    if (c.treatmentStartedOn < c.diagnosedOn) invalid('input.treatmentStartedOn', `treatment cannot start before the diagnosis (${c.diagnosedOn})`);
    const listed = SERIOUS_ILLNESS_LISTED_SINCE[disease];
    if (Number(c.treatmentStartedOn.slice(0, 4)) < listed) invalid('input.treatmentStartedOn', `${disease} is on the special-treatment list since ${listed}`);
  }
  if (c.treatmentEndedOn !== null) {
    validatePastDate(c.treatmentEndedOn, 'input.treatmentEndedOn');
    const from = c.treatmentStartedOn ?? c.diagnosedOn;
    if (c.treatmentEndedOn < from) invalid('input.treatmentEndedOn', `treatmentEndedOn is before ${from}`);
  }
  const ok =
    (c.status === SpecialTreatmentStatus.DIAGNOSED && c.treatmentStartedOn === null && c.treatmentEndedOn === null) ||
    (c.status === SpecialTreatmentStatus.IN_TREATMENT && c.treatmentStartedOn !== null && c.treatmentEndedOn === null) ||
    (c.status === SpecialTreatmentStatus.TREATED && c.treatmentStartedOn !== null && c.treatmentEndedOn !== null) ||
    (c.status === SpecialTreatmentStatus.DISCONTINUED && c.treatmentEndedOn !== null);
  if (!ok) {
    invalid('input.status', `${c.status} needs ${
      { DIAGNOSED: 'no treatment dates', IN_TREATMENT: 'treatmentStartedOn and no end', TREATED: 'treatmentStartedOn and treatmentEndedOn', DISCONTINUED: 'treatmentEndedOn' }[c.status]
    }`);
  }
}

export function validateTreatment(input: RegisterTreatmentInput): void {
  validateText(input.designatedHospital, 'input.designatedHospital', 60);
  validatePastDate(input.diagnosedOn, 'input.diagnosedOn', EARLIEST_DIAGNOSIS);
  validateCase(input.disease, {
    status: input.status ?? SpecialTreatmentStatus.DIAGNOSED,
    diagnosedOn: input.diagnosedOn,
    treatmentStartedOn: input.treatmentStartedOn ?? null,
    treatmentEndedOn: input.treatmentEndedOn ?? null,
  });
}

export async function registerTreatment(tx: EntityManager, department: string, input: RegisterTreatmentInput): Promise<number> {
  await lockPerson(tx, input.personId);
  const open = await tx.findOneBy(SeriousIllnessTreatment, {
    personId: input.personId,
    disease: input.disease,
    status: In([SpecialTreatmentStatus.DIAGNOSED, SpecialTreatmentStatus.IN_TREATMENT]),
  });
  if (open) conflict('input.disease', `${input.personId} already has an open ${input.disease} case (${open.id})`);
  const result = await insertUnique(
    () =>
      tx.insert(SeriousIllnessTreatment, {
        householdId: input.householdId,
        personId: input.personId,
        disease: input.disease,
        designatedHospital: input.designatedHospital.trim(),
        hospitalLevel: input.hospitalLevel,
        diagnosedOn: input.diagnosedOn,
        treatmentStartedOn: input.treatmentStartedOn ?? null,
        treatmentEndedOn: input.treatmentEndedOn ?? null,
        status: input.status ?? SpecialTreatmentStatus.DIAGNOSED,
      }),
    'input.diagnosedOn',
    `${input.personId} already has a ${input.disease} case diagnosed on ${input.diagnosedOn}`,
  );
  const id = Number(result.identifiers[0].id);
  await recordChanges(tx, department, [{ record: RECORD, recordId: String(id), kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
  return id;
}

export async function updateTreatment(tx: EntityManager, department: string, id: string, input: UpdateTreatmentInput): Promise<number> {
  const current = /^[0-9]{1,18}$/.test(id) ? await tx.findOne(SeriousIllnessTreatment, { where: { id: id as unknown as number }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!current) throw notFound('SeriousIllnessTreatment', id);
  if (!TREATMENT_TRANSITIONS[current.status].includes(input.status)) {
    conflict('input.status', `a case cannot go from ${current.status} to ${input.status}; allowed: ${TREATMENT_TRANSITIONS[current.status].join(', ') || 'none'}`);
  }
  if (current.treatmentStartedOn !== null && input.treatmentStartedOn != null && input.treatmentStartedOn !== current.treatmentStartedOn) {
    conflict('input.treatmentStartedOn', `treatment already started on ${current.treatmentStartedOn}`);
  }
  const next: CaseDates = {
    status: input.status,
    diagnosedOn: current.diagnosedOn,
    treatmentStartedOn: current.treatmentStartedOn ?? input.treatmentStartedOn ?? null,
    treatmentEndedOn: input.treatmentEndedOn ?? null,
  };
  validateCase(current.disease, next);
  await tx.update(SeriousIllnessTreatment, { id: current.id }, { status: next.status, treatmentStartedOn: next.treatmentStartedOn, treatmentEndedOn: next.treatmentEndedOn });
  await recordChanges(tx, department, [{ record: RECORD, recordId: String(current.id), kind: 'UPDATED', householdId: current.householdId, personId: current.personId }]);
  return current.id;
}
