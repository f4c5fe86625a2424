import { TableSpec, tableSpec } from '@saf/kit';
import { DropoutCaseRow, DropoutFollowUpRow, HomeTeachingRow, StudentAidRow, StudentEnrolmentRow } from './records';

/** Column layouts of the education tables the generator fills, parents before children. */
export const EDUCATION_TABLES = {
  student_enrolment: tableSpec<StudentEnrolmentRow>('student_enrolment', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['person_id', 'text', (r) => r.personId],
    ['school_year', 'smallint', (r) => r.schoolYear],
    ['school_name', 'text', (r) => r.schoolName],
    ['school_location', 'text', (r) => r.schoolLocation],
    ['stage', 'text', (r) => r.stage],
    ['grade', 'smallint', (r) => r.grade],
    ['class_name', 'text', (r) => r.className],
    ['student_number', 'text', (r) => r.studentNumber],
    ['study_mode', 'text', (r) => r.studyMode],
    ['status', 'text', (r) => r.status],
    ['enrolled_on', 'date', (r) => r.enrolledOn],
    ['left_on', 'date', (r) => r.leftOn],
  ]),
  student_aid: tableSpec<StudentAidRow>('student_aid', [
    ['id', 'text', (r) => r.id],
    ['student_id', 'text', (r) => r.studentId],
    ['household_id', 'text', (r) => r.householdId],
    ['person_id', 'text', (r) => r.personId],
    ['item', 'text', (r) => r.item],
    ['semester', 'text', (r) => r.semester],
    ['year', 'smallint', (r) => r.year],
    ['school_year', 'smallint', (r) => r.schoolYear],
    ['stage', 'text', (r) => r.stage],
    ['amount_fen', 'bigint', (r) => r.amountFen],
    ['granted_on', 'date', (r) => r.grantedOn],
    ['duty_area', 'text', (r) => r.dutyArea],
    ['sponsor', 'text', (r) => r.sponsor],
    ['status', 'text', (r) => r.status],
    ['revoked_on', 'date', (r) => r.revokedOn],
    ['revocation_reason', 'text', (r) => r.revocationReason],
  ]),
  dropout_case: tableSpec<DropoutCaseRow>('dropout_case', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['person_id', 'text', (r) => r.personId],
    ['school_year', 'smallint', (r) => r.schoolYear],
    ['birth_date', 'date', (r) => r.birthDate],
    ['stage', 'text', (r) => r.stage],
    ['grade', 'smallint', (r) => r.grade],
    ['school_name', 'text', (r) => r.schoolName],
    ['reason', 'text', (r) => r.reason],
    ['reason_detail', 'text', (r) => r.reasonDetail],
    ['reported_on', 'date', (r) => r.reportedOn],
    ['responsible_person', 'text', (r) => r.responsiblePerson],
    ['resolution', 'text', (r) => r.resolution],
    ['resolved_on', 'date', (r) => r.resolvedOn],
  ]),
  dropout_follow_up: tableSpec<DropoutFollowUpRow>('dropout_follow_up', [
    ['case_id', 'text', (r) => r.caseId],
    ['household_id', 'text', (r) => r.householdId],
    ['follow_up_on', 'date', (r) => r.followUpOn],
    ['method', 'text', (r) => r.method],
    ['actor', 'text', (r) => r.actor],
    ['outcome', 'text', (r) => r.outcome],
  ]),
  home_teaching: tableSpec<HomeTeachingRow>('home_teaching', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['person_id', 'text', (r) => r.personId],
    ['school_year', 'smallint', (r) => r.schoolYear],
    ['reason', 'text', (r) => r.reason],
    ['school_name', 'text', (r) => r.schoolName],
    ['teacher', 'text', (r) => r.teacher],
    ['visits_per_month', 'smallint', (r) => r.visitsPerMonth],
    ['started_on', 'date', (r) => r.startedOn],
    ['ended_on', 'date', (r) => r.endedOn],
    ['end_reason', 'text', (r) => r.endReason],
    ['dropout_case_id', 'text', (r) => r.dropoutCaseId],
  ]),
} as const;

export type EducationTable = keyof typeof EDUCATION_TABLES;
/** Foreign-key order (enrolments before aid, cases before follow-ups and home teaching). */
export const EDUCATION_TABLE_ORDER: readonly EducationTable[] = ['student_enrolment', 'student_aid', 'dropout_case', 'dropout_follow_up', 'home_teaching'];
export const EDUCATION_TABLE_SPECS: readonly TableSpec[] = EDUCATION_TABLE_ORDER.map((t) => EDUCATION_TABLES[t]);
