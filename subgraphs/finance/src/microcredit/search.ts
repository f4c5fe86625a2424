import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, MoneyScalar, regionPrefixRange, SUPPRESSED_NOTE, suppressedNote, userError, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { LoanBank, LoanPurpose, MicroLoanStatus } from '../codes';
import { MicroLoan } from './entities';

@InputType({ description: 'Filters on microcredit loans; all given conditions must hold.' })
export class MicroLoanFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6 (county), 9 or 12 digits.' })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Year of disbursement.' })
  year?: number;

  @Field(() => MicroLoanStatus, { nullable: true })
  status?: MicroLoanStatus;

  @Field(() => LoanBank, { nullable: true })
  bank?: LoanBank;

  @Field(() => LoanPurpose, { nullable: true })
  purpose?: LoanPurpose;
}

export function loanSearch(db: DataSource, filter: MicroLoanFilter): SelectQueryBuilder<MicroLoan> {
  const q = db.getRepository(MicroLoan).createQueryBuilder('l');
  whereRegionPrefix(q, 'l', filter.regionPrefix);
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    q.andWhere('l.disbursement_date >= :from AND l.disbursement_date < :to', { from: `${filter.year}-01-01`, to: `${filter.year + 1}-01-01` });
  }
  if (filter.status != null) q.andWhere('l.status = :status', { status: filter.status });
  if (filter.bank != null) q.andWhere('l.bank = :bank', { bank: filter.bank });
  if (filter.purpose != null) q.andWhere('l.purpose = :purpose', { purpose: filter.purpose });
  return q;
}

@ObjectType({ description: 'Totals over all microcredit loans matching a filter.' })
export class MicroLoanSummary {
  @Field(() => Int, { nullable: true, description: 'Number of matching loans.' })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Principal disbursed by all matching loans.' })
  totalAmount: number | null;

  @Field(() => Boolean, { description: suppressedNote('loans') })
  suppressed: boolean = false;
}

/** The connection's summary: count and principal in one aggregate statement. */
export async function summarizeLoans(db: DataSource, filter: MicroLoanFilter): Promise<MicroLoanSummary> {
  const row = await loanSearch(db, filter).select('count(*)::bigint', 'count').addSelect('COALESCE(sum(l.amount_fen), 0)::bigint', 'amount').getRawOne();
  return { count: Number(row.count), totalAmount: Number(row.amount), suppressed: false };
}

export enum MicroLoanGrouping {
  STATUS = 'STATUS',
  YEAR = 'YEAR',
  BANK = 'BANK',
  PURPOSE = 'PURPOSE',
}
registerEnumType(MicroLoanGrouping, { name: 'MicroLoanGrouping', description: 'What loan totals are grouped by.' });

@ObjectType({ description: 'Loans summed over a filter and grouping.' })
export class MicroLoanTotal {
  @Field(() => MicroLoanStatus, { nullable: true })
  status: MicroLoanStatus | null;

  @Field(() => Int, { nullable: true, description: 'Year of disbursement.' })
  year: number | null;

  @Field(() => LoanBank, { nullable: true })
  bank: LoanBank | null;

  @Field(() => LoanPurpose, { nullable: true })
  purpose: LoanPurpose | null;

  @Field(() => Int, { nullable: true, description: 'Distinct borrowing households (the small-cell count).' })
  households: number | null;

  @Field(() => Int, { nullable: true })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Principal disbursed.' })
  amount: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Principal repaid so far.' })
  principalRepaid: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Principal not yet repaid (including overdue and defaulted loans).' })
  principalOutstanding: number | null;

  @Field(() => MoneyScalar, { nullable: true })
  overdueAmount: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Interest subsidies paid (PAID disbursements of the loans).' })
  interestSubsidised: number | null;

  @Field(() => Boolean, { description: SUPPRESSED_NOTE })
  suppressed: boolean = false;
}

const GROUPS: Record<MicroLoanGrouping, { column: string; alias: string }> = {
  STATUS: { column: 'l.status', alias: 'status' },
  YEAR: { column: 'extract(year from l.disbursement_date)::int', alias: 'year' },
  BANK: { column: 'l.bank', alias: 'bank' },
  PURPOSE: { column: 'l.purpose', alias: 'purpose' },
};

export async function loanTotals(db: DataSource, filter: MicroLoanFilter, groupBy: MicroLoanGrouping[]): Promise<MicroLoanTotal[]> {
  const q = loanSearch(db, filter)
    .leftJoin((sq) => sq.select('x.loan_id', 'loan_id').addSelect('sum(x.principal_fen)', 'principal').from('micro_loan_repayment', 'x').groupBy('x.loan_id'), 'r', 'r.loan_id = l.id')
    .leftJoin(
      (sq) =>
        sq
          .select('y.source_record_id', 'source_record_id')
          .addSelect('sum(y.amount_fen)', 'amount')
          .from('disbursement', 'y')
          .where(`y.programme = 'MICROCREDIT_INTEREST_SUBSIDY' AND y.status = 'PAID'`)
          .groupBy('y.source_record_id'),
      's',
      's.source_record_id = l.id',
    )
    .select('count(*)::bigint', 'count')
    .addSelect('count(DISTINCT l.household_id)::bigint', 'households')
    .addSelect('COALESCE(sum(l.amount_fen), 0)::bigint', 'amount')
    .addSelect('COALESCE(sum(r.principal), 0)::bigint', 'principalRepaid')
    .addSelect('COALESCE(sum(l.overdue_amount_fen), 0)::bigint', 'overdueAmount')
    .addSelect('COALESCE(sum(s.amount), 0)::bigint', 'interestSubsidised');
  const groups = [...new Set(groupBy)].map((g) => GROUPS[g]);
  for (const g of groups) q.addSelect(g.column, g.alias).addGroupBy(g.column).addOrderBy(g.column, 'ASC');
  const rows: Array<Record<string, string | number | null>> = await q.getRawMany();
  return rows
    .filter((r) => Number(r.count) > 0 || groups.length === 0)
    .map((r) => ({
      status: (r.status as MicroLoanStatus) ?? null,
      year: r.year == null ? null : Number(r.year),
      bank: (r.bank as LoanBank) ?? null,
      purpose: (r.purpose as LoanPurpose) ?? null,
      households: Number(r.households),
      count: Number(r.count),
      amount: Number(r.amount),
      principalRepaid: Number(r.principalRepaid),
      principalOutstanding: Number(r.amount) - Number(r.principalRepaid),
      overdueAmount: Number(r.overdueAmount),
      interestSubsidised: Number(r.interestSubsidised),
      suppressed: false,
    }));
}

/** A region prefix for county funds: 2, 4 or 6 digits (funds are per county). */
export function countyPrefixRange(prefix: string | null | undefined): { low: string; high: string } {
  if (prefix == null) return { low: '0', high: ':' };
  const range = regionPrefixRange(prefix, 'regionPrefix');
  if (prefix.length > 6) {
    throw userError(ErrorCode.INVALID_REGION_CODE, 'risk funds are kept per county: give a 2, 4 or 6-digit region prefix', { field: 'regionPrefix' });
  }
  return range;
}
