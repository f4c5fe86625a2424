import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, HouseholdIdScalar, LocalDateScalar, MoneyScalar, PageArgs, paginate, SubgraphContext, SUPPRESSED_NOTE, todayLocalDate } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { DibaoCategory, DibaoClassification, DUTY_AREA, DUTY_ROLE } from '../codes';
import { numbers, whereRegion, wherePeriod } from './filters';
import { DibaoCoveredPerson, DibaoEnrolment, DibaoLine, DibaoRecheck } from './entities';
import { activeOn, coverageByEnrolment, dibaoEnrolmentById, rechecksByEnrolment } from './loaders';
import { addMonths } from './dates';

@InputType({ description: 'Filters on dibao enrolments; all given conditions must hold.' })
export class DibaoEnrolmentFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6 (county), 9 (township) or 12 (village) digits.' })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Enrolments in force at some time in this year.' })
  year?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Enrolments in force on this date.' })
  activeOn?: string;

  @Field(() => DibaoCategory, { nullable: true, description: '城市/农村: urban or rural dibao.' })
  category?: DibaoCategory;

  @Field(() => DibaoClassification, { nullable: true, description: '分类施保' })
  classification?: DibaoClassification;

  @Field(() => HouseholdIdScalar, { nullable: true, description: 'Only this household.' })
  householdId?: string;
}

@ArgsType()
class DibaoEnrolmentsArgs extends PageArgs {
  @Field(() => DibaoEnrolmentFilter, { nullable: true })
  filter?: DibaoEnrolmentFilter;
}

@ObjectType({ description: 'Totals over the dibao enrolments matching a filter.' })
export class DibaoEnrolmentSummary {
  @Field(() => Int, { nullable: true, description: 'Number of enrolments.' })
  enrolments: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct households.' })
  households: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons covered on `activeOn`, or at some time in `year`, or ever (without either).' })
  personsCovered: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Sum of the monthly amounts in force on `activeOn`; without it, of the current monthly amounts.' })
  totalMonthlyAmount: number | null;

  @Field(() => Boolean, { description: SUPPRESSED_NOTE })
  suppressed: boolean = false;
}

export const DibaoEnrolmentConnection = ConnectionType(DibaoEnrolment, 'DibaoEnrolment', { summary: DibaoEnrolmentSummary });

