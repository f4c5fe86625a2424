import { education, loadEducation } from '@saf/education';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { admin, analyst, caseworker, officer } from '../support/auth';
import { errorCodes, graphqlClient } from '../support/graphql';

/** Issue 6 in the education subgraph: small cells of the aid totals, health details, region scope, write rights. */

let h: DepartmentHarness;
let town: string; // the township (9 digits) of the generated county
let otherTown: string; // another township, with one enrolment copied there
let foreign: string; // that enrolment's ID
const as = (caller: Parameters<typeof graphqlClient>[1]) => graphqlClient(h.department.url, caller);
const rows = async (sql: string, params: unknown[] = []) => (await h.pool.query(sql, params)).rows;

beforeAll(async () => {
  h = await startDepartmentHarness(education, { households: 300, seed: 1, load: (pool, o) => loadEducation(pool, o) });
  town = h.households[0].household.id.slice(0, 9);
  // The small generated county has one township: a copy of a generated enrolment in another one.
  otherTown = `${town.slice(0, 6)}199`;
  const personId = `${otherTown}2010001-01`;
  await h.pool.query('CREATE TEMP TABLE copied AS SELECT * FROM student_enrolment ORDER BY id LIMIT 1');
  await h.pool.query(`UPDATE copied SET household_id = left($1, 16), person_id = $1, id = $1 || '/' || school_year, student_number = 'J' || replace($1, '-', '')`, [personId]);
  foreign = (await rows('INSERT INTO student_enrolment SELECT * FROM copied RETURNING id'))[0].id;
});
afterAll(() => h?.stop());

