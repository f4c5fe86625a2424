import { ContributionRole } from '@saf/kit';
import { COMPULSORY_STAGES, DropoutResolution, EnrolmentStatus, StudentAidStatus } from '../codes';
import { schoolYearStart } from '../semesters';
import { COMPULSORY_MAX_AGE, COMPULSORY_MIN_AGE } from '../students/compulsory';
import { ENTITLED_STATUSES, entitledRowsFor } from './entitlements';
import { EDUCATION_ROLES, FOLLOW_UP_PROGRAMME, HOME_TEACHING_PROGRAMME, yearEnd, yearStart } from './measures';

/*
 * The dashboard statements: each one SQL statement over education's tables, grouped by region,
 * never a loop over households. They follow measures.ts and rule.ts as far as education's own
 * tables show it: they cannot see the register's members (a school-age child with no education
 * record) nor finance's payments.
 */

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (values: Iterable<string>) => [...values].map(quote).join(', ');
const RANGE = (alias: string) => `${alias}.household_id >= $1 AND ${alias}.household_id < $2`;

/** The role of an area's measures, from EDUCATION_ROLES (data, not a constant in SQL). */
function roleCase(column: string): string {
  const whens = Object.entries(EDUCATION_ROLES).map(([area, role]) => `WHEN ${quote(area)} THEN ${quote(role)}`);
  return `CASE ${column} ${whens.join(' ')} ELSE ${quote(ContributionRole.SUPPORT)} END`;
}

/** Measures per region group, area, role and programme. Parameters: low, high, year, year start, year end. */
export function measureTotalsSql(groupLength: number): { sql: string; params: (year: number) => unknown[] } {
  const sql = `
    WITH m AS (
      SELECT a.household_id, a.duty_area AS area, a.item AS programme, a.amount_fen AS amount
        FROM student_aid a WHERE a.year = $3::int AND a.status = '${StudentAidStatus.GRANTED}' AND ${RANGE('a')}
      UNION ALL
      SELECT h.household_id, 'EDUCATION', '${HOME_TEACHING_PROGRAMME}', NULL::bigint
        FROM home_teaching h
       WHERE h.school_year IN ($3::int - 1, $3::int) AND h.started_on <= $5::date AND (h.ended_on IS NULL OR h.ended_on >= $4::date) AND ${RANGE('h')}
      UNION ALL
      SELECT f.household_id, 'EDUCATION', '${FOLLOW_UP_PROGRAMME}', NULL::bigint
        FROM dropout_follow_up f WHERE f.follow_up_on BETWEEN $4::date AND $5::date AND ${RANGE('f')}
    )
    SELECT substr(household_id, 1, ${Number(groupLength)}) AS region_code, area, ${roleCase('area')} AS role, programme,
           count(*)::int AS measures, count(DISTINCT household_id)::int AS households, sum(amount)::bigint AS amount
      FROM m GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4`;
  return { sql, params: (year) => [year, yearStart(year), yearEnd(year)] };
}

/**
 * CTEs of the EDUCATION rule for school year $3 judged on $4 (assessment date), $5 = start of the
 * school year, $6 = the entitled (semester, stage, study mode, item) rows due in year $3:
 * children (compulsory-age children education knows), out_of_school, owed (entitled aid),
 * unpaid (households with an entitled item not granted), need (households in need).
 * Mirrors assessCompulsoryEducation's order: home teaching, then an open case (out), then an
 * enrolment not dropped out or a return to school (in), else out.
 */
