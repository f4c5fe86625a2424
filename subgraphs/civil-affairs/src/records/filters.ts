import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { regionPrefixRange, validateDataYear, whereRegionPrefix } from '@saf/kit';

/** The filter fields every root query shares. */
export interface CommonFilter {
  regionPrefix?: string | null;
  year?: number | null;
  householdId?: string | null;
}

/**
 * The kit's region range on household_id, plus the same range on the record ID, which embeds the
 * household ID after a fixed prefix (e.g. 'DB-'), so that the primary-key index serves both the
 * range and the keyset order (pages are keyed on the ID alone).
 */
export function whereRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, idPrefix: string, filter: CommonFilter): void {
  if (filter.regionPrefix != null) {
    whereRegionPrefix(qb, alias, filter.regionPrefix);
    const { low, high } = regionPrefixRange(filter.regionPrefix, 'filter.regionPrefix');
    qb.andWhere(`${alias}.id >= :idLow AND ${alias}.id < :idHigh`, { idLow: idPrefix + low, idHigh: idPrefix + high });
  }
  if (filter.householdId != null) qb.andWhere(`${alias}.household_id = :householdId`, { householdId: filter.householdId });
}

/** Records in force at some time in `year` and/or on `activeOn` (start/end columns, end inclusive). */
export function wherePeriod<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, filter: { year?: number | null; activeOn?: string | null }): void {
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere(`${alias}.start_date <= :yearEnd AND (${alias}.end_date IS NULL OR ${alias}.end_date >= :yearStart)`, {
      yearStart: `${filter.year}-01-01`,
      yearEnd: `${filter.year}-12-31`,
    });
  }
  if (filter.activeOn != null) {
    qb.andWhere(`${alias}.start_date <= :activeOn AND (${alias}.end_date IS NULL OR ${alias}.end_date >= :activeOn)`, { activeOn: filter.activeOn });
  }
}

/** Events of a year (a `year` column). */
export function whereYear<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, year: number | null | undefined): void {
  if (year != null) {
    validateDataYear(year, 'filter.year');
    qb.andWhere(`${alias}.year = :year`, { year });
  }
}

/** Reads numeric aggregates (bigint/numeric come back as numbers or strings) as numbers. */
export function numbers<K extends string>(row: Record<K, unknown> | undefined, keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, Number(row?.[k] ?? 0)])) as Record<K, number>;
}
