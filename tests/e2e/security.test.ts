import { signRequest } from '@saf/kit';
import { authFromEnv, startGateway, type RunningGateway } from '@saf/gateway';
import { analyst, admin, caseworker, dashboard, identityOf, officer, tokenFor, type TestCaller } from '../support/auth';
import { errorCodes, graphqlClient } from '../support/graphql';
import { insertDibao, ok, OTHER_VILLAGE, Platform, POOR_VILLAGE, recordIncome, registerHousehold, RegisteredHousehold, seedRegions, startPlatform, TOWNSHIP } from './support/handMade';

/*
 * Issue 6 through the real gateway and straight at the subgraphs, on the six departments with a
 * hand-made town: six households in 石龙村 (POOR_VILLAGE, "P") and two in 东华村 (OTHER_VILLAGE,
 * "O"), each with a 2019 income and a dibao enrolment. Small cells: O's two households.
 */

jest.setTimeout(120_000);

const YEAR = 2019;
const TOWN = TOWNSHIP.slice(0, 9);
let platform: Platform;
const P: RegisteredHousehold[] = [];
const O: RegisteredHousehold[] = [];

const as = (caller: TestCaller) => graphqlClient(platform.gateway.url, caller);
const reason = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.reason;

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: await res.json() };
}

const HOUSEHOLD = `query($id: HouseholdId!) { household(id: $id) { id phone members { id residentId } income(year: ${YEAR}) { netIncomePerCapita aboveLine } } }`;
const appraisalCount = async () => Number((await platform.departments.housing.sql('SELECT count(*) AS n FROM dwelling_appraisal'))[0].n);

beforeAll(async () => {
  platform = await startPlatform();
  const po = platform.departments['poverty-office'];
  await seedRegions(po);
  for (const [list, village, n] of [[P, POOR_VILLAGE, 6], [O, OTHER_VILLAGE, 2]] as const) {
    for (let i = 0; i < n; i++) {
      const h = await registerHousehold(po, { name: `户${village.slice(-1)}${i}`, village, welfareCategory: 'DIBAO', members: [{ birthDate: '1970-03-0' + (i + 1), relation: 'HEAD' }] });
      await recordIncome(po, h.id, YEAR, '2500.00');
      await insertDibao(platform.departments['civil-affairs'], h.id, { approval: '2018-01-10', start: '2018-02-01', monthlyFen: 30000, persons: h.persons });
      list.push(h);
    }
  }
}, 300_000);

afterAll(() => platform?.stop());

describe('who is calling: tokens at the gateway', () => {
  const query = JSON.stringify({ query: '{ households(first: 1) { totalCount } }' });

  it('refuses a request without a token with 401 UNAUTHENTICATED, and serves health checks', async () => {
    const res = await post(platform.gateway.url, query, {});
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' });
    expect(res.body.data ?? null).toBeNull();
    expect((await fetch(new URL('/health', platform.gateway.url))).status).toBe(200);
  });

  it('refuses an expired token, a token signed with another key and a token with an unknown role', async () => {
    const expired = await tokenFor(caseworker(), { expiresInSeconds: -60 });
    const forged = await tokenFor(caseworker(), { secret: 'not-the-platform-secret-at-all-0123456789' });
    const badRole = await tokenFor({ role: 'superuser' as never });
    for (const [token, expected] of [[expired, 'EXPIRED_TOKEN'], [forged, 'BAD_SIGNATURE'], [badRole, 'INVALID_CLAIMS'], ['not-a-jwt', 'INVALID_TOKEN']]) {
      const res = await post(platform.gateway.url, query, { authorization: `Bearer ${token}` });
      expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, reason: reason(res.body) }).toEqual({ status: 401, code: 'UNAUTHENTICATED', reason: expected });
    }
  });
});

