import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assessmentDate, ContributionRole, DepartmentContribution, RegisterMember, SubgraphContext } from '@saf/kit';
import { DutyArea } from '../reference/entities';
import { dutyMatrix, isLeadFederated, roleInArea } from '../reference/loaders';
import { membersByHousehold, procedureStepsByHousehold, statusPeriodsByHousehold } from '../register/loaders';
import { AreaAssistance } from './entities';
import { POVERTY_OFFICE, povertyOfficeContribution } from './identification';
import { registerMembers } from './loaders';

/**
 * The poverty office's fields of AreaAssistance. Every field loads through per-request
 * DataLoaders keyed by household (or the whole matrix), so 1,900 representations of 100
 * households cost the same statements as 190 of 10.
 */
@Resolver(() => AreaAssistance)
export class AreaAssistanceResolver {
  @FieldResolver(() => [RegisterMember], { description: "The register's members of the household, former ones included (active = still a member)." })
  async members(@Root() root: AreaAssistance, @Ctx() ctx: SubgraphContext): Promise<RegisterMember[]> {
    return registerMembers(await ctx.loaders.get(membersByHousehold).load(root.householdId));
  }

  @FieldResolver(() => DutyArea, { description: 'The duty area of the matrix: lead, supporting and jointly responsible departments.' })
  async dutyArea(@Root() root: AreaAssistance, @Ctx() ctx: SubgraphContext): Promise<DutyArea> {
    const matrix = await ctx.loaders.get(dutyMatrix).load('all');
    const area = matrix.areas.find((a) => a.code === root.area);
    if (!area) throw new Error(`duty area ${root.area} is missing from the duty matrix tables`);
    return area;
  }

  @FieldResolver(() => Boolean, { description: 'Whether a lead department (or, for an area without a lead, a jointly responsible one) has a subgraph, per the matrix data.' })
  async leadFederated(@Root() root: AreaAssistance, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return isLeadFederated(await ctx.loaders.get(dutyMatrix).load('all'), root.area);
  }

  @FieldResolver(() => DepartmentContribution, {
    nullable: true,
    description:
      "The poverty office's part: in IDENTIFICATION_EXIT (JOINT) its identification and exit procedure steps of the year and a verdict (need: every registered household; met: all ten identification steps recorded by the assessment date); in the programme-level JOINT areas (PUBLICITY, FUND_SUPERVISION, ANTI_CORRUPTION, SOCIAL_MOBILIZATION) a NOT_NEEDED verdict; null elsewhere (it holds no per-household record in the areas it supports).",
  })
  async povertyOffice(@Root() root: AreaAssistance, @Ctx() ctx: SubgraphContext): Promise<DepartmentContribution | null> {
    const matrix = await ctx.loaders.get(dutyMatrix).load('all');
    const role = roleInArea(matrix, root.area, POVERTY_OFFICE) as ContributionRole | null;
    if (role === null) return null;
    const [steps, periods] = await Promise.all([
      ctx.loaders.get(procedureStepsByHousehold).load(root.householdId),
      ctx.loaders.get(statusPeriodsByHousehold).load(root.householdId),
    ]);
    return povertyOfficeContribution({ householdId: root.householdId, area: root.area, year: root.year, on: assessmentDate(root.year), role, steps, periods });
  }
}
