import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, userError } from './errors';
import { isValidRegionPrefix, prefixUpperBound } from './identity';

/**
 * Household and person IDs start with the village code, so every department filters by region
 * with a range on its own household_id column: no join, and an index scan.
 */
export function regionPrefixRange(prefix: string, field = 'regionPrefix'): { low: string; high: string } {
  if (!isValidRegionPrefix(prefix)) {
    throw userError(ErrorCode.INVALID_REGION_CODE, `Invalid ${field} "${prefix}": expected the 2, 4, 6, 9 or 12-digit prefix of a region code`, { field });
  }
  return { low: prefix, high: prefixUpperBound(prefix) };
}

/** Years the platform holds data for: from the first register year (2013) to next year. */
export function validateDataYear(year: number, field = 'year'): void {
  const latest = new Date().getUTCFullYear() + 1;
  if (!Number.isInteger(year) || year < 2013 || year > latest) {
    throw userError(ErrorCode.BAD_USER_INPUT, `${field} must be a year from 2013 to ${latest}`, { field });
  }
}

/** Restricts a query to a region: a range on its household ID column (validating the prefix). */
export function whereRegionPrefix<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, prefix: string | null | undefined, column = 'household_id'): SelectQueryBuilder<T> {
  if (prefix == null) return query;
  const { low, high } = regionPrefixRange(prefix, 'filter.regionPrefix');
  return query.andWhere(`${alias}.${column} >= :regionLow AND ${alias}.${column} < :regionHigh`, { regionLow: low, regionHigh: high });
}
