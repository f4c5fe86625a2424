import { Args, ArgsType, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ConnectionType, ErrorCode, MoneyScalar, PageArgs, paginate, SubgraphContext, userError, validateDataYear, whereRegionPrefix } from '@saf/kit';
import { AcceptanceResult, AppraisalMethod, DwellingRating, RenovationStatus, RenovationType, ResettlementMode } from '../codes';
import { DwellingAppraisal, RelocationHousing, RenovationProject } from './entities';
import { appraisalById, relocationById, renovationById } from './loaders';

/**
 * Root queries for the housing department's staff: filtered by region prefix and year, keyset
 * paginated on the record ID (which starts with the household ID, so pages run village by
 * village), with a lazy totalCount.
 */

export const DwellingAppraisalConnection = ConnectionType(DwellingAppraisal, 'DwellingAppraisal');
export const RenovationProjectConnection = ConnectionType(RenovationProject, 'RenovationProject');
export const RelocationHousingConnection = ConnectionType(RelocationHousing, 'RelocationHousing');

@InputType({ description: 'Filters on dwelling appraisals; all given conditions must hold.' })
export class DwellingAppraisalFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6 (county), 9 (township) or 12 (village) digits.' })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Year of the appraisal date.' })
  year?: number;

  @Field(() => [DwellingRating], { nullable: true, description: 'Any of these ratings, e.g. [C, D] for dangerous houses.' })
  ratings?: DwellingRating[];

  @Field(() => AppraisalMethod, { nullable: true })
  method?: AppraisalMethod;

  @Field(() => Boolean, { nullable: true, description: 'true: only each household\'s latest appraisal (the one that counts).' })
  latestOnly?: boolean;
}

@InputType({ description: 'Filters on renovation projects; all given conditions must hold.' })
export class RenovationProjectFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6, 9 or 12 digits.' })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Plan year (the approval year).' })
  year?: number;

  @Field(() => [RenovationStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: RenovationStatus[];

  @Field(() => RenovationType, { nullable: true })
  type?: RenovationType;

  @Field(() => AcceptanceResult, { nullable: true, description: 'Result of the latest acceptance inspection.' })
  acceptanceResult?: AcceptanceResult;

  @Field(() => Int, { nullable: true, description: 'Passed acceptance in this year (what finance pays subsidies on).' })
  acceptedYear?: number;
}

@InputType({ description: 'Filters on resettlement housing; all given conditions must hold.' })
export class RelocationHousingFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix of the relocated household (its former village).' })
  regionPrefix?: string;

  @Field(() => Int, { nullable: true, description: 'Relocation plan year.' })
  year?: number;

  @Field(() => ResettlementMode, { nullable: true })
  mode?: ResettlementMode;

  @Field(() => Boolean, { nullable: true, description: 'true: moved in; false: not yet.' })
  movedIn?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: old house demolished (旧房拆除); false: not yet.' })
  oldHouseDemolished?: boolean;
}

@InputType({ description: 'Filters on unsafe dwellings.' })
export class UnsafeDwellingFilter {
  @Field(() => String, { nullable: true, description: 'A region code prefix: 2, 4, 6, 9 or 12 digits.' })
  regionPrefix?: string;

  @Field(() => DwellingRating, { nullable: true, description: 'C or D.' })
  rating?: DwellingRating;

  @Field(() => Boolean, { nullable: true, description: 'true: a renovation project exists but has not passed acceptance; false: no project yet.' })
  hasRenovation?: boolean;
}

function pageArgs<F>(filterType: () => new () => F, name: string) {
  @ArgsType()
  class FilteredPageArgs extends PageArgs {
    @Field(filterType, { nullable: true })
    filter?: F;
  }
  Object.defineProperty(FilteredPageArgs, 'name', { value: name });
  return FilteredPageArgs;
}

const AppraisalArgs = pageArgs(() => DwellingAppraisalFilter, 'DwellingAppraisalArgs');
const RenovationArgs = pageArgs(() => RenovationProjectFilter, 'RenovationProjectArgs');
const RelocationArgs = pageArgs(() => RelocationHousingFilter, 'RelocationHousingArgs');
const UnsafeArgs = pageArgs(() => UnsafeDwellingFilter, 'UnsafeDwellingArgs');
type Args<F> = { filter?: F; first?: number | null; after?: string | null };

