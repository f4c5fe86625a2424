import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { notFound, runIdempotent, SubgraphContext } from '@saf/kit';
import { DestituteSupport, DibaoEnrolment, DisabilityAllowance, MedicalAssistanceGrant, TemporaryAssistanceEvent } from './entities';
import {
  ChangeDestituteSupportInput,
  CreateDestituteSupportInput,
  CreateDibaoEnrolmentInput,
  DestituteSupportPayload,
  DibaoEnrolmentPayload,
  DibaoRecheckInput,
  DisabilityAllowancePayload,
  EndCivilAffairsRecordInput,
  GrantDisabilityAllowanceInput,
  GrantMedicalAssistanceInput,
  GrantTemporaryAssistanceInput,
  MedicalAssistancePayload,
  TemporaryAssistancePayload,
} from './inputs';
import * as writes from './writes';

const KEY = 'A client-chosen key (8–200 characters). Repeating a request with the same key returns the first result without writing again.';

/**
 * Civil-affairs mutations: validated, checked against the register (NOT_IN_REGISTER for an unknown
 * household or person, CONFLICT for a person of another household), one transaction each,
 * idempotent on the client's key. Payloads are read back after the commit.
 *
 * Creating or changing a record checks the register. Ending one does not: civil affairs must be able
 * to close its legacy roster entries for households the register does not know (两线合一 clean-up).
 */
@Resolver()
export class CivilAffairsMutationResolver {
  @Mutation(() => DibaoEnrolmentPayload, { description: 'Approves a dibao enrolment (低保审批) for a registered household and its covered members.' })
  async createDibaoEnrolment(
    @Arg('input', () => CreateDibaoEnrolmentInput) input: CreateDibaoEnrolmentInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DibaoEnrolmentPayload> {
    writes.validateCreateDibao(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    await ctx.register.assertPersonsExist(input.personIds.map((personId) => ({ personId, householdId: input.householdId })), 'input.personIds');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'createDibaoEnrolment', input }, (tx) => writes.createDibaoEnrolment(tx, input));
    return { dibaoEnrolment: await reload(ctx, DibaoEnrolment, result), replayed };
  }

  @Mutation(() => DibaoEnrolmentPayload, { description: 'Records a re-check (复核): CONTINUE, ADJUST (new amount, persons joining or leaving) or STOP (ends the enrolment).' })
  async recordDibaoRecheck(
    @Arg('enrolmentId', () => ID) enrolmentId: string,
    @Arg('input', () => DibaoRecheckInput) input: DibaoRecheckInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DibaoEnrolmentPayload> {
    writes.validateRecheck(input);
    const enrolment = await find(ctx, DibaoEnrolment, 'DibaoEnrolment', enrolmentId);
    await ctx.register.assertHouseholdsExist([enrolment.householdId], 'enrolmentId');
    if (input.addPersonIds.length) {
      await ctx.register.assertPersonsExist(input.addPersonIds.map((personId) => ({ personId, householdId: enrolment.householdId })), 'input.addPersonIds');
    }
    const { replayed } = await runIdempotent(ctx, { key, operation: 'recordDibaoRecheck', input: { enrolmentId, input } }, (tx) =>
      writes.recordDibaoRecheck(tx, enrolmentId, input),
    );
    return { dibaoEnrolment: await reload(ctx, DibaoEnrolment, enrolmentId), replayed };
  }

  @Mutation(() => DibaoEnrolmentPayload, { description: 'Ends a dibao enrolment (停保) on a date, with a reason.' })
  async endDibaoEnrolment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EndCivilAffairsRecordInput) input: EndCivilAffairsRecordInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DibaoEnrolmentPayload> {
    writes.validateEnd(input);
    const { replayed } = await runIdempotent(ctx, { key, operation: 'endDibaoEnrolment', input: { id, input } }, (tx) => writes.endDibaoEnrolment(tx, id, input));
    return { dibaoEnrolment: await reload(ctx, DibaoEnrolment, id), replayed };
  }

  @Mutation(() => DestituteSupportPayload, { description: 'Approves destitute support (特困人员供养) for a registered person.' })
  async createDestituteSupport(
    @Arg('input', () => CreateDestituteSupportInput) input: CreateDestituteSupportInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DestituteSupportPayload> {
    writes.validateCreateDestitute(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'createDestituteSupport', input }, (tx) => writes.createDestituteSupport(tx, input));
    return { destituteSupport: await reload(ctx, DestituteSupport, result), replayed };
  }

