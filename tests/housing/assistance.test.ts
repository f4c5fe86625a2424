import { DutyAreaCode } from '@saf/kit';
import { HouseholdBundle } from '@saf/poverty-office';
import { financeRecordsFor } from '@saf/finance';
import { housing, loadHousing } from '@saf/housing';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, GraphQLResponse, metric } from '../support/graphql';

/**
 * Housing's part of the sector view (AreaAssistance.housing, ExitAssessment.housingSafety) and its
 * aggregates. Village 202 (not poor) holds hand-made households only (its generated records are
 * deleted); the poor village 201 keeps the generator's records (renovations and relocations), to
 * check the SQL aggregates against the per-household resolvers on realistic data.
 */
const HANDMADE_VILLAGE = '500154101202';
const GENERATED_VILLAGE = '500154101201';
let h: DepartmentHarness;
let handmade: HouseholdBundle[];
let generated: HouseholdBundle[];

/** The hand-made households, by case. */
const H = {} as Record<'safeB' | 'started' | 'failed' | 'accepted' | 'reappraised' | 'noProject' | 'relocated' | 'neverAppraised' | 'appraisedLater', string>;

const sql = (text: string, params: unknown[] = []) => h.pool.query(text, params);

async function appraisal(householdId: string, n: number, rating: string, date: string, latest: boolean): Promise<string> {
  const id = `${householdId}-A0${n}`;
  await sql(
    `INSERT INTO dwelling_appraisal (id, household_id, rating, appraisal_date, appraiser, method, structure, floor_area, year_built, is_latest)
     VALUES ($1, $2, $3, $4, '开州区住房和城乡建设委员会鉴定组', 'COUNTY_HOUSING_BUREAU', 'EARTH', 80, 1980, $5)`,
    [id, householdId, rating, date, latest],
  );
  return id;
}

interface Renovation {
  type: 'REBUILD' | 'REINFORCE';
  status: string;
  approval: string;
  start?: string;
  completion?: string;
  acceptance?: string;
  result?: 'PASSED' | 'FAILED';
  note?: string;
  moveIn?: string;
  subsidyYuan: number;
}

async function renovation(householdId: string, appraisalId: string, r: Renovation): Promise<string> {
  const id = `${householdId}-R01`;
  await sql(
    `INSERT INTO renovation_project (id, household_id, appraisal_id, renovation_type, status, plan_year, approval_date, start_date, completion_date,
       acceptance_date, acceptance_result, acceptance_note, move_in_date, floor_area, subsidy_fen, self_raised_fen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 60, $14, 0)`,
    [id, householdId, appraisalId, r.type, r.status, Number(r.approval.slice(0, 4)), r.approval, r.start ?? null, r.completion ?? null,
      r.acceptance ?? null, r.result ?? null, r.note ?? null, r.moveIn ?? null, r.subsidyYuan * 100],
  );
  return id;
}

