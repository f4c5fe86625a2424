import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, isValidRegionPrefix, prefixUpperBound, userError } from '@saf/kit';
import { Household } from './entities';
import { PovertyCause, PovertyStatus, WelfareCategory } from './codes';

export interface HouseholdFilterValues {
  regionPrefix?: string | null;
  status?: PovertyStatus | null;
  welfareCategory?: WelfareCategory | null;
  cause?: PovertyCause | null;
  poorVillage?: boolean | null;
}

/**
 * The households list query. Household IDs start with the village code, so a region prefix is a
 * range on the primary key, and keyset pagination on the same key keeps every page one index scan.
 */
export function householdSearch(db: DataSource, filter: HouseholdFilterValues): SelectQueryBuilder<Household> {
  const query = db.getRepository(Household).createQueryBuilder('h');
  if (filter.regionPrefix != null) {
    if (!isValidRegionPrefix(filter.regionPrefix)) {
      throw userError(ErrorCode.INVALID_REGION_CODE, `Invalid regionPrefix "${filter.regionPrefix}": expected the 2, 4, 6, 9 or 12-digit prefix of a region code`, {
        field: 'filter.regionPrefix',
      });
    }
    query.andWhere('h.id >= :low AND h.id < :high', { low: filter.regionPrefix, high: prefixUpperBound(filter.regionPrefix) });
  }
  if (filter.status != null) query.andWhere('h.status = :status', { status: filter.status });
  if (filter.welfareCategory != null) query.andWhere('h.welfare_category = :category', { category: filter.welfareCategory });
  if (filter.cause != null) query.andWhere('(h.main_cause = :cause OR :cause = ANY(h.other_causes))', { cause: filter.cause });
  if (filter.poorVillage != null) {
    query.innerJoin('region', 'v', 'v.code = h.region_code').andWhere('v.is_poor_village = :poor', { poor: filter.poorVillage });
  }
  return query;
}

export async function findHouseholdPage(db: DataSource, filter: HouseholdFilterValues, limit: number, afterId: string | null): Promise<Household[]> {
  const query = householdSearch(db, filter);
  if (afterId !== null) query.andWhere('h.id > :afterId', { afterId });
  return query.orderBy('h.id', 'ASC').limit(limit).getMany();
}

export function countHouseholds(db: DataSource, filter: HouseholdFilterValues): Promise<number> {
  return householdSearch(db, filter).getCount();
}