  @Mutation(() => DestituteSupportPayload, { description: 'Changes the mode, self-care ability or standards of a destitute support in force.' })
  async changeDestituteSupport(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ChangeDestituteSupportInput) input: ChangeDestituteSupportInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DestituteSupportPayload> {
    const support = await find(ctx, DestituteSupport, 'DestituteSupport', id);
    await ctx.register.assertPersonsExist([{ personId: support.personId, householdId: support.householdId }], 'id');
    const { replayed } = await runIdempotent(ctx, { key, operation: 'changeDestituteSupport', input: { id, input } }, (tx) => writes.changeDestituteSupport(tx, id, input));
    return { destituteSupport: await reload(ctx, DestituteSupport, id), replayed };
  }

  @Mutation(() => DestituteSupportPayload, { description: 'Ends a destitute support on a date, with a reason.' })
  async endDestituteSupport(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EndCivilAffairsRecordInput) input: EndCivilAffairsRecordInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DestituteSupportPayload> {
    writes.validateEnd(input);
    const { replayed } = await runIdempotent(ctx, { key, operation: 'endDestituteSupport', input: { id, input } }, (tx) => writes.endDestituteSupport(tx, id, input));
    return { destituteSupport: await reload(ctx, DestituteSupport, id), replayed };
  }

  @Mutation(() => TemporaryAssistancePayload, { description: 'Records a temporary-assistance grant (临时救助) to a registered household.' })
  async grantTemporaryAssistance(
    @Arg('input', () => GrantTemporaryAssistanceInput) input: GrantTemporaryAssistanceInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TemporaryAssistancePayload> {
    writes.validateTemporaryAssistance(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    if (input.personId != null) await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'grantTemporaryAssistance', input }, (tx) => writes.grantTemporaryAssistance(tx, input));
    return { temporaryAssistanceEvent: await reload(ctx, TemporaryAssistanceEvent, result), replayed };
  }

  @Mutation(() => DisabilityAllowancePayload, { description: 'Starts a disability allowance (残疾人两项补贴) for a registered person.' })
  async grantDisabilityAllowance(
    @Arg('input', () => GrantDisabilityAllowanceInput) input: GrantDisabilityAllowanceInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisabilityAllowancePayload> {
    writes.validateDisabilityAllowance(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'grantDisabilityAllowance', input }, (tx) => writes.grantDisabilityAllowance(tx, input));
    return { disabilityAllowance: await reload(ctx, DisabilityAllowance, result), replayed };
  }

  @Mutation(() => DisabilityAllowancePayload, { description: 'Ends a disability allowance on a date, with a reason.' })
  async endDisabilityAllowance(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EndCivilAffairsRecordInput) input: EndCivilAffairsRecordInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisabilityAllowancePayload> {
    writes.validateEnd(input);
    const { replayed } = await runIdempotent(ctx, { key, operation: 'endDisabilityAllowance', input: { id, input } }, (tx) => writes.endDisabilityAllowance(tx, id, input));
    return { disabilityAllowance: await reload(ctx, DisabilityAllowance, id), replayed };
  }

  @Mutation(() => MedicalAssistancePayload, { description: 'Records a medical-assistance grant (医疗救助) to a registered person: civil affairs\' support to HEALTH.' })
  async grantMedicalAssistance(
    @Arg('input', () => GrantMedicalAssistanceInput) input: GrantMedicalAssistanceInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MedicalAssistancePayload> {
    writes.validateMedicalAssistance(input);
    await ctx.register.assertHouseholdsExist([input.householdId], 'input.householdId');
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'grantMedicalAssistance', input }, (tx) => writes.grantMedicalAssistance(tx, input));
    return { medicalAssistanceGrant: await reload(ctx, MedicalAssistanceGrant, result), replayed };
  }
}

async function find<T extends object>(ctx: SubgraphContext, entity: new () => T, name: string, id: string): Promise<T> {
  const row = await ctx.db.getRepository(entity).findOneBy({ id } as never);
  if (!row) throw notFound(name, id);
  return row;
}

async function reload<T extends object>(ctx: SubgraphContext, entity: new () => T, id: string): Promise<T> {
  return ctx.db.getRepository(entity).findOneByOrFail({ id } as never);
}
