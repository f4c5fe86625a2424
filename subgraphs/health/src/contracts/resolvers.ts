import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs, paginate, runIdempotent, SubgraphContext, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { assertMayFilterByDiagnosis } from '../common/validation';
import { KEY_DESCRIPTION } from '../common/writes';
import { FamilyDoctorContract } from './entities';
import { ContractFilter, ContractPayload, EndContractInput, FollowUpInput, SignContractInput } from './inputs';
import { contractById } from './loaders';
import { endContract, recordFollowUp, signContract, validateContract, validateEnd, validateFollowUp } from './writes';

export const ContractConnection = ConnectionType(FamilyDoctorContract, 'FamilyDoctorContract');

@ArgsType()
class ContractsArgs extends PageArgs {
  @Field(() => ContractFilter, { nullable: true })
  filter?: ContractFilter | null;
}

function contractQuery(ctx: SubgraphContext, filter: ContractFilter) {
  const qb = whereRegionPrefix(ctx.db.getRepository(FamilyDoctorContract).createQueryBuilder('c'), 'c', filter.regionPrefix);
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere('c.start_date <= :yearEnd AND c.end_date >= :yearStart', { yearStart: `${filter.year}-01-01`, yearEnd: `${filter.year}-12-31` });
  }
  assertMayFilterByDiagnosis(ctx.identity, filter.disease, 'filter.disease');
  if (filter.disease != null) qb.andWhere('c.disease = :disease', { disease: filter.disease });
  if (filter.chronicDisease != null) qb.andWhere(filter.chronicDisease ? 'c.disease IS NOT NULL' : 'c.disease IS NULL');
  if (filter.facilityLevel != null) qb.andWhere('c.facility_level = :facilityLevel', { facilityLevel: filter.facilityLevel });
  if (filter.followUpsBehind != null) qb.andWhere(filter.followUpsBehind ? 'c.follow_ups_done < c.follow_ups_required' : 'c.follow_ups_done >= c.follow_ups_required');
  return qb;
}

function reload(ctx: SubgraphContext, id: number): Promise<FamilyDoctorContract> {
  return ctx.db.getRepository(FamilyDoctorContract).findOneByOrFail({ id });
}

@Resolver(() => FamilyDoctorContract)
export class ContractResolver {
  @Query(() => FamilyDoctorContract, { nullable: true, description: 'One family-doctor contract.' })
  familyDoctorContract(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<FamilyDoctorContract | null> {
    return ctx.loaders.get(contractById).load(id);
  }

  @Query(() => ContractConnection, { description: 'Family-doctor contracts in household order, filtered by region prefix, year (running in it), disease and follow-up state; paginated.' })
  async familyDoctorContracts(@Args(() => ContractsArgs) args: ContractsArgs, @Ctx() ctx: SubgraphContext) {
    return paginate(contractQuery(ctx, args.filter ?? {}), {
      alias: 'c',
      key: ['household_id', 'id'],
      keyOf: (c) => [c.householdId, c.id],
      first: args.first,
      after: args.after,
      keyTypes: ['text', 'integer'],
    });
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household in the register.' })
  household(@Root() contract: FamilyDoctorContract): HouseholdKey {
    return { id: contract.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The person in the register.' })
  person(@Root() contract: FamilyDoctorContract): PersonKey {
    return { id: contract.personId };
  }

  @Mutation(() => ContractPayload, { description: 'Records a family-doctor contract (家庭医生签约), with the chronic disease it manages.' })
  async signFamilyDoctorContract(
    @Arg('input', () => SignContractInput) input: SignContractInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ContractPayload> {
    validateContract(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'signFamilyDoctorContract', input }, (tx) => signContract(tx, ctx.department, input));
    return { contract: await reload(ctx, result), replayed };
  }

  @Mutation(() => ContractPayload, { description: 'Records a follow-up (随访) under a contract.' })
  async recordFamilyDoctorFollowUp(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => FollowUpInput) input: FollowUpInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ContractPayload> {
    validateFollowUp(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordFamilyDoctorFollowUp', input: { id, input } }, (tx) => recordFollowUp(tx, ctx.department, id, input));
    return { contract: await reload(ctx, result), replayed };
  }

  @Mutation(() => ContractPayload, { description: 'Ends a contract early (解约).' })
  async endFamilyDoctorContract(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EndContractInput) input: EndContractInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ContractPayload> {
    validateEnd(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'endFamilyDoctorContract', input: { id, input } }, (tx) => endContract(tx, ctx.department, id, input));
    return { contract: await reload(ctx, result), replayed };
  }
}
