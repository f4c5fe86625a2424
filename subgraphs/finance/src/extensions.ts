import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SubgraphContext, validateDataYear } from '@saf/kit';
import { HouseholdKey, PersonKey, RegisterKey } from './registerKeys';
import { DisbursementStatus, FinanceDutyArea, FundedDepartment, MicroLoanStatus, Programme } from './codes';
import { Disbursement, DisbursementTotal } from './disbursement/entities';
import { disbursementsByHousehold, disbursementsByPerson } from './disbursement/loaders';
import { DisbursementGrouping, totalsOf } from './disbursement/search';
import { MicroLoan } from './microcredit/entities';
import { loansByBorrower, loansByHousehold } from './microcredit/loaders';

interface DisbursementArgs {
  year: number | null;
  programme: Programme | null;
  dutyArea: FinanceDutyArea | null;
  department: FundedDepartment | null;
  status: DisbursementStatus | null;
}

function matching(rows: Disbursement[], a: Partial<DisbursementArgs>): Disbursement[] {
  if (a.year != null) validateDataYear(a.year);
  return rows.filter(
    (d) =>
      (a.year == null || d.year === a.year) &&
      (a.programme == null || d.programme === a.programme) &&
      (a.dutyArea == null || d.dutyArea === a.dutyArea) &&
      (a.department == null || d.department === a.department) &&
      (a.status == null || d.status === a.status),
  );
}

/**
 * Finance's fields on the register's Household: what finance paid a household through 一卡通 (by
 * year, programme, duty area, department) and its poverty microcredit. Each list is one batched
 * statement per request, whatever the number of households.
 */
@Resolver(() => HouseholdKey)
export class FinanceHouseholdResolver {
  @FieldResolver(() => [Disbursement], { description: '一卡通 payments to the household (and its members), oldest first, optionally filtered.' })
  async disbursements(
    @Root() household: RegisterKey,
    @Arg('year', () => Int, { nullable: true, description: 'The year of the period paid for.' }) year: number | null,
    @Arg('programme', () => Programme, { nullable: true }) programme: Programme | null,
    @Arg('dutyArea', () => FinanceDutyArea, { nullable: true }) dutyArea: FinanceDutyArea | null,
    @Arg('department', () => FundedDepartment, { nullable: true }) department: FundedDepartment | null,
    @Arg('status', () => DisbursementStatus, { nullable: true }) status: DisbursementStatus | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Disbursement[]> {
    return matching(await ctx.loaders.get(disbursementsByHousehold).load(household.id), { year, programme, dutyArea, department, status });
  }

  @FieldResolver(() => [DisbursementTotal], {
    description: 'The household\'s payments summed by duty area, department and programme (or as grouped), e.g. to see which duty areas finance paid for in a year.',
  })
  async disbursementTotals(
    @Root() household: RegisterKey,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('groupBy', () => [DisbursementGrouping], { defaultValue: [DisbursementGrouping.DUTY_AREA, DisbursementGrouping.DEPARTMENT, DisbursementGrouping.PROGRAMME] })
    groupBy: DisbursementGrouping[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisbursementTotal[]> {
    const rows = matching(await ctx.loaders.get(disbursementsByHousehold).load(household.id), { year });
    const g = new Set(groupBy);
    return totalsOf(rows, (d) => ({
      programme: g.has(DisbursementGrouping.PROGRAMME) ? d.programme : null,
      dutyArea: g.has(DisbursementGrouping.DUTY_AREA) ? d.dutyArea : null,
      department: g.has(DisbursementGrouping.DEPARTMENT) ? d.department : null,
      year: g.has(DisbursementGrouping.YEAR) ? d.year : null,
    }));
  }

  @FieldResolver(() => [MicroLoan], { description: '扶贫小额信贷: the household\'s microcredit loans, oldest first.' })
  async microcredit(
    @Root() household: RegisterKey,
    @Arg('status', () => MicroLoanStatus, { nullable: true }) status: MicroLoanStatus | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MicroLoan[]> {
    const loans = await ctx.loaders.get(loansByHousehold).load(household.id);
    return status ? loans.filter((l) => l.status === status) : loans;
  }

  @FieldResolver(() => MicroLoan, { nullable: true, description: 'The open (ACTIVE or OVERDUE) loan, if any: a household has at most one.' })
  async openMicroLoan(@Root() household: RegisterKey, @Ctx() ctx: SubgraphContext): Promise<MicroLoan | null> {
    const loans = await ctx.loaders.get(loansByHousehold).load(household.id);
    return loans.find((l) => l.status === MicroLoanStatus.ACTIVE || l.status === MicroLoanStatus.OVERDUE) ?? null;
  }
}

/** Finance's fields on the register's Person: payments made for the member, loans they borrowed. */
@Resolver(() => PersonKey)
export class FinancePersonResolver {
  @FieldResolver(() => [Disbursement], { description: '一卡通 payments made for this member (education aid, disability allowance, premium subsidy…).' })
  async disbursements(
    @Root() person: RegisterKey,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('programme', () => Programme, { nullable: true }) programme: Programme | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Disbursement[]> {
    return matching(await ctx.loaders.get(disbursementsByPerson).load(person.id), { year, programme });
  }

  @FieldResolver(() => [MicroLoan], { description: 'Microcredit loans this member signed as borrower.' })
  microLoans(@Root() person: RegisterKey, @Ctx() ctx: SubgraphContext): Promise<MicroLoan[]> {
    return ctx.loaders.get(loansByBorrower).load(person.id);
  }
}
