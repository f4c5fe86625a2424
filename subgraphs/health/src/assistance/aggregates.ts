import { Args, Ctx, Query, Resolver } from 'type-graphql';
import {
  AggregateArgs, AreaCoverageTotal, ContributionRole, DutyAreaCode, exitFailures, ExitPredicateFailures, MeasureTotal, RegionYearArgs, SubgraphContext,
  toAreaCoverage, toMeasureTotals, validateAggregateArgs,
} from '@saf/kit';
import { HEALTH_DEPARTMENT } from '../codes';
import { BASIC_MEDICAL_CARE } from './resolvers';
import { areaCoverageSql, EXIT_FAILURES_SQL, measureTotalsSql } from './sql';

const OWN_TABLES_ONLY =
  "Computed from health's own tables only: health cannot see the register's members, so a person counts in a year when health's records of them span that year (a member health never recorded is not seen), and it cannot see finance's premium-subsidy payments. The per-household verdict (AreaAssistance.health, ExitAssessment.basicMedicalCare) checks both.";

/** Health's dashboard aggregates and its exit-failure feed: one SQL statement each. */
@Resolver()
export class HealthAggregateResolver {
  @Query(() => [MeasureTotal], {
    description:
      "Health's measures of the year per region group and programme, all in the HEALTH area as LEAD: enrolments of the insurance year (not cancelled; amount = premium), family-doctor contracts running in the year and special treatments open in it (no amount), hospital settlements of the discharge year (amount = basic + critical-illness insurance paid).",
  })
  async healthMeasureTotals(@Args() args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<MeasureTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const rows = await ctx.db.query(measureTotalsSql(groupLength), [low, high, year]);
    return toMeasureTotals(rows, { department: HEALTH_DEPARTMENT, area: DutyAreaCode.HEALTH, role: ContributionRole.LEAD });
  }

  @Query(() => [AreaCoverageTotal], {
    description: `HEALTH coverage per region group: households in need (a person counted in the year), covered (every counted person enrolled in basic and critical-illness insurance in the year) and in gap. ${OWN_TABLES_ONLY}`,
  })
  async healthAreaCoverage(@Args() args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<AreaCoverageTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    return toAreaCoverage(await ctx.db.query(areaCoverageSql(groupLength), [low, high, year]), DutyAreaCode.HEALTH, HEALTH_DEPARTMENT);
  }

  @Query(() => [ExitPredicateFailures], {
    description: `The households of the region whose BASIC_MEDICAL_CARE predicate is NOT_MET in the year (a counted person not enrolled in basic and critical-illness insurance), sorted. ${OWN_TABLES_ONLY}`,
  })
  async healthExitFailures(@Args() args: RegionYearArgs, @Ctx() ctx: SubgraphContext): Promise<ExitPredicateFailures[]> {
    const { low, high, year } = validateAggregateArgs(args);
    const rows: Array<{ household_id: string }> = await ctx.db.query(EXIT_FAILURES_SQL, [low, high, year]);
    return [exitFailures(BASIC_MEDICAL_CARE, HEALTH_DEPARTMENT, rows.map((r) => r.household_id))];
  }
}
