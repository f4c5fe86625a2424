import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, HouseholdIdScalar, LocalDateScalar, MoneyScalar, PageArgs, paginate, SubgraphContext, SUPPRESSED_NOTE, suppressedNote, todayLocalDate } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import {
  DestituteSupportMode,
  DisabilityAllowanceType,
  DUTY_AREA,
  DUTY_ROLE,
  MedicalAssistanceType,
  SelfCareAbility,
  TemporaryAssistanceCause,
  TemporaryAssistanceProcedure,
  TemporaryAssistanceReason,
} from '../codes';
import { numbers, whereRegion, wherePeriod, whereYear } from './filters';
import { DestituteSupport, DisabilityAllowance, MedicalAssistanceGrant, TemporaryAssistanceEvent } from './entities';
import { activeOn, destituteSupportById, disabilityAllowanceById, medicalAssistanceById, temporaryAssistanceById } from './loaders';

/**
 * Root queries and fields of the person-level and event records: destitute support, temporary
 * assistance, disability allowances and medical assistance.
 */

const REGION = 'A region code prefix: 2, 4, 6 (county), 9 (township) or 12 (village) digits.';

// ---------------------------------------------------------------------------------------------
// Destitute support

@InputType({ description: 'Filters on destitute support; all given conditions must hold.' })
export class DestituteSupportFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Supports in force at some time in this year.' })
  year?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Supports in force on this date.' })
  activeOn?: string;

  @Field(() => DestituteSupportMode, { nullable: true, description: '供养方式' })
  mode?: DestituteSupportMode;

  @Field(() => SelfCareAbility, { nullable: true, description: '生活自理能力' })
  selfCareAbility?: SelfCareAbility;

  @Field(() => HouseholdIdScalar, { nullable: true, description: 'Only this household.' })
  householdId?: string;
}

@ArgsType()
class DestituteSupportsArgs extends PageArgs {
  @Field(() => DestituteSupportFilter, { nullable: true })
  filter?: DestituteSupportFilter;
}

@ObjectType({ description: 'Totals over the destitute supports matching a filter.' })
export class DestituteSupportSummary {
  @Field(() => Int, { nullable: true, description: 'Number of supports.' })
  supports: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct persons.' })
  persons: number | null;

  @Field(() => Int, { nullable: true, description: '集中供养' })
  institutional: number | null;

  @Field(() => Int, { nullable: true, description: '分散供养' })
  atHome: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Basic living plus care standards, per month.' })
  totalMonthlyAmount: number | null;

  @Field(() => Boolean, { description: suppressedNote('persons') })
  suppressed: boolean = false;
}

export const DestituteSupportConnection = ConnectionType(DestituteSupport, 'DestituteSupport', { summary: DestituteSupportSummary });

