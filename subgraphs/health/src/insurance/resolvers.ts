import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, PageArgs, paginate, runIdempotent, SubgraphContext, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { HouseholdKey, PersonKey } from '../registerKeys';
import { InsuranceScheme, SubsidisingDepartment } from '../codes';
import { KEY_DESCRIPTION } from '../common/writes';
import { InsuranceEnrolment } from './entities';
import { CancelEnrolmentInput, Coverage, CoverageFilter, EnrolmentFilter, EnrolmentPayload, RecordEnrolmentInput, SubsidyTotal } from './inputs';
import { enrolmentById } from './loaders';
import { cancelEnrolment, recordEnrolment, validateCancellation, validateEnrolment } from './writes';

export const EnrolmentConnection = ConnectionType(InsuranceEnrolment, 'HealthInsuranceEnrolment');

@ArgsType()
class EnrolmentsArgs extends PageArgs {
  @Field(() => EnrolmentFilter, { nullable: true })
  filter?: EnrolmentFilter | null;
}

function enrolmentQuery(ctx: SubgraphContext, filter: EnrolmentFilter) {
  const qb = whereRegionPrefix(ctx.db.getRepository(InsuranceEnrolment).createQueryBuilder('e'), 'e', filter.regionPrefix);
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere('e.year = :year', { year: filter.year });
  }
  if (filter.scheme != null) qb.andWhere('e.scheme = :scheme', { scheme: filter.scheme });
  if (filter.subsidyStatus != null) qb.andWhere('e.subsidy_status = :subsidyStatus', { subsidyStatus: filter.subsidyStatus });
  if (filter.subsidisingDepartment != null) qb.andWhere('e.subsidising_department = :department', { department: filter.subsidisingDepartment });
  if (filter.active != null) qb.andWhere(filter.active ? 'e.cancelled_on IS NULL' : 'e.cancelled_on IS NOT NULL');
  return qb;
}

