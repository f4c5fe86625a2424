import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { runIdempotent, SubgraphContext } from '@saf/kit';
import { DropoutCase, HomeTeaching, Student, StudentAid } from './entities';
import {
  CreateStudentEnrolmentInput,
  DropoutCasePayload,
  DropoutFollowUpInput,
  EndHomeTeachingInput,
  GrantStudentAidInput,
  HomeTeachingPayload,
  ReportDropoutInput,
  ResolveDropoutInput,
  RevokeStudentAidInput,
  StartHomeTeachingInput,
  StudentAidPayload,
  StudentPayload,
  UpdateStudentEnrolmentInput,
} from './inputs';
import {
  validateAid,
  validateDropout,
  validateEnrolment,
  validateEnrolmentUpdate,
  validateFollowUp,
  validateHomeTeaching,
  validateHomeTeachingEnd,
  validateRevocation,
} from './validation';
import * as writes from './writes';

const KEY = 'A client-chosen key (8-200 characters). Repeating a request with the same key returns the first result without writing again.';

/**
 * Mutations for the education department's systems: validated, checked against the register (the
 * person must be a member of the household), one transaction each, idempotent on the client's key,
 * each recording change events. The payload is read back after the commit.
 */
@Resolver()
export class EducationMutationResolver {
  @Mutation(() => StudentPayload, { description: 'Records an enrolment (学籍) of a registered person for a school year.' })
  async createStudentEnrolment(
    @Arg('input', () => CreateStudentEnrolmentInput) input: CreateStudentEnrolmentInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StudentPayload> {
    validateEnrolment(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'createStudentEnrolment', input }, (tx) => writes.createEnrolment(tx, input));
    return { student: await reload(ctx, Student, result), replayed };
  }

  @Mutation(() => StudentPayload, { description: 'Changes an enrolment: status (休学, 转出, 辍学, 毕业) with its date, class, study mode.' })
  async updateStudentEnrolment(
    @Arg('id', () => String) id: string,
    @Arg('input', () => UpdateStudentEnrolmentInput) input: UpdateStudentEnrolmentInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StudentPayload> {
    validateEnrolmentUpdate(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'updateStudentEnrolment', input: { id, input } }, (tx) => writes.updateEnrolment(tx, id, input));
    return { student: await reload(ctx, Student, result), replayed };
  }

  @Mutation(() => StudentAidPayload, { description: 'Grants an aid item to an enrolled student for a semester (the item must apply to the enrolment\'s stage).' })
  async grantStudentAid(
    @Arg('input', () => GrantStudentAidInput) input: GrantStudentAidInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StudentAidPayload> {
    validateAid(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'grantStudentAid', input }, (tx) => writes.grantAid(tx, input));
    return { aid: await reload(ctx, StudentAid, result), replayed };
  }

  @Mutation(() => StudentAidPayload, { description: 'Revokes an aid grant (撤销/追回), e.g. after a dropout.' })
  async revokeStudentAid(
    @Arg('id', () => String) id: string,
    @Arg('input', () => RevokeStudentAidInput) input: RevokeStudentAidInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<StudentAidPayload> {
    validateRevocation(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'revokeStudentAid', input: { id, input } }, (tx) => writes.revokeAid(tx, id, input));
    return { aid: await reload(ctx, StudentAid, result), replayed };
  }

  @Mutation(() => DropoutCasePayload, { description: 'Reports a school-age child out of school (控辍保学); marks that school year\'s enrolment DROPPED_OUT.' })
  async reportDropout(
    @Arg('input', () => ReportDropoutInput) input: ReportDropoutInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DropoutCasePayload> {
    validateDropout(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'reportDropout', input }, (tx) => writes.reportDropout(tx, input));
    return { dropoutCase: await reload(ctx, DropoutCase, result), replayed };
  }

  @Mutation(() => DropoutCasePayload, { description: 'Records a persuasion or follow-up contact (劝返) on a dropout case.' })
  async recordDropoutFollowUp(
    @Arg('caseId', () => String) caseId: string,
    @Arg('input', () => DropoutFollowUpInput) input: DropoutFollowUpInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DropoutCasePayload> {
    validateFollowUp(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordDropoutFollowUp', input: { caseId, input } }, (tx) => writes.recordFollowUp(tx, caseId, input));
    return { dropoutCase: await reload(ctx, DropoutCase, result), replayed };
  }

  @Mutation(() => DropoutCasePayload, { description: 'Closes a dropout case: the child returned to school (劝返复学) or is taught at home (送教上门).' })
  async resolveDropout(
    @Arg('caseId', () => String) caseId: string,
    @Arg('input', () => ResolveDropoutInput) input: ResolveDropoutInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DropoutCasePayload> {
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'resolveDropout', input: { caseId, input } }, (tx) => writes.resolveDropout(tx, caseId, input));
    return { dropoutCase: await reload(ctx, DropoutCase, result), replayed };
  }

  @Mutation(() => HomeTeachingPayload, { description: 'Starts home teaching (送教上门) for a school year; resolves the linked dropout case.' })
  async startHomeTeaching(
    @Arg('input', () => StartHomeTeachingInput) input: StartHomeTeachingInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HomeTeachingPayload> {
    validateHomeTeaching(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'startHomeTeaching', input }, (tx) => writes.startHomeTeaching(tx, input));
    return { homeTeaching: await reload(ctx, HomeTeaching, result), replayed };
  }

  @Mutation(() => HomeTeachingPayload, { description: 'Ends home teaching (returned to school, recovered, moved…).' })
  async endHomeTeaching(
    @Arg('id', () => String) id: string,
    @Arg('input', () => EndHomeTeachingInput) input: EndHomeTeachingInput,
    @Arg('idempotencyKey', () => String, { description: KEY }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<HomeTeachingPayload> {
    validateHomeTeachingEnd(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'endHomeTeaching', input: { id, input } }, (tx) => writes.endHomeTeaching(tx, id, input));
    return { homeTeaching: await reload(ctx, HomeTeaching, result), replayed };
  }
}

async function reload<T extends object>(ctx: SubgraphContext, entity: new () => T, id: string): Promise<T> {
  return ctx.db.getRepository(entity).findOneByOrFail({ id } as never);
}
