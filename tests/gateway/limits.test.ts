import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildSchema, parse, validate } from 'graphql';
import { composeSupergraph, DEFAULT_LIMITS, fetchLiveSdl, limitsFromEnv, operationLimitsRule, startGateway, type RunningGateway } from '@saf/gateway';
import { graphqlClient } from '../support/graphql';
import { startToyDepartment, YEAR } from './support/sectorViewFixtures';
import type { TestSubgraph } from './support/subgraph';

/** Query limits at the gateway: depth, aliases, tokens and cost, with their codes; production mode. */
jest.setTimeout(60_000);

const ID = '3607291000010001';
const subgraphs: TestSubgraph[] = [];
let gateway: RunningGateway;

beforeAll(async () => {
  const names = ['register', 'housing', 'finance', 'education'] as const;
  for (const name of names) subgraphs.push(await startToyDepartment(name));
  const services = await Promise.all(names.map(async (name, i) => ({ name, url: subgraphs[i].url, typeDefs: await fetchLiveSdl(subgraphs[i].url) })));
  const composed = composeSupergraph(services);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-limits-'));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    supergraphPath: path.join(dir, 'supergraph.graphql'),
    watch: false,
    logger: pino({ level: 'silent' }),
    limits: { maxDepth: 5, maxAliases: 2, maxTokens: 120, maxCost: 60, listSize: 10, production: true },
  });
});

afterAll(async () => {
  await gateway?.close();
  for (const s of subgraphs) await s.close();
});

const gql = (query: string) => graphqlClient(gateway.url)(query, { id: ID, year: YEAR });
const codes = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => (res.errors ?? []).map((e) => e.extensions?.code);

it('answers a document within every limit', async () => {
  const res = await gql('query($id: HouseholdId!, $year: Int!) { household(id: $id) { id assistance(year: $year) { area status } } }');
  expect(res.errors).toBeUndefined();
  expect(res.data.household.assistance).toHaveLength(3);
});

it('refuses a document nested too deep, with QUERY_TOO_DEEP', async () => {
  const res = await gql('query($id: HouseholdId!, $year: Int!) { household(id: $id) { assistance(year: $year) { contributions { verdict { evidence { recordId } } } } } }');
  expect(codes(res)).toContain('QUERY_TOO_DEEP');
  expect(res.data).toBeUndefined();
});

it('refuses too many aliases, with TOO_MANY_ALIASES', async () => {
  const res = await gql('query($id: HouseholdId!) { a: household(id: $id) { id } b: household(id: $id) { id } c: household(id: $id) { id } }');
  expect(codes(res)).toEqual(['TOO_MANY_ALIASES']);
});

it('refuses a document with too many tokens, with QUERY_TOO_LARGE', async () => {
  const fields = Array.from({ length: 150 }, () => 'id').join(' ');
  const res = await gql(`query($id: HouseholdId!) { household(id: $id) { ${fields} } }`);
  expect(codes(res)).toEqual(['QUERY_TOO_LARGE']);
});

it('sizes a paginated list by its first argument, other lists by the assumed list size', () => {
  const schema = buildSchema(`
    type Query { households(first: Int): HouseholdConnection! regions: [Region!]! }
    type HouseholdConnection { nodes: [Household!]! }
    type Household { id: ID! members: [Person!]! }
    type Person { id: ID! }
    type Region { code: ID! }
  `);
  const cost = (query: string, variables?: Record<string, unknown>) => {
    const errors = validate(schema, parse(query), [operationLimitsRule({ ...DEFAULT_LIMITS, maxCost: 1, listSize: 10 }, () => variables)]);
    return errors.map((e) => e.extensions.found);
  };
  // connection 1 + nodes 3 + members 3 × 10
  expect(cost('{ households(first: 3) { nodes { id members { id } } } }')).toEqual([34]);
  expect(cost('query($n: Int) { households(first: $n) { nodes { id } } }', { n: 100 })).toEqual([101]);
  expect(cost('{ regions { code } }')).toEqual([10]);
});

it('refuses a document whose estimated cost is too high, before running it', async () => {
  const res = await gql('query($id: HouseholdId!, $year: Int!) { household(id: $id) { assistance(year: $year) { contributions { measures { recordId } } } } }');
  expect(codes(res)).toEqual(['QUERY_TOO_COSTLY']);
  expect(res.errors![0].extensions).toMatchObject({ limit: 60 });
});

it('in production: no introspection and no field suggestions', async () => {
  const intro = await gql('{ __schema { queryType { name } } }');
  expect(intro.errors?.[0].message).toMatch(/introspection/i);
  const typo = await gql('query($id: HouseholdId!) { household(id: $id) { idd } }');
  expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
});

it('reads the limits from the environment, refusing nonsense', () => {
  expect(limitsFromEnv({ GATEWAY_MAX_DEPTH: '7', NODE_ENV: 'production' })).toMatchObject({ maxDepth: 7, production: true });
  expect(() => limitsFromEnv({ GATEWAY_MAX_COST: '-1' })).toThrow(/GATEWAY_MAX_COST/);
});
