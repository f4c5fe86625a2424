import { regionGroupSql } from '@saf/kit';

/*
 * The aggregates' SQL: one statement each, restating rules.ts. Parameters: $1 low and $2 high
 * household ID (region range); measure totals then $3 the year (int), $4 1 January, $5 the
 * assessment date (31 December, or today in the running year); coverage $3 1 January, $4 the
 * assessment date.
 */

/** In force at some time between 1 January ($4) and the assessment date ($5). */
const IN_FORCE_DURING = (t: string) => `${t}.start_date <= $5::date AND (${t}.end_date IS NULL OR ${t}.end_date >= $4::date)`;
const REGION = (t: string) => `${t}.household_id >= $1 AND ${t}.household_id < $2`;

/**
 * Measures per region group, area, role and programme (rules.ts safetyNetMeasures / healthMeasures).
 * The dibao amount is the one in force on the assessment date or on the enrolment's last day: the
 * latest re-check's new amount by then, else the approved amount.
 */
export function measureTotalsSql(groupLength: number): string {
  return `
    WITH m AS (
      SELECT e.household_id, 'SOCIAL_SAFETY_NET' AS area, 'LEAD' AS role, 'DIBAO' AS programme,
        COALESCE((SELECT r.new_monthly_amount_fen FROM dibao_recheck r
                  WHERE r.enrolment_id = e.id AND r.new_monthly_amount_fen IS NOT NULL AND r.recheck_date <= LEAST($5::date, COALESCE(e.end_date, $5::date))
                  ORDER BY r.recheck_date DESC LIMIT 1), e.approved_monthly_amount_fen) AS amount
      FROM dibao_enrolment e WHERE ${REGION('e')} AND ${IN_FORCE_DURING('e')}
      UNION ALL
      SELECT s.household_id, 'SOCIAL_SAFETY_NET', 'LEAD', 'DESTITUTE_SUPPORT', s.basic_living_monthly_fen + s.care_monthly_fen
      FROM destitute_support s WHERE ${REGION('s')} AND ${IN_FORCE_DURING('s')}
      UNION ALL
      SELECT a.household_id, 'SOCIAL_SAFETY_NET', 'LEAD',
        CASE a.type WHEN 'LIVING_ALLOWANCE' THEN 'DISABILITY_LIVING_ALLOWANCE' ELSE 'DISABILITY_NURSING_SUBSIDY' END, a.monthly_amount_fen
      FROM disability_allowance a WHERE ${REGION('a')} AND ${IN_FORCE_DURING('a')}
      UNION ALL
      SELECT t.household_id, 'SOCIAL_SAFETY_NET', 'LEAD', 'TEMPORARY_ASSISTANCE', t.cash_amount_fen
      FROM temporary_assistance t WHERE ${REGION('t')} AND t.year = $3 AND t.approval_date <= $5::date
      UNION ALL
      SELECT g.household_id, 'HEALTH', 'SUPPORT',
        CASE g.type WHEN 'PREMIUM_SUBSIDY' THEN 'MEDICAL_ASSISTANCE_PREMIUM' ELSE 'MEDICAL_ASSISTANCE_TREATMENT' END, g.amount_fen
      FROM medical_assistance g WHERE ${REGION('g')} AND g.year = $3 AND g.grant_date <= $5::date
    )
    SELECT ${regionGroupSql('m.household_id', groupLength)} AS region_code, m.area, m.role, m.programme,
      count(*) AS measures, count(DISTINCT m.household_id) AS households, sum(m.amount) AS amount
    FROM m
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4`;
}

/**
 * SOCIAL_SAFETY_NET coverage per region group (rules.ts safetyNetVerdict): households with a case
 * of the year (approved by the assessment date, not ended before 1 January); covered unless a case
 * is late (not in force on the date although it should have started by the month after approval)
 * or one was stopped with the need left open (RECHECK_STOPPED, TRANSFERRED) while no case is in
 * force or due.
 */
export function areaCoverageSql(groupLength: number): string {
  const nextMonth = (t: string) => `(${t}.approval_date - (extract(day FROM ${t}.approval_date)::int - 1) + interval '1 month')::date`;
  const cases = (table: string) => `
      SELECT c.household_id,
        (c.start_date <= $4::date AND (c.end_date IS NULL OR c.end_date >= $4::date)) OR (c.start_date > $4::date AND c.start_date <= ${nextMonth('c')}) AS covering,
        c.start_date > $4::date AND c.start_date > ${nextMonth('c')} AS late,
        COALESCE(c.end_date < $4::date AND c.end_reason IN ('RECHECK_STOPPED', 'TRANSFERRED'), false) AS unresolved
      FROM ${table} c
      WHERE ${REGION('c')} AND c.approval_date <= $4::date AND (c.end_date IS NULL OR c.end_date >= $3::date)`;
  return `
    WITH cases AS (${cases('dibao_enrolment')}
      UNION ALL ${cases('destitute_support')}
    ), households AS (
      SELECT household_id, bool_or(covering) AS covering, bool_or(late) AS late, bool_or(unresolved) AS unresolved
      FROM cases GROUP BY household_id
    ), judged AS (
      SELECT household_id, NOT late AND (covering OR NOT unresolved) AS met FROM households
    )
    SELECT ${regionGroupSql('household_id', groupLength)} AS region_code,
      count(*) AS in_need, count(*) FILTER (WHERE met) AS covered, count(*) FILTER (WHERE NOT met) AS gap
    FROM judged
    GROUP BY 1
    ORDER BY 1`;
}
