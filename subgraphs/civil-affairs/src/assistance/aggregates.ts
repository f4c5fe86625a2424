import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { AggregateArgs, AreaCoverageTotal, DutyAreaCode, MeasureTotal, SubgraphContext, toAreaCoverage, toMeasureTotals, validateAggregateArgs } from '@saf/kit';
import { DEPARTMENT_CODE } from '../codes';
import { yearWindow } from './rules';
import { areaCoverageSql, measureTotalsSql } from './sql';

const OWN_TABLES_ONLY =
  "Computed from civil affairs' own tables only: it cannot see finance's payments (the FINANCE expectations of the per-household verdict), nor the register (a case of a household the register lacks counts too, and a register member left out of an enrolment is not seen). AreaAssistance.civilAffairs gives the verdict per household; the sector view adds finance's part.";

/** Civil affairs' dashboard aggregates: one SQL statement each, grouped by region. */
@Resolver()
export class CivilAffairsAggregateResolver {
  @Query(() => [MeasureTotal], {
    description:
      "Civil affairs' measures of the year per region group, area, role and programme. SOCIAL_SAFETY_NET (LEAD): DIBAO, DESTITUTE_SUPPORT, DISABILITY_LIVING_ALLOWANCE and DISABILITY_NURSING_SUBSIDY records in force at some time in the year up to 31 December (today in the running year), amount = the sum of their monthly amounts (dibao: the amount in force on that date or the last day); TEMPORARY_ASSISTANCE approved in the year, amount = cash paid. HEALTH (SUPPORT): MEDICAL_ASSISTANCE_PREMIUM (insurance year) and MEDICAL_ASSISTANCE_TREATMENT grants of the year, amount = the grants.",
  })
  async civilAffairsMeasureTotals(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<MeasureTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const w = yearWindow(year);
    return toMeasureTotals(await ctx.db.query(measureTotalsSql(groupLength), [low, high, year, w.from, w.on]), { department: DEPARTMENT_CODE });
  }

  @Query(() => [AreaCoverageTotal], {
    description: `SOCIAL_SAFETY_NET coverage per region group (groups with no household in need are left out): households with a dibao or destitute-support case in the year (in need), those whose cases are in force or due on 31 December (today in the running year) with none late or stopped with the need left open (covered), and the rest (gap). ${OWN_TABLES_ONLY}`,
  })
  async civilAffairsAreaCoverage(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<AreaCoverageTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const w = yearWindow(year);
    return toAreaCoverage(await ctx.db.query(areaCoverageSql(groupLength), [low, high, w.from, w.on]), DutyAreaCode.SOCIAL_SAFETY_NET, DEPARTMENT_CODE);
  }
}