beforeAll(async () => {
  h = await startDepartmentHarness(housing, { households: 120, load: (pool, o) => loadHousing(pool, o) });
  handmade = h.households.filter((b) => b.household.id.startsWith(HANDMADE_VILLAGE));
  generated = h.households.filter((b) => b.household.id.startsWith(GENERATED_VILLAGE));
  for (const table of ['relocation_member', 'relocation_housing', 'renovation_project', 'dwelling_appraisal']) {
    await sql(`DELETE FROM ${table} WHERE household_id >= $1 AND household_id < $2`, [HANDMADE_VILLAGE, '500154101203']);
  }
  const cases = Object.keys({ safeB: 0, started: 0, failed: 0, accepted: 0, reappraised: 0, noProject: 0, relocated: 0, neverAppraised: 0, appraisedLater: 0 }) as Array<keyof typeof H>;
  cases.forEach((c, i) => (H[c] = handmade[i].household.id));

  // A/B dwelling: nothing needed, housing safe.
  await appraisal(H.safeB, 1, 'B', '2018-05-10', true);
  // D dwelling, rebuilding started in 2018 and not completed: the gap the issue asks for.
  await renovation(H.started, await appraisal(H.started, 1, 'D', '2018-03-01', true), { type: 'REBUILD', status: 'STARTED', approval: '2018-06-01', start: '2018-07-01', subsidyYuan: 30000 });
  // C dwelling, works completed but acceptance failed in 2019.
  await renovation(H.failed, await appraisal(H.failed, 1, 'C', '2018-08-01', true), {
    type: 'REINFORCE', status: 'FAILED_ACCEPTANCE', approval: '2018-11-01', start: '2018-12-01', completion: '2019-05-01', acceptance: '2019-06-01', result: 'FAILED', note: '屋面防水未达标', subsidyYuan: 8000,
  });
  // C dwelling, reinforced and accepted in 2019: met, finance expected to pay the subsidy.
  await renovation(H.accepted, await appraisal(H.accepted, 1, 'C', '2018-04-01', true), {
    type: 'REINFORCE', status: 'ACCEPTED', approval: '2018-09-01', start: '2018-10-01', completion: '2019-03-01', acceptance: '2019-04-10', result: 'PASSED', subsidyYuan: 12000,
  });
  // D dwelling rebuilt, accepted in February 2019 and re-appraised A in June 2019.
  await renovation(H.reappraised, await appraisal(H.reappraised, 1, 'D', '2017-03-01', false), {
    type: 'REBUILD', status: 'MOVED_IN', approval: '2017-05-01', start: '2017-06-01', completion: '2018-12-20', acceptance: '2019-02-01', result: 'PASSED', moveIn: '2019-03-01', subsidyYuan: 25000,
  });
  await appraisal(H.reappraised, 2, 'A', '2019-06-01', true);
  // C dwelling found in 2019, no renovation approved.
  await appraisal(H.noProject, 1, 'C', '2019-02-01', true);
  // D dwelling, household moved into resettlement housing in 2017.
  await appraisal(H.relocated, 1, 'D', '2016-05-01', true);
  const movers = handmade[6].members.slice(0, 2).map((m) => m.id);
  await sql(
    `INSERT INTO relocation_housing (id, household_id, plan_year, site_name, mode, unit_area, persons_relocated, allocation_date, handover_date, move_in_date, subsidy_fen)
     VALUES ($1, $2, 2017, '镇安镇移民新村', 'CENTRALISED', 45, 2, '2017-03-01', '2017-08-01', '2017-09-01', 1600000)`,
    [`${H.relocated}-S01`, H.relocated],
  );
  for (const p of movers) await sql('INSERT INTO relocation_member (relocation_id, person_id, household_id) VALUES ($1, $2, $3)', [`${H.relocated}-S01`, p, H.relocated]);
  // H.neverAppraised: no housing record at all.
  // B dwelling first appraised in 2020: not yet shown safe in 2019.
  await appraisal(H.appraisedLater, 1, 'B', '2020-03-01', true);
}, 180_000);
afterAll(() => h?.stop());

const ok = <T = any>(res: GraphQLResponse<T>): T => {
  expect(res.errors).toBeUndefined();
  return res.data!;
};

const CONTRIBUTION = `housing { department role
  measures { department role recordType recordId programme year date amount personId onBehalfOf sourceRecordId }
  verdict { needed met reason evidence { department recordType recordId date note } expects { department sourceRecordId description } } }`;
