import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DepartmentContribution, Predicate, SubgraphContext } from '@saf/kit';
import { appraisalsByHousehold, relocationByHousehold, renovationsByHousehold } from '../housing/loaders';
import { AreaAssistanceKey, ExitAssessmentKey } from './keys';
import { HOUSING_ROLES, HousingFacts, housingContribution, housingSafetyPredicate, yearWindow } from './rules';

/**
 * Housing's fields on the sector view. The gateway sends ~19 AreaAssistance and one ExitAssessment
 * representation per household in one request: every field loads through the per-request
 * household loaders, so a page of households costs the same three statements whatever its size.
 */
async function factsOf(ctx: SubgraphContext, householdId: string): Promise<HousingFacts> {
  const [appraisals, renovations, relocation] = await Promise.all([
    ctx.loaders.get(appraisalsByHousehold).load(householdId),
    ctx.loaders.get(renovationsByHousehold).load(householdId),
    ctx.loaders.get(relocationByHousehold).load(householdId),
  ]);
  return { appraisals, renovations, relocation };
}

@Resolver(() => AreaAssistanceKey)
export class HousingAreaAssistanceResolver {
  @FieldResolver(() => DepartmentContribution, {
    nullable: true,
    description:
      "Housing's measures in this area and year, and in HOUSING_RENOVATION (housing LEADs) its verdict: needed for a C/D dwelling (or a renovation accepted in the year), met when renovated and accepted or relocated, expecting FINANCE to pay the subsidy of each renovation accepted in the year. Null in areas housing has no part in or no record for.",
  })
  async housing(@Root() root: AreaAssistanceKey, @Ctx() ctx: SubgraphContext): Promise<DepartmentContribution | null> {
    // Areas housing has no part in cost nothing: no load for them.
    if (!HOUSING_ROLES[root.area]) return null;
    return housingContribution(root.area, await factsOf(ctx, root.householdId), yearWindow(root.year));
  }
}

@Resolver(() => ExitAssessmentKey)
export class HousingExitAssessmentResolver {
  @FieldResolver(() => Predicate, {
    nullable: true,
    description:
      '住房安全有保障 (HOUSING_SAFETY) on 31 December of the year (today in the running year): MET for a dwelling rated A/B, a C/D dwelling whose renovation passed acceptance, or a household moved into resettlement housing; NOT_MET for a C/D dwelling not renovated (none started, or started but not accepted) and for a household never appraised.',
  })
  async housingSafety(@Root() root: ExitAssessmentKey, @Ctx() ctx: SubgraphContext): Promise<Predicate> {
    return housingSafetyPredicate(await factsOf(ctx, root.householdId), yearWindow(root.year));
  }
}
