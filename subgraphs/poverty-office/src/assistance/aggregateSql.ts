import { regionGroupSql } from '@saf/kit';
import { IDENTIFICATION_STEPS } from '../register/codes';

/**
 * The aggregates' SQL, one statement each. Household IDs start with the village code, so a
 * region is the range household_id >= $1 AND < $2 on every table's (household_id, …) index, and
 * a region group is a prefix of the ID. The rules are those of the per-household resolvers
 * (identification.ts, predicates.ts): change both together.
 */

const ACTIVE = `'ACTIVE'`;
const IN_POVERTY = `('NOT_EXITED', 'RETURNED_TO_POVERTY')`;

/** $1 low, $2 high, $3 assessment date. */
export function registerTotalsSql(groupLength: number): string {
  return `
    SELECT ${regionGroupSql('h.id', groupLength)} AS "regionCode", sp.status, h.welfare_category AS "welfareCategory", h.main_cause AS "mainCause",
           count(*)::int AS households, COALESCE(sum(m.n), 0)::int AS persons
    FROM household h
    JOIN household_status_period sp
      ON sp.household_id = h.id AND sp.effective_from <= $3::date AND (sp.effective_to IS NULL OR sp.effective_to > $3::date)
    LEFT JOIN (
      SELECT household_id, count(*) AS n FROM person
      WHERE household_id >= $1 AND household_id < $2 AND member_status = ${ACTIVE}
      GROUP BY household_id
    ) m ON m.household_id = h.id
    WHERE h.id >= $1 AND h.id < $2
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4`;
}

/**
 * One row with three sorted ID arrays: the households (with an active member) whose INCOME,
 * FOOD_AND_CLOTHING or DRINKING_WATER predicate is NOT_MET.
 * $1 low, $2 high, $3 year, $4 first day of the year, $5 assessment date.
 */
export const EXIT_FAILURES_SQL = `
  WITH assessed AS (
    SELECT h.id,
           COALESCE(i.net_income_per_capita_fen > l.amount_fen, false) AS income_met,
           COALESCE(v.food_secure AND v.clothing_secure, false) AS food_met,
           COALESCE(v.drinking_water_safe, false) AS water_met
    FROM household h
    LEFT JOIN household_income i ON i.household_id = h.id AND i.year = $3
    LEFT JOIN poverty_line l ON l.year = $3
    LEFT JOIN LATERAL (
      SELECT food_secure, clothing_secure, drinking_water_safe FROM household_visit
      WHERE household_id = h.id AND visit_date >= $4::date AND visit_date <= $5::date
      ORDER BY visit_date DESC, id DESC LIMIT 1
    ) v ON true
    WHERE h.id >= $1 AND h.id < $2
      AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.member_status = ${ACTIVE})
  )
  SELECT COALESCE(array_agg(id ORDER BY id) FILTER (WHERE NOT income_met), '{}') AS income,
         COALESCE(array_agg(id ORDER BY id) FILTER (WHERE NOT food_met), '{}') AS food,
         COALESCE(array_agg(id ORDER BY id) FILTER (WHERE NOT water_met), '{}') AS water
  FROM assessed`;

/**
 * IDENTIFICATION_EXIT per region group: in need = identified on or before the assessment date
 * (or no status history), covered = all ten identification steps recorded by then.
 * $1 low, $2 high, $3 assessment date, $4 the identification step codes.
 */
export function identificationCoverageSql(groupLength: number): string {
  return `
    SELECT ${regionGroupSql('h.id', groupLength)} AS region_code,
           count(*) FILTER (WHERE sp.since IS NULL OR sp.since <= $3::date)::int AS in_need,
           count(*) FILTER (WHERE (sp.since IS NULL OR sp.since <= $3::date) AND ps.steps = ${IDENTIFICATION_STEPS.length})::int AS covered
    FROM household h
    LEFT JOIN (
      SELECT household_id, min(effective_from) AS since FROM household_status_period
      WHERE household_id >= $1 AND household_id < $2 GROUP BY household_id
    ) sp ON sp.household_id = h.id
    LEFT JOIN (
      SELECT household_id, count(DISTINCT step) AS steps FROM procedure_step
      WHERE household_id >= $1 AND household_id < $2 AND procedure = 'IDENTIFICATION' AND step_date <= $3::date AND step = ANY($4::text[])
      GROUP BY household_id
    ) ps ON ps.household_id = h.id
    WHERE h.id >= $1 AND h.id < $2
    GROUP BY 1
    ORDER BY 1`;
}

/** Procedure steps dated in the year, per region group and step. $1 low, $2 high, $3 first day, $4 last day. */
export function procedureStepTotalsSql(groupLength: number): string {
  return `
    SELECT ${regionGroupSql('household_id', groupLength)} AS region_code, step AS programme,
           count(*)::int AS measures, count(DISTINCT household_id)::int AS households
    FROM procedure_step
    WHERE household_id >= $1 AND household_id < $2 AND step_date >= $3::date AND step_date <= $4::date
    GROUP BY 1, procedure, step, step_order
    ORDER BY 1, procedure DESC, step_order`;
}

/** Sorted IDs of households whose status on the date is NOT_EXITED or RETURNED_TO_POVERTY. $1 low, $2 high, $3 date. */
export const HOUSEHOLDS_IN_POVERTY_SQL = `
  SELECT DISTINCT household_id AS id FROM household_status_period
  WHERE household_id >= $1 AND household_id < $2 AND status IN ${IN_POVERTY}
    AND effective_from <= $3::date AND (effective_to IS NULL OR effective_to > $3::date)
  ORDER BY household_id`;

/** Welfare category and active members of the households matched by a WHERE clause on h. */
export function welfareRosterSql(where: string): string {
  return `
    SELECT h.id AS "householdId", h.welfare_category AS "welfareCategory",
           COALESCE(array_agg(p.id ORDER BY p.id) FILTER (WHERE p.id IS NOT NULL), '{}') AS "activePersonIds"
    FROM household h
    LEFT JOIN person p ON p.household_id = h.id AND p.member_status = ${ACTIVE}
    WHERE ${where}
    GROUP BY h.id, h.welfare_category
    ORDER BY h.id`;
}
