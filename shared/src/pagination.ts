import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ErrorCode, userError } from './errors';

/** Relay-style cursor pagination over a stable, unique sort key (keyset, never OFFSET). */

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

// Every subgraph declares the same PageInfo; @shareable lets them compose.
@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

/** `first` and `after` of every list query; extend it with the list's own `filter`. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a list resolver returns; `totalCount` and `summary` run only when the client selects them. */
export interface Connection<T, S = unknown> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  countTotal: () => Promise<number>;
  summarize?: () => Promise<S>;
}

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('k:')) throw userError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor: pass an endCursor from a previous page', { field: 'after' });
  return decoded.slice(2);
}

export function validatePageSize(first: number | undefined | null): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw userError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  return size;
}

/**
 * Builds a page from rows fetched with `LIMIT first + 1` after the decoded cursor: the extra row
 * only tells whether there is a next page.
 */
export function toConnection<T, S = unknown>(rows: T[], first: number, keyOf: (node: T) => string, totalCount: () => Promise<number>): Connection<T, S> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    countTotal: totalCount,
  };
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type. With a `summary` type,
 * the connection also has `summary: <Summary>!` (counts and amounts over all pages, computed by
 * the connection's `summarize` only when selected).
 */
export function ConnectionType<T extends object, S extends object = object>(nodeType: ClassType<T>, name: string, options: { summary?: ClassType<S> } = {}) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  // Never referenced by a field, so type-graphql leaves it out of the schema; the two below extend it.
  @ObjectType(`${name}ConnectionFields`)
  class BaseConnection {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of the edges, for clients that do not need cursors per item.' })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    countTotal: () => Promise<number>;

    // A method, so that the count query runs only when a client selects the field.
    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }

  const summaryType = options.summary;
  if (!summaryType) {
    @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
    class PlainConnection extends BaseConnection {}
    return PlainConnection;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, with a summary over all pages.` })
  class SummarizedConnection extends BaseConnection {
    summarize: () => Promise<S>;

    @Field(() => summaryType as ClassType<S>, { description: 'Counts and amounts over all items matching the filter (one aggregate query, run only when selected).' })
    summary(): Promise<S> {
      return this.summarize();
    }
  }
  return SummarizedConnection;
}

export interface PageOptions<T, S> {
  /** The alias of the query builder's main entity. */
  alias: string;
  /** Columns of a unique sort key, e.g. ['household_id', 'id']: the page order and the cursor. */
  key: string[];
  /** The key values of a row, in the order of `key`. */
  keyOf: (row: T) => Array<string | number>;
  /**
   * The SQL type of each key column, checked on incoming cursors so that a forged cursor is a
   * BAD_USER_INPUT rather than a database error. Default: every column text.
   */
  keyTypes?: Array<'text' | 'integer'>;
  first?: number | null;
  after?: string | null;
  /** Totals over all pages for the connection's `summary`; memoised, run only when selected. */
  summarize?: () => Promise<S>;
}

/**
 * One page of a filtered query in key order, keyset after the cursor (`(a, b) > (:a, :b)`), with a
 * lazy totalCount over the same filter. Apply the filters first; add no ORDER BY or LIMIT.
 */
export async function paginate<T extends ObjectLiteral, S = unknown>(query: SelectQueryBuilder<T>, options: PageOptions<T, S>): Promise<Connection<T, S>> {
  const first = validatePageSize(options.first);
  const counting = query.clone();
  const page = query.clone();
  const columns = options.key.map((c) => `${options.alias}.${c}`);
  if (options.after) {
    const values = decodeKeyCursor(options.after, options.keyTypes ?? options.key.map(() => 'text'));
    const params = Object.fromEntries(values.map((v, i) => [`afterKey${i}`, v]));
    page.andWhere(`(${columns.join(', ')}) > (${values.map((_, i) => `:afterKey${i}`).join(', ')})`, params);
  }
  columns.forEach((column, i) => (i === 0 ? page.orderBy(column, 'ASC') : page.addOrderBy(column, 'ASC')));
  const rows = await page.limit(first + 1).getMany();
  const connection: Connection<T, S> = { ...toConnection(rows, first, (row) => JSON.stringify(options.keyOf(row)), () => counting.getCount()) };
  if (options.summarize) connection.summarize = memoise(options.summarize);
  return connection;
}

function decodeKeyCursor(cursor: string, types: Array<'text' | 'integer'>): Array<string | number> {
  let values: unknown;
  try {
    values = JSON.parse(decodeCursor(cursor));
  } catch {
    values = null;
  }
  const fits = (v: unknown, type: 'text' | 'integer') => (type === 'integer' ? Number.isSafeInteger(v) : typeof v === 'string' && v.length <= 200);
  if (!Array.isArray(values) || values.length !== types.length || !values.every((v, i) => fits(v, types[i]))) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor: pass an endCursor from a previous page of the same list', { field: 'after' });
  }
  return values;
}

function memoise<R>(fn: () => Promise<R>): () => Promise<R> {
  let result: Promise<R> | undefined;
  return () => (result ??= fn());
}
