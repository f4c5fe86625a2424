import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { regionPrefixRange, validatePageSize } from '@saf/kit';
import { decodeHouseholdCursor, numericCursorId, validateYear } from './validation';

/** Applies a region prefix (a range on household_id) and an optional year column filter. */
export function applyRegionAndYear<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, filter: { regionPrefix?: string | null; year?: number | null }, yearColumn: string | null = 'year'): SelectQueryBuilder<T> {
  if (filter.regionPrefix != null) {
    const { low, high } = regionPrefixRange(filter.regionPrefix, 'filter.regionPrefix');
    qb.andWhere(`${alias}.household_id >= :regionLow AND ${alias}.household_id < :regionHigh`, { regionLow: low, regionHigh: high });
  }
  if (filter.year != null) {
    validateYear(filter.year, 'filter.year');
    if (yearColumn) qb.andWhere(`${alias}.${yearColumn} = :year`, { year: filter.year });
  }
  return qb;
}

/**
 * One page in (household_id, id) order, keyset after the cursor: `first + 1` rows, the extra one
 * telling whether there is a next page (toConnection drops it).
 */
export async function pageInHouseholdOrder<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  first: number,
  after: string | null | undefined,
  idKind: 'numeric' | 'text',
): Promise<T[]> {
  if (after) {
    const cursor = decodeHouseholdCursor(after);
    const id = idKind === 'numeric' ? numericCursorId(cursor.id) : cursor.id;
    const idParam = idKind === 'numeric' ? 'CAST(:afterId AS bigint)' : ':afterId';
    qb.andWhere(`(${alias}.household_id, ${alias}.id) > (:afterHousehold, ${idParam})`, { afterHousehold: cursor.householdId, afterId: id });
  }
  return qb.orderBy(`${alias}.household_id`, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(first + 1).getMany();
}

export { validatePageSize };
