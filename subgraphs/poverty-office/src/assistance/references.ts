import { DutyAreaCode, SubgraphContext } from '@saf/kit';
import { householdById } from '../register/loaders';
import { AreaAssistance, areaAssistance, ExitAssessment, exitAssessment } from './entities';

/**
 * `_entities` for the two sector-view entities. The gateway sends ~19 AreaAssistance and one
 * ExitAssessment representation per household in one call; each is checked against the register
 * through the batched householdById loader (one statement for all). Unknown households, areas
 * or malformed years resolve to null.
 */
const AREAS = new Set<string>(Object.values(DutyAreaCode));

async function known(ctx: SubgraphContext, householdId: unknown, year: unknown): Promise<boolean> {
  if (typeof householdId !== 'string' || !Number.isInteger(year)) return false;
  return (await ctx.loaders.get(householdById).load(householdId)) !== null;
}

export const assistanceReferenceResolvers = {
  AreaAssistance: {
    async __resolveReference(ref: Record<string, unknown>, ctx: SubgraphContext): Promise<AreaAssistance | null> {
      if (typeof ref.area !== 'string' || !AREAS.has(ref.area)) return null;
      return (await known(ctx, ref.householdId, ref.year)) ? areaAssistance(ref.householdId as string, ref.area as DutyAreaCode, ref.year as number) : null;
    },
  },
  ExitAssessment: {
    async __resolveReference(ref: Record<string, unknown>, ctx: SubgraphContext): Promise<ExitAssessment | null> {
      return (await known(ctx, ref.householdId, ref.year)) ? exitAssessment(ref.householdId as string, ref.year as number) : null;
    },
  },
};
