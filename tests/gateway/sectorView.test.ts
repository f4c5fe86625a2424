import { caseworker, tokenFor } from '../support/auth';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph, coveredLength, fetchLiveSdl, startGateway, type RunningGateway } from '@saf/gateway';
import { graphqlClient } from '../support/graphql';
import { MEMBERS, startToyDepartment, TOY_DEPARTMENTS, YEAR } from './support/sectorViewFixtures';
import type { TestSubgraph } from './support/subgraph';

/**
 * The sector view's mechanics through the real gateway, on toy departments: statuses composed
 * from each lead's verdict and the supporting parts it expects, chained @requires (the register's
 * members → education's verdict → the status), the exit assessment, and a newcomer department
 * joining the view with no change to any other subgraph.
 */
jest.setTimeout(60_000);

const A = '3607291000010001';
const B = '3607291000010002';
const subgraphs: Record<string, TestSubgraph> = {};
let gateway: RunningGateway;
let dir: string;

async function compose(names: string[]): Promise<string> {
  const services = await Promise.all(names.map(async (name) => ({ name, url: subgraphs[name].url, typeDefs: await fetchLiveSdl(subgraphs[name].url) })));
  const composed = composeSupergraph(services);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  return composed.supergraphSdl;
}

beforeAll(async () => {
  for (const name of Object.keys(TOY_DEPARTMENTS) as Array<keyof typeof TOY_DEPARTMENTS>) subgraphs[name] = await startToyDepartment(name);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-sector-view-'));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), await compose(['register', 'education', 'housing', 'finance']));
  gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path.join(dir, 'supergraph.graphql'), watch: false, logger: require('pino')({ level: process.env.GW_LOG ?? 'silent' }) });
});

afterAll(async () => {
  await gateway?.close();
  for (const s of Object.values(subgraphs)) await s.close();
});

const VIEW = `query($id: HouseholdId!, $year: Int!) {
  household(id: $id) {
    assistance(year: $year) { area status statusReason contributions { department role measures { recordId sourceRecordId } verdict { needed met } } }
    exitAssessment(year: $year) { mayStartExit blockers { predicate department status reason } predicates { predicate status } }
  }
}`;

function byArea(assistance: Array<{ area: string }>) {
  return Object.fromEntries(assistance.map((a) => [a.area, a])) as Record<string, any>;
}

it('composes a sector view whose SDL lists each department field it reads', async () => {
  const supergraph = fs.readFileSync(path.join(dir, 'supergraph.graphql'), 'utf8');
  expect(supergraph).toMatch(/SECTOR_VIEW @join__graph\(name: "sector-view"/);
  expect(supergraph).toMatch(/status: CoverageStatus @join__field\(\s*graph: SECTOR_VIEW\s*requires: "leadFederated education\s*\{/);
});

it('decides each area: covered with the expected payment, a gap without it, not needed, lead not federated', async () => {
  const gql = graphqlClient(gateway.url);
  const a = await gql(VIEW, { id: A, year: YEAR });
  expect(a.errors).toBeUndefined();
  const areasA = byArea(a.data.household.assistance);
  expect(areasA.EDUCATION.status).toBe('COVERED'); // the register's school-age child reached education through @requires
  expect(areasA.HOUSING_RENOVATION).toMatchObject({ status: 'COVERED' });
  expect(areasA.HOUSING_RENOVATION.contributions.map((c: { department: string; role: string }) => `${c.department}:${c.role}`)).toEqual(['HOUSING:LEAD', 'FINANCE:SUPPORT']);
  expect(areasA.CULTURE).toMatchObject({ status: 'LEAD_NOT_FEDERATED', contributions: [] });

  const b = await gql(VIEW, { id: B, year: YEAR });
  const areasB = byArea(b.data.household.assistance);
  expect(areasB.EDUCATION.status).toBe('NOT_NEEDED'); // nobody of school age
  expect(areasB.HOUSING_RENOVATION.status).toBe('GAP');
  expect(areasB.HOUSING_RENOVATION.statusReason).toContain(`FINANCE renovation subsidy paid (RN-${B})`);
  expect(MEMBERS[B]).toHaveLength(1);
});

it('assesses exit as the AND of the predicates, unanswered ones blocking', async () => {
  const gql = graphqlClient(gateway.url);
  const b = (await gql(VIEW, { id: B, year: YEAR })).data.household.exitAssessment;
  expect(b.mayStartExit).toBe(false);
  // Health is not in this toy federation: BASIC_MEDICAL_CARE has no answer and blocks.
  expect(b.blockers.map((p: { predicate: string }) => p.predicate).sort()).toEqual(['BASIC_MEDICAL_CARE', 'DRINKING_WATER', 'FOOD_AND_CLOTHING', 'HOUSING_SAFETY']);
  expect(b.predicates.find((p: { predicate: string }) => p.predicate === 'COMPULSORY_EDUCATION').status).toBe('NOT_APPLICABLE');
});

it('takes in a newcomer department after recomposition, no other subgraph changed', async () => {
  const before = new Map(await Promise.all(['register', 'education', 'housing', 'finance'].map(async (n) => [n, await fetchLiveSdl(subgraphs[n].url)] as const)));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), await compose(['register', 'education', 'housing', 'finance', 'culture']));
  expect((await gateway.reloadNow()).status).toBe('reloaded');
  const a = await graphqlClient(gateway.url)(VIEW, { id: A, year: YEAR });
  expect(a.errors).toBeUndefined();
  expect(byArea(a.data.household.assistance).CULTURE.contributions).toEqual([
    { department: 'CULTURE', role: 'JOINT', measures: [{ recordId: 'P-1', sourceRecordId: null }], verdict: null },
  ]);
  for (const [name, sdl] of before) expect(await fetchLiveSdl(subgraphs[name].url)).toBe(sdl);
  expect(printSubgraphSchema).toBeDefined();
});

describe('Server-Timing', () => {
  it('splits each response into time waiting on subgraphs and the gateway own time', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(caseworker())}` },
      body: JSON.stringify({ query: VIEW, variables: { id: A, year: YEAR } }),
    });
    const header = res.headers.get('server-timing') ?? '';
    const dur = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(header)?.[1]);
    expect(dur('upstream')).toBeGreaterThan(0);
    expect(dur('total')).toBeGreaterThanOrEqual(dur('upstream'));
    expect(dur('gateway')).toBeCloseTo(dur('total') - dur('upstream'), 0);
  });

  it('counts parallel subgraph fetches once', () => {
    expect(coveredLength([[0, 10], [5, 15], [20, 25]])).toBe(20);
    expect(coveredLength([])).toBe(0);
  });
});
