import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AggregateArgs, DepartmentContribution, MeasureTotal, SubgraphContext, validateAggregateArgs } from '@saf/kit';
import { disbursementsByHousehold } from '../disbursement/loaders';
import { loansByHousehold } from '../microcredit/loaders';
import { AreaAssistanceKey, AreaAssistanceRef } from './keys';
import { financeContribution } from './measures';
import { FINANCE_ROLES, LOAN_AREA } from './roles';
import { financeMeasureTotals } from './totals';

/**
 * Finance's part of the sector view. The gateway sends ~19 AreaAssistance representations per
 * household; all of them load through the per-request household loaders (one statement for all
 * households' disbursements, one for their loans), so the statement count does not grow with the
 * number of households.
 */
@Resolver(() => AreaAssistanceKey)
export class FinanceAssistanceResolver {
  @FieldResolver(() => DepartmentContribution, {
    nullable: true,
    description:
      "Finance's payments in this area for the household: PAID disbursements whose period is in the year (onBehalfOf: the department the payment is for; " +
      'sourceRecordId: that department\'s record), and in FINANCIAL_SERVICES its microcredit loans outstanding in the year. Role per the duty matrix; never a verdict. Null when there are none.',
  })
  async finance(@Root() ref: AreaAssistanceRef, @Ctx() ctx: SubgraphContext): Promise<DepartmentContribution | null> {
    if (!FINANCE_ROLES[ref.area]) return null; // no statement for areas finance has no part in
    const [disbursements, loans] = await Promise.all([
      ctx.loaders.get(disbursementsByHousehold).load(ref.householdId),
      ref.area === LOAN_AREA ? ctx.loaders.get(loansByHousehold).load(ref.householdId) : Promise.resolve([]),
    ]);
    return financeContribution(ref.area, ref.year, disbursements, loans);
  }
}

@Resolver()
export class FinanceAggregateResolver {
  @Query(() => [MeasureTotal], {
    description:
      "Finance's measures per region group, duty area and programme in a year (dashboards): PAID disbursements whose period is in the year, " +
      "summed per finance programme across the departments they are paid for, and microcredit loans (programme MICROCREDIT_LOAN) outstanding in the year, " +
      'with their principal (a loan counts in every year it is outstanding, so loan amounts do not add up across years). One SQL statement.',
  })
  async financeMeasureTotals(@Args() args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<MeasureTotal[]> {
    return financeMeasureTotals(ctx.db, validateAggregateArgs(args));
  }
}
