import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeSupergraph, fetchLiveSdl, RunningGateway, startGateway } from '@saf/gateway';
import { HouseholdBundle } from '@saf/poverty-office';
import { assessHousingSafety, DwellingRating, housing, HousingRecords, housingRecordsFor, HousingSafetyStatus, loadHousing } from '@saf/housing';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { describeSubgraphCompatibility } from '../support/federationCompatibility';
import { errorCodes, graphqlClient, GraphQLResponse, metric } from '../support/graphql';

/** The housing subgraph on a generated county of 300 households, next to the poverty office. */
const SIZE = 300;
let h: DepartmentHarness;
let recs: HousingRecords[];
beforeAll(async () => {
  h = await startDepartmentHarness(housing, { households: SIZE, load: (pool, o) => loadHousing(pool, o) });
  recs = h.households.map((b) => housingRecordsFor(b, 1));
});
afterAll(() => h?.stop());

const count = async (table: string) => Number((await h.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
const counts = () => Promise.all(['dwelling_appraisal', 'renovation_project', 'relocation_housing', 'relocation_member', 'change_event', 'idempotency_key'].map(count));
const events = async (householdId: string) =>
  (await h.pool.query('SELECT record, record_id, kind, person_id FROM change_event WHERE household_id = $1 ORDER BY id', [householdId])).rows;
const entities = (typename: string, ids: string[], selection: string) =>
  h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id ${selection} } } }`, { r: ids.map((id) => ({ __typename: typename, id })) });
const ok = <T = any>(res: GraphQLResponse<T>): T => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};
const village = (id: string) => id.slice(0, 12);
const allRecs = () => h.households.map((b, i) => ({ b, r: recs[i] }));

describe('root queries', () => {
  it('lists a village\'s appraisals of a year, like the generator made them', async () => {
    const { b } = allRecs().find(({ r }) => r.appraisals.some((a) => a.appraisalDate.startsWith('2015')))!;
    const expected = recs.flatMap((r) => r.appraisals).filter((a) => village(a.householdId) === village(b.household.id) && a.appraisalDate.startsWith('2015'));
    const data = ok(await h.gql(`query($v: String!) { dwellingAppraisals(filter: { regionPrefix: $v, year: 2015 }, first: 1000) { totalCount nodes { id householdId rating appraisalDate floorArea isLatest year dangerous dutyArea } } }`, { v: village(b.household.id) }));
    expect(data.dwellingAppraisals.totalCount).toBe(expected.length);
    expect(data.dwellingAppraisals.nodes).toEqual(
      expected.map((a) => ({ id: a.id, householdId: a.householdId, rating: a.rating, appraisalDate: a.appraisalDate, floorArea: a.floorArea, isLatest: a.isLatest, year: 2015, dangerous: a.rating === 'C' || a.rating === 'D', dutyArea: 'HOUSING_RENOVATION' })),
    );
  });

  it('pages through a township with cursors and a total count', async () => {
    const town = h.households[0].household.id.slice(0, 9);
    const expected = recs.flatMap((r) => r.appraisals).filter((a) => a.householdId.startsWith(town)).map((a) => a.id);
    expect(expected.length).toBeGreaterThan(40);
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const data: any = ok(await h.gql(`query($t: String!, $after: String) { dwellingAppraisals(filter: { regionPrefix: $t }, first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { t: town, after }));
      const conn = data.dwellingAppraisals;
      expect(conn.totalCount).toBe(expected.length);
      ids.push(...conn.nodes.map((n: { id: string }) => n.id));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(ids).toEqual(expected);
  });

  it('counts the current ratings of the county', async () => {
    const latest = recs.map((r) => r.appraisals[r.appraisals.length - 1].rating);
    const data = ok(await h.gql(`{ dwellingRatingCounts(filter: { regionPrefix: "500154", latestOnly: true }) { rating count } }`));
    expect(data.dwellingRatingCounts).toEqual(['A', 'B', 'C', 'D'].map((rating) => ({ rating, count: latest.filter((r) => r === rating).length })).filter((c) => c.count > 0));
  });

  it('filters renovations by year and status, with totals by status and type', async () => {
    const projects = recs.flatMap((r) => r.renovations);
    const of2016 = projects.filter((p) => p.planYear === 2016 && ['MOVED_IN', 'ACCEPTED'].includes(p.status));
    const data = ok(await h.gql(`{
      renovationProjects(filter: { year: 2016, statuses: [MOVED_IN, ACCEPTED] }, first: 1000) { totalCount nodes { id status subsidy dutyRole appraisal { id } } }
      renovationTotals(filter: { regionPrefix: "500154" }) { count subsidy selfRaisedFunds byType { key count subsidy } byStatus { key count } }
    }`));
    expect(data.renovationProjects.totalCount).toBe(of2016.length);
    expect(data.renovationProjects.nodes.map((n: { id: string }) => n.id)).toEqual(of2016.map((p) => p.id));
    expect(data.renovationProjects.nodes[0]).toEqual({ id: of2016[0].id, status: of2016[0].status, subsidy: (of2016[0].subsidyFen / 100).toFixed(2), dutyRole: 'LEAD', appraisal: { id: of2016[0].appraisalId } });
    const fen = (list: typeof projects, pick: (p: (typeof projects)[number]) => number) => (list.reduce((s, p) => s + pick(p), 0) / 100).toFixed(2);
    expect(data.renovationTotals).toMatchObject({ count: projects.length, subsidy: fen(projects, (p) => p.subsidyFen), selfRaisedFunds: fen(projects, (p) => p.selfRaisedFen) });
    const rebuilt = projects.filter((p) => p.type === 'REBUILD');
    expect(data.renovationTotals.byType).toContainEqual({ key: 'REBUILD', count: rebuilt.length, subsidy: fen(rebuilt, (p) => p.subsidyFen) });
    expect(data.renovationTotals.byStatus.reduce((s: number, g: { count: number }) => s + g.count, 0)).toBe(projects.length);
  });

  it('lists resettlement housing with its relocated persons and passes acceptance years for finance', async () => {
    const moved = recs.filter((r) => r.relocation?.moveInDate);
    const data = ok(await h.gql(`{
      relocationHousings(filter: { movedIn: true }, first: 1000) { totalCount nodes { id personsRelocated relocatedPersons { id } dutyArea dutyRole leadDepartment } }
      accepted2016: renovationProjects(filter: { acceptedYear: 2016 }, first: 0) { totalCount pageInfo { hasNextPage } }
    }`));
    expect(data.relocationHousings.totalCount).toBe(moved.length);
    expect(moved.length).toBeGreaterThan(0);
    expect(data.relocationHousings.nodes[0]).toEqual({
      id: moved[0].relocation!.id, personsRelocated: moved[0].relocation!.personsRelocated, relocatedPersons: moved[0].relocationMembers.map((m) => ({ id: m.personId })),
      dutyArea: 'RELOCATION', dutyRole: 'SUPPORT', leadDepartment: 'DEVELOPMENT_REFORM',
    });
    const accepted2016 = recs.flatMap((r) => r.renovations).filter((p) => p.acceptanceResult === 'PASSED' && p.acceptanceDate!.startsWith('2016'));
    expect(data.accepted2016).toEqual({ totalCount: accepted2016.length, pageInfo: { hasNextPage: accepted2016.length > 0 } });
  });

  it('lists the unsafe dwellings pending renovation, as the housing-safety rule sees them', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const unsafe = allRecs().filter(({ r }) => assessHousingSafety(r.appraisals, r.renovations, r.relocation, today).status === HousingSafetyStatus.UNSAFE);
    expect(unsafe.length).toBeGreaterThan(0);
    const data = ok(await h.gql(`{ unsafeDwellings(first: 1000) { totalCount nodes { householdId rating isLatest renovation { status } } } }`));
    expect(data.unsafeDwellings.nodes.map((n: { householdId: string }) => n.householdId)).toEqual(unsafe.map(({ b }) => b.household.id));
    expect(data.unsafeDwellings.totalCount).toBe(unsafe.length);
    for (const n of data.unsafeDwellings.nodes) expect(n).toMatchObject({ isLatest: true, rating: expect.stringMatching(/^[CD]$/) });
  });

  it.each([
    ['a region prefix of odd length', '{ dwellingAppraisals(filter: { regionPrefix: "50015" }) { totalCount } }', 'INVALID_REGION_CODE'],
    ['a year before the register', '{ renovationProjects(filter: { year: 1999 }) { totalCount } }', 'BAD_USER_INPUT'],
    ['a page too large', '{ relocationHousings(first: 5000) { totalCount } }', 'BAD_USER_INPUT'],
    ['a cursor that is not one', '{ dwellingAppraisals(after: "garbage") { totalCount } }', 'BAD_USER_INPUT'],
    ['an unknown rating', '{ dwellingAppraisals(filter: { ratings: [E] }) { totalCount } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a safe rating for unsafe dwellings', '{ unsafeDwellings(filter: { rating: A }) { totalCount } }', 'BAD_USER_INPUT'],
  ])('rejects %s', async (_case, query, code) => {
    expect(errorCodes(await h.gql(query))).toEqual([code]);
  });
});

