import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  assertInScope,
  ConnectionType,
  LocalDateScalar,
  MoneyScalar,
  PageArgs,
  paginate,
  RegionCodeScalar,
  runIdempotent,
  SubgraphContext,
  todayLocalDate,
  validateDataYear,
} from '@saf/kit';
import { DisbursementStatus, MicroLoanStatus } from '../codes';
import { HouseholdKey, PersonKey, RegisterKey } from '../registerKeys';
import { daysBetween } from '../common/validation';
import { Disbursement } from '../disbursement/entities';
import { interestSubsidiesByLoan } from '../disbursement/loaders';
import { MicrocreditRiskFund, MicroLoan, MicroLoanRepayment, RiskFundCompensation, RiskFundContribution } from './entities';
import {
  DefaultMicroLoanInput,
  MarkMicroLoanOverdueInput,
  MicroLoanInput,
  MicroLoanPayload,
  MicroLoanRepaymentInput,
  MicroLoanRepaymentPayload,
  RiskFundContributionInput,
  RiskFundContributionPayload,
} from './inputs';
import { compensationByLoan, compensationsByCountyYear, contributionsByCountyYear, loanById, repaymentsByLoan } from './loaders';
import { riskFunds } from './riskFund';
import { loanSearch, loanTotals, MicroLoanFilter, MicroLoanGrouping, MicroLoanSummary, MicroLoanTotal, summarizeLoans } from './search';
import * as writes from './writes';

export const MicroLoanConnection = ConnectionType(MicroLoan, 'MicroLoan', { summary: MicroLoanSummary });

@ArgsType()
class MicroLoansArgs extends PageArgs {
  @Field(() => MicroLoanFilter, { nullable: true })
  filter?: MicroLoanFilter;
}

const KEY_DESCRIPTION = 'A client-chosen key (8–200 characters). Repeating a request with the same key returns the first result without writing again.';

