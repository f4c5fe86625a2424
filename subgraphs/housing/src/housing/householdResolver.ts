import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, SubgraphContext, todayLocalDate } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { DwellingRating, HOUSING_DEPARTMENT, HousingSafetyBasis, HousingSafetyStatus } from '../codes';
import { DwellingAppraisal, RelocationHousing, RenovationProject } from './entities';
import { appraisalsByHousehold, relocationByHousehold, relocationByPerson, renovationsByHousehold } from './loaders';
import { assessHousingSafety, latestAppraisal } from './safety';

@ObjectType({
  description:
    '住房安全有保障: the housing predicate of the exit rule (两不愁三保障) for one date, with its evidence. SAFE: latest rating A/B, or C/D with a renovation accepted, or moved into resettlement housing.',
})
export class HousingSafety {
  @Field(() => HousingSafetyStatus)
  status: HousingSafetyStatus;

  @Field(() => HousingSafetyBasis)
  basis: HousingSafetyBasis;

  @Field(() => LocalDateScalar, { description: 'The date the verdict is for.' })
  on: string;

  @Field(() => DwellingRating, { nullable: true, description: 'Rating of the latest appraisal on or before the date.' })
  rating: DwellingRating | null;

  @Field(() => DwellingAppraisal, { nullable: true, description: 'The latest appraisal on or before the date.' })
  appraisal: DwellingAppraisal | null;

  @Field(() => RenovationProject, { nullable: true, description: 'The accepted renovation (RENOVATED), or the project under way for a dangerous dwelling.' })
  renovation: RenovationProject | null;

  @Field(() => RelocationHousing, { nullable: true, description: 'The resettlement housing moved into (RELOCATED).' })
  relocation: RelocationHousing | null;

  @Field(() => String, { description: 'The department that owns the predicate (duty-matrix code).' })
  department: string;

  @Field(() => String, { nullable: true, description: 'Type of the evidence record: DwellingAppraisal, RenovationProject or RelocationHousing.' })
  evidenceRecord: string | null;

  @Field(() => ID, { nullable: true, description: 'ID of the evidence record.' })
  evidenceId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Date of the evidence: appraisal, acceptance or move-in date.' })
  evidenceDate: string | null;
}

/** The housing department's fields on the register's households. */
@Resolver(() => HouseholdKey)
export class HousingHouseholdResolver {
  @FieldResolver(() => DwellingAppraisal, { nullable: true, description: 'The dwelling as last appraised (the latest appraisal, the one that counts); null when never appraised.' })
  async dwelling(@Root() household: HouseholdKey, @Ctx() ctx: SubgraphContext): Promise<DwellingAppraisal | null> {
    return latestAppraisal(await ctx.loaders.get(appraisalsByHousehold).load(household.id));
  }

  @FieldResolver(() => [DwellingAppraisal], { description: 'Every safety appraisal of the household\'s dwelling, oldest first.' })
  dwellingAppraisals(@Root() household: HouseholdKey, @Ctx() ctx: SubgraphContext): Promise<DwellingAppraisal[]> {
    return ctx.loaders.get(appraisalsByHousehold).load(household.id);
  }

  @FieldResolver(() => [RenovationProject], { description: '危房改造 projects of the household, oldest first.' })
  renovations(@Root() household: HouseholdKey, @Ctx() ctx: SubgraphContext): Promise<RenovationProject[]> {
    return ctx.loaders.get(renovationsByHousehold).load(household.id);
  }

  @FieldResolver(() => RelocationHousing, { nullable: true, description: '易地扶贫搬迁: the resettlement housing allocated to the household, if it was relocated.' })
  relocationHousing(@Root() household: HouseholdKey, @Ctx() ctx: SubgraphContext): Promise<RelocationHousing | null> {
    return ctx.loaders.get(relocationByHousehold).load(household.id);
  }

  @FieldResolver(() => HousingSafety, { description: '住房安全有保障 on a date (default today), with the evidence record and date.' })
  async housingSafety(
    @Root() household: HouseholdKey,
    @Arg('on', () => LocalDateScalar, { nullable: true, description: 'Default: today.' }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HousingSafety> {
    const [appraisals, renovations, relocation] = await Promise.all([
      ctx.loaders.get(appraisalsByHousehold).load(household.id),
      ctx.loaders.get(renovationsByHousehold).load(household.id),
      ctx.loaders.get(relocationByHousehold).load(household.id),
    ]);
    const verdict = assessHousingSafety(appraisals, renovations, relocation, on ?? todayLocalDate());
    return { ...verdict, rating: verdict.appraisal?.rating ?? null, department: HOUSING_DEPARTMENT };
  }
}

/** The housing department's fields on the register's persons. */
@Resolver(() => PersonKey)
export class HousingPersonResolver {
  @FieldResolver(() => RelocationHousing, { nullable: true, description: '易地扶贫搬迁: the relocation that moved this person, if any.' })
  relocationHousing(@Root() person: PersonKey, @Ctx() ctx: SubgraphContext): Promise<RelocationHousing | null> {
    return ctx.loaders.get(relocationByPerson).load(person.id);
  }
}
