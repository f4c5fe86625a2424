import { housing, loadHousing } from '@saf/housing';
import { admin, analyst, caseworker, officer } from '../support/auth';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, graphqlClient, ok } from '../support/graphql';

/**
 * Access rules (issue 6) on the housing subgraph, on generated records of 300 households: small
 * cells of the rating counts and renovation totals, no personal fields, region scope of reads,
 * and who may write. The generated county has one town and four villages, so callers are limited
 * to a village (a 12-digit prefix; a town's 9 digits work the same way).
 */

let h: DepartmentHarness;
let village: string;
let otherVillage: string;
const as = (caller: Parameters<typeof graphqlClient>[1]) => graphqlClient(h.department.url, caller);
const sql = async (text: string, values: unknown[] = []) => (await h.pool.query(text, values)).rows;
const isSmall = (n: number) => n > 0 && n < 5;
const suppressedIfSmall = (r: any) => (isSmall(r.count) ? { ...r, count: null, ...('subsidy' in r ? { subsidy: null, selfRaisedFunds: null } : {}), suppressed: true } : r);
const auditOf = async (householdId: string) =>
  (await ok(as(admin()), `query($id: HouseholdId!) { housingAuditEvents(householdId: $id, first: 50) { action operation record recordId role } }`, { id: householdId }))
    .housingAuditEvents;

beforeAll(async () => {
  h = await startDepartmentHarness(housing, { households: 300, load: (pool, o) => loadHousing(pool, o) });
  [village, otherVillage] = (await sql('SELECT left(household_id, 12) AS v FROM dwelling_appraisal GROUP BY 1 ORDER BY count(*) DESC')).map((r) => r.v);
}, 180_000);
afterAll(() => h?.stop());

