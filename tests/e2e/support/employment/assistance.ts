import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  AggregateArgs,
  AreaAssistanceRef,
  DepartmentContribution,
  DutyAreaCode,
  MeasureTotal,
  MEMBERS_REQUIREMENT,
  regionGroupSql,
  SubgraphContext,
  toMeasureTotals,
  validateAggregateArgs,
  validateDataYear,
} from '@saf/kit';
import { EMPLOYMENT_DEPARTMENT, EMPLOYMENT_ROLES } from './codes';
import { AreaAssistanceKey } from './keys';
import { measuresByHousehold } from './loaders';
import { employmentContribution, yearWindow } from './rules';

/**
 * The department's field on the sector view's AreaAssistance. The platform's sector view finds it by
 * its type (DepartmentContribution) when the subgraph is composed: no other subgraph changes.
 */
@Resolver(() => AreaAssistanceKey)
export class EmploymentAreaAssistanceResolver {
  @FieldResolver(() => DepartmentContribution, {
    nullable: true,
    description:
      "Employment's measures in force in the year and, in EMPLOYMENT (which it leads), its verdict: needed when an active member is of working age (16–59) on the assessment date, " +
      'met when an active member holds a job placement or a public-welfare post that day. Null in other areas.',
  })
  @Directive(`@requires(fields: "${MEMBERS_REQUIREMENT}")`)
  async employment(@Root() area: AreaAssistanceRef, @Ctx() ctx: SubgraphContext): Promise<DepartmentContribution | null> {
    // Areas the department has no part in cost nothing: no load for them.
    if (!EMPLOYMENT_ROLES[area.area]) return null;
    validateDataYear(area.year, 'year');
    return employmentContribution(area.area, area.year, await ctx.loaders.get(measuresByHousehold).load(area.householdId), area.members ?? []);
  }
}

/** The department's dashboard feed: found by its type (MeasureTotal) and merged into measureTotals. */
@Resolver()
export class EmploymentAggregateResolver {
  @Query(() => [MeasureTotal], { description: 'Employment measures in force at some time in the year, per region group and measure kind (no amount).' })
  async employmentMeasureTotals(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<MeasureTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const w = yearWindow(year);
    const rows = await ctx.db.query(
      `SELECT ${regionGroupSql('household_id', groupLength)} AS region_code, measure AS programme,
              count(*)::int AS measures, count(DISTINCT household_id)::int AS households
         FROM employment_measure
        WHERE household_id >= $1 AND household_id < $2 AND start_date <= $4::date AND (end_date IS NULL OR end_date >= $3::date)
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      [low, high, w.from, w.on],
    );
    return toMeasureTotals(rows, { department: EMPLOYMENT_DEPARTMENT, area: DutyAreaCode.EMPLOYMENT, role: EMPLOYMENT_ROLES.EMPLOYMENT });
  }
}