@Resolver(() => DibaoEnrolment)
export class DibaoEnrolmentResolver {
  @Query(() => DibaoEnrolment, { nullable: true, description: 'One dibao enrolment.' })
  dibaoEnrolment(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<DibaoEnrolment | null> {
    return ctx.loaders.get(dibaoEnrolmentById).load(id);
  }

  @Query(() => DibaoEnrolmentConnection, { description: 'Dibao enrolments for civil-affairs staff, in household order, filtered and paginated, with totals.' })
  async dibaoEnrolments(@Args(() => DibaoEnrolmentsArgs) args: DibaoEnrolmentsArgs, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const qb = ctx.db.getRepository(DibaoEnrolment).createQueryBuilder('e');
    whereRegion(qb, 'e', 'DB-', filter);
    wherePeriod(qb, 'e', filter);
    if (filter.category != null) qb.andWhere('e.category = :category', { category: filter.category });
    if (filter.classification != null) qb.andWhere('e.classification = :classification', { classification: filter.classification });

    const summarize = async (): Promise<DibaoEnrolmentSummary> => {
      const params: Record<string, string> = {};
      let overlap = 'true';
      if (filter.activeOn != null) {
        overlap = 'c.covered_from <= :cOn AND (c.covered_to IS NULL OR c.covered_to >= :cOn)';
        params.cOn = filter.activeOn;
      } else if (filter.year != null) {
        overlap = 'c.covered_from <= :cEnd AND (c.covered_to IS NULL OR c.covered_to >= :cStart)';
        params.cStart = `${filter.year}-01-01`;
        params.cEnd = `${filter.year}-12-31`;
      }
      const amount =
        filter.activeOn != null
          ? `COALESCE((SELECT r.new_monthly_amount_fen FROM dibao_recheck r WHERE r.enrolment_id = e.id AND r.recheck_date <= :cOn AND r.result <> 'STOP'
               ORDER BY r.recheck_date DESC LIMIT 1), e.approved_monthly_amount_fen)`
          : 'e.monthly_amount_fen';
      const row = await qb
        .clone()
        .select('count(*)', 'enrolments')
        .addSelect('count(DISTINCT e.household_id)', 'households')
        .addSelect(`COALESCE(sum((SELECT count(*) FROM dibao_covered_person c WHERE c.enrolment_id = e.id AND ${overlap})), 0)`, 'persons')
        .addSelect(`COALESCE(sum(${amount}), 0)`, 'amount')
        .setParameters(params)
        .getRawOne();
      const n = numbers(row, ['enrolments', 'households', 'persons', 'amount'] as const);
      return { enrolments: n.enrolments, households: n.households, personsCovered: n.persons, totalMonthlyAmount: n.amount, suppressed: false };
    };
    const connection = await paginate(qb, { alias: 'e', key: ['id'], keyOf: (r) => [r.id], first: args.first, after: args.after, summarize });
    for (const e of connection.nodes) ctx.loaders.get(dibaoEnrolmentById).prime(e.id, e);
    return connection;
  }

  @Query(() => [DibaoLine], { description: '低保标准 by year (the county line), oldest first.' })
  dibaoLines(@Arg('category', () => DibaoCategory, { nullable: true }) category: DibaoCategory | null, @Ctx() ctx: SubgraphContext): Promise<DibaoLine[]> {
    return ctx.db.getRepository(DibaoLine).find({ where: category ? { category } : {}, order: { category: 'ASC', year: 'ASC' } });
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household (resolved by the poverty office).' })
  household(@Root() e: DibaoEnrolment): HouseholdKey {
    return { id: e.householdId };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the enrolment is in force on a date (default today).' })
  active(@Root() e: DibaoEnrolment, @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null): boolean {
    return activeOn(e, on ?? todayLocalDate());
  }

  @FieldResolver(() => [DibaoCoveredPerson], { description: 'Persons covered; only those covered on `on` if given.' })
  async coveredPersons(
    @Root() e: DibaoEnrolment,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DibaoCoveredPerson[]> {
    const rows = await ctx.loaders.get(coverageByEnrolment).load(e.id);
    return on ? rows.filter((c) => coveredOn(c, on)) : rows;
  }

  @FieldResolver(() => Int, { description: '保障人数 on a date (default: today, or the last day for an ended enrolment).' })
  async personsCovered(
    @Root() e: DibaoEnrolment,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<number> {
    const date = on ?? defaultDate(e);
    return (await ctx.loaders.get(coverageByEnrolment).load(e.id)).filter((c) => coveredOn(c, date)).length;
  }

  @FieldResolver(() => [DibaoRecheck], { description: '复核 records, oldest first.' })
  rechecks(@Root() e: DibaoEnrolment, @Ctx() ctx: SubgraphContext): Promise<DibaoRecheck[]> {
    return ctx.loaders.get(rechecksByEnrolment).load(e.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'The monthly amount in force on a date (default today); null when not in force.' })
  async monthlyAmount(
    @Root() e: DibaoEnrolment,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<number | null> {
    const date = on ?? todayLocalDate();
    if (!activeOn(e, date)) return null;
    return amountOn(e, await ctx.loaders.get(rechecksByEnrolment).load(e.id), date);
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'When the next re-check is due (the last re-check or the start plus the interval); null once ended.' })
  async nextRecheckDue(@Root() e: DibaoEnrolment, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    if (e.endDate !== null) return null;
    const rechecks = await ctx.loaders.get(rechecksByEnrolment).load(e.id);
    const last = rechecks.length ? rechecks[rechecks.length - 1].recheckDate : e.startDate;
    return addMonths(last, e.recheckIntervalMonths);
  }

  @FieldResolver(() => String, { description: 'Duty-area code of the duty matrix: SOCIAL_SAFETY_NET (兜底保障).' })
  dutyArea(): string {
    return DUTY_AREA.SOCIAL_SAFETY_NET;
  }

  @FieldResolver(() => String, { description: 'Civil affairs\' role in that area: LEAD.' })
  dutyRole(): string {
    return DUTY_ROLE.LEAD;
  }
}

@Resolver(() => DibaoCoveredPerson)
export class DibaoCoveredPersonResolver {
  @FieldResolver(() => PersonKey, { description: 'The person (resolved by the poverty office; null there when not in the register).' })
  person(@Root() c: DibaoCoveredPerson): PersonKey {
    return { id: c.personId };
  }

  @FieldResolver(() => DibaoEnrolment, { nullable: true, description: 'The enrolment that covers the person.' })
  enrolment(@Root() c: DibaoCoveredPerson, @Ctx() ctx: SubgraphContext): Promise<DibaoEnrolment | null> {
    return ctx.loaders.get(dibaoEnrolmentById).load(c.enrolmentId);
  }
}

@Resolver(() => DibaoLine)
export class DibaoLineResolver {
  @FieldResolver(() => MoneyScalar, { description: 'Yuan per person per year (12 months).' })
  annualAmount(@Root() line: DibaoLine): number {
    return Number(line.monthlyAmount) * 12;
  }
}

export function coveredOn(c: { coveredFrom: string; coveredTo: string | null }, date: string): boolean {
  return c.coveredFrom <= date && (c.coveredTo === null || date <= c.coveredTo);
}

function defaultDate(e: DibaoEnrolment): string {
  const today = todayLocalDate();
  return e.endDate !== null && e.endDate < today ? e.endDate : today;
}

/** The amount in force on a date: the last re-check's new amount before it, else the approved one. */
export function amountOn(e: { approvedMonthlyAmount: number }, rechecks: DibaoRecheck[], date: string): number {
  let amount = Number(e.approvedMonthlyAmount);
  for (const r of rechecks) {
    if (r.recheckDate > date) break;
    if (r.newMonthlyAmount !== null) amount = Number(r.newMonthlyAmount);
  }
  return amount;
}
