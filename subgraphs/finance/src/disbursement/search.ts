import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { LocalDateScalar, MoneyScalar, suppressedNote, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { DisbursementStatus, FinanceDutyArea, FundedDepartment, Programme } from '../codes';
import { validateBatchNo } from '../common/validation';
import { Disbursement, DisbursementTotal } from './entities';

@InputType({ description: 'Filters on disbursements; all given conditions must hold.' })
export class DisbursementFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2 (province), 4, 6 (county), 9 (township) or 12 (village) digits.' })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'The year of the period paid for.' })
  year?: number;

  @Field(() => Programme, { nullable: true })
  programme?: Programme;

  @Field(() => FinanceDutyArea, { nullable: true })
  dutyArea?: FinanceDutyArea;

  @Field(() => FundedDepartment, { nullable: true })
  department?: FundedDepartment;

  @Field(() => DisbursementStatus, { nullable: true })
  status?: DisbursementStatus;

  @Field(() => String, { nullable: true, description: 'One payment batch (发放批次号).' })
  batchNo?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Paid on or after this date.' })
  paidFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Paid on or before this date.' })
  paidTo?: string;
}

/**
 * The disbursements list. Household IDs start with the village code, so a region prefix is a range
 * on household_id; with a year, the (year, household_id, id) index serves filter and order.
 */
export function disbursementSearch(db: DataSource, filter: DisbursementFilter): SelectQueryBuilder<Disbursement> {
  const q = db.getRepository(Disbursement).createQueryBuilder('d');
  whereRegionPrefix(q, 'd', filter.regionPrefix);
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    q.andWhere('d.year = :year', { year: filter.year });
  }
  if (filter.programme != null) q.andWhere('d.programme = :programme', { programme: filter.programme });
  if (filter.dutyArea != null) q.andWhere('d.duty_area = :dutyArea', { dutyArea: filter.dutyArea });
  if (filter.department != null) q.andWhere('d.department = :department', { department: filter.department });
  if (filter.status != null) q.andWhere('d.status = :status', { status: filter.status });
  if (filter.batchNo != null) {
    validateBatchNo(filter.batchNo, 'filter.batchNo');
    q.andWhere('d.batch_no = :batchNo', { batchNo: filter.batchNo });
  }
  if (filter.paidFrom != null) q.andWhere('d.payment_date >= :paidFrom', { paidFrom: filter.paidFrom });
  if (filter.paidTo != null) q.andWhere('d.payment_date <= :paidTo', { paidTo: filter.paidTo });
  return q;
}

@ObjectType({ description: 'Totals over all disbursements matching a filter.' })
export class DisbursementSummary {
  @Field(() => Int, { nullable: true, description: 'Number of matching payments.' })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the amounts of all matching payments, whatever their status (filter on status PAID for what reached households).' })
  totalAmount: number | null;

  @Field(() => Boolean, { description: suppressedNote('payments') })
  suppressed: boolean = false;
}

/** The connection's summary: count and exact sum in one aggregate statement. */
export async function summarizeDisbursements(db: DataSource, filter: DisbursementFilter): Promise<DisbursementSummary> {
  const row = await disbursementSearch(db, filter).select('count(*)::bigint', 'count').addSelect('COALESCE(sum(d.amount_fen), 0)::bigint', 'amount').getRawOne();
  return { count: Number(row.count), totalAmount: Number(row.amount), suppressed: false };
}

export enum DisbursementGrouping {
  PROGRAMME = 'PROGRAMME',
  DUTY_AREA = 'DUTY_AREA',
  DEPARTMENT = 'DEPARTMENT',
  YEAR = 'YEAR',
}

const GROUP_COLUMNS: Record<DisbursementGrouping, { column: string; alias: keyof DisbursementTotal }> = {
  PROGRAMME: { column: 'd.programme', alias: 'programme' },
  DUTY_AREA: { column: 'd.duty_area', alias: 'dutyArea' },
  DEPARTMENT: { column: 'd.department', alias: 'department' },
  YEAR: { column: 'd.year', alias: 'year' },
};

/** Sums by the chosen groupings (none: one grand total), in one statement. */
export async function disbursementTotals(db: DataSource, filter: DisbursementFilter, groupBy: DisbursementGrouping[]): Promise<DisbursementTotal[]> {
  const q = disbursementSearch(db, filter)
    .select('count(*)::bigint', 'count')
    .addSelect('count(DISTINCT d.household_id)::bigint', 'households')
    .addSelect('COALESCE(sum(d.amount_fen), 0)::bigint', 'amount')
    .addSelect(`count(*) FILTER (WHERE d.status = 'PAID')::bigint`, 'paidCount')
    .addSelect(`COALESCE(sum(d.amount_fen) FILTER (WHERE d.status = 'PAID'), 0)::bigint`, 'paidAmount');
  const groups = [...new Set(groupBy)].map((g) => GROUP_COLUMNS[g]);
  for (const g of groups) {
    q.addSelect(g.column, g.alias).addGroupBy(g.column).addOrderBy(g.column, 'ASC');
  }
  const rows: Array<Record<string, string | number | null>> = await q.getRawMany();
  return rows
    .filter((r) => Number(r.count) > 0 || groups.length === 0)
    .map((r) => ({
      programme: (r.programme as Programme) ?? null,
      dutyArea: (r.dutyArea as FinanceDutyArea) ?? null,
      department: (r.department as FundedDepartment) ?? null,
      year: r.year == null ? null : Number(r.year),
      households: Number(r.households),
      count: Number(r.count),
      amount: Number(r.amount),
      paidCount: Number(r.paidCount),
      paidAmount: Number(r.paidAmount),
      unpaidCount: Number(r.count) - Number(r.paidCount),
      unpaidAmount: Number(r.amount) - Number(r.paidAmount),
      suppressed: false,
    }));
}

/** The same totals over rows already loaded (a household's or a person's payments). */
export function totalsOf(rows: Disbursement[], key: (d: Disbursement) => Partial<DisbursementTotal>): DisbursementTotal[] {
  type Sums = { count: number; amount: number; paidCount: number; paidAmount: number; unpaidCount: number; unpaidAmount: number };
  const groups = new Map<string, { total: DisbursementTotal; sums: Sums; households: Set<string> }>();
  for (const d of rows) {
    const k = key(d);
    const id = JSON.stringify([k.programme ?? null, k.dutyArea ?? null, k.department ?? null, k.year ?? null]);
    let g = groups.get(id);
    if (!g) {
      const total = { programme: k.programme ?? null, dutyArea: k.dutyArea ?? null, department: k.department ?? null, year: k.year ?? null } as DisbursementTotal;
      g = { total, sums: { count: 0, amount: 0, paidCount: 0, paidAmount: 0, unpaidCount: 0, unpaidAmount: 0 }, households: new Set() };
      groups.set(id, g);
    }
    const t = g.sums;
    g.households.add(d.householdId);
    t.count++;
    t.amount += d.amount;
    if (d.status === DisbursementStatus.PAID) {
      t.paidCount++;
      t.paidAmount += d.amount;
    } else {
      t.unpaidCount++;
      t.unpaidAmount += d.amount;
    }
  }
  return [...groups.values()].map((g) => Object.assign(g.total, g.sums, { households: g.households.size, suppressed: false }));
}