@Resolver(() => InsuranceEnrolment)
export class InsuranceResolver {
  @Query(() => InsuranceEnrolment, { nullable: true, description: 'One enrolment by its ID (`<personId>:<year>:<scheme>`).' })
  healthInsuranceEnrolment(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<InsuranceEnrolment | null> {
    return ctx.loaders.get(enrolmentById).load(id);
  }

  @Query(() => EnrolmentConnection, { description: 'Insurance enrolments in household order, filtered by region prefix, year, scheme and subsidy; paginated.' })
  async healthInsuranceEnrolments(@Args(() => EnrolmentsArgs) args: EnrolmentsArgs, @Ctx() ctx: SubgraphContext) {
    return paginate(enrolmentQuery(ctx, args.filter ?? {}), {
      alias: 'e',
      key: ['household_id', 'id'],
      keyOf: (e) => [e.householdId, e.id],
      first: args.first,
      after: args.after,
      keyTypes: ['text', 'text'],
    });
  }

  @Query(() => [Coverage], { description: 'Enrolment counts and premium totals by year and scheme (one SQL statement), filtered by region prefix.' })
  async healthInsuranceCoverage(@Arg('filter', () => CoverageFilter, { nullable: true }) filter: CoverageFilter | null, @Ctx() ctx: SubgraphContext): Promise<Coverage[]> {
    const qb = whereRegionPrefix(ctx.db.createQueryBuilder().from(InsuranceEnrolment, 'e'), 'e', filter?.regionPrefix);
    if (filter?.year != null) {
      validateDataYear(filter.year, 'filter.year');
      qb.andWhere('e.year = :year', { year: filter.year });
    }
    if (filter?.scheme != null) qb.andWhere('e.scheme = :scheme', { scheme: filter.scheme });
    const active = 'e.cancelled_on IS NULL';
    const rows: CoverageRow[] = await qb
      .select('e.year', 'year')
      .addSelect('e.scheme', 'scheme')
      .addSelect('e.subsidising_department', 'department')
      .addSelect('GROUPING(e.subsidising_department)', 'all_departments')
      .addSelect(`count(*) FILTER (WHERE ${active})`, 'enrolled')
      .addSelect(`count(DISTINCT e.household_id) FILTER (WHERE ${active})`, 'households')
      .addSelect(`count(*) FILTER (WHERE NOT (${active}))`, 'cancelled')
      .addSelect(`count(*) FILTER (WHERE ${active} AND e.subsidy_status = 'FULL')`, 'full')
      .addSelect(`count(*) FILTER (WHERE ${active} AND e.subsidy_status = 'PARTIAL')`, 'partial')
      .addSelect(`count(*) FILTER (WHERE ${active} AND e.subsidy_status = 'NONE')`, 'none')
      .addSelect(`coalesce(sum(e.premium_fen) FILTER (WHERE ${active}), 0)`, 'premium')
      .addSelect(`coalesce(sum(e.individual_contribution_fen) FILTER (WHERE ${active}), 0)`, 'individual')
      .addSelect(`coalesce(sum(e.subsidy_fen) FILTER (WHERE ${active}), 0)`, 'subsidy')
      .groupBy('GROUPING SETS ((e.year, e.scheme), (e.year, e.scheme, e.subsidising_department))')
      .orderBy('e.year', 'ASC')
      .addOrderBy('e.scheme', 'ASC')
      .getRawMany();
    const byKey = new Map<string, Coverage & { subsidiesByDepartment: SubsidyTotal[] }>();
    for (const r of rows.filter((r) => Number(r.all_departments) === 1)) {
      byKey.set(`${r.year}:${r.scheme}`, {
        year: Number(r.year),
        scheme: r.scheme,
        enrolledPersons: Number(r.enrolled),
        enrolledHouseholds: Number(r.households),
        cancelledEnrolments: Number(r.cancelled),
        fullySubsidised: Number(r.full),
        partiallySubsidised: Number(r.partial),
        unsubsidised: Number(r.none),
        premiumTotal: r.premium,
        individualContributionTotal: r.individual,
        subsidyTotal: r.subsidy,
        subsidiesByDepartment: [],
        suppressed: false,
      });
    }
    for (const r of rows.filter((r) => Number(r.all_departments) === 0 && r.department !== null && Number(r.enrolled) > 0)) {
      byKey.get(`${r.year}:${r.scheme}`)?.subsidiesByDepartment.push({ department: r.department as SubsidisingDepartment, enrolments: Number(r.enrolled), amount: r.subsidy, suppressed: false });
    }
    for (const c of byKey.values()) c.subsidiesByDepartment.sort((a, b) => Number(b.amount) - Number(a.amount));
    return [...byKey.values()];
  }

  @FieldResolver(() => HouseholdKey, { description: 'The household in the register.' })
  household(@Root() enrolment: InsuranceEnrolment): HouseholdKey {
    return { id: enrolment.householdId };
  }

  @FieldResolver(() => PersonKey, { description: 'The person in the register.' })
  person(@Root() enrolment: InsuranceEnrolment): PersonKey {
    return { id: enrolment.personId };
  }

  @Mutation(() => EnrolmentPayload, { description: 'Records an insurance enrolment (参保登记) with its premium and any premium subsidy.' })
  async recordHealthInsuranceEnrolment(
    @Arg('input', () => RecordEnrolmentInput) input: RecordEnrolmentInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EnrolmentPayload> {
    validateEnrolment(input);
    await ctx.register.assertPersonsExist([{ personId: input.personId, householdId: input.householdId }], 'input.personId');
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'recordHealthInsuranceEnrolment', input }, (tx) => recordEnrolment(tx, ctx.department, input));
    return { enrolment: await ctx.db.getRepository(InsuranceEnrolment).findOneByOrFail({ id: result }), replayed };
  }

  @Mutation(() => EnrolmentPayload, { description: 'Cancels an enrolment (终止参保); cancelling BASIC also cancels the same year\'s CRITICAL_ILLNESS enrolment.' })
  async cancelHealthInsuranceEnrolment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CancelEnrolmentInput) input: CancelEnrolmentInput,
    @Arg('idempotencyKey', () => String, { description: KEY_DESCRIPTION }) key: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<EnrolmentPayload> {
    validateCancellation(input);
    const { result, replayed } = await runIdempotent(ctx, { key, operation: 'cancelHealthInsuranceEnrolment', input: { id, input } }, (tx) => cancelEnrolment(tx, ctx.department, id, input));
    return { enrolment: await ctx.db.getRepository(InsuranceEnrolment).findOneByOrFail({ id: result }), replayed };
  }
}

interface CoverageRow {
  year: number;
  scheme: InsuranceScheme;
  department: string | null;
  all_departments: number;
  enrolled: number;
  households: number;
  cancelled: number;
  full: number;
  partial: number;
  none: number;
  premium: string;
  individual: string;
  subsidy: string;
}
