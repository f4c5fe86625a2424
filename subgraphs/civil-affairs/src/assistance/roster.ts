import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { HouseholdIdScalar, LocalDateScalar, PersonIdScalar, regionPrefixRange, SubgraphContext } from '@saf/kit';

/**
 * The 两线合一 roster feed: civil affairs' side of the reconciliation with the register. The
 * platform's sector view joins it with the register's welfare categories and members; civil
 * affairs does no join (it does not hold the register).
 */

@ObjectType({ description: '两线合一: one household on the civil-affairs roster on a date (dibao and/or destitute support in force).' })
export class SafetyNetRosterEntry {
  @Field(() => HouseholdIdScalar, { description: 'The household as civil affairs records it (it may be missing from the register).' })
  householdId: string;

  @Field(() => [String], { description: 'DIBAO and/or DESTITUTE, in that order.' })
  programmes: string[];

  @Field(() => [PersonIdScalar], {
    description: 'The persons covered on the date, sorted: those a dibao enrolment covers then and those with destitute support then (they may include persons the register does not list).',
  })
  personIds: string[];
}

/** One statement: in-force dibao enrolments (with their persons covered on the date) and destitute supports, grouped by household. */
const ROSTER_SQL = `
  WITH entries AS (
    SELECT e.household_id, 'DIBAO' AS programme, c.person_id
    FROM dibao_enrolment e
    LEFT JOIN dibao_covered_person c ON c.enrolment_id = e.id AND c.covered_from <= $3::date AND (c.covered_to IS NULL OR c.covered_to >= $3::date)
    WHERE e.household_id >= $1 AND e.household_id < $2 AND e.start_date <= $3::date AND (e.end_date IS NULL OR e.end_date >= $3::date)
    UNION ALL
    SELECT s.household_id, 'DESTITUTE', s.person_id
    FROM destitute_support s
    WHERE s.household_id >= $1 AND s.household_id < $2 AND s.start_date <= $3::date AND (s.end_date IS NULL OR s.end_date >= $3::date)
  )
  SELECT household_id,
    array_agg(DISTINCT programme ORDER BY programme) AS programmes,
    array_remove(array_agg(DISTINCT person_id ORDER BY person_id), NULL) AS person_ids
  FROM entries
  GROUP BY household_id
  ORDER BY household_id`;

@Resolver()
export class SafetyNetRosterResolver {
  @Query(() => [SafetyNetRosterEntry], {
    description:
      '两线合一 feed: the households of a region with a dibao enrolment or a destitute support in force on a date, sorted by household ID, with the programmes and the persons covered. Includes roster households the register does not have. One SQL statement.',
  })
  async safetyNetRoster(
    @Arg('regionPrefix', () => String, { description: 'Region code prefix (2, 4, 6, 9 or 12 digits).' }) regionPrefix: string,
    @Arg('on', () => LocalDateScalar) on: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SafetyNetRosterEntry[]> {
    const { low, high } = regionPrefixRange(regionPrefix);
    const rows: Array<{ household_id: string; programmes: string[]; person_ids: string[] }> = await ctx.db.query(ROSTER_SQL, [low, high, on]);
    return rows.map((r) => Object.assign(new SafetyNetRosterEntry(), { householdId: r.household_id, programmes: r.programmes, personIds: r.person_ids }));
  }
}