describe('region scope', () => {
  it('gives a caseworker of one village only that village, in lists and totals alike', async () => {
    const gql = as(caseworker(OTHER_VILLAGE));
    const page = await ok(gql, '{ households(first: 50) { totalCount nodes { id } } }');
    expect(page.households.nodes.map((h: { id: string }) => h.id).sort()).toEqual(O.map((h) => h.id).sort());
    const totals = await ok(gql, `{ registerTotals(regionPrefix: "${OTHER_VILLAGE}", year: ${YEAR}, groupBy: VILLAGE) { regionCode households } }`);
    expect(totals.registerTotals).toEqual([{ regionCode: OTHER_VILLAGE, households: 2 }]);
  });

  it('refuses another village, a wider region and another village\'s household with OUT_OF_SCOPE', async () => {
    const gql = as(caseworker(OTHER_VILLAGE));
    expect(errorCodes(await gql(`{ households(filter: { regionPrefix: "${POOR_VILLAGE}" }) { totalCount } }`))).toEqual(['OUT_OF_SCOPE']);
    expect(errorCodes(await gql(`{ registerTotals(regionPrefix: "${TOWN}", year: ${YEAR}) { households } }`))).toEqual(['OUT_OF_SCOPE']);
    const other = await gql(HOUSEHOLD, { id: P[0].id });
    expect(errorCodes(other)).toEqual(['OUT_OF_SCOPE']);
    expect(other.data?.household ?? null).toBeNull();
    const view = await gql(`query($id: HouseholdId!) { household(id: $id) { assistance(year: ${YEAR}) { area status } } }`, { id: P[0].id });
    expect(view.data?.household ?? null).toBeNull();
  });

  it('applies the scope in the subgraphs themselves: a signed call for another region gets nothing', async () => {
    const direct = graphqlClient(platform.departments['civil-affairs'].subgraph.url, caseworker(OTHER_VILLAGE));
    const entities = await ok(direct, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { dibao { id } } } }', {
      r: [{ __typename: 'Household', id: P[0].id }, { __typename: 'Household', id: O[0].id }],
    });
    expect(entities._entities[0]).toBeNull();
    expect(entities._entities[1].dibao.id).toBe(`DB-${O[0].id}-01`);
    expect(errorCodes(await direct(`{ dibaoEnrolment(id: "DB-${P[0].id}-01") { id } }`))).toEqual(['OUT_OF_SCOPE']);
  });
});

describe('personal fields', () => {
  it('are masked for an analyst, clear for a caseworker in the region, and out of reach outside it', async () => {
    const masked = await ok(as(analyst('500154')), HOUSEHOLD, { id: P[0].id });
    const clear = await ok(as(caseworker(POOR_VILLAGE)), HOUSEHOLD, { id: P[0].id });
    expect(clear.household.phone).toBe('13812345678');
    expect(masked.household.phone).toBe('138****5678');
    const residentId: string = clear.household.members[0].residentId;
    expect(residentId).toMatch(/^[0-9]{17}[0-9X]$/);
    expect(masked.household.members[0].residentId).toBe(`${residentId.slice(0, 4)}**********${residentId.slice(-4)}`);
    expect(clear.household.income).toEqual({ netIncomePerCapita: '2500.00', aboveLine: false });
    expect(masked.household.income).toEqual({ netIncomePerCapita: null, aboveLine: false });
    expect(errorCodes(await as(caseworker(OTHER_VILLAGE))(HOUSEHOLD, { id: P[0].id }))).toEqual(['OUT_OF_SCOPE']);
  });

  it('are never shared between callers asking the same thing at the same moment', async () => {
    // The gateway must not merge identical in-flight subgraph requests of different callers.
    const q = `query($id: HouseholdId!) { household(id: $id) { phone } }`;
    const asked = Array.from({ length: 12 }, (_, i) => (i % 2 ? analyst() : caseworker()));
    const answers = await Promise.all(asked.map((caller) => ok(as(caller), q, { id: P[0].id })));
    expect(answers.map((a) => a.household.phone)).toEqual(asked.map((c) => (c.role === 'analyst' ? '138****5678' : '13812345678')));
  });

  it('keep exact incomes out of an analyst\'s exit assessment text', async () => {
    const q = `query($id: HouseholdId!) { household(id: $id) { exitAssessment(year: ${YEAR}) { predicates { predicate reason evidence { note } } } } }`;
    const income = (data: any) => data.household.exitAssessment.predicates.find((p: { predicate: string }) => p.predicate === 'INCOME');
    expect(JSON.stringify(income(await ok(as(caseworker()), q, { id: P[0].id })))).toContain('2500.00');
    expect(JSON.stringify(income(await ok(as(analyst()), q, { id: P[0].id })))).not.toContain('2500');
  });
});

