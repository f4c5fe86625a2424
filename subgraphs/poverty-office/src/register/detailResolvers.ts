import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@saf/kit';
import { PovertyLine } from '../reference/entities';
import { povertyLineByYear } from '../reference/loaders';
import { Cadre, CadreAssignment, HouseholdIncome } from './entities';
import { cadreById } from './loaders';

@Resolver(() => HouseholdIncome)
export class HouseholdIncomeResolver {
  @FieldResolver(() => PovertyLine, { nullable: true, description: "That year's national poverty line." })
  povertyLine(@Root() income: HouseholdIncome, @Ctx() ctx: SubgraphContext): Promise<PovertyLine | null> {
    return ctx.loaders.get(povertyLineByYear).load(income.year);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "Whether the income is above that year's line; null when no line is recorded for the year." })
  async aboveLine(@Root() income: HouseholdIncome, @Ctx() ctx: SubgraphContext): Promise<boolean | null> {
    const line = await ctx.loaders.get(povertyLineByYear).load(income.year);
    return line ? income.netIncomePerCapita > line.amount : null;
  }
}

@Resolver(() => CadreAssignment)
export class CadreAssignmentResolver {
  @FieldResolver(() => Cadre)
  cadre(@Root() assignment: CadreAssignment, @Ctx() ctx: SubgraphContext): Promise<Cadre | null> {
    return ctx.loaders.get(cadreById).load(assignment.cadreId);
  }
}