const HOUSEHOLD_FIELDS = `dwelling { rating renovation { status } } dwellingAppraisals { id } renovations { id appraisal { rating } }
  relocationHousing { id relocatedPersons { id } } housingSafety(on: "2020-12-31") { status evidenceId }`;

describeSubgraphCompatibility('housing', () => h.department.url, [
  {
    typename: 'Household',
    selection: '... on Household { dwelling { rating appraisalDate appraiser } dwellingAppraisals { id rating } }',
    known: () => h.households.slice(0, 10).map((b) => ({ id: b.household.id })),
    unknown: { id: '5001541012990001' },
    unknownIsNull: false,
  },
  {
    typename: 'Household',
    selection: `... on Household { ${HOUSEHOLD_FIELDS} }`,
    known: () => h.households.slice(0, 20).map((b) => ({ id: b.household.id })),
    unknown: { id: '5001541012990001' },
    unknownIsNull: false,
    statements: 6, // one per relation: appraisals, their projects, projects, their appraisals, relocation, relocated persons
  },
  {
    typename: 'Person',
    selection: '... on Person { relocationHousing { id siteName } }',
    known: () => [...recs.flatMap((r) => r.relocationMembers.map((m) => ({ id: m.personId }))).slice(0, 5), ...h.households.slice(0, 5).map((b) => ({ id: b.members[0].id }))],
    unknown: { id: '5001541012990001-01' },
    unknownIsNull: false,
  },
  {
    typename: 'DwellingAppraisal',
    selection: '... on DwellingAppraisal { rating appraisalDate }',
    known: () => recs.slice(0, 10).map((r) => ({ id: r.appraisals[0].id })),
    unknown: { id: '5001541012990001-A01' },
  },
  {
    typename: 'RenovationProject',
    selection: '... on RenovationProject { status subsidy }',
    known: () => recs.flatMap((r) => r.renovations).slice(0, 10).map((p) => ({ id: p.id })),
    unknown: { id: '5001541012990001-R01' },
  },
  {
    typename: 'RelocationHousing',
    selection: '... on RelocationHousing { siteName moveInDate }',
    known: () => recs.filter((r) => r.relocation).slice(0, 5).map((r) => ({ id: r.relocation!.id })),
    unknown: { id: '5001541012990001-S01' },
  },
]);

