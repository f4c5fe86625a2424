import { DutyAreaCode } from '@saf/kit';
import { BASIC_PREMIUM_FEN, COMMERCIAL_PREMIUM_FEN, CRITICAL_ILLNESS_PREMIUM_FEN, health } from '@saf/health';
import { HouseholdBundle } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, metric } from '../support/graphql';

/**
 * Health's part of the sector view (AreaAssistance.health), its exit predicate
 * (ExitAssessment.basicMedicalCare) and its aggregates, on hand-made records: an empty health
 * database next to a generated register, with a few households' records inserted below.
 */

const YEAR = 2019;
let h: DepartmentHarness;
let county: string;

interface Member { personId: string; birthDate: string; active: boolean }
const membersOf = (b: HouseholdBundle): Member[] => b.members.map((m) => ({ personId: m.id, birthDate: m.birthDate, active: true }));

/** The hand-made households (generated register households, with members born before 2019). */
let covered: HouseholdBundle; // H1: every member insured; one finance-subsidised premium; a contract, a treatment, a settlement
let gap: HouseholdBundle; // H2: m1 insured, m2 critical illness cancelled, m3 no record at all
let unseen: HouseholdBundle; // H3: m1 insured, m2 no record (the aggregates cannot see m2)
let lapsed: HouseholdBundle; // H4: m1 insured in 2018 and 2020, not in 2019
let away: HouseholdBundle; // H5: no records; passed with inactive members only

