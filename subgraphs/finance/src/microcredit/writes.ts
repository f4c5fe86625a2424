import { EntityManager } from 'typeorm';
import { ErrorCode, notFound, recordChanges, RegionLevel, regionLevel, SubgraphContext, userError } from '@saf/kit';
import { CreditRating, MICROCREDIT, MicroLoanStatus } from '../codes';
import { addMonths, ageOn, conflictOnDuplicate, invalid, validateAmount, validateLoanId, validatePastDate, validateText } from '../common/validation';
import { MicroLoan, MicroLoanRepayment, RiskFundCompensation, RiskFundContribution } from './entities';
import { DefaultMicroLoanInput, MarkMicroLoanOverdueInput, MicroLoanInput, MicroLoanRepaymentInput, RiskFundContributionInput } from './inputs';

/** 评级授信: the largest credit line each rating allows (fen). */
export const CREDIT_LINE_BY_RATING: Readonly<Record<CreditRating, number>> = {
  [CreditRating.AAA]: 5_000_000,
  [CreditRating.AA]: 3_000_000,
  [CreditRating.A]: 1_000_000,
};
const FIRST_LOAN_DATE = `${MICROCREDIT.firstYear}-01-01`;

/** The county of a household: its first six digits, as a 12-digit county code. */
export function countyOf(householdId: string): string {
  return `${householdId.slice(0, 6)}000000`;
}

// ---------------------------------------------------------------------------------------------
// Disbursement (放款)

export function validateLoan(input: MicroLoanInput): void {
  validateLoanId(input.id, 'input.id');
  validateAmount(input.creditLine, 'input.creditLine', CREDIT_LINE_BY_RATING[input.creditRating]);
  validateAmount(input.amount, 'input.amount', Math.min(MICROCREDIT.maxAmountFen, input.creditLine));
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1 || input.termMonths > MICROCREDIT.maxTermMonths) {
    invalid('input.termMonths', `termMonths must be 1 to ${MICROCREDIT.maxTermMonths}`);
  }
  if (!Number.isInteger(input.annualRateBasisPoints) || input.annualRateBasisPoints < 1 || input.annualRateBasisPoints > MICROCREDIT.maxRateBasisPoints) {
    invalid('input.annualRateBasisPoints', `annualRateBasisPoints must be 1 to ${MICROCREDIT.maxRateBasisPoints} (435 = 4.35 %)`);
  }
  if (!Number.isInteger(input.interestSubsidyShare) || input.interestSubsidyShare < 0 || input.interestSubsidyShare > 100) {
    invalid('input.interestSubsidyShare', 'interestSubsidyShare must be 0 to 100 per cent');
  }
  validatePastDate(input.disbursementDate, 'input.disbursementDate', FIRST_LOAN_DATE);
  validateText(input.purposeDetail, 'input.purposeDetail', 100);
}

/** The borrower must be a member of the household and 18–65 on the disbursement date. */
export async function checkBorrower(ctx: SubgraphContext, input: MicroLoanInput): Promise<void> {
  const found = await ctx.register.assertPersonsExist([{ personId: input.borrowerId, householdId: input.householdId }], 'input.borrowerId');
  const person = found.get(input.borrowerId)!;
  const age = ageOn(person.birthDate, input.disbursementDate);
  if (age < MICROCREDIT.minBorrowerAge || age > MICROCREDIT.maxBorrowerAge) {
    invalid('input.borrowerId', `the borrower is ${age} on ${input.disbursementDate}; poverty microcredit lends to members aged ${MICROCREDIT.minBorrowerAge} to ${MICROCREDIT.maxBorrowerAge}`);
  }
}

export async function disburseLoan(tx: EntityManager, department: string, input: MicroLoanInput): Promise<string> {
  if (await tx.existsBy(MicroLoan, { id: input.id })) throw userError(ErrorCode.CONFLICT, `loan contract ${input.id} is already recorded`, { field: 'input.id' });
  const open = await tx.query(`SELECT id FROM micro_loan WHERE household_id = $1 AND status IN ('ACTIVE', 'OVERDUE') FOR UPDATE`, [input.householdId]);
  if (open.length) {
    throw userError(ErrorCode.CONFLICT, `household ${input.householdId} still has loan ${open[0].id} open; 户借户用户还 allows one open loan per household`, { field: 'input.householdId' });
  }
  try {
    await tx.insert(MicroLoan, {
      id: input.id,
      householdId: input.householdId,
      borrowerId: input.borrowerId,
      creditRating: input.creditRating,
      creditLine: input.creditLine,
      bank: input.bank,
      amount: input.amount,
      disbursementDate: input.disbursementDate,
      termMonths: input.termMonths,
      maturityDate: addMonths(input.disbursementDate, input.termMonths),
      annualRateBasisPoints: input.annualRateBasisPoints,
      interestSubsidyShare: input.interestSubsidyShare,
      purpose: input.purpose,
      purposeDetail: input.purposeDetail ?? null,
      status: MicroLoanStatus.ACTIVE,
      overdueSince: null,
      overdueAmount: 0,
      repaidOn: null,
      defaultedOn: null,
    });
  } catch (error) {
    conflictOnDuplicate(error, `loan ${input.id} conflicts with a recorded loan`, 'input.id');
  }
  await recordChanges(tx, department, [{ record: 'MicroLoan', recordId: input.id, kind: 'CREATED', householdId: input.householdId, personId: input.borrowerId }]);
  return input.id;
}