describe('small cells', () => {
  const measures = `{ civilAffairsMeasureTotals(regionPrefix: "${TOWN}", year: ${YEAR}, groupBy: VILLAGE) { regionCode programme households measures amount suppressed } }`;
  const dibao = (rows: Array<{ regionCode: string; programme: string }>, village: string) => rows.find((r) => r.regionCode === village && r.programme === 'DIBAO');

  it('are suppressed for analysts and dashboards, in department totals and in the sector view', async () => {
    for (const caller of [analyst(), dashboard('500154')]) {
      const rows = (await ok(as(caller), measures)).civilAffairsMeasureTotals;
      expect(dibao(rows, POOR_VILLAGE)).toMatchObject({ households: 6, suppressed: false });
      expect(dibao(rows, OTHER_VILLAGE)).toMatchObject({ households: null, measures: null, amount: null, suppressed: true });
    }
    const view = await ok(as(analyst()), `{ measureTotals(regionPrefix: "${TOWN}", year: ${YEAR}, groupBy: VILLAGE) { regionCode department programme households suppressed } }`);
    expect(dibao(view.measureTotals, OTHER_VILLAGE)).toMatchObject({ households: null, suppressed: true });
    expect(dibao(view.measureTotals, POOR_VILLAGE)).toMatchObject({ households: 6, suppressed: false });
    const exit = await ok(as(analyst()), `{ exitReadiness(regionPrefix: "${OTHER_VILLAGE}", year: ${YEAR}) { householdsInPoverty exitReady blocked suppressed } }`);
    expect(exit.exitReadiness).toEqual({ householdsInPoverty: null, exitReady: null, blocked: null, suppressed: true });
  });

  it('are exact for a caseworker', async () => {
    const rows = (await ok(as(caseworker()), measures)).civilAffairsMeasureTotals;
    expect(dibao(rows, OTHER_VILLAGE)).toMatchObject({ households: 2, measures: 2, suppressed: false });
    const exit = await ok(as(caseworker()), `{ exitReadiness(regionPrefix: "${OTHER_VILLAGE}", year: ${YEAR}) { householdsInPoverty suppressed } }`);
    expect(exit.exitReadiness).toEqual({ householdsInPoverty: 2, suppressed: false });
  });
});

describe('writes', () => {
  const APPRAISE = `mutation($input: RecordDwellingAppraisalInput!, $key: String!) { recordDwellingAppraisal(input: $input, idempotencyKey: $key) { appraisal { id } } }`;
  const appraisal = (householdId: string) => ({ householdId, appraisalDate: '2019-05-01', rating: 'B', appraiser: '县住建局', method: 'COUNTY_HOUSING_BUREAU', structure: 'WOOD', floorArea: 80 });

  it('refuse another department\'s officer, an officer outside the region and other roles, and write nothing', async () => {
    const before = await appraisalCount();
    const wrongDepartment = await as(officer('civil-affairs'))(APPRAISE, { input: appraisal(P[0].id), key: 'security-appraisal-1' });
    expect(errorCodes(wrongDepartment)).toEqual(['FORBIDDEN']);
    expect(reason(wrongDepartment)).toBe('WRONG_DEPARTMENT');
    const outside = await as(officer('housing', OTHER_VILLAGE))(APPRAISE, { input: appraisal(P[0].id), key: 'security-appraisal-2' });
    expect(errorCodes(outside)).toEqual(['OUT_OF_SCOPE']);
    for (const caller of [caseworker(), analyst(), admin()]) {
      const res = await as(caller)(APPRAISE, { input: appraisal(P[0].id), key: `security-appraisal-${caller.role}` });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    }
    expect(await appraisalCount()).toBe(before);
  });

  it('let the department\'s own officer in the region write, and leave a WRITE audit row', async () => {
    const before = await appraisalCount();
    const written = await ok(as(officer('housing', POOR_VILLAGE)), APPRAISE, { input: appraisal(P[1].id), key: 'security-appraisal-ok' });
    expect(await appraisalCount()).toBe(before + 1);
    const audit = await ok(as(admin()), `query($h: HouseholdId!) { housingAuditEvents(householdId: $h) { action operation record recordId role subject } }`, { h: P[1].id });
    expect(audit.housingAuditEvents).toContainEqual({
      action: 'WRITE',
      operation: 'recordDwellingAppraisal (created)',
      record: 'DwellingAppraisal',
      recordId: written.recordDwellingAppraisal.appraisal.id,
      role: 'department_officer',
      subject: 'test-department_officer',
    });
  });
});

