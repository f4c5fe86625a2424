import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DutyAreaCode, ErrorCode, SubgraphContext, userError, validateDataYear } from '@saf/kit';
import { dutyMatrix } from '../reference/loaders';
import { Household } from '../register/entities';
import { AreaAssistance, areaAssistance, ExitAssessment, exitAssessment } from './entities';
import { latestPovertyLineYear } from './loaders';

/** Household.assistance and Household.exitAssessment: where the two sector-view entities start. */
@Resolver(() => Household)
export class HouseholdAssistanceResolver {
  @FieldResolver(() => [AreaAssistance], { description: 'The sector assistance view: one entry per duty area of the matrix, in matrix order (19).' })
  async assistance(
    @Root() household: Household,
    @Arg('year', () => Int, { nullable: true, description: 'Default: the latest year with a national poverty line.' }) year: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AreaAssistance[]> {
    const chosen = year ?? (await ctx.loaders.get(latestPovertyLineYear).load('latest'));
    if (chosen == null) throw userError(ErrorCode.BAD_USER_INPUT, 'no poverty line is recorded: give a year', { field: 'year' });
    validateDataYear(chosen);
    const matrix = await ctx.loaders.get(dutyMatrix).load('all');
    return matrix.areas.map((a) => areaAssistance(household.id, a.code as DutyAreaCode, chosen));
  }

  @FieldResolver(() => ExitAssessment, { description: 'The exit rule (两不愁三保障) for the year, taken on its assessment date.' })
  exitAssessment(@Root() household: Household, @Arg('year', () => Int) year: number): ExitAssessment {
    validateDataYear(year);
    return exitAssessment(household.id, year);
  }
}
