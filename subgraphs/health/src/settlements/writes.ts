import { EntityManager, LessThan, MoreThan } from 'typeorm';
import { notFound, recordChanges } from '@saf/kit';
import { MAX_SETTLEMENT_FEN, MAX_STAY_DAYS } from '../codes';
import { conflict, daysBetween, invalid, validateAmount, validatePastDate, validateText } from '../common/validation';
import { insertUnique, lockPerson } from '../common/writes';
import { HospitalSettlement } from './entities';
import { RecordSettlementInput, SettlementPaymentInput } from './inputs';

const RECORD = 'HospitalSettlement';
const SETTLEMENT_NUMBER = /^[A-Za-z0-9-]{6,40}$/;

/** The parts in the order a one-stop settlement applies them. */
export const SETTLEMENT_PARTS = ['basicInsurance', 'criticalIllness', 'medicalAssistance', 'commercialTopUp', 'safetyNet'] as const;

/** Out of pocket = total − every paid part; throws when the parts do not add up. */
export function validateSettlement(input: RecordSettlementInput): number {
  if (!SETTLEMENT_NUMBER.test(input.settlementNumber)) invalid('input.settlementNumber', 'settlementNumber must be 6 to 40 letters, digits or dashes');
  validateText(input.hospitalName, 'input.hospitalName', 60);
  if (input.diagnosis != null) validateText(input.diagnosis, 'input.diagnosis', 100);
  validatePastDate(input.admittedOn, 'input.admittedOn');
  validatePastDate(input.dischargedOn, 'input.dischargedOn');
  if (input.dischargedOn < input.admittedOn) invalid('input.dischargedOn', 'dischargedOn is before admittedOn');
  if (daysBetween(input.admittedOn, input.dischargedOn) > MAX_STAY_DAYS) invalid('input.dischargedOn', `a stay is at most ${MAX_STAY_DAYS} days; settle long stays in parts`);
  if (input.totalCost <= 0) invalid('input.totalCost', 'totalCost must be more than zero');
  validateAmount(input.totalCost, 'input.totalCost', MAX_SETTLEMENT_FEN);
  let paid = 0;
  for (const part of SETTLEMENT_PARTS) {
    const fen = input[part] ?? 0;
    validateAmount(fen, `input.${part}`, MAX_SETTLEMENT_FEN);
    paid += fen;
  }
  if (paid > input.totalCost) invalid('input.totalCost', `the paid parts (${paid / 100} yuan) exceed the total cost (${input.totalCost / 100} yuan)`);
  const outOfPocket = input.totalCost - paid;
  if (input.outOfPocket != null && input.outOfPocket !== outOfPocket) {
    invalid('input.outOfPocket', `outOfPocket must be the total minus the paid parts: ${outOfPocket / 100} yuan`);
  }
  if (input.deferredPaidOn != null) {
    if (!input.deferredPayment) invalid('input.deferredPaidOn', 'deferredPaidOn is only for a deferred payment (deferredPayment: true)');
    validatePastDate(input.deferredPaidOn, 'input.deferredPaidOn');
    if (input.deferredPaidOn < input.dischargedOn) invalid('input.deferredPaidOn', 'deferredPaidOn is before discharge');
  }
  return outOfPocket;
}

export async function recordSettlement(tx: EntityManager, department: string, input: RecordSettlementInput, outOfPocket: number): Promise<number> {
  await lockPerson(tx, input.personId);
  if (await tx.existsBy(HospitalSettlement, { settlementNumber: input.settlementNumber })) {
    conflict('input.settlementNumber', `settlement ${input.settlementNumber} is already recorded`);
  }
  // Stays may touch (a transfer discharges and admits on the same day) but not overlap.
  const overlapping = await tx.findOneBy(HospitalSettlement, {
    personId: input.personId,
    admittedOn: LessThan(input.dischargedOn),
    dischargedOn: MoreThan(input.admittedOn),
  });
  if (overlapping) {
    conflict('input.admittedOn', `${input.personId} was in hospital from ${overlapping.admittedOn} to ${overlapping.dischargedOn} (settlement ${overlapping.settlementNumber})`);
  }
  const result = await insertUnique(
    () =>
      tx.insert(HospitalSettlement, {
        settlementNumber: input.settlementNumber,
        householdId: input.householdId,
        personId: input.personId,
        hospitalName: input.hospitalName.trim(),
        hospitalLevel: input.hospitalLevel,
        diagnosis: input.diagnosis?.trim() ?? null,
        admittedOn: input.admittedOn,
        dischargedOn: input.dischargedOn,
        year: Number(input.dischargedOn.slice(0, 4)),
        totalCost: input.totalCost,
        basicInsurance: input.basicInsurance,
        criticalIllness: input.criticalIllness ?? 0,
        medicalAssistance: input.medicalAssistance ?? 0,
        safetyNet: input.safetyNet ?? 0,
        commercialTopUp: input.commercialTopUp ?? 0,
        outOfPocket,
        deferredPayment: input.deferredPayment,
        deferredPaidOn: input.deferredPaidOn ?? null,
        oneStopSettled: input.oneStopSettled,
      }),
    'input.settlementNumber',
    `settlement ${input.settlementNumber} is already recorded`,
  );
  const id = Number(result.identifiers[0].id);
  await recordChanges(tx, department, [{ record: RECORD, recordId: String(id), kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
  return id;
}

export function validatePayment(input: SettlementPaymentInput): void {
  validatePastDate(input.paidOn, 'input.paidOn');
}

/** Records that the patient paid the deferred own share (先诊疗后付费) of a settlement. */
export async function recordPayment(tx: EntityManager, department: string, id: string, input: SettlementPaymentInput): Promise<number> {
  const settlement = /^[0-9]{1,18}$/.test(id) ? await tx.findOne(HospitalSettlement, { where: { id: id as unknown as number }, lock: { mode: 'pessimistic_write' } }) : null;
  if (!settlement) throw notFound('HospitalSettlement', id);
  if (!settlement.deferredPayment) conflict('id', `settlement ${settlement.settlementNumber} was not a deferred payment`);
  if (settlement.deferredPaidOn !== null) conflict('id', `the deferred share of ${settlement.settlementNumber} was already paid on ${settlement.deferredPaidOn}`);
  if (input.paidOn < settlement.dischargedOn) invalid('input.paidOn', `paidOn is before discharge (${settlement.dischargedOn})`);
  await tx.update(HospitalSettlement, { id: settlement.id }, { deferredPaidOn: input.paidOn });
  await recordChanges(tx, department, [{ record: RECORD, recordId: String(settlement.id), kind: 'UPDATED', householdId: settlement.householdId, personId: settlement.personId }]);
  return settlement.id;
}
