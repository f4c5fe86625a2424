import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { RegionCodeScalar, SubgraphContext } from '@saf/kit';
import { Region } from './entities';
import { regionByCode, regionChildren } from './loaders';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by its 12-digit code, with its parent and children.' })
  region(@Arg('code', () => RegionCodeScalar) code: string, @Ctx() ctx: SubgraphContext): Promise<Region | null> {
    return ctx.loaders.get(regionByCode).load(code);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<Region | null> | null {
    return region.parentCode ? ctx.loaders.get(regionByCode).load(region.parentCode) : null;
  }

  @FieldResolver(() => [Region], { description: 'The regions one level down, in code order.' })
  children(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<Region[]> {
    return ctx.loaders.get(regionChildren).load(region.code);
  }
}
