import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ErrorCode, HouseholdIdScalar, RegionLevel, regionPrefixRange, SubgraphContext, userError } from '@saf/kit';
import { Region } from '../reference/entities';
import { WelfareCategory } from '../register/codes';
import { welfareRosterSql } from './aggregateSql';
import { WelfareRosterEntry } from './entities';

/** At most this many IDs per registerLookup: a county's dibao roster fits (≈ 30 k households). */
export const REGISTER_LOOKUP_LIMIT = 50_000;

/**
 * Feeds for the platform's cross-department checks: the register's side of 两线合一 (the
 * civil-affairs roster is compared with it in the sector view) and the village list for the
 * equal-treatment comparison. One SQL statement each.
 */
@Resolver()
export class PovertyOfficeFeedsResolver {
  @Query(() => [WelfareRosterEntry], {
    description: 'Registered households of the region whose welfare category is not GENERAL (dibao, destitute, both), in ID order, with their active members.',
  })
  welfareRoster(@Arg('regionPrefix', () => String) regionPrefix: string, @Ctx() ctx: SubgraphContext): Promise<WelfareRosterEntry[]> {
    const { low, high } = regionPrefixRange(regionPrefix, 'regionPrefix');
    return ctx.db.query(welfareRosterSql(`h.id >= $1 AND h.id < $2 AND h.welfare_category <> $3`), [low, high, WelfareCategory.GENERAL]);
  }

  @Query(() => [WelfareRosterEntry], {
    description: `The given households that are in the register (any welfare category), in ID order, with their active members; unknown IDs are left out. At most ${REGISTER_LOOKUP_LIMIT} IDs (BAD_USER_INPUT beyond).`,
  })
  registerLookup(@Arg('householdIds', () => [HouseholdIdScalar]) householdIds: string[], @Ctx() ctx: SubgraphContext): Promise<WelfareRosterEntry[]> {
    const ids = [...new Set(householdIds)];
    if (ids.length > REGISTER_LOOKUP_LIMIT) {
      throw userError(ErrorCode.BAD_USER_INPUT, `registerLookup takes at most ${REGISTER_LOOKUP_LIMIT} household IDs (got ${ids.length}): split the list`, {
        field: 'householdIds',
        limit: REGISTER_LOOKUP_LIMIT,
      });
    }
    if (ids.length === 0) return Promise.resolve([]);
    return ctx.db.query(welfareRosterSql('h.id = ANY($1::text[])'), [ids]);
  }

  @Query(() => [Region], { description: 'The villages (12-digit regions of level VILLAGE) under a region prefix, in code order, with isPoorVillage; retired codes included (validTo set).' })
  villages(@Arg('regionPrefix', () => String) regionPrefix: string, @Ctx() ctx: SubgraphContext): Promise<Region[]> {
    const { low, high } = regionPrefixRange(regionPrefix, 'regionPrefix');
    return ctx.db
      .getRepository(Region)
      .createQueryBuilder('r')
      .where('r.code >= :low AND r.code < :high AND r.level = :level', { low, high, level: RegionLevel.VILLAGE })
      .orderBy('r.code', 'ASC')
      .getMany();
  }
}
