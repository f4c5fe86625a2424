import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { HouseholdIdScalar, PersonIdScalar, runIdempotent, SubgraphContext } from '@saf/kit';
import { Household, HouseholdVisit, Person, ProcedureStep } from './entities';
import {
  ChangeStatusInput,
  HouseholdPayload,
  IncomeInput,
  MemberInput,
  PersonPayload,
  ProcedureStepInput,
  ProcedureStepPayload,
  RegisterHouseholdInput,
  UpdateHouseholdInput,
  UpdateMemberInput,
  VisitInput,
  VisitPayload,
} from './inputs';
import * as writes from './registerWrites';

const KEY_DESCRIPTION = 'A client-chosen key (8–200 characters). Repeating a request with the same key returns the first result without writing again.';

/**
 * Register mutations: validated, one transaction each, idempotent on the client's key. The payload
 * is read back after the commit, so a replay shows the record as it is now.
 */
@Resolver()
export class RegisterMutationResolver {
  @Mutation(() => HouseholdPayload, { description: 'Registers a household (建档立卡) with its members; allocates the household and person IDs.' })
  async registerHousehold(
    @Arg('input', () => RegisterHouseholdInput) input: RegisterHouseholdInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HouseholdPayload> {
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'registerHousehold', input }, (tx) => writes.registerHousehold(tx, input));
    return { household: await reload(ctx, Household, result), replayed };
  }

  @Mutation(() => HouseholdPayload, { description: 'Changes register fields of a household.' })
  async updateHousehold(
    @Arg('id', () => HouseholdIdScalar) id: string,
    @Arg('input', () => UpdateHouseholdInput) input: UpdateHouseholdInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HouseholdPayload> {
    const { replayed } = await runIdempotent(ctx, { key, operation: 'updateHousehold', input: { id, input } }, (tx) => writes.updateHousehold(tx, id, input));
    return { household: await reload(ctx, Household, id), replayed };
  }

  @Mutation(() => HouseholdPayload, { description: 'Starts a new status period (exit, return to poverty…), closing the current one.' })
  async changeHouseholdStatus(
    @Arg('id', () => HouseholdIdScalar) id: string,
    @Arg('input', () => ChangeStatusInput) input: ChangeStatusInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HouseholdPayload> {
    const { replayed } = await runIdempotent(ctx, { key, operation: 'changeHouseholdStatus', input: { id, input } }, (tx) => writes.changeHouseholdStatus(tx, id, input));
    return { household: await reload(ctx, Household, id), replayed };
  }

  @Mutation(() => PersonPayload, { description: 'Adds a member (birth, marriage…) to a household.' })
  async addHouseholdMember(
    @Arg('householdId', () => HouseholdIdScalar) householdId: string,
    @Arg('member', () => MemberInput) member: MemberInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonPayload> {
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'addHouseholdMember', input: { householdId, member } }, (tx) =>
      writes.addHouseholdMember(tx, householdId, member),
    );
    return { person: await reload(ctx, Person, result), replayed };
  }

  @Mutation(() => PersonPayload, { description: 'Changes a member; memberStatus LEFT or DECEASED removes them from the current members.' })
  async updateHouseholdMember(
    @Arg('personId', () => PersonIdScalar) personId: string,
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonPayload> {
    const { replayed } = await runIdempotent(ctx, { key, operation: 'updateHouseholdMember', input: { personId, input } }, (tx) =>
      writes.updateHouseholdMember(tx, personId, input),
    );
    return { person: await reload(ctx, Person, personId), replayed };
  }

  @Mutation(() => HouseholdPayload, { description: 'Records (or corrects) the net income per person for a year.' })
  async recordHouseholdIncome(
    @Arg('householdId', () => HouseholdIdScalar) householdId: string,
    @Arg('input', () => IncomeInput) input: IncomeInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HouseholdPayload> {
    const { replayed } = await runIdempotent(ctx, { key, operation: 'recordHouseholdIncome', input: { householdId, input } }, (tx) =>
      writes.recordIncome(tx, householdId, input),
    );
    return { household: await reload(ctx, Household, householdId), replayed };
  }

  @Mutation(() => VisitPayload, { description: 'Records a household visit (food, clothing, drinking water).' })
  async recordHouseholdVisit(
    @Arg('householdId', () => HouseholdIdScalar) householdId: string,
    @Arg('input', () => VisitInput) input: VisitInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VisitPayload> {
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordHouseholdVisit', input: { householdId, input } }, (tx) =>
      writes.recordVisit(tx, householdId, input),
    );
    return { visit: await reload(ctx, HouseholdVisit, result), replayed };
  }

  @Mutation(() => ProcedureStepPayload, { description: 'Records the next step of the identification or exit procedure, in order.' })
  async recordProcedureStep(
    @Arg('householdId', () => HouseholdIdScalar) householdId: string,
    @Arg('input', () => ProcedureStepInput) input: ProcedureStepInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProcedureStepPayload> {
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordProcedureStep', input: { householdId, input } }, (tx) =>
      writes.recordProcedureStep(tx, householdId, input),
    );
    return { step: await reload(ctx, ProcedureStep, result), replayed };
  }
}

async function reload<T extends object>(ctx: SubgraphContext, entity: new () => T, id: string | number): Promise<T> {
  return ctx.db.getRepository(entity).findOneByOrFail({ id } as never);
}
