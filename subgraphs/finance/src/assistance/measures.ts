import { contribution, DepartmentContribution, DutyAreaCode, measure, Measure } from '@saf/kit';
import { DisbursementStatus } from '../codes';
import { Disbursement } from '../disbursement/entities';
import { MicroLoan } from '../microcredit/entities';
import { FINANCE, FINANCE_ROLES, LOAN_AREA, LOAN_PROGRAMME } from './roles';

/*
 * Finance's measures in the sector view (pure: the resolver loads the rows, these pick and shape them).
 *
 * - A disbursement is a measure of its duty area in year Y when it is PAID and its `year` (the year
 *   of the period paid for, not of the payment date) is Y. RETURNED and FAILED payments never reached
 *   the household, so they are not measures; a re-issued payment is its own PAID row.
 * - A microcredit loan is a FINANCIAL_SERVICES measure in every year it is outstanding: disbursed by
 *   31 December of Y and not repaid or written off before 1 January of Y.
 * The SQL of financeMeasureTotals applies the same rules (totals.ts).
 */

/** Whether a loan is outstanding at some time in the year. */
export function loanOutstandingIn(loan: Pick<MicroLoan, 'disbursementDate' | 'repaidOn' | 'defaultedOn'>, year: number): boolean {
  const ended = loan.repaidOn ?? loan.defaultedOn;
  return loan.disbursementDate <= `${year}-12-31` && (ended === null || ended >= `${year}-01-01`);
}

export function disbursementMeasures(rows: readonly Disbursement[], area: DutyAreaCode, year: number): Measure[] {
  const role = FINANCE_ROLES[area];
  if (!role) return [];
  return rows
    .filter((d) => d.status === DisbursementStatus.PAID && d.year === year && (d.dutyArea as string) === area)
    .map((d) =>
      measure({
        department: FINANCE,
        role,
        recordType: 'Disbursement',
        recordId: String(d.id),
        programme: d.programme,
        year: d.year,
        date: d.paymentDate,
        amount: Number(d.amount),
        personId: d.personId,
        onBehalfOf: d.department,
        sourceRecordId: d.sourceRecordId,
      }),
    );
}

export function loanMeasures(loans: readonly MicroLoan[], area: DutyAreaCode, year: number): Measure[] {
  const role = FINANCE_ROLES[area];
  if (area !== LOAN_AREA || !role) return [];
  return loans
    .filter((l) => loanOutstandingIn(l, year))
    .map((l) =>
      measure({
        department: FINANCE,
        role,
        recordType: 'MicroLoan',
        recordId: l.id,
        programme: LOAN_PROGRAMME,
        year,
        date: l.disbursementDate,
        amount: Number(l.amount),
        personId: l.borrowerId,
      }),
    );
}

/**
 * Finance's contribution to one area of one household in one year: its measures, never a verdict
 * (finance leads no area; FUND_SUPERVISION is supervised per programme, not per household, and the
 * poverty office answers it). Null when finance has no measure there.
 */
export function financeContribution(area: DutyAreaCode, year: number, disbursements: readonly Disbursement[], loans: readonly MicroLoan[]): DepartmentContribution | null {
  const role = FINANCE_ROLES[area];
  if (!role) return null;
  // By date; the sort is stable, so same-day payments keep the loader's order (by id), loans after them.
  const measures = [...disbursementMeasures(disbursements, area, year), ...loanMeasures(loans, area, year)].sort((a, b) => cmp(a.date ?? '', b.date ?? ''));
  return contribution(FINANCE, role, measures, null);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
