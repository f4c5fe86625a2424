import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs, paginate, runIdempotent, SubgraphContext, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { exactRatio } from '../common/validation';
import { KEY_DESCRIPTION } from '../common/writes';
import { HospitalSettlement } from './entities';
import { RecordSettlementInput, SettlementFilter, SettlementPayload, SettlementPaymentInput, SettlementTotals } from './inputs';
import { settlementById } from './loaders';
import { recordPayment, recordSettlement, validatePayment, validateSettlement } from './writes';

export const SettlementConnection = ConnectionType(HospitalSettlement, 'HospitalSettlement');

@ArgsType()
class SettlementsArgs extends PageArgs {
  @Field(() => SettlementFilter, { nullable: true })
  filter?: SettlementFilter | null;
}

function settlementQuery(ctx: SubgraphContext, filter: SettlementFilter) {
  const qb = whereRegionPrefix(ctx.db.getRepository(HospitalSettlement).createQueryBuilder('s'), 's', filter.regionPrefix);
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere('s.year = :year', { year: filter.year });
  }
  if (filter.hospitalLevel != null) qb.andWhere('s.hospital_level = :hospitalLevel', { hospitalLevel: filter.hospitalLevel });
  if (filter.deferredPayment != null) qb.andWhere('s.deferred_payment = :deferredPayment', { deferredPayment: filter.deferredPayment });
  if (filter.deferredUnpaid != null) qb.andWhere(filter.deferredUnpaid ? '(s.deferred_payment AND s.deferred_paid_on IS NULL)' : 'NOT (s.deferred_payment AND s.deferred_paid_on IS NULL)');
  if (filter.oneStopSettled != null) qb.andWhere('s.one_stop_settled = :oneStopSettled', { oneStopSettled: filter.oneStopSettled });
  return qb;
}

function reload(ctx: SubgraphContext, id: number): Promise<HospitalSettlement> {
  return ctx.db.getRepository(HospitalSettlement).findOneByOrFail({ id });
}

@Resolver(() => HospitalSettlement)
export class SettlementResolver {
  @Query(() => HospitalSettlement, { nullable: true, description: 'One hospital settlement.' })
  hospitalSettlement(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<HospitalSettlement | null> {
    return ctx.loaders.get(settlementById).load(id);
  }

  @Query(() => SettlementConnection, {
    description: 'Hospital settlements in household order, filtered by region prefix, settlement year, hospital level and payment flags; paginated. Sums: hospitalSettlementTotals.',
  })
  async hospitalSettlements(@Args(() => SettlementsArgs) args: SettlementsArgs, @Ctx() ctx: SubgraphContext) {
    return paginate(settlementQuery(ctx, args.filter ?? {}), {
      alias: 's',
      key: ['household_id', 'id'],
      keyOf: (s) => [s.householdId, s.id],
      first: args.first,
      after: args.after,
      keyTypes: ['text', 'integer'],
    });
  }

  @Query(() => SettlementTotals, { description: 'Sums of every paid part and the out-of-pocket ratios over the settlements matching the filter (one SQL statement).' })
  async hospitalSettlementTotals(@Arg('filter', () => SettlementFilter, { nullable: true }) filter: SettlementFilter | null, @Ctx() ctx: SubgraphContext): Promise<SettlementTotals> {
    const sum = (column: string) => `coalesce(sum(s.${column}), 0)`;
    const r = await settlementQuery(ctx, filter ?? {})
      .select('count(*)', 'settlements')
      .addSelect('count(DISTINCT s.person_id)', 'persons')
      .addSelect('count(DISTINCT s.household_id)', 'households')
      .addSelect(sum('total_cost_fen'), 'total')
      .addSelect(sum('basic_insurance_fen'), 'basic')
      .addSelect(sum('critical_illness_fen'), 'critical')
      .addSelect(sum('medical_assistance_fen'), 'assistance')
      .addSelect(sum('safety_net_fen'), 'safety_net')
      .addSelect(sum('commercial_top_up_fen'), 'commercial')
      .addSelect(sum('out_of_pocket_fen'), 'oop')
      .addSelect("to_char(round(avg(s.out_of_pocket_fen::numeric / s.total_cost_fen), 4), 'FM0.0000')", 'average_ratio')
      .addSelect('count(*) FILTER (WHERE s.deferred_payment)', 'deferred')
      .addSelect('count(*) FILTER (WHERE s.deferred_payment AND s.deferred_paid_on IS NULL)', 'unpaid')
      .addSelect('count(*) FILTER (WHERE s.one_stop_settled)', 'one_stop')
      .getRawOne();
    return {
      settlements: Number(r.settlements),
      persons: Number(r.persons),
      households: Number(r.households),
      totalCost: r.total,
      basicInsurance: r.basic,
      criticalIllness: r.critical,
      medicalAssistance: r.assistance,
      safetyNet: r.safety_net,
      commercialTopUp: r.commercial,
      outOfPocket: r.oop,
      averageOutOfPocketRatio: r.average_ratio ?? null,
      overallOutOfPocketRatio: exactRatio(Number(r.oop), Number(r.total)),
      deferredPayments: Number(r.deferred),
      deferredUnpaid: Number(r.unpaid),
      oneStopSettled: Number(r.one_stop),
      suppressed: false,
    };
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household in the register.' })
  household(@Root() settlement: HospitalSettlement): HouseholdKey {
    return { id: settlement.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The patient in the register.' })
  person(@Root() settlement: HospitalSettlement): PersonKey {
    return { id: settlement.personId };
  }

  @Mutation(() => SettlementPayload, { description: 'Records a hospital settlement (住院结算); checks that the parts add up.' })
  async recordHospitalSettlement(
    @Arg('input', () => RecordSettlementInput) input: RecordSettlementInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SettlementPayload> {
    const outOfPocket = validateSettlement(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordHospitalSettlement', input }, (tx) => recordSettlement(tx, ctx.department, input, outOfPocket));
    return { settlement: await reload(ctx, result), replayed };
  }

  @Mutation(() => SettlementPayload, { description: 'Records that the patient paid the deferred own share (先诊疗后付费) of a settlement.' })
  async recordHospitalSettlementPayment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SettlementPaymentInput) input: SettlementPaymentInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SettlementPayload> {
    validatePayment(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordHospitalSettlementPayment', input: { id, input } }, (tx) => recordPayment(tx, ctx.department, id, input));
    return { settlement: await reload(ctx, result), replayed };
  }
}
