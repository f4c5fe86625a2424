import { DutyAreaCode } from '@saf/kit';
import { education, EducationRecords, educationRecordsFor, loadEducation } from '@saf/education';
import { financeRecordsFor } from '@saf/finance';
import { HouseholdBundle, MemberStatus, SchoolingStatus } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, metric } from '../support/graphql';
import { residentId } from '../support/registerFixtures';

/**
 * Education's part of the sector view (AreaAssistance.education), its exit predicate
 * (ExitAssessment.compulsoryEducation) and its aggregates. The education database holds the
 * generated records of a 120-household register; six hand-made households are registered in a
 * village of their own and given their records through education's mutations.
 */

const YEAR = 2020;
const SEED = 1;
const VILLAGE = '500154101299';
let h: DepartmentHarness;
let records: EducationRecords[];

interface Member { personId: string; birthDate: string; active: boolean }
interface HandMade { id: string; members: Member[] }
const membersOf = (b: HouseholdBundle): Member[] => b.members.map((m) => ({ personId: m.id, birthDate: m.birthDate, active: m.memberStatus === MemberStatus.ACTIVE }));

const MEASURE = 'department role recordType recordId programme year date amount personId';
const EVIDENCE = 'department recordType recordId date note';
const AREA = `... on AreaAssistance { householdId area education { department role measures { ${MEASURE} } verdict { needed met reason evidence { ${EVIDENCE} } expects { department sourceRecordId description } } } }`;
const EXIT = `... on ExitAssessment { householdId compulsoryEducation { predicate department status reason evidence { ${EVIDENCE} } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ${AREA} ${EXIT} } }`;

const areaRep = (householdId: string, members: Member[] | undefined, area = 'EDUCATION', year = YEAR) => ({ __typename: 'AreaAssistance', householdId, area, year, ...(members ? { members } : {}) });
const exitRep = (householdId: string, members: Member[] | undefined, year = YEAR) => ({ __typename: 'ExitAssessment', householdId, year, ...(members ? { members } : {}) });

async function entities(representations: object[]): Promise<any[]> {
  const res = await h.gql(ENTITIES, { r: representations });
  expect(res.errors).toBeUndefined();
  return res.data._entities;
}
const area = async (x: HandMade, name = 'EDUCATION', year = YEAR) => (await entities([areaRep(x.id, x.members, name, year)]))[0].education;
const exit = async (x: HandMade, members = x.members) => (await entities([exitRep(x.id, members)]))[0].compulsoryEducation;

/** The hand-made households, all in VILLAGE. */
let elderly: HandMade; // no school-age member, no record
let unrecorded: HandMade; // a child of 10 with no education record at all
let homeTaught: HandMade; // a disabled child of 11 taught at home (送教上门), no enrolment
let served: HandMade; // a boarding pupil enrolled in 2019 and 2020, every entitled item granted in both semesters of 2020
let unaided: HandMade; // a junior-secondary day pupil: 两免一补 granted, nutrition not
let dropout: HandMade; // a child of 14 reported out of school in 2020 and followed up
let finished: HandMade; // a 15-year-old who finished junior secondary school in 2019-2020 and left school
const aidIds: string[] = [];