describe('access rules of housing', () => {
  it('suppresses small cells of rating counts and renovation totals for an analyst, not for a caseworker', async () => {
    const ratings = `query($f: DwellingAppraisalFilter) { dwellingRatingCounts(filter: $f) { rating count suppressed } }`;
    const [cell] = await sql(
      `SELECT y FROM (SELECT extract(year FROM appraisal_date)::int AS y, rating, count(*) AS n FROM dwelling_appraisal WHERE household_id LIKE $1 || '%' GROUP BY 1, 2) c
       GROUP BY y HAVING bool_or(n BETWEEN 1 AND 4) AND bool_or(n >= 5) ORDER BY y LIMIT 1`,
      [village],
    );
    for (const f of [{ regionPrefix: village, year: cell.y }, { regionPrefix: '500154', latestOnly: true }]) {
      const exact = (await ok(as(caseworker()), ratings, { f })).dwellingRatingCounts;
      const seen = (await ok(as(analyst()), ratings, { f })).dwellingRatingCounts;
      expect(seen).toEqual(exact.map(suppressedIfSmall));
      expect(seen.some((r: any) => !r.suppressed && r.count >= 5)).toBe(true);
      if (f.year) expect(seen.some((r: any) => r.suppressed)).toBe(true);
    }

    const [year] = await sql(`SELECT plan_year AS y, count(*)::int AS n FROM renovation_project WHERE household_id LIKE $1 || '%' GROUP BY 1 HAVING count(*) BETWEEN 1 AND 4 ORDER BY 1 LIMIT 1`, [village]);
    const totals = `query($f: RenovationProjectFilter) { renovationTotals(filter: $f) { count subsidy selfRaisedFunds suppressed byType { key count subsidy selfRaisedFunds suppressed } } }`;
    const small = { regionPrefix: village, year: year.y };
    const smallExact = (await ok(as(caseworker()), totals, { f: small })).renovationTotals;
    expect(smallExact).toMatchObject({ count: year.n, suppressed: false });
    expect((await ok(as(analyst()), totals, { f: small })).renovationTotals).toEqual({ ...suppressedIfSmall(smallExact), byType: smallExact.byType.map(suppressedIfSmall) });
    const county = { regionPrefix: '500154' };
    const countyExact = (await ok(as(caseworker()), totals, { f: county })).renovationTotals;
    expect(countyExact.count).toBeGreaterThanOrEqual(5);
    expect((await ok(as(analyst()), totals, { f: county })).renovationTotals).toEqual({ ...countyExact, byType: countyExact.byType.map(suppressedIfSmall) });
  });

  it('has no personal fields: an analyst reads a renovation project as a caseworker does, and nothing is audited', async () => {
    const [p] = await sql(`SELECT id, household_id FROM renovation_project WHERE household_id LIKE $1 || '%' ORDER BY id LIMIT 1`, [village]);
    const query = `query($id: ID!) { renovationProject(id: $id) { id householdId status subsidy selfRaisedFunds acceptanceNote appraisal { rating dangerPoints appraiser } } }`;
    const seen = (await ok(as(analyst()), query, { id: p.id })).renovationProject;
    expect(seen).toEqual((await ok(as(caseworker()), query, { id: p.id })).renovationProject);
    expect(seen.id).toBe(p.id);
    expect((await auditOf(p.household_id)).filter((e: any) => e.action === 'READ_PERSONAL')).toEqual([]);
  });

  it("gives a village's caseworker only that village's appraisals, OUT_OF_SCOPE or null for another village's", async () => {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM dwelling_appraisal WHERE household_id LIKE $1 || '%'`, [village]);
    const page = (await ok(as(caseworker(village)), `{ dwellingAppraisals(first: 1000) { totalCount nodes { householdId } } }`)).dwellingAppraisals;
    expect(page.totalCount).toBe(n);
    expect(page.nodes).toHaveLength(n);
    expect(page.nodes.every((a: { householdId: string }) => a.householdId.startsWith(village))).toBe(true);

    const [other] = await sql(`SELECT id FROM dwelling_appraisal WHERE household_id LIKE $1 || '%' LIMIT 1`, [otherVillage]);
    expect(errorCodes(await as(caseworker(village))(`query($id: ID!) { dwellingAppraisal(id: $id) { id } }`, { id: other.id }))).toEqual(['OUT_OF_SCOPE']);
    const entity = await ok(as(caseworker(village)), `query($r: [_Any!]!) { _entities(representations: $r) { ... on DwellingAppraisal { id rating } } }`, {
      r: [{ __typename: 'DwellingAppraisal', id: other.id }],
    });
    expect(entity._entities).toEqual([null]);
  });

  it('lets only its own officers write, in their region, and audits the write', async () => {
    const [target] = await sql(`SELECT household_id AS id FROM dwelling_appraisal WHERE household_id LIKE $1 || '%' GROUP BY 1 HAVING max(appraisal_date) < '2023-03-01' ORDER BY 1 LIMIT 1`, [village]);
    const record = `mutation($input: RecordDwellingAppraisalInput!, $key: String!) { recordDwellingAppraisal(input: $input, idempotencyKey: $key) { appraisal { id } } }`;
    const input = { householdId: target.id, rating: 'A', appraisalDate: '2023-03-01', appraiser: '开州区住房和城乡建设委员会鉴定组', method: 'COUNTY_HOUSING_BUREAU', structure: 'BRICK_CONCRETE', floorArea: 96 };
    const state = async () =>
      (await sql(`SELECT (SELECT count(*)::int FROM dwelling_appraisal) AS appraisals, (SELECT count(*)::int FROM change_event) AS changes, (SELECT count(*)::int FROM audit_event WHERE action = 'WRITE') AS writes`))[0];
    const before = await state();

    expect(errorCodes(await as(officer('health'))(record, { input, key: 'access-appraisal-health' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as(officer('housing', otherVillage))(record, { input, key: 'access-appraisal-other' }))).toEqual(['OUT_OF_SCOPE']);
    expect(await state()).toEqual(before);

    const done = (await ok(as(officer('housing', village)), record, { input, key: 'access-appraisal-own' })).recordDwellingAppraisal;
    expect((await state()).appraisals).toBe(before.appraisals + 1);
    expect(await auditOf(target.id)).toContainEqual({ action: 'WRITE', operation: 'recordDwellingAppraisal (created)', record: 'DwellingAppraisal', recordId: done.appraisal.id, role: 'department_officer' });
  });
});
