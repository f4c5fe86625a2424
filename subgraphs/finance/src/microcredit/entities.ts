import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar, RegionCodeScalar, suppressedNote } from '@saf/kit';
import { CreditRating, LoanBank, LoanPurpose, MicroLoanStatus, RiskFundSource } from '../codes';
import '../enums';

/**
 * 扶贫小额信贷 (国开办发〔2014〕78号): ≤ 50,000 yuan, ≤ 3 years, no collateral, benchmark rate,
 * fiscal interest subsidy, county risk-compensation fund. The id is the bank's loan contract number.
 * Rates are integer basis points (435 = 4.35 % a year): exact, and comparable without decimals.
 */
@Entity('micro_loan')
@ObjectType({ description: '扶贫小额信贷: a poverty microcredit loan to a registered household.' })
@Directive('@key(fields: "id")')
export class MicroLoan {
  @PrimaryColumn({ type: 'text' })
  @Field(() => ID, { description: '借款合同号: the loan contract number.' })
  id: string;

  @Column({ name: 'household_id', type: 'text' })
  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Column({ name: 'borrower_id', type: 'text' })
  @Field(() => PersonIdScalar, { description: 'The member who signed the loan (18–65 at disbursement).' })
  borrowerId: string;

  @Column({ name: 'credit_rating', type: 'text' })
  @Field(() => CreditRating, { description: '评级' })
  creditRating: CreditRating;

  @Column({ name: 'credit_line_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '授信额度' })
  creditLine: number;

  @Column({ type: 'text' })
  @Field(() => LoanBank, { description: '贷款银行' })
  bank: LoanBank;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '贷款金额' })
  amount: number;

  @Column({ name: 'disbursement_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '放款日' })
  disbursementDate: string;

  @Column({ name: 'term_months', type: 'smallint' })
  @Field(() => Int, { description: '期限 in months (at most 36).' })
  termMonths: number;

  @Column({ name: 'maturity_date', type: 'date' })
  @Field(() => LocalDateScalar, { description: '到期日' })
  maturityDate: string;

  @Column({ name: 'annual_rate_bp', type: 'integer' })
  @Field(() => Int, { description: '利率: annual rate in basis points, e.g. 435 for 4.35 %.' })
  annualRateBasisPoints: number;

  @Column({ name: 'subsidy_share_pct', type: 'smallint' })
  @Field(() => Int, { description: 'Share of the interest the fiscal subsidy (贴息) refunds, per cent (100 = full subsidy).' })
  interestSubsidyShare: number;

  @Column({ type: 'text' })
  @Field(() => LoanPurpose, { description: '用途' })
  purpose: LoanPurpose;

  @Column({ name: 'purpose_detail', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What exactly, e.g. 养殖生猪20头.' })
  purposeDetail: string | null;

  @Column({ type: 'text' })
  @Field(() => MicroLoanStatus)
  status: MicroLoanStatus;

  @Column({ name: 'overdue_since', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'First day overdue (逾期日), while or since the loan was overdue.' })
  overdueSince: string | null;

  @Column({ name: 'overdue_amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar, { description: '逾期金额: principal overdue now (0 when not overdue).' })
  overdueAmount: number;

  @Column({ name: 'repaid_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the loan was paid off (结清).' })
  repaidOn: string | null;

  @Column({ name: 'defaulted_on', type: 'date', nullable: true })
  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the loan was declared bad (不良) and the interest subsidy cancelled.' })
  defaultedOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

@Entity('micro_loan_repayment')
@ObjectType({ description: '还款: one repayment of principal and/or interest.' })
export class MicroLoanRepayment {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID)
  id: number;

  @Column({ name: 'loan_id', type: 'text' })
  @Field(() => ID)
  loanId: string;

  @Column({ name: 'repayment_date', type: 'date' })
  @Field(() => LocalDateScalar)
  date: string;

  @Column({ name: 'principal_fen', type: 'bigint' })
  @Field(() => MoneyScalar)
  principal: number;

  @Column({ name: 'interest_fen', type: 'bigint' })
  @Field(() => MoneyScalar)
  interest: number;
}

@Entity('risk_fund_contribution')
@ObjectType({ description: 'A contribution to a county risk-compensation fund (风险补偿金).' })
export class RiskFundContribution {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID)
  id: number;

  @Column({ name: 'county_code', type: 'text' })
  @Field(() => RegionCodeScalar)
  countyCode: string;

  @Column({ name: 'contribution_date', type: 'date' })
  @Field(() => LocalDateScalar)
  date: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar)
  amount: number;

  @Column({ type: 'text' })
  @Field(() => RiskFundSource)
  source: RiskFundSource;

  @Column({ name: 'document_no', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '拨款文号' })
  documentNo: string | null;
}

@Entity('risk_fund_compensation')
@ObjectType({ description: '风险补偿: what the county fund paid the bank for a defaulted loan.' })
export class RiskFundCompensation {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  @Field(() => ID)
  id: number;

  @Column({ name: 'county_code', type: 'text' })
  @Field(() => RegionCodeScalar)
  countyCode: string;

  @Column({ name: 'loan_id', type: 'text' })
  @Field(() => ID)
  loanId: string;

  @Column({ name: 'compensation_date', type: 'date' })
  @Field(() => LocalDateScalar)
  date: string;

  @Column({ name: 'amount_fen', type: 'bigint' })
  @Field(() => MoneyScalar)
  amount: number;

  @Column({ name: 'fund_share_pct', type: 'smallint' })
  @Field(() => Int, { description: 'Share of the loss the fund bears (the bank bears the rest), per cent.' })
  fundShare: number;
}

/** A county fund in one year, computed from contributions, compensations and the loan book. */
@ObjectType({ description: 'A county risk-compensation fund (风险补偿金) in one year, with the leverage of the loan book on it.' })
export class MicrocreditRiskFund {
  @Field(() => RegionCodeScalar, { description: 'The county (12-digit code).' })
  countyCode: string;

  @Field(() => Int)
  year: number;

  @Field(() => MoneyScalar, { description: 'Balance at the start of the year.' })
  openingBalance: number;

  @Field(() => MoneyScalar, { description: 'Contributions during the year.' })
  contributions: number;

  @Field(() => MoneyScalar, { description: 'Compensations paid for defaulted loans during the year.' })
  compensations: number;

  @Field(() => MoneyScalar, { description: 'Balance at the end of the year.' })
  closingBalance: number;

  @Field(() => Int, { nullable: true, description: 'Loans disbursed during the year.' })
  loansDisbursed: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  amountDisbursed: number | null;

  @Field(() => Int, { nullable: true, description: 'Loans with principal outstanding at the end of the year (defaulted loans are written off).' })
  loansOutstanding: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Principal outstanding at the end of the year.' })
  principalOutstanding: number | null;

  @Field(() => String, { nullable: true, description: '放大倍数: principal outstanding / closing balance, exact to two decimals (e.g. "8.53"); null without a positive balance (or in a suppressed cell).' })
  leverage: string | null;

  @Field(() => Boolean, { description: suppressedNote('loans') })
  suppressed: boolean = false;
}
