import { errorCodes, metric } from '../support/graphql';
import { startTestPovertyOffice, TestSubgraph } from '../support/povertyOffice';
import { COUNTY, householdInput, insertHouseholds, OTHER_VILLAGE, POOR_VILLAGE, residentId, seedRegions, TOWNSHIP } from '../support/registerFixtures';

/*
 * The poverty office's part of the sector view, on hand-made households (year 2019, line 3218.00
 * yuan, assessment date 2019-12-31), queried straight on its subgraph:
 *
 *   A (poor village)  identified 2014, all ten identification steps, two exit steps in 2019, exited
 *                     2019-12-20; income 3218.01; visits 2019-03 (insecure), 2019-10 (all secure),
 *                     2020-01 (insecure, another year)                → every predicate MET, IDENTIFICATION_EXIT met
 *   B (poor village)  DIBAO, one member left; three identification steps; income 3218.00 (at the
 *                     line); visits 2019-05 (secure), 2019-11 (clothing and water not) → NOT_MET, not met
 *   C (poor village)  cause DISASTER; income and a visit in 2018 only; no steps   → NOT_MET (no record), not met
 *   D (other village) every member left or died                       → NOT_APPLICABLE, not met (no steps)
 *   E (other village) DESTITUTE, identified 2020-03-01                → IDENTIFICATION_EXIT not needed in 2019
 */

const YEAR = 2019;
const TOWN_PREFIX = TOWNSHIP.slice(0, 9);
const BULK_TOWNSHIP = '500154102000';
const BULK_VILLAGE = '500154102201';

let po: TestSubgraph;
let keyCounter = 0;
const key = (what: string) => `${what}-${++keyCounter}-assistance-test`;
const ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };

