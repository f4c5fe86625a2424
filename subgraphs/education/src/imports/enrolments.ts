import { ImportKind, ParsedRow, RowProblem, rowProblems } from '@saf/kit';
import { EducationStage, EnrolmentStatus, MAX_GRADE, SchoolLocation, StudyMode } from '../codes';
import { schoolYearEnd, schoolYearStart } from '../semesters';
import { FIRST_DATE } from '../students/validation';
import { studentId } from '../students/writes';

/**
 * `--kind enrolments`: the school roll (学籍) of a school year as the student-status system exports it,
 * one person and school year per row → student_enrolment.
 *
 * The record ID is `<person ID>/<school year>` (a CHECK of the table), so it is derived from the
 * natural key rather than carried in the file: nobody can send a mismatching one.
 */

const LEAVING: ReadonlySet<string> = new Set([EnrolmentStatus.DROPPED_OUT, EnrolmentStatus.TRANSFERRED_OUT, EnrolmentStatus.COMPLETED]);

export const enrolments: ImportKind = {
  name: 'enrolments',
  description: 'Student enrolments (学籍): one person in one school year (1 September to 31 August) per row.',
  table: 'student_enrolment',
  columns: [
    { name: 'household_id', type: { kind: 'householdId' }, description: 'The student\'s household.' },
    { name: 'person_id', type: { kind: 'personId' }, description: 'The student, a member of household_id.' },
    { name: 'school_year', type: { kind: 'int', min: 2013, max: 2100 }, description: 'School year by its first calendar year: 2021 is 2021-09-01 to 2022-08-31.' },
    { name: 'school_name', type: { kind: 'text', maxLength: 60 }, description: 'Name of the school, at least 2 characters.' },
    { name: 'school_location', type: { kind: 'enum', values: Object.values(SchoolLocation) }, description: 'Where the school is: in the county (县内), elsewhere in the province (省内县外), in another province (省外).' },
    { name: 'stage', type: { kind: 'enum', values: Object.values(EducationStage) }, description: '学段: 学前, 小学, 初中, 普通高中, 中职, 高校 (including 高职).' },
    { name: 'grade', type: { kind: 'int', min: 1, max: 6 }, description: 'Grade within the stage: at most 3 in pre-school and the secondary stages, 6 in primary school, 5 in higher education.' },
    { name: 'class_name', type: { kind: 'text', maxLength: 20 }, required: false, description: 'Class (e.g. 2班).' },
    { name: 'student_number', type: { kind: 'text', pattern: /^[A-Z][0-9A-Z]{7,29}$/ }, description: 'National student number (学籍号), unique in a school year.' },
    { name: 'study_mode', type: { kind: 'enum', values: Object.values(StudyMode) }, description: 'DAY 走读, BOARDING 寄宿.' },
    { name: 'status', type: { kind: 'enum', values: Object.values(EnrolmentStatus) }, description: '学籍状态: 在读, 休学, 转出, 辍学, 毕业; TRANSFERRED_OUT, DROPPED_OUT and COMPLETED need left_on.' },
    { name: 'enrolled_on', type: { kind: 'date', min: FIRST_DATE, notInFuture: true }, description: 'Day of enrolment, within the school year.' },
    { name: 'left_on', type: { kind: 'date', notInFuture: true }, required: false, description: 'Day the student left, only with TRANSFERRED_OUT, DROPPED_OUT or COMPLETED: from enrolled_on to the end of the school year.' },
  ],
  naturalKey: ['person_id', 'school_year'],
  computed: [{ dbColumn: 'id', type: 'text', value: (row) => studentId(String(row.person_id), Number(row.school_year)) }],
  // The table's second UNIQUE key, (student_number, school_year): taken by another student in the table or earlier in the file.
  checks: [
    {
      code: 'CONFLICTS_WITH_EXISTING',
      column: 'student_number',
      sql: `SELECT n.row_no, 'student number ' || n.student_number || ' is already used by ' || e.person_id || ' in school year ' || n.school_year AS reason
            FROM import_new n
            JOIN student_enrolment e ON e.student_number = n.student_number AND e.school_year = n.school_year AND e.person_id <> n.person_id`,
    },
    {
      code: 'DUPLICATE_IN_FILE',
      column: 'student_number',
      sql: `SELECT n.row_no, 'student number ' || n.student_number || ' is already used in row ' || min(f.row_no) || ' for school year ' || n.school_year AS reason
            FROM import_new n
            JOIN import_new f ON f.student_number = n.student_number AND f.school_year = n.school_year AND f.row_no < n.row_no
            GROUP BY n.row_no, n.student_number, n.school_year`,
    },
  ],
  validateRow: validateEnrolmentRow,
  sampleFile: 'samples/enrolments.csv',
};

/** The table's CHECKs and the rules of createStudentEnrolment/updateStudentEnrolment, per row. */
export function validateEnrolmentRow(row: ParsedRow): RowProblem[] {
  const { problems, invalid, missing } = rowProblems();
  const year = row.school_year as number;
  const stage = row.stage as EducationStage;
  const status = row.status as string;
  const enrolledOn = row.enrolled_on as string;
  const leftOn = row.left_on as string | null;
  if (String(row.school_name).length < 2) invalid('school_name', 'school_name must be 2 to 60 characters');
  if ((row.grade as number) > MAX_GRADE[stage]) invalid('grade', `grade must be 1 to ${MAX_GRADE[stage]} for ${stage}`);
  if (enrolledOn < schoolYearStart(year) || enrolledOn > schoolYearEnd(year)) {
    invalid('enrolled_on', `enrolled_on must fall in school year ${year} (${schoolYearStart(year)} to ${schoolYearEnd(year)})`);
  }
  if (LEAVING.has(status) && leftOn === null) missing('left_on', `left_on is required when the status is ${status}`);
  if (!LEAVING.has(status) && leftOn !== null) invalid('left_on', `left_on is only for DROPPED_OUT, TRANSFERRED_OUT and COMPLETED, not ${status}`);
  if (leftOn !== null && LEAVING.has(status) && (leftOn < enrolledOn || leftOn > schoolYearEnd(year))) {
    invalid('left_on', `left_on must fall between enrolled_on (${enrolledOn}) and the end of school year ${year} (${schoolYearEnd(year)})`);
  }
  return problems;
}