describe('the audit trail', () => {
  it('records each read of a personal field, masked or not, and only admins read it', async () => {
    const household = P[2];
    await ok(as({ ...caseworker(POOR_VILLAGE), subject: 'caseworker-li' }), HOUSEHOLD, { id: household.id });
    await ok(as({ ...analyst(), subject: 'analyst-wang' }), HOUSEHOLD, { id: household.id });
    const audit = await ok(as(admin()), `query($h: HouseholdId!) { povertyOfficeAuditEvents(householdId: $h, first: 50) { action record fields masked subject requestId } }`, { h: household.id });
    const reads = audit.povertyOfficeAuditEvents.filter((e: { action: string }) => e.action === 'READ_PERSONAL');
    expect(reads).toContainEqual(expect.objectContaining({ record: 'Household', fields: ['phone'], masked: false, subject: 'caseworker-li' }));
    expect(reads).toContainEqual(expect.objectContaining({ record: 'Household', fields: ['phone'], masked: true, subject: 'analyst-wang' }));
    expect(reads).toContainEqual(expect.objectContaining({ record: 'Person', fields: ['residentId'], masked: false, subject: 'caseworker-li' }));
    expect(reads).toContainEqual(expect.objectContaining({ record: 'HouseholdIncome', fields: ['netIncomePerCapita'], subject: 'caseworker-li' }));
    expect(audit.povertyOfficeAuditEvents.some((e: { action: string }) => e.action === 'WRITE')).toBe(true);
    expect(errorCodes(await as(caseworker())(`{ povertyOfficeAuditEvents { id } }`))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as(admin(OTHER_VILLAGE))(`query($h: HouseholdId!) { povertyOfficeAuditEvents(householdId: $h) { id } }`, { h: household.id }))).toEqual(['OUT_OF_SCOPE']);
  });

  it('cannot be changed or deleted, even by the subgraph\'s own database user', async () => {
    const po = platform.departments['poverty-office'];
    await expect(po.sql("UPDATE audit_event SET subject = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(po.sql('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });
});

describe('configured openings and closings', () => {
  const DASHBOARD_DOCUMENT = `{ registerTotals(regionPrefix: "${POOR_VILLAGE}", year: ${YEAR}) { households suppressed } }`;
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath: platform.supergraphPath,
      watch: false,
      auth: { ...authFromEnv(), publicFields: ['dutyAreas'], persistedDocuments: { 'village-totals-v1': DASHBOARD_DOCUMENT } },
    });
  });
  afterAll(() => gateway?.close());

  it('lets a caller without a token reach the public fields only', async () => {
    const open = await post(gateway.url, JSON.stringify({ query: '{ dutyAreas { code } }' }), {});
    expect(open.body.data.dutyAreas).toHaveLength(19);
    const closed = await post(gateway.url, JSON.stringify({ query: '{ dutyAreas { code } households(first: 1) { totalCount } }' }), {});
    expect(closed.status).toBe(401);
    expect(closed.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('runs only persisted documents for dashboards, while other roles may send their own', async () => {
    const dashboardToken = { authorization: `Bearer ${await tokenFor(dashboard(POOR_VILLAGE))}` };
    const persisted = await post(gateway.url, JSON.stringify({ documentId: 'village-totals-v1' }), dashboardToken);
    expect(persisted.body.data.registerTotals).toEqual([{ households: 6, suppressed: false }]);
    const own = await post(gateway.url, JSON.stringify({ query: DASHBOARD_DOCUMENT }), dashboardToken);
    expect(own.body.data ?? null).toBeNull();
    expect(own.body.errors[0].extensions.code).toBe('PERSISTED_DOCUMENTS_ONLY');
    const analystOwn = await post(gateway.url, JSON.stringify({ query: DASHBOARD_DOCUMENT }), { authorization: `Bearer ${await tokenFor(analyst())}` });
    expect(analystOwn.body.data.registerTotals).toEqual([{ households: 6, suppressed: false }]);
  });
});

describe('subgraphs answer only the gateway', () => {
  const url = () => platform.departments['poverty-office'].subgraph.url;
  const body = JSON.stringify({ query: `{ households(first: 1) { totalCount } }` });

  it('refuses an unsigned call with 401', async () => {
    const res = await post(url(), body, {});
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'UNSIGNED' });
  });

  it('refuses a tampered identity, a tampered body, a stale signature and a wrong key with 401, and writes nothing', async () => {
    const secret = process.env.SUBGRAPH_SIGNING_SECRET!;
    const signed = signRequest(secret, identityOf(analyst(OTHER_VILLAGE)), body);
    const promoted = signRequest(secret, identityOf(officer('poverty-office')), body)['x-saf-identity'];
    const write = JSON.stringify({ query: `mutation { recordHouseholdIncome(householdId: "${P[3].id}", input: { year: 2020, netIncomePerCapita: "9999.00" }, idempotencyKey: "tampered-1") { replayed } }` });
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ ...signed, 'x-saf-identity': promoted }, body, 'BAD_SIGNATURE'],
      [signed, write, 'BAD_SIGNATURE'],
      [signRequest(secret, identityOf(officer('poverty-office')), write, '', Date.now() - 5 * 60_000), write, 'STALE_SIGNATURE'],
      [signRequest('another-secret-0123456789', identityOf(officer('poverty-office')), write), write, 'BAD_SIGNATURE'],
    ];
    for (const [headers, sent, expected] of cases) {
      const res = await post(url(), sent, headers);
      expect({ status: res.status, reason: reason(res.body) }).toEqual({ status: 401, reason: expected });
    }
    const incomes = await platform.departments['poverty-office'].sql('SELECT count(*) AS n FROM household_income WHERE household_id = $1 AND year = 2020', [P[3].id]);
    expect(Number(incomes[0].n)).toBe(0);
  });
});