@Resolver(() => DestituteSupport)
export class DestituteSupportResolver {
  @Query(() => DestituteSupport, { nullable: true, description: 'One destitute support record.' })
  destituteSupport(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<DestituteSupport | null> {
    return ctx.loaders.get(destituteSupportById).load(id);
  }

  @Query(() => DestituteSupportConnection, { description: 'Destitute support (特困供养) for civil-affairs staff, filtered and paginated, with totals.' })
  async destituteSupports(@Args(() => DestituteSupportsArgs) args: DestituteSupportsArgs, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const qb = ctx.db.getRepository(DestituteSupport).createQueryBuilder('s');
    whereRegion(qb, 's', 'TK-', filter);
    wherePeriod(qb, 's', filter);
    if (filter.mode != null) qb.andWhere('s.mode = :mode', { mode: filter.mode });
    if (filter.selfCareAbility != null) qb.andWhere('s.self_care = :selfCare', { selfCare: filter.selfCareAbility });
    const summarize = async (): Promise<DestituteSupportSummary> => {
      const row = await qb
        .clone()
        .select('count(*)', 'supports')
        .addSelect('count(DISTINCT s.person_id)', 'persons')
        .addSelect(`count(*) FILTER (WHERE s.mode = 'INSTITUTIONAL')`, 'institutional')
        .addSelect(`count(*) FILTER (WHERE s.mode = 'AT_HOME')`, 'atHome')
        .addSelect('COALESCE(sum(s.basic_living_monthly_fen + s.care_monthly_fen), 0)', 'amount')
        .getRawOne();
      const n = numbers(row, ['supports', 'persons', 'institutional', 'atHome', 'amount'] as const);
      return { supports: n.supports, persons: n.persons, institutional: n.institutional, atHome: n.atHome, totalMonthlyAmount: n.amount, suppressed: false };
    };
    const connection = await paginate(qb, { alias: 's', key: ['id'], keyOf: (r) => [r.id], first: args.first, after: args.after, summarize });
    for (const s of connection.nodes) ctx.loaders.get(destituteSupportById).prime(s.id, s);
    return connection;
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household (resolved by the poverty office).' })
  household(@Root() s: DestituteSupport): HouseholdKey {
    return { id: s.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The person (resolved by the poverty office).' })
  person(@Root() s: DestituteSupport): PersonKey {
    return { id: s.personId };
  }

  @FieldResolver(() => MoneyScalar, { description: 'Basic living plus care standard, per month.' })
  monthlyTotal(@Root() s: DestituteSupport): number {
    return Number(s.basicLivingMonthly) + Number(s.careMonthly);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the support is in force on a date (default today).' })
  active(@Root() s: DestituteSupport, @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null): boolean {
    return activeOn(s, on ?? todayLocalDate());
  }

  @FieldResolver(() => String, { description: 'Duty-area code: SOCIAL_SAFETY_NET (兜底保障).' })
  dutyArea(): string {
    return DUTY_AREA.SOCIAL_SAFETY_NET;
  }

  @FieldResolver(() => String, { description: 'Civil affairs\' role in that area: LEAD.' })
  dutyRole(): string {
    return DUTY_ROLE.LEAD;
  }
}

// ---------------------------------------------------------------------------------------------
// Temporary assistance

@InputType({ description: 'Filters on temporary assistance; all given conditions must hold.' })
export class TemporaryAssistanceFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Year of approval.' })
  year?: number;

  @Field(() => TemporaryAssistanceCause, { nullable: true, description: '急难型 or 支出型.' })
  cause?: TemporaryAssistanceCause;

  @Field(() => TemporaryAssistanceReason, { nullable: true, description: 'What the assistance responded to.' })
  reason?: TemporaryAssistanceReason;

  @Field(() => TemporaryAssistanceProcedure, { nullable: true, description: 'The approval procedure.' })
  procedure?: TemporaryAssistanceProcedure;

  @Field(() => HouseholdIdScalar, { nullable: true, description: 'Only this household.' })
  householdId?: string;
}

@ArgsType()
class TemporaryAssistanceArgs extends PageArgs {
  @Field(() => TemporaryAssistanceFilter, { nullable: true })
  filter?: TemporaryAssistanceFilter;
}

@ObjectType({ description: 'Totals over the temporary-assistance events matching a filter.' })
export class TemporaryAssistanceSummary {
  @Field(() => Int, { nullable: true, description: 'Number of events.' })
  events: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct households.' })
  households: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the cash paid.' })
  totalCash: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the value of the goods given.' })
  totalInKindValue: number | null;

  @Field(() => Boolean, { description: SUPPRESSED_NOTE })
  suppressed: boolean = false;
}

export const TemporaryAssistanceConnection = ConnectionType(TemporaryAssistanceEvent, 'TemporaryAssistanceEvent', { summary: TemporaryAssistanceSummary });

@Resolver(() => TemporaryAssistanceEvent)
export class TemporaryAssistanceResolver {
  @Query(() => TemporaryAssistanceEvent, { nullable: true, description: 'One temporary-assistance event.' })
  temporaryAssistanceEvent(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<TemporaryAssistanceEvent | null> {
    return ctx.loaders.get(temporaryAssistanceById).load(id);
  }

  @Query(() => TemporaryAssistanceConnection, { description: 'Temporary assistance (临时救助) for civil-affairs staff, by region and year, paginated, with totals.' })
  async temporaryAssistanceEvents(@Args(() => TemporaryAssistanceArgs) args: TemporaryAssistanceArgs, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const qb = ctx.db.getRepository(TemporaryAssistanceEvent).createQueryBuilder('t');
    whereRegion(qb, 't', 'LS-', filter);
    whereYear(qb, 't', filter.year);
    if (filter.cause != null) qb.andWhere('t.cause = :cause', { cause: filter.cause });
    if (filter.reason != null) qb.andWhere('t.reason = :reason', { reason: filter.reason });
    if (filter.procedure != null) qb.andWhere('t.procedure = :procedure', { procedure: filter.procedure });
    const summarize = async (): Promise<TemporaryAssistanceSummary> => {
      const row = await qb
        .clone()
        .select('count(*)', 'events')
        .addSelect('count(DISTINCT t.household_id)', 'households')
        .addSelect('COALESCE(sum(t.cash_amount_fen), 0)', 'cash')
        .addSelect('COALESCE(sum(t.in_kind_value_fen), 0)', 'inKind')
        .getRawOne();
      const n = numbers(row, ['events', 'households', 'cash', 'inKind'] as const);
      return { events: n.events, households: n.households, totalCash: n.cash, totalInKindValue: n.inKind, suppressed: false };
    };
    const connection = await paginate(qb, { alias: 't', key: ['id'], keyOf: (r) => [r.id], first: args.first, after: args.after, summarize });
    for (const t of connection.nodes) ctx.loaders.get(temporaryAssistanceById).prime(t.id, t);
    return connection;
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household (resolved by the poverty office).' })
  household(@Root() t: TemporaryAssistanceEvent): HouseholdKey {
    return { id: t.householdId };
  }

  @FieldResolver(() => PersonKey, { nullable: true, description: 'The person helped, if one (resolved by the poverty office).' })
  person(@Root() t: TemporaryAssistanceEvent): PersonKey | null {
    return t.personId ? { id: t.personId } : null;
  }

  @FieldResolver(() => String, { description: 'Duty-area code: SOCIAL_SAFETY_NET (兜底保障).' })
  dutyArea(): string {
    return DUTY_AREA.SOCIAL_SAFETY_NET;
  }

  @FieldResolver(() => String, { description: 'Civil affairs\' role in that area: LEAD.' })
  dutyRole(): string {
    return DUTY_ROLE.LEAD;
  }
}

// ---------------------------------------------------------------------------------------------
// Disability allowances

@InputType({ description: 'Filters on disability allowances; all given conditions must hold.' })
export class DisabilityAllowanceFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Allowances in force at some time in this year.' })
  year?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Allowances in force on this date.' })
  activeOn?: string;

  @Field(() => DisabilityAllowanceType, { nullable: true, description: 'Which allowance or grant.' })
  type?: DisabilityAllowanceType;

  @Field(() => HouseholdIdScalar, { nullable: true, description: 'Only this household.' })
  householdId?: string;
}

@ArgsType()
class DisabilityAllowancesArgs extends PageArgs {
  @Field(() => DisabilityAllowanceFilter, { nullable: true })
  filter?: DisabilityAllowanceFilter;
}

@ObjectType({ description: 'Totals over the disability allowances matching a filter.' })
export class DisabilityAllowanceSummary {
  @Field(() => Int, { nullable: true, description: 'Number of allowances.' })
  allowances: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct persons.' })
  persons: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the monthly amounts.' })
  totalMonthlyAmount: number | null;

  @Field(() => Boolean, { description: suppressedNote('persons') })
  suppressed: boolean = false;
}

export const DisabilityAllowanceConnection = ConnectionType(DisabilityAllowance, 'DisabilityAllowance', { summary: DisabilityAllowanceSummary });

@Resolver(() => DisabilityAllowance)
export class DisabilityAllowanceResolver {
  @Query(() => DisabilityAllowance, { nullable: true, description: 'One disability allowance.' })
  disabilityAllowance(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<DisabilityAllowance | null> {
    return ctx.loaders.get(disabilityAllowanceById).load(id);
  }

  @Query(() => DisabilityAllowanceConnection, { description: 'Disability allowances (残疾人两项补贴) for civil-affairs staff, filtered and paginated, with totals.' })
  async disabilityAllowances(@Args(() => DisabilityAllowancesArgs) args: DisabilityAllowancesArgs, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const qb = ctx.db.getRepository(DisabilityAllowance).createQueryBuilder('a');
    whereRegion(qb, 'a', 'CB-', filter);
    wherePeriod(qb, 'a', filter);
    if (filter.type != null) qb.andWhere('a.type = :type', { type: filter.type });
    const summarize = async (): Promise<DisabilityAllowanceSummary> => {
      const row = await qb
        .clone()
        .select('count(*)', 'allowances')
        .addSelect('count(DISTINCT a.person_id)', 'persons')
        .addSelect('COALESCE(sum(a.monthly_amount_fen), 0)', 'amount')
        .getRawOne();
      const n = numbers(row, ['allowances', 'persons', 'amount'] as const);
      return { allowances: n.allowances, persons: n.persons, totalMonthlyAmount: n.amount, suppressed: false };
    };
    const connection = await paginate(qb, { alias: 'a', key: ['id'], keyOf: (r) => [r.id], first: args.first, after: args.after, summarize });
    for (const a of connection.nodes) ctx.loaders.get(disabilityAllowanceById).prime(a.id, a);
    return connection;
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household (resolved by the poverty office).' })
  household(@Root() a: DisabilityAllowance): HouseholdKey {
    return { id: a.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The person (resolved by the poverty office).' })
  person(@Root() a: DisabilityAllowance): PersonKey {
    return { id: a.personId };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the allowance is paid on a date (default today).' })
  active(@Root() a: DisabilityAllowance, @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null): boolean {
    return activeOn(a, on ?? todayLocalDate());
  }

  @FieldResolver(() => String, { description: 'Duty-area code: SOCIAL_SAFETY_NET (兜底保障).' })
  dutyArea(): string {
    return DUTY_AREA.SOCIAL_SAFETY_NET;
  }

  @FieldResolver(() => String, { description: 'Civil affairs\' role in that area: LEAD.' })
  dutyRole(): string {
    return DUTY_ROLE.LEAD;
  }
}

// ---------------------------------------------------------------------------------------------
// Medical assistance

@InputType({ description: 'Filters on medical assistance; all given conditions must hold.' })
export class MedicalAssistanceFilter {
  @Field(() => String, { nullable: true, description: REGION })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Year of the grant (insurance year for premium subsidies).' })
  year?: number;

  @Field(() => MedicalAssistanceType, { nullable: true, description: 'Which allowance or grant.' })
  type?: MedicalAssistanceType;

  @Field(() => HouseholdIdScalar, { nullable: true, description: 'Only this household.' })
  householdId?: string;
}

@ArgsType()
class MedicalAssistanceArgs extends PageArgs {
  @Field(() => MedicalAssistanceFilter, { nullable: true })
  filter?: MedicalAssistanceFilter;
}

@ObjectType({ description: 'Totals over the medical-assistance grants matching a filter.' })
export class MedicalAssistanceSummary {
  @Field(() => Int, { nullable: true, description: 'Number of grants.' })
  grants: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct persons.' })
  persons: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the grants.' })
  totalAmount: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: '资助参保 part.' })
  premiumSubsidyAmount: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: '直接救助 part.' })
  treatmentAmount: number | null;

  @Field(() => Boolean, { description: suppressedNote('persons') })
  suppressed: boolean = false;
}

export const MedicalAssistanceConnection = ConnectionType(MedicalAssistanceGrant, 'MedicalAssistanceGrant', { summary: MedicalAssistanceSummary });

@Resolver(() => MedicalAssistanceGrant)
export class MedicalAssistanceResolver {
  @Query(() => MedicalAssistanceGrant, { nullable: true, description: 'One medical-assistance grant.' })
  medicalAssistanceGrant(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<MedicalAssistanceGrant | null> {
    return ctx.loaders.get(medicalAssistanceById).load(id);
  }

  @Query(() => MedicalAssistanceConnection, { description: 'Medical assistance (医疗救助) for civil-affairs staff, by region and year, paginated, with totals.' })
  async medicalAssistanceGrants(@Args(() => MedicalAssistanceArgs) args: MedicalAssistanceArgs, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const qb = ctx.db.getRepository(MedicalAssistanceGrant).createQueryBuilder('m');
    whereRegion(qb, 'm', 'YJ-', filter);
    whereYear(qb, 'm', filter.year);
    if (filter.type != null) qb.andWhere('m.type = :type', { type: filter.type });
    const summarize = async (): Promise<MedicalAssistanceSummary> => {
      const row = await qb
        .clone()
        .select('count(*)', 'grants')
        .addSelect('count(DISTINCT m.person_id)', 'persons')
        .addSelect('COALESCE(sum(m.amount_fen), 0)', 'total')
        .addSelect(`COALESCE(sum(m.amount_fen) FILTER (WHERE m.type = 'PREMIUM_SUBSIDY'), 0)`, 'premium')
        .addSelect(`COALESCE(sum(m.amount_fen) FILTER (WHERE m.type = 'TREATMENT'), 0)`, 'treatment')
        .getRawOne();
      const n = numbers(row, ['grants', 'persons', 'total', 'premium', 'treatment'] as const);
      return { grants: n.grants, persons: n.persons, totalAmount: n.total, premiumSubsidyAmount: n.premium, treatmentAmount: n.treatment, suppressed: false };
    };
    const connection = await paginate(qb, { alias: 'm', key: ['id'], keyOf: (r) => [r.id], first: args.first, after: args.after, summarize });
    for (const m of connection.nodes) ctx.loaders.get(medicalAssistanceById).prime(m.id, m);
    return connection;
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household (resolved by the poverty office).' })
  household(@Root() m: MedicalAssistanceGrant): HouseholdKey {
    return { id: m.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The person (resolved by the poverty office).' })
  person(@Root() m: MedicalAssistanceGrant): PersonKey {
    return { id: m.personId };
  }

  @FieldResolver(() => String, { description: 'Duty-area code: HEALTH (健康扶贫), led by the health department.' })
  dutyArea(): string {
    return DUTY_AREA.HEALTH;
  }

  @FieldResolver(() => String, { description: 'Civil affairs\' role in that area: SUPPORT.' })
  dutyRole(): string {
    return DUTY_ROLE.SUPPORT;
  }
}
