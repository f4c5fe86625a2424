import { civilAffairs, loadCivilAffairs, unregisteredRosterFor } from '@saf/civil-affairs';
import { DutyAreaCode } from '@saf/kit';
import { HouseholdBundle } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, metric } from '../support/graphql';

/**
 * Civil affairs' part of the sector view (AreaAssistance.civilAffairs), its aggregates and the
 * 两线合一 feeds, on hand-made households: a generated register, an empty civil-affairs database,
 * and records written by SQL (and, for the suspension, by the mutations).
 *
 *  A  dibao in force since 2017 (re-checked 2019 and 2020), a nursing subsidy, temporary and medical assistance: met
 *  B  dibao approved 2019-09-10 whose cover starts only 2020-01-01: not met in 2019 (late), met in 2020
 *  C  dibao since 2016 stopped by a re-check on 2019-06-30 with the income still below the line (RECHECK_STOPPED): not met in 2019
 *  D  no case at all: NOT_NEEDED
 *  E  dibao ended 2019-05-31 (income above the line) and a member's destitute support in force: met, two expectations
 *  F  dibao approved 2019-12-10, cover from 2020-01-01 (the month after): met in 2019 (due), nothing expected yet
 *  U  a legacy roster household the register does not have (sequence 9001 in A's village)
 */

const COUNTY = '500154';
let h: DepartmentHarness;
let A: HouseholdBundle, B: HouseholdBundle, C: HouseholdBundle, D: HouseholdBundle, E: HouseholdBundle, F: HouseholdBundle;
let U: string;
let cNumber = 0;

interface Dibao {
  household: string;
  application: string;
  approval: string;
  start: string;
  end?: string;
  reason?: string;
  amountFen: number;
  currentFen?: number;
  persons: string[];
}

async function insertDibao(d: Dibao): Promise<string> {
  const id = `DB-${d.household}-01`;
  await h.pool.query(
    `INSERT INTO dibao_enrolment (id, household_id, category, classification, certificate_no, assessed_income_monthly_fen, dibao_line_monthly_fen,
       approved_monthly_amount_fen, monthly_amount_fen, recheck_interval_months, application_date, approval_date, start_date, end_date, end_reason)
     VALUES ($1, $2, 'RURAL', 'B', $3, 10000, 31000, $4, $5, 12, $6, $7, $8, $9, $10)`,
    [id, d.household, `TESTDB${++cNumber}`, d.amountFen, d.currentFen ?? d.amountFen, d.application, d.approval, d.start, d.end ?? null, d.reason ?? null],
  );
  for (const p of d.persons) {
    await h.pool.query('INSERT INTO dibao_covered_person (enrolment_id, person_id, household_id, covered_from, covered_to) VALUES ($1, $2, $3, $4, $5)', [id, p, d.household, d.start, d.end ?? null]);
  }
  return id;
}

async function recheck(enrolmentId: string, household: string, date: string, amountFen: number, persons: number) {
  await h.pool.query(
    `INSERT INTO dibao_recheck (enrolment_id, recheck_date, household_id, result, assessed_income_monthly_fen, dibao_line_monthly_fen, persons_covered, new_monthly_amount_fen, notes)
     VALUES ($1, $2, $3, 'ADJUST', 9000, 36500, $4, $5, '保障标准调整')`,
    [enrolmentId, date, household, persons, amountFen],
  );
}

