import { graphqlClient, metric } from './graphql';

export interface EntityCheck {
  typename: string;
  /** A selection on the type that reads the department's own data, e.g. '... on Household { dibao { id } }'. */
  selection: string;
  /** Keys of existing entities (at least a few). */
  known: () => Array<Record<string, unknown>>;
  /** A key that matches nothing. */
  unknown: Record<string, unknown>;
  /** SQL statements a batch may cost (default 1: one per entity type). */
  statements?: number;
  /** Whether an unknown key resolves to null (entities this subgraph owns) or to an object with empty fields (extended entities). */
  unknownIsNull?: boolean;
}

/**
 * The subgraph-compatibility checks every department runs as jest tests: the SDL carries @link and
 * @key; `_entities` resolves a batch in a constant number of SQL statements; unknown keys give
 * null (or empty fields), never an error.
 */
export function describeSubgraphCompatibility(name: string, subgraphUrl: () => string, checks: EntityCheck[]): void {
  describe(`${name}: subgraph compatibility`, () => {
    it('publishes a Federation 2 SDL with @link and @key', async () => {
      const res = await graphqlClient(subgraphUrl())('{ _service { sdl } }');
      expect(res.data._service.sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
      expect(res.data._service.sdl).toMatch(/@key\(fields: "[^"]+"\)/);
    });

    it.each(checks.map((c) => [c.typename, c] as const))('resolves a batch of %s representations in constant SQL, unknown keys without error', async (_t, check) => {
      const gql = graphqlClient(subgraphUrl());
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${check.selection} } }`;
      const known = check.known().map((key) => ({ __typename: check.typename, ...key }));
      const before = await metric(subgraphUrl(), 'saf_sql_statements_total');
      const res = await gql(query, { r: [...known, { __typename: check.typename, ...check.unknown }] });
      const statements = (await metric(subgraphUrl(), 'saf_sql_statements_total')) - before;
      expect(res.errors).toBeUndefined();
      expect(res.data._entities).toHaveLength(known.length + 1);
      expect(statements).toBeLessThanOrEqual(check.statements ?? 1);
      const last = res.data._entities[known.length];
      if (check.unknownIsNull ?? true) expect(last).toBeNull();
      else expect(last).not.toBeNull();
      // The same cost for a batch twice the size.
      const again = await metric(subgraphUrl(), 'saf_sql_statements_total');
      await gql(query, { r: [...known, ...known] });
      expect((await metric(subgraphUrl(), 'saf_sql_statements_total')) - again).toBe(statements);
    });
  });
}