// ---------------------------------------------------------------------------------------------
// Lifecycle: repay, mark overdue, default

async function lockLoan(tx: EntityManager, id: string): Promise<MicroLoan> {
  const [row] = await tx.query('SELECT id FROM micro_loan WHERE id = $1 FOR UPDATE', [id]);
  if (!row) throw notFound('loan', id);
  return tx.findOneByOrFail(MicroLoan, { id });
}

async function principalRepaid(tx: EntityManager, loanId: string): Promise<number> {
  const [row] = await tx.query('SELECT COALESCE(sum(principal_fen), 0)::bigint AS repaid FROM micro_loan_repayment WHERE loan_id = $1', [loanId]);
  return Number(row.repaid);
}

export function validateRepayment(input: MicroLoanRepaymentInput): void {
  validatePastDate(input.date, 'input.date', FIRST_LOAN_DATE);
  validateAmount(input.principal, 'input.principal', MICROCREDIT.maxAmountFen, true);
  validateAmount(input.interest, 'input.interest', MICROCREDIT.maxAmountFen, true);
  if (input.principal + input.interest === 0) invalid('input', 'a repayment pays some principal or interest');
}

export async function repayLoan(tx: EntityManager, department: string, loanId: string, input: MicroLoanRepaymentInput): Promise<number> {
  const loan = await lockLoan(tx, loanId);
  if (loan.status === MicroLoanStatus.REPAID || loan.status === MicroLoanStatus.DEFAULTED) {
    throw userError(ErrorCode.CONFLICT, `loan ${loanId} is ${loan.status}; it takes no more repayments`, { field: 'loanId' });
  }
  if (input.date < loan.disbursementDate) invalid('input.date', `a repayment cannot precede the disbursement (${loan.disbursementDate})`);
  const outstanding = loan.amount - (await principalRepaid(tx, loanId));
  if (input.principal > outstanding) invalid('input.principal', `only ${(outstanding / 100).toFixed(2)} yuan of principal is outstanding`);
  if (await tx.existsBy(MicroLoanRepayment, { loanId, date: input.date })) {
    throw userError(ErrorCode.CONFLICT, `loan ${loanId} already has a repayment on ${input.date}`, { field: 'input.date' });
  }
  const result = await tx.insert(MicroLoanRepayment, { loanId, date: input.date, principal: input.principal, interest: input.interest });
  const id = Number(result.identifiers[0].id);
  const left = outstanding - input.principal;
  const overdue = Math.max(0, Math.min(left, loan.overdueAmount - input.principal));
  const changes: Partial<MicroLoan> =
    left === 0
      ? { status: MicroLoanStatus.REPAID, repaidOn: input.date, overdueAmount: 0 }
      : loan.status === MicroLoanStatus.OVERDUE
        ? { status: overdue > 0 ? MicroLoanStatus.OVERDUE : MicroLoanStatus.ACTIVE, overdueAmount: overdue }
        : {};
  await tx.update(MicroLoan, { id: loanId }, { ...changes, updatedAt: () => 'now()' });
  await recordChanges(tx, department, [
    { record: 'MicroLoanRepayment', recordId: String(id), kind: 'CREATED', householdId: loan.householdId, personId: loan.borrowerId },
    { record: 'MicroLoan', recordId: loanId, kind: 'UPDATED', householdId: loan.householdId, personId: loan.borrowerId },
  ]);
  return id;
}

export function validateOverdue(input: MarkMicroLoanOverdueInput): void {
  validatePastDate(input.overdueSince, 'input.overdueSince', FIRST_LOAN_DATE);
  validateAmount(input.overdueAmount, 'input.overdueAmount', MICROCREDIT.maxAmountFen);
}

export async function markOverdue(tx: EntityManager, department: string, loanId: string, input: MarkMicroLoanOverdueInput): Promise<void> {
  const loan = await lockLoan(tx, loanId);
  if (loan.status !== MicroLoanStatus.ACTIVE && loan.status !== MicroLoanStatus.OVERDUE) {
    throw userError(ErrorCode.CONFLICT, `loan ${loanId} is ${loan.status}; only an ACTIVE or OVERDUE loan can be marked overdue`, { field: 'loanId' });
  }
  if (input.overdueSince <= loan.disbursementDate) invalid('input.overdueSince', `a loan cannot be overdue before or on its disbursement date (${loan.disbursementDate})`);
  const outstanding = loan.amount - (await principalRepaid(tx, loanId));
  if (input.overdueAmount > outstanding) invalid('input.overdueAmount', `only ${(outstanding / 100).toFixed(2)} yuan of principal is outstanding`);
  await tx.update(MicroLoan, { id: loanId }, { status: MicroLoanStatus.OVERDUE, overdueSince: input.overdueSince, overdueAmount: input.overdueAmount, updatedAt: () => 'now()' });
  await recordChanges(tx, department, [{ record: 'MicroLoan', recordId: loanId, kind: 'UPDATED', householdId: loan.householdId, personId: loan.borrowerId }]);
}