describe('household fields through the gateway\'s entity requests', () => {
  it('costs the same SQL statements for 10 households as for 100', async () => {
    const run = async (ids: string[]) => {
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      ok(await entities('Household', ids, HOUSEHOLD_FIELDS));
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    // Both batches hold relocated and renovated households, so that every relation is asked for.
    const relocated = allRecs().filter(({ r }) => r.relocationMembers.length > 0).map(({ b }) => b.household.id);
    const renovated = allRecs().filter(({ r }) => r.renovations.length > 0).map(({ b }) => b.household.id);
    const ten = [...relocated.slice(0, 3), ...renovated.slice(0, 4), ...h.households.slice(0, 3).map((b) => b.household.id)];
    const hundred = [...new Set([...relocated, ...renovated, ...h.households.map((b) => b.household.id)])].slice(0, 100);
    const statements = await run(ten);
    expect(statements).toBe(6); // appraisals, their projects, projects, their appraisals, relocations, relocated persons
    expect(await run(hundred)).toBe(statements);
  });

  it('gives each household its latest dwelling rating and the housing-safety verdict with evidence', async () => {
    const some = allRecs().slice(0, 60);
    const data = ok(await entities('Household', some.map(({ b }) => b.household.id), 'dwelling { id rating } housingSafety(on: "2020-12-31") { status basis rating evidenceRecord evidenceId evidenceDate department }'));
    data._entities.forEach((e: any, i: number) => {
      const { r } = some[i];
      const latest = r.appraisals[r.appraisals.length - 1];
      const v = assessHousingSafety(r.appraisals, r.renovations, r.relocation, '2020-12-31');
      expect(e.dwelling).toEqual({ id: latest.id, rating: latest.rating });
      expect(e.housingSafety).toEqual({ status: v.status, basis: v.basis, rating: v.appraisal?.rating ?? null, evidenceRecord: v.evidenceRecord, evidenceId: v.evidenceId, evidenceDate: v.evidenceDate, department: 'HOUSING' });
    });
  });
});

describe('through the gateway, with the poverty office', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    const services = await Promise.all([h.register.subgraph, h.department].map(async (s) => ({ name: s.name, url: s.url, typeDefs: await fetchLiveSdl(s.url, 5000) })));
    const composed = composeSupergraph(services);
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-housing-'));
    fs.writeFileSync(path.join(dir, 'supergraph.graphql'), composed.supergraphSdl);
    gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path.join(dir, 'supergraph.graphql'), upstreamTimeoutMs: 5000, watch: false });
  });
  afterAll(() => gateway?.close());

  it('answers `household { dwelling { rating } }` and joins the register to the housing records both ways', async () => {
    const gql = graphqlClient(gateway.url);
    const { b, r } = allRecs().find(({ r }) => r.relocationMembers.length > 0)!;
    const res = ok(await gql(`query($id: HouseholdId!, $s: ID!) {
      household(id: $id) { id status dwelling { rating appraisalDate } housingSafety(on: "2020-12-31") { status basis } members { id relocationHousing { id } } }
      relocationHousing(id: $s) { household { id welfareCategory } relocatedPersons { id name } }
    }`, { id: b.household.id, s: r.relocation!.id }));
    const latest = r.appraisals[r.appraisals.length - 1];
    expect(res.household).toMatchObject({ id: b.household.id, status: b.household.status, dwelling: { rating: latest.rating, appraisalDate: latest.appraisalDate } });
    expect(res.household.housingSafety.status).toBe(assessHousingSafety(r.appraisals, r.renovations, r.relocation, '2020-12-31').status);
    const relocated = new Set(r.relocationMembers.map((m) => m.personId));
    for (const m of res.household.members) expect(m.relocationHousing).toEqual(relocated.has(m.id) ? { id: r.relocation!.id } : null);
    expect(res.relocationHousing.household).toEqual({ id: b.household.id, welfareCategory: b.household.welfareCategory });
    expect(res.relocationHousing.relocatedPersons.map((p: { name: string }) => p.name)).toEqual(b.members.filter((m) => relocated.has(m.id)).map((m) => m.name));
  });
});

