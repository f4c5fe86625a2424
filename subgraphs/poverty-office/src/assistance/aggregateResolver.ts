import { Args, Ctx, Query, Resolver } from 'type-graphql';
import {
  AggregateArgs,
  RegionYearArgs,
  exitFailures,
  toAreaCoverage,
  toMeasureTotals,
  AreaCoverageTotal,
  assessmentDate,
  ContributionRole,
  DutyAreaCode,
  ExitPredicateFailures,
  HouseholdIdScalar,
  MeasureTotal,
  SubgraphContext,
  validateAggregateArgs,
} from '@saf/kit';
import { IDENTIFICATION_STEPS } from '../register/codes';
import { EXIT_FAILURES_SQL, HOUSEHOLDS_IN_POVERTY_SQL, identificationCoverageSql, procedureStepTotalsSql, registerTotalsSql } from './aggregateSql';
import { RegisterTotal } from './entities';
import { POVERTY_OFFICE } from './identification';
import { DRINKING_WATER, FOOD_AND_CLOTHING, INCOME } from './predicates';

const OWN_TABLES_NOTE = "Computed in SQL from the poverty office's own tables only (the register, its procedure steps, incomes and visits).";

/** Dashboards over the register, each one SQL statement grouped by region prefix. */
@Resolver()
export class PovertyOfficeAggregateResolver {
  @Query(() => [RegisterTotal], {
    description:
      'Registered households and their active members per region group, by the status in force on assessmentDate(year) (status history), welfare category and main cause. Households identified after that date are not counted. Category, cause and membership are current values.',
  })
  async registerTotals(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<RegisterTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    return ctx.db.query(registerTotalsSql(groupLength), [low, high, assessmentDate(year)]);
  }

  @Query(() => [ExitPredicateFailures], {
    description: `The households of the region whose INCOME, FOOD_AND_CLOTHING or DRINKING_WATER predicate is NOT_MET in the year (three entries, IDs ascending), by the rules of ExitAssessment; dissolved households (no active member) are NOT_APPLICABLE and never listed. ${OWN_TABLES_NOTE}`,
  })
  async povertyOfficeExitFailures(@Args(() => RegionYearArgs) args: RegionYearArgs, @Ctx() ctx: SubgraphContext): Promise<ExitPredicateFailures[]> {
    const v = validateAggregateArgs(args);
    const [row] = await ctx.db.query(EXIT_FAILURES_SQL, [v.low, v.high, v.year, `${v.year}-01-01`, assessmentDate(v.year)]);
    const failures = (name: string, ids: string[] | null) => exitFailures(name, POVERTY_OFFICE, ids ?? []);
    return [failures(INCOME, row?.income), failures(FOOD_AND_CLOTHING, row?.food), failures(DRINKING_WATER, row?.water)];
  }

  @Query(() => [AreaCoverageTotal], {
    description: `IDENTIFICATION_EXIT (JOINT) per region group: households in need (identified on or before assessmentDate(year)), covered (all ten identification steps recorded by then) and in gap. ${OWN_TABLES_NOTE} The other jointly responsible party (city and county governments) has no subgraph, so this is the whole verdict; the sector view's status adds nothing for this area.`,
  })
  async povertyOfficeAreaCoverage(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<AreaCoverageTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const rows = await ctx.db.query(identificationCoverageSql(groupLength), [low, high, assessmentDate(year), [...IDENTIFICATION_STEPS]]);
    return toAreaCoverage(rows, DutyAreaCode.IDENTIFICATION_EXIT, POVERTY_OFFICE);
  }

  @Query(() => [MeasureTotal], {
    description: `The poverty office's measures per region group: identification and exit procedure steps dated in the year (area IDENTIFICATION_EXIT, role JOINT, programme = step code), counted with distinct households; no amounts. ${OWN_TABLES_NOTE}`,
  })
  async povertyOfficeMeasureTotals(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<MeasureTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const rows = await ctx.db.query(procedureStepTotalsSql(groupLength), [low, high, `${year}-01-01`, `${year}-12-31`]);
    return toMeasureTotals(rows, { department: POVERTY_OFFICE, role: ContributionRole.JOINT, area: DutyAreaCode.IDENTIFICATION_EXIT });
  }

  @Query(() => [HouseholdIdScalar], {
    description:
      'Sorted IDs of the households of the region whose status on assessmentDate(year) is NOT_EXITED or RETURNED_TO_POVERTY: those the exit rule applies to (exit-ready = these minus every department\'s exit failures).',
  })
  async householdsInPoverty(@Args(() => RegionYearArgs) args: RegionYearArgs, @Ctx() ctx: SubgraphContext): Promise<string[]> {
    const v = validateAggregateArgs(args);
    const rows: Array<{ id: string }> = await ctx.db.query(HOUSEHOLDS_IN_POVERTY_SQL, [v.low, v.high, assessmentDate(v.year)]);
    return rows.map((r) => r.id);
  }
}
