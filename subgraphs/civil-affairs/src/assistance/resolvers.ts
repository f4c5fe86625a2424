import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DepartmentContribution, DutyAreaCode, SubgraphContext } from '@saf/kit';
import {
  destituteSupportsByHousehold,
  dibaoEnrolmentsByHousehold,
  disabilityAllowancesByHousehold,
  medicalAssistanceByHousehold,
  rechecksByHousehold,
  temporaryAssistanceByHousehold,
} from '../records/loaders';
import { AreaAssistanceKey } from './keys';
import { CIVIL_AFFAIRS_ROLES, CivilAffairsFacts, civilAffairsContribution, inForceDuring, SafetyNetFacts, yearWindow, YearWindow } from './rules';

/**
 * Civil affairs' field on the sector view. The gateway sends ~19 AreaAssistance representations per
 * household in one request; each loads through the per-request household loaders, all in parallel,
 * so a page costs the same few statements whatever its size and whatever the households hold.
 */
async function safetyNetFacts(ctx: SubgraphContext, householdId: string, w: YearWindow): Promise<SafetyNetFacts> {
  const [dibao, destitute, disability, temporary, rechecks] = await Promise.all([
    ctx.loaders.get(dibaoEnrolmentsByHousehold).load(householdId),
    ctx.loaders.get(destituteSupportsByHousehold).load(householdId),
    ctx.loaders.get(disabilityAllowancesByHousehold).load(householdId),
    ctx.loaders.get(temporaryAssistanceByHousehold).load(householdId),
    ctx.loaders.get(rechecksByHousehold).load(householdId),
  ]);
  // Re-checks of the enrolments whose amount is shown (in force in the year).
  const byEnrolment = new Map(dibao.filter((e) => inForceDuring(e, w)).map((e) => [e.id, rechecks.filter((r) => r.enrolmentId === e.id)]));
  return { dibao, destitute, disability, temporary, rechecks: byEnrolment };
}

@Resolver(() => AreaAssistanceKey)
export class CivilAffairsAreaAssistanceResolver {
  @FieldResolver(() => DepartmentContribution, {
    nullable: true,
    description:
      "Civil affairs' measures in this area and year. SOCIAL_SAFETY_NET (civil affairs LEADs): dibao, destitute support and disability allowances in force in the year, temporary assistance approved in it, and the verdict — needed when the household has a dibao or destitute-support case in the year, met when each case is in force (or due from the month after approval) on 31 December (today in the running year) and none was stopped with the need left open; expects FINANCE to have paid each case in force in the year (sourceRecordId = the enrolment or support ID). HEALTH (SUPPORT): medical-assistance grants of the year. Null in other areas.",
  })
  async civilAffairs(@Root() root: AreaAssistanceKey, @Ctx() ctx: SubgraphContext): Promise<DepartmentContribution | null> {
    // Areas civil affairs has no records in cost nothing: no load for them.
    if (!CIVIL_AFFAIRS_ROLES[root.area]) return null;
    const w = yearWindow(root.year);
    const facts: CivilAffairsFacts =
      root.area === DutyAreaCode.SOCIAL_SAFETY_NET
        ? { safetyNet: await safetyNetFacts(ctx, root.householdId, w) }
        : { medical: await ctx.loaders.get(medicalAssistanceByHousehold).load(root.householdId) };
    return civilAffairsContribution(root.area, facts, w);
  }
}
