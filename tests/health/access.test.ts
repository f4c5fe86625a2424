import { health, loadHealth } from '@saf/health';
import { admin, analyst, caseworker, officer } from '../support/auth';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, graphqlClient, ok } from '../support/graphql';

/**
 * Access rules (issue 6) on the health subgraph, on generated records of 200 households: small
 * cells of the coverage and settlement totals, diagnoses withheld and audited, region scope of
 * reads, and who may write. The generated county has one town and three villages, so callers are
 * limited to a village (a 12-digit prefix; a town's 9 digits work the same way).
 */

let h: DepartmentHarness;
let village: string;
let otherVillage: string;
const as = (caller: Parameters<typeof graphqlClient>[1]) => graphqlClient(h.department.url, caller);
const sql = async (text: string, values: unknown[] = []) => (await h.pool.query(text, values)).rows;
const isSmall = (n: number) => n > 0 && n < 5;
const auditOf = async (householdId: string) =>
  (await ok(as(admin()), `query($id: HouseholdId!) { healthAuditEvents(householdId: $id, first: 50) { action operation record recordId fields masked role } }`, { id: householdId }))
    .healthAuditEvents;

beforeAll(async () => {
  h = await startDepartmentHarness(health, { households: 200, load: (pool, options) => loadHealth(pool, options) });
  [village, otherVillage] = (await sql('SELECT left(household_id, 12) AS v FROM hospital_settlement GROUP BY 1 ORDER BY count(*) DESC')).map((r) => r.v);
}, 180_000);
afterAll(() => h?.stop());

