import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemaPool } from '../support/pools';
import { createTestDatabase, RunningSubgraph, startDepartmentSubgraph, TestDatabase } from '@saf/kit';
import { composeSupergraph, fetchLiveSdl, RunningGateway, startGateway } from '@saf/gateway';
import { graphqlClient, metric } from '../support/graphql';
import { DEPARTMENTS } from '../support/departments';
import { iterateHouseholds } from '@saf/poverty-office';
import { civilAffairsRecordsFor, unregisteredRosterFor } from '@saf/civil-affairs';

/**
 * Every department behind the real gateway, each on its own database with the same generated
 * county: one query reads a household from all of them, at a constant SQL cost per subgraph.
 */
jest.setTimeout(240_000);
const HOUSEHOLDS = 150;
const running: Array<{ subgraph: RunningSubgraph; database: TestDatabase }> = [];
let gateway: RunningGateway;
let gql: ReturnType<typeof graphqlClient>;

beforeAll(async () => {
  const [povertyOffice, ...departments] = Object.values(DEPARTMENTS);
  const start = async (definition: (typeof departments)[number], registerUrl?: string) => {
    const database = await createTestDatabase();
    const subgraph = await startDepartmentSubgraph(definition, { port: 0, host: '127.0.0.1', target: database.target, registerUrl });
    const pool = schemaPool(subgraph.database.url, subgraph.database.schema);
    await definition.syntheticData!.load(pool, { size: HOUSEHOLDS, seed: 1 });
    await pool.end();
    running.push({ subgraph, database });
    return subgraph;
  };
  const register = await start(povertyOffice);
  for (const department of departments) await start(department, register.url);
  const composed = composeSupergraph(
    await Promise.all(running.map(async ({ subgraph }) => ({ name: subgraph.name, url: subgraph.url, typeDefs: await fetchLiveSdl(subgraph.url, 5000) }))),
  );
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-all-'));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path.join(dir, 'supergraph.graphql'), upstreamTimeoutMs: 30_000, watch: false });
  gql = graphqlClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
  for (const { subgraph, database } of running.reverse()) {
    await subgraph.close();
    await database.drop();
  }
});

const HOUSEHOLD_FIELDS = `
  id status welfareCategory region { name }
  members { id name healthInsurance(year: 2020) { covered } enrolments { id } }
  students { id aid { item amount } }
  hospitalSettlements { id totalCost }
  dibaoEnrolments { id }
  dwelling { rating } housingSafety { status }
  disbursements { programme dutyArea department amount }`;

it('reads households from all six departments in one query', async () => {
  const res = await gql(`{ households(first: ${HOUSEHOLDS}) { nodes { ${HOUSEHOLD_FIELDS} } } }`);
  expect(res.errors).toBeUndefined();
  const nodes: any[] = res.data.households.nodes;
  expect(nodes).toHaveLength(HOUSEHOLDS);
  const some = (pick: (n: any) => unknown[] | unknown) => nodes.some((n) => {
    const value = pick(n);
    return Array.isArray(value) ? value.length > 0 : value != null;
  });
  expect(some((n) => n.members.flatMap((m: any) => m.enrolments))).toBe(true); // education
  expect(some((n) => n.students.flatMap((s: any) => s.aid))).toBe(true); // education aid
  expect(some((n) => n.members.map((m: any) => m.healthInsurance))).toBe(true); // health
  expect(some((n) => n.hospitalSettlements)).toBe(true); // health
  expect(some((n) => n.dibaoEnrolments)).toBe(true); // civil affairs
  expect(some((n) => n.dwelling)).toBe(true); // housing
  expect(some((n) => n.disbursements)).toBe(true); // finance
});

it('costs every subgraph the same number of SQL statements for 10 and 100 households', async () => {
  const statements = async (first: number) => {
    const before = await Promise.all(running.map(({ subgraph }) => metric(subgraph.url, 'saf_sql_statements_total')));
    const res = await gql(`{ households(first: ${first}) { nodes { ${HOUSEHOLD_FIELDS} } } }`);
    expect(res.errors).toBeUndefined();
    const after = await Promise.all(running.map(({ subgraph }) => metric(subgraph.url, 'saf_sql_statements_total')));
    return Object.fromEntries(running.map(({ subgraph }, i) => [subgraph.name, after[i] - before[i]]));
  };
  const ten = await statements(10);
  const hundred = await statements(100);
  expect(hundred).toEqual(ten);
  for (const count of Object.values(ten)) expect(count).toBeLessThanOrEqual(12);
});

