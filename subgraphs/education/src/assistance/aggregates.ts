import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import {
  AggregateArgs,
  exitFailures,
  toAreaCoverage,
  toMeasureTotals,
  AreaCoverageTotal,
  assessmentDate,
  DutyAreaCode,
  ExitPredicateFailures,
  MeasureTotal,
  SubgraphContext,
  validateAggregateArgs,
} from '@saf/kit';
import { EDUCATION_DUTY_AREA } from '../codes';
import { areaCoverageSql, exitFailuresSql, measureTotalsSql, ruleParams } from './aggregateSql';
import { EDUCATION_DEPARTMENT } from './measures';
import { COMPULSORY_EDUCATION } from './rule';

const LIMITATION =
  "Computed in SQL from education's own tables: it cannot see the register's members, so a school-age child with no education record " +
  "at all is not counted (the per-household verdict and predicate do count it), nor finance's payments of the aid (the sector view checks those).";

/** Dashboard aggregates: one SQL statement each, grouped by region code prefix. */
@Resolver()
export class EducationAggregateResolver {
  @Query(() => [MeasureTotal], {
    description:
      "Education's measures per region group, duty area, role and programme in calendar year `year`: aid granted for the year's semesters " +
      '(programme = aid item, with amounts), home teaching that ran in the year and dropout follow-ups dated in it (no amount).',
  })
  async educationMeasureTotals(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<MeasureTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const { sql, params } = measureTotalsSql(groupLength);
    return toMeasureTotals(await ctx.db.query(sql, [low, high, ...params(year)]), { department: EDUCATION_DEPARTMENT });
  }

  @Query(() => [AreaCoverageTotal], {
    description:
      'The EDUCATION area per region group in year `year` (school year `year`, judged on 31 December or today): households in need (a ' +
      'compulsory-age child, a student or aid due), covered (no child out of school and every entitled aid item granted) and in gap. ' +
      LIMITATION,
  })
  async educationAreaCoverage(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<AreaCoverageTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const rows = await ctx.db.query(areaCoverageSql(groupLength), [low, high, ...ruleParams(year, assessmentDate(year))]);
    return toAreaCoverage(rows, EDUCATION_DUTY_AREA as DutyAreaCode, EDUCATION_DEPARTMENT);
  }

  @Query(() => [ExitPredicateFailures], {
    description: 'The households of the region whose COMPULSORY_EDUCATION is NOT_MET in year `year` (a child out of school in school year `year`). ' + LIMITATION,
  })
  async educationExitFailures(
    @Arg('regionPrefix', () => String) regionPrefix: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExitPredicateFailures[]> {
    const { low, high } = validateAggregateArgs({ regionPrefix, year });
    const rows: Array<{ household_id: string }> = await ctx.db.query(exitFailuresSql(), [low, high, ...ruleParams(year, assessmentDate(year))]);
    return [exitFailures(COMPULSORY_EDUCATION, EDUCATION_DEPARTMENT, rows.map((r) => r.household_id))];
  }
}
