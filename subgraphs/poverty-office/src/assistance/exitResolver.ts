import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assessmentDate, Predicate, RegisterMember, seesPersonalData, SubgraphContext } from '@saf/kit';
import { povertyLineByYear } from '../reference/loaders';
import { incomesByHousehold, membersByHousehold, visitsByHousehold } from '../register/loaders';
import { ExitAssessment } from './entities';
import { countActive, registerMembers } from './loaders';
import { drinkingWaterPredicate, foodAndClothingPredicate, incomePredicate, visitOfYear } from './predicates';

/** The poverty office's fields of ExitAssessment: the members and its three predicates. */
@Resolver(() => ExitAssessment)
export class ExitAssessmentResolver {
  @FieldResolver(() => [RegisterMember], { description: "The register's members of the household, former ones included (active = still a member)." })
  async members(@Root() root: ExitAssessment, @Ctx() ctx: SubgraphContext): Promise<RegisterMember[]> {
    return registerMembers(await ctx.loaders.get(membersByHousehold).load(root.householdId));
  }

  @FieldResolver(() => Predicate, {
    nullable: true,
    description: "INCOME (收入): that year's net income per person strictly above that year's poverty line → MET; at or below, or no income record → NOT_MET; no active member → NOT_APPLICABLE.",
  })
  async income(@Root() root: ExitAssessment, @Ctx() ctx: SubgraphContext): Promise<Predicate> {
    const [people, incomes, line] = await Promise.all([
      ctx.loaders.get(membersByHousehold).load(root.householdId),
      ctx.loaders.get(incomesByHousehold).load(root.householdId),
      ctx.loaders.get(povertyLineByYear).load(root.year),
    ]);
    const income = incomes.find((i) => i.year === root.year) ?? null;
    return incomePredicate(root.householdId, root.year, countActive(people), income, line, seesPersonalData(ctx.identity));
  }

  @FieldResolver(() => Predicate, {
    nullable: true,
    description:
      'FOOD_AND_CLOTHING (不愁吃、不愁穿): the latest household visit of the year on or before the assessment date found food and clothing secure → MET; otherwise, or no such visit → NOT_MET; no active member → NOT_APPLICABLE.',
  })
  async foodAndClothing(@Root() root: ExitAssessment, @Ctx() ctx: SubgraphContext): Promise<Predicate> {
    const on = assessmentDate(root.year);
    const [people, visits] = await Promise.all([ctx.loaders.get(membersByHousehold).load(root.householdId), ctx.loaders.get(visitsByHousehold).load(root.householdId)]);
    return foodAndClothingPredicate(root.year, on, countActive(people), visitOfYear(visits, root.year, on));
  }

  @FieldResolver(() => Predicate, {
    nullable: true,
    description:
      'DRINKING_WATER (饮水安全): the latest household visit of the year on or before the assessment date found the drinking water safe → MET; otherwise, or no such visit → NOT_MET; no active member → NOT_APPLICABLE.',
  })
  async drinkingWater(@Root() root: ExitAssessment, @Ctx() ctx: SubgraphContext): Promise<Predicate> {
    const on = assessmentDate(root.year);
    const [people, visits] = await Promise.all([ctx.loaders.get(membersByHousehold).load(root.householdId), ctx.loaders.get(visitsByHousehold).load(root.householdId)]);
    return drinkingWaterPredicate(root.year, on, countActive(people), visitOfYear(visits, root.year, on));
  }
}
