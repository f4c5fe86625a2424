import { DataSource } from 'typeorm';
import { MicrocreditRiskFund } from './entities';
import { countyPrefixRange } from './search';

/**
 * County risk-compensation funds by year, from contributions, compensations and the loan book, in
 * one statement. A loan is outstanding at a year's end when it was disbursed by then, not yet paid
 * off and not written off (defaulted); its outstanding principal is the amount less the principal
 * repaid by then. Years run from the first to the last year with any event, or just `year`.
 */
const SQL = `
WITH loans AS (
  SELECT l.id, substr(l.household_id, 1, 6) || '000000' AS county_code, l.amount_fen, l.disbursement_date, l.repaid_on, l.defaulted_on
  FROM micro_loan l WHERE l.household_id >= $1 AND l.household_id < $2
),
contributions AS (SELECT county_code, contribution_date AS day, amount_fen FROM risk_fund_contribution WHERE county_code >= $1 AND county_code < $2),
compensations AS (SELECT county_code, compensation_date AS day, amount_fen FROM risk_fund_compensation WHERE county_code >= $1 AND county_code < $2),
counties AS (SELECT county_code FROM loans UNION SELECT county_code FROM contributions),
bounds AS (
  SELECT COALESCE($3::int, min(y)) AS first_year, COALESCE($3::int, max(y)) AS last_year FROM (
    SELECT extract(year FROM disbursement_date)::int AS y FROM loans
    UNION ALL SELECT extract(year FROM day)::int FROM contributions
    UNION ALL SELECT extract(year FROM day)::int FROM compensations
  ) years
),
grid AS (
  SELECT c.county_code, y.year, make_date(y.year, 1, 1) AS year_start, make_date(y.year, 12, 31) AS year_end
  FROM counties c CROSS JOIN bounds b CROSS JOIN LATERAL generate_series(b.first_year, b.last_year) AS y(year)
),
book AS (
  SELECT g.county_code, g.year,
    count(*) FILTER (WHERE l.disbursement_date >= g.year_start) AS loans_disbursed,
    COALESCE(sum(l.amount_fen) FILTER (WHERE l.disbursement_date >= g.year_start), 0) AS amount_disbursed,
    count(*) FILTER (WHERE (l.repaid_on IS NULL OR l.repaid_on > g.year_end) AND (l.defaulted_on IS NULL OR l.defaulted_on > g.year_end)) AS loans_outstanding,
    COALESCE(sum(l.amount_fen - r.principal) FILTER (WHERE (l.repaid_on IS NULL OR l.repaid_on > g.year_end) AND (l.defaulted_on IS NULL OR l.defaulted_on > g.year_end)), 0) AS principal_outstanding
  FROM grid g
  JOIN loans l ON l.county_code = g.county_code AND l.disbursement_date <= g.year_end
  CROSS JOIN LATERAL (
    SELECT COALESCE(sum(principal_fen), 0) AS principal FROM micro_loan_repayment p WHERE p.loan_id = l.id AND p.repayment_date <= g.year_end
  ) r
  GROUP BY g.county_code, g.year
)
SELECT g.county_code, g.year,
  (SELECT COALESCE(sum(amount_fen), 0) FROM contributions f WHERE f.county_code = g.county_code AND f.day < g.year_start)
    - (SELECT COALESCE(sum(amount_fen), 0) FROM compensations f WHERE f.county_code = g.county_code AND f.day < g.year_start) AS opening_balance,
  (SELECT COALESCE(sum(amount_fen), 0) FROM contributions f WHERE f.county_code = g.county_code AND f.day BETWEEN g.year_start AND g.year_end) AS contributions,
  (SELECT COALESCE(sum(amount_fen), 0) FROM compensations f WHERE f.county_code = g.county_code AND f.day BETWEEN g.year_start AND g.year_end) AS compensations,
  COALESCE(b.loans_disbursed, 0) AS loans_disbursed, COALESCE(b.amount_disbursed, 0) AS amount_disbursed,
  COALESCE(b.loans_outstanding, 0) AS loans_outstanding, COALESCE(b.principal_outstanding, 0) AS principal_outstanding
FROM grid g LEFT JOIN book b ON b.county_code = g.county_code AND b.year = g.year
ORDER BY g.county_code, g.year`;

export async function riskFunds(db: DataSource, regionPrefix: string | null | undefined, year: number | null | undefined): Promise<MicrocreditRiskFund[]> {
  const { low, high } = countyPrefixRange(regionPrefix);
  const rows: Array<Record<string, string | number>> = await db.query(SQL, [low, high, year ?? null]);
  return rows.map((r) => {
    const openingBalance = Number(r.opening_balance);
    const contributions = Number(r.contributions);
    const compensations = Number(r.compensations);
    const closingBalance = openingBalance + contributions - compensations;
    const principalOutstanding = Number(r.principal_outstanding);
    return {
      countyCode: String(r.county_code),
      year: Number(r.year),
      openingBalance,
      contributions,
      compensations,
      closingBalance,
      loansDisbursed: Number(r.loans_disbursed),
      amountDisbursed: Number(r.amount_disbursed),
      loansOutstanding: Number(r.loans_outstanding),
      principalOutstanding,
      leverage: ratio(principalOutstanding, closingBalance),
      suppressed: false,
    };
  });
}

/** a / b to two decimals, rounded half up, exactly (integers only). */
export function ratio(a: number, b: number): string | null {
  if (b <= 0) return null;
  const hundredths = (BigInt(a) * 1000n / BigInt(b) + 5n) / 10n;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
