import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import {
  AggregateArgs,
  exitFailures,
  toAreaCoverage,
  toMeasureTotals,
  AreaCoverageTotal,
  ContributionRole,
  DutyAreaCode,
  ExitPredicateFailures,
  MeasureTotal,
  regionGroupSql,
  SubgraphContext,
  validateAggregateArgs,
} from '@saf/kit';
import { HOUSING_DEPARTMENT } from '../codes';
import { HOUSING_SAFETY_PREDICATE, yearWindow } from './rules';

/**
 * Dashboard aggregates and the exit-failure feed, each ONE SQL statement over a region's range of
 * household IDs. They restate the rules of rules.ts in SQL (tests check both against the same
 * hand-made households); they see only housing's own tables.
 */

/** Housing's measures of the year ($3 = 1 January, $4 = 31 December), as in measuresFor. */
const MEASURES = `
  SELECT household_id, 'HOUSING_RENOVATION' AS area, 'LEAD' AS role, 'DWELLING_APPRAISAL' AS programme, NULL::bigint AS amount
    FROM dwelling_appraisal
   WHERE household_id >= $1 AND household_id < $2 AND appraisal_date BETWEEN $3::date AND $4::date
  UNION ALL
  SELECT household_id, 'HOUSING_RENOVATION', 'LEAD', 'RENOVATION_' || renovation_type, subsidy_fen
    FROM renovation_project
   WHERE household_id >= $1 AND household_id < $2 AND approval_date <= $4::date
     AND (acceptance_result IS DISTINCT FROM 'PASSED' OR acceptance_date >= $3::date)
  UNION ALL
  SELECT household_id, 'RELOCATION', 'SUPPORT', 'RESETTLEMENT_' || mode, subsidy_fen
    FROM relocation_housing
   WHERE household_id >= $1 AND household_id < $2 AND allocation_date <= $4::date
     AND (move_in_date IS NULL OR move_in_date >= $3::date)`;

/**
 * Each household housing holds a record for, judged on the assessment date ($4; $3 = 1 January):
 * in_need and safe as renovationVerdict and housingSafetyPredicate (assessHousingSafety) decide.
 */
const JUDGED = `
  WITH hh AS (
    SELECT household_id FROM dwelling_appraisal WHERE household_id >= $1 AND household_id < $2
    UNION
    SELECT household_id FROM relocation_housing WHERE household_id >= $1 AND household_id < $2
  ), latest AS (
    SELECT DISTINCT ON (household_id) household_id, id, rating, appraisal_date
      FROM dwelling_appraisal
     WHERE household_id >= $1 AND household_id < $2 AND appraisal_date <= $4::date
     ORDER BY household_id, appraisal_date DESC, id DESC
  ), state AS (
    SELECT hh.household_id,
           l.id IS NOT NULL AS appraised,
           coalesce(l.rating IN ('C', 'D'), false) AS dangerous,
           EXISTS (SELECT 1 FROM relocation_housing s WHERE s.household_id = hh.household_id AND s.move_in_date <= $4::date) AS relocated,
           EXISTS (SELECT 1 FROM renovation_project r
                    WHERE r.household_id = hh.household_id AND r.acceptance_result = 'PASSED' AND r.acceptance_date <= $4::date
                      AND (r.appraisal_id = l.id OR r.acceptance_date >= l.appraisal_date)) AS renovated,
           EXISTS (SELECT 1 FROM renovation_project r
                    WHERE r.household_id = hh.household_id AND r.acceptance_result = 'PASSED'
                      AND r.acceptance_date BETWEEN $3::date AND $4::date) AS accepted_in_year
      FROM hh LEFT JOIN latest l ON l.household_id = hh.household_id
  ), judged AS (
    SELECT household_id,
           dangerous OR accepted_in_year AS in_need,
           relocated OR (appraised AND (NOT dangerous OR renovated)) AS safe
      FROM state
  )`;

const LIMITATION =
  "Housing's own tables only: a household without any housing record (never appraised, never relocated) is not counted, and finance's subsidy payments are not checked (the sector view checks them per household).";

@Resolver()
export class HousingAggregateResolver {
  @Query(() => [MeasureTotal], {
    description:
      "Housing's measures of the year per region group, area, role and programme: appraisals made in the year (DWELLING_APPRAISAL, no amount), renovation projects active in the year (RENOVATION_<type>: approved by its end, not accepted before it began; amount = subsidy) and resettlement housing active in the year (RESETTLEMENT_<mode>, RELOCATION; amount = subsidy). A project that spans two years counts in both.",
  })
  async housingMeasureTotals(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<MeasureTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const w = yearWindow(year);
    const rows: Array<{ region_code: string; area: DutyAreaCode; role: ContributionRole; programme: string; measures: number; households: number; amount: string | null }> =
      await ctx.db.query(
        `SELECT ${regionGroupSql('household_id', groupLength)} AS region_code, area, role, programme,
                count(*)::int AS measures, count(DISTINCT household_id)::int AS households, sum(amount)::text AS amount
           FROM (${MEASURES}) m
          GROUP BY 1, 2, 3, 4
          ORDER BY 1, 2, 3, 4`,
        [low, high, w.from, w.to],
      );
    return toMeasureTotals(rows, { department: HOUSING_DEPARTMENT });
  }

  @Query(() => [AreaCoverageTotal], {
    description: `HOUSING_RENOVATION per region group, judged on 31 December of the year (today in the running year): in need (C/D dwelling, or a renovation accepted in the year), covered (renovation accepted or moved into resettlement housing), gap (C/D not renovated). Only groups with housing records. ${LIMITATION}`,
  })
  async housingAreaCoverage(@Args(() => AggregateArgs) args: AggregateArgs, @Ctx() ctx: SubgraphContext): Promise<AreaCoverageTotal[]> {
    const { low, high, year, groupLength } = validateAggregateArgs(args);
    const w = yearWindow(year);
    const rows: Array<{ region_code: string; in_need: number; covered: number; gap: number }> = await ctx.db.query(
      `${JUDGED}
       SELECT ${regionGroupSql('household_id', groupLength)} AS region_code,
              count(*) FILTER (WHERE in_need)::int AS in_need,
              count(*) FILTER (WHERE in_need AND safe)::int AS covered,
              count(*) FILTER (WHERE in_need AND NOT safe)::int AS gap
         FROM judged
        GROUP BY 1
        ORDER BY 1`,
      [low, high, w.from, w.on],
    );
    return toAreaCoverage(rows, DutyAreaCode.HOUSING_RENOVATION, HOUSING_DEPARTMENT);
  }

  @Query(() => [ExitPredicateFailures], {
    description:
      "HOUSING_SAFETY: the region's households whose predicate is NOT_MET in the year (C/D dwelling not renovated, or housing records but no appraisal by the date), in ascending order. Housing's own tables only: a household without any housing record is not listed, although its predicate is NOT_MET (never appraised); in the synthetic data every household is appraised.",
  })
  async housingExitFailures(
    @Arg('regionPrefix', () => String) regionPrefix: string,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ExitPredicateFailures[]> {
    const { low, high } = validateAggregateArgs({ regionPrefix, year });
    const w = yearWindow(year);
    const rows: Array<{ household_id: string }> = await ctx.db.query(`${JUDGED} SELECT household_id FROM judged WHERE NOT safe ORDER BY household_id`, [low, high, w.from, w.on]);
    return [exitFailures(HOUSING_SAFETY_PREDICATE, HOUSING_DEPARTMENT, rows.map((r) => r.household_id))];
  }
}
