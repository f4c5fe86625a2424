import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { ConnectionType, MoneyScalar, PageArgs, paginate, runIdempotent, SubgraphContext } from '@saf/kit';
import { FinanceDutyArea, FundedDepartment, Payee, PeriodKind, Programme } from '../codes';
import { HouseholdKey, PersonKey, RegisterKey } from '../registerKeys';
import { invalid, validatePastDate, validateText } from '../common/validation';
import { PROGRAMME_RULES } from '../programmes';
import { Disbursement, DisbursementTotal } from './entities';
import { DisbursementBatchPayload, DisbursementInput, DisbursementPayload, ReturnDisbursementInput } from './inputs';
import { disbursementById } from './loaders';
import { DisbursementFilter, DisbursementGrouping, disbursementSearch, DisbursementSummary, disbursementTotals, summarizeDisbursements } from './search';
import { assertInRegister, insertDisbursements, returnDisbursement, validateDisbursement } from './writes';

registerEnumType(DisbursementGrouping, { name: 'DisbursementGrouping', description: 'What disbursement totals are grouped by.' });

export const DisbursementConnection = ConnectionType(Disbursement, 'Disbursement', { summary: DisbursementSummary });

@ArgsType()
class DisbursementsArgs extends PageArgs {
  @Field(() => DisbursementFilter, { nullable: true })
  filter?: DisbursementFilter;
}

@ObjectType({ description: 'One row of the programme table: which programme pays for which duty area on behalf of which department.' })
class FinanceProgrammeRule {
  @Field(() => Programme)
  programme: Programme;

  @Field(() => FinanceDutyArea)
  dutyArea: FinanceDutyArea;

  @Field(() => FundedDepartment)
  department: FundedDepartment;

  @Field(() => Boolean, { description: 'The row used when a payment names only the programme.' })
  isDefault: boolean;

  @Field(() => String, { description: 'Name on 一卡通 statements.' })
  nameZh: string;

  @Field(() => [PeriodKind])
  periodKinds: PeriodKind[];

  @Field(() => Boolean)
  personRequired: boolean;

  @Field(() => [Payee], { description: 'Who may receive it; the first is the default.' })
  payees: Payee[];

  @Field(() => Int, { description: 'How many days before its period a payment may be made.' })
  advanceDays: number;

  @Field(() => MoneyScalar, { description: 'Largest single payment accepted.' })
  maxAmount: number;

  @Field(() => String, { nullable: true, description: 'What sourceRecordId refers to.' })
  source: string | null;
}

const KEY_DESCRIPTION = 'A client-chosen key (8–200 characters). Repeating a request with the same key returns the first result without writing again.';
const MAX_BATCH = 1000;

@Resolver(() => Disbursement)
export class DisbursementResolver {
  @Query(() => Disbursement, { nullable: true, description: 'One 一卡通 payment.' })
  disbursement(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Disbursement | null> {
    return ctx.loaders.get(disbursementById).load(String(id));
  }

  @Query(() => DisbursementConnection, { description: '一卡通 payments in household order, filtered and paginated, with count and exact total amount.' })
  async disbursements(@Args(() => DisbursementsArgs) args: DisbursementsArgs, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const page = await paginate(disbursementSearch(ctx.db, filter), {
      alias: 'd',
      key: ['household_id', 'id'],
      keyOf: (d) => [d.householdId, d.id],
      keyTypes: ['text', 'integer'],
      first: args.first,
      after: args.after,
      summarize: () => summarizeDisbursements(ctx.db, filter),
    });
    for (const row of page.nodes) ctx.loaders.get(disbursementById).prime(String(row.id), row);
    return page;
  }

  @Query(() => [DisbursementTotal], { description: 'Counts and exact sums of payments matching the filter, grouped as asked (no grouping: one grand total).' })
  disbursementTotals(
    @Arg('filter', () => DisbursementFilter, { nullable: true }) filter: DisbursementFilter | null,
    @Arg('groupBy', () => [DisbursementGrouping], { defaultValue: [] }) groupBy: DisbursementGrouping[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisbursementTotal[]> {
    return disbursementTotals(ctx.db, filter ?? {}, groupBy);
  }

  @Query(() => [FinanceProgrammeRule], { description: 'The programme table every payment is checked against (programme ↔ duty area ↔ department).' })
  financeProgrammeRules(): FinanceProgrammeRule[] {
    const seen = new Set<Programme>();
    return PROGRAMME_RULES.map((r) => {
      const isDefault = !seen.has(r.programme);
      seen.add(r.programme);
      return { ...r, periodKinds: [...r.periodKinds], payees: [...r.payees], isDefault, maxAmount: r.maxAmountFen };
    });
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household paid (resolved by the register).' })
  household(@Root() d: Disbursement): RegisterKey {
    return { id: d.householdId };
  }

  @FieldResolver(() => PersonKey, { nullable: true, description: 'The member paid for, if any.' })
  person(@Root() d: Disbursement): RegisterKey | null {
    return d.personId ? { id: d.personId } : null;
  }

  @Mutation(() => DisbursementPayload, { description: 'Records one 一卡通 payment (validated against the programme table and the register).' })
  async recordDisbursement(
    @Arg('input', () => DisbursementInput) input: DisbursementInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisbursementPayload> {
    const checked = validateDisbursement(input, 'input');
    await assertInRegister(ctx, [checked], () => 'input');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordDisbursement', input }, async (tx) => (await insertDisbursements(tx, ctx.department, [checked], () => 'input'))[0]);
    return { disbursement: await reload(ctx, result), replayed };
  }

  @Mutation(() => DisbursementBatchPayload, { description: 'Records a payment batch (发放批次) of up to 1,000 payments, all or nothing.' })
  async recordDisbursements(
    @Arg('inputs', () => [DisbursementInput]) inputs: DisbursementInput[],
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisbursementBatchPayload> {
    if (inputs.length === 0 || inputs.length > MAX_BATCH) invalid('inputs', `a batch has 1 to ${MAX_BATCH} payments`);
    const field = (i: number) => `inputs[${i}]`;
    const checked = inputs.map((input, i) => validateDisbursement(input, field(i)));
    await assertInRegister(ctx, checked, field);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordDisbursements', input: inputs }, (tx) => insertDisbursements(tx, ctx.department, checked, field));
    const rows = await ctx.db.getRepository(Disbursement).findBy({ id: In(result) as never });
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return { disbursements: result.map((id) => byId.get(Number(id)) as Disbursement), replayed };
  }

  @Mutation(() => DisbursementPayload, { description: 'Marks a PAID payment as returned by the bank (退回); a re-issue is a new payment in a later batch.' })
  async returnDisbursement(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReturnDisbursementInput) input: ReturnDisbursementInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisbursementPayload> {
    validateText(input.reason, 'input.reason', 200, true);
    validatePastDate(input.returnedOn, 'input.returnedOn');
    const { replayed } = await runIdempotent(ctx, { key, operation: 'returnDisbursement', input: { id, input } }, (tx) => returnDisbursement(tx, ctx.department, String(id), input));
    return { disbursement: await reload(ctx, Number(id)), replayed };
  }
}

async function reload(ctx: SubgraphContext, id: number): Promise<Disbursement> {
  return ctx.db.getRepository(Disbursement).findOneByOrFail({ id: Number(id) });
}