async function enrol(b: HouseholdBundle, memberNo: number, year: number, scheme: string, options: { finance?: boolean; cancelledOn?: string } = {}) {
  const personId = b.members[memberNo - 1].id;
  const premium = (scheme === 'BASIC' ? BASIC_PREMIUM_FEN : scheme === 'CRITICAL_ILLNESS' ? CRITICAL_ILLNESS_PREMIUM_FEN : COMMERCIAL_PREMIUM_FEN)[year];
  // Critical illness is paid from the basic fund: no contribution, no subsidy.
  const subsidy = options.finance ? premium : 0;
  const contribution = options.finance || scheme === 'CRITICAL_ILLNESS' ? 0 : premium;
  await h.pool.query(
    `INSERT INTO insurance_enrolment (id, household_id, person_id, year, scheme, premium_fen, individual_contribution_fen, subsidy_status, subsidy_fen,
       subsidising_department, enrolled_on, cancelled_on, cancellation_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [`${personId}:${year}:${scheme}`, b.household.id, personId, year, scheme, premium, contribution, options.finance ? 'FULL' : 'NONE', subsidy,
      options.finance ? 'FINANCE' : null, `${year - 1}-10-15`, options.cancelledOn ?? null, options.cancelledOn ? '重复参保核查，终止参保' : null],
  );
  return `${personId}:${year}:${scheme}`;
}
const insured = async (b: HouseholdBundle, memberNo: number, year: number, finance = false) => {
  await enrol(b, memberNo, year, 'BASIC', { finance });
  await enrol(b, memberNo, year, 'CRITICAL_ILLNESS');
};

const ids = { contract: '', treatment: '', settlement: '' };

beforeAll(async () => {
  h = await startDepartmentHarness(health, { households: 120 });
  county = h.households[0].household.id.slice(0, 6);
  const adults = h.households.filter((b) => b.members.every((m) => m.birthDate < '2018-12-31'));
  const pick = (n: number, taken: HouseholdBundle[]) => adults.find((b) => b.members.length >= n && !taken.includes(b))!;
  covered = pick(3, []);
  gap = pick(3, [covered]);
  unseen = pick(2, [covered, gap]);
  lapsed = pick(1, [covered, gap, unseen]);
  away = pick(1, [covered, gap, unseen, lapsed]);

  // H1: all insured in 2019 (m1's basic premium paid by finance), m1 also in 2018 and in the commercial top-up.
  await insured(covered, 1, YEAR, true);
  for (let m = 2; m <= covered.members.length; m++) await insured(covered, m, YEAR);
  await insured(covered, 1, 2018);
  await enrol(covered, 1, YEAR, 'COMMERCIAL_TOP_UP', { finance: true });
  const m1 = covered.members[0].id;
  const m2 = covered.members[1].id;
  ids.contract = String((await h.pool.query(
    `INSERT INTO family_doctor_contract (household_id, person_id, doctor_name, facility_name, facility_level, disease, start_date, end_date, follow_ups_required)
     VALUES ($1, $2, '张医生', '石龙村卫生室', 'VILLAGE_CLINIC', 'HYPERTENSION', '2019-03-01', '2020-02-29', 4) RETURNING id`, [covered.household.id, m1])).rows[0].id);
  ids.treatment = String((await h.pool.query(
    `INSERT INTO serious_illness_treatment (household_id, person_id, disease, designated_hospital, hospital_level, diagnosed_on, treatment_started_on, status)
     VALUES ($1, $2, 'GASTRIC_CANCER', '开州区人民医院', 'COUNTY', '2019-05-01', '2019-05-10', 'IN_TREATMENT') RETURNING id`, [covered.household.id, m1])).rows[0].id);
  ids.settlement = String((await h.pool.query(
    `INSERT INTO hospital_settlement (settlement_number, household_id, person_id, hospital_name, hospital_level, admitted_on, discharged_on, year, total_cost_fen,
       basic_insurance_fen, critical_illness_fen, medical_assistance_fen, safety_net_fen, commercial_top_up_fen, out_of_pocket_fen, deferred_payment, one_stop_settled)
     VALUES ('ZY-2019-000001', $1, $2, '开州区人民医院', 'COUNTY', '2019-07-01', '2019-07-12', 2019, 1000000, 520000, 100000, 200000, 0, 0, 180000, true, true)
     RETURNING id`, [covered.household.id, m2])).rows[0].id);

  // H2: m1 insured; m2 basic, critical illness cancelled; m3 nothing.
  await insured(gap, 1, YEAR);
  await enrol(gap, 2, YEAR, 'BASIC');
  await enrol(gap, 2, YEAR, 'CRITICAL_ILLNESS', { cancelledOn: '2019-06-01' });
  // H3: m1 insured, m2 nothing.
  await insured(unseen, 1, YEAR);
  // H4: m1 insured in 2018 and 2020 only.
  await insured(lapsed, 1, 2018);
  await insured(lapsed, 1, 2020);
}, 180_000);
afterAll(() => h?.stop());

const AREA = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AreaAssistance {
  health { department role
    measures { department role recordType recordId programme year date amount personId onBehalfOf sourceRecordId }
    verdict { needed met reason evidence { department recordType recordId date note } expects { department sourceRecordId description } } } } } }`;
const PREDICATE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ExitAssessment {
  basicMedicalCare { predicate department status reason evidence { department recordType recordId date } } } } }`;

const area = (b: HouseholdBundle, code = 'HEALTH', members: Member[] | null = membersOf(b), year = YEAR) =>
  ({ __typename: 'AreaAssistance', householdId: b.household.id, area: code, year, members });
const exit = (b: HouseholdBundle, members: Member[] | null = membersOf(b), year = YEAR) => ({ __typename: 'ExitAssessment', householdId: b.household.id, year, members });

async function entities(query: string, r: unknown[]) {
  const res = await h.gql(query, { r });
  expect(res.errors).toBeUndefined();
  return res.data._entities as Array<Record<string, any>>;
}

describe('AreaAssistance.health', () => {
  it('lists the year\'s measures and finds the need met, expecting finance\'s premium subsidy', async () => {
    const [{ health: c }] = await entities(AREA, [area(covered)]);
    const [m1, m2] = covered.members.map((m) => m.id);
    expect(c).toMatchObject({ department: 'HEALTH', role: 'LEAD' });
    const byId = Object.fromEntries(c.measures.map((m: { recordType: string; recordId: string }) => [`${m.recordType}:${m.recordId}`, m]));
    // 2019 only: no 2018 enrolment among the measures.
    expect(c.measures).toHaveLength(covered.members.length * 2 + 4);
    expect(c.measures.every((m: { year: number; role: string; department: string }) => m.year === YEAR && m.role === 'LEAD' && m.department === 'HEALTH')).toBe(true);
    expect(byId[`HealthInsuranceEnrolment:${m1}:2019:BASIC`]).toEqual({
      department: 'HEALTH', role: 'LEAD', recordType: 'HealthInsuranceEnrolment', recordId: `${m1}:2019:BASIC`, programme: 'INSURANCE_BASIC',
      year: 2019, date: '2018-10-15', amount: '250.00', personId: m1, onBehalfOf: null, sourceRecordId: null,
    });
    expect(byId[`HealthInsuranceEnrolment:${m1}:2019:COMMERCIAL_TOP_UP`]).toMatchObject({ programme: 'INSURANCE_COMMERCIAL_TOP_UP', amount: '120.00' });
    expect(byId[`FamilyDoctorContract:${ids.contract}`]).toMatchObject({ recordType: 'FamilyDoctorContract', programme: 'DOCTOR_CONTRACT_CHRONIC', date: '2019-03-01', amount: null, personId: m1 });
    expect(byId[`SeriousIllnessTreatment:${ids.treatment}`]).toMatchObject({ recordType: 'SeriousIllnessTreatment', programme: 'SERIOUS_ILLNESS_TREATMENT', date: '2019-05-10', amount: null });
    // A settlement counts what the insurance health runs paid: basic + critical illness.
    expect(byId[`HospitalSettlement:${ids.settlement}`]).toMatchObject({ recordType: 'HospitalSettlement', programme: 'HOSPITAL_SETTLEMENT', date: '2019-07-12', amount: '6200.00', personId: m2 });

    expect(c.verdict).toMatchObject({ needed: true, met: true });
    expect(c.verdict.reason).toContain(`All ${covered.members.length} active member(s)`);
    // Only the finance-subsidised BASIC premium is expected; the commercial top-up is outside the rule.
    expect(c.verdict.expects).toEqual([{ department: 'FINANCE', sourceRecordId: `${m1}:2019:BASIC`, description: expect.stringContaining('premium subsidy') }]);
    expect(c.verdict.evidence).toHaveLength(covered.members.length * 2);
    expect(c.verdict.evidence[0]).toMatchObject({ department: 'HEALTH', recordType: 'HealthInsuranceEnrolment', date: '2018-10-15' });
  });

  it('finds the need not met, naming a member with a cancelled enrolment and one with no record', async () => {
    const [{ health: c }] = await entities(AREA, [area(gap)]);
    const [m1, m2, m3] = gap.members.map((m) => m.id);
    expect(c.verdict).toMatchObject({ needed: true, met: false, expects: [] });
    expect(c.verdict.reason).toContain(`${m2} (no active CRITICAL_ILLNESS)`);
    expect(c.verdict.reason).toContain(`${m3} (no enrolment)`);
    expect(c.verdict.reason).not.toContain(m1);
    expect(c.verdict.evidence.map((e: { recordId: string }) => e.recordId).sort()).toEqual(
      [`${m1}:2019:BASIC`, `${m1}:2019:CRITICAL_ILLNESS`, `${m2}:2019:BASIC`, `${m2}:2019:CRITICAL_ILLNESS`].sort(),
    );
    expect(c.verdict.evidence.find((e: { recordId: string }) => e.recordId === `${m2}:2019:CRITICAL_ILLNESS`).note).toContain('cancelled on 2019-06-01');
    // The cancelled enrolment is no measure.
    expect(c.measures.map((m: { recordId: string }) => m.recordId)).not.toContain(`${m2}:2019:CRITICAL_ILLNESS`);
  });

  it('finds a household with no health record at all in need and not met', async () => {
    const [{ health: c }] = await entities(AREA, [area(away)]);
    expect(c).toMatchObject({ department: 'HEALTH', role: 'LEAD', measures: [], verdict: { needed: true, met: false } });
    expect(c.verdict.reason).toContain(`${away.members[0].id} (no enrolment)`);
  });

  it('finds no need without active members', async () => {
    const inactive = membersOf(away).map((m) => ({ ...m, active: false }));
    const [{ health: c }] = await entities(AREA, [area(away, 'HEALTH', inactive)]);
    expect(c).toEqual({ department: 'HEALTH', role: 'LEAD', measures: [], verdict: { needed: false, met: false, reason: expect.stringContaining('No active member'), evidence: [], expects: [] } });
  });

  it('does not count members born after the assessment date, or newborns still within the enrolment grace period', async () => {
    const hid = covered.household.id;
    const members = [
      ...membersOf(covered),
      { personId: `${hid}-08`, birthDate: '2019-11-20', active: true },
      { personId: `${hid}-09`, birthDate: '2020-03-01', active: true },
      { personId: `${hid}-07`, birthDate: '1950-01-01', active: false },
    ];
    const [{ health: c }] = await entities(AREA, [area(covered, 'HEALTH', members)]);
    expect(c.verdict).toMatchObject({ needed: true, met: true });
    // A baby born in early 2019 is past the grace period on 31 December: not insured.
    const [{ health: late }] = await entities(AREA, [area(covered, 'HEALTH', [...membersOf(covered), { personId: `${hid}-08`, birthDate: '2019-02-01', active: true }])]);
    expect(late.verdict).toMatchObject({ needed: true, met: false, reason: expect.stringContaining(`${hid}-08 (no enrolment)`) });
  });

  it('gives null for the other areas, and no verdict when the members were not supplied', async () => {
    const res = await entities(AREA, [area(covered, 'EDUCATION'), area(covered, 'HOUSING_RENOVATION'), area(covered, 'HEALTH', null)]);
    expect(res[0].health).toBeNull();
    expect(res[1].health).toBeNull();
    expect(res[2].health.verdict).toBeNull();
    expect(res[2].health.measures.length).toBeGreaterThan(0);
  });

  it('takes the year from the key: 2018 shows the 2018 enrolments only', async () => {
    const [{ health: c }] = await entities(AREA, [area(covered, 'HEALTH', membersOf(covered), 2018)]);
    expect(c.measures.map((m: { recordId: string }) => m.recordId)).toEqual([`${covered.members[0].id}:2018:BASIC`, `${covered.members[0].id}:2018:CRITICAL_ILLNESS`]);
    expect(c.verdict.met).toBe(false); // the other members have no 2018 enrolment
  });
});

describe('ExitAssessment.basicMedicalCare', () => {
  it('is MET, NOT_MET or NOT_APPLICABLE, with the enrolments as evidence', async () => {
    const inactive = membersOf(away).map((m) => ({ ...m, active: false }));
    const [met, notMet, notApplicable, unseenMember] = (await entities(PREDICATE, [exit(covered), exit(gap), exit(away, inactive), exit(unseen)])).map((e) => e.basicMedicalCare);
    expect(met).toMatchObject({ predicate: 'BASIC_MEDICAL_CARE', department: 'HEALTH', status: 'MET' });
    expect(met.evidence.map((e: { recordId: string }) => e.recordId)).toContain(`${covered.members[0].id}:2019:BASIC`);
    expect(notMet).toMatchObject({ predicate: 'BASIC_MEDICAL_CARE', department: 'HEALTH', status: 'NOT_MET' });
    expect(notMet.reason).toContain(gap.members[2].id);
    expect(notMet.evidence.length).toBe(4);
    expect(notApplicable).toEqual({ predicate: 'BASIC_MEDICAL_CARE', department: 'HEALTH', status: 'NOT_APPLICABLE', reason: expect.any(String), evidence: [] });
    // A member with no insurance record is not insured.
    expect(unseenMember).toMatchObject({ status: 'NOT_MET', reason: expect.stringContaining(`${unseen.members[1].id} (no enrolment)`) });
  });

  it('is null without the register\'s members', async () => {
    const [e] = await entities(PREDICATE, [exit(covered, null)]);
    expect(e.basicMedicalCare).toBeNull();
  });

  it('keeps Household.basicMedicalCover on the same per-person rule (persons health knows)', async () => {
    const [e] = await entities(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Household {
      basicMedicalCover(year: 2019) { knownMemberCount uncoveredMemberCount allKnownMembersCovered members { personId covered basicEnrolment { id } criticalIllnessEnrolment { id } } } } } }`,
    [{ __typename: 'Household', id: gap.household.id }]);
    const [m1, m2] = gap.members.map((m) => m.id);
    expect(e.basicMedicalCover).toEqual({
      knownMemberCount: 2, uncoveredMemberCount: 1, allKnownMembersCovered: false,
      members: [
        { personId: m1, covered: true, basicEnrolment: { id: `${m1}:2019:BASIC` }, criticalIllnessEnrolment: { id: `${m1}:2019:CRITICAL_ILLNESS` } },
        { personId: m2, covered: false, basicEnrolment: { id: `${m2}:2019:BASIC` }, criticalIllnessEnrolment: null },
      ],
    });
  });
});