describe('education: access rules', () => {
  it('suppresses a small cell of the aid totals for an analyst, not for a caseworker or a large cell', async () => {
    // One aid item in one village and year, granted to 1 to 4 students.
    const [small] = await rows(`SELECT left(household_id, 12) AS village, item, year, count(*)::int AS n, count(DISTINCT person_id)::int AS students
      FROM student_aid GROUP BY 1, 2, 3 HAVING count(DISTINCT person_id) BETWEEN 1 AND 4 ORDER BY 1, 2, 3 LIMIT 1`);
    const query = `query($village: String!, $item: StudentAidItem!, $year: Int!) {
      cell: studentAidTotals(filter: { regionPrefix: $village, item: $item, year: $year }) { count amount students suppressed byItem { item students count amount suppressed } }
      county: studentAidTotals(filter: { year: $year }) { students suppressed } }`;
    const vars = { village: small.village, item: small.item, year: small.year };

    const hidden = await as(analyst())(query, vars);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data.cell).toEqual({
      count: null, amount: null, students: null, suppressed: true,
      byItem: [{ item: small.item, students: null, count: null, amount: null, suppressed: true }],
    });
    expect(hidden.data.county.suppressed).toBe(false);
    expect(hidden.data.county.students).toBeGreaterThanOrEqual(5);

    const exact = await as(caseworker())(query, vars);
    expect(exact.data.cell).toMatchObject({ count: small.n, students: small.students, suppressed: false, byItem: [{ item: small.item, students: small.students, count: small.n, suppressed: false }] });
  });

  it('withholds the health detail of a dropout case from an analyst, shows it to a caseworker, and audits both reads', async () => {
    const [c] = await rows(`SELECT id, household_id, reason_detail FROM dropout_case WHERE reason = 'ILLNESS_OR_DISABILITY' AND reason_detail IS NOT NULL ORDER BY id LIMIT 1`);
    const query = `{ dropoutCases(filter: { regionPrefix: "${c.household_id.slice(0, 12)}", reason: ILLNESS_OR_DISABILITY }, first: 100) { nodes { id reasonDetail } } }`;
    const detail = async (caller: Parameters<typeof as>[0]) => {
      const res = await as(caller)(query);
      expect(res.errors).toBeUndefined();
      return res.data.dropoutCases.nodes.find((n: { id: string }) => n.id === c.id).reasonDetail;
    };
    expect(await detail(analyst())).toBeNull();
    expect(await detail(caseworker())).toBe(c.reason_detail);

    const audit = await as(admin())(`{ educationAuditEvents(householdId: "${c.household_id}", first: 20) { action operation record recordId fields masked role } }`);
    expect(audit.errors).toBeUndefined();
    const read = { action: 'READ_PERSONAL', operation: 'read DropoutCase', record: 'DropoutCase', recordId: c.id, fields: ['reasonDetail'] };
    expect(audit.data.educationAuditEvents).toContainEqual({ ...read, masked: true, role: 'analyst' });
    expect(audit.data.educationAuditEvents).toContainEqual({ ...read, masked: false, role: 'caseworker' });
  });

  it("lists only a township caseworker's township and refuses another township's enrolment", async () => {
    const gql = as(caseworker(town));
    const res = await gql('{ students(filter: { year: 2019 }, first: 1000) { totalCount nodes { id household { id } } } }');
    expect(res.errors).toBeUndefined();
    const [{ n }] = await rows('SELECT count(*)::int AS n FROM student_enrolment WHERE school_year = 2019 AND household_id LIKE $1', [`${town}%`]);
    expect(res.data.students.totalCount).toBe(n);
    for (const s of res.data.students.nodes) expect(s.household.id.startsWith(town)).toBe(true);

    expect(errorCodes(await gql(`{ student(id: "${foreign}") { id schoolName } }`))).toEqual(['OUT_OF_SCOPE']);
    expect((await as(caseworker(otherTown))(`{ student(id: "${foreign}") { id } }`)).data.student).toEqual({ id: foreign });
    // Entity lookups (the gateway's path) answer null outside the region, in place.
    const own = res.data.students.nodes[0].id;
    const entities = await gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Student { id } } }', {
      r: [{ __typename: 'Student', id: foreign }, { __typename: 'Student', id: own }],
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([null, { id: own }]);
  });

  it('lets only its own officers write, inside their region, and audits the write', async () => {
    const enrolled = new Set((await rows('SELECT DISTINCT person_id FROM student_enrolment')).map((r) => r.person_id));
    const youth = h.households.flatMap((b) => b.members).find((p) => p.age >= 19 && p.age <= 40 && !enrolled.has(p.id))!;
    const mutation = `mutation($input: CreateStudentEnrolmentInput!, $key: String!) { createStudentEnrolment(input: $input, idempotencyKey: $key) { student { id } } }`;
    const input = {
      householdId: youth.householdId, personId: youth.id, schoolYear: 2020, schoolName: '重庆市开州区职业教育中心', stage: 'SECONDARY_VOCATIONAL', grade: 1,
      studentNumber: `J${youth.id.replace('-', '')}`, studyMode: 'BOARDING', enrolledOn: '2020-09-01',
    };
    const written = async () => (await rows(`SELECT (SELECT count(*) FROM student_enrolment)::int AS s, (SELECT count(*) FROM audit_event WHERE action = 'WRITE')::int AS w`))[0];
    const before = await written();

    expect(errorCodes(await as(officer('civil-affairs', town))(mutation, { input, key: 'access-civil-affairs-officer' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as(officer('education', otherTown))(mutation, { input, key: 'access-other-town' }))).toEqual(['OUT_OF_SCOPE']);
    expect(await written()).toEqual(before);

    const inside = await as(officer('education', town))(mutation, { input, key: 'access-own-town' });
    expect(inside.errors).toBeUndefined();
    expect(await written()).toEqual({ s: before.s + 1, w: before.w + 1 });
    const audit = await as(admin(town))(`{ educationAuditEvents(householdId: "${youth.householdId}", first: 5) { action operation record recordId role } }`);
    expect(audit.data.educationAuditEvents[0]).toEqual({
      action: 'WRITE', operation: 'createStudentEnrolment (created)', record: 'Student', recordId: `${youth.id}/2020`, role: 'department_officer',
    });
  });
});