@ArgsType()
class IdArgs {
  @Field(() => ID, { description: 'The record ID.' })
  id: string;
}

function filterOnly<F>(filterType: new () => F, name: string) {
  @ArgsType()
  class FilterArgs {
    @Field(() => filterType, { nullable: true })
    filter?: F;
  }
  Object.defineProperty(FilterArgs, 'name', { value: name });
  return FilterArgs;
}

const RatingCountArgs = filterOnly(DwellingAppraisalFilter, 'DwellingRatingCountArgs');
const TotalsArgs = filterOnly(RenovationProjectFilter, 'RenovationTotalsArgs');

@ObjectType({ description: 'Renovation projects of one status or type: count and money.' })
export class RenovationGroupTotal {
  @Field(() => String, { description: 'The status or type.' })
  key: string;

  @Field(() => Int, { nullable: true, description: 'Projects (about one per household; null when suppressed).' })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Null when suppressed.' })
  subsidy: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Null when suppressed.' })
  selfRaisedFunds: number | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (null) because the cell has 1 to 4 households (analyst and dashboard roles).' })
  suppressed: boolean = false;
}

@ObjectType({ description: 'Counts and money of the renovation projects matching a filter.' })
export class RenovationTotals {
  @Field(() => Int, { nullable: true, description: 'Projects (about one per household; null when suppressed).' })
  count: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Total government subsidy (null when suppressed).' })
  subsidy: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Total self-raised funds (null when suppressed).' })
  selfRaisedFunds: number | null;

  @Field(() => [RenovationGroupTotal], { description: 'By status (RenovationStatus values), largest first.' })
  byStatus: RenovationGroupTotal[];

  @Field(() => [RenovationGroupTotal], { description: 'By type (RenovationType values), largest first.' })
  byType: RenovationGroupTotal[];

  @Field(() => Boolean, { description: 'True when the counts are withheld (null) because the cell has 1 to 4 households (analyst and dashboard roles).' })
  suppressed: boolean = false;
}

@ObjectType({ description: 'Number of appraisals with one rating.' })
export class DwellingRatingCount {
  @Field(() => DwellingRating)
  rating: DwellingRating;

  @Field(() => Int, { nullable: true, description: 'Appraisals (one per household with latestOnly; null when suppressed).' })
  count: number | null;

  @Field(() => Boolean, { description: 'True when the counts are withheld (null) because the cell has 1 to 4 households (analyst and dashboard roles).' })
  suppressed: boolean = false;
}

@Resolver()
export class HousingQueryResolver {
  @Query(() => DwellingAppraisal, { nullable: true, description: 'One dwelling appraisal.' })
  dwellingAppraisal(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: SubgraphContext): Promise<DwellingAppraisal | null> {
    return ctx.loaders.get(appraisalById).load(id);
  }

  @Query(() => RenovationProject, { nullable: true, description: 'One renovation project.' })
  renovationProject(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: SubgraphContext): Promise<RenovationProject | null> {
    return ctx.loaders.get(renovationById).load(id);
  }

  @Query(() => RelocationHousing, { nullable: true, description: 'One resettlement housing record.' })
  relocationHousing(@Args(() => IdArgs) { id }: IdArgs, @Ctx() ctx: SubgraphContext): Promise<RelocationHousing | null> {
    return ctx.loaders.get(relocationById).load(id);
  }

  @Query(() => DwellingAppraisalConnection, { description: 'Dwelling appraisals in ID order (household by household), filtered and paginated.' })
  async dwellingAppraisals(@Args(() => AppraisalArgs) args: Args<DwellingAppraisalFilter>, @Ctx() ctx: SubgraphContext) {
    return page(ctx, args, appraisalQuery(ctx.db, args.filter ?? {}), appraisalById);
  }

