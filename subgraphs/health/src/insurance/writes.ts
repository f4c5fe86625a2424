import { EntityManager } from 'typeorm';
import { notFound, recordChanges, todayLocalDate, validateDataYear } from '@saf/kit';
import { InsuranceScheme, MAX_PREMIUM_FEN, PremiumSubsidyStatus } from '../codes';
import { conflict, invalid, validateAmount, validatePastDate, validateText } from '../common/validation';
import { insertUnique, lockPerson } from '../common/writes';
import { enrolmentId, InsuranceEnrolment } from './entities';
import { CancelEnrolmentInput, RecordEnrolmentInput } from './inputs';

const RECORD = 'HealthInsuranceEnrolment';

/** Input rules checked before the register is asked and before anything is written. */
export function validateEnrolment(input: RecordEnrolmentInput): void {
  validateDataYear(input.year, 'input.year');
  validateAmount(input.premium, 'input.premium', MAX_PREMIUM_FEN);
  validateAmount(input.individualContribution, 'input.individualContribution', MAX_PREMIUM_FEN);
  const subsidy = input.subsidy ?? 0;
  validateAmount(subsidy, 'input.subsidy', MAX_PREMIUM_FEN);
  if (input.individualContribution + subsidy > input.premium) invalid('input.subsidy', 'individualContribution + subsidy cannot exceed the premium');
  if (input.scheme !== InsuranceScheme.CRITICAL_ILLNESS && input.individualContribution + subsidy !== input.premium) {
    invalid('input.individualContribution', `for ${input.scheme} the person's contribution and the subsidy must add up to the premium`);
  }
  if (subsidy > 0 && !input.subsidisingDepartment) invalid('input.subsidisingDepartment', 'a subsidy needs the department that paid it');
  if (subsidy === 0 && input.subsidisingDepartment) invalid('input.subsidisingDepartment', 'a subsidising department is given, but no subsidy');
  validatePastDate(input.enrolledOn, 'input.enrolledOn');
  if (input.enrolledOn < `${input.year - 1}-07-01` || input.enrolledOn > `${input.year}-12-31`) {
    invalid('input.enrolledOn', `an enrolment for ${input.year} is made between ${input.year - 1}-07-01 and ${input.year}-12-31`);
  }
}

export function subsidyStatusOf(individualFen: number, subsidyFen: number): PremiumSubsidyStatus {
  if (subsidyFen === 0) return PremiumSubsidyStatus.NONE;
  return individualFen === 0 ? PremiumSubsidyStatus.FULL : PremiumSubsidyStatus.PARTIAL;
}

export async function recordEnrolment(tx: EntityManager, department: string, input: RecordEnrolmentInput): Promise<string> {
  const id = enrolmentId(input.personId, input.year, input.scheme);
  await lockPerson(tx, input.personId);
  if (await tx.existsBy(InsuranceEnrolment, { id })) conflict('input.scheme', `${input.personId} is already enrolled in ${input.scheme} for ${input.year} (${id})`);
  if (input.scheme === InsuranceScheme.CRITICAL_ILLNESS) {
    const basic = await tx.findOneBy(InsuranceEnrolment, { id: enrolmentId(input.personId, input.year, InsuranceScheme.BASIC) });
    if (!basic || basic.cancelledOn !== null) conflict('input.scheme', `critical-illness insurance covers basic insurance enrollees: ${input.personId} has no active BASIC enrolment for ${input.year}`);
  }
  const subsidy = input.subsidy ?? 0;
  await insertUnique(
    () =>
      tx.insert(InsuranceEnrolment, {
        id,
        householdId: input.householdId,
        personId: input.personId,
        year: input.year,
        scheme: input.scheme,
        premium: input.premium,
        individualContribution: input.individualContribution,
        subsidyStatus: subsidyStatusOf(input.individualContribution, subsidy),
        subsidy,
        subsidisingDepartment: input.subsidisingDepartment ?? null,
        enrolledOn: input.enrolledOn,
        cancelledOn: null,
        cancellationReason: null,
      }),
    'input.scheme',
    `${input.personId} is already enrolled in ${input.scheme} for ${input.year}`,
  );
  await recordChanges(tx, department, [{ record: RECORD, recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
  return id;
}

export function validateCancellation(input: CancelEnrolmentInput): void {
  validatePastDate(input.cancelledOn, 'input.cancelledOn');
  validateText(input.reason, 'input.reason', 200);
}

/** Cancels an enrolment; cancelling BASIC also cancels the same year's CRITICAL_ILLNESS (it covers basic enrollees only). */
export async function cancelEnrolment(tx: EntityManager, department: string, id: string, input: CancelEnrolmentInput): Promise<string> {
  const enrolment = await tx.findOne(InsuranceEnrolment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!enrolment) throw notFound('HealthInsuranceEnrolment', id);
  if (enrolment.cancelledOn !== null) conflict('id', `enrolment ${id} was already cancelled on ${enrolment.cancelledOn}`);
  if (input.cancelledOn < enrolment.enrolledOn) invalid('input.cancelledOn', `cancelledOn is before the enrolment (${enrolment.enrolledOn})`);
  if (input.cancelledOn > todayLocalDate()) invalid('input.cancelledOn', 'input.cancelledOn cannot be in the future');
  const cancelled = [enrolment];
  if (enrolment.scheme === InsuranceScheme.BASIC) {
    const critical = await tx.findOneBy(InsuranceEnrolment, { id: enrolmentId(enrolment.personId, enrolment.year, InsuranceScheme.CRITICAL_ILLNESS) });
    if (critical && critical.cancelledOn === null) cancelled.push(critical);
  }
  for (const e of cancelled) {
    const on = input.cancelledOn < e.enrolledOn ? e.enrolledOn : input.cancelledOn;
    await tx.update(InsuranceEnrolment, { id: e.id }, { cancelledOn: on, cancellationReason: input.reason.trim() });
  }
  const ids = cancelled.map((e) => e.id);
  await recordChanges(
    tx,
    department,
    ids.map((recordId) => ({ record: RECORD, recordId, kind: 'UPDATED' as const, householdId: enrolment.householdId, personId: enrolment.personId })),
  );
  return id;
}
