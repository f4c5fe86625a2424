import { civilAffairs, loadCivilAffairs } from '@saf/civil-affairs';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { admin, analyst, caseworker, officer } from '../support/auth';
import { errorCodes, graphqlClient } from '../support/graphql';

/** Issue 6 in the civil-affairs subgraph: small cells, personal fields, region scope, write rights. */

let h: DepartmentHarness;
let town: string; // the township (9 digits) of the generated county
let otherTown: string; // another township, with one record copied there
let foreign: { id: string; householdId: string }; // that record
const as = (caller: Parameters<typeof graphqlClient>[1]) => graphqlClient(h.department.url, caller);
const rows = async (sql: string, params: unknown[] = []) => (await h.pool.query(sql, params)).rows;

beforeAll(async () => {
  h = await startDepartmentHarness(civilAffairs, { households: 300, seed: 1, load: (pool, o) => loadCivilAffairs(pool, o) });
  town = h.households[0].household.id.slice(0, 9);
  // The small generated county has one township: a copy of a generated enrolment in another one.
  otherTown = `${town.slice(0, 6)}199`;
  const householdId = `${otherTown}2010001`;
  foreign = { id: `DB-${householdId}-01`, householdId };
  await h.pool.query('CREATE TEMP TABLE copied AS SELECT * FROM dibao_enrolment ORDER BY id LIMIT 1');
  await h.pool.query(`UPDATE copied SET id = $1, household_id = $2, certificate_no = 'ACCESS-TEST-1'`, [foreign.id, householdId]);
  await h.pool.query('INSERT INTO dibao_enrolment SELECT * FROM copied');
});
afterAll(() => h?.stop());

const SUMMARY = `query($region: String, $classification: DibaoClassification) { dibaoEnrolments(filter: { regionPrefix: $region, classification: $classification }, first: 0) {
  totalCount summary { enrolments households personsCovered totalMonthlyAmount suppressed } } }`;

