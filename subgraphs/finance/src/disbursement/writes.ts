import { EntityManager } from 'typeorm';
import { ErrorCode, notFound, recordChanges, SubgraphContext, userError, validateDataYear } from '@saf/kit';
import { DisbursementStatus, MicroLoanStatus, Payee } from '../codes';
import { parsePeriod } from '../common/periods';
import { addMonths, conflictOnDuplicate, invalid, validateAmount, validateBatchNo, validatePastDate, validateText } from '../common/validation';
import { MicroLoan } from '../microcredit/entities';
import { ProgrammeRule, resolveProgrammeRule } from '../programmes';
import { Disbursement } from './entities';
import { DisbursementInput, ReturnDisbursementInput } from './inputs';

/** A payment may precede its period by the programme's advance window and follow it by two years (补发). */
const ARREARS_YEARS = 2;

export interface CheckedDisbursement {
  input: DisbursementInput;
  rule: ProgrammeRule;
  year: number;
  payee: Payee;
}

/** Everything that can be checked without the database or the register. */
export function validateDisbursement(input: DisbursementInput, field: string): CheckedDisbursement {
  const rule = resolveProgrammeRule(input.programme, input.dutyArea, input.department, field);
  if (rule.personRequired && !input.personId) invalid(`${field}.personId`, `${input.programme} is paid for one member: personId is required`);
  // Default: the programme's usual payee, skipping a member's own account when no member is named.
  const payee = input.payee ?? rule.payees.find((p) => p !== Payee.PERSON || input.personId) ?? rule.payees[0];
  if (!rule.payees.includes(payee)) invalid(`${field}.payee`, `${input.programme} is paid to ${rule.payees.join(' or ')}, not to ${payee}`);
  if (payee === Payee.PERSON && !input.personId) invalid(`${field}.personId`, 'a payment to a member\'s own account needs personId');
  validateAmount(input.amount, `${field}.amount`, rule.maxAmountFen);
  validatePastDate(input.paymentDate, `${field}.paymentDate`);
  const period = parsePeriod(input.period);
  if (!period) invalid(`${field}.period`, 'period must be "YYYY-MM", "YYYY-Qn", "YYYY-S1", "YYYY-S2" or "YYYY"');
  if (!rule.periodKinds.includes(period.kind)) invalid(`${field}.period`, `${input.programme} is paid by ${rule.periodKinds.join(' or ')}, not by ${period.kind}`);
  validateDataYear(period.year, `${field}.period`);
  const earliest = new Date(Date.parse(`${period.start}T00:00:00Z`) - rule.advanceDays * 86_400_000).toISOString().slice(0, 10);
  if (input.paymentDate < earliest) invalid(`${field}.paymentDate`, `a payment for ${input.period} cannot be made before ${earliest}`);
  const latest = addMonths(period.end, 12 * ARREARS_YEARS);
  if (input.paymentDate > latest) invalid(`${field}.paymentDate`, `a payment for ${input.period} cannot be made after ${latest}`);
  validateBatchNo(input.batchNo, `${field}.batchNo`);
  validateStatus(input, field);
  validateText(input.sourceRecordId, `${field}.sourceRecordId`, 64, rule.sourceRequired);
  return { input, rule, year: period.year, payee };
}

function validateStatus(input: DisbursementInput, field: string): void {
  if (input.status === DisbursementStatus.PAID) {
    if (input.statusReason != null) invalid(`${field}.statusReason`, 'a PAID payment has no status reason');
    if (input.returnedOn != null) invalid(`${field}.returnedOn`, 'only a RETURNED payment has a return date');
    return;
  }
  validateText(input.statusReason, `${field}.statusReason`, 200, true);
  if (input.status === DisbursementStatus.RETURNED) {
    if (input.returnedOn == null) invalid(`${field}.returnedOn`, 'a RETURNED payment needs its return date');
    validatePastDate(input.returnedOn, `${field}.returnedOn`, input.paymentDate);
  } else if (input.returnedOn != null) {
    invalid(`${field}.returnedOn`, 'only a RETURNED payment has a return date');
  }
}

/** Register checks for a set of payments: one request for households, one for persons. */
export async function assertInRegister(ctx: SubgraphContext, checked: CheckedDisbursement[], field: (i: number) => string): Promise<void> {
  const withPerson = checked.map((c, i) => ({ c, i })).filter(({ c }) => c.input.personId);
  const withoutPerson = checked.map((c, i) => ({ c, i })).filter(({ c }) => !c.input.personId);
  if (withoutPerson.length) {
    const found = await ctx.register.existingHouseholds(withoutPerson.map(({ c }) => c.input.householdId));
    const missing = withoutPerson.find(({ c }) => !found.has(c.input.householdId));
    if (missing) {
      throw userError(ErrorCode.NOT_IN_REGISTER, `household ${missing.c.input.householdId} is not in the register`, {
        field: `${field(missing.i)}.householdId`,
        id: missing.c.input.householdId,
      });
    }
  }
  if (withPerson.length) {
    const found = await ctx.register.persons(withPerson.map(({ c }) => c.input.personId as string));
    for (const { c, i } of withPerson) {
      const person = found.get(c.input.personId as string);
      if (!person) throw userError(ErrorCode.NOT_IN_REGISTER, `person ${c.input.personId} is not in the register`, { field: `${field(i)}.personId`, id: c.input.personId });
      if (person.householdId !== c.input.householdId) {
        throw userError(ErrorCode.CONFLICT, `person ${c.input.personId} belongs to household ${person.householdId}, not ${c.input.householdId}`, { field: `${field(i)}.personId` });
      }
    }
  }
}

