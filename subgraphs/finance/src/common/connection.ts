import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { decodeCursor, encodeCursor, ErrorCode, MoneyScalar, PageInfo, userError } from '@saf/kit';

/**
 * Like the kit's ConnectionType, plus an exact `totalAmount` over all pages. Count and amount come
 * from one lazy aggregate statement, run only when a client selects either of them.
 */
export interface AmountConnection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  aggregate: () => Promise<{ count: number; amount: number }>;
}

export function AmountConnectionType<T extends object>(nodeType: ClassType<T>, name: string, amountDescription: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items, with totals over all pages.` })
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of the edges, for clients that do not need cursors per item.' })
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    aggregate: () => Promise<{ count: number; amount: number }>;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    async totalCount(): Promise<number> {
      return (await this.aggregate()).count;
    }

    @Field(() => MoneyScalar, { description: amountDescription })
    async totalAmount(): Promise<number> {
      return (await this.aggregate()).amount;
    }
  }
  return ConnectionClass;
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fn());
}

/** A page from rows fetched with LIMIT first + 1 after the cursor. */
export function toAmountConnection<T>(
  rows: T[],
  first: number,
  keyOf: (node: T) => string,
  aggregate: () => Promise<{ count: number; amount: number }>,
): AmountConnection<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    aggregate: once(aggregate),
  };
}

/** Cursors of household-ordered lists: "<household id>|<record id>". */
export function householdCursor(householdId: string, id: string | number): string {
  return `${householdId}|${id}`;
}

export function decodeHouseholdCursor(after: string): { householdId: string; id: string } {
  const [householdId, id, extra] = decodeCursor(after).split('|');
  if (!householdId || !id || extra !== undefined) throw userError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor: pass an endCursor from a previous page', { field: 'after' });
  return { householdId, id };
}