@Resolver(() => MicroLoan)
export class MicroLoanResolver {
  @Query(() => MicroLoan, { nullable: true, description: 'One microcredit loan by its contract number.' })
  microLoan(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<MicroLoan | null> {
    return ctx.loaders.get(loanById).load(String(id));
  }

  @Query(() => MicroLoanConnection, { description: 'Poverty microcredit loans in household order, filtered and paginated, with count and principal disbursed.' })
  async microLoans(@Args(() => MicroLoansArgs) args: MicroLoansArgs, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const page = await paginate(loanSearch(ctx.db, filter), {
      alias: 'l',
      key: ['household_id', 'id'],
      keyOf: (l) => [l.householdId, l.id],
      first: args.first,
      after: args.after,
      summarize: () => summarizeLoans(ctx.db, filter),
    });
    for (const row of page.nodes) ctx.loaders.get(loanById).prime(row.id, row);
    return page;
  }

  @Query(() => [MicroLoanTotal], { description: 'Loan counts and exact sums (disbursed, repaid, outstanding, overdue, subsidised), grouped as asked.' })
  microLoanTotals(
    @Arg('filter', () => MicroLoanFilter, { nullable: true }) filter: MicroLoanFilter | null,
    @Arg('groupBy', () => [MicroLoanGrouping], { defaultValue: [] }) groupBy: MicroLoanGrouping[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicroLoanTotal[]> {
    return loanTotals(ctx.db, filter ?? {}, groupBy);
  }

  @FieldResolver(() => HouseholdKey)
  household(@Root() loan: MicroLoan): RegisterKey {
    return { id: loan.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The borrowing member.' })
  borrower(@Root() loan: MicroLoan): RegisterKey {
    return { id: loan.borrowerId };
  }

  @FieldResolver(() => String, { description: 'The annual rate as an exact percentage string, e.g. "4.35".' })
  annualRate(@Root() loan: MicroLoan): string {
    return `${Math.floor(loan.annualRateBasisPoints / 100)}.${String(loan.annualRateBasisPoints % 100).padStart(2, '0')}`;
  }

  @FieldResolver(() => RegionCodeScalar, { description: 'The county whose risk fund backs the loan.' })
  countyCode(@Root() loan: MicroLoan): string {
    return writes.countyOf(loan.householdId);
  }

  @FieldResolver(() => [MicroLoanRepayment], { description: 'Repayments, oldest first.' })
  repayments(@Root() loan: MicroLoan, @Ctx() ctx: SubgraphContext): Promise<MicroLoanRepayment[]> {
    return ctx.loaders.get(repaymentsByLoan).load(loan.id);
  }

  @FieldResolver(() => MoneyScalar)
  async principalRepaid(@Root() loan: MicroLoan, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await ctx.loaders.get(repaymentsByLoan).load(loan.id)).reduce((s, r) => s + r.principal, 0);
  }

  @FieldResolver(() => MoneyScalar, { description: 'Principal not yet repaid (a defaulted loan keeps its written-off principal here).' })
  async principalOutstanding(@Root() loan: MicroLoan, @Ctx() ctx: SubgraphContext): Promise<number> {
    return loan.amount - (await this.principalRepaid(loan, ctx));
  }

  @FieldResolver(() => MoneyScalar, { description: 'Interest the borrower paid.' })
  async interestPaid(@Root() loan: MicroLoan, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await ctx.loaders.get(repaymentsByLoan).load(loan.id)).reduce((s, r) => s + r.interest, 0);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Days overdue: to `asOf` (default today) while OVERDUE, to the default date when DEFAULTED, else null.' })
  overdueDays(@Root() loan: MicroLoan, @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: string | null): number | null {
    if (!loan.overdueSince) return null;
    if (loan.status === MicroLoanStatus.OVERDUE) return Math.max(0, daysBetween(loan.overdueSince, asOf ?? todayLocalDate()));
    if (loan.status === MicroLoanStatus.DEFAULTED && loan.defaultedOn) return daysBetween(loan.overdueSince, loan.defaultedOn);
    return null;
  }

  @FieldResolver(() => [Disbursement], { description: '贴息: the interest-subsidy payments made for this loan (through 一卡通).' })
  interestSubsidies(@Root() loan: MicroLoan, @Ctx() ctx: SubgraphContext): Promise<Disbursement[]> {
    return ctx.loaders.get(interestSubsidiesByLoan).load(loan.id);
  }

  @FieldResolver(() => MoneyScalar, { description: '贴息额: interest subsidies paid (PAID payments only).' })
  async interestSubsidised(@Root() loan: MicroLoan, @Ctx() ctx: SubgraphContext): Promise<number> {
    const rows = await ctx.loaders.get(interestSubsidiesByLoan).load(loan.id);
    return rows.filter((d) => d.status === DisbursementStatus.PAID).reduce((s, d) => s + d.amount, 0);
  }

  @FieldResolver(() => RiskFundCompensation, { nullable: true, description: 'What the county risk fund paid for this loan, if it defaulted.' })
  compensation(@Root() loan: MicroLoan, @Ctx() ctx: SubgraphContext): Promise<RiskFundCompensation | null> {
    return ctx.loaders.get(compensationByLoan).load(loan.id);
  }

  @Mutation(() => MicroLoanPayload, { description: '放款: records a poverty microcredit loan (≤ 50,000 yuan, ≤ 36 months, borrower 18–65, one open loan per household).' })
  async disburseMicroLoan(
    @Arg('input', () => MicroLoanInput) input: MicroLoanInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicroLoanPayload> {
    writes.validateLoan(input);
    await writes.checkBorrower(ctx, input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'disburseMicroLoan', input }, (tx) => writes.disburseLoan(tx, ctx.department, input));
    return { loan: await reloadLoan(ctx, result), replayed };
  }

  @Mutation(() => MicroLoanRepaymentPayload, { description: '还款: records a repayment; paying off the principal closes the loan (REPAID), paying the overdue amount cures it.' })
  async repayMicroLoan(
    @Arg('loanId', () => ID) loanId: string,
    @Arg('input', () => MicroLoanRepaymentInput) input: MicroLoanRepaymentInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicroLoanRepaymentPayload> {
    writes.validateRepayment(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'repayMicroLoan', input: { loanId, input } }, (tx) => writes.repayLoan(tx, ctx.department, String(loanId), input));
    const repayment = await ctx.db.getRepository(MicroLoanRepayment).findOneByOrFail({ id: Number(result) });
    return { repayment, loan: await reloadLoan(ctx, String(loanId)), replayed };
  }

  @Mutation(() => MicroLoanPayload, { description: '逾期: marks a loan overdue (or updates the overdue amount); the interest subsidy stops while it is.' })
  async markMicroLoanOverdue(
    @Arg('loanId', () => ID) loanId: string,
    @Arg('input', () => MarkMicroLoanOverdueInput) input: MarkMicroLoanOverdueInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicroLoanPayload> {
    writes.validateOverdue(input);
    const { replayed } = await runIdempotent(ctx, { key, operation: 'markMicroLoanOverdue', input: { loanId, input } }, (tx) => writes.markOverdue(tx, ctx.department, String(loanId), input));
    return { loan: await reloadLoan(ctx, String(loanId)), replayed };
  }

  @Mutation(() => MicroLoanPayload, { description: '不良: declares an overdue loan bad; the county risk fund compensates the bank and the interest subsidy is cancelled.' })
  async defaultMicroLoan(
    @Arg('loanId', () => ID) loanId: string,
    @Arg('input', () => DefaultMicroLoanInput) input: DefaultMicroLoanInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicroLoanPayload> {
    writes.validateDefault(input);
    const { replayed } = await runIdempotent(ctx, { key, operation: 'defaultMicroLoan', input: { loanId, input } }, (tx) => writes.defaultLoan(tx, ctx.department, String(loanId), input));
    return { loan: await reloadLoan(ctx, String(loanId)), replayed };
  }
}

async function reloadLoan(ctx: SubgraphContext, id: string): Promise<MicroLoan> {
  return ctx.db.getRepository(MicroLoan).findOneByOrFail({ id });
}

@Resolver(() => MicrocreditRiskFund)
export class RiskFundResolver {
  @Query(() => [MicrocreditRiskFund], { description: '风险补偿金: county risk-compensation funds by year (balances, contributions, compensations, loan book and leverage).' })
  microcreditRiskFunds(
    @Arg('regionPrefix', () => String, { nullable: true, description: 'A 2, 4 or 6-digit region prefix (funds are per county).' }) regionPrefix: string | null,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicrocreditRiskFund[]> {
    if (year != null) validateDataYear(year);
    return riskFunds(ctx.db, regionPrefix, year);
  }

  @Query(() => MicrocreditRiskFund, { nullable: true, description: 'One county fund in one year.' })
  async microcreditRiskFund(
    @Arg('countyCode', () => RegionCodeScalar) countyCode: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicrocreditRiskFund | null> {
    validateDataYear(year);
    // Funds are per county: the county must lie in the caller's region (the kit's guard sees no region argument here).
    assertInScope(ctx.identity, countyCode, 'countyCode');
    const funds = await riskFunds(ctx.db, countyCode.slice(0, 6), year);
    return funds.find((f) => f.countyCode === countyCode) ?? null;
  }

  @FieldResolver(() => [RiskFundContribution], { description: 'The contributions of the year.' })
  contributionRecords(@Root() fund: MicrocreditRiskFund, @Ctx() ctx: SubgraphContext): Promise<RiskFundContribution[]> {
    return ctx.loaders.get(contributionsByCountyYear).load(`${fund.countyCode}:${fund.year}`);
  }

  @FieldResolver(() => [RiskFundCompensation], { description: 'The compensations of the year.' })
  compensationRecords(@Root() fund: MicrocreditRiskFund, @Ctx() ctx: SubgraphContext): Promise<RiskFundCompensation[]> {
    return ctx.loaders.get(compensationsByCountyYear).load(`${fund.countyCode}:${fund.year}`);
  }

  @Mutation(() => RiskFundContributionPayload, { description: 'Records a contribution to a county risk-compensation fund.' })
  async contributeToRiskFund(
    @Arg('input', () => RiskFundContributionInput) input: RiskFundContributionInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiskFundContributionPayload> {
    writes.validateContribution(input);
    // A contribution belongs to no household, so recordChanges cannot place it: the county must be the officer's.
    assertInScope(ctx.identity, input.countyCode, 'input.countyCode');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'contributeToRiskFund', input }, (tx) => writes.contribute(tx, ctx.department, input));
    return { contribution: await ctx.db.getRepository(RiskFundContribution).findOneByOrFail({ id: Number(result) }), replayed };
  }
}