export function validateDefault(input: DefaultMicroLoanInput): void {
  validatePastDate(input.defaultedOn, 'input.defaultedOn', FIRST_LOAN_DATE);
  validatePastDate(input.compensatedOn, 'input.compensatedOn', input.defaultedOn);
  validateAmount(input.compensation, 'input.compensation', MICROCREDIT.maxAmountFen);
  if (!Number.isInteger(input.fundShare) || input.fundShare < 1 || input.fundShare > 100) invalid('input.fundShare', 'fundShare must be 1 to 100 per cent');
}

/** Balance of a county fund on a date: contributions minus compensations up to that day. */
export async function fundBalance(tx: EntityManager, countyCode: string, onDate: string): Promise<number> {
  const [row] = await tx.query(
    `SELECT (SELECT COALESCE(sum(amount_fen), 0) FROM risk_fund_contribution WHERE county_code = $1 AND contribution_date <= $2)
          - (SELECT COALESCE(sum(amount_fen), 0) FROM risk_fund_compensation WHERE county_code = $1 AND compensation_date <= $2) AS balance`,
    [countyCode, onDate],
  );
  return Number(row.balance);
}

export async function defaultLoan(tx: EntityManager, department: string, loanId: string, input: DefaultMicroLoanInput): Promise<void> {
  const loan = await lockLoan(tx, loanId);
  if (loan.status !== MicroLoanStatus.OVERDUE) throw userError(ErrorCode.CONFLICT, `loan ${loanId} is ${loan.status}; only an OVERDUE loan can be declared bad`, { field: 'loanId' });
  if (input.defaultedOn < (loan.overdueSince as string)) invalid('input.defaultedOn', `a loan cannot default before it fell overdue (${loan.overdueSince})`);
  const outstanding = loan.amount - (await principalRepaid(tx, loanId));
  if (input.compensation > outstanding) invalid('input.compensation', `only ${(outstanding / 100).toFixed(2)} yuan of principal is outstanding`);
  const county = countyOf(loan.householdId);
  // Serialise compensations per county so that two cannot overdraw the fund together.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`risk-fund:${county}`]);
  const balance = await fundBalance(tx, county, input.compensatedOn);
  if (balance < input.compensation) {
    throw userError(ErrorCode.CONFLICT, `the risk fund of county ${county} holds ${(balance / 100).toFixed(2)} yuan on ${input.compensatedOn}, less than the compensation`, {
      field: 'input.compensation',
    });
  }
  const result = await tx.insert(RiskFundCompensation, { countyCode: county, loanId, date: input.compensatedOn, amount: input.compensation, fundShare: input.fundShare });
  await tx.update(MicroLoan, { id: loanId }, { status: MicroLoanStatus.DEFAULTED, defaultedOn: input.defaultedOn, updatedAt: () => 'now()' });
  await recordChanges(tx, department, [
    { record: 'MicroLoan', recordId: loanId, kind: 'UPDATED', householdId: loan.householdId, personId: loan.borrowerId },
    { record: 'RiskFundCompensation', recordId: String(result.identifiers[0].id), kind: 'CREATED', householdId: loan.householdId, personId: loan.borrowerId },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Risk fund contributions

export function validateContribution(input: RiskFundContributionInput): void {
  if (regionLevel(input.countyCode) !== RegionLevel.COUNTY) {
    throw userError(ErrorCode.INVALID_REGION_CODE, `${input.countyCode} is not a county-level code (6 digits then zeros)`, { field: 'input.countyCode' });
  }
  validatePastDate(input.date, 'input.date', FIRST_LOAN_DATE);
  validateAmount(input.amount, 'input.amount', 100_000_000_00);
  validateText(input.documentNo, 'input.documentNo', 60);
}

export async function contribute(tx: EntityManager, department: string, input: RiskFundContributionInput): Promise<number> {
  if (await tx.existsBy(RiskFundContribution, { countyCode: input.countyCode, date: input.date, source: input.source })) {
    throw userError(ErrorCode.CONFLICT, `a ${input.source} contribution to ${input.countyCode} on ${input.date} is already recorded`, { field: 'input' });
  }
  const result = await tx.insert(RiskFundContribution, { countyCode: input.countyCode, date: input.date, amount: input.amount, source: input.source, documentNo: input.documentNo ?? null });
  const id = Number(result.identifiers[0].id);
  await recordChanges(tx, department, [{ record: 'RiskFundContribution', recordId: String(id), kind: 'CREATED', householdId: null }]);
  return id;
}