const RULE_CTES = `
  enr AS (
    SELECT e.household_id, e.person_id, e.stage, e.status, e.left_on FROM student_enrolment e
     WHERE e.school_year = $3::int AND e.enrolled_on <= $4::date AND ${RANGE('e')}),
  home AS (
    SELECT h.household_id, h.person_id FROM home_teaching h WHERE h.school_year = $3::int AND h.started_on <= $4::date AND ${RANGE('h')}),
  cases AS (
    SELECT d.household_id, d.person_id, d.birth_date, d.resolution, d.resolved_on FROM dropout_case d
     WHERE d.reported_on <= $4::date AND (d.resolved_on IS NULL OR d.resolved_on >= $5::date) AND ${RANGE('d')}),
  children AS (
    SELECT household_id, person_id FROM enr WHERE stage IN (${list(COMPULSORY_STAGES)})
    UNION SELECT household_id, person_id FROM home
    UNION SELECT household_id, person_id FROM cases
     WHERE $3::int - extract(year FROM birth_date)::int - CASE WHEN to_char(birth_date, 'MM-DD') > '08-31' THEN 1 ELSE 0 END
           BETWEEN ${COMPULSORY_MIN_AGE} AND ${COMPULSORY_MAX_AGE}),
  out_of_school AS (
    SELECT DISTINCT c.household_id FROM children c
     WHERE NOT EXISTS (SELECT 1 FROM home h WHERE h.person_id = c.person_id)
       AND (EXISTS (SELECT 1 FROM cases d WHERE d.person_id = c.person_id AND (d.resolved_on IS NULL OR d.resolved_on > $4::date))
            OR (NOT EXISTS (SELECT 1 FROM enr e WHERE e.person_id = c.person_id
                             AND NOT (e.status = '${EnrolmentStatus.DROPPED_OUT}' AND (e.left_on IS NULL OR e.left_on <= $4::date)))
                AND NOT EXISTS (SELECT 1 FROM cases d WHERE d.person_id = c.person_id
                                 AND d.resolution = '${DropoutResolution.RETURNED_TO_SCHOOL}' AND d.resolved_on <= $4::date)))),
  due AS (
    SELECT * FROM jsonb_to_recordset($6::jsonb) AS x(semester text, ordinal int, "schoolYear" int, "dueOn" date, stage text, "studyMode" text, item text)),
  entry AS (
    SELECT a.household_id, min(substr(a.semester, 1, 4)::int * 2 + CASE WHEN a.semester LIKE '%AUTUMN' THEN 1 ELSE 0 END) AS ordinal
      FROM student_aid a WHERE a.status = '${StudentAidStatus.GRANTED}' AND ${RANGE('a')} GROUP BY a.household_id),
  owed AS (
    SELECT e.household_id, e.person_id, x.semester, x.item
      FROM student_enrolment e
      JOIN due x ON e.school_year = x."schoolYear" AND e.stage = x.stage AND (x."studyMode" IS NULL OR e.study_mode = x."studyMode")
      LEFT JOIN entry n ON n.household_id = e.household_id
     WHERE ${RANGE('e')} AND e.status IN (${list(ENTITLED_STATUSES)}) AND e.enrolled_on <= x."dueOn" AND (n.ordinal IS NULL OR x.ordinal >= n.ordinal)),
  unpaid AS (
    SELECT DISTINCT o.household_id FROM owed o
     WHERE NOT EXISTS (SELECT 1 FROM student_aid a WHERE a.id = o.person_id || '/' || o.semester || '/' || o.item AND a.status = '${StudentAidStatus.GRANTED}')),
  need AS (
    SELECT household_id FROM children UNION SELECT household_id FROM enr UNION SELECT household_id FROM owed)`;

/** Parameters 3-6 of RULE_CTES for year `year` judged on `on`. */
export function ruleParams(year: number, on: string): unknown[] {
  return [year, on, schoolYearStart(year), JSON.stringify(entitledRowsFor(year, on))];
}

/** Households in need, covered (met) and in gap, per region group. */
export function areaCoverageSql(groupLength: number): string {
  return `
    WITH ${RULE_CTES}
    SELECT substr(n.household_id, 1, ${Number(groupLength)}) AS region_code,
           count(*)::int AS in_need,
           count(*) FILTER (WHERE o.household_id IS NULL AND u.household_id IS NULL)::int AS covered,
           count(*) FILTER (WHERE o.household_id IS NOT NULL OR u.household_id IS NOT NULL)::int AS gap
      FROM need n LEFT JOIN out_of_school o USING (household_id) LEFT JOIN unpaid u USING (household_id)
     GROUP BY 1 ORDER BY 1`;
}

/** The households with a child out of school (COMPULSORY_EDUCATION NOT_MET), sorted. */
export function exitFailuresSql(): string {
  // The entitlement CTEs are not referenced, so PostgreSQL does not evaluate them; $6 is still typed.
  return `
    WITH ${RULE_CTES}
    SELECT household_id FROM out_of_school ORDER BY household_id`;
}
