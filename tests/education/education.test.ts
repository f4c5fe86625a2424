import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeSupergraph, fetchLiveSdl, RunningGateway, startGateway } from '@saf/gateway';
import { HouseholdBundle, SchoolingStatus } from '@saf/poverty-office';
import {
  assessCompulsoryEducation,
  education,
  EducationRecords,
  educationRecordsFor,
  EducationStage,
  EnrolmentStatus,
  loadEducation,
  StudentAidItem,
  StudentEnrolmentRow,
} from '@saf/education';
import type { DropoutCase, HomeTeaching, Student } from '../../subgraphs/education/src/students/entities';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { describeSubgraphCompatibility } from '../support/federationCompatibility';
import { errorCodes, graphqlClient, GraphQLResponse, metric } from '../support/graphql';

/**
 * The education subgraph next to a poverty office holding a generated register of 300 households,
 * with the education records generated for the same households.
 */

const HOUSEHOLDS = 300;
const SEED = 1;
let h: DepartmentHarness;
let records: EducationRecords[];
let enrolments: StudentEnrolmentRow[];

beforeAll(async () => {
  h = await startDepartmentHarness(education, { households: HOUSEHOLDS, seed: SEED, load: (pool, o) => loadEducation(pool, o) });
  records = h.households.map((b) => educationRecordsFor(b, SEED));
  enrolments = records.flatMap((r) => r.enrolments);
});
afterAll(() => h?.stop());

const TABLES = ['student_enrolment', 'student_aid', 'dropout_case', 'dropout_follow_up', 'home_teaching', 'change_event', 'idempotency_key'];
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await h.pool.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
  return out;
}
const sqlStatements = () => metric(h.department.url, 'saf_sql_statements_total');
const bundleOf = (personId: string) => h.households.find((b) => b.household.id === personId.slice(0, 16))!;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describeSubgraphCompatibility('education', () => h.department.url, [
  {
    typename: 'Household',
    selection: '... on Household { students { id stage } }',
    known: () => h.households.slice(0, 12).map((b) => ({ id: b.household.id })),
    unknown: { id: '5001541012990001' },
    unknownIsNull: false,
  },
  {
    typename: 'Person',
    selection: '... on Person { enrolments { id schoolYear } }',
    known: () => h.households.slice(0, 5).flatMap((b) => b.members.map((m) => ({ id: m.id }))),
    unknown: { id: '5001541012990001-01' },
    unknownIsNull: false,
  },
  {
    typename: 'Student',
    selection: '... on Student { id stage schoolYear schoolName }',
    known: () => enrolments.slice(0, 15).map((e) => ({ id: e.id })),
    unknown: { id: '5001541012990001-01/2019' },
  },
  {
    typename: 'StudentAid',
    selection: '... on StudentAid { id item amount sponsor }',
    known: () => records.flatMap((r) => r.aid).slice(0, 15).map((a) => ({ id: a.id })),
    unknown: { id: '5001541012990001-01/2019-AUTUMN/STATE_GRANT' },
  },
]);

describe('loading', () => {
  it('holds exactly the generated records', async () => {
    const c = await counts();
    expect(c.student_enrolment).toBe(enrolments.length);
    expect(c.student_aid).toBe(sum(records.map((r) => r.aid.length)));
    expect(c.dropout_case).toBe(sum(records.map((r) => r.dropoutCases.length)));
    expect(c.home_teaching).toBe(sum(records.map((r) => r.homeTeaching.length)));
    expect(c.student_enrolment).toBeGreaterThan(HOUSEHOLDS);
  });

  it('refuses to load twice without replace', async () => {
    await expect(loadEducation(h.pool, { size: HOUSEHOLDS, seed: SEED })).rejects.toThrow(/table student_enrolment already holds rows/);
  });
});