// -------------------------------------------------------------------------------------------------
// Mutations

const RECORD = `mutation($input: RecordDwellingAppraisalInput!, $key: String!) {
  recordDwellingAppraisal(input: $input, idempotencyKey: $key) { replayed appraisal { id householdId rating appraisalDate isLatest floorArea } } }`;
const APPROVE = `mutation($input: ApproveRenovationInput!, $key: String!) {
  approveRenovation(input: $input, idempotencyKey: $key) { replayed renovation { id status planYear approvalDate subsidy selfRaisedFunds totalCost appraisal { id } } } }`;
const STEP = (mutation: string, input: string) => `mutation($id: ID!, $input: ${input}!, $key: String!) {
  ${mutation}(id: $id, input: $input, idempotencyKey: $key) { replayed renovation { id status startDate completionDate acceptanceDate acceptanceResult acceptanceNote moveInDate floorArea } } }`;
const START = STEP('startRenovation', 'StartRenovationInput');
const COMPLETE = STEP('completeRenovation', 'CompleteRenovationInput');
const ACCEPT = STEP('acceptRenovation', 'AcceptRenovationInput');
const MOVE_IN = STEP('recordRenovationMoveIn', 'RenovationMoveInInput');
const SAFETY = (on: string) => `housingSafety(on: "${on}") { status basis evidenceRecord evidenceId evidenceDate renovation { id } }`;

const appraisalInput = (householdId: string, overrides: Record<string, unknown> = {}) => ({
  householdId, rating: 'D', appraisalDate: '2023-03-01', appraiser: '开州区住房和城乡建设委员会鉴定组', method: 'COUNTY_HOUSING_BUREAU',
  structure: 'EARTH', floorArea: 80.5, yearBuilt: 1978, dangerPoints: '承重墙体严重开裂', ...overrides,
});

/** Households for the write tests: latest rating A/B, never relocated, no project under way. */
function quietHouseholds(): Array<{ b: HouseholdBundle; r: HousingRecords }> {
  return allRecs().filter(({ r }) => !r.relocation && ['A', 'B'].includes(r.appraisals[r.appraisals.length - 1].rating) && r.renovations.every((p) => p.acceptanceResult === 'PASSED'));
}

