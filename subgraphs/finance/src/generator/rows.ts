import { tableSpec, TableSpec } from '@saf/kit';
import {
  CreditRating,
  DisbursementStatus,
  FinanceDutyArea,
  FundedDepartment,
  LoanBank,
  LoanPurpose,
  MicroLoanStatus,
  Payee,
  PeriodKind,
  Programme,
  RiskFundSource,
} from '../codes';

/**
 * Generated rows, one interface per table with its columns in camelCase. Dates are 'YYYY-MM-DD'
 * strings, money integer fen. Serial ids are left to the database.
 */
export interface DisbursementRow {
  householdId: string;
  personId: string | null;
  programme: Programme;
  dutyArea: FinanceDutyArea;
  department: FundedDepartment;
  payee: Payee;
  amountFen: number;
  paymentDate: string;
  period: string;
  periodKind: PeriodKind;
  year: number;
  batchNo: string;
  status: DisbursementStatus;
  statusReason: string | null;
  returnedOn: string | null;
  sourceRecordId: string | null;
}

export interface MicroLoanRow {
  id: string;
  householdId: string;
  borrowerId: string;
  creditRating: CreditRating;
  creditLineFen: number;
  bank: LoanBank;
  amountFen: number;
  disbursementDate: string;
  termMonths: number;
  maturityDate: string;
  annualRateBp: number;
  subsidySharePct: number;
  purpose: LoanPurpose;
  purposeDetail: string;
  status: MicroLoanStatus;
  overdueSince: string | null;
  overdueAmountFen: number;
  repaidOn: string | null;
  defaultedOn: string | null;
}

export interface RepaymentRow {
  loanId: string;
  repaymentDate: string;
  principalFen: number;
  interestFen: number;
}

export interface CompensationRow {
  countyCode: string;
  loanId: string;
  compensationDate: string;
  amountFen: number;
  fundSharePct: number;
}

export interface ContributionRow {
  countyCode: string;
  contributionDate: string;
  amountFen: number;
  source: RiskFundSource;
  documentNo: string;
}

export const FINANCE_TABLES = {
  disbursement: tableSpec<DisbursementRow>('disbursement', [
    ['household_id', 'text', (r) => r.householdId],
    ['person_id', 'text', (r) => r.personId],
    ['programme', 'text', (r) => r.programme],
    ['duty_area', 'text', (r) => r.dutyArea],
    ['department', 'text', (r) => r.department],
    ['payee', 'text', (r) => r.payee],
    ['amount_fen', 'bigint', (r) => r.amountFen],
    ['payment_date', 'date', (r) => r.paymentDate],
    ['period', 'text', (r) => r.period],
    ['period_kind', 'text', (r) => r.periodKind],
    ['year', 'smallint', (r) => r.year],
    ['batch_no', 'text', (r) => r.batchNo],
    ['status', 'text', (r) => r.status],
    ['status_reason', 'text', (r) => r.statusReason],
    ['returned_on', 'date', (r) => r.returnedOn],
    ['source_record_id', 'text', (r) => r.sourceRecordId],
  ]),
  micro_loan: tableSpec<MicroLoanRow>('micro_loan', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['borrower_id', 'text', (r) => r.borrowerId],
    ['credit_rating', 'text', (r) => r.creditRating],
    ['credit_line_fen', 'bigint', (r) => r.creditLineFen],
    ['bank', 'text', (r) => r.bank],
    ['amount_fen', 'bigint', (r) => r.amountFen],
    ['disbursement_date', 'date', (r) => r.disbursementDate],
    ['term_months', 'smallint', (r) => r.termMonths],
    ['maturity_date', 'date', (r) => r.maturityDate],
    ['annual_rate_bp', 'integer', (r) => r.annualRateBp],
    ['subsidy_share_pct', 'smallint', (r) => r.subsidySharePct],
    ['purpose', 'text', (r) => r.purpose],
    ['purpose_detail', 'text', (r) => r.purposeDetail],
    ['status', 'text', (r) => r.status],
    ['overdue_since', 'date', (r) => r.overdueSince],
    ['overdue_amount_fen', 'bigint', (r) => r.overdueAmountFen],
    ['repaid_on', 'date', (r) => r.repaidOn],
    ['defaulted_on', 'date', (r) => r.defaultedOn],
  ]),
  micro_loan_repayment: tableSpec<RepaymentRow>('micro_loan_repayment', [
    ['loan_id', 'text', (r) => r.loanId],
    ['repayment_date', 'date', (r) => r.repaymentDate],
    ['principal_fen', 'bigint', (r) => r.principalFen],
    ['interest_fen', 'bigint', (r) => r.interestFen],
  ]),
  risk_fund_contribution: tableSpec<ContributionRow>('risk_fund_contribution', [
    ['county_code', 'text', (r) => r.countyCode],
    ['contribution_date', 'date', (r) => r.contributionDate],
    ['amount_fen', 'bigint', (r) => r.amountFen],
    ['source', 'text', (r) => r.source],
    ['document_no', 'text', (r) => r.documentNo],
  ]),
  risk_fund_compensation: tableSpec<CompensationRow>('risk_fund_compensation', [
    ['county_code', 'text', (r) => r.countyCode],
    ['loan_id', 'text', (r) => r.loanId],
    ['compensation_date', 'date', (r) => r.compensationDate],
    ['amount_fen', 'bigint', (r) => r.amountFen],
    ['fund_share_pct', 'smallint', (r) => r.fundSharePct],
  ]),
} satisfies Record<string, TableSpec>;

/** Load order (foreign keys: repayments and compensations after loans). */
export const FINANCE_TABLE_ORDER: readonly TableSpec[] = [
  FINANCE_TABLES.micro_loan,
  FINANCE_TABLES.micro_loan_repayment,
  FINANCE_TABLES.risk_fund_compensation,
  FINANCE_TABLES.disbursement,
  FINANCE_TABLES.risk_fund_contribution,
];
