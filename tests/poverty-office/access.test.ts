import { schemaPool } from '../support/pools';
import { loadRegister } from '@saf/poverty-office';
import { admin, analyst, caseworker, officer } from '../support/auth';
import { errorCodes, graphqlClient, ok } from '../support/graphql';
import { startTestPovertyOffice, TestSubgraph } from '../support/povertyOffice';

/**
 * Access rules (issue 6) on the poverty office's subgraph, on a generated register of 300
 * households: small cells of registerTotals, personal fields masked and audited, region scope of
 * reads, and who may write. A generated county of this size has one town (500154101) and four
 * villages, so the region a caller is limited to is a village (a 12-digit prefix; a town's 9
 * digits work the same way).
 */

const COUNTY = '500154';
let po: TestSubgraph;
let village: string;
let otherVillage: string;
const db = () => po.subgraph.database.dataSource;
const as = (caller: Parameters<typeof graphqlClient>[1]) => graphqlClient(po.subgraph.url, caller);
const isSmall = (n: number) => n > 0 && n < 5;

beforeAll(async () => {
  po = await startTestPovertyOffice();
  const pool = schemaPool(po.subgraph.database.url, po.subgraph.database.schema);
  await loadRegister(pool, { size: 300, seed: 1 });
  await pool.end();
  const villages: Array<{ village: string }> = await db().query('SELECT left(id, 12) AS village FROM household GROUP BY 1 ORDER BY count(*) DESC');
  [village, otherVillage] = villages.map((v) => v.village);
}, 180_000);
afterAll(() => po?.stop());