describe('access rules of health', () => {
  it('suppresses small cells of the settlement totals and the insurance coverage for an analyst, not for a caseworker', async () => {
    const [small] = await sql(
      `SELECT left(household_id, 12) AS v, year, hospital_level, count(*)::int AS settlements, count(DISTINCT household_id)::int AS households
       FROM hospital_settlement GROUP BY 1, 2, 3 HAVING count(DISTINCT household_id) BETWEEN 1 AND 4 ORDER BY 1, 2, 3 LIMIT 1`,
    );
    const totals = `query($f: HospitalSettlementFilter) { hospitalSettlementTotals(filter: $f) { settlements persons households totalCost outOfPocket averageOutOfPocketRatio deferredPayments suppressed } }`;
    const filter = { regionPrefix: small.v, year: small.year, hospitalLevel: small.hospital_level };
    const exact = (await ok(as(caseworker()), totals, { f: filter })).hospitalSettlementTotals;
    expect(exact).toMatchObject({ settlements: small.settlements, households: small.households, suppressed: false });
    expect((await ok(as(analyst()), totals, { f: filter })).hospitalSettlementTotals).toEqual({
      settlements: null, persons: null, households: null, totalCost: null, outOfPocket: null, averageOutOfPocketRatio: null, deferredPayments: null, suppressed: true,
    });
    const county = { regionPrefix: '500154' };
    expect((await ok(as(analyst()), totals, { f: county })).hospitalSettlementTotals).toEqual((await ok(as(caseworker()), totals, { f: county })).hospitalSettlementTotals);

    const coverage = `query($v: String!) { healthInsuranceCoverage(filter: { regionPrefix: $v }) {
      year scheme enrolledPersons enrolledHouseholds cancelledEnrolments fullySubsidised partiallySubsidised unsubsidised premiumTotal subsidyTotal suppressed
      subsidiesByDepartment { department enrolments amount suppressed } } }`;
    const rows = (await ok(as(caseworker()), coverage, { v: village })).healthInsuranceCoverage;
    const COUNTS = ['enrolledPersons', 'enrolledHouseholds', 'cancelledEnrolments', 'fullySubsidised', 'partiallySubsidised', 'unsubsidised'];
    const expected = rows.map((r: any) =>
      COUNTS.some((c) => isSmall(r[c]))
        ? { ...r, ...Object.fromEntries(COUNTS.map((c) => [c, null])), premiumTotal: null, subsidyTotal: null, subsidiesByDepartment: null, suppressed: true }
        : { ...r, subsidiesByDepartment: r.subsidiesByDepartment.map((s: any) => (isSmall(s.enrolments) ? { ...s, enrolments: null, amount: null, suppressed: true } : s)) },
    );
    expect((await ok(as(analyst()), coverage, { v: village })).healthInsuranceCoverage).toEqual(expected);
    expect(expected.some((r: any) => r.suppressed)).toBe(true);
    expect(expected.some((r: any) => !r.suppressed)).toBe(true);
  });

  it('withholds diagnoses and what tells them from an analyst, shows them to a caseworker, and audits both reads', async () => {
    const [s] = await sql(`SELECT id::text, household_id, diagnosis FROM hospital_settlement WHERE diagnosis IS NOT NULL AND household_id LIKE $1 || '%' ORDER BY id LIMIT 1`, [village]);
    const [c] = await sql(`SELECT id::text, disease, follow_ups_required AS required FROM family_doctor_contract WHERE disease IS NOT NULL ORDER BY id LIMIT 1`);
    const [t] = await sql(`SELECT id::text, disease, designated_hospital AS hospital FROM serious_illness_treatment ORDER BY id LIMIT 1`);
    const query = `query($s: ID!, $c: ID!, $t: ID!) {
      hospitalSettlement(id: $s) { diagnosis totalCost }
      familyDoctorContract(id: $c) { disease followUpsRequired followUpsDone }
      seriousIllnessTreatment(id: $t) { disease designatedHospital status } }`;
    const ids = { s: s.id, c: c.id, t: t.id };
    const clear = await ok(as(caseworker()), query, ids);
    expect(clear.hospitalSettlement.diagnosis).toBe(s.diagnosis);
    expect(clear.familyDoctorContract).toMatchObject({ disease: c.disease, followUpsRequired: c.required });
    expect(clear.seriousIllnessTreatment).toMatchObject({ disease: t.disease, designatedHospital: t.hospital });
    const masked = await ok(as(analyst()), query, ids);
    expect(masked.hospitalSettlement).toEqual({ diagnosis: null, totalCost: clear.hospitalSettlement.totalCost });
    expect(masked.familyDoctorContract).toEqual({ disease: null, followUpsRequired: null, followUpsDone: null });
    expect(masked.seriousIllnessTreatment).toEqual({ disease: null, designatedHospital: null, status: clear.seriousIllnessTreatment.status });

    // Selecting by disease would read it: refused to the analyst, allowed to the caseworker.
    const byDisease = `query($d: ChronicDisease!) { familyDoctorContracts(filter: { disease: $d }, first: 5) { nodes { id } } }`;
    expect(errorCodes(await as(analyst())(byDisease, { d: c.disease }))).toEqual(['FORBIDDEN']);
    expect((await ok(as(caseworker()), byDisease, { d: c.disease })).familyDoctorContracts.nodes.length).toBeGreaterThan(0);

    expect(await auditOf(s.household_id)).toEqual(
      expect.arrayContaining([
        { action: 'READ_PERSONAL', operation: 'read HospitalSettlement', record: 'HospitalSettlement', recordId: s.id, fields: ['diagnosis'], masked: true, role: 'analyst' },
        { action: 'READ_PERSONAL', operation: 'read HospitalSettlement', record: 'HospitalSettlement', recordId: s.id, fields: ['diagnosis'], masked: false, role: 'caseworker' },
      ]),
    );
  });

  it("gives a village's caseworker only that village's settlements, OUT_OF_SCOPE or null for another village's", async () => {
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM hospital_settlement WHERE household_id LIKE $1 || '%'`, [village]);
    const page = (await ok(as(caseworker(village)), `{ hospitalSettlements(first: 1000) { totalCount nodes { householdId } } }`)).hospitalSettlements;
    expect(page.totalCount).toBe(n);
    expect(page.nodes).toHaveLength(n);
    expect(page.nodes.every((s: { householdId: string }) => s.householdId.startsWith(village))).toBe(true);

    const [other] = await sql(`SELECT id::text FROM hospital_settlement WHERE household_id LIKE $1 || '%' LIMIT 1`, [otherVillage]);
    expect(errorCodes(await as(caseworker(village))(`query($id: ID!) { hospitalSettlement(id: $id) { id } }`, { id: other.id }))).toEqual(['OUT_OF_SCOPE']);
    // Nor as an entity by its record ID, even without selecting householdId.
    const entity = await ok(as(caseworker(village)), `query($r: [_Any!]!) { _entities(representations: $r) { ... on HospitalSettlement { id diagnosis } } }`, {
      r: [{ __typename: 'HospitalSettlement', id: other.id }],
    });
    expect(entity._entities).toEqual([null]);
  });

  it('lets only its own officers write, in their region, and audits the write', async () => {
    const [c] = await sql(
      `SELECT id::text, household_id, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM family_doctor_contract
       WHERE household_id LIKE $1 || '%' AND end_date < '2023-01-01' ORDER BY id LIMIT 1`,
      [village],
    );
    const followUp = `mutation($id: ID!, $on: LocalDate!, $key: String!) { recordFamilyDoctorFollowUp(id: $id, input: { followedUpOn: $on }, idempotencyKey: $key) { contract { id followUpsDone } } }`;
    const state = async () => [
      (await sql('SELECT follow_ups_done AS n FROM family_doctor_contract WHERE id = $1', [c.id]))[0].n,
      ...(await sql(`SELECT (SELECT count(*)::int FROM change_event) AS changes, (SELECT count(*)::int FROM audit_event WHERE action = 'WRITE') AS writes`)).map((r) => [r.changes, r.writes]),
    ];
    const before = await state();

    expect(errorCodes(await as(officer('poverty-office'))(followUp, { id: c.id, on: c.end_date, key: 'access-follow-up-po' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as(officer('health', otherVillage))(followUp, { id: c.id, on: c.end_date, key: 'access-follow-up-other' }))).toEqual(['OUT_OF_SCOPE']);
    expect(await state()).toEqual(before);

    const done = (await ok(as(officer('health', village)), followUp, { id: c.id, on: c.end_date, key: 'access-follow-up-own' })).recordFamilyDoctorFollowUp;
    expect(done.contract).toEqual({ id: c.id, followUpsDone: before[0] + 1 });
    expect(await auditOf(c.household_id)).toContainEqual({
      action: 'WRITE', operation: 'recordFamilyDoctorFollowUp (updated)', record: 'FamilyDoctorContract', recordId: c.id, fields: [], masked: false, role: 'department_officer',
    });
  });
});