async function mutate(query: string, input: object, key: string): Promise<any> {
  const res = await h.gql(query, { input, key });
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function register(name: string, members: Array<{ birthDate: string; relation: string; health?: string; schooling?: string }>): Promise<HandMade> {
  const res = await h.register.gql(
    `mutation($input: RegisterHouseholdInput!, $key: String!) { registerHousehold(input: $input, idempotencyKey: $key) { household { id members { id birthDate } } } }`,
    {
      key: `education-assistance-${name}`,
      input: {
        villageCode: VILLAGE, identifiedOn: '2014-06-01', welfareCategory: 'GENERAL', mainCause: 'SCHOOLING', otherCauses: [], phone: '13812345678',
        members: members.map((m, i) => ({
          residentId: residentId(m.birthDate, i % 2 ? 'FEMALE' : 'MALE'), name: `${name}${i + 1}`, relation: m.relation,
          healthStatus: m.health ?? 'HEALTHY', labourCapacity: i === 0 ? 'ORDINARY' : 'NONE', ...(m.schooling ? { schoolingStatus: m.schooling } : {}),
        })),
      },
    },
  );
  expect(res.errors).toBeUndefined();
  const household = res.data.registerHousehold.household;
  return { id: household.id, members: household.members.map((m: { id: string; birthDate: string }) => ({ personId: m.id, birthDate: m.birthDate, active: true })) };
}

const ENROL = `mutation($input: CreateStudentEnrolmentInput!, $key: String!) { createStudentEnrolment(input: $input, idempotencyKey: $key) { student { id } } }`;
const GRANT = `mutation($input: GrantStudentAidInput!, $key: String!) { grantStudentAid(input: $input, idempotencyKey: $key) { aid { id } } }`;
const HOME = `mutation($input: StartHomeTeachingInput!, $key: String!) { startHomeTeaching(input: $input, idempotencyKey: $key) { homeTeaching { id } } }`;
const REPORT = `mutation($input: ReportDropoutInput!, $key: String!) { reportDropout(input: $input, idempotencyKey: $key) { dropoutCase { id } } }`;
const FOLLOW = `mutation($id: String!, $input: DropoutFollowUpInput!, $key: String!) { recordDropoutFollowUp(caseId: $id, input: $input, idempotencyKey: $key) { dropoutCase { id } } }`;

async function enrol(x: HandMade, memberNo: number, schoolYear: number, stage: string, grade: number, studyMode: string) {
  const m = x.members[memberNo - 1];
  await mutate(ENROL, {
    householdId: x.id, personId: m.personId, schoolYear, schoolName: stage === 'PRIMARY' ? '汉丰镇中心小学' : '汉丰镇初级中学', stage, grade, className: '1班',
    studentNumber: `J${m.personId.replace('-', '')}`, studyMode, enrolledOn: `${schoolYear}-09-01`,
  }, `enrol-${m.personId}-${schoolYear}`);
}
async function grant(x: HandMade, memberNo: number, semester: string, item: string, amount: string) {
  const personId = x.members[memberNo - 1].personId;
  const grantedOn = semester.endsWith('SPRING') ? `${semester.slice(0, 4)}-05-10` : `${semester.slice(0, 4)}-10-20`;
  const data = await mutate(GRANT, { householdId: x.id, personId, semester, item, amount, grantedOn }, `grant-${personId}-${semester}-${item}`);
  aidIds.push(data.grantStudentAid.aid.id);
  return data.grantStudentAid.aid.id as string;
}

beforeAll(async () => {
  h = await startDepartmentHarness(education, { households: 120, seed: SEED, load: (pool, o) => loadEducation(pool, o) });
  records = h.households.map((b) => educationRecordsFor(b, SEED));
  await h.register.subgraph.database.dataSource.query(
    `INSERT INTO region (code, name, level, parent_code, is_poor_village) VALUES ('${VILLAGE}', '试验村', 5, '${VILLAGE.slice(0, 9)}000', true)`,
  );

  elderly = await register('elderly', [{ birthDate: '1950-02-01', relation: 'HEAD' }, { birthDate: '1952-07-15', relation: 'SPOUSE' }]);
  unrecorded = await register('unrecorded', [{ birthDate: '1980-03-01', relation: 'HEAD' }, { birthDate: '2010-03-01', relation: 'SON', schooling: 'NOT_IN_SCHOOL' }]);
  homeTaught = await register('home', [{ birthDate: '1978-04-01', relation: 'HEAD' }, { birthDate: '2009-05-01', relation: 'DAUGHTER', health: 'DISABLED', schooling: 'NOT_IN_SCHOOL' }]);
  served = await register('served', [{ birthDate: '1982-01-10', relation: 'HEAD' }, { birthDate: '2009-01-15', relation: 'SON', schooling: 'IN_SCHOOL' }]);
  unaided = await register('unaided', [{ birthDate: '1979-06-01', relation: 'HEAD' }, { birthDate: '2007-02-01', relation: 'DAUGHTER', schooling: 'IN_SCHOOL' }]);
  dropout = await register('dropout', [{ birthDate: '1976-08-01', relation: 'HEAD' }, { birthDate: '2006-03-01', relation: 'SON', schooling: 'NOT_IN_SCHOOL' }]);
  finished = await register('finished', [{ birthDate: '1975-05-05', relation: 'HEAD' }, { birthDate: '2005-01-20', relation: 'DAUGHTER', schooling: 'NOT_IN_SCHOOL' }]);

  await mutate(HOME, {
    householdId: homeTaught.id, personId: homeTaught.members[1].personId, schoolYear: YEAR, reason: 'DISABILITY', schoolName: '汉丰镇中心小学', teacher: '李老师',
    visitsPerMonth: 4, startedOn: '2020-09-10',
  }, 'home-taught-2020');

  await enrol(served, 2, 2019, 'PRIMARY', 5, 'BOARDING');
  await enrol(served, 2, 2020, 'PRIMARY', 6, 'BOARDING');
  for (const semester of ['2020-SPRING', '2020-AUTUMN']) {
    await grant(served, 2, semester, 'TWO_EXEMPTIONS_ONE_SUBSIDY', '45.00');
    await grant(served, 2, semester, 'NUTRITION_PROGRAMME', '400.00');
    await grant(served, 2, semester, 'BOARDING_SUBSIDY', '500.00');
  }

  await enrol(unaided, 2, 2020, 'JUNIOR_SECONDARY', 2, 'DAY');
  await grant(unaided, 2, '2020-AUTUMN', 'TWO_EXEMPTIONS_ONE_SUBSIDY', '90.00');

  await enrol(finished, 2, 2019, 'JUNIOR_SECONDARY', 3, 'DAY');
  await grant(finished, 2, '2020-SPRING', 'TWO_EXEMPTIONS_ONE_SUBSIDY', '90.00');
  await grant(finished, 2, '2020-SPRING', 'NUTRITION_PROGRAMME', '400.00');

  const child = dropout.members[1].personId;
  const report = await mutate(REPORT, {
    householdId: dropout.id, personId: child, schoolYear: YEAR, birthDate: '2006-03-01', reason: 'WORK', reportedOn: '2020-10-12', responsiblePerson: '村委会 张书记',
  }, 'dropout-2020');
  const follow = await h.gql(FOLLOW, { id: report.reportDropout.dropoutCase.id, input: { followUpOn: '2020-10-20', method: 'HOME_VISIT', actor: '驻村工作队', outcome: '未返校，继续劝返' }, key: 'dropout-2020-follow' });
  expect(follow.errors).toBeUndefined();
});
afterAll(() => h?.stop());

describe('AreaAssistance.education: the EDUCATION area (lead)', () => {
  it('is NOT_NEEDED without a school-age member, student or aid due', async () => {
    const got = await area(elderly);
    expect(got).toMatchObject({ department: 'EDUCATION', role: 'LEAD', measures: [], verdict: { needed: false, met: false, evidence: [], expects: [] } });
    expect(got.verdict.reason).toMatch(/No child of compulsory-school age/);
  });

  it('is needed and met for a boarding pupil who got every entitled item, and expects finance to pay each grant', async () => {
    const got = await area(served);
    const pupil = served.members[1].personId;
    expect(got.verdict).toMatchObject({ needed: true, met: true });
    expect(got.verdict.reason).toBe('1 school-age child in school; 1 student enrolled in school year 2020; 6 entitled aid items of 2020 granted.');
    expect(got.verdict.evidence).toEqual([{ department: 'EDUCATION', recordType: 'Student', recordId: `${pupil}/2020`, date: '2020-09-01', note: `${pupil}: enrolled` }]);
    const ids = aidIds.filter((id) => id.startsWith(pupil)).sort();
    expect(got.verdict.expects.map((e: any) => [e.department, e.sourceRecordId]).sort()).toEqual(ids.map((id) => ['FINANCE', id]));
    expect(got.measures.map((m: any) => [m.recordType, m.recordId, m.programme, m.amount, m.year, m.role]).sort()).toEqual(
      ids.map((id) => ['StudentAid', id, id.split('/')[2], { TWO_EXEMPTIONS_ONE_SUBSIDY: '45.00', NUTRITION_PROGRAMME: '400.00', BOARDING_SUBSIDY: '500.00' }[id.split('/')[2]], 2020, 'LEAD']).sort(),
    );
  });

  it('is needed and not met when an entitled item was not granted (the child is in school)', async () => {
    const got = await area(unaided);
    const pupil = unaided.members[1].personId;
    expect(got.verdict).toMatchObject({ needed: true, met: false, reason: `Aid not granted: ${pupil} NUTRITION_PROGRAMME 2020-AUTUMN.` });
    expect(got.verdict.evidence).toContainEqual({ department: 'EDUCATION', recordType: 'Student', recordId: `${pupil}/2020`, date: '2020-09-01', note: `${pupil}: entitled to NUTRITION_PROGRAMME for 2020-AUTUMN, not granted` });
    // What was granted is still expected from finance.
    expect(got.verdict.expects).toEqual([{ department: 'FINANCE', sourceRecordId: `${pupil}/2020-AUTUMN/TWO_EXEMPTIONS_ONE_SUBSIDY`, description: expect.stringContaining('TWO_EXEMPTIONS_ONE_SUBSIDY') }]);
  });

  it('is needed and not met for a school-age member with no education record at all', async () => {
    const got = await area(unrecorded);
    const child = unrecorded.members[1].personId;
    expect(got.measures).toEqual([]);
    expect(got.verdict).toMatchObject({ needed: true, met: false, expects: [] });
    expect(got.verdict.reason).toContain(`Out of school in school year 2020: ${child}`);
    expect(got.verdict.evidence).toEqual([{ department: 'POVERTY_OFFICE', recordType: 'RegisterMember', recordId: child, date: '2010-03-01', note: expect.stringContaining('no enrolment') }]);
  });

  it('counts home teaching as school and lists it and dropout follow-ups as measures', async () => {
    const home = await area(homeTaught);
    const child = homeTaught.members[1].personId;
    expect(home.verdict).toMatchObject({ needed: true, met: true, reason: '1 school-age child in school (1 taught at home); 0 students enrolled in school year 2020; 0 entitled aid items of 2020 granted.' });
    expect(home.measures).toEqual([{ department: 'EDUCATION', role: 'LEAD', recordType: 'HomeTeaching', recordId: `${child}/2020/HOME`, programme: 'HOME_TEACHING', year: 2020, date: '2020-09-10', amount: null, personId: child }]);

    const out = await area(dropout);
    expect(out.verdict).toMatchObject({ needed: true, met: false });
    expect(out.measures).toEqual([expect.objectContaining({ recordType: 'DropoutFollowUp', programme: 'DROPOUT_FOLLOW_UP', date: '2020-10-20', personId: dropout.members[1].personId, amount: null })]);
  });

  it('owes the spring semester to the past school year\'s pupils, and does not count a child who finished junior secondary as out of school', async () => {
    const got = await area(finished);
    const pupil = finished.members[1].personId;
    expect(got.verdict).toMatchObject({ needed: true, met: true, reason: 'no school-age child; 0 students enrolled in school year 2020; 2 entitled aid items of 2020 granted.' });
    expect(got.verdict.expects.map((e: any) => e.sourceRecordId).sort()).toEqual([`${pupil}/2020-SPRING/NUTRITION_PROGRAMME`, `${pupil}/2020-SPRING/TWO_EXEMPTIONS_ONE_SUBSIDY`]);
  });

  it('gives null in the areas education supports, having no records there, and in areas it has no part in', async () => {
    const got = await entities(['EMPLOYMENT', 'HEALTH', 'SOCIAL_SAFETY_NET', 'HOUSING_RENOVATION'].map((a) => areaRep(served.id, served.members, a)));
    expect(got.map((g) => g.education)).toEqual([null, null, null, null]);
  });
});

describe('ExitAssessment.compulsoryEducation', () => {
  it('is NOT_APPLICABLE without a school-age child', async () => {
    expect(await exit(elderly)).toMatchObject({ predicate: 'COMPULSORY_EDUCATION', department: 'EDUCATION', status: 'NOT_APPLICABLE', evidence: [] });
    // A school-age child the register no longer counts as a member is not assessed.
    expect((await exit(unrecorded, unrecorded.members.map((m, i) => ({ ...m, active: i === 0 })))).status).toBe('NOT_APPLICABLE');
  });

  it('is NOT_MET naming a school-age member with no record, and one on the dropout ledger', async () => {
    const child = unrecorded.members[1].personId;
    expect(await exit(unrecorded)).toEqual({
      predicate: 'COMPULSORY_EDUCATION', department: 'EDUCATION', status: 'NOT_MET',
      reason: `Out of school in school year 2020: ${child} (of school age, with no enrolment, home teaching or dropout record: out of school).`,
      evidence: [{ department: 'POVERTY_OFFICE', recordType: 'RegisterMember', recordId: child, date: '2010-03-01', note: expect.any(String) }],
    });
    const d = await exit(dropout);
    expect(d.status).toBe('NOT_MET');
    expect(d.reason).toContain(dropout.members[1].personId);
    expect(d.evidence).toEqual([{ department: 'EDUCATION', recordType: 'DropoutCase', recordId: `${dropout.members[1].personId}/2020/DROPOUT`, date: '2020-10-12', note: expect.stringContaining('dropout case open') }]);
    // Without the register's members only the dropout ledger is seen: the unrecorded child is invisible.
    expect((await entities([exitRep(unrecorded.id, undefined)]))[0].compulsoryEducation.status).toBe('NOT_APPLICABLE');
  });

  it('is MET with every school-age child enrolled or taught at home', async () => {
    const home = await exit(homeTaught);
    expect(home).toMatchObject({ status: 'MET', reason: 'All 1 school-age child in school in school year 2020 (1 taught at home).' });
    expect(home.evidence).toEqual([expect.objectContaining({ recordType: 'HomeTeaching', recordId: `${homeTaught.members[1].personId}/2020/HOME`, date: '2020-09-10' })]);
    expect((await exit(served)).status).toBe('MET');
    expect((await exit(unaided)).status).toBe('MET');
  });

  it('is NOT_APPLICABLE for a 15-year-old who finished junior secondary school and left', async () => {
    expect((await exit(finished)).status).toBe('NOT_APPLICABLE');
  });

  it('keeps Household.compulsoryEducation, which sees only the children education has a record of', async () => {
    const res = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { compulsoryEducation(year: 2020) { verdict } } } }`, {
      r: [unrecorded, dropout, homeTaught].map((x) => ({ __typename: 'Household', id: x.id })),
    });
    expect(res.data._entities.map((e: any) => e.compulsoryEducation.verdict)).toEqual(['NOT_APPLICABLE', 'NOT_MET', 'MET']);
  });
});

describe('on the generated households', () => {
  it('finds no missing entitled aid in any year, and expects exactly the grants finance pays for', async () => {
    let expectations = 0;
    let unpaid = 0;
    for (const year of [2016, 2017, 2018, 2019, 2020]) {
      const got = await entities(h.households.map((b) => areaRep(b.household.id, membersOf(b), 'EDUCATION', year)));
      got.forEach((g, i) => {
        const b = h.households[i];
        if (g.education?.verdict) expect(g.education.verdict.reason).not.toMatch(/Aid not granted/);
        const finance = financeRecordsFor(b, SEED);
        const owed = new Set(finance.entitlements.filter((e) => e.origin === 'education').map((e) => e.sourceRecordId));
        const paid = new Set(finance.disbursements.filter((d) => d.status === 'PAID' && d.year === year && d.dutyArea === 'EDUCATION').map((d) => d.sourceRecordId));
        for (const e of g.education?.verdict?.expects ?? []) {
          expectations++;
          expect(e.department).toBe('FINANCE');
          // Finance's generator pays the grant under exactly its StudentAid ID ...
          expect(owed.has(e.sourceRecordId)).toBe(true);
          // ... unless the payment is one of its deliberate gaps: then the area is a GAP, as it should be.
          if (!paid.has(e.sourceRecordId)) unpaid++;
        }
      });
    }
    expect(expectations).toBeGreaterThan(1000);
    expect(unpaid).toBeGreaterThan(0);
    expect(unpaid / expectations).toBeLessThan(0.05);
  });

  it('judges the predicate from the register: the children it names out of school are those the register lists as not in school', async () => {
    const got = await entities(h.households.map((b) => exitRep(b.household.id, membersOf(b))));
    const statuses = got.map((g) => g.compulsoryEducation.status);
    expect(statuses.filter((s) => s === 'MET').length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s === 'NOT_APPLICABLE').length).toBeGreaterThan(20);
    got.forEach((g, i) => {
      const p = g.compulsoryEducation;
      const named = p.evidence.filter((e: any) => / out of school/.test(e.note)).map((e: any) => e.note.split(':')[0]);
      expect(named.length > 0).toBe(p.status === 'NOT_MET');
      for (const personId of named) expect(h.households[i].members.find((m) => m.id === personId)?.schoolingStatus).toBe(SchoolingStatus.NOT_IN_SCHOOL);
    });
  });

  it('costs the same number of SQL statements for 10 and 100 households (19 areas and the exit assessment each)', async () => {
    const withCase = records.find((r) => r.dropoutCases.length > 0)!.householdId;
    const bundles = [h.households.find((b) => b.household.id === withCase)!, ...h.households.filter((b) => b.household.id !== withCase)];
    const statementsFor = async (n: number) => {
      const reps = bundles.slice(0, n).flatMap((b) => [...Object.values(DutyAreaCode).map((a) => areaRep(b.household.id, membersOf(b), a)), exitRep(b.household.id, membersOf(b))]);
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const got = await entities(reps);
      expect(got).toHaveLength(n * 20);
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(5);
  });
});

describe('aggregates', () => {
  const TOTALS = `query($p: String!, $y: Int!, $g: RegionGrouping) { educationMeasureTotals(regionPrefix: $p, year: $y, groupBy: $g) { regionCode department role area programme measures households amount } }`;
  const COVERAGE = `query($p: String!, $y: Int!, $g: RegionGrouping) { educationAreaCoverage(regionPrefix: $p, year: $y, groupBy: $g) { regionCode area department inNeed covered gap } }`;
  const FAILURES = `query($p: String!, $y: Int!) { educationExitFailures(regionPrefix: $p, year: $y) { predicate department householdIds } }`;

  it('sums the hand-made village\'s measures per area, role and programme', async () => {
    const res = await h.gql(TOTALS, { p: VILLAGE, y: YEAR, g: 'VILLAGE' });
    expect(res.errors).toBeUndefined();
    const row = (programme: string, measures: number, households: number, amount: string | null) =>
      ({ regionCode: VILLAGE, department: 'EDUCATION', role: 'LEAD', area: 'EDUCATION', programme, measures, households, amount });
    expect(res.data.educationMeasureTotals).toEqual([
      row('BOARDING_SUBSIDY', 2, 1, '1000.00'),
      row('DROPOUT_FOLLOW_UP', 1, 1, null),
      row('HOME_TEACHING', 1, 1, null),
      row('NUTRITION_PROGRAMME', 3, 2, '1200.00'),
      row('TWO_EXEMPTIONS_ONE_SUBSIDY', 4, 3, '270.00'),
    ]);
  });

  it('counts the hand-made village\'s households in need, covered and in gap, and its exit failures, from education\'s tables', async () => {
    const res = await h.gql(COVERAGE, { p: VILLAGE, y: YEAR, g: 'VILLAGE' });
    expect(res.errors).toBeUndefined();
    // In need: home-taught, served, unaided, dropout, finished (the unrecorded child is invisible to SQL). Gap: unaided, dropout.
    expect(res.data.educationAreaCoverage).toEqual([{ regionCode: VILLAGE, area: 'EDUCATION', department: 'EDUCATION', inNeed: 5, covered: 3, gap: 2 }]);
    const failures = await h.gql(FAILURES, { p: VILLAGE, y: YEAR });
    expect(failures.data.educationExitFailures).toEqual([{ predicate: 'COMPULSORY_EDUCATION', department: 'EDUCATION', householdIds: [dropout.id] }]);
  });

  it('agrees with the per-household rule (without members) on every generated household', async () => {
    const town = VILLAGE.slice(0, 9);
    for (const year of [2018, 2020]) {
      const bundles = h.households;
      const verdicts = (await entities(bundles.map((b) => areaRep(b.household.id, undefined, 'EDUCATION', year)))).map((g) => g.education?.verdict ?? null);
      const predicates = (await entities(bundles.map((b) => exitRep(b.household.id, undefined, year)))).map((g) => g.compulsoryEducation.status);
      const expected = new Map<string, { inNeed: number; covered: number; gap: number }>();
      bundles.forEach((b, i) => {
        const v = verdicts[i];
        if (!v?.needed) return;
        const row = expected.get(b.village.code) ?? { inNeed: 0, covered: 0, gap: 0 };
        row.inNeed++;
        if (v.met) row.covered++;
        else row.gap++;
        expected.set(b.village.code, row);
      });
      const res = await h.gql(COVERAGE, { p: town, y: year, g: 'VILLAGE' });
      expect(res.errors).toBeUndefined();
      const got = res.data.educationAreaCoverage.filter((r: any) => r.regionCode !== VILLAGE);
      expect(got).toEqual([...expected.entries()].sort().map(([regionCode, c]) => ({ regionCode, area: 'EDUCATION', department: 'EDUCATION', ...c })));
      const failing = bundles.filter((_, i) => predicates[i] === 'NOT_MET').map((b) => b.household.id).sort();
      const failures = await h.gql(FAILURES, { p: town, y: year });
      expect(failures.data.educationExitFailures[0].householdIds.filter((id: string) => !id.startsWith(VILLAGE))).toEqual(failing);
    }
  });

  it('sums the generated aid of a town as the generator recorded it', async () => {
    const town = VILLAGE.slice(0, 9);
    const res = await h.gql(TOTALS, { p: town, y: 2019, g: 'TOWN' });
    const aid = records.flatMap((r) => r.aid).filter((a) => a.year === 2019);
    const got = res.data.educationMeasureTotals.filter((r: any) => r.programme === 'NUTRITION_PROGRAMME')[0];
    const nutrition = aid.filter((a) => a.item === 'NUTRITION_PROGRAMME');
    expect(got).toMatchObject({ regionCode: town, measures: nutrition.length, households: new Set(nutrition.map((a) => a.householdId)).size });
    expect(got.amount).toBe((nutrition.reduce((s, a) => s + a.amountFen, 0) / 100).toFixed(2));
  });

  it('rejects a malformed region prefix and a year out of range', async () => {
    expect(errorCodes(await h.gql(TOTALS, { p: '50015', y: YEAR }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(COVERAGE, { p: 'abc', y: YEAR }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(FAILURES, { p: '5001541', y: YEAR }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(COVERAGE, { p: VILLAGE, y: 1990 }))).toEqual(['BAD_USER_INPUT']);
  });
});