describe('access rules of the poverty office', () => {
  it('suppresses small cells of registerTotals for an analyst, and gives a caseworker the exact counts', async () => {
    const query = `{ registerTotals(regionPrefix: "${COUNTY}", year: 2019, groupBy: TOWN) { regionCode status welfareCategory mainCause households persons suppressed } }`;
    const exact = (await ok(as(caseworker()), query)).registerTotals;
    const seen = (await ok(as(analyst()), query)).registerTotals;
    expect(exact.every((r: any) => r.suppressed === false && r.households > 0)).toBe(true);
    expect(seen).toEqual(
      exact.map((r: any) => (isSmall(r.households) || isSmall(r.persons) ? { ...r, households: null, persons: null, suppressed: true } : r)),
    );
    expect(seen.some((r: any) => r.suppressed)).toBe(true);
    expect(seen.some((r: any) => !r.suppressed && r.households >= 5)).toBe(true);
  });

  it('masks phone, bank account, resident ID, income and cadre phone for an analyst, shows them to a caseworker, and audits both reads', async () => {
    const [row] = await db().query(
      `SELECT h.id, h.phone, h.bank_account, p.resident_id, i.year, i.net_income_per_capita_fen AS fen, c.phone AS cadre_phone
       FROM household h JOIN person p ON p.household_id = h.id AND p.relation = 'HEAD'
       JOIN household_income i ON i.household_id = h.id
       JOIN cadre_assignment a ON a.household_id = h.id JOIN cadre c ON c.id = a.cadre_id
       WHERE h.phone IS NOT NULL AND h.bank_account IS NOT NULL ORDER BY h.id, i.year LIMIT 1`,
    );
    const query = `query($id: HouseholdId!, $y: Int!) { household(id: $id) { phone bankAccount head { residentId } income(year: $y) { netIncomePerCapita aboveLine } cadres { cadre { phone } } } }`;
    const clear = (await ok(as(caseworker()), query, { id: row.id, y: row.year })).household;
    expect(clear).toMatchObject({ phone: row.phone, bankAccount: row.bank_account, head: { residentId: row.resident_id } });
    expect(clear.income.netIncomePerCapita).toBe((Number(row.fen) / 100).toFixed(2));
    expect(clear.cadres.map((c: any) => c.cadre.phone)).toContain(row.cadre_phone);

    const masked = (await ok(as(analyst()), query, { id: row.id, y: row.year })).household;
    const maskedPhone = (phone: string) => `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
    expect(masked.phone).toBe(maskedPhone(row.phone));
    expect(masked.bankAccount).toBe(`${'*'.repeat(row.bank_account.length - 4)}${row.bank_account.slice(-4)}`);
    expect(masked.head.residentId).toBe(`${row.resident_id.slice(0, 4)}**********${row.resident_id.slice(-4)}`);
    expect(masked.income).toEqual({ netIncomePerCapita: null, aboveLine: clear.income.aboveLine });
    expect(masked.cadres.map((c: any) => c.cadre.phone)).toContain(maskedPhone(row.cadre_phone));

    const events = (await ok(as(admin()), `query($id: HouseholdId!) { povertyOfficeAuditEvents(householdId: $id, first: 20) { action operation record fields masked role } }`, { id: row.id }))
      .povertyOfficeAuditEvents;
    expect(events).toEqual(
      expect.arrayContaining([
        { action: 'READ_PERSONAL', operation: 'read Household', record: 'Household', fields: ['phone', 'bankAccount'], masked: true, role: 'analyst' },
        { action: 'READ_PERSONAL', operation: 'read Household', record: 'Household', fields: ['phone', 'bankAccount'], masked: false, role: 'caseworker' },
        { action: 'READ_PERSONAL', operation: 'read Person', record: 'Person', fields: ['residentId'], masked: true, role: 'analyst' },
        { action: 'READ_PERSONAL', operation: 'read HouseholdIncome', record: 'HouseholdIncome', fields: ['netIncomePerCapita'], masked: true, role: 'analyst' },
      ]),
    );
  });

  it('lets only caseworkers and officers look a person up by resident ID, within their region, audited', async () => {
    const [p] = await db().query(`SELECT id, household_id, resident_id FROM person WHERE household_id LIKE $1 || '%' ORDER BY id LIMIT 1`, [village]);
    const lookup = `query($r: ResidentId!) { personIdByResidentId(residentId: $r) }`;
    expect(errorCodes(await as(analyst())(lookup, { r: p.resident_id }))).toEqual(['FORBIDDEN']);
    expect((await ok(as(caseworker(otherVillage)), lookup, { r: p.resident_id })).personIdByResidentId).toBeNull();
    expect((await ok(as(caseworker(village)), lookup, { r: p.resident_id })).personIdByResidentId).toBe(p.id);
    const events = (await ok(as(admin()), `query($id: HouseholdId!) { povertyOfficeAuditEvents(householdId: $id, first: 50) { action record personId fields masked role } }`, { id: p.household_id }))
      .povertyOfficeAuditEvents;
    expect(events).toContainEqual({ action: 'READ_PERSONAL', record: 'Person', personId: p.id, fields: ['residentId'], masked: false, role: 'caseworker' });
  });

  it("gives a village's caseworker only that village's households, and OUT_OF_SCOPE for another village's", async () => {
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM household WHERE id LIKE $1 || '%'`, [village]);
    const page = (await ok(as(caseworker(village)), `{ households(first: 1000) { totalCount nodes { id } } }`)).households;
    expect(page.totalCount).toBe(n);
    expect(page.nodes).toHaveLength(n);
    expect(page.nodes.every((h: { id: string }) => h.id.startsWith(village))).toBe(true);

    const [other] = await db().query(`SELECT id FROM household WHERE id LIKE $1 || '%' LIMIT 1`, [otherVillage]);
    expect(errorCodes(await as(caseworker(village))(`query($id: HouseholdId!) { household(id: $id) { id } }`, { id: other.id }))).toEqual(['OUT_OF_SCOPE']);
    expect(errorCodes(await as(caseworker(village))(`{ registerTotals(regionPrefix: "${COUNTY}", year: 2019) { households } }`))).toEqual(['OUT_OF_SCOPE']);
  });

  it('lets only its own officers write, in their region, and audits the write', async () => {
    const [target] = await db().query(`SELECT id FROM household WHERE id LIKE $1 || '%' ORDER BY id LIMIT 1`, [village]);
    const visit = `mutation($id: HouseholdId!, $key: String!) { recordHouseholdVisit(householdId: $id, idempotencyKey: $key, input: {
      visitDate: "2020-06-01", visitor: "帮扶干部", foodSecure: true, clothingSecure: true, drinkingWaterSafe: true }) { visit { id } } }`;
    const visits = async () => (await db().query('SELECT count(*)::int AS n FROM household_visit WHERE household_id = $1', [target.id]))[0].n;
    const writes = async () => (await db().query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'WRITE'`))[0].n;
    const before = [await visits(), await writes()];

    expect(errorCodes(await as(officer('health'))(visit, { id: target.id, key: 'access-visit-health' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as(officer('poverty-office', otherVillage))(visit, { id: target.id, key: 'access-visit-other-village' }))).toEqual(['OUT_OF_SCOPE']);
    expect([await visits(), await writes()]).toEqual(before);

    const done = await ok(as(officer('poverty-office', village)), visit, { id: target.id, key: 'access-visit-own-village' });
    expect(await visits()).toBe(before[0] + 1);
    const events = (await ok(as(admin(village)), `query($id: HouseholdId!) { povertyOfficeAuditEvents(householdId: $id, first: 10) { action operation recordId role } }`, { id: target.id }))
      .povertyOfficeAuditEvents;
    expect(events).toContainEqual({ action: 'WRITE', operation: expect.stringContaining('recordHouseholdVisit'), recordId: String(done.recordHouseholdVisit.visit.id), role: 'department_officer' });
  });
});
