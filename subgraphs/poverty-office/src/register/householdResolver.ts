import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, InputType, Int, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType,
  HouseholdIdScalar,
  LocalDateScalar,
  PageArgs,
  paginate,
  SubgraphContext,
} from '@saf/kit';
import { Region } from '../reference/entities';
import { regionByCode } from '../reference/loaders';
import { PovertyCause, PovertyStatus, ProcedureKind, WelfareCategory, MemberStatus } from './codes';
import { CadreAssignment, Household, HouseholdIncome, HouseholdVisit, Person, ProcedureStep, StatusPeriod } from './entities';
import { householdSearch } from './householdSearch';
import {
  cadreAssignmentsByHousehold,
  householdById,
  incomesByHousehold,
  membersByHousehold,
  procedureStepsByHousehold,
  statusPeriodsByHousehold,
  visitsByHousehold,
} from './loaders';

@InputType({ description: 'Filters on the register; all given conditions must hold.' })
export class HouseholdFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2 (province), 4, 6 (county), 9 (township) or 12 (village) digits.' })
  regionPrefix?: string;

  @Field(() => PovertyStatus, { nullable: true })
  status?: PovertyStatus;

  @Field(() => WelfareCategory, { nullable: true })
  welfareCategory?: WelfareCategory;

  @Field(() => PovertyCause, { nullable: true, description: 'Matches the main cause or one of the other causes.' })
  cause?: PovertyCause;

  @Field(() => Boolean, { nullable: true, description: 'true: households in designated poor villages; false: in other villages.' })
  poorVillage?: boolean;
}

@ArgsType()
class HouseholdsArgs extends PageArgs {
  @Field(() => HouseholdFilter, { nullable: true })
  filter?: HouseholdFilter;
}

export const HouseholdConnection = ConnectionType(Household, 'Household');

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true, description: 'One registered household.' })
  household(@Arg('id', () => HouseholdIdScalar) id: string, @Ctx() ctx: SubgraphContext): Promise<Household | null> {
    return ctx.loaders.get(householdById).load(id);
  }

  @Query(() => HouseholdConnection, { description: 'Registered households in household ID order (so grouped by village), filtered and paginated.' })
  async households(@Args(() => HouseholdsArgs) args: HouseholdsArgs, @Ctx() ctx: SubgraphContext) {
    const page = await paginate(householdSearch(ctx.db, args.filter ?? {}), { alias: 'h', key: ['id'], keyOf: (h) => [h.id], first: args.first, after: args.after });
    for (const row of page.nodes) ctx.loaders.get(householdById).prime(row.id, row);
    return page;
  }

  @FieldResolver(() => Region, { description: 'The village.' })
  region(@Root() household: Household, @Ctx() ctx: SubgraphContext): Promise<Region | null> {
    return ctx.loaders.get(regionByCode).load(household.regionCode);
  }

  @FieldResolver(() => [Person], { description: 'Members, head first. Former members only when asked.' })
  async members(
    @Root() household: Household,
    @Arg('includeFormer', () => Boolean, { defaultValue: false }) includeFormer: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Person[]> {
    const members = await ctx.loaders.get(membersByHousehold).load(household.id);
    return includeFormer ? members : members.filter((m) => m.memberStatus === MemberStatus.ACTIVE);
  }

  @FieldResolver(() => Int, { description: 'Number of current members.' })
  async memberCount(@Root() household: Household, @Ctx() ctx: SubgraphContext): Promise<number> {
    const members = await ctx.loaders.get(membersByHousehold).load(household.id);
    return members.filter((m) => m.memberStatus === MemberStatus.ACTIVE).length;
  }

  @FieldResolver(() => Person, { nullable: true, description: '户主' })
  async head(@Root() household: Household, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    const members = await ctx.loaders.get(membersByHousehold).load(household.id);
    return members.find((m) => m.relation === 'HEAD' && m.memberStatus === MemberStatus.ACTIVE) ?? null;
  }

  @FieldResolver(() => [StatusPeriod], { description: 'Effective-dated status history, oldest first.' })
  statusHistory(@Root() household: Household, @Ctx() ctx: SubgraphContext): Promise<StatusPeriod[]> {
    return ctx.loaders.get(statusPeriodsByHousehold).load(household.id);
  }

  @FieldResolver(() => PovertyStatus, { nullable: true, description: 'The status in force on a date; null before identification.' })
  async statusOn(@Root() household: Household, @Arg('date', () => LocalDateScalar) date: string, @Ctx() ctx: SubgraphContext): Promise<PovertyStatus | null> {
    const periods = await ctx.loaders.get(statusPeriodsByHousehold).load(household.id);
    const period = periods.find((p) => p.effectiveFrom <= date && (p.effectiveTo === null || date < p.effectiveTo));
    return period?.status ?? null;
  }

  @FieldResolver(() => [HouseholdIncome], { description: 'Net income per person by year, oldest first.' })
  incomes(@Root() household: Household, @Ctx() ctx: SubgraphContext): Promise<HouseholdIncome[]> {
    return ctx.loaders.get(incomesByHousehold).load(household.id);
  }

  @FieldResolver(() => HouseholdIncome, { nullable: true })
  async income(@Root() household: Household, @Arg('year', () => Int) year: number, @Ctx() ctx: SubgraphContext): Promise<HouseholdIncome | null> {
    const incomes = await ctx.loaders.get(incomesByHousehold).load(household.id);
    return incomes.find((i) => i.year === year) ?? null;
  }

  @FieldResolver(() => [HouseholdVisit], { description: 'Household visits, oldest first.' })
  visits(@Root() household: Household, @Ctx() ctx: SubgraphContext): Promise<HouseholdVisit[]> {
    return ctx.loaders.get(visitsByHousehold).load(household.id);
  }

  @FieldResolver(() => [CadreAssignment], { description: '帮扶责任人 assigned to the household; only those in force on `activeOn` if given.' })
  async cadres(
    @Root() household: Household,
    @Arg('activeOn', () => LocalDateScalar, { nullable: true }) activeOn: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CadreAssignment[]> {
    const assignments = await ctx.loaders.get(cadreAssignmentsByHousehold).load(household.id);
    if (!activeOn) return assignments;
    return assignments.filter((a) => a.assignedFrom <= activeOn && (a.assignedTo === null || activeOn < a.assignedTo));
  }

  @FieldResolver(() => [ProcedureStep], { description: 'Identification and exit procedure steps in order.' })
  async procedureSteps(
    @Root() household: Household,
    @Arg('procedure', () => ProcedureKind, { nullable: true }) procedure: ProcedureKind | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProcedureStep[]> {
    const steps = await ctx.loaders.get(procedureStepsByHousehold).load(household.id);
    return procedure ? steps.filter((s) => s.procedure === procedure) : steps;
  }
}