async function ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await po.gql(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

async function register(village: string, identifiedOn: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const data = await ok(`mutation($input: RegisterHouseholdInput!, $key: String!) { registerHousehold(input: $input, idempotencyKey: $key) { household { id } } }`, {
    input: householdInput({ villageCode: village, identifiedOn, ...overrides }),
    key: key('register'),
  });
  return data.registerHousehold.household.id;
}

const income = (id: string, year: number, yuan: string) =>
  ok(`mutation($id: HouseholdId!, $input: IncomeInput!, $key: String!) { recordHouseholdIncome(householdId: $id, input: $input, idempotencyKey: $key) { replayed } }`, {
    id,
    input: { year, netIncomePerCapita: yuan },
    key: key('income'),
  });

const visit = (id: string, visitDate: string, foodSecure: boolean, clothingSecure: boolean, drinkingWaterSafe: boolean) =>
  ok(`mutation($id: HouseholdId!, $input: VisitInput!, $key: String!) { recordHouseholdVisit(householdId: $id, input: $input, idempotencyKey: $key) { visit { id } } }`, {
    id,
    input: { visitDate, visitor: '帮扶干部', foodSecure, clothingSecure, drinkingWaterSafe },
    key: key('visit'),
  });

const POSTINGS = new Set(['FIRST_POSTING', 'SECOND_POSTING', 'ANNOUNCEMENT', 'VILLAGE_POSTING', 'EXIT_ANNOUNCEMENT']);
async function steps(id: string, procedure: 'IDENTIFICATION' | 'EXIT', codes: string[], firstDate: string): Promise<void> {
  let date = new Date(`${firstDate}T00:00:00Z`);
  for (const step of codes) {
    const stepDate = date.toISOString().slice(0, 10);
    const end = new Date(date.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const posting = POSTINGS.has(step) ? { postingStart: stepDate, postingEnd: end } : {};
    await ok(`mutation($id: HouseholdId!, $input: ProcedureStepInput!, $key: String!) { recordProcedureStep(householdId: $id, input: $input, idempotencyKey: $key) { step { id } } }`, {
      id,
      input: { procedure, step, actor: '村委会', actorLevel: 'VILLAGE', stepDate, evidence: `${step} 记录`, ...posting },
      key: key('step'),
    });
    date = new Date(date.getTime() + 10 * 86_400_000);
  }
}

const memberStatus = (personId: string, status: 'LEFT' | 'DECEASED') =>
  ok(`mutation($p: PersonId!, $key: String!) { updateHouseholdMember(personId: $p, input: { memberStatus: ${status} }, idempotencyKey: $key) { person { id } } }`, {
    p: personId,
    key: key('member'),
  });

const IDENTIFICATION = ['APPLICATION', 'GROUP_REVIEW', 'VILLAGE_VERIFICATION', 'FIRST_POSTING', 'TOWNSHIP_REVIEW', 'SECOND_POSTING', 'COUNTY_APPROVAL', 'ANNOUNCEMENT', 'SYSTEM_ENTRY', 'FILE_CREATED'];

beforeAll(async () => {
  po = await startTestPovertyOffice();
  const db = po.subgraph.database.dataSource;
  await seedRegions(db);
  await db.query(`INSERT INTO region (code, name, level, parent_code, is_poor_village) VALUES
    ('${BULK_TOWNSHIP}', '文峰镇', 4, '${COUNTY}', false), ('${BULK_VILLAGE}', '红花村', 5, '${BULK_TOWNSHIP}', false)`);

  ids.A = await register(POOR_VILLAGE, '2014-06-01');
  await steps(ids.A, 'IDENTIFICATION', IDENTIFICATION, '2014-03-01');
  await steps(ids.A, 'EXIT', ['COMMUNITY_REVIEW', 'VERIFICATION'], '2019-10-10');
  await income(ids.A, YEAR, '3218.01');
  await visit(ids.A, '2019-03-01', false, true, false);
  await visit(ids.A, '2019-10-01', true, true, true);
  await visit(ids.A, '2020-01-05', false, false, false);
  await ok(`mutation($id: HouseholdId!) { changeHouseholdStatus(id: $id, input: { status: EXITED_WITH_POLICY, effectiveFrom: "2019-12-20", reason: "两不愁三保障" }, idempotencyKey: "exit-A-2019") { household { id } } }`, { id: ids.A });

  ids.B = await register(POOR_VILLAGE, '2014-06-01', { welfareCategory: 'DIBAO' });
  await steps(ids.B, 'IDENTIFICATION', IDENTIFICATION.slice(0, 3), '2014-03-01');
  await income(ids.B, YEAR, '3218.00');
  await visit(ids.B, '2019-05-01', true, true, true);
  await visit(ids.B, '2019-11-20', true, false, false);
  await memberStatus(`${ids.B}-03`, 'LEFT');

  ids.C = await register(POOR_VILLAGE, '2014-06-01', { mainCause: 'DISASTER' });
  await income(ids.C, 2018, '5000.00');
  await visit(ids.C, '2018-06-01', true, true, true);

  ids.D = await register(OTHER_VILLAGE, '2014-06-01', {
    members: [
      { residentId: residentId('1940-01-01', 'MALE'), name: '孤老甲', relation: 'HEAD', healthStatus: 'SERIOUS_ILLNESS', labourCapacity: 'LOST' },
      { residentId: residentId('1942-01-01', 'FEMALE'), name: '孤老乙', relation: 'SPOUSE', healthStatus: 'HEALTHY', labourCapacity: 'LOST' },
    ],
  });
  await income(ids.D, YEAR, '1000.00');
  await memberStatus(`${ids.D}-01`, 'DECEASED');
  await memberStatus(`${ids.D}-02`, 'LEFT');

  ids.E = await register(OTHER_VILLAGE, '2020-03-01', { welfareCategory: 'DESTITUTE' });

  // The bulk village for the SQL-count checks: 100 households with records in every table read.
  await insertHouseholds(db, BULK_VILLAGE, 100);
  const range = [BULK_VILLAGE, `${BULK_VILLAGE}9999`];
  await db.query(`INSERT INTO household_income (household_id, year, net_income_per_capita_fen, household_size) SELECT id, 2019, 400000, 3 FROM household WHERE id >= $1 AND id <= $2`, range);
  await db.query(
    `INSERT INTO household_visit (household_id, visit_date, visitor, food_secure, clothing_secure, drinking_water_safe) SELECT id, DATE '2019-06-01', '干部', true, true, true FROM household WHERE id >= $1 AND id <= $2`,
    range,
  );
  await db.query(
    `INSERT INTO procedure_step (household_id, procedure, step, step_order, actor, actor_level, step_date, evidence)
     SELECT id, 'IDENTIFICATION', 'APPLICATION', 1, '户主', 'VILLAGE', DATE '2015-01-10', '申请书' FROM household WHERE id >= $1 AND id <= $2`,
    range,
  );
});
afterAll(() => po?.stop());

const CONTRIBUTION = `povertyOffice { department role measures { department role recordType recordId programme year date amount personId } verdict { needed met reason evidence { department recordType recordId date note } expects { department sourceRecordId } } }`;
const PREDICATE = `{ predicate department status reason evidence { department recordType recordId date note } }`;
const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on AreaAssistance { householdId area year members { personId birthDate active } leadFederated dutyArea { code lead { code } joint { code } } ${CONTRIBUTION} }
  ... on ExitAssessment { householdId year members { personId active } income ${PREDICATE} foodAndClothing ${PREDICATE} drinkingWater ${PREDICATE} }
} }`;

const exitOf = async (id: string, year = YEAR) => (await ok(ENTITIES, { reps: [{ __typename: 'ExitAssessment', householdId: id, year }] }))._entities[0];
const areaOf = async (id: string, area: string, year = YEAR) => (await ok(ENTITIES, { reps: [{ __typename: 'AreaAssistance', householdId: id, area, year }] }))._entities[0];

describe('exit predicates (ExitAssessment through _entities)', () => {
  it('MET: income above the line, food, clothing and water secure at the latest visit of the year', async () => {
    const exit = await exitOf(ids.A);
    expect(exit.income).toEqual({
      predicate: 'INCOME',
      department: 'POVERTY_OFFICE',
      status: 'MET',
      reason: 'income above the line: 3218.01 yuan per person against the 2019 line of 3218.00 yuan',
      evidence: [{ department: 'POVERTY_OFFICE', recordType: 'HouseholdIncome', recordId: `${ids.A}/2019`, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), note: 'net income 3218.01 yuan per person in 2019' }],
    });
    // The March visit found food and water lacking, the October one all secure: the latest counts;
    // the January 2020 visit belongs to another year.
    for (const p of [exit.foodAndClothing, exit.drinkingWater]) {
      expect(p.status).toBe('MET');
      expect(p.evidence).toEqual([expect.objectContaining({ recordType: 'HouseholdVisit', date: '2019-10-01' })]);
    }
    expect(exit.foodAndClothing.predicate).toBe('FOOD_AND_CLOTHING');
    expect(exit.drinkingWater.predicate).toBe('DRINKING_WATER');
    expect(exit.members).toHaveLength(3);
  });

  it('NOT_MET: income exactly at the line; clothing and water lacking at the latest visit', async () => {
    const exit = await exitOf(ids.B);
    expect(exit.income).toMatchObject({ status: 'NOT_MET', reason: 'income at or below the line: 3218.00 yuan per person against the 2019 line of 3218.00 yuan' });
    expect(exit.income.evidence[0].recordId).toBe(`${ids.B}/2019`);
    expect(exit.foodAndClothing).toMatchObject({ status: 'NOT_MET', reason: 'clothing not secure at the visit of 2019-11-20' });
    expect(exit.drinkingWater).toMatchObject({ status: 'NOT_MET', reason: 'drinking water not safe at the visit of 2019-11-20' });
    expect(exit.drinkingWater.evidence).toEqual([expect.objectContaining({ recordType: 'HouseholdVisit', date: '2019-11-20', note: 'drinking water not safe' })]);
  });

  it('NOT_MET with the reason: no income record and no visit in the year', async () => {
    const exit = await exitOf(ids.C);
    expect(exit.income).toMatchObject({ status: 'NOT_MET', reason: 'no income record for 2019', evidence: [] });
    expect(exit.foodAndClothing).toMatchObject({ status: 'NOT_MET', reason: 'no household visit between 2019-01-01 and 2019-12-31', evidence: [] });
    expect(exit.drinkingWater).toMatchObject({ status: 'NOT_MET', evidence: [] });
    // The 2018 records count for 2018.
    const earlier = await exitOf(ids.C, 2018);
    expect([earlier.income.status, earlier.foodAndClothing.status, earlier.drinkingWater.status]).toEqual(['MET', 'MET', 'MET']);
  });

  it('NOT_APPLICABLE: a dissolved household (no active member), even with an income record', async () => {
    const exit = await exitOf(ids.D);
    for (const p of [exit.income, exit.foodAndClothing, exit.drinkingWater]) {
      expect(p).toMatchObject({ status: 'NOT_APPLICABLE', reason: expect.stringContaining('no active member'), evidence: [] });
    }
    expect(exit.members).toEqual([
      { personId: `${ids.D}-01`, active: false },
      { personId: `${ids.D}-02`, active: false },
    ]);
  });

  it('resolves only households of the register; Household.exitAssessment validates the year', async () => {
    const res = await ok(ENTITIES, { reps: [{ __typename: 'ExitAssessment', householdId: `${POOR_VILLAGE}9999`, year: YEAR }, { __typename: 'AreaAssistance', householdId: ids.A, area: 'NOPE', year: YEAR }] });
    expect(res._entities).toEqual([null, null]);
    const viaHousehold = await ok(`query($id: HouseholdId!) { household(id: $id) { exitAssessment(year: 2019) { householdId year income { status } } } }`, { id: ids.A });
    expect(viaHousehold.household.exitAssessment).toEqual({ householdId: ids.A, year: 2019, income: { status: 'MET' } });
    expect(errorCodes(await po.gql(`query($id: HouseholdId!) { household(id: $id) { exitAssessment(year: 2012) { year } } }`, { id: ids.A }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the sector assistance view (AreaAssistance)', () => {
  it('Household.assistance gives the 19 areas in matrix order, with members, duty area, leadFederated and the poverty office part', async () => {
    const data = await ok(`query($id: HouseholdId!) { household(id: $id) {
      assistance(year: 2019) { householdId area year members { personId birthDate active } dutyArea { code } leadFederated ${CONTRIBUTION} }
      latest: assistance { year }
    } }`, { id: ids.B });
    const areas = data.household.assistance;
    expect(areas).toHaveLength(19);
    expect(areas.map((a: { area: string }) => a.area)).toEqual([
      'INDUSTRY', 'FINANCIAL_SERVICES', 'EMPLOYMENT', 'RELOCATION', 'EDUCATION', 'HEALTH', 'ECOLOGICAL_COMPENSATION', 'SOCIAL_SAFETY_NET', 'HOUSING_RENOVATION',
      'TRANSPORT', 'WATER', 'IDENTIFICATION_EXIT', 'VILLAGE_ASSISTANCE', 'PUBLICITY', 'CULTURE', 'FUND_SUPERVISION', 'ANTI_CORRUPTION', 'SOCIAL_MOBILIZATION', 'ARMED_FORCES',
    ]);
    expect(areas.every((a: { householdId: string; year: number; dutyArea: { code: string }; area: string }) => a.householdId === ids.B && a.year === 2019 && a.dutyArea.code === a.area)).toBe(true);
    expect(areas[0].members).toEqual([
      { personId: `${ids.B}-01`, birthDate: '1968-03-02', active: true },
      { personId: `${ids.B}-02`, birthDate: '1970-11-20', active: true },
      { personId: `${ids.B}-03`, birthDate: '2008-09-01', active: false },
    ]);
    const byArea = Object.fromEntries(areas.map((a: { area: string }) => [a.area, a]));
    // leadFederated from the matrix data: a lead with a subgraph, or (no lead) a joint one.
    expect(byArea.EDUCATION.leadFederated).toBe(true);
    expect(byArea.IDENTIFICATION_EXIT.leadFederated).toBe(true);
    expect(byArea.PUBLICITY.leadFederated).toBe(true);
    expect(byArea.INDUSTRY.leadFederated).toBe(false);
    expect(byArea.VILLAGE_ASSISTANCE.leadFederated).toBe(false);
    expect(byArea.ARMED_FORCES.leadFederated).toBe(false);
    // Supported areas: the register holds no measure of its own → null; areas without a role → null.
    expect(byArea.INDUSTRY.povertyOffice).toBeNull();
    expect(byArea.HEALTH.povertyOffice).toBeNull();
    expect(byArea.CULTURE.povertyOffice).toBeNull();
    for (const code of ['PUBLICITY', 'FUND_SUPERVISION', 'ANTI_CORRUPTION', 'SOCIAL_MOBILIZATION']) {
      expect(byArea[code].povertyOffice).toEqual({
        department: 'POVERTY_OFFICE',
        role: 'JOINT',
        measures: [],
        verdict: { needed: false, met: false, reason: 'programme-level duty: no per-household need', evidence: [], expects: [] },
      });
    }
    expect(data.household.latest).toHaveLength(19);
    expect(data.household.latest[0].year).toBe(2020);
  });

  it('IDENTIFICATION_EXIT needed and met: all ten identification steps; the exit steps of the year are its JOINT measures', async () => {
    const entry = await areaOf(ids.A, 'IDENTIFICATION_EXIT');
    expect(entry.dutyArea).toEqual({ code: 'IDENTIFICATION_EXIT', lead: [], joint: expect.arrayContaining([{ code: 'POVERTY_OFFICE' }]) });
    const part = entry.povertyOffice;
    expect(part).toMatchObject({ department: 'POVERTY_OFFICE', role: 'JOINT' });
    expect(part.measures).toEqual([
      { department: 'POVERTY_OFFICE', role: 'JOINT', recordType: 'ProcedureStep', recordId: expect.any(String), programme: 'COMMUNITY_REVIEW', year: 2019, date: '2019-10-10', amount: null, personId: null },
      { department: 'POVERTY_OFFICE', role: 'JOINT', recordType: 'ProcedureStep', recordId: expect.any(String), programme: 'VERIFICATION', year: 2019, date: '2019-10-20', amount: null, personId: null },
    ]);
    expect(part.verdict).toMatchObject({ needed: true, met: true, expects: [], reason: expect.stringContaining('file created (建档) on 2014-05-30') });
    expect(part.verdict.evidence.map((e: { note: string }) => e.note)).toEqual(IDENTIFICATION);
    // In 2014 the identification steps are the year's measures.
    const in2014 = await areaOf(ids.A, 'IDENTIFICATION_EXIT', 2014);
    expect(in2014.povertyOffice.measures.map((m: { programme: string }) => m.programme)).toEqual(IDENTIFICATION);
  });

  it('IDENTIFICATION_EXIT needed and not met: an incomplete procedure, or none recorded', async () => {
    const b = (await areaOf(ids.B, 'IDENTIFICATION_EXIT')).povertyOffice;
    expect(b.measures).toEqual([]);
    expect(b.verdict).toMatchObject({ needed: true, met: false, reason: expect.stringContaining('7 of 10 steps missing (FIRST_POSTING,') });
    expect(b.verdict.evidence).toHaveLength(3);
    const c = (await areaOf(ids.C, 'IDENTIFICATION_EXIT')).povertyOffice;
    expect(c.verdict).toMatchObject({ needed: true, met: false, evidence: [], reason: `no identification procedure step recorded for household ${ids.C} by 2019-12-31` });
  });

  it('IDENTIFICATION_EXIT not needed before the household was identified', async () => {
    const e2019 = (await areaOf(ids.E, 'IDENTIFICATION_EXIT')).povertyOffice;
    expect(e2019.verdict).toMatchObject({ needed: false, met: false, reason: 'not yet in the register on 2019-12-31: identified on 2020-03-01' });
    const e2020 = (await areaOf(ids.E, 'IDENTIFICATION_EXIT', 2020)).povertyOffice;
    expect(e2020.verdict).toMatchObject({ needed: true, met: false });
  });

  it('validates the year of Household.assistance', async () => {
    for (const year of [2012, 2999]) {
      expect(errorCodes(await po.gql(`query($id: HouseholdId!) { household(id: $id) { assistance(year: ${year}) { area } } }`, { id: ids.A }))).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('aggregates and feeds (one SQL statement each)', () => {
  const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it('registerTotals: households and active persons by status on the assessment date, category and cause', async () => {
    const data = await ok(`{ registerTotals(regionPrefix: "${TOWN_PREFIX}", year: 2019, groupBy: VILLAGE) { regionCode status welfareCategory mainCause households persons } }`);
    expect(sorted(data.registerTotals)).toEqual(
      sorted([
        { regionCode: POOR_VILLAGE, status: 'EXITED_WITH_POLICY', welfareCategory: 'GENERAL', mainCause: 'ILLNESS', households: 1, persons: 3 },
        { regionCode: POOR_VILLAGE, status: 'NOT_EXITED', welfareCategory: 'DIBAO', mainCause: 'ILLNESS', households: 1, persons: 2 },
        { regionCode: POOR_VILLAGE, status: 'NOT_EXITED', welfareCategory: 'GENERAL', mainCause: 'DISASTER', households: 1, persons: 3 },
        { regionCode: OTHER_VILLAGE, status: 'NOT_EXITED', welfareCategory: 'GENERAL', mainCause: 'ILLNESS', households: 1, persons: 0 },
      ]),
    );
    // In 2018 A had not exited yet; grouped by town (the default).
    const in2018 = await ok(`{ registerTotals(regionPrefix: "${TOWN_PREFIX}", year: 2018) { regionCode status welfareCategory mainCause households persons } }`);
    expect(sorted(in2018.registerTotals)).toEqual(
      sorted([
        { regionCode: TOWN_PREFIX, status: 'NOT_EXITED', welfareCategory: 'DIBAO', mainCause: 'ILLNESS', households: 1, persons: 2 },
        { regionCode: TOWN_PREFIX, status: 'NOT_EXITED', welfareCategory: 'GENERAL', mainCause: 'DISASTER', households: 1, persons: 3 },
        { regionCode: TOWN_PREFIX, status: 'NOT_EXITED', welfareCategory: 'GENERAL', mainCause: 'ILLNESS', households: 2, persons: 3 },
      ]),
    );
  });

  it('povertyOfficeExitFailures: three sorted lists, dissolved households never listed', async () => {
    const data = await ok(`{ povertyOfficeExitFailures(regionPrefix: "${TOWN_PREFIX}", year: 2019) { predicate department householdIds } }`);
    // E (identified 2020) has no 2019 records either: it fails too (householdsInPoverty leaves it out for 2019).
    expect(data.povertyOfficeExitFailures).toEqual([
      { predicate: 'INCOME', department: 'POVERTY_OFFICE', householdIds: [ids.B, ids.C, ids.E] },
      { predicate: 'FOOD_AND_CLOTHING', department: 'POVERTY_OFFICE', householdIds: [ids.B, ids.C, ids.E] },
      { predicate: 'DRINKING_WATER', department: 'POVERTY_OFFICE', householdIds: [ids.B, ids.C, ids.E] },
    ]);
    // The same households as the per-household predicates say.
    for (const id of Object.values(ids)) {
      const exit = await exitOf(id);
      const failing = data.povertyOfficeExitFailures.map((f: { householdIds: string[] }) => f.householdIds.includes(id));
      expect(failing).toEqual([exit.income, exit.foodAndClothing, exit.drinkingWater].map((p) => p.status === 'NOT_MET'));
    }
  });

  it('povertyOfficeAreaCoverage: IDENTIFICATION_EXIT in need, covered and in gap per village', async () => {
    const data = await ok(`{ povertyOfficeAreaCoverage(regionPrefix: "${TOWN_PREFIX}", year: 2019, groupBy: VILLAGE) { regionCode area department inNeed covered gap } }`);
    expect(data.povertyOfficeAreaCoverage).toEqual([
      { regionCode: POOR_VILLAGE, area: 'IDENTIFICATION_EXIT', department: 'POVERTY_OFFICE', inNeed: 3, covered: 1, gap: 2 },
      { regionCode: OTHER_VILLAGE, area: 'IDENTIFICATION_EXIT', department: 'POVERTY_OFFICE', inNeed: 1, covered: 0, gap: 1 },
    ]);
    const in2020 = await ok(`{ povertyOfficeAreaCoverage(regionPrefix: "${OTHER_VILLAGE}", year: 2020) { regionCode inNeed covered gap } }`);
    expect(in2020.povertyOfficeAreaCoverage).toEqual([{ regionCode: OTHER_VILLAGE, inNeed: 2, covered: 0, gap: 2 }]);
  });

  it('povertyOfficeMeasureTotals: procedure steps of the year per step', async () => {
    const data = await ok(`{ povertyOfficeMeasureTotals(regionPrefix: "${TOWN_PREFIX}", year: 2019) { regionCode department role area programme measures households amount } }`);
    expect(data.povertyOfficeMeasureTotals).toEqual(
      ['COMMUNITY_REVIEW', 'VERIFICATION'].map((programme) => ({
        regionCode: TOWN_PREFIX, department: 'POVERTY_OFFICE', role: 'JOINT', area: 'IDENTIFICATION_EXIT', programme, measures: 1, households: 1, amount: null,
      })),
    );
    const in2014 = await ok(`{ povertyOfficeMeasureTotals(regionPrefix: "${POOR_VILLAGE}", year: 2014) { programme measures households } }`);
    expect(in2014.povertyOfficeMeasureTotals.map((r: { programme: string }) => r.programme)).toEqual(IDENTIFICATION);
    expect(in2014.povertyOfficeMeasureTotals[0]).toEqual({ programme: 'APPLICATION', measures: 2, households: 2 });
    expect(in2014.povertyOfficeMeasureTotals[9]).toEqual({ programme: 'FILE_CREATED', measures: 1, households: 1 });
  });

  it('householdsInPoverty: NOT_EXITED or RETURNED_TO_POVERTY on the assessment date', async () => {
    const q = (year: number) => ok(`{ householdsInPoverty(regionPrefix: "${TOWN_PREFIX}", year: ${year}) }`);
    expect((await q(2019)).householdsInPoverty).toEqual([ids.B, ids.C, ids.D]);
    expect((await q(2018)).householdsInPoverty).toEqual([ids.A, ids.B, ids.C, ids.D]);
    expect((await q(2020)).householdsInPoverty).toEqual([ids.B, ids.C, ids.D, ids.E]);
  });

  it('welfareRoster and registerLookup: the register side of 两线合一', async () => {
    const roster = await ok(`{ welfareRoster(regionPrefix: "${TOWN_PREFIX}") { householdId welfareCategory activePersonIds } }`);
    expect(roster.welfareRoster).toEqual([
      { householdId: ids.B, welfareCategory: 'DIBAO', activePersonIds: [`${ids.B}-01`, `${ids.B}-02`] },
      { householdId: ids.E, welfareCategory: 'DESTITUTE', activePersonIds: [`${ids.E}-01`, `${ids.E}-02`, `${ids.E}-03`] },
    ]);
    const lookup = await ok(`query($ids: [HouseholdId!]!) { registerLookup(householdIds: $ids) { householdId welfareCategory activePersonIds } }`, {
      ids: [ids.D, ids.A, `${OTHER_VILLAGE}9999`, ids.A],
    });
    expect(lookup.registerLookup).toEqual([
      { householdId: ids.A, welfareCategory: 'GENERAL', activePersonIds: [`${ids.A}-01`, `${ids.A}-02`, `${ids.A}-03`] },
      { householdId: ids.D, welfareCategory: 'GENERAL', activePersonIds: [] },
    ]);
    expect((await ok(`{ registerLookup(householdIds: []) { householdId } }`)).registerLookup).toEqual([]);
  });

  it('registerLookup refuses more than 50,000 IDs', async () => {
    const many: string[] = [];
    for (let v = 1; many.length <= 50_000; v++) {
      const village = `5001541012${String(v).padStart(2, '0')}`;
      for (let s = 1; s <= 9999 && many.length <= 50_000; s++) many.push(`${village}${String(s).padStart(4, '0')}`);
    }
    const res = await po.gql(`query($ids: [HouseholdId!]!) { registerLookup(householdIds: $ids) { householdId } }`, { ids: many });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions).toMatchObject({ field: 'householdIds', limit: 50_000 });
  });

  it('villages: the villages under a prefix with their poor-village flag', async () => {
    expect((await ok(`{ villages(regionPrefix: "${TOWN_PREFIX}") { code isPoorVillage } }`)).villages).toEqual([
      { code: POOR_VILLAGE, isPoorVillage: true },
      { code: OTHER_VILLAGE, isPoorVillage: false },
    ]);
    expect((await ok(`{ villages(regionPrefix: "500154") { code } }`)).villages.map((v: { code: string }) => v.code)).toEqual([POOR_VILLAGE, OTHER_VILLAGE, BULK_VILLAGE]);
  });

  it.each([
    ['registerTotals', `registerTotals(regionPrefix: "5001541", year: 2019) { households }`, 'INVALID_REGION_CODE'],
    ['registerTotals', `registerTotals(regionPrefix: "${TOWN_PREFIX}", year: 2012) { households }`, 'BAD_USER_INPUT'],
    ['povertyOfficeExitFailures', `povertyOfficeExitFailures(regionPrefix: "50x", year: 2019) { predicate }`, 'INVALID_REGION_CODE'],
    ['povertyOfficeExitFailures', `povertyOfficeExitFailures(regionPrefix: "${TOWN_PREFIX}", year: 3000) { predicate }`, 'BAD_USER_INPUT'],
    ['povertyOfficeAreaCoverage', `povertyOfficeAreaCoverage(regionPrefix: "5001", year: 2012) { inNeed }`, 'BAD_USER_INPUT'],
    ['povertyOfficeAreaCoverage', `povertyOfficeAreaCoverage(regionPrefix: "", year: 2019) { inNeed }`, 'INVALID_REGION_CODE'],
    ['povertyOfficeMeasureTotals', `povertyOfficeMeasureTotals(regionPrefix: "5001541011", year: 2019) { measures }`, 'INVALID_REGION_CODE'],
    ['householdsInPoverty', `householdsInPoverty(regionPrefix: "${TOWN_PREFIX}", year: 2000)`, 'BAD_USER_INPUT'],
    ['householdsInPoverty', `householdsInPoverty(regionPrefix: "abc", year: 2019)`, 'INVALID_REGION_CODE'],
    ['welfareRoster', `welfareRoster(regionPrefix: "5") { householdId }`, 'INVALID_REGION_CODE'],
    ['villages', `villages(regionPrefix: "5001541") { code }`, 'INVALID_REGION_CODE'],
  ])('%s rejects a bad prefix or year with the kit error code', async (_field, selection, code) => {
    expect(errorCodes(await po.gql(`{ ${selection} }`))).toEqual([code]);
  });
});

describe('batching', () => {
  const bulkIds = (n: number) => Array.from({ length: n }, (_, i) => `${BULK_VILLAGE}${String(i + 1).padStart(4, '0')}`);
  const AREAS = 19;

  async function statements(run: () => Promise<void>): Promise<number> {
    const before = await metric(po.subgraph.url, 'saf_sql_statements_total');
    await run();
    return (await metric(po.subgraph.url, 'saf_sql_statements_total')) - before;
  }

  it('costs the same SQL statements for 10 and 100 households through _entities (19 areas + 1 exit assessment each)', async () => {
    const areas = (await ok(`{ dutyAreas { code } }`)).dutyAreas.map((a: { code: string }) => a.code);
    expect(areas).toHaveLength(AREAS);
    const run = (n: number) => async () => {
      const reps = bulkIds(n).flatMap((householdId) => [
        ...areas.map((area: string) => ({ __typename: 'AreaAssistance', householdId, area, year: YEAR })),
        { __typename: 'ExitAssessment', householdId, year: YEAR },
      ]);
      const res = await ok(ENTITIES, { reps });
      expect(res._entities).toHaveLength(n * (AREAS + 1));
      expect(res._entities.every((e: unknown) => e !== null)).toBe(true);
      expect(res._entities[AREAS].income.status).toBe('MET');
      expect(res._entities[0].members).toHaveLength(3);
    };
    await run(10)(); // warm: the duty matrix is cached per process for a minute
    const ten = await statements(run(10));
    const hundred = await statements(run(100));
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(10);
  });

  it('costs the same SQL statements for a page of 10 and of 100 households with assistance (members) and exitAssessment', async () => {
    const run = (n: number) => async () => {
      const res = await ok(`{ households(filter: { regionPrefix: "${BULK_VILLAGE}" }, first: ${n}) { nodes { id
        assistance(year: 2019) { area members { personId birthDate active } dutyArea { code lead { code } } leadFederated ${CONTRIBUTION} }
        exitAssessment(year: 2019) { members { personId active } income ${PREDICATE} foodAndClothing ${PREDICATE} drinkingWater ${PREDICATE} }
      } } }`);
      expect(res.households.nodes).toHaveLength(n);
      expect(res.households.nodes[0].assistance).toHaveLength(AREAS);
    };
    await run(10)(); // warm: the duty matrix is cached per process for a minute
    const ten = await statements(run(10));
    const hundred = await statements(run(100));
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(10);
  });
});
