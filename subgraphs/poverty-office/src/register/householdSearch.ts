import { DataSource, SelectQueryBuilder } from 'typeorm';
import { whereRegionPrefix } from '@saf/kit';
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
  whereRegionPrefix(query, 'h', filter.regionPrefix, 'id');
  if (filter.status != null) query.andWhere('h.status = :status', { status: filter.status });
  if (filter.welfareCategory != null) query.andWhere('h.welfare_category = :category', { category: filter.welfareCategory });
  if (filter.cause != null) query.andWhere('(h.main_cause = :cause OR :cause = ANY(h.other_causes))', { cause: filter.cause });
  if (filter.poorVillage != null) {
    query.innerJoin('region', 'v', 'v.code = h.region_code').andWhere('v.is_poor_village = :poor', { poor: filter.poorVillage });
  }
  return query;
}