describe('appraisal and renovation lifecycle', () => {
  let X: HouseholdBundle;
  let xr: HousingRecords;
  let appraisalId: string;
  let projectId: string;
  beforeAll(() => ({ b: X, r: xr } = quietHouseholds()[0]));

  it('records an appraisal that becomes the latest, and makes the dwelling unsafe', async () => {
    const res = ok(await h.gql(RECORD, { input: appraisalInput(X.household.id), key: 'appraisal-x-0001' }));
    appraisalId = `${X.household.id}-A${String(xr.appraisals.length + 1).padStart(2, '0')}`;
    expect(res.recordDwellingAppraisal).toEqual({ replayed: false, appraisal: { id: appraisalId, householdId: X.household.id, rating: 'D', appraisalDate: '2023-03-01', isLatest: true, floorArea: 80.5 } });
    const e = ok(await entities('Household', [X.household.id], `dwelling { id } dwellingAppraisals { id isLatest } ${SAFETY('2023-06-01')}`))._entities[0];
    expect(e.dwelling.id).toBe(appraisalId);
    expect(e.dwellingAppraisals.filter((a: { isLatest: boolean }) => a.isLatest)).toEqual([{ id: appraisalId, isLatest: true }]);
    expect(e.housingSafety).toEqual({ status: 'UNSAFE', basis: 'DANGEROUS', evidenceRecord: 'DwellingAppraisal', evidenceId: appraisalId, evidenceDate: '2023-03-01', renovation: null });
    expect(await events(X.household.id)).toEqual([{ record: 'DwellingAppraisal', record_id: appraisalId, kind: 'CREATED', person_id: null }]);
  });

  it('replays a repeated key without writing, and rejects the key for another request', async () => {
    const before = await counts();
    const again = ok(await h.gql(RECORD, { input: appraisalInput(X.household.id), key: 'appraisal-x-0001' }));
    expect(again.recordDwellingAppraisal.replayed).toBe(true);
    expect(again.recordDwellingAppraisal.appraisal.id).toBe(appraisalId);
    expect(await counts()).toEqual(before);
    const reused = await h.gql(RECORD, { input: appraisalInput(X.household.id, { rating: 'C' }), key: 'appraisal-x-0001' });
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await counts()).toEqual(before);
  });

  it('approves the renovation of the latest C/D appraisal, once', async () => {
    const input = { householdId: X.household.id, appraisalId, type: 'REBUILD', approvalDate: '2023-04-01', subsidy: '35000.00', selfRaisedFunds: '20000.50' };
    const res = ok(await h.gql(APPROVE, { input, key: 'approve-x-0001' }));
    projectId = `${X.household.id}-R${String(xr.renovations.length + 1).padStart(2, '0')}`;
    expect(res.approveRenovation).toEqual({
      replayed: false,
      renovation: { id: projectId, status: 'APPROVED', planYear: 2023, approvalDate: '2023-04-01', subsidy: '35000.00', selfRaisedFunds: '20000.50', totalCost: '55000.50', appraisal: { id: appraisalId } },
    });
    const before = await counts();
    expect(errorCodes(await h.gql(APPROVE, { input, key: 'approve-x-0002' }))).toEqual(['CONFLICT']);
    const older = xr.appraisals[xr.appraisals.length - 1].id;
    expect(errorCodes(await h.gql(APPROVE, { input: { ...input, appraisalId: older }, key: 'approve-x-0003' }))).toEqual(['CONFLICT']);
    expect(await counts()).toEqual(before);
  });

  it('moves through start, completion, a failed and a passed acceptance, and move-in, in order', async () => {
    const step = async (query: string, input: object, key: string) => h.gql(query, { id: projectId, input, key });
    const before = await counts();
    expect(errorCodes(await step(COMPLETE, { completionDate: '2023-09-30' }, 'complete-too-early'))).toEqual(['CONFLICT']);
    const early = await step(START, { startDate: '2023-03-15' }, 'start-before-approval');
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0].extensions!.field).toBe('input.startDate');
    expect(await counts()).toEqual(before);

    expect(ok(await step(START, { startDate: '2023-04-20' }, 'start-x-0001')).startRenovation.renovation).toMatchObject({ status: 'STARTED', startDate: '2023-04-20' });
    expect(errorCodes(await step(START, { startDate: '2023-04-21' }, 'start-x-0002'))).toEqual(['CONFLICT']);
    expect(ok(await step(COMPLETE, { completionDate: '2023-09-30', floorArea: 60 }, 'complete-x-0001')).completeRenovation.renovation).toMatchObject({ status: 'COMPLETED', floorArea: 60 });

    const noNote = await step(ACCEPT, { acceptanceDate: '2023-10-10', result: 'FAILED' }, 'accept-no-note');
    expect(errorCodes(noNote)).toEqual(['BAD_USER_INPUT']);
    expect(noNote.errors![0].extensions!.field).toBe('input.note');
    expect(errorCodes(await step(ACCEPT, { acceptanceDate: '2023-09-01', result: 'PASSED' }, 'accept-before-completion'))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await step(ACCEPT, { acceptanceDate: '2023-10-10', result: 'FAILED', note: '圈梁构造柱设置不足' }, 'accept-x-0001')).acceptRenovation.renovation)
      .toMatchObject({ status: 'FAILED_ACCEPTANCE', acceptanceResult: 'FAILED', acceptanceNote: '圈梁构造柱设置不足' });
    const unsafe = ok(await entities('Household', [X.household.id], SAFETY('2023-10-31')))._entities[0].housingSafety;
    expect(unsafe).toMatchObject({ status: 'UNSAFE', renovation: { id: projectId } });
    expect(errorCodes(await step(ACCEPT, { acceptanceDate: '2023-10-10', result: 'PASSED' }, 'accept-same-day'))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await step(ACCEPT, { acceptanceDate: '2023-11-20', result: 'PASSED', note: '整改后复验合格' }, 'accept-x-0002')).acceptRenovation.renovation)
      .toMatchObject({ status: 'ACCEPTED', acceptanceDate: '2023-11-20', acceptanceResult: 'PASSED' });
    expect(errorCodes(await step(MOVE_IN, { moveInDate: '2023-11-01' }, 'move-in-too-early'))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await step(MOVE_IN, { moveInDate: '2023-12-01' }, 'move-in-x-0001')).recordRenovationMoveIn.renovation).toMatchObject({ status: 'MOVED_IN', moveInDate: '2023-12-01' });

    const e = ok(await entities('Household', [X.household.id], `before: ${SAFETY('2023-11-19')} after: ${SAFETY('2024-01-01')}`))._entities[0];
    expect(e.before.status).toBe('UNSAFE');
    expect(e.after).toEqual({ status: 'SAFE', basis: 'RENOVATED', evidenceRecord: 'RenovationProject', evidenceId: projectId, evidenceDate: '2023-11-20', renovation: { id: projectId } });
    const renovationEvents = (await events(X.household.id)).filter((ev) => ev.record === 'RenovationProject');
    expect(renovationEvents.map((ev) => [ev.record_id, ev.kind])).toEqual([[projectId, 'CREATED'], ...Array(5).fill([projectId, 'UPDATED'])]);

    const listed = ok(await h.gql(`query($v: String!) { renovationProjects(filter: { regionPrefix: $v, year: 2023 }) { nodes { id } } renovationTotals(filter: { year: 2023 }) { count subsidy } }`, { v: village(X.household.id) }));
    expect(listed.renovationProjects.nodes).toEqual([{ id: projectId }]);
    expect(listed.renovationTotals).toEqual({ count: 1, subsidy: '35000.00' });
  });

  it.each([
    ['an unknown project', 'startRenovation', '5001541012990001-R01', 'NOT_FOUND'],
    ['a malformed project ID', 'startRenovation', 'R01', 'BAD_USER_INPUT'],
  ])('rejects %s', async (_case, _mutation, id, code) => {
    const before = await counts();
    expect(errorCodes(await h.gql(START, { id, input: { startDate: '2023-01-01' }, key: `bad-project-${id}` }))).toEqual([code]);
    expect(await counts()).toEqual(before);
  });
});

