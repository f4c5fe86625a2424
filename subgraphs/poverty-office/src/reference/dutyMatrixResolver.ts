import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { SubgraphContext } from '@saf/kit';
import { Department, DutyArea, PovertyLine } from './entities';
import { DutyRole } from './dutyMatrix';
import { dutyMatrix, isLeadFederated, povertyLineByYear } from './loaders';

@ObjectType({ description: 'A department and its role in one duty area.' })
class DutyAssignment {
  @Field(() => DutyArea)
  area: DutyArea;

  @Field(() => String, { description: 'LEAD (牵头), SUPPORT (配合), JOINT (item 12: jointly responsible), PARTICIPANT or IMPLEMENTER.' })
  role: DutyRole;
}

async function departmentsWithRole(ctx: SubgraphContext, area: DutyArea, role: DutyRole): Promise<Department[]> {
  const matrix = await ctx.loaders.get(dutyMatrix).load('all');
  return matrix.links.filter((l) => l.areaCode === area.code && l.role === role).map((l) => matrix.departments.get(l.departmentCode) as Department);
}

@Resolver(() => DutyArea)
export class DutyAreaResolver {
  @Query(() => [DutyArea], { description: 'The duty matrix of seed 004: every area with its lead and supporting departments.' })
  async dutyAreas(@Ctx() ctx: SubgraphContext): Promise<DutyArea[]> {
    return (await ctx.loaders.get(dutyMatrix).load('all')).areas;
  }

  @Query(() => DutyArea, { nullable: true })
  async dutyArea(@Arg('code', () => String) code: string, @Ctx() ctx: SubgraphContext): Promise<DutyArea | null> {
    return (await ctx.loaders.get(dutyMatrix).load('all')).areas.find((a) => a.code === code) ?? null;
  }

  @FieldResolver(() => [Department], { description: '牵头部门. Empty for item 12 areas, which name jointly responsible departments instead.' })
  lead(@Root() area: DutyArea, @Ctx() ctx: SubgraphContext) {
    return departmentsWithRole(ctx, area, 'LEAD');
  }

  @FieldResolver(() => [Department], { description: '配合部门' })
  support(@Root() area: DutyArea, @Ctx() ctx: SubgraphContext) {
    return departmentsWithRole(ctx, area, 'SUPPORT');
  }

  @FieldResolver(() => [Department], { description: 'Jointly responsible departments (item 12).' })
  joint(@Root() area: DutyArea, @Ctx() ctx: SubgraphContext) {
    return departmentsWithRole(ctx, area, 'JOINT');
  }

  @FieldResolver(() => [Department], { description: 'Other participants or implementers named by the seed (financial institutions, city and county governments).' })
  async others(@Root() area: DutyArea, @Ctx() ctx: SubgraphContext) {
    return [...(await departmentsWithRole(ctx, area, 'PARTICIPANT')), ...(await departmentsWithRole(ctx, area, 'IMPLEMENTER'))];
  }

  @FieldResolver(() => Boolean, { description: 'Whether a lead (or, without a lead, a jointly responsible department) has a subgraph in the federation.' })
  async leadFederated(@Root() area: DutyArea, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return isLeadFederated(await ctx.loaders.get(dutyMatrix).load('all'), area.code);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'Every department of the duty matrix, federated or not.' })
  async departments(@Ctx() ctx: SubgraphContext): Promise<Department[]> {
    return [...(await ctx.loaders.get(dutyMatrix).load('all')).departments.values()];
  }

  @FieldResolver(() => Boolean, { description: 'Whether the department publishes a subgraph.' })
  federated(@Root() department: Department): boolean {
    return department.subgraph !== null;
  }

  @FieldResolver(() => [DutyAssignment], { description: 'The areas this department leads, supports or shares.' })
  async duties(@Root() department: Department, @Ctx() ctx: SubgraphContext): Promise<DutyAssignment[]> {
    const matrix = await ctx.loaders.get(dutyMatrix).load('all');
    const areas = new Map(matrix.areas.map((a) => [a.code, a]));
    return matrix.links
      .filter((l) => l.departmentCode === department.code)
      .map((l) => ({ area: areas.get(l.areaCode) as DutyArea, role: l.role }))
      .sort((a, b) => a.area.position - b.area.position);
  }
}

@Resolver(() => PovertyLine)
export class PovertyLineResolver {
  @Query(() => [PovertyLine], { description: 'The national poverty line per year.' })
  povertyLines(@Ctx() ctx: SubgraphContext): Promise<PovertyLine[]> {
    return ctx.db.getRepository(PovertyLine).find({ order: { year: 'ASC' } });
  }

  @Query(() => PovertyLine, { nullable: true })
  povertyLine(@Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<PovertyLine | null> {
    return ctx.loaders.get(povertyLineByYear).load(year);
  }
}
