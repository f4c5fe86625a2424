import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, MoneyScalar, PersonIdScalar, RegionCodeScalar } from '@saf/kit';
import { CreditRating, LoanBank, LoanPurpose, RiskFundSource } from '../codes';
import { MicroLoan, MicroLoanRepayment, RiskFundContribution } from './entities';

@InputType({ description: 'A poverty microcredit loan as the bank disbursed it (放款).' })
export class MicroLoanInput {
  @Field(() => String, { description: '借款合同号: 6–40 digits, capital letters and dashes; the loan\'s id.' })
  id: string;

  @Field(() => HouseholdIdScalar)
  householdId: string;

  @Field(() => PersonIdScalar, { description: 'The borrowing member, 18–65 on the disbursement date.' })
  borrowerId: string;

  @Field(() => CreditRating)
  creditRating: CreditRating;

  @Field(() => MoneyScalar, { description: '授信额度: at most 50,000 (AAA), 30,000 (AA) or 10,000 (A).' })
  creditLine: number;

  @Field(() => LoanBank)
  bank: LoanBank;

  @Field(() => MoneyScalar, { description: 'At most the credit line and 50,000.' })
  amount: number;

  @Field(() => LocalDateScalar)
  disbursementDate: string;

  @Field(() => Int, { description: '1 to 36 months.' })
  termMonths: number;

  @Field(() => Int, { description: 'Annual rate in basis points (435 = 4.35 %).' })
  annualRateBasisPoints: number;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: 'Per cent of the interest refunded by the fiscal subsidy.' })
  interestSubsidyShare: number;

  @Field(() => LoanPurpose)
  purpose: LoanPurpose;

  @Field(() => String, { nullable: true })
  purposeDetail?: string | null;
}

@InputType()
export class MicroLoanRepaymentInput {
  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => MoneyScalar, { description: 'Zero when none.' })
  principal: number;

  @Field(() => MoneyScalar, { description: 'Zero when none.' })
  interest: number;
}

@InputType()
export class MarkMicroLoanOverdueInput {
  @Field(() => LocalDateScalar, { description: 'First day overdue.' })
  overdueSince: string;

  @Field(() => MoneyScalar, { description: 'Principal overdue; at most the principal outstanding.' })
  overdueAmount: number;
}

@InputType({ description: 'Declares an overdue loan bad (不良): the interest subsidy stops and the county fund compensates the bank.' })
export class DefaultMicroLoanInput {
  @Field(() => LocalDateScalar)
  defaultedOn: string;

  @Field(() => MoneyScalar, { description: 'What the county risk fund pays the bank; at most the principal outstanding.' })
  compensation: number;

  @Field(() => Int, { description: 'Share of the loss the fund bears, per cent (the bank bears the rest).' })
  fundShare: number;

  @Field(() => LocalDateScalar)
  compensatedOn: string;
}

@InputType()
export class RiskFundContributionInput {
  @Field(() => RegionCodeScalar, { description: 'The county (a county-level code, e.g. 500154000000).' })
  countyCode: string;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => MoneyScalar)
  amount: number;

  @Field(() => RiskFundSource)
  source: RiskFundSource;

  @Field(() => String, { nullable: true, description: '拨款文号' })
  documentNo?: string | null;
}

@ObjectType()
export class MicroLoanPayload {
  @Field(() => MicroLoan)
  loan: MicroLoan;

  @Field(() => Boolean, { description: 'True when the idempotency key was seen before and nothing was written again.' })
  replayed: boolean;
}

@ObjectType()
export class MicroLoanRepaymentPayload {
  @Field(() => MicroLoanRepayment)
  repayment: MicroLoanRepayment;

  @Field(() => MicroLoan)
  loan: MicroLoan;

  @Field(() => Boolean)
  replayed: boolean;
}

@ObjectType()
export class RiskFundContributionPayload {
  @Field(() => RiskFundContribution)
  contribution: RiskFundContribution;

  @Field(() => Boolean)
  replayed: boolean;
}