describe('civil affairs: access rules', () => {
  it('suppresses a small cell of the dibao summary for an analyst, not for a caseworker or a large cell', async () => {
    // A village's enrolments of one 分类施保 class: a cell of 1 to 4 households.
    const [small] = await rows(`SELECT left(household_id, 12) AS village, classification, count(*)::int AS enrolments, count(DISTINCT household_id)::int AS households
      FROM dibao_enrolment GROUP BY 1, 2 HAVING count(DISTINCT household_id) BETWEEN 1 AND 4 ORDER BY 1, 2 LIMIT 1`);
    const cell = { region: small.village, classification: small.classification };
    const hidden = await as(analyst())(SUMMARY, cell);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data.dibaoEnrolments.summary).toEqual({ enrolments: null, households: null, personsCovered: null, totalMonthlyAmount: null, suppressed: true });

    const exact = await as(caseworker())(SUMMARY, cell);
    expect(exact.data.dibaoEnrolments.summary).toMatchObject({ enrolments: small.enrolments, households: small.households, suppressed: false });
    expect(exact.data.dibaoEnrolments.summary.personsCovered).toBeGreaterThan(0);

    const county = await as(analyst())(SUMMARY, { region: town.slice(0, 6) });
    expect(county.data.dibaoEnrolments.summary.suppressed).toBe(false);
    expect(county.data.dibaoEnrolments.summary.households).toBeGreaterThanOrEqual(5);
  });

  it('withholds assessed incomes from an analyst, shows them to a caseworker, and audits both reads', async () => {
    const [e] = await rows(`SELECT e.id, e.household_id, e.assessed_income_monthly_fen AS income FROM dibao_enrolment e
      WHERE EXISTS (SELECT 1 FROM dibao_recheck r WHERE r.enrolment_id = e.id) ORDER BY e.id LIMIT 1`);
    const query = `{ dibaoEnrolment(id: "${e.id}") { id assessedIncomeMonthly rechecks { assessedIncomeMonthly notes } } }`;

    const masked = await as(analyst())(query);
    expect(masked.errors).toBeUndefined();
    expect(masked.data.dibaoEnrolment.assessedIncomeMonthly).toBeNull();
    for (const r of masked.data.dibaoEnrolment.rechecks) expect(r).toEqual({ assessedIncomeMonthly: null, notes: null });

    const clear = await as(caseworker())(query);
    expect(clear.data.dibaoEnrolment.assessedIncomeMonthly).toBe((Number(e.income) / 100).toFixed(2));
    expect(clear.data.dibaoEnrolment.rechecks[0].assessedIncomeMonthly).not.toBeNull();

    const audit = await as(admin())(`{ civilAffairsAuditEvents(householdId: "${e.household_id}", first: 20) { action operation record fields masked role } }`);
    expect(audit.errors).toBeUndefined();
    const reads = audit.data.civilAffairsAuditEvents;
    expect(reads).toContainEqual({ action: 'READ_PERSONAL', operation: 'read DibaoEnrolment', record: 'DibaoEnrolment', fields: ['assessedIncomeMonthly'], masked: true, role: 'analyst' });
    expect(reads).toContainEqual({ action: 'READ_PERSONAL', operation: 'read DibaoEnrolment', record: 'DibaoEnrolment', fields: ['assessedIncomeMonthly'], masked: false, role: 'caseworker' });
    expect(reads).toContainEqual(expect.objectContaining({ action: 'READ_PERSONAL', record: 'DibaoRecheck', masked: true, role: 'analyst' }));
  });

  it("lists only a township caseworker's township and refuses another township's record", async () => {
    const gql = as(caseworker(town));
    const res = await gql('{ dibaoEnrolments(first: 1000) { totalCount nodes { id householdId } } destituteSupports(first: 1000) { nodes { householdId } } }');
    expect(res.errors).toBeUndefined();
    const [{ n }] = await rows('SELECT count(*)::int AS n FROM dibao_enrolment WHERE household_id LIKE $1', [`${town}%`]);
    expect(res.data.dibaoEnrolments.totalCount).toBe(n);
    expect(res.data.dibaoEnrolments.nodes).toHaveLength(n);
    for (const node of [...res.data.dibaoEnrolments.nodes, ...res.data.destituteSupports.nodes]) expect(node.householdId.startsWith(town)).toBe(true);

    const refused = await gql(`{ dibaoEnrolment(id: "${foreign.id}") { id assessedIncomeMonthly } }`);
    expect(errorCodes(refused)).toEqual(['OUT_OF_SCOPE']);
    expect(refused.data?.dibaoEnrolment ?? null).toBeNull();
    expect(errorCodes(await gql(`{ dibaoEnrolments(filter: { regionPrefix: "${otherTown}" }) { totalCount } }`))).toEqual(['OUT_OF_SCOPE']);

    // Entity lookups (the gateway's path) answer null outside the region, in place.
    const own = res.data.dibaoEnrolments.nodes[0].id;
    const entities = await gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on DibaoEnrolment { id } } }', {
      r: [{ __typename: 'DibaoEnrolment', id: foreign.id }, { __typename: 'DibaoEnrolment', id: own }],
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([null, { id: own }]);
  });

  it('lets only its own officers write, inside their region, and audits the write', async () => {
    const bundle = h.households.find((b) => b.household.id.startsWith(town) && b.members.length > 0)!;
    const target = { household_id: bundle.household.id, person_id: bundle.members[0].id };
    const mutation = `mutation($input: GrantTemporaryAssistanceInput!, $key: String!) { grantTemporaryAssistance(input: $input, idempotencyKey: $key) {
      temporaryAssistanceEvent { id householdId } } }`;
    const input = {
      householdId: target.household_id, personId: target.person_id, cause: 'EMERGENCY', reason: 'FIRE', procedure: 'EMERGENCY', cashAmount: '1500.00',
      eventDate: '2021-02-10', approvalDate: '2021-02-11',
    };
    const written = async () => (await rows(`SELECT (SELECT count(*) FROM temporary_assistance)::int AS t, (SELECT count(*) FROM audit_event WHERE action = 'WRITE')::int AS w`))[0];
    const before = await written();

    const health = await as(officer('health', town))(mutation, { input, key: 'access-health-officer' });
    expect(errorCodes(health)).toEqual(['FORBIDDEN']);
    const outside = await as(officer('civil-affairs', otherTown))(mutation, { input, key: 'access-other-town' });
    expect(errorCodes(outside)).toEqual(['OUT_OF_SCOPE']);
    expect(await written()).toEqual(before);

    const inside = await as(officer('civil-affairs', town))(mutation, { input, key: 'access-own-town' });
    expect(inside.errors).toBeUndefined();
    const id = inside.data.grantTemporaryAssistance.temporaryAssistanceEvent.id;
    expect(await written()).toEqual({ t: before.t + 1, w: before.w + 1 });
    const audit = await as(admin(town))(`{ civilAffairsAuditEvents(householdId: "${target.household_id}", first: 5) { action operation record recordId role } }`);
    expect(audit.data.civilAffairsAuditEvents[0]).toEqual({
      action: 'WRITE', operation: 'grantTemporaryAssistance (created)', record: 'TemporaryAssistanceEvent', recordId: id, role: 'department_officer',
    });
  });
});