describe('write validation', () => {
  let Z: HouseholdBundle;
  let zr: HousingRecords;
  beforeAll(() => ({ b: Z, r: zr } = quietHouseholds()[1]));

  it.each([
    ['a malformed household ID', { householdId: '123' }, 'INVALID_HOUSEHOLD_ID', undefined],
    ['a household not in the register', { householdId: '5001541012990001' }, 'NOT_IN_REGISTER', 'input.householdId'],
    ['a date in the future', { appraisalDate: '2999-01-01' }, 'BAD_USER_INPUT', 'input.appraisalDate'],
    ['a date before the register', { appraisalDate: '2010-01-01' }, 'BAD_USER_INPUT', 'input.appraisalDate'],
    ['an impossible date', { appraisalDate: '2019-02-29' }, 'INVALID_DATE', undefined],
    ['an unknown rating', { rating: 'E' }, 'BAD_USER_INPUT', undefined],
    ['a floor area of zero', { floorArea: 0 }, 'BAD_USER_INPUT', 'input.floorArea'],
    ['a house built after its appraisal', { yearBuilt: 2024 }, 'BAD_USER_INPUT', 'input.yearBuilt'],
    ['a blank appraiser', { appraiser: '   ' }, 'BAD_USER_INPUT', 'input.appraiser'],
    ['a second appraisal on the same day', { appraisalDate: '__same_day__' }, 'CONFLICT', 'input.appraisalDate'],
  ])('rejects an appraisal with %s and writes nothing', async (_case, overrides, code, field) => {
    const input = appraisalInput(Z.household.id, overrides);
    if (input.appraisalDate === '__same_day__') input.appraisalDate = zr.appraisals[0].appraisalDate;
    const before = await counts();
    const res = await h.gql(RECORD, { input, key: `bad-appraisal-${Math.random()}` });
    expect(res.data?.recordDwellingAppraisal ?? null).toBeNull();
    expect(errorCodes(res)).toEqual([code]);
    if (field) expect(res.errors![0].extensions!.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an appraisal of another household', { appraisalId: '__other__' }, 'CONFLICT'],
    ['a malformed appraisal ID', { appraisalId: 'A01' }, 'BAD_USER_INPUT'],
    ['an unknown appraisal', { appraisalId: '__unknown__' }, 'NOT_FOUND'],
    ['an appraisal rated safe', {}, 'CONFLICT'],
    ['a negative subsidy', { subsidy: '-5.00' }, 'INVALID_MONEY'],
    ['a subsidy with three decimals', { subsidy: '12.345' }, 'INVALID_MONEY'],
    ['an implausible subsidy', { subsidy: '200000.00' }, 'BAD_USER_INPUT'],
    ['an approval before the appraisal', { approvalDate: '2014-01-01' }, 'BAD_USER_INPUT'],
    ['an unknown household', { householdId: '5001541012990001', appraisalId: '5001541012990001-A01' }, 'NOT_IN_REGISTER'],
  ])('rejects an approval with %s and writes nothing', async (_case, overrides: Record<string, string>, code) => {
    const latest = zr.appraisals[zr.appraisals.length - 1];
    const input = { householdId: Z.household.id, appraisalId: latest.id, type: 'REINFORCE', approvalDate: '2023-05-01', subsidy: '10000.00', ...overrides };
    if (input.appraisalId === '__other__') input.appraisalId = recs[0].appraisals[0].id;
    if (input.appraisalId === '__unknown__') input.appraisalId = `${Z.household.id}-A99`;
    const before = await counts();
    const res = await h.gql(APPROVE, { input, key: `bad-approval-${Math.random()}` });
    expect(errorCodes(res)).toEqual([code]);
    expect(await counts()).toEqual(before);
  });

  it('accepts rating C for a latest appraisal and keeps older ones in the history', async () => {
    const res = ok(await h.gql(RECORD, { input: appraisalInput(Z.household.id, { rating: 'C', appraisalDate: '2022-06-01', method: 'THIRD_PARTY', appraiser: '重庆市建筑科学研究院' }), key: 'appraisal-z-0001' }));
    expect(res.recordDwellingAppraisal.appraisal.isLatest).toBe(true);
    // A back-dated appraisal does not replace the latest one.
    const back = ok(await h.gql(RECORD, { input: appraisalInput(Z.household.id, { rating: DwellingRating.A, appraisalDate: '2021-01-05' }), key: 'appraisal-z-0002' }));
    expect(back.recordDwellingAppraisal.appraisal.isLatest).toBe(false);
    const e = ok(await entities('Household', [Z.household.id], 'dwelling { rating appraisalDate } dwellingAppraisals { appraisalDate }'))._entities[0];
    expect(e.dwelling).toEqual({ rating: 'C', appraisalDate: '2022-06-01' });
    expect(e.dwellingAppraisals.map((a: { appraisalDate: string }) => a.appraisalDate)).toEqual([...zr.appraisals.map((a) => a.appraisalDate), '2021-01-05', '2022-06-01']);
  });
});

const ALLOCATE = `mutation($input: AllocateRelocationHousingInput!, $key: String!) {
  allocateRelocationHousing(input: $input, idempotencyKey: $key) { replayed relocation { id planYear unitArea personsRelocated relocatedPersons { id } subsidy handoverDate moveInDate oldHouseDemolished } } }`;
const RELOCATION_STEP = (mutation: string, input: string) => `mutation($id: ID!, $input: ${input}!, $key: String!) {
  ${mutation}(id: $id, input: $input, idempotencyKey: $key) { relocation { id handoverDate moveInDate oldHouseDemolished demolitionDate landReclaimed } } }`;

describe('resettlement housing (in support of relocation)', () => {
  let Y: HouseholdBundle;
  let id: string;
  const input = (overrides: Record<string, unknown> = {}) => ({
    householdId: Y.household.id, planYear: 2022, siteName: '汉丰镇移民新村', siteRegionCode: `${Y.household.id.slice(0, 9)}000`, mode: 'CENTRALISED',
    unitArea: 20 * Y.members.length, personIds: Y.members.map((m) => m.id), allocationDate: '2022-03-01', subsidy: `${8000 * Y.members.length}.00`, ...overrides,
  });
  beforeAll(() => {
    Y = quietHouseholds().slice(2).find(({ b }) => b.members.length >= 2)!.b; // not X or Z of the tests above
    id = `${Y.household.id}-S01`;
  });

  it.each([
    ['more than 25 m² a person', () => ({ unitArea: 25 * Y.members.length + 1 }), 'BAD_USER_INPUT'],
    ['a person of another household', () => ({ unitArea: 40, personIds: [Y.members[0].id, h.households.find((b) => b.household.id !== Y.household.id)!.members[0].id] }), 'CONFLICT'],
    ['a person not in the register', () => ({ unitArea: 20, personIds: [`${Y.household.id}-09`] }), 'NOT_IN_REGISTER'],
    ['the same person twice', () => ({ personIds: [Y.members[0].id, Y.members[0].id] }), 'BAD_USER_INPUT'],
    ['no person', () => ({ personIds: [] }), 'BAD_USER_INPUT'],
    ['a plan year out of range', () => ({ planYear: 2099 }), 'BAD_USER_INPUT'],
  ])('rejects an allocation with %s and writes nothing', async (_case, overrides, code) => {
    const before = await counts();
    expect(errorCodes(await h.gql(ALLOCATE, { input: input(overrides()), key: `bad-allocation-${Math.random()}` }))).toEqual([code]);
    expect(await counts()).toEqual(before);
  });

  it('allocates housing to the household\'s persons, then records handover, move-in and demolition in order', async () => {
    const res = ok(await h.gql(ALLOCATE, { input: input(), key: 'allocate-y-0001' }));
    expect(res.allocateRelocationHousing).toEqual({
      replayed: false,
      relocation: {
        id, planYear: 2022, unitArea: 20 * Y.members.length, personsRelocated: Y.members.length, relocatedPersons: Y.members.map((m) => ({ id: m.id })),
        subsidy: `${8000 * Y.members.length}.00`, handoverDate: null, moveInDate: null, oldHouseDemolished: false,
      },
    });
    expect(await events(Y.household.id)).toEqual([
      { record: 'RelocationHousing', record_id: id, kind: 'CREATED', person_id: null },
      ...Y.members.map((m) => ({ record: 'RelocationMember', record_id: `${id}/${m.id}`, kind: 'CREATED', person_id: m.id })),
    ]);
    expect(errorCodes(await h.gql(ALLOCATE, { input: input(), key: 'allocate-y-0002' }))).toEqual(['CONFLICT']);

    const step = (query: string, stepInput: object, key: string) => h.gql(query, { id, input: stepInput, key });
    const DEMOLISH = RELOCATION_STEP('recordOldHouseDemolition', 'OldHouseDemolitionInput');
    const HANDOVER = RELOCATION_STEP('handOverRelocationHousing', 'RelocationHandoverInput');
    const MOVE = RELOCATION_STEP('recordRelocationMoveIn', 'RelocationMoveInInput');
    expect(errorCodes(await step(DEMOLISH, { demolitionDate: '2022-05-01' }, 'demolish-too-early'))).toEqual(['CONFLICT']);
    expect(errorCodes(await step(MOVE, { moveInDate: '2022-05-01' }, 'move-before-handover'))).toEqual(['CONFLICT']);
    expect(errorCodes(await step(HANDOVER, { handoverDate: '2022-01-01' }, 'handover-before-allocation'))).toEqual(['BAD_USER_INPUT']);
    ok(await step(HANDOVER, { handoverDate: '2022-09-01' }, 'handover-y-0001'));
    ok(await step(MOVE, { moveInDate: '2022-09-15' }, 'move-in-y-0001'));
    const demolished = ok(await step(DEMOLISH, { demolitionDate: '2023-01-10', landReclaimed: true }, 'demolish-y-0001'));
    expect(demolished.recordOldHouseDemolition.relocation).toEqual({ id, handoverDate: '2022-09-01', moveInDate: '2022-09-15', oldHouseDemolished: true, demolitionDate: '2023-01-10', landReclaimed: true });

    const person = ok(await entities('Person', [Y.members[1].id, h.households[0].members[0].id === Y.members[1].id ? '5001541012990001-01' : h.households[0].members[0].id], 'relocationHousing { id }'));
    expect(person._entities[0].relocationHousing).toEqual({ id });
    const household = ok(await entities('Household', [Y.household.id], `relocationHousing { id } ${SAFETY('2022-10-01')}`))._entities[0];
    expect(household.relocationHousing).toEqual({ id });
    expect(household.housingSafety).toMatchObject({ status: 'SAFE', basis: 'RELOCATED', evidenceRecord: 'RelocationHousing', evidenceId: id, evidenceDate: '2022-09-15' });
  });

  it('does not renovate the old dwelling of a relocated household', async () => {
    const appraisal = ok(await h.gql(RECORD, { input: appraisalInput(Y.household.id, { appraisalDate: '2023-02-01' }), key: 'appraisal-y-0001' }));
    const before = await counts();
    const res = await h.gql(APPROVE, { input: { householdId: Y.household.id, appraisalId: appraisal.recordDwellingAppraisal.appraisal.id, type: 'REBUILD', approvalDate: '2023-03-01', subsidy: '30000.00' }, key: 'approve-y-0001' });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(await counts()).toEqual(before);
  });
});