const PREDICATE = 'housingSafety { predicate department status reason evidence { department recordType recordId date note } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on AreaAssistance { householdId area year ${CONTRIBUTION} }
  ... on ExitAssessment { householdId year ${PREDICATE} } } }`;

const areaRep = (householdId: string, area: string, year: number) => ({ __typename: 'AreaAssistance', householdId, area, year });
const exitRep = (householdId: string, year: number) => ({ __typename: 'ExitAssessment', householdId, year });

async function area(householdId: string, areaCode: string, year: number): Promise<any> {
  return ok(await h.gql(ENTITIES, { r: [areaRep(householdId, areaCode, year)] }))._entities[0].housing;
}
const renovationArea = (householdId: string, year: number) => area(householdId, 'HOUSING_RENOVATION', year);
async function safety(householdId: string, year: number): Promise<any> {
  return ok(await h.gql(ENTITIES, { r: [exitRep(householdId, year)] }))._entities[0].housingSafety;
}

describe('AreaAssistance.housing in HOUSING_RENOVATION (housing LEADs)', () => {
  it('is NOT_NEEDED for an A/B dwelling, with the appraisal as evidence, and lists the appraisal in its year', async () => {
    const c = await renovationArea(H.safeB, 2019);
    expect(c).toMatchObject({ department: 'HOUSING', role: 'LEAD', measures: [] });
    expect(c.verdict).toEqual({
      needed: false, met: false, expects: [],
      reason: `dwelling rated B on 2018-05-10 (${H.safeB}-A01): no renovation needed`,
      evidence: [{ department: 'HOUSING', recordType: 'DwellingAppraisal', recordId: `${H.safeB}-A01`, date: '2018-05-10', note: 'rated B' }],
    });
    const in2018 = await renovationArea(H.safeB, 2018);
    expect(in2018.measures).toEqual([
      { department: 'HOUSING', role: 'LEAD', recordType: 'DwellingAppraisal', recordId: `${H.safeB}-A01`, programme: 'DWELLING_APPRAISAL', year: 2018, date: '2018-05-10', amount: null, personId: null, onBehalfOf: null, sourceRecordId: null },
    ]);
  });

  it('is NOT_NEEDED for a household never appraised, and says so', async () => {
    const c = await renovationArea(H.neverAppraised, 2019);
    expect(c).toEqual({ department: 'HOUSING', role: 'LEAD', measures: [], verdict: { needed: false, met: false, reason: 'never appraised: no dwelling appraisal on or before 2019-12-31, so no C/D dwelling is on record', evidence: [], expects: [] } });
  });

  it('is needed and not met for a renovation started but not accepted (the sector view shows a GAP)', async () => {
    const c = await renovationArea(H.started, 2019);
    expect(c.verdict).toEqual({
      needed: true, met: false, expects: [],
      reason: `dwelling rated D on 2018-03-01 (${H.started}-A01) and not renovated: renovation ${H.started}-R01 started on 2018-07-01, not completed`,
      evidence: [
        { department: 'HOUSING', recordType: 'DwellingAppraisal', recordId: `${H.started}-A01`, date: '2018-03-01', note: 'rated D' },
        { department: 'HOUSING', recordType: 'RenovationProject', recordId: `${H.started}-R01`, date: '2018-06-01', note: 'started on 2018-07-01, not completed' },
      ],
    });
    // The project is under way in 2019: a measure of the year, with its subsidy.
    expect(c.measures).toEqual([
      { department: 'HOUSING', role: 'LEAD', recordType: 'RenovationProject', recordId: `${H.started}-R01`, programme: 'RENOVATION_REBUILD', year: 2019, date: '2018-06-01', amount: '30000.00', personId: null, onBehalfOf: null, sourceRecordId: null },
    ]);
  });

  it('is needed and not met for a failed acceptance, and for a C/D dwelling without a project', async () => {
    expect((await renovationArea(H.failed, 2019)).verdict).toMatchObject({
      needed: true, met: false, expects: [], reason: `dwelling rated C on 2018-08-01 (${H.failed}-A01) and not renovated: renovation ${H.failed}-R01 failed acceptance on 2019-06-01 (屋面防水未达标)`,
    });
    // In 2018 the same project was only started (stages are read from the dates, not today's status).
    expect((await renovationArea(H.failed, 2018)).verdict.reason).toContain('started on 2018-12-01, not completed');
    expect(await renovationArea(H.noProject, 2019)).toMatchObject({
      measures: [{ recordType: 'DwellingAppraisal', recordId: `${H.noProject}-A01`, programme: 'DWELLING_APPRAISAL' }],
      verdict: { needed: true, met: false, expects: [], reason: `dwelling rated C on 2019-02-01 (${H.noProject}-A01) and not renovated: no renovation approved` },
    });
  });

  it('is met for a renovation accepted in the year, expecting FINANCE to have paid its subsidy', async () => {
    const R = `${H.accepted}-R01`;
    const c = await renovationArea(H.accepted, 2019);
    expect(c.verdict).toEqual({
      needed: true, met: true,
      reason: `dwelling rated C on 2018-04-01; renovation ${R} passed acceptance on 2019-04-10`,
      evidence: [
        { department: 'HOUSING', recordType: 'DwellingAppraisal', recordId: `${H.accepted}-A01`, date: '2018-04-01', note: 'rated C' },
        { department: 'HOUSING', recordType: 'RenovationProject', recordId: R, date: '2019-04-10', note: 'passed acceptance on 2019-04-10' },
      ],
      expects: [{ department: 'FINANCE', sourceRecordId: R, description: `renovation subsidy paid for ${R} (accepted 2019-04-10)` }],
    });
    expect(c.measures).toEqual([expect.objectContaining({ recordId: R, programme: 'RENOVATION_REINFORCE', amount: '12000.00', year: 2019 })]);
    // A year later the need stays met; the subsidy belongs to 2019's view, so nothing is expected.
    expect(await renovationArea(H.accepted, 2020)).toMatchObject({ measures: [], verdict: { needed: true, met: true, expects: [] } });
    // Before acceptance, the works were under way: not met.
    expect((await renovationArea(H.accepted, 2018)).verdict).toMatchObject({ needed: true, met: false, reason: expect.stringContaining('started on 2018-10-01, not completed') });
  });

  it('counts a renovation accepted in the year as a met need even after a new A/B appraisal, and NOT_NEEDED the year after', async () => {
    const R = `${H.reappraised}-R01`;
    const c = await renovationArea(H.reappraised, 2019);
    expect(c.verdict).toMatchObject({
      needed: true, met: true,
      reason: `renovation ${R} passed acceptance on 2019-02-01; dwelling since re-appraised A on 2019-06-01`,
      expects: [{ department: 'FINANCE', sourceRecordId: R, description: `renovation subsidy paid for ${R} (accepted 2019-02-01)` }],
    });
    expect(c.verdict.evidence.map((e: { recordId: string }) => e.recordId)).toEqual([`${H.reappraised}-A02`, R]);
    expect(c.measures.map((m: { recordId: string }) => m.recordId)).toEqual([`${H.reappraised}-A02`, R]);
    expect((await renovationArea(H.reappraised, 2020)).verdict).toMatchObject({ needed: false, met: false, expects: [] });
  });

  it('is met by a move into resettlement housing, without expecting finance in this area', async () => {
    expect((await renovationArea(H.relocated, 2018)).verdict).toEqual({
      needed: true, met: true, expects: [],
      reason: `moved into resettlement housing ${H.relocated}-S01 on 2017-09-01 (易地扶贫搬迁)`,
      evidence: [
        { department: 'HOUSING', recordType: 'DwellingAppraisal', recordId: `${H.relocated}-A01`, date: '2016-05-01', note: 'rated D' },
        { department: 'HOUSING', recordType: 'RelocationHousing', recordId: `${H.relocated}-S01`, date: '2017-09-01', note: 'moved into resettlement housing' },
      ],
    });
  });
});

describe('AreaAssistance.housing in the areas housing supports', () => {
  it('lists the resettlement housing under RELOCATION in the years from allocation to move-in, without a verdict', async () => {
    expect(await area(H.relocated, 'RELOCATION', 2017)).toEqual({
      department: 'HOUSING', role: 'SUPPORT', verdict: null,
      measures: [{ department: 'HOUSING', role: 'SUPPORT', recordType: 'RelocationHousing', recordId: `${H.relocated}-S01`, programme: 'RESETTLEMENT_CENTRALISED', year: 2017, date: '2017-03-01', amount: '16000.00', personId: null, onBehalfOf: null, sourceRecordId: null }],
    });
    expect(await area(H.relocated, 'RELOCATION', 2018)).toBeNull();
    expect(await area(H.safeB, 'RELOCATION', 2018)).toBeNull();
  });

  it('gives null in SOCIAL_SAFETY_NET (no housing record serves it) and in areas housing has no part in', async () => {
    const data = ok(await h.gql(ENTITIES, { r: ['SOCIAL_SAFETY_NET', 'EDUCATION', 'HEALTH', 'WATER'].map((a) => areaRep(H.accepted, a, 2019)) }));
    expect(data._entities.map((e: { housing: unknown }) => e.housing)).toEqual([null, null, null, null]);
  });
});

describe('ExitAssessment.housingSafety (HOUSING_SAFETY)', () => {
  it.each([
    ['an A/B dwelling', 'safeB', 2019, 'MET', (id: string) => `dwelling rated B on 2018-05-10 (${id}-A01): safe`],
    ['a C/D dwelling renovated and accepted', 'accepted', 2019, 'MET', (id: string) => `dwelling rated C on 2018-04-01; renovation ${id}-R01 passed acceptance on 2019-04-10`],
    ['a household moved into resettlement housing', 'relocated', 2019, 'MET', (id: string) => `moved into resettlement housing ${id}-S01 on 2017-09-01 (易地扶贫搬迁)`],
    ['a renovation started but not accepted', 'started', 2019, 'NOT_MET', (id: string) => `dwelling rated D on 2018-03-01 (${id}-A01) and not renovated: renovation ${id}-R01 started on 2018-07-01, not completed`],
    ['a failed acceptance', 'failed', 2019, 'NOT_MET', (id: string) => `dwelling rated C on 2018-08-01 (${id}-A01) and not renovated: renovation ${id}-R01 failed acceptance on 2019-06-01 (屋面防水未达标)`],
    ['a C/D dwelling without a project', 'noProject', 2019, 'NOT_MET', (id: string) => `dwelling rated C on 2019-02-01 (${id}-A01) and not renovated: no renovation approved`],
    ['a household never appraised', 'neverAppraised', 2019, 'NOT_MET', () => 'never appraised: no dwelling safety appraisal on or before 2019-12-31, so housing safety is not shown'],
    ['a household appraised only after the year', 'appraisedLater', 2019, 'NOT_MET', () => 'never appraised: no dwelling safety appraisal on or before 2019-12-31, so housing safety is not shown'],
    ['the same household the year after', 'appraisedLater', 2020, 'MET', (id: string) => `dwelling rated B on 2020-03-01 (${id}-A01): safe`],
  ] as const)('%s: %s', async (_case, key, year, status, reason) => {
    const id = H[key];
    const p = await safety(id, year);
    expect(p).toMatchObject({ predicate: 'HOUSING_SAFETY', department: 'HOUSING', status, reason: reason(id) });
  });

  it('gives the evidence records with their dates', async () => {
    expect((await safety(H.accepted, 2019)).evidence).toEqual([
      { department: 'HOUSING', recordType: 'DwellingAppraisal', recordId: `${H.accepted}-A01`, date: '2018-04-01', note: 'rated C' },
      { department: 'HOUSING', recordType: 'RenovationProject', recordId: `${H.accepted}-R01`, date: '2019-04-10', note: 'passed acceptance on 2019-04-10' },
    ]);
    expect((await safety(H.neverAppraised, 2019)).evidence).toEqual([]);
  });

  it('never gives NOT_APPLICABLE: every household has a dwelling to judge (see the README)', async () => {
    const data = ok(await h.gql(ENTITIES, { r: h.households.map((b) => exitRep(b.household.id, 2019)) }));
    const statuses = new Set(data._entities.map((e: any) => e.housingSafety.status));
    expect(statuses).toEqual(new Set(['MET', 'NOT_MET']));
  });
});

describe('batching', () => {
  it('costs the same SQL statements for 10 households as for 100 (19 areas and the exit assessment each)', async () => {
    const reps = (ids: string[]) => ids.flatMap((id) => [...Object.values(DutyAreaCode).map((a) => areaRep(id, a, 2019)), exitRep(id, 2019)]);
    const run = async (ids: string[]) => {
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const data = ok(await h.gql(ENTITIES, { r: reps(ids) }));
      expect(data._entities).toHaveLength(ids.length * 20);
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ids = h.households.map((b) => b.household.id);
    const ten = [...Object.values(H), ids[60]];
    const statements = await run(ten);
    expect(statements).toBe(3); // appraisals, renovations, relocations: one each
    expect(await run(ids.slice(0, 100))).toBe(statements);
  });
});

// -------------------------------------------------------------------------------------------------
// Aggregates

const TOTALS = (prefix: string, year: number, groupBy = 'VILLAGE') =>
  `{ housingMeasureTotals(regionPrefix: "${prefix}", year: ${year}, groupBy: ${groupBy}) { regionCode department role area programme measures households amount } }`;
const COVERAGE = (prefix: string, year: number, groupBy = 'VILLAGE') =>
  `{ housingAreaCoverage(regionPrefix: "${prefix}", year: ${year}, groupBy: ${groupBy}) { regionCode area department inNeed covered gap } }`;
const FAILURES = (prefix: string, year: number) => `{ housingExitFailures(regionPrefix: "${prefix}", year: ${year}) { predicate department householdIds } }`;

describe('aggregates on the hand-made village', () => {
  it('sums the measures of 2019 per area, role and programme', async () => {
    const data = ok(await h.gql(TOTALS(HANDMADE_VILLAGE, 2019)));
    const row = (programme: string, measures: number, households: number, amount: string | null) => ({
      regionCode: HANDMADE_VILLAGE, department: 'HOUSING', role: 'LEAD', area: 'HOUSING_RENOVATION', programme, measures, households, amount,
    });
    expect(data.housingMeasureTotals).toEqual([
      row('DWELLING_APPRAISAL', 2, 2, null), // noProject A01, reappraised A02
      row('RENOVATION_REBUILD', 2, 2, '55000.00'), // started (30,000), reappraised (25,000, accepted 2019)
      row('RENOVATION_REINFORCE', 2, 2, '20000.00'), // failed (8,000), accepted (12,000)
    ]);
    const in2017 = ok(await h.gql(TOTALS(HANDMADE_VILLAGE, 2017))).housingMeasureTotals;
    expect(in2017).toContainEqual({ regionCode: HANDMADE_VILLAGE, department: 'HOUSING', role: 'SUPPORT', area: 'RELOCATION', programme: 'RESETTLEMENT_CENTRALISED', measures: 1, households: 1, amount: '16000.00' });
  });

  it('counts households in need, covered and in gap as the verdicts do', async () => {
    const data = ok(await h.gql(COVERAGE(HANDMADE_VILLAGE, 2019)));
    // In need: started, failed, accepted, reappraised, noProject, relocated (D, moved in); covered: accepted, reappraised, relocated.
    expect(data.housingAreaCoverage).toEqual([{ regionCode: HANDMADE_VILLAGE, area: 'HOUSING_RENOVATION', department: 'HOUSING', inNeed: 6, covered: 3, gap: 3 }]);
  });

  it('lists the households failing HOUSING_SAFETY, sorted; a household with no housing record cannot be listed', async () => {
    const data = ok(await h.gql(FAILURES(HANDMADE_VILLAGE, 2019)));
    expect(data.housingExitFailures).toEqual([{ predicate: 'HOUSING_SAFETY', department: 'HOUSING', householdIds: [H.started, H.failed, H.noProject, H.appraisedLater].sort() }]);
    expect(data.housingExitFailures[0].householdIds).not.toContain(H.neverAppraised);
  });

  it.each([
    ['a region prefix of odd length', TOTALS('50015', 2019, 'TOWN'), 'INVALID_REGION_CODE'],
    ['a year before the register', COVERAGE(HANDMADE_VILLAGE, 2005), 'BAD_USER_INPUT'],
    ['a region prefix that is not digits', FAILURES('5001AB', 2019), 'INVALID_REGION_CODE'],
  ])('rejects %s', async (_case, query, code) => {
    expect(errorCodes(await h.gql(query))).toEqual([code]);
  });
});

describe('aggregates agree with the per-household resolvers on generated records', () => {
  const fen = (money: string | null) => (money === null ? null : Math.round(Number(money) * 100));

  it.each([2016, 2017, 2019, 2020])('in %i', async (year) => {
    const ids = generated.map((b) => b.household.id);
    const data = ok(await h.gql(ENTITIES, { r: ids.flatMap((id) => [areaRep(id, 'HOUSING_RENOVATION', year), areaRep(id, 'RELOCATION', year), exitRep(id, year)]) }));
    const areas = data._entities.filter((e: any) => e.area);
    const exits = data._entities.filter((e: any) => !e.area);

    // Measures, grouped as housingMeasureTotals groups them.
    const groups = new Map<string, { measures: number; households: Set<string>; amount: number | null }>();
    for (const e of areas) {
      for (const m of e.housing?.measures ?? []) {
        const key = [e.area, m.role, m.programme].join('|');
        const g = groups.get(key) ?? { measures: 0, households: new Set<string>(), amount: null };
        g.measures++;
        g.households.add(e.householdId);
        if (m.amount !== null) g.amount = (g.amount ?? 0) + fen(m.amount)!;
        groups.set(key, g);
      }
    }
    const totals = ok(await h.gql(TOTALS(GENERATED_VILLAGE, year))).housingMeasureTotals;
    expect(totals.map((t: any) => [[t.area, t.role, t.programme].join('|'), t.measures, t.households, fen(t.amount)]).sort()).toEqual(
      [...groups].map(([key, g]) => [key, g.measures, g.households.size, g.amount]).sort(),
    );

    const verdicts = areas.filter((e: any) => e.area === 'HOUSING_RENOVATION').map((e: any) => e.housing.verdict);
    const inNeed = verdicts.filter((v: any) => v.needed);
    const coverage = ok(await h.gql(COVERAGE(GENERATED_VILLAGE, year))).housingAreaCoverage;
    expect(coverage).toEqual([{ regionCode: GENERATED_VILLAGE, area: 'HOUSING_RENOVATION', department: 'HOUSING', inNeed: inNeed.length, covered: inNeed.filter((v: any) => v.met).length, gap: inNeed.filter((v: any) => !v.met).length }]);

    const failing = exits.filter((e: any) => e.housingSafety.status === 'NOT_MET').map((e: any) => e.householdId).sort();
    expect(ok(await h.gql(FAILURES(GENERATED_VILLAGE, year))).housingExitFailures[0].householdIds).toEqual(failing);

    // The generated village is not trivial: in 2016 renovations were accepted (finance expected),
    // others were still to do, and resettlement housing was allocated.
    if (year === 2016) {
      expect(inNeed.some((v: any) => v.met && v.expects.length > 0)).toBe(true);
      expect(inNeed.some((v: any) => !v.met)).toBe(true);
      expect(totals.map((t: any) => t.area)).toEqual(expect.arrayContaining(['HOUSING_RENOVATION', 'RELOCATION']));
    }
  });

  it('groups the county by town and by village', async () => {
    const byTown = ok(await h.gql(COVERAGE('500154', 2019, 'TOWN'))).housingAreaCoverage;
    const byVillage = ok(await h.gql(COVERAGE('500154', 2019, 'VILLAGE'))).housingAreaCoverage;
    expect(byVillage.map((r: any) => r.regionCode)).toEqual([GENERATED_VILLAGE, HANDMADE_VILLAGE]);
    expect(byTown).toEqual([{ regionCode: '500154101', area: 'HOUSING_RENOVATION', department: 'HOUSING', ...['inNeed', 'covered', 'gap'].reduce((o, k) => ({ ...o, [k]: byVillage.reduce((s: number, r: any) => s + r[k], 0) }), {}) }]);
  });

  it("expects exactly the IDs finance's generator pays renovation subsidies under, in the acceptance year", async () => {
    const years = [2015, 2016, 2017, 2018, 2019, 2020];
    const ids = generated.map((b) => b.household.id);
    const data = ok(await h.gql(ENTITIES, { r: ids.flatMap((id) => years.map((y) => areaRep(id, 'HOUSING_RENOVATION', y))) }));
    const payments = new Map(generated.map((b) => [b.household.id, financeRecordsFor(b, 1).disbursements]));
    let matched = 0;
    for (const e of data._entities) {
      for (const x of e.housing.verdict.expects) {
        const paid = payments.get(e.householdId)!.filter((d) => d.sourceRecordId === x.sourceRecordId);
        // A one-off payment the finance generator leaves out on purpose (about 2 %) is a real gap.
        if (paid.length === 0) continue;
        matched++;
        for (const d of paid) expect({ programme: d.programme, dutyArea: d.dutyArea, year: d.year }).toEqual({ programme: 'HOUSING_RENOVATION_SUBSIDY', dutyArea: 'HOUSING_RENOVATION', year: e.year });
      }
    }
    expect(matched).toBeGreaterThan(5);
  });
});
