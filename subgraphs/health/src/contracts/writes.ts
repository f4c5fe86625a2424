import { EntityManager, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { notFound, recordChanges } from '@saf/kit';
import { requiredFollowUps } from '../codes';
import { conflict, daysBetween, invalid, validatePastDate, validateText } from '../common/validation';
import { insertUnique, lockPerson } from '../common/writes';
import { FamilyDoctorContract } from './entities';
import { EndContractInput, FollowUpInput, SignContractInput } from './inputs';

const RECORD = 'FamilyDoctorContract';
const MAX_CONTRACT_DAYS = 3 * 366;

export function validateContract(input: SignContractInput): void {
  validateText(input.doctorName, 'input.doctorName', 30);
  validateText(input.facilityName, 'input.facilityName', 60);
  validatePastDate(input.startDate, 'input.startDate');
  if (input.endDate < input.startDate) invalid('input.endDate', 'endDate is before startDate');
  if (daysBetween(input.startDate, input.endDate) > MAX_CONTRACT_DAYS) invalid('input.endDate', 'a contract runs at most three years');
  if (input.followUpsRequired != null && (input.followUpsRequired < 0 || input.followUpsRequired > 52)) {
    invalid('input.followUpsRequired', 'followUpsRequired must be 0 to 52');
  }
}

export async function signContract(tx: EntityManager, department: string, input: SignContractInput): Promise<number> {
  await lockPerson(tx, input.personId);
  const overlapping = await tx.findOneBy(FamilyDoctorContract, {
    personId: input.personId,
    startDate: LessThanOrEqual(input.endDate),
    endDate: MoreThanOrEqual(input.startDate),
  });
  if (overlapping) {
    conflict('input.startDate', `${input.personId} already has contract ${overlapping.id} from ${overlapping.startDate} to ${overlapping.endDate}`);
  }
  const disease = input.disease ?? null;
  const result = await insertUnique(
    () =>
      tx.insert(FamilyDoctorContract, {
        householdId: input.householdId,
        personId: input.personId,
        doctorName: input.doctorName.trim(),
        facilityName: input.facilityName.trim(),
        facilityLevel: input.facilityLevel,
        disease,
        startDate: input.startDate,
        endDate: input.endDate,
        followUpsRequired: input.followUpsRequired ?? requiredFollowUps(disease),
        followUpsDone: 0,
        lastFollowUpOn: null,
        terminationReason: null,
      }),
    'input.startDate',
    `${input.personId} already has a contract starting ${input.startDate}`,
  );
  const id = Number(result.identifiers[0].id);
  await recordChanges(tx, department, [{ record: RECORD, recordId: String(id), kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
  return id;
}

async function lockContract(tx: EntityManager, id: string): Promise<FamilyDoctorContract> {
  const contract = /^[0-9]{1,18}$/.test(id) ? await tx.findOne(FamilyDoctorContract, { where: { id: id as unknown as number }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!contract) throw notFound('FamilyDoctorContract', id);
  return contract;
}

export function validateFollowUp(input: FollowUpInput): void {
  validatePastDate(input.followedUpOn, 'input.followedUpOn');
}

export async function recordFollowUp(tx: EntityManager, department: string, id: string, input: FollowUpInput): Promise<number> {
  const contract = await lockContract(tx, id);
  if (input.followedUpOn < contract.startDate || input.followedUpOn > contract.endDate) {
    conflict('input.followedUpOn', `the contract runs from ${contract.startDate} to ${contract.endDate}`);
  }
  if (contract.lastFollowUpOn !== null && input.followedUpOn < contract.lastFollowUpOn) {
    conflict('input.followedUpOn', `a later follow-up is already recorded (${contract.lastFollowUpOn})`);
  }
  await tx.update(FamilyDoctorContract, { id: contract.id }, { followUpsDone: contract.followUpsDone + 1, lastFollowUpOn: input.followedUpOn });
  await recordChanges(tx, department, [{ record: RECORD, recordId: String(contract.id), kind: 'UPDATED', householdId: contract.householdId, personId: contract.personId }]);
  return contract.id;
}

export function validateEnd(input: EndContractInput): void {
  validatePastDate(input.endedOn, 'input.endedOn');
  validateText(input.reason, 'input.reason', 200);
}

export async function endContract(tx: EntityManager, department: string, id: string, input: EndContractInput): Promise<number> {
  const contract = await lockContract(tx, id);
  if (contract.terminationReason !== null) conflict('id', `contract ${id} already ended on ${contract.endDate}`);
  if (input.endedOn >= contract.endDate) conflict('input.endedOn', `contract ${id} ends on ${contract.endDate} anyway: endedOn must be earlier`);
  if (input.endedOn < contract.startDate) conflict('input.endedOn', `endedOn is before the contract started (${contract.startDate})`);
  if (contract.lastFollowUpOn !== null && input.endedOn < contract.lastFollowUpOn) {
    conflict('input.endedOn', `a follow-up was recorded after that day (${contract.lastFollowUpOn})`);
  }
  await tx.update(FamilyDoctorContract, { id: contract.id }, { endDate: input.endedOn, terminationReason: input.reason.trim() });
  await recordChanges(tx, department, [{ record: RECORD, recordId: String(contract.id), kind: 'UPDATED', householdId: contract.householdId, personId: contract.personId }]);
  return contract.id;
}