describe('batching', () => {
  it('resolves 19 areas and the exit assessment of 10 or 100 households in the same number of SQL statements', async () => {
    const areas = Object.values(DutyAreaCode);
    expect(areas).toHaveLength(19);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on AreaAssistance { health { measures { recordId } verdict { met expects { sourceRecordId } } } }
      ... on ExitAssessment { basicMedicalCare { status } } } }`;
    const run = async (n: number) => {
      const page = h.households.slice(0, n);
      const r = [...page.flatMap((b) => areas.map((a) => area(b, a))), ...page.map((b) => exit(b))];
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const res = await entities(query, r);
      expect(res).toHaveLength(n * 20);
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await run(10);
    const hundred = await run(100);
    expect(hundred).toBe(ten);
    expect(ten).toBe(4); // enrolments, contracts, treatments, settlements by household
  });
});

describe('aggregates', () => {
  const TOTALS = `query($p: String!, $y: Int!, $g: RegionGrouping) { healthMeasureTotals(regionPrefix: $p, year: $y, groupBy: $g) {
    regionCode department role area programme measures households amount } }`;
  const COVERAGE = `query($p: String!, $y: Int!, $g: RegionGrouping) { healthAreaCoverage(regionPrefix: $p, year: $y, groupBy: $g) { regionCode area department inNeed covered gap } }`;
  const FAILURES = `query($p: String!, $y: Int!) { healthExitFailures(regionPrefix: $p, year: $y) { predicate department householdIds } }`;

  it('sums the year\'s measures per programme', async () => {
    const k = covered.members.length;
    const res = await h.gql(TOTALS, { p: county, y: YEAR, g: 'COUNTY' });
    expect(res.errors).toBeUndefined();
    const row = (programme: string, measures: number, households: number, amount: string | null) =>
      ({ regionCode: county, department: 'HEALTH', role: 'LEAD', area: 'HEALTH', programme, measures, households, amount });
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    expect(res.data.healthMeasureTotals).toEqual([
      row('DOCTOR_CONTRACT_CHRONIC', 1, 1, null),
      row('HOSPITAL_SETTLEMENT', 1, 1, '6200.00'),
      // H1: k members, H2: m1 and m2, H3: m1.
      row('INSURANCE_BASIC', k + 3, 3, yuan((k + 3) * BASIC_PREMIUM_FEN[YEAR])),
      // H2's m2 cancelled critical illness is left out.
      row('INSURANCE_COMMERCIAL_TOP_UP', 1, 1, yuan(COMMERCIAL_PREMIUM_FEN[YEAR])),
      row('INSURANCE_CRITICAL_ILLNESS', k + 2, 3, yuan((k + 2) * CRITICAL_ILLNESS_PREMIUM_FEN[YEAR])),
      row('SERIOUS_ILLNESS_TREATMENT', 1, 1, null),
    ]);
    // Grouped by village, the rows add up to the county's.
    const villages = await h.gql(TOTALS, { p: county, y: YEAR, g: 'VILLAGE' });
    const basic = villages.data.healthMeasureTotals.filter((r: { programme: string }) => r.programme === 'INSURANCE_BASIC');
    expect(basic.every((r: { regionCode: string }) => r.regionCode.length === 12)).toBe(true);
    expect(basic.reduce((a: number, r: { measures: number }) => a + r.measures, 0)).toBe(k + 3);
  });

  it('counts households in need, covered and in gap as far as health\'s tables show', async () => {
    const res = await h.gql(COVERAGE, { p: county, y: YEAR, g: 'COUNTY' });
    expect(res.errors).toBeUndefined();
    // H1 and H3 covered (H3's member without records is invisible here), H2 and H4 (a gap between 2018 and 2020) in gap.
    expect(res.data.healthAreaCoverage).toEqual([{ regionCode: county, area: 'HEALTH', department: 'HEALTH', inNeed: 4, covered: 2, gap: 2 }]);
    const failures = await h.gql(FAILURES, { p: county, y: YEAR });
    expect(failures.data.healthExitFailures).toEqual([
      { predicate: 'BASIC_MEDICAL_CARE', department: 'HEALTH', householdIds: [gap.household.id, lapsed.household.id].sort() },
    ]);
    // 2020: H4 is insured; H1's m1 still has a contract running in 2020 but no enrolment, so H1 is in gap.
    const later = await h.gql(COVERAGE, { p: county, y: 2020, g: 'COUNTY' });
    expect(later.data.healthAreaCoverage).toEqual([{ regionCode: county, area: 'HEALTH', department: 'HEALTH', inNeed: 2, covered: 1, gap: 1 }]);
  });

  it('rejects a bad region prefix or year with the kit\'s error codes', async () => {
    expect(errorCodes(await h.gql(COVERAGE, { p: '50015', y: YEAR }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(FAILURES, { p: 'abc', y: YEAR }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(TOTALS, { p: county, y: 1999 }))).toEqual(['BAD_USER_INPUT']);
    // A grouping coarser than the prefix groups by the prefix.
    const res = await h.gql(COVERAGE, { p: county, y: YEAR, g: 'PROVINCE' });
    expect(res.data.healthAreaCoverage.map((r: { regionCode: string }) => r.regionCode)).toEqual([county]);
  });
});