  @Query(() => [DwellingRatingCount], { description: 'Appraisals by rating under the same filter as dwellingAppraisals (latestOnly: the current picture).' })
  async dwellingRatingCounts(@Args(() => RatingCountArgs) args: { filter?: DwellingAppraisalFilter }, @Ctx() ctx: SubgraphContext) {
    const rows: Array<{ rating: DwellingRating; count: string }> = await appraisalQuery(ctx.db, args.filter ?? {})
      .select('a.rating', 'rating')
      .addSelect('count(*)', 'count')
      .groupBy('a.rating')
      .orderBy('a.rating')
      .getRawMany();
    return rows.map((r) => ({ rating: r.rating, count: Number(r.count), suppressed: false }));
  }

  @Query(() => RenovationProjectConnection, { description: '危房改造 projects in ID order (household by household), filtered and paginated.' })
  async renovationProjects(@Args(() => RenovationArgs) args: Args<RenovationProjectFilter>, @Ctx() ctx: SubgraphContext) {
    return page(ctx, args, renovationQuery(ctx.db, args.filter ?? {}), renovationById);
  }

  @Query(() => RenovationTotals, { description: 'Counts, subsidy and self-raised totals of the renovation projects matching the filter, by status and by type.' })
  async renovationTotals(@Args(() => TotalsArgs) args: { filter?: RenovationProjectFilter }, @Ctx() ctx: SubgraphContext): Promise<RenovationTotals> {
    const rows: Array<{ status: string; type: string; count: string; subsidy: string | null; self: string | null }> = await renovationQuery(ctx.db, args.filter ?? {})
      .select('r.status', 'status')
      .addSelect('r.renovation_type', 'type')
      .addSelect('count(*)', 'count')
      .addSelect('sum(r.subsidy_fen)', 'subsidy')
      .addSelect('sum(r.self_raised_fen)', 'self')
      .groupBy('r.status')
      .addGroupBy('r.renovation_type')
      .getRawMany();
    type Sums = RenovationGroupTotal & { count: number; subsidy: number; selfRaisedFunds: number };
    const group = (keyOf: (r: (typeof rows)[number]) => string): Sums[] => {
      const totals = new Map<string, Sums>();
      for (const r of rows) {
        const key = keyOf(r);
        const t = totals.get(key) ?? { key, count: 0, subsidy: 0, selfRaisedFunds: 0, suppressed: false };
        t.count += Number(r.count);
        t.subsidy += Number(r.subsidy ?? 0);
        t.selfRaisedFunds += Number(r.self ?? 0);
        totals.set(key, t);
      }
      return [...totals.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    };
    const byStatus = group((r) => r.status);
    return {
      count: byStatus.reduce((s, t) => s + t.count, 0),
      subsidy: byStatus.reduce((s, t) => s + t.subsidy, 0),
      selfRaisedFunds: byStatus.reduce((s, t) => s + t.selfRaisedFunds, 0),
      byStatus,
      byType: group((r) => r.type),
      suppressed: false,
    };
  }

  @Query(() => RelocationHousingConnection, { description: '易地扶贫搬迁 resettlement housing in ID order, filtered and paginated.' })
  async relocationHousings(@Args(() => RelocationArgs) args: Args<RelocationHousingFilter>, @Ctx() ctx: SubgraphContext) {
    return page(ctx, args, relocationQuery(ctx.db, args.filter ?? {}), relocationById);
  }

  @Query(() => DwellingAppraisalConnection, {
    description:
      'Unsafe dwellings pending renovation, as of today: each household\'s latest appraisal when it is rated C/D, no renovation has passed acceptance since, and the household has not moved into resettlement housing.',
  })
  async unsafeDwellings(@Args(() => UnsafeArgs) args: Args<UnsafeDwellingFilter>, @Ctx() ctx: SubgraphContext) {
    const filter = args.filter ?? {};
    const qb = ctx.db
      .getRepository(DwellingAppraisal)
      .createQueryBuilder('a')
      .where('a.is_latest')
      .andWhere(`a.rating IN ('C', 'D')`)
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM renovation_project p WHERE p.household_id = a.household_id AND p.acceptance_result = 'PASSED' AND (p.appraisal_id = a.id OR p.acceptance_date >= a.appraisal_date))`,
      )
      .andWhere('NOT EXISTS (SELECT 1 FROM relocation_housing s WHERE s.household_id = a.household_id AND s.move_in_date IS NOT NULL)');
    whereRegionPrefix(qb, 'a', filter.regionPrefix);
    if (filter.rating) {
      if (filter.rating !== DwellingRating.C && filter.rating !== DwellingRating.D) {
        throw userError(ErrorCode.BAD_USER_INPUT, 'only C and D dwellings are unsafe', { field: 'filter.rating' });
      }
      qb.andWhere('a.rating = :rating', { rating: filter.rating });
    }
    if (filter.hasRenovation !== undefined && filter.hasRenovation !== null) {
      qb.andWhere(`${filter.hasRenovation ? '' : 'NOT '}EXISTS (SELECT 1 FROM renovation_project q WHERE q.appraisal_id = a.id)`);
    }
    return page(ctx, args, qb, appraisalById);
  }
}

function yearRange(year: number, field: string): { from: string; to: string } {
  validateDataYear(year, field);
  return { from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

function appraisalQuery(db: DataSource, filter: DwellingAppraisalFilter): SelectQueryBuilder<DwellingAppraisal> {
  const qb = db.getRepository(DwellingAppraisal).createQueryBuilder('a');
  whereRegionPrefix(qb, 'a', filter.regionPrefix);
  if (filter.year !== undefined && filter.year !== null) {
    const { from, to } = yearRange(filter.year, 'filter.year');
    qb.andWhere('a.appraisal_date >= :yearFrom AND a.appraisal_date < :yearTo', { yearFrom: from, yearTo: to });
  }
  if (filter.ratings?.length) qb.andWhere('a.rating IN (:...ratings)', { ratings: filter.ratings });
  if (filter.method) qb.andWhere('a.method = :method', { method: filter.method });
  if (filter.latestOnly) qb.andWhere('a.is_latest');
  return qb;
}

function renovationQuery(db: DataSource, filter: RenovationProjectFilter): SelectQueryBuilder<RenovationProject> {
  const qb = db.getRepository(RenovationProject).createQueryBuilder('r');
  whereRegionPrefix(qb, 'r', filter.regionPrefix);
  if (filter.year !== undefined && filter.year !== null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere('r.plan_year = :planYear', { planYear: filter.year });
  }
  if (filter.statuses?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.type) qb.andWhere('r.renovation_type = :type', { type: filter.type });
  if (filter.acceptanceResult) qb.andWhere('r.acceptance_result = :result', { result: filter.acceptanceResult });
  if (filter.acceptedYear !== undefined && filter.acceptedYear !== null) {
    const { from, to } = yearRange(filter.acceptedYear, 'filter.acceptedYear');
    qb.andWhere(`r.acceptance_result = 'PASSED' AND r.acceptance_date >= :acceptedFrom AND r.acceptance_date < :acceptedTo`, { acceptedFrom: from, acceptedTo: to });
  }
  return qb;
}

function relocationQuery(db: DataSource, filter: RelocationHousingFilter): SelectQueryBuilder<RelocationHousing> {
  const qb = db.getRepository(RelocationHousing).createQueryBuilder('s');
  whereRegionPrefix(qb, 's', filter.regionPrefix);
  if (filter.year !== undefined && filter.year !== null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere('s.plan_year = :planYear', { planYear: filter.year });
  }
  if (filter.mode) qb.andWhere('s.mode = :mode', { mode: filter.mode });
  if (filter.movedIn !== undefined && filter.movedIn !== null) qb.andWhere(`s.move_in_date IS ${filter.movedIn ? 'NOT ' : ''}NULL`);
  if (filter.oldHouseDemolished !== undefined && filter.oldHouseDemolished !== null) qb.andWhere('s.old_house_demolished = :demolished', { demolished: filter.oldHouseDemolished });
  return qb;
}

/** Keyset page on the record ID (the kit's paginate); the rows prime the by-ID loader for nested fields. */
async function page<T extends { id: string }>(
  ctx: SubgraphContext,
  args: Args<unknown>,
  qb: SelectQueryBuilder<T>,
  byId: Parameters<SubgraphContext['loaders']['get']>[0],
) {
  const connection = await paginate(qb, { alias: qb.alias, key: ['id'], keyOf: (row) => [row.id], first: args.first, after: args.after });
  const loader = ctx.loaders.get(byId as never) as { prime(key: string, value: T): unknown };
  for (const row of connection.nodes) loader.prime(row.id, row);
  return connection;
}