it("runs the README's one-household query", async () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const query = /```graphql\n(query OneHousehold[\s\S]*?)```/.exec(readme)![1];
  const [first] = (await gql('{ households(first: 1) { nodes { id } } }')).data.households.nodes;
  const res = await gql(query, { id: first.id });
  expect(res.errors).toBeUndefined();
  expect(res.data.household.id).toBe(first.id);
  expect(res.data.household.housingSafety).not.toBeNull();
});

const ASSISTANCE_VIEW = `
  id
  assistance(year: 2019) {
    area status statusReason leadFederated
    dutyArea { code }
    contributions { department role measures { recordType recordId programme year amount sourceRecordId } verdict { needed met reason expects { department sourceRecordId } } }
  }
  exitAssessment(year: 2019) { mayStartExit blockers { predicate department reason } predicates { predicate department status reason evidence { recordType recordId date } } }`;

describe('the sector assistance view through the gateway', () => {
  it('gives every household the 19 duty areas with a status, and an exit assessment of six predicates', async () => {
    const res = await gql(`{ households(first: 50) { nodes { ${ASSISTANCE_VIEW} } } }`);
    expect(res.errors).toBeUndefined();
    const nodes: any[] = res.data.households.nodes;
    const statuses = new Set<string>();
    for (const h of nodes) {
      expect(h.assistance).toHaveLength(19);
      for (const a of h.assistance) {
        statuses.add(`${a.area}:${a.status}`);
        expect(a.status).toEqual(a.leadFederated ? expect.stringMatching(/^(NOT_NEEDED|COVERED|GAP)$/) : 'LEAD_NOT_FEDERATED');
      }
      expect(h.exitAssessment.predicates.map((p: any) => p.predicate)).toEqual(['INCOME', 'FOOD_AND_CLOTHING', 'COMPULSORY_EDUCATION', 'BASIC_MEDICAL_CARE', 'HOUSING_SAFETY', 'DRINKING_WATER']);
      expect(h.exitAssessment.mayStartExit).toBe(h.exitAssessment.blockers.length === 0);
    }
    // The generated county exercises the lead departments' areas both ways.
    for (const area of ['EDUCATION', 'HEALTH', 'SOCIAL_SAFETY_NET', 'HOUSING_RENOVATION']) {
      expect([...statuses].filter((s) => s.startsWith(`${area}:`)).length).toBeGreaterThan(1);
    }
  });

  it('costs every subgraph the same number of SQL statements for 10 and 100 households with the full view', async () => {
    const statements = async (first: number) => {
      const before = await Promise.all(running.map(({ subgraph }) => metric(subgraph.url, 'saf_sql_statements_total')));
      const res = await gql(`{ households(first: ${first}) { nodes { ${ASSISTANCE_VIEW} } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.households.nodes).toHaveLength(first);
      const after = await Promise.all(running.map(({ subgraph }) => metric(subgraph.url, 'saf_sql_statements_total')));
      return Object.fromEntries(running.map(({ subgraph }, i) => [subgraph.name, after[i] - before[i]]));
    };
    await statements(10); // warm: reference data (the duty matrix) is cached per process for a minute
    const ten = await statements(10);
    const hundred = await statements(100);
    expect(hundred).toEqual(ten);
  });

  it('answers the dashboard aggregates and the cross-department checks for the county', async () => {
    const county = (await gql('{ households(first: 1) { nodes { id } } }')).data.households.nodes[0].id.slice(0, 6);
    const res = await gql(
      `query($p: String!) {
        registerTotals(regionPrefix: $p, year: 2019, groupBy: COUNTY) { regionCode households persons }
        areaCoverage(regionPrefix: $p, year: 2019, groupBy: COUNTY) { area leadFederated department inNeed covered gap shareCovered }
        measureTotals(regionPrefix: $p, year: 2019, groupBy: COUNTY) { department role area programme measures households amount }
        exitReadiness(regionPrefix: $p, year: 2019) { householdsInPoverty exitReady blocked blockedBy { predicate households } unassessedPredicates exitReadyHouseholds(first: 5) { totalCount households { id } } }
        safetyNetReconciliation(regionPrefix: $p, on: "2019-12-31", first: 10) { totalCount countsByIssue { issue count } findings { householdId issue household { id } } }
        dibaoLineCheck(regionPrefix: $p, year: 2016) { countyCode ruralDibaoLine povertyLine shortfall below }
        equalTreatment(regionPrefix: $p, year: 2019) { area poorVillages { villages inNeed covered } otherVillages { villages inNeed covered } difference }
      }`,
      { p: county },
    );
    expect(res.errors).toBeUndefined();
    const d = res.data;
    const registered = d.registerTotals.reduce((n: number, r: any) => n + r.households, 0);
    expect(registered).toBe(HOUSEHOLDS);
    expect(d.areaCoverage.filter((r: any) => r.leadFederated).map((r: any) => r.area).sort()).toEqual(
      expect.arrayContaining(['EDUCATION', 'HEALTH', 'HOUSING_RENOVATION', 'SOCIAL_SAFETY_NET']),
    );
    for (const r of d.areaCoverage.filter((x: any) => x.leadFederated)) expect(r.covered + r.gap).toBe(r.inNeed);
    expect(new Set(d.measureTotals.map((m: any) => m.department))).toEqual(new Set(['EDUCATION', 'HEALTH', 'CIVIL_AFFAIRS', 'HOUSING', 'FINANCE', 'POVERTY_OFFICE']));
    const exit = d.exitReadiness;
    expect(exit.unassessedPredicates).toEqual([]);
    expect(exit.exitReady + exit.blocked).toBe(exit.householdsInPoverty);
    expect(exit.exitReadyHouseholds.totalCount).toBe(exit.exitReady);
    expect(d.safetyNetReconciliation.totalCount).toBeGreaterThan(0);
    expect(d.dibaoLineCheck.length).toBeGreaterThan(0);
    expect(d.equalTreatment.length).toBeGreaterThan(0);
  });
});

describe('两线合一 against the generator\'s deliberate mismatches', () => {
  /** The issue each planted mismatch must raise (subgraphs/civil-affairs/src/generator/households.ts). */
  const ISSUE_OF: Record<string, string> = {
    HOUSEHOLD_NOT_IN_REGISTER: 'ROSTER_HOUSEHOLD_NOT_IN_REGISTER',
    NO_ACTIVE_DIBAO: 'REGISTER_CATEGORY_NOT_IN_ROSTER',
    DIBAO_ON_NON_DIBAO_HOUSEHOLD: 'ROSTER_NOT_IN_REGISTER_CATEGORY',
    MEMBER_NOT_COVERED: 'REGISTER_MEMBER_NOT_IN_ROSTER',
    COVERED_PERSON_NOT_MEMBER: 'PERSON_IN_ROSTER_NOT_REGISTER_MEMBER',
  };

  it('finds exactly the planted mismatches, page by page', async () => {
    const planted = [
      ...[...iterateHouseholds(HOUSEHOLDS, 1)].flatMap((bundle) => civilAffairsRecordsFor(bundle, 1).mismatches),
      ...unregisteredRosterFor(HOUSEHOLDS, 1).flatMap((r) => r.mismatches),
    ];
    const expected = new Set(planted.map((m) => `${m.householdId}|${ISSUE_OF[m.kind]}`));
    const county = [...expected][0].slice(0, 6);
    const found = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    do {
      const res: any = await gql(
        `query($p: String!, $after: String) { safetyNetReconciliation(regionPrefix: $p, on: "2020-12-31", first: 2, after: $after) { totalCount hasNextPage endCursor findings { householdId issue } } }`,
        { p: county, after },
      );
      expect(res.errors).toBeUndefined();
      for (const f of res.data.safetyNetReconciliation.findings) found.add(`${f.householdId}|${f.issue}`);
      after = res.data.safetyNetReconciliation.hasNextPage ? res.data.safetyNetReconciliation.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBeGreaterThan(1);
    expect(found.size).toBeGreaterThan(0);
    expect([...found].sort()).toEqual([...expected].sort());
  });
});

describe("the README's sector view examples", () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

  it('runs the SectorView query', async () => {
    const query = /```graphql\n(query SectorView[\s\S]*?)```/.exec(readme)![1];
    const [first] = (await gql('{ households(first: 1) { nodes { id } } }')).data.households.nodes;
    const res = await gql(query, { id: first.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.household.assistance).toHaveLength(19);
    expect(res.data.household.exitAssessment.predicates).toHaveLength(6);
  });

  it('runs the dashboard query', async () => {
    const query = /```graphql\n(\{\n  registerTotals[\s\S]*?)```/.exec(readme)![1];
    const res = await gql(query);
    expect(res.errors).toBeUndefined();
    expect(res.data.registerTotals.length).toBeGreaterThan(0);
    expect(res.data.safetyNetReconciliation.totalCount).toBeGreaterThan(0);
  });
});
