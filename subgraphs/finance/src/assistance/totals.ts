import { DataSource } from 'typeorm';
import { ContributionRole, DutyAreaCode, MeasureTotal, regionGroupSql, toMeasureTotals, ValidatedAggregate } from '@saf/kit';
import { DisbursementStatus } from '../codes';
import { FINANCE, FINANCE_ROLES, LOAN_AREA, LOAN_PROGRAMME } from './roles';

/**
 * financeMeasureTotals in ONE statement: PAID disbursements whose period falls in the year, and
 * microcredit loans outstanding in the year (the rules of measures.ts), per region group, duty area
 * and programme. Both tables are read by range on household_id (the region prefix) and the year
 * index (disbursement) or the household index (micro_loan).
 */
export async function financeMeasureTotals(db: DataSource, a: ValidatedAggregate): Promise<MeasureTotal[]> {
  const group = regionGroupSql('household_id', a.groupLength);
  const rows: Array<{ region_code: string; area: string; programme: string; measures: number; households: number; amount: number }> = await db.query(
    `SELECT region_code, area, programme, count(*)::int AS measures, count(DISTINCT household_id)::int AS households, sum(amount_fen)::bigint AS amount
       FROM (
         SELECT ${group} AS region_code, household_id, duty_area AS area, programme, amount_fen
           FROM disbursement
          WHERE year = $3 AND status = $4 AND household_id >= $1 AND household_id < $2
         UNION ALL
         SELECT ${group}, household_id, $5::text, $6::text, amount_fen
           FROM micro_loan
          WHERE household_id >= $1 AND household_id < $2
            AND disbursement_date <= make_date($3, 12, 31)
            AND coalesce(repaid_on, defaulted_on, make_date($3, 1, 1)) >= make_date($3, 1, 1)
       ) m
      GROUP BY region_code, area, programme
      ORDER BY region_code, area, programme`,
    [a.low, a.high, a.year, DisbursementStatus.PAID, LOAN_AREA, LOAN_PROGRAMME],
  );
  return toMeasureTotals(rows, { department: FINANCE, role: (area: DutyAreaCode) => FINANCE_ROLES[area] ?? ContributionRole.SUPPORT });
}
