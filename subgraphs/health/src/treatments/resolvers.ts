import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs, paginate, runIdempotent, SubgraphContext, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { assertMayFilterByDiagnosis } from '../common/validation';
import { KEY_DESCRIPTION } from '../common/writes';
import { SeriousIllnessTreatment } from './entities';
import { RegisterTreatmentInput, TreatmentFilter, TreatmentPayload, UpdateTreatmentInput } from './inputs';
import { treatmentById } from './loaders';
import { registerTreatment, updateTreatment, validateTreatment } from './writes';

export const TreatmentConnection = ConnectionType(SeriousIllnessTreatment, 'SeriousIllnessTreatment');

@ArgsType()
class TreatmentsArgs extends PageArgs {
  @Field(() => TreatmentFilter, { nullable: true })
  filter?: TreatmentFilter | null;
}

function treatmentQuery(ctx: SubgraphContext, filter: TreatmentFilter) {
  const qb = whereRegionPrefix(ctx.db.getRepository(SeriousIllnessTreatment).createQueryBuilder('t'), 't', filter.regionPrefix);
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere('t.diagnosed_on <= :yearEnd AND (t.treatment_ended_on IS NULL OR t.treatment_ended_on >= :yearStart)', {
      yearStart: `${filter.year}-01-01`,
      yearEnd: `${filter.year}-12-31`,
    });
  }
  assertMayFilterByDiagnosis(ctx.identity, filter.disease, 'filter.disease');
  if (filter.disease != null) qb.andWhere('t.disease = :disease', { disease: filter.disease });
  if (filter.status != null) qb.andWhere('t.status = :status', { status: filter.status });
  if (filter.hospitalLevel != null) qb.andWhere('t.hospital_level = :hospitalLevel', { hospitalLevel: filter.hospitalLevel });
  return qb;
}

function reload(ctx: SubgraphContext, id: number): Promise<SeriousIllnessTreatment> {
  return ctx.db.getRepository(SeriousIllnessTreatment).findOneByOrFail({ id });
}

@Resolver(() => SeriousIllnessTreatment)
export class TreatmentResolver {
  @Query(() => SeriousIllnessTreatment, { nullable: true, description: 'One special-treatment case.' })
  seriousIllnessTreatment(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<SeriousIllnessTreatment | null> {
    return ctx.loaders.get(treatmentById).load(id);
  }

  @Query(() => TreatmentConnection, { description: 'Serious-illness special-treatment cases in household order, filtered by region prefix, year (open in it), disease and status; paginated.' })
  async seriousIllnessTreatments(@Args(() => TreatmentsArgs) args: TreatmentsArgs, @Ctx() ctx: SubgraphContext) {
    return paginate(treatmentQuery(ctx, args.filter ?? {}), {
      alias: 't',
      key: ['household_id', 'id'],
      keyOf: (t) => [t.householdId, t.id],
      first: args.first,
      after: args.after,
      keyTypes: ['text', 'integer'],
    });
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household in the register.' })
  household(@Root() treatment: SeriousIllnessTreatment): HouseholdKey {
    return { id: treatment.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The person in the register.' })
  person(@Root() treatment: SeriousIllnessTreatment): PersonKey {
    return { id: treatment.personId };
  }

  @Mutation(() => TreatmentPayload, { description: 'Registers a serious-illness special-treatment case (大病专项救治).' })
  async registerSeriousIllnessTreatment(
    @Arg('input', () => RegisterTreatmentInput) input: RegisterTreatmentInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TreatmentPayload> {
    validateTreatment(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'registerSeriousIllnessTreatment', input }, (tx) => registerTreatment(tx, ctx.department, input));
    return { treatment: await reload(ctx, result), replayed };
  }

  @Mutation(() => TreatmentPayload, { description: 'Moves a case on (treatment started, treated, discontinued).' })
  async updateSeriousIllnessTreatment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateTreatmentInput) input: UpdateTreatmentInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TreatmentPayload> {
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'updateSeriousIllnessTreatment', input: { id, input } }, (tx) => updateTreatment(tx, ctx.department, id, input));
    return { treatment: await reload(ctx, result), replayed };
  }
}