const AREA_QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AreaAssistance { householdId area year civilAffairs {
  department role
  measures { department role recordType recordId programme year date amount personId onBehalfOf sourceRecordId }
  verdict { needed met reason evidence { department recordType recordId date note } expects { department sourceRecordId description } }
} } } }`;

async function contributionOf(b: HouseholdBundle | string, area: DutyAreaCode, year: number) {
  const householdId = typeof b === 'string' ? b : b.household.id;
  const res = await h.gql(AREA_QUERY, { r: [{ __typename: 'AreaAssistance', householdId, area, year }] });
  expect(res.errors).toBeUndefined();
  expect(res.data._entities[0]).toMatchObject({ householdId, area, year });
  return res.data._entities[0].civilAffairs;
}

beforeAll(async () => {
  h = await startDepartmentHarness(civilAffairs, { households: 120, seed: 1 });
  [A, B, C, D, E, F] = h.households;
  U = `${A.household.id.slice(0, 12)}9001`;
  const ids = (b: HouseholdBundle) => b.members.map((m) => m.id);

  const a = await insertDibao({ household: A.household.id, application: '2017-02-20', approval: '2017-03-10', start: '2017-04-01', amountFen: 60000, currentFen: 70000, persons: ids(A) });
  await recheck(a, A.household.id, '2019-04-05', 66000, A.members.length);
  await recheck(a, A.household.id, '2020-04-03', 70000, A.members.length);
  await h.pool.query(
    `INSERT INTO disability_allowance (id, household_id, person_id, type, disability_grade, monthly_amount_fen, start_date)
     VALUES ($1, $2, $3, 'NURSING_SUBSIDY', 2, 6000, '2016-06-01')`,
    [`CB-${A.household.id}-01`, A.household.id, A.members[0].id],
  );
  await h.pool.query(
    `INSERT INTO temporary_assistance (id, household_id, person_id, cause, reason, procedure, cash_amount_fen, event_date, approval_date, year)
     VALUES ($1, $2, $3, 'EXPENSE', 'ILLNESS', 'NORMAL', 200000, '2019-05-02', '2019-05-20', 2019)`,
    [`LS-${A.household.id}-001`, A.household.id, A.members[0].id],
  );
  await h.pool.query(
    `INSERT INTO medical_assistance (id, household_id, person_id, type, grant_date, year, amount_fen, self_paid_cost_fen, settlement_number, insurance_enrolment_id) VALUES
       ($1, $3, $4, 'PREMIUM_SUBSIDY', '2018-12-20', 2019, 12500, NULL, NULL, $5),
       ($2, $3, $4, 'TREATMENT', '2019-08-15', 2019, 350000, 500000, 'JS2019000123', NULL)`,
    [`YJ-${A.household.id}-0001`, `YJ-${A.household.id}-0002`, A.household.id, A.members[0].id, `${A.members[0].id}:2019:BASIC`],
  );

  await insertDibao({ household: B.household.id, application: '2019-08-20', approval: '2019-09-10', start: '2020-01-01', amountFen: 50000, persons: ids(B) });

  // C through the mutations: enrolled in 2016, stopped by a re-check whose assessed income is still below the line.
  const created = await h.gql(
    `mutation($input: CreateDibaoEnrolmentInput!) { createDibaoEnrolment(input: $input, idempotencyKey: "assist-c-create") { dibaoEnrolment { id } } }`,
    {
      input: {
        householdId: C.household.id, classification: 'B', certificateNo: 'ASSISTC2016', personIds: ids(C), assessedIncomeMonthly: '100.00', dibaoLineMonthly: '250.00',
        monthlyAmount: (C.members.length * 150).toFixed(2), applicationDate: '2016-04-01', approvalDate: '2016-04-20', startDate: '2016-05-01',
      },
    },
  );
  expect(created.errors).toBeUndefined();
  const stop = await h.gql(
    `mutation($id: ID!, $input: DibaoRecheckInput!) { recordDibaoRecheck(enrolmentId: $id, input: $input, idempotencyKey: "assist-c-stop") { dibaoEnrolment { endDate endReason } } }`,
    { id: created.data.createDibaoEnrolment.dibaoEnrolment.id, input: { recheckDate: '2019-06-30', result: 'STOP', assessedIncomeMonthly: '120.00', dibaoLineMonthly: '365.00', notes: '未配合复核，暂停发放' } },
  );
  expect(stop.errors).toBeUndefined();
  expect(stop.data.recordDibaoRecheck.dibaoEnrolment).toEqual({ endDate: '2019-06-30', endReason: 'RECHECK_STOPPED' });

  await insertDibao({ household: E.household.id, application: '2015-02-15', approval: '2015-03-10', start: '2015-04-01', end: '2019-05-31', reason: 'INCOME_ABOVE_LINE', amountFen: 45000, persons: ids(E) });
  await h.pool.query(
    `INSERT INTO destitute_support (id, household_id, person_id, mode, self_care, basic_living_monthly_fen, care_monthly_fen, certificate_no, application_date, approval_date, start_date)
     VALUES ($1, $2, $3, 'AT_HOME', 'FULL', 47500, 5000, 'TESTTK1', '2015-05-20', '2015-06-10', '2015-07-01')`,
    [`TK-${E.household.id}-01`, E.household.id, E.members[0].id],
  );

  await insertDibao({ household: F.household.id, application: '2019-11-20', approval: '2019-12-10', start: '2020-01-01', amountFen: 40000, persons: ids(F) });
  await insertDibao({ household: U, application: '2016-01-05', approval: '2016-01-20', start: '2016-02-01', amountFen: 30000, persons: [`${U}-01`, `${U}-02`] });
}, 120_000);
afterAll(() => h?.stop());

describe('AreaAssistance.civilAffairs: SOCIAL_SAFETY_NET (civil affairs leads)', () => {
  it('a dibao household served all year is needed and met, with its measures and FINANCE expected to pay the enrolment', async () => {
    const c = await contributionOf(A, DutyAreaCode.SOCIAL_SAFETY_NET, 2019);
    const id = A.household.id;
    expect(c).toMatchObject({ department: 'CIVIL_AFFAIRS', role: 'LEAD' });
    expect(c.measures).toEqual([
      { department: 'CIVIL_AFFAIRS', role: 'LEAD', recordType: 'DisabilityAllowance', recordId: `CB-${id}-01`, programme: 'DISABILITY_NURSING_SUBSIDY', year: 2019, date: '2016-06-01', amount: '60.00', personId: A.members[0].id, onBehalfOf: null, sourceRecordId: null },
      // The dibao amount in force on 31 December 2019: the 2019-04-05 re-check's, not the approved nor today's.
      { department: 'CIVIL_AFFAIRS', role: 'LEAD', recordType: 'DibaoEnrolment', recordId: `DB-${id}-01`, programme: 'DIBAO', year: 2019, date: '2017-04-01', amount: '660.00', personId: null, onBehalfOf: null, sourceRecordId: null },
      { department: 'CIVIL_AFFAIRS', role: 'LEAD', recordType: 'TemporaryAssistanceEvent', recordId: `LS-${id}-001`, programme: 'TEMPORARY_ASSISTANCE', year: 2019, date: '2019-05-20', amount: '2000.00', personId: A.members[0].id, onBehalfOf: null, sourceRecordId: null },
    ]);
    expect(c.verdict).toMatchObject({ needed: true, met: true });
    expect(c.verdict.reason).toContain(`DB-${id}-01 in force on 2019-12-31`);
    expect(c.verdict.evidence).toEqual([{ department: 'CIVIL_AFFAIRS', recordType: 'DibaoEnrolment', recordId: `DB-${id}-01`, date: '2017-04-01', note: 'in force on 2019-12-31 (since 2017-04-01)' }]);
    expect(c.verdict.expects).toEqual([{ department: 'FINANCE', sourceRecordId: `DB-${id}-01`, description: `dibao allowance (低保金) of DB-${id}-01 paid for 2019` }]);

    const later = await contributionOf(A, DutyAreaCode.SOCIAL_SAFETY_NET, 2020);
    expect(later.measures.find((m: { programme: string }) => m.programme === 'DIBAO').amount).toBe('700.00');
    expect(later.measures.some((m: { programme: string }) => m.programme === 'TEMPORARY_ASSISTANCE')).toBe(false);
  });

  it('an enrolment approved but not in force by the end of the year (cover starts later than the month after approval) is a gap', async () => {
    const c = await contributionOf(B, DutyAreaCode.SOCIAL_SAFETY_NET, 2019);
    const id = `DB-${B.household.id}-01`;
    expect(c.measures).toEqual([]);
    expect(c.verdict).toMatchObject({ needed: true, met: false, expects: [] });
    expect(c.verdict.reason).toContain(`${id} approved on 2019-09-10 is not in force on 2019-12-31`);
    expect(c.verdict.evidence).toEqual([{ department: 'CIVIL_AFFAIRS', recordType: 'DibaoEnrolment', recordId: id, date: '2019-09-10', note: 'approved on 2019-09-10 but not in force on 2019-12-31: cover starts only on 2020-01-01' }]);
    // Once in force, it is met and expects its payment.
    const next = await contributionOf(B, DutyAreaCode.SOCIAL_SAFETY_NET, 2020);
    expect(next.verdict).toMatchObject({ needed: true, met: true, expects: [{ department: 'FINANCE', sourceRecordId: id }] });
  });

  it('a dibao stopped while the assessed income is below the line (suspended) is a gap in that year, not needed after it', async () => {
    const c = await contributionOf(C, DutyAreaCode.SOCIAL_SAFETY_NET, 2019);
    const id = `DB-${C.household.id}-01`;
    expect(c.measures.map((m: { recordId: string; amount: string }) => [m.recordId, m.amount])).toEqual([[id, (C.members.length * 150).toFixed(2)]]);
    expect(c.verdict).toMatchObject({ needed: true, met: false });
    expect(c.verdict.reason).toContain(`${id} was stopped on 2019-06-30 (RECHECK_STOPPED) and no case is in force on 2019-12-31`);
    // It was in force in 2019 until the stop: finance is still expected to have paid those months.
    expect(c.verdict.expects).toEqual([{ department: 'FINANCE', sourceRecordId: id, description: `dibao allowance (低保金) of ${id} paid for 2019` }]);
    expect((await contributionOf(C, DutyAreaCode.SOCIAL_SAFETY_NET, 2020)).verdict).toMatchObject({ needed: false, met: false });
  });

  it('a household with no dibao or destitute-support case is NOT_NEEDED', async () => {
    const c = await contributionOf(D, DutyAreaCode.SOCIAL_SAFETY_NET, 2019);
    expect(c).toEqual({
      department: 'CIVIL_AFFAIRS', role: 'LEAD', measures: [],
      verdict: { needed: false, met: false, reason: 'no dibao or destitute-support case in 2019 (none approved by 2019-12-31 and in force after 2019-01-01)', evidence: [], expects: [] },
    });
  });

  it('a dibao ended by the income rising, with a member in destitute support, is met and expects both payments', async () => {
    const c = await contributionOf(E, DutyAreaCode.SOCIAL_SAFETY_NET, 2019);
    const [db, tk] = [`DB-${E.household.id}-01`, `TK-${E.household.id}-01`];
    expect(c.measures.map((m: { recordId: string; programme: string; amount: string; personId: string | null }) => [m.recordId, m.programme, m.amount, m.personId])).toEqual([
      [db, 'DIBAO', '450.00', null],
      [tk, 'DESTITUTE_SUPPORT', '525.00', E.members[0].id],
    ]);
    expect(c.verdict).toMatchObject({ needed: true, met: true });
    expect(c.verdict.evidence.map((e: { recordId: string; note: string }) => [e.recordId, e.note])).toEqual([
      [db, 'ended on 2019-05-31 (INCOME_ABOVE_LINE)'],
      [tk, 'in force on 2019-12-31 (since 2015-07-01)'],
    ]);
    expect(c.verdict.expects.map((e: { department: string; sourceRecordId: string }) => [e.department, e.sourceRecordId])).toEqual([['FINANCE', db], ['FINANCE', tk]]);
  });

  it('an enrolment approved in December that starts on 1 January is due: met, with nothing to pay yet', async () => {
    const c = await contributionOf(F, DutyAreaCode.SOCIAL_SAFETY_NET, 2019);
    expect(c.measures).toEqual([]);
    expect(c.verdict).toMatchObject({ needed: true, met: true, expects: [] });
    expect(c.verdict.reason).toContain(`due from 2020-01-01`);
  });
});

describe('AreaAssistance.civilAffairs: other areas', () => {
  it('HEALTH (support): medical-assistance grants of the year, naming the health record they paid into; no verdict', async () => {
    const c = await contributionOf(A, DutyAreaCode.HEALTH, 2019);
    const id = A.household.id;
    const person = A.members[0].id;
    expect(c).toEqual({
      department: 'CIVIL_AFFAIRS', role: 'SUPPORT', verdict: null,
      measures: [
        { department: 'CIVIL_AFFAIRS', role: 'SUPPORT', recordType: 'MedicalAssistanceGrant', recordId: `YJ-${id}-0001`, programme: 'MEDICAL_ASSISTANCE_PREMIUM', year: 2019, date: '2018-12-20', amount: '125.00', personId: person, onBehalfOf: 'HEALTH', sourceRecordId: `${person}:2019:BASIC` },
        { department: 'CIVIL_AFFAIRS', role: 'SUPPORT', recordType: 'MedicalAssistanceGrant', recordId: `YJ-${id}-0002`, programme: 'MEDICAL_ASSISTANCE_TREATMENT', year: 2019, date: '2019-08-15', amount: '3500.00', personId: person, onBehalfOf: 'HEALTH', sourceRecordId: 'JS2019000123' },
      ],
    });
    expect(await contributionOf(A, DutyAreaCode.HEALTH, 2018)).toBeNull();
    expect(await contributionOf(D, DutyAreaCode.HEALTH, 2019)).toBeNull();
  });

  it('is null in areas civil affairs has no record in (HOUSING_RENOVATION, which it supports with target lists only, and the rest)', async () => {
    for (const area of [DutyAreaCode.EDUCATION, DutyAreaCode.HOUSING_RENOVATION, DutyAreaCode.INDUSTRY]) expect(await contributionOf(A, area, 2019)).toBeNull();
  });

  it('costs the same number of SQL statements for 10 and for 100 households (19 areas each)', async () => {
    const areas = Object.values(DutyAreaCode);
    const cost = async (n: number) => {
      const reps = h.households.slice(0, n).flatMap((b) => areas.map((area) => ({ __typename: 'AreaAssistance', householdId: b.household.id, area, year: 2019 })));
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const res = await h.gql(AREA_QUERY, { r: reps });
      expect(res.errors).toBeUndefined();
      expect(res.data._entities).toHaveLength(n * areas.length);
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await cost(10);
    const hundred = await cost(100);
    expect(hundred).toBe(ten);
    // Dibao, destitute support, allowances, temporary assistance, re-checks, medical assistance.
    expect(hundred).toBe(6);
  });
});

describe('aggregates', () => {
  const TOTALS = `query($p: String!, $y: Int!, $g: RegionGrouping) { civilAffairsMeasureTotals(regionPrefix: $p, year: $y, groupBy: $g) {
    regionCode department role area programme measures households amount } }`;
  const COVERAGE = `query($p: String!, $y: Int!, $g: RegionGrouping) { civilAffairsAreaCoverage(regionPrefix: $p, year: $y, groupBy: $g) {
    regionCode area department inNeed covered gap } }`;

  it('civilAffairsMeasureTotals sums the hand-made measures of the year per area, role and programme', async () => {
    const res = await h.gql(TOTALS, { p: COUNTY, y: 2019, g: 'COUNTY' });
    expect(res.errors).toBeUndefined();
    const row = (area: string, role: string, programme: string, measures: number, households: number, amount: string) => ({
      regionCode: COUNTY, department: 'CIVIL_AFFAIRS', role, area, programme, measures, households, amount,
    });
    // DIBAO: A 660 (after the 2019 re-check) + C (until its stop) + E 450 (until it ended) + U 300; B and F start in 2020.
    const dibao = 660 + C.members.length * 150 + 450 + 300;
    expect(res.data.civilAffairsMeasureTotals).toEqual([
      row('HEALTH', 'SUPPORT', 'MEDICAL_ASSISTANCE_PREMIUM', 1, 1, '125.00'),
      row('HEALTH', 'SUPPORT', 'MEDICAL_ASSISTANCE_TREATMENT', 1, 1, '3500.00'),
      row('SOCIAL_SAFETY_NET', 'LEAD', 'DESTITUTE_SUPPORT', 1, 1, '525.00'),
      row('SOCIAL_SAFETY_NET', 'LEAD', 'DIBAO', 4, 4, dibao.toFixed(2)),
      row('SOCIAL_SAFETY_NET', 'LEAD', 'DISABILITY_NURSING_SUBSIDY', 1, 1, '60.00'),
      row('SOCIAL_SAFETY_NET', 'LEAD', 'TEMPORARY_ASSISTANCE', 1, 1, '2000.00'),
    ]);
    // By village, the same measures spread over the villages; A's village holds A's and U's dibao, and C's and E's if they live there.
    const villages = await h.gql(TOTALS, { p: COUNTY, y: 2019, g: 'VILLAGE' });
    const dibaoRows = villages.data.civilAffairsMeasureTotals.filter((r: { programme: string }) => r.programme === 'DIBAO');
    expect(dibaoRows.reduce((s: number, r: { measures: number }) => s + r.measures, 0)).toBe(4);
    const villageA = A.household.id.slice(0, 12);
    expect(dibaoRows.find((r: { regionCode: string }) => r.regionCode === villageA).households).toBe(2 + [C, E].filter((b) => b.household.id.startsWith(villageA)).length);
  });

  it('civilAffairsAreaCoverage counts the households in need, covered and in gap by the verdict rule', async () => {
    const res = await h.gql(COVERAGE, { p: COUNTY, y: 2019, g: 'COUNTY' });
    expect(res.errors).toBeUndefined();
    // In need: A, B, C, E, F and U (the register-less roster household: these tables cannot tell). Gap: B (late), C (suspended).
    expect(res.data.civilAffairsAreaCoverage).toEqual([{ regionCode: COUNTY, area: 'SOCIAL_SAFETY_NET', department: 'CIVIL_AFFAIRS', inNeed: 6, covered: 4, gap: 2 }]);
    const next = await h.gql(COVERAGE, { p: COUNTY, y: 2020, g: 'COUNTY' });
    expect(next.data.civilAffairsAreaCoverage).toEqual([{ regionCode: COUNTY, area: 'SOCIAL_SAFETY_NET', department: 'CIVIL_AFFAIRS', inNeed: 5, covered: 5, gap: 0 }]);
    // The prefix of B's village alone.
    const village = B.household.id.slice(0, 12);
    const one = await h.gql(COVERAGE, { p: village, y: 2019 });
    const inVillage = [A, B, C, D, E, F].filter((b) => b.household.id.startsWith(village) && b !== D).length + (U.startsWith(village) ? 1 : 0);
    expect(one.data.civilAffairsAreaCoverage).toMatchObject([{ regionCode: village, inNeed: inVillage }]);
  });

  it('rejects a bad region prefix and a bad year with the kit error codes', async () => {
    expect(errorCodes(await h.gql(TOTALS, { p: '500', y: 2019, g: 'COUNTY' }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(COVERAGE, { p: '50015', y: 2019 }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(COVERAGE, { p: COUNTY, y: 1999 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('两线合一 feeds', () => {
  const ROSTER = `query($p: String!, $on: LocalDate!) { safetyNetRoster(regionPrefix: $p, on: $on) { householdId programmes personIds } }`;
  const LINES = `query($p: String!, $y: Int!) { countyDibaoLines(regionPrefix: $p, year: $y) { countyCode year ruralYuanPerYear monthly verified source } }`;

  it('safetyNetRoster lists the households with dibao or destitute support in force on the date, with the persons covered, in one statement', async () => {
    const before = await metric(h.department.url, 'saf_sql_statements_total');
    const res = await h.gql(ROSTER, { p: COUNTY, on: '2019-12-31' });
    expect(await metric(h.department.url, 'saf_sql_statements_total')).toBe(before + 1);
    expect(res.errors).toBeUndefined();
    const ids = (b: HouseholdBundle) => b.members.map((m) => m.id).sort();
    const expected = [
      { householdId: A.household.id, programmes: ['DIBAO'], personIds: ids(A) },
      { householdId: E.household.id, programmes: ['DESTITUTE'], personIds: [E.members[0].id] },
      { householdId: U, programmes: ['DIBAO'], personIds: [`${U}-01`, `${U}-02`] },
    ].sort((x, y) => (x.householdId < y.householdId ? -1 : 1));
    expect(res.data.safetyNetRoster).toEqual(expected);

    // Mid-2019: C still in force, E still on dibao too (both programmes, the destitute person once).
    const mid = await h.gql(ROSTER, { p: COUNTY, on: '2019-05-01' });
    const e = mid.data.safetyNetRoster.find((r: { householdId: string }) => r.householdId === E.household.id);
    expect(e).toEqual({ householdId: E.household.id, programmes: ['DESTITUTE', 'DIBAO'], personIds: ids(E) });
    expect(mid.data.safetyNetRoster.map((r: { householdId: string }) => r.householdId)).toContain(C.household.id);

    // A village prefix narrows it; a bad prefix is rejected.
    const village = await h.gql(ROSTER, { p: U.slice(0, 12), on: '2019-12-31' });
    expect(village.data.safetyNetRoster.map((r: { householdId: string }) => r.householdId)).toContain(U);
    expect(errorCodes(await h.gql(ROSTER, { p: '123', on: '2019-12-31' }))).toEqual(['INVALID_REGION_CODE']);
  });

  it('countyDibaoLines gives each county\'s rural line for the year, with its provenance', async () => {
    const res = await h.gql(LINES, { p: COUNTY, y: 2013 });
    expect(res.errors).toBeUndefined();
    const [line] = res.data.countyDibaoLines;
    // 210 yuan a month in 2013: 2,520 a year, below that year's poverty line of 2,736.
    expect(line).toMatchObject({ countyCode: COUNTY, year: 2013, ruralYuanPerYear: '2520.00', monthly: '210.00', verified: false });
    expect(line.source).toMatch(/^assumption/);
    expect(line.source).not.toMatch(/at or above/);
    expect((await h.gql(LINES, { p: COUNTY, y: 2020 })).data.countyDibaoLines).toMatchObject([{ ruralYuanPerYear: '4440.00', monthly: '370.00' }]);

    // Another county's line (published per year) shows under a province prefix, in county order; a village prefix names its county.
    await h.pool.query(`INSERT INTO county_dibao_line VALUES ('500235', 2015, 'RURAL', 23333, 280000, false, 'test: a line published per year')`);
    const province = await h.gql(LINES, { p: '50', y: 2015 });
    expect(province.data.countyDibaoLines.map((l: { countyCode: string; ruralYuanPerYear: string }) => [l.countyCode, l.ruralYuanPerYear])).toEqual([[COUNTY, '3000.00'], ['500235', '2800.00']]);
    expect((await h.gql(LINES, { p: A.household.id.slice(0, 12), y: 2015 })).data.countyDibaoLines.map((l: { countyCode: string }) => l.countyCode)).toEqual([COUNTY]);
    expect(errorCodes(await h.gql(LINES, { p: '5', y: 2015 }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(LINES, { p: COUNTY, y: 2000 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('on generated records: the SQL aggregates restate the per-household rule', () => {
  let g: DepartmentHarness;
  let householdIds: string[];
  beforeAll(async () => {
    g = await startDepartmentHarness(civilAffairs, { households: 300, seed: 1, load: (pool, o) => loadCivilAffairs(pool, o) });
    // The register's households and the legacy roster's (the aggregates cannot tell them apart).
    householdIds = [...g.households.map((b) => b.household.id), ...unregisteredRosterFor(300, 1).map((r) => r.householdId)];
  }, 120_000);
  afterAll(() => g?.stop());

  const fen = (money: string | null) => (money === null ? 0 : Math.round(Number(money) * 100));

  it.each([2016, 2019, 2020])('coverage and measure totals of %i equal the sums of the per-household contributions', async (year) => {
    const reps = householdIds.flatMap((householdId) => [DutyAreaCode.SOCIAL_SAFETY_NET, DutyAreaCode.HEALTH].map((area) => ({ __typename: 'AreaAssistance', householdId, area, year })));
    const res = await g.gql(AREA_QUERY, { r: reps });
    expect(res.errors).toBeUndefined();

    const coverage = new Map<string, { inNeed: number; covered: number; gap: number }>();
    const totals = new Map<string, { measures: number; households: Set<string>; amount: number }>();
    for (const e of res.data._entities) {
      const c = e.civilAffairs;
      if (!c) continue;
      if (c.verdict?.needed) {
        const v = coverage.get(e.householdId.slice(0, 12)) ?? { inNeed: 0, covered: 0, gap: 0 };
        v.inNeed++;
        if (c.verdict.met) v.covered++;
        else v.gap++;
        coverage.set(e.householdId.slice(0, 12), v);
      }
      for (const m of c.measures) {
        const key = `${e.area}|${m.role}|${m.programme}`;
        const t = totals.get(key) ?? { measures: 0, households: new Set<string>(), amount: 0 };
        t.measures++;
        t.households.add(e.householdId);
        t.amount += fen(m.amount);
        totals.set(key, t);
      }
    }
    expect(coverage.size).toBeGreaterThan(1);

    const sql = await g.gql(
      `query($y: Int!) { civilAffairsAreaCoverage(regionPrefix: "${COUNTY}", year: $y, groupBy: VILLAGE) { regionCode inNeed covered gap }
         civilAffairsMeasureTotals(regionPrefix: "${COUNTY}", year: $y, groupBy: COUNTY) { area role programme measures households amount } }`,
      { y: year },
    );
    expect(sql.errors).toBeUndefined();
    expect(Object.fromEntries(sql.data.civilAffairsAreaCoverage.map((r: { regionCode: string; inNeed: number; covered: number; gap: number }) => [r.regionCode, { inNeed: r.inNeed, covered: r.covered, gap: r.gap }])))
      .toEqual(Object.fromEntries([...coverage].sort(([a], [b]) => (a < b ? -1 : 1))));
    expect(Object.fromEntries(sql.data.civilAffairsMeasureTotals.map((r: { area: string; role: string; programme: string; measures: number; households: number; amount: string }) => [
      `${r.area}|${r.role}|${r.programme}`, { measures: r.measures, households: r.households, amount: fen(r.amount) },
    ]))).toEqual(Object.fromEntries([...totals].map(([k, t]) => [k, { measures: t.measures, households: t.households.size, amount: t.amount }])));
  });
});
