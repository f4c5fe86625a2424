import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { Connection, decodeCursor, PageInfo, regionPrefixRange, toConnection, validateDataYear, validatePageSize } from '@saf/kit';

/**
 * Relay connections for the staff's root queries, like the kit's ConnectionType, plus a `summary`
 * (counts and amounts over all pages) that runs only when a client selects it.
 */
export interface SummarizedConnection<T, S> extends Connection<T> {
  summarize: () => Promise<S>;
}

export function SummarizedConnectionType<T extends object, S extends object>(nodeType: ClassType<T>, name: string, summaryType: ClassType<S>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Cursor of this item: pass as `after` to continue after it.' })
    cursor: string;

    @Field(() => nodeType, { description: 'The record.' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records, with totals over all pages.` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of the page with their cursors.' })
    edges: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of the edges, for clients that do not need cursors per item.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and where this page ends.' })
    pageInfo: PageInfo;

    countTotal: () => Promise<number>;
    summarize: () => Promise<S>;

    @Field(() => Int, { description: 'Number of records matching the filter, over all pages.' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }

    @Field(() => summaryType, { description: 'Counts and amounts over all records matching the filter (one aggregate query).' })
    summary(): Promise<S> {
      return this.summarize();
    }
  }
  return ConnectionClass;
}

/** The filter fields every root query shares. */
export interface CommonFilter {
  regionPrefix?: string | null;
  year?: number | null;
  householdId?: string | null;
}

/**
 * Region prefix as a range on household_id and on the record ID, which embeds the household ID
 * after a fixed prefix (e.g. 'DB-'), so that the primary-key index serves both the range and the
 * keyset order.
 */
export function whereRegion<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, idPrefix: string, filter: CommonFilter): void {
  if (filter.regionPrefix != null) {
    const { low, high } = regionPrefixRange(filter.regionPrefix, 'filter.regionPrefix');
    qb.andWhere(`${alias}.household_id >= :regionLow AND ${alias}.household_id < :regionHigh`, { regionLow: low, regionHigh: high });
    qb.andWhere(`${alias}.id >= :idLow AND ${alias}.id < :idHigh`, { idLow: idPrefix + low, idHigh: idPrefix + high });
  }
  if (filter.householdId != null) qb.andWhere(`${alias}.household_id = :householdId`, { householdId: filter.householdId });
}

/** Records in force at some time in `year` and/or on `activeOn` (start/end columns, end inclusive). */
export function wherePeriod<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, filter: { year?: number | null; activeOn?: string | null }): void {
  if (filter.year != null) {
    validateDataYear(filter.year, 'filter.year');
    qb.andWhere(`${alias}.start_date <= :yearEnd AND (${alias}.end_date IS NULL OR ${alias}.end_date >= :yearStart)`, {
      yearStart: `${filter.year}-01-01`,
      yearEnd: `${filter.year}-12-31`,
    });
  }
  if (filter.activeOn != null) {
    qb.andWhere(`${alias}.start_date <= :activeOn AND (${alias}.end_date IS NULL OR ${alias}.end_date >= :activeOn)`, { activeOn: filter.activeOn });
  }
}

/** Events of a year (a `year` column). */
export function whereYear<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, year: number | null | undefined): void {
  if (year != null) {
    validateDataYear(year, 'filter.year');
    qb.andWhere(`${alias}.year = :year`, { year });
  }
}

/** One page in ID order (keyset on the unique ID), with lazy totalCount and summary. */
export async function pageOf<T extends ObjectLiteral & { id: string }, S>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  args: { first?: number | null; after?: string | null },
  summarize: () => Promise<S>,
): Promise<SummarizedConnection<T, S>> {
  const first = validatePageSize(args.first);
  const count = qb.clone();
  const page = qb.clone();
  if (args.after) page.andWhere(`${alias}.id > :afterId`, { afterId: decodeCursor(args.after) });
  const rows = await page.orderBy(`${alias}.id`, 'ASC').limit(first + 1).getMany();
  const connection = toConnection(rows, first, (r) => r.id, () => count.getCount());
  return { ...connection, summarize };
}

/** Reads numeric aggregates (bigint/numeric come back as numbers or strings) as numbers. */
export function numbers<K extends string>(row: Record<K, unknown> | undefined, keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, Number(row?.[k] ?? 0)])) as Record<K, number>;
}