/** Checks against finance's own records, inside the transaction: the loan an interest subsidy pays for. */
async function checkSource(tx: EntityManager, c: CheckedDisbursement, field: string): Promise<void> {
  if (c.rule.source !== 'finance MicroLoan') return;
  const loan = await tx.findOneBy(MicroLoan, { id: c.input.sourceRecordId as string });
  if (!loan) throw userError(ErrorCode.CONFLICT, `loan ${c.input.sourceRecordId} does not exist`, { field: `${field}.sourceRecordId` });
  if (loan.householdId !== c.input.householdId) {
    throw userError(ErrorCode.CONFLICT, `loan ${loan.id} belongs to household ${loan.householdId}, not ${c.input.householdId}`, { field: `${field}.sourceRecordId` });
  }
  if (loan.status === MicroLoanStatus.DEFAULTED || loan.interestSubsidyShare === 0) {
    throw userError(ErrorCode.CONFLICT, `loan ${loan.id} has no interest subsidy (defaulted or not subsidised)`, { field: `${field}.sourceRecordId` });
  }
}

export async function insertDisbursements(tx: EntityManager, department: string, checked: CheckedDisbursement[], field: (i: number) => string): Promise<number[]> {
  const seen = new Set<string>();
  for (const [i, c] of checked.entries()) {
    const key = naturalKey(c.input);
    if (seen.has(key)) throw userError(ErrorCode.CONFLICT, 'the same payment (programme, period, household, member, source record, batch) appears twice', { field: field(i) });
    seen.add(key);
    await checkSource(tx, c, field(i));
  }
  const existing: Array<{ programme: string; period: string; household_id: string; person_id: string | null; source_record_id: string | null; batch_no: string }> = await tx.query(
    `SELECT programme, period, household_id, person_id, source_record_id, batch_no FROM disbursement
     WHERE (programme, period, household_id, COALESCE(person_id, ''), COALESCE(source_record_id, ''), batch_no) IN
       (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]))`,
    [
      checked.map((c) => c.input.programme),
      checked.map((c) => c.input.period),
      checked.map((c) => c.input.householdId),
      checked.map((c) => c.input.personId ?? ''),
      checked.map((c) => c.input.sourceRecordId ?? ''),
      checked.map((c) => c.input.batchNo),
    ],
  );
  if (existing.length) {
    const taken = new Set(
      existing.map((e) => naturalKey({ programme: e.programme, period: e.period, householdId: e.household_id, personId: e.person_id, sourceRecordId: e.source_record_id, batchNo: e.batch_no })),
    );
    const i = checked.findIndex((c) => taken.has(naturalKey(c.input)));
    throw userError(ErrorCode.CONFLICT, `payment ${checked[i].input.programme} ${checked[i].input.period} of batch ${checked[i].input.batchNo} is already recorded for this household`, { field: field(i) });
  }
  let ids: number[];
  try {
    const result = await tx.insert(
      Disbursement,
      checked.map(({ input, rule, year, payee }) => ({
        householdId: input.householdId,
        personId: input.personId ?? null,
        programme: input.programme,
        dutyArea: rule.dutyArea,
        department: rule.department,
        payee,
        amount: input.amount,
        paymentDate: input.paymentDate,
        period: input.period,
        periodKind: parsePeriod(input.period)!.kind,
        year,
        batchNo: input.batchNo,
        status: input.status,
        statusReason: input.statusReason ?? null,
        returnedOn: input.returnedOn ?? null,
        sourceRecordId: input.sourceRecordId ?? null,
      })),
    );
    ids = result.identifiers.map((r) => Number(r.id));
  } catch (error) {
    conflictOnDuplicate(error, 'this payment is already recorded', field(0));
  }
  await recordChanges(
    tx,
    department,
    checked.map(({ input }, i) => ({ record: 'Disbursement', recordId: String(ids[i]), kind: 'CREATED' as const, householdId: input.householdId, personId: input.personId ?? null })),
  );
  return ids;
}

/** programme, period, household, member, source record, batch: one payment. */
export function naturalKey(d: { programme: string; period: string; householdId: string; personId?: string | null; sourceRecordId?: string | null; batchNo: string }): string {
  return [d.programme, d.period, d.householdId, d.personId ?? '', d.sourceRecordId ?? '', d.batchNo].join('|');
}

export async function returnDisbursement(tx: EntityManager, department: string, id: string, input: ReturnDisbursementInput): Promise<void> {
  validateText(input.reason, 'input.reason', 200, true);
  if (!/^[1-9][0-9]{0,17}$/.test(id)) throw notFound('disbursement', id);
  const [row] = await tx.query('SELECT id FROM disbursement WHERE id = $1 FOR UPDATE', [id]);
  if (!row) throw notFound('disbursement', id);
  const d = await tx.findOneByOrFail(Disbursement, { id: Number(id) });
  if (d.status !== DisbursementStatus.PAID) throw userError(ErrorCode.CONFLICT, `disbursement ${id} is ${d.status}; only a PAID payment can be returned`, { field: 'id' });
  validatePastDate(input.returnedOn, 'input.returnedOn', d.paymentDate);
  await tx.update(Disbursement, { id: d.id }, { status: DisbursementStatus.RETURNED, statusReason: input.reason, returnedOn: input.returnedOn });
  await recordChanges(tx, department, [{ record: 'Disbursement', recordId: id, kind: 'UPDATED', householdId: d.householdId, personId: d.personId }]);
}
