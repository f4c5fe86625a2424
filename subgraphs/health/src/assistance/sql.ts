import { regionGroupSql } from '@saf/kit';
import { HealthProgramme } from './measures';

/*
 * The SQL behind health's aggregates: one statement each, parameters $1 = low and $2 = high
 * household ID of the region (a range on the household_id indexes), $3 = year. The year rules are
 * those of measures.ts and the cover rule that of cover.ts, as far as health's own tables show them.
 */

const IN_REGION = 'household_id >= $1 AND household_id < $2';
const YEAR_START = 'make_date($3::int, 1, 1)';
const YEAR_END = 'make_date($3::int, 12, 31)';

/** Health's measures of the year, one row each: household, programme, amount (null without one). */
const MEASURES = `
  SELECT household_id, 'INSURANCE_' || scheme AS programme, premium_fen AS amount
    FROM insurance_enrolment WHERE ${IN_REGION} AND year = $3 AND cancelled_on IS NULL
  UNION ALL
  SELECT household_id, CASE WHEN disease IS NULL THEN '${HealthProgramme.DOCTOR_CONTRACT_BASIC}' ELSE '${HealthProgramme.DOCTOR_CONTRACT_CHRONIC}' END, NULL::bigint
    FROM family_doctor_contract WHERE ${IN_REGION} AND start_date <= ${YEAR_END} AND end_date >= ${YEAR_START}
  UNION ALL
  SELECT household_id, '${HealthProgramme.SERIOUS_ILLNESS_TREATMENT}', NULL::bigint
    FROM serious_illness_treatment WHERE ${IN_REGION} AND diagnosed_on <= ${YEAR_END} AND (treatment_ended_on IS NULL OR treatment_ended_on >= ${YEAR_START})
  UNION ALL
  SELECT household_id, '${HealthProgramme.HOSPITAL_SETTLEMENT}', basic_insurance_fen + critical_illness_fen
    FROM hospital_settlement WHERE ${IN_REGION} AND year = $3`;

export function measureTotalsSql(groupLength: number): string {
  const region = regionGroupSql('household_id', groupLength);
  return `SELECT ${region} AS region_code, programme, count(*) AS measures, count(DISTINCT household_id) AS households, sum(amount) AS amount
    FROM (${MEASURES}) m GROUP BY 1, 2 ORDER BY 1, m.programme COLLATE "C"`;
}

/**
 * Per household of the region: whether every person health counts in the year is insured.
 * Health cannot see the register, so "the members in the year" are the persons whose records (of
 * any kind) span the year: a record in that year or before, and one in that year or after. A
 * missing year between two recorded years is a gap; a member health never recorded, or one whose
 * gap is at either end of their records, is not seen.
 */
const HOUSEHOLD_COVER = `
  WITH spans AS (
    SELECT household_id, person_id, year::int AS first_year, year::int AS last_year FROM insurance_enrolment WHERE ${IN_REGION}
    UNION ALL
    SELECT household_id, person_id, extract(year FROM start_date)::int, extract(year FROM end_date)::int FROM family_doctor_contract WHERE ${IN_REGION}
    UNION ALL
    SELECT household_id, person_id, extract(year FROM diagnosed_on)::int, extract(year FROM coalesce(treatment_ended_on, diagnosed_on))::int
      FROM serious_illness_treatment WHERE ${IN_REGION}
    UNION ALL
    SELECT household_id, person_id, year::int, year::int FROM hospital_settlement WHERE ${IN_REGION}
  ),
  persons AS (
    SELECT household_id, person_id FROM spans GROUP BY household_id, person_id HAVING min(first_year) <= $3 AND max(last_year) >= $3
  ),
  insured AS (
    SELECT person_id FROM insurance_enrolment
     WHERE ${IN_REGION} AND year = $3 AND cancelled_on IS NULL AND scheme IN ('BASIC', 'CRITICAL_ILLNESS')
     GROUP BY person_id HAVING count(DISTINCT scheme) = 2
  ),
  households AS (
    SELECT p.household_id, bool_and(i.person_id IS NOT NULL) AS covered FROM persons p LEFT JOIN insured i ON i.person_id = p.person_id GROUP BY p.household_id
  )`;

export function areaCoverageSql(groupLength: number): string {
  const region = regionGroupSql('household_id', groupLength);
  return `${HOUSEHOLD_COVER}
    SELECT ${region} AS region_code, count(*) AS in_need, count(*) FILTER (WHERE covered) AS covered, count(*) FILTER (WHERE NOT covered) AS gap
      FROM households GROUP BY 1 ORDER BY 1`;
}

export const EXIT_FAILURES_SQL = `${HOUSEHOLD_COVER}
  SELECT household_id FROM households WHERE NOT covered ORDER BY household_id`;
