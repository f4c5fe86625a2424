import { education, educationRecordsFor, loadEducation, StudentEnrolmentRow } from '@saf/education';
import { enrolments } from '../../subgraphs/education/src/imports';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { csvOf, importCsv, ImportTarget, problemTriples, samplePath, sampleRows } from '../support/imports';

/**
 * The education department's import kinds (issue 8) against the demo county `npm start` loads
 * (2,000 households, seed 1) with its generated education records: the sample file imports
 * cleanly, a re-run changes nothing, and every rule a row can break is reported.
 */

const DEMO = { households: 2000, seed: 1 };
let h: DepartmentHarness;
let target: ImportTarget;
let generated: StudentEnrolmentRow[];

beforeAll(async () => {
  h = await startDepartmentHarness(education, { ...DEMO, load: (pool, o) => loadEducation(pool, o) });
  target = { department: 'education', pool: h.pool, registerUrl: h.register.subgraph.url };
  generated = h.households.flatMap((b) => educationRecordsFor(b, DEMO.seed).enrolments);
}, 300_000);
afterAll(() => h?.stop());

const enrolmentRows = async (where: string, params: unknown[] = []) =>
  (
    await h.pool.query(
      `SELECT id, household_id, person_id, school_year, school_name, school_location, stage, grade, class_name, student_number, study_mode, status,
              to_char(enrolled_on, 'YYYY-MM-DD') AS enrolled_on, to_char(left_on, 'YYYY-MM-DD') AS left_on, updated_at
       FROM student_enrolment WHERE ${where} ORDER BY id`,
      params,
    )
  ).rows;

describe('enrolments', () => {
  it('imports the sample file into the demo county, each row under its derived ID', async () => {
    const sample = sampleRows('education', enrolments);
    expect(sample.length).toBeGreaterThanOrEqual(10);
    const report = await importCsv(target, enrolments, { file: samplePath('education', enrolments) });
    expect(report).toMatchObject({ rows: sample.length, written: sample.length, unchanged: 0, rejected: 0, committed: true, problems: [] });

    const stored = await enrolmentRows('school_year = 2021');
    expect(stored.map(({ updated_at: _, ...row }) => row)).toEqual(
      sample
        .map((r) => ({
          id: `${r.person_id}/2021`,
          household_id: r.household_id,
          person_id: r.person_id,
          school_year: 2021,
          school_name: r.school_name,
          school_location: r.school_location,
          stage: r.stage,
          grade: Number(r.grade),
          class_name: r.class_name || null,
          student_number: r.student_number,
          study_mode: r.study_mode,
          status: r.status,
          enrolled_on: r.enrolled_on,
          left_on: r.left_on || null,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(stored.filter((r) => r.status === 'TRANSFERRED_OUT')).toEqual([expect.objectContaining({ left_on: '2022-03-14' })]);
  });

  it('changes nothing when the sample is imported again', async () => {
    const before = await enrolmentRows('school_year = 2021');
    const report = await importCsv(target, enrolments, { file: samplePath('education', enrolments) });
    expect(report).toMatchObject({ rows: before.length, written: 0, unchanged: before.length, rejected: 0, committed: true });
    expect(await enrolmentRows('school_year = 2021')).toEqual(before);
  });

  it('reports every broken rule with its row, column and code, and writes only the good rows', async () => {
    // Demo persons education never enrolled (so no natural key of theirs is stored); the file is mostly the 2022 roll.
    const enrolled = new Set(generated.map((e) => e.personId));
    const persons = h.households
      .flatMap((b) => b.members.map((m) => ({ household_id: b.household.id, person_id: m.id })))
      .filter((p) => !enrolled.has(p.person_id))
      .slice(0, 13);
    const taken2020 = generated.find((e) => e.schoolYear === 2020)!;
    const stored2020 = generated.find((e) => e.schoolYear === 2020 && e.personId !== taken2020.personId)!;
    const row = (i: number, overrides: Record<string, string> = {}) => ({
      ...persons[i],
      school_year: '2022',
      school_name: '泰岭镇中心小学',
      school_location: 'IN_COUNTY',
      stage: 'PRIMARY',
      grade: '3',
      class_name: '1班',
      student_number: `G${persons[i].person_id.replace('-', '')}`,
      study_mode: 'DAY',
      status: 'ENROLLED',
      enrolled_on: '2022-09-01',
      left_on: '',
      ...overrides,
    });
    const file = csvOf(enrolments, [
      row(0), // 1: good
      row(1, { stage: 'PRE_SCHOOL', grade: '4' }), // 2: grade beyond the stage
      row(2, { enrolled_on: '2022-08-31' }), // 3: before the school year
      row(3, { status: 'DROPPED_OUT' }), // 4: leaving without left_on
      row(4, { left_on: '2023-01-10' }), // 5: left_on while still enrolled
      row(5, { status: 'COMPLETED', left_on: '2023-09-01' }), // 6: left_on after the school year
      row(6, { student_number: 'g1234567' }), // 7: not a student number
      row(7, { student_number: row(0).student_number }), // 8: the number row 1 uses
      row(8, { school_year: '2020', enrolled_on: '2020-09-01', student_number: taken2020.studentNumber }), // 9: taken in the table
      row(9, { school_name: '校' }), // 10: too short
      { ...row(10), household_id: stored2020.householdId, person_id: stored2020.personId, school_year: '2020', enrolled_on: '2020-09-01', school_name: '另一所学校' }, // 11: stored with other values
      row(11, { class_name: '二十一个字符的班级名称二十一个字符的班级名' }), // 12: too long
      row(12, { status: 'TRANSFERRED_OUT', left_on: '2023-03-01' }), // 13: good
    ]);
    const report = await importCsv(target, enrolments, file);
    expect(report).toMatchObject({ rows: 13, written: 2, rejected: 11, committed: true });
    expect(problemTriples(report)).toEqual([
      [2, 'grade', 'INVALID_VALUE'],
      [3, 'enrolled_on', 'INVALID_VALUE'],
      [4, 'left_on', 'MISSING_VALUE'],
      [5, 'left_on', 'INVALID_VALUE'],
      [6, 'left_on', 'INVALID_VALUE'],
      [7, 'student_number', 'INVALID_VALUE'],
      [8, 'student_number', 'DUPLICATE_IN_FILE'],
      [9, 'student_number', 'CONFLICTS_WITH_EXISTING'],
      [10, 'school_name', 'INVALID_VALUE'],
      [11, 'school_name', 'CONFLICTS_WITH_EXISTING'],
      [12, 'class_name', 'INVALID_VALUE'],
    ]);
    const reason = (row: number) => report.problems.find((p) => p.row === row)!.reason;
    expect(reason(2)).toMatch(/grade must be 1 to 3 for PRE_SCHOOL/);
    expect(reason(8)).toMatch(/row 1/);
    expect(reason(9)).toContain(taken2020.personId);

    const written = await enrolmentRows('school_year IN (2020, 2022) AND person_id = ANY($1)', [persons.map((p) => p.person_id)]);
    expect(written.map((r) => [r.id, r.status, r.left_on])).toEqual([
      [`${persons[0].person_id}/2022`, 'ENROLLED', null],
      [`${persons[12].person_id}/2022`, 'TRANSFERRED_OUT', '2023-03-01'],
    ]);
    const untouched = await enrolmentRows('id = $1', [`${stored2020.personId}/2020`]);
    expect(untouched[0].school_name).toBe(stored2020.schoolName);
  });
});