describe('root queries for education staff', () => {
  const village = () => h.households[0].household.regionCode;

  it('pages through a village\'s enrolments of a school year with cursors and a total count', async () => {
    const expected = enrolments.filter((e) => e.householdId.startsWith(village()) && e.schoolYear === 2019).map((e) => e.id).sort();
    expect(expected.length).toBeGreaterThan(10);
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res: GraphQLResponse = await h.gql(
        `query($p: String, $after: String) { students(filter: { regionPrefix: $p, year: 2019 }, first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id schoolYear household { id } person { id } } } }`,
        { p: village(), after },
      );
      expect(res.errors).toBeUndefined();
      const conn = res.data.students;
      expect(conn.totalCount).toBe(expected.length);
      ids.push(...conn.nodes.map((n: { id: string }) => n.id));
      for (const n of conn.nodes) expect(n.person.id.startsWith(n.household.id)).toBe(true);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(ids).toEqual(expected);
  });

  it('filters enrolments by stage and dropout', async () => {
    const total = async (filter: string) => (await h.gql(`{ students(filter: ${filter}) { totalCount } }`)).data.students.totalCount;
    const county = '500154';
    expect(await total(`{ regionPrefix: "${county}", year: 2020, stage: JUNIOR_SECONDARY }`)).toBe(
      enrolments.filter((e) => e.schoolYear === 2020 && e.stage === EducationStage.JUNIOR_SECONDARY).length,
    );
    const cases = records.flatMap((r) => r.dropoutCases);
    const dropouts = enrolments.filter((e) => e.status === EnrolmentStatus.DROPPED_OUT || cases.some((c) => c.personId === e.personId && c.schoolYear === e.schoolYear));
    expect(await total('{ dropoutOnly: true }')).toBe(dropouts.length);
    expect(await total('{ dropoutOnly: false }')).toBe(enrolments.length - dropouts.length);
    expect(await total('{ year: 2013 }')).toBe(0);
    expect(errorCodes(await h.gql('{ students(filter: { regionPrefix: "5001541" }) { totalCount } }'))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql('{ students(filter: { year: 1999 }) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql('{ students(first: 5000) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql('{ students(after: "bm9wZQ") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists aid grants by region, year and item, with totals by item and sponsor', async () => {
    const aid = records.flatMap((r) => r.aid).filter((a) => a.year === 2019);
    const res = await h.gql(`{
      all: studentAidTotals(filter: { regionPrefix: "500154", year: 2019 }) { count amount students byItem { item sponsor count amount } }
      rainbow: studentAidTotals(filter: { year: 2019, sponsor: POVERTY_OFFICE }) { count amount }
      none: studentAidTotals(filter: { year: 2013 }) { count amount students byItem { item } }
      page: studentAidGrants(filter: { year: 2019, item: NUTRITION_PROGRAMME, semester: "2019-AUTUMN" }, first: 3) { totalCount nodes { id item semester amount dutyArea sponsor student { id stage } household { id } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.all.count).toBe(aid.length);
    expect(res.data.all.amount).toBe((sum(aid.map((a) => a.amountFen)) / 100).toFixed(2));
    expect(res.data.all.students).toBe(new Set(aid.map((a) => a.personId)).size);
    const rainbow = aid.filter((a) => a.item === StudentAidItem.RAINBOW_PLAN);
    expect(res.data.all.byItem.find((i: { item: string }) => i.item === 'RAINBOW_PLAN')).toEqual({
      item: 'RAINBOW_PLAN', sponsor: 'POVERTY_OFFICE', count: rainbow.length, amount: (sum(rainbow.map((a) => a.amountFen)) / 100).toFixed(2),
    });
    expect(res.data.rainbow.count).toBe(rainbow.length);
    expect(res.data.none).toEqual({ count: 0, amount: '0.00', students: 0, byItem: [] });
    const nutrition = aid.filter((a) => a.item === StudentAidItem.NUTRITION_PROGRAMME && a.semester === '2019-AUTUMN');
    expect(res.data.page.totalCount).toBe(nutrition.length);
    expect(res.data.page.nodes[0]).toMatchObject({ item: 'NUTRITION_PROGRAMME', semester: '2019-AUTUMN', amount: '400.00', dutyArea: 'EDUCATION', sponsor: 'EDUCATION' });
    expect([EducationStage.PRIMARY, EducationStage.JUNIOR_SECONDARY]).toContain(res.data.page.nodes[0].student.stage);
    expect(errorCodes(await h.gql('{ studentAidGrants(filter: { semester: "2019-WINTER" }) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists the dropout ledger and home teaching', async () => {
    const cases = records.flatMap((r) => r.dropoutCases);
    const res = await h.gql(`{
      open: dropoutCases(filter: { open: true }, first: 100) { totalCount nodes { id open reason birthDate followUps { method followUpOn } person { id } } }
      closed: dropoutCases(filter: { open: false }) { totalCount }
      home: homeTeachingRecords(filter: { regionPrefix: "500154" }) { totalCount nodes { id reason dropoutCase { id resolution } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.open.totalCount).toBe(cases.filter((c) => c.resolution === null).length);
    expect(res.data.closed.totalCount).toBe(cases.filter((c) => c.resolution !== null).length);
    for (const c of res.data.open.nodes) {
      expect(c.open).toBe(true);
      expect(c.followUps.length).toBeGreaterThan(0);
    }
    expect(res.data.home.totalCount).toBe(sum(records.map((r) => r.homeTeaching.length)));
    for (const n of res.data.home.nodes) expect(n.dropoutCase.resolution).toBe('HOME_TEACHING');
  });

  it('serves the aid standards in force in a semester', async () => {
    const res = await h.gql(`{ autumn: studentAidStandards(semester: "2019-AUTUMN") { item stage condition amount validFrom } spring: studentAidStandards(semester: "2019-SPRING") { item stage condition amount } }`);
    const find = (list: Array<Record<string, string>>, item: string, stage: string, condition = 'ANY') => list.find((s) => s.item === item && s.stage === stage && s.condition === condition);
    expect(find(res.data.autumn, 'BOARDING_SUBSIDY', 'PRIMARY', 'DAY')?.amount).toBe('250.00');
    expect(find(res.data.spring, 'BOARDING_SUBSIDY', 'PRIMARY', 'DAY')).toBeUndefined();
    expect(find(res.data.autumn, 'NUTRITION_PROGRAMME', 'PRIMARY')?.amount).toBe('400.00');
    expect(find(res.data.autumn, 'STATE_GRANT', 'HIGHER_EDUCATION')).toMatchObject({ amount: '1650.00', validFrom: '2019-AUTUMN' });
    expect(find(res.data.spring, 'STATE_GRANT', 'HIGHER_EDUCATION')?.amount).toBe('1500.00');
  });
});

describe('Household and Person fields', () => {
  const HOUSEHOLD_FIELDS = `... on Household {
    id
    students { id stage aid { item amount } }
    y2020: students(year: 2020) { id }
    studentAid(year: 2019) { id amount }
    studentAidTotal
    dropoutCases { id followUps { method } }
    homeTeaching { id }
    compulsoryEducation(year: 2020) { schoolYear verdict outOfSchoolCount department children { person { id } status evidenceRecord evidenceId student { id } homeTeaching { id } dropoutCase { id } } }
  }`;
  const entities = (ids: string[]) =>
    h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ${HOUSEHOLD_FIELDS} } }`, { r: ids.map((id) => ({ __typename: 'Household', id })) });

  it('answers every household as the generated records and the compulsory-education rule say', async () => {
    const res = await entities(h.households.map((b) => b.household.id));
    expect(res.errors).toBeUndefined();
    let notMet = 0;
    res.data._entities.forEach((got: any, i: number) => {
      const r = records[i];
      expect(got.id).toBe(h.households[i].household.id);
      expect(got.students.map((s: { id: string }) => s.id).sort()).toEqual(r.enrolments.map((e) => e.id).sort());
      expect(got.y2020).toHaveLength(r.enrolments.filter((e) => e.schoolYear === 2020).length);
      expect(got.studentAidTotal).toBe((sum(r.aid.map((a) => a.amountFen)) / 100).toFixed(2));
      expect(got.studentAid).toHaveLength(r.aid.filter((a) => a.year === 2019).length);
      expect(got.dropoutCases).toHaveLength(r.dropoutCases.length);
      const expected = assessCompulsoryEducation(2020, r.enrolments as unknown as Student[], r.dropoutCases as unknown as DropoutCase[], r.homeTeaching as unknown as HomeTeaching[]);
      expect(got.compulsoryEducation.verdict).toBe(expected.verdict);
      expect(got.compulsoryEducation.children.map((c: any) => [c.person.id, c.status])).toEqual(expected.children.map((c) => [c.personId, c.status]));
      if (expected.verdict === 'NOT_MET') notMet++;
    });
    expect(res.data._entities.filter((e: any) => e.compulsoryEducation.verdict === 'MET').length).toBeGreaterThan(50);
    expect(res.data._entities.filter((e: any) => e.compulsoryEducation.verdict === 'NOT_APPLICABLE').length).toBeGreaterThan(20);
    void notMet;
  });

  it('costs the same number of SQL statements for 10 and 100 households', async () => {
    // Both batches hold a household with a dropout case, so that every nested list is asked for.
    const withCase = records.find((r) => r.dropoutCases.length > 0)!.householdId;
    const statementsFor = async (n: number) => {
      const ids = [withCase, ...h.households.map((b) => b.household.id).filter((id) => id !== withCase)].slice(0, n);
      const before = await sqlStatements();
      const res = await entities(ids);
      expect(res.errors).toBeUndefined();
      expect(res.data._entities).toHaveLength(n);
      return (await sqlStatements()) - before;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(6);
  });

  it('answers persons: enrolments, one school year, aid, dropouts and home teaching', async () => {
    const e = enrolments.find((x) => x.schoolYear === 2019 && x.stage === EducationStage.PRIMARY)!;
    const res = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id enrolments { id } enrolment(year: 2019) { id grade stage aid { semester item } } none: enrolment(year: 2013) { id } studentAid { id } dropoutCases { id } homeTeaching { id } } } }`, {
      r: [{ __typename: 'Person', id: e.personId }],
    });
    expect(res.errors).toBeUndefined();
    const p = res.data._entities[0];
    expect(p.enrolment).toMatchObject({ id: e.id, grade: e.grade, stage: 'PRIMARY' });
    expect(p.none).toBeNull();
    expect(p.enrolments.map((x: { id: string }) => x.id)).toEqual(enrolments.filter((x) => x.personId === e.personId).map((x) => x.id));
    expect(p.enrolment.aid.map((a: { semester: string }) => a.semester)).toEqual(expect.arrayContaining(['2019-AUTUMN']));
    expect(errorCodes(await h.gql(`{ _entities(representations: [{ __typename: "Person", id: "${e.personId}" }]) { ... on Person { enrolment(year: 1990) { id } } } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('through the gateway, with the poverty office', () => {
  let gateway: RunningGateway;
  let gql: ReturnType<typeof graphqlClient>;
  beforeAll(async () => {
    const services = await Promise.all(
      [h.register.subgraph, h.department].map(async (s) => ({ name: s.name, url: s.url, typeDefs: await fetchLiveSdl(s.url, 5000) })),
    );
    const composed = composeSupergraph(services);
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-education-'));
    fs.writeFileSync(path.join(dir, 'supergraph.graphql'), composed.supergraphSdl);
    gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path.join(dir, 'supergraph.graphql'), upstreamTimeoutMs: 5000, watch: false });
    gql = graphqlClient(gateway.url);
  });
  afterAll(() => gateway?.close());

  it('answers household { members students { aid } compulsoryEducation } and staff lists with register fields', async () => {
    const target = records.find((r) => r.aid.length > 0 && r.dropoutCases.length > 0) ?? records.find((r) => r.aid.length > 0)!;
    const res = await gql(`query($id: HouseholdId!) {
      household(id: $id) {
        id mainCause members { id name enrolment(year: 2019) { stage grade } }
        students(year: 2019) { id stage person { name birthDate } aid { item semester amount sponsor } }
        compulsoryEducation(year: 2020) { verdict children { person { name } status } }
      }
      students(filter: { regionPrefix: "${target.householdId.slice(0, 12)}", year: 2020 }, first: 3) { nodes { id person { name } household { region { name } } } }
    }`, { id: target.householdId });
    expect(res.errors).toBeUndefined();
    const hh = res.data.household;
    expect(hh.students.map((s: { id: string }) => s.id).sort()).toEqual(target.enrolments.filter((e) => e.schoolYear === 2019).map((e) => e.id).sort());
    for (const s of hh.students) expect(typeof s.person.name).toBe('string');
    expect(sum(hh.students.map((s: { aid: unknown[] }) => s.aid.length))).toBe(target.aid.filter((a) => a.schoolYear === 2019).length);
    expect(hh.members.filter((m: { enrolment: unknown }) => m.enrolment !== null)).toHaveLength(target.enrolments.filter((e) => e.schoolYear === 2019).length);
    for (const n of res.data.students.nodes) expect(n.household.region.name).toMatch(/村$/);
  });
});

describe('mutations', () => {
  const STUDENT = 'student { id status stage grade schoolYear leftOn studentNumber household { id } person { id } }';
  const CREATE = `mutation($input: CreateStudentEnrolmentInput!, $key: String!) { createStudentEnrolment(input: $input, idempotencyKey: $key) { replayed ${STUDENT} } }`;
  const GRANT = `mutation($input: GrantStudentAidInput!, $key: String!) { grantStudentAid(input: $input, idempotencyKey: $key) { replayed aid { id item semester year amount sponsor dutyArea status revokedOn student { id } } } }`;
  const REVOKE = `mutation($id: String!, $input: RevokeStudentAidInput!, $key: String!) { revokeStudentAid(id: $id, input: $input, idempotencyKey: $key) { replayed aid { id status revokedOn revocationReason } } }`;
  const UPDATE = `mutation($id: String!, $input: UpdateStudentEnrolmentInput!, $key: String!) { updateStudentEnrolment(id: $id, input: $input, idempotencyKey: $key) { replayed ${STUDENT} } }`;
  const REPORT = `mutation($input: ReportDropoutInput!, $key: String!) { reportDropout(input: $input, idempotencyKey: $key) { replayed dropoutCase { id open reason resolution resolvedOn followUps { method } } } }`;
  const FOLLOW = `mutation($id: String!, $input: DropoutFollowUpInput!, $key: String!) { recordDropoutFollowUp(caseId: $id, input: $input, idempotencyKey: $key) { replayed dropoutCase { id followUps { method actor followUpOn } } } }`;
  const RESOLVE = `mutation($id: String!, $input: ResolveDropoutInput!, $key: String!) { resolveDropout(caseId: $id, input: $input, idempotencyKey: $key) { replayed dropoutCase { id open resolution resolvedOn } } }`;
  const START = `mutation($input: StartHomeTeachingInput!, $key: String!) { startHomeTeaching(input: $input, idempotencyKey: $key) { replayed homeTeaching { id schoolYear reason endedOn dropoutCase { id resolution resolvedOn } } } }`;
  const END = `mutation($id: String!, $input: EndHomeTeachingInput!, $key: String!) { endHomeTeaching(id: $id, input: $input, idempotencyKey: $key) { replayed homeTeaching { id endedOn endReason } } }`;

  let youth: { personId: string; householdId: string };
  let pupils: Array<{ personId: string; householdId: string; birthDate: string }>;
  const events = async (since: number) =>
    (await h.pool.query('SELECT record, record_id, kind, household_id, person_id FROM change_event WHERE id > $1 ORDER BY id', [since])).rows;
  const lastEvent = async () => Number((await h.pool.query('SELECT COALESCE(max(id), 0) AS id FROM change_event')).rows[0].id);

  beforeAll(() => {
    const enrolled2020 = new Set(enrolments.filter((e) => e.schoolYear === 2020).map((e) => e.personId));
    const everEnrolled = new Set(enrolments.map((e) => e.personId));
    const all = h.households.flatMap((b: HouseholdBundle) => b.members);
    const y = all.find((p) => p.age >= 19 && p.age <= 40 && !everEnrolled.has(p.id))!;
    youth = { personId: y.id, householdId: y.householdId };
    const cases = new Set(records.flatMap((r) => r.dropoutCases).map((c) => c.personId));
    // School-age pupils enrolled in 2020, each of a different household, with no dropout history.
    const seen = new Set<string>();
    pupils = all
      .filter((p) => p.age >= 8 && p.age <= 13 && p.schoolingStatus === SchoolingStatus.IN_SCHOOL && enrolled2020.has(p.id) && !cases.has(p.id))
      .filter((p) => !seen.has(p.householdId) && seen.add(p.householdId))
      .slice(0, 3)
      .map((p) => ({ personId: p.id, householdId: p.householdId, birthDate: p.birthDate }));
    expect(pupils).toHaveLength(3);
  });

  const enrolmentInput = (over: Record<string, unknown> = {}) => ({
    ...youth, schoolYear: 2020, schoolName: '重庆市开州区职业教育中心', stage: 'SECONDARY_VOCATIONAL', grade: 1, className: '3班',
    studentNumber: `J${youth.personId.replace('-', '')}`, studyMode: 'BOARDING', enrolledOn: '2020-09-01', ...over,
  });
  const aidInput = (over: Record<string, unknown> = {}) => ({ ...youth, semester: '2020-AUTUMN', item: 'TUITION_WAIVER', amount: '1000.00', grantedOn: '2020-10-20', ...over });

  it('records an enrolment, replays it, and refuses a reused key', async () => {
    const since = await lastEvent();
    const res = await h.gql(CREATE, { input: enrolmentInput(), key: 'enrol-youth-2020' });
    expect(res.errors).toBeUndefined();
    expect(res.data.createStudentEnrolment).toEqual({
      replayed: false,
      student: { id: `${youth.personId}/2020`, status: 'ENROLLED', stage: 'SECONDARY_VOCATIONAL', grade: 1, schoolYear: 2020, leftOn: null, studentNumber: enrolmentInput().studentNumber, household: { id: youth.householdId }, person: { id: youth.personId } },
    });
    expect(await events(since)).toEqual([{ record: 'Student', record_id: `${youth.personId}/2020`, kind: 'CREATED', household_id: youth.householdId, person_id: youth.personId }]);

    const before = await counts();
    const again = await h.gql(CREATE, { input: enrolmentInput(), key: 'enrol-youth-2020' });
    expect(again.data.createStudentEnrolment.replayed).toBe(true);
    expect(again.data.createStudentEnrolment.student.id).toBe(`${youth.personId}/2020`);
    expect(await counts()).toEqual(before);

    const reused = await h.gql(CREATE, { input: enrolmentInput({ grade: 2 }), key: 'enrol-youth-2020' });
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a grade the stage does not have', { stage: 'PRIMARY', grade: 7 }, 'BAD_USER_INPUT', 'input.grade'],
    ['an enrolment date outside the school year', { enrolledOn: '2021-09-01' }, 'BAD_USER_INPUT', 'input.enrolledOn'],
    ['an enrolment date in the future', { schoolYear: 2027, enrolledOn: '2027-09-01' }, 'BAD_USER_INPUT', 'input.enrolledOn'],
    ['a school year before the register', { schoolYear: 2010, enrolledOn: '2010-09-01' }, 'BAD_USER_INPUT', 'input.schoolYear'],
    ['an impossible date', { enrolledOn: '2021-02-30' }, 'INVALID_DATE', undefined],
    ['a malformed student number', { studentNumber: 'j123' }, 'BAD_USER_INPUT', 'input.studentNumber'],
    ['an empty school name', { schoolName: ' ' }, 'BAD_USER_INPUT', 'input.schoolName'],
    ['an unknown stage', { stage: 'KINDERGARTEN' }, 'BAD_USER_INPUT', undefined],
    ['a malformed person ID', { personId: '5001541-01' }, 'INVALID_PERSON_ID', undefined],
    ['a malformed household ID', { householdId: '50015410120100' }, 'INVALID_HOUSEHOLD_ID', undefined],
    ['a person not in the register', { personId: '5001541012990001-01', householdId: '5001541012990001' }, 'NOT_IN_REGISTER', 'input.personId'],
    ['a person of another household', { householdId: 'OTHER' }, 'CONFLICT', 'input.personId'],
    ['a second enrolment in the same school year', { schoolYear: 2020, grade: 2 }, 'CONFLICT', 'input.schoolYear'],
    ['a student number taken that year', { schoolYear: 2019, enrolledOn: '2019-09-02', studentNumber: 'TAKEN' }, 'CONFLICT', 'input.studentNumber'],
  ])('rejects an enrolment with %s and writes nothing', async (_case, over: Record<string, unknown>, code, field) => {
    if (over.householdId === 'OTHER') over = { ...over, householdId: h.households.find((b) => b.household.id !== youth.householdId)!.household.id };
    if (over.studentNumber === 'TAKEN') over = { ...over, studentNumber: enrolments.find((e) => e.schoolYear === 2019)!.studentNumber };
    const before = await counts();
    const res = await h.gql(CREATE, { input: enrolmentInput(over), key: `bad-enrolment-${Math.random()}` });
    expect(res.data?.createStudentEnrolment ?? null).toBeNull();
    expect(errorCodes(res)).toEqual([code]);
    if (field) expect(res.errors![0].extensions!.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it('grants aid to the enrolment, with the sponsor of the item, and revokes it', async () => {
    const since = await lastEvent();
    const waiver = await h.gql(GRANT, { input: aidInput(), key: 'aid-youth-waiver' });
    expect(waiver.errors).toBeUndefined();
    expect(waiver.data.grantStudentAid.aid).toEqual({
      id: `${youth.personId}/2020-AUTUMN/TUITION_WAIVER`, item: 'TUITION_WAIVER', semester: '2020-AUTUMN', year: 2020, amount: '1000.00',
      sponsor: 'EDUCATION', dutyArea: 'EDUCATION', status: 'GRANTED', revokedOn: null, student: { id: `${youth.personId}/2020` },
    });
    const rainbow = await h.gql(GRANT, { input: aidInput({ item: 'RAINBOW_PLAN', amount: '1500.00', semester: '2021-SPRING', grantedOn: '2021-04-20' }), key: 'aid-youth-rainbow' });
    expect(rainbow.data.grantStudentAid.aid).toMatchObject({ sponsor: 'POVERTY_OFFICE', year: 2021, student: { id: `${youth.personId}/2020` } });
    expect(await events(since)).toEqual([
      { record: 'StudentAid', record_id: `${youth.personId}/2020-AUTUMN/TUITION_WAIVER`, kind: 'CREATED', household_id: youth.householdId, person_id: youth.personId },
      { record: 'StudentAid', record_id: `${youth.personId}/2021-SPRING/RAINBOW_PLAN`, kind: 'CREATED', household_id: youth.householdId, person_id: youth.personId },
    ]);
    const before = await counts();
    expect((await h.gql(GRANT, { input: aidInput(), key: 'aid-youth-waiver' })).data.grantStudentAid.replayed).toBe(true);
    expect(await counts()).toEqual(before);

    const id = `${youth.personId}/2020-AUTUMN/TUITION_WAIVER`;
    const revoke = await h.gql(REVOKE, { id, input: { revokedOn: '2020-12-01', reason: '学生退学' }, key: 'revoke-youth-waiver' });
    expect(revoke.data.revokeStudentAid.aid).toEqual({ id, status: 'REVOKED', revokedOn: '2020-12-01', revocationReason: '学生退学' });
    const total = await h.gql(`{ studentAidTotals(filter: { regionPrefix: "${youth.householdId.slice(0, 12)}", status: REVOKED }) { count amount } }`);
    expect(total.data.studentAidTotals).toEqual({ count: 1, amount: '1000.00' });
    expect(errorCodes(await h.gql(REVOKE, { id, input: { revokedOn: '2020-12-02', reason: 'again' }, key: 'revoke-youth-again' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.gql(REVOKE, { id: `${youth.personId}/2021-SPRING/RAINBOW_PLAN`, input: { revokedOn: '2021-01-01', reason: 'early' }, key: 'revoke-too-early' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql(REVOKE, { id: 'nope/2020-AUTUMN/X', input: { revokedOn: '2021-01-01', reason: 'x' }, key: 'revoke-unknown' }))).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['a zero amount', { amount: '0.00' }, 'INVALID_MONEY'],
    ['an implausible amount', { amount: '20000.00' }, 'INVALID_MONEY'],
    ['three decimals', { amount: '10.005' }, 'INVALID_MONEY'],
    ['a malformed semester', { semester: '2020-WINTER' }, 'BAD_USER_INPUT'],
    ['a grant date before the semester\'s year', { grantedOn: '2019-12-31' }, 'BAD_USER_INPUT'],
    ['a grant date in the future', { grantedOn: '2999-01-01' }, 'BAD_USER_INPUT'],
    ['an item not granted at the stage', { item: 'NUTRITION_PROGRAMME' }, 'BAD_USER_INPUT'],
    ['a freshman grant outside higher education', { item: 'FRESHMAN_GRANT' }, 'BAD_USER_INPUT'],
    ['no enrolment in the school year', { semester: '2019-AUTUMN', grantedOn: '2019-10-10' }, 'CONFLICT'],
    ['the same item twice in a semester', { item: 'STATE_GRANT', semester: '2021-SPRING', grantedOn: '2021-05-01', duplicate: true }, 'CONFLICT'],
    ['a person not in the register', { personId: '5001541012990001-01', householdId: '5001541012990001' }, 'NOT_IN_REGISTER'],
  ])('rejects aid with %s and writes nothing', async (_case, over: Record<string, unknown>, code) => {
    const { duplicate, ...input } = over;
    if (duplicate) expect((await h.gql(GRANT, { input: aidInput(input), key: 'aid-first-of-two' })).errors).toBeUndefined();
    const before = await counts();
    const res = await h.gql(GRANT, { input: aidInput(input), key: `bad-aid-${Math.random()}` });
    expect(errorCodes(res)).toEqual([code]);
    expect(await counts()).toEqual(before);
  });

  it('changes an enrolment\'s status with its date', async () => {
    const id = `${youth.personId}/2020`;
    const missing = await h.gql(UPDATE, { id, input: { status: 'COMPLETED' }, key: 'update-no-date' });
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(missing.errors![0].extensions!.field).toBe('input.leftOn');
    const since = await lastEvent();
    const done = await h.gql(UPDATE, { id, input: { status: 'TRANSFERRED_OUT', leftOn: '2021-03-01' }, key: 'update-transfer' });
    expect(done.data.updateStudentEnrolment.student).toMatchObject({ status: 'TRANSFERRED_OUT', leftOn: '2021-03-01' });
    expect(await events(since)).toEqual([{ record: 'Student', record_id: id, kind: 'UPDATED', household_id: youth.householdId, person_id: youth.personId }]);
    const back = await h.gql(UPDATE, { id, input: { status: 'ENROLLED' }, key: 'update-back' });
    expect(back.data.updateStudentEnrolment.student).toMatchObject({ status: 'ENROLLED', leftOn: null });
    expect(errorCodes(await h.gql(UPDATE, { id, input: { status: 'DROPPED_OUT', leftOn: '2019-01-01' }, key: 'update-early' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql(UPDATE, { id, input: { leftOn: '2021-01-01' }, key: 'update-date-only' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.gql(UPDATE, { id: 'nobody/2020', input: { className: '1班' }, key: 'update-unknown' }))).toEqual(['NOT_FOUND']);
  });

  it('reports a dropout, follows it up and teaches the child at home: the household fails, then meets, 义务教育有保障', async () => {
    const [pupil] = pupils;
    const check = async () =>
      (await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { compulsoryEducation(year: 2020) { verdict children { person { id } status evidenceRecord } } } } }`, {
        r: [{ __typename: 'Household', id: pupil.householdId }],
      })).data._entities[0].compulsoryEducation;
    const child = async () => (await check()).children.find((c: any) => c.person.id === pupil.personId);
    expect((await child()).status).toBe('ENROLLED');

    const since = await lastEvent();
    const report = await h.gql(REPORT, {
      input: { ...pupil, schoolYear: 2020, reason: 'ILLNESS_OR_DISABILITY', reasonDetail: '重病住院', reportedOn: '2020-11-02', responsiblePerson: '王老师', stage: 'PRIMARY', grade: 3 },
      key: 'report-pupil-0',
    });
    expect(report.errors).toBeUndefined();
    const caseId = `${pupil.personId}/2020/DROPOUT`;
    expect(report.data.reportDropout.dropoutCase).toEqual({ id: caseId, open: true, reason: 'ILLNESS_OR_DISABILITY', resolution: null, resolvedOn: null, followUps: [] });
    expect(await events(since)).toEqual([
      { record: 'DropoutCase', record_id: caseId, kind: 'CREATED', household_id: pupil.householdId, person_id: pupil.personId },
      { record: 'Student', record_id: `${pupil.personId}/2020`, kind: 'UPDATED', household_id: pupil.householdId, person_id: pupil.personId },
    ]);
    expect((await h.gql(`{ student(id: "${pupil.personId}/2020") { status leftOn } }`)).data.student).toEqual({ status: 'DROPPED_OUT', leftOn: '2020-11-02' });
    expect(await child()).toMatchObject({ status: 'OUT_OF_SCHOOL', evidenceRecord: 'DropoutCase' });
    expect((await check()).verdict).toBe('NOT_MET');

    const follow = await h.gql(FOLLOW, { id: caseId, input: { followUpOn: '2020-11-10', method: 'HOME_VISIT', actor: '驻村工作队', outcome: '家长申请送教上门' }, key: 'follow-pupil-0' });
    expect(follow.data.recordDropoutFollowUp.dropoutCase.followUps).toEqual([{ method: 'HOME_VISIT', actor: '驻村工作队', followUpOn: '2020-11-10' }]);
    expect(errorCodes(await h.gql(FOLLOW, { id: caseId, input: { followUpOn: '2020-11-10', method: 'HOME_VISIT', actor: 'x', outcome: 'y' }, key: 'follow-pupil-dup' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.gql(FOLLOW, { id: caseId, input: { followUpOn: '2020-10-01', method: 'PHONE', actor: 'x', outcome: 'y' }, key: 'follow-pupil-early' }))).toEqual(['BAD_USER_INPUT']);

    const since2 = await lastEvent();
    const start = await h.gql(START, {
      input: { householdId: pupil.householdId, personId: pupil.personId, schoolYear: 2020, reason: 'SERIOUS_ILLNESS', schoolName: '汉丰镇中心小学', teacher: '李老师', visitsPerMonth: 4, startedOn: '2020-11-20', dropoutCaseId: caseId },
      key: 'home-pupil-0',
    });
    expect(start.errors).toBeUndefined();
    expect(start.data.startHomeTeaching.homeTeaching).toEqual({ id: `${pupil.personId}/2020/HOME`, schoolYear: 2020, reason: 'SERIOUS_ILLNESS', endedOn: null, dropoutCase: { id: caseId, resolution: 'HOME_TEACHING', resolvedOn: '2020-11-20' } });
    expect((await events(since2)).map((e: any) => [e.record, e.kind])).toEqual([['HomeTeaching', 'CREATED'], ['DropoutCase', 'UPDATED']]);
    expect(await child()).toMatchObject({ status: 'HOME_TAUGHT', evidenceRecord: 'HomeTeaching' });

    const end = await h.gql(END, { id: `${pupil.personId}/2020/HOME`, input: { endedOn: '2021-06-30', reason: '康复，返校就读' }, key: 'home-pupil-0-end' });
    expect(end.data.endHomeTeaching.homeTeaching).toEqual({ id: `${pupil.personId}/2020/HOME`, endedOn: '2021-06-30', endReason: '康复，返校就读' });
    expect(errorCodes(await h.gql(END, { id: `${pupil.personId}/2020/HOME`, input: { endedOn: '2021-07-01', reason: 'again' }, key: 'home-pupil-0-end2' }))).toEqual(['CONFLICT']);
    // Replaying the report changes nothing.
    const before = await counts();
    expect((await h.gql(REPORT, {
      input: { ...pupil, schoolYear: 2020, reason: 'ILLNESS_OR_DISABILITY', reasonDetail: '重病住院', reportedOn: '2020-11-02', responsiblePerson: '王老师', stage: 'PRIMARY', grade: 3 },
      key: 'report-pupil-0',
    })).data.reportDropout.replayed).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('persuades a child back to school; home teaching is only for illness or disability', async () => {
    const pupil = pupils[1];
    const report = await h.gql(REPORT, { input: { ...pupil, schoolYear: 2020, reason: 'WORK', reportedOn: '2020-10-12', responsiblePerson: '村委会 张书记' }, key: 'report-pupil-1' });
    const caseId = report.data.reportDropout.dropoutCase.id;
    const before = await counts();
    expect(errorCodes(await h.gql(RESOLVE, { id: caseId, input: { resolution: 'HOME_TEACHING', resolvedOn: '2020-11-01' }, key: 'resolve-home-1' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.gql(START, {
      input: { householdId: pupil.householdId, personId: pupil.personId, schoolYear: 2020, reason: 'DISABILITY', schoolName: '汉丰镇中心小学', teacher: '李老师', visitsPerMonth: 2, startedOn: '2020-11-20', dropoutCaseId: caseId },
      key: 'home-pupil-1',
    }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.gql(RESOLVE, { id: caseId, input: { resolution: 'RETURNED_TO_SCHOOL', resolvedOn: '2020-10-01' }, key: 'resolve-early-1' }))).toEqual(['BAD_USER_INPUT']);
    expect(await counts()).toEqual(before);
    const since = await lastEvent();
    const back = await h.gql(RESOLVE, { id: caseId, input: { resolution: 'RETURNED_TO_SCHOOL', resolvedOn: '2020-11-16' }, key: 'resolve-back-1' });
    expect(back.data.resolveDropout.dropoutCase).toEqual({ id: caseId, open: false, resolution: 'RETURNED_TO_SCHOOL', resolvedOn: '2020-11-16' });
    expect(await events(since)).toEqual([{ record: 'DropoutCase', record_id: caseId, kind: 'UPDATED', household_id: pupil.householdId, person_id: pupil.personId }]);
    expect(errorCodes(await h.gql(RESOLVE, { id: caseId, input: { resolution: 'RETURNED_TO_SCHOOL', resolvedOn: '2020-11-17' }, key: 'resolve-again-1' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.gql(RESOLVE, { id: caseId, input: { resolution: 'RETURNED_TO_SCHOOL', resolvedOn: '2020-11-16' }, key: 'resolve-back-1' }))).toEqual([]);
  });

  it.each([
    ['a child too old for compulsory school', { birthDate: '2000-01-01' }, 'BAD_USER_INPUT', 'input.birthDate'],
    ['a report outside the school year', { reportedOn: '2020-08-01' }, 'BAD_USER_INPUT', 'input.reportedOn'],
    ['a grade without a stage', { grade: 2 }, 'BAD_USER_INPUT', 'input.stage'],
    ['an unknown reason', { reason: 'BORED' }, 'BAD_USER_INPUT', undefined],
    ['no responsible person', { responsiblePerson: '' }, 'BAD_USER_INPUT', 'input.responsiblePerson'],
    ['a person not in the register', { personId: '5001541012990001-01', householdId: '5001541012990001' }, 'NOT_IN_REGISTER', 'input.personId'],
    ['a second report in the school year', { personIndex: 0 }, 'CONFLICT', 'input.schoolYear'],
  ])('rejects a dropout report with %s and writes nothing', async (_case, over: Record<string, unknown>, code, field) => {
    const { personIndex, ...rest } = over;
    const pupil = pupils[(personIndex as number | undefined) ?? 2];
    const before = await counts();
    const res = await h.gql(REPORT, { input: { ...pupil, schoolYear: 2020, reason: 'POOR_PERFORMANCE', reportedOn: '2020-10-20', responsiblePerson: '王老师', ...rest }, key: `bad-report-${Math.random()}` });
    expect(errorCodes(res)).toEqual([code]);
    if (field) expect(res.errors![0].extensions!.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['no visits', { visitsPerMonth: 0 }, 'BAD_USER_INPUT'],
    ['a start outside the school year', { startedOn: '2022-01-10' }, 'BAD_USER_INPUT'],
    ['an unknown dropout case', { dropoutCaseId: 'nobody/2020/DROPOUT' }, 'BAD_USER_INPUT'],
    ['another child\'s dropout case', { dropoutCaseId: 'PUPIL0' }, 'CONFLICT'],
    ['a second record in the school year', { personIndex: 0 }, 'CONFLICT'],
  ])('rejects home teaching with %s and writes nothing', async (_case, over: Record<string, unknown>, code) => {
    const { personIndex, ...rest } = over;
    if (rest.dropoutCaseId === 'PUPIL0') rest.dropoutCaseId = `${pupils[0].personId}/2020/DROPOUT`;
    const pupil = pupils[(personIndex as number | undefined) ?? 2];
    const before = await counts();
    const res = await h.gql(START, {
      input: { householdId: pupil.householdId, personId: pupil.personId, schoolYear: 2020, reason: 'DISABILITY', schoolName: '汉丰镇中心小学', teacher: '李老师', visitsPerMonth: 2, startedOn: '2020-11-20', ...rest },
      key: `bad-home-${Math.random()}`,
    });
    expect(errorCodes(res)).toEqual([code]);
    expect(await counts()).toEqual(before);
  });
});
