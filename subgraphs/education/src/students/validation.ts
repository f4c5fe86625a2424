import { ErrorCode, todayLocalDate, userError, validateDataYear } from '@saf/kit';
import { EducationStage, MAX_GRADE } from '../codes';
import { parseSemester, schoolYearEnd, schoolYearStart } from '../semesters';
import {
  CreateStudentEnrolmentInput,
  DropoutFollowUpInput,
  EndHomeTeachingInput,
  GrantStudentAidInput,
  ReportDropoutInput,
  RevokeStudentAidInput,
  StartHomeTeachingInput,
  UpdateStudentEnrolmentInput,
} from './inputs';
import { ageAtSchoolYear } from '../semesters';
import { COMPULSORY_MAX_AGE, COMPULSORY_MIN_AGE } from './compulsory';

/**
 * Input rules a scalar cannot check. Each throws BAD_USER_INPUT naming the field, before the register
 * is asked and before anything is written.
 */

export const FIRST_DATE = '2013-01-01';
/** Plausibility cap on one aid grant: 10,000 yuan. */
export const MAX_AID_FEN = 1_000_000;
const STUDENT_NUMBER = /^[A-Z][0-9A-Z]{7,29}$/;

export function invalid(field: string, message: string): never {
  throw userError(ErrorCode.BAD_USER_INPUT, message, { field });
}

export function conflict(field: string, message: string): never {
  throw userError(ErrorCode.CONFLICT, message, { field });
}

function text(value: string | undefined | null, field: string, min: number, max: number): void {
  if (value === undefined || value === null) return;
  const length = value.trim().length;
  if (length < min || value.length > max) invalid(field, `${field.split('.').pop()} must be ${min} to ${max} characters`);
}

export function pastDate(date: string, field: string, earliest = FIRST_DATE): void {
  if (date > todayLocalDate()) invalid(field, `${field.split('.').pop()} cannot be in the future`);
  if (date < earliest) invalid(field, `${field.split('.').pop()} cannot be before ${earliest}`);
}

function inSchoolYear(date: string, year: number, field: string): void {
  if (date < schoolYearStart(year) || date > schoolYearEnd(year)) {
    invalid(field, `${field.split('.').pop()} must fall in school year ${year} (${schoolYearStart(year)} to ${schoolYearEnd(year)})`);
  }
}

function schoolYear(year: number, field: string): void {
  validateDataYear(year, field);
}

function grade(stage: EducationStage, value: number, field: string): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_GRADE[stage]) invalid(field, `grade must be 1 to ${MAX_GRADE[stage]} for ${stage}`);
}

export function validateEnrolment(input: CreateStudentEnrolmentInput): void {
  schoolYear(input.schoolYear, 'input.schoolYear');
  text(input.schoolName, 'input.schoolName', 2, 60);
  grade(input.stage, input.grade, 'input.grade');
  text(input.className, 'input.className', 1, 20);
  if (!STUDENT_NUMBER.test(input.studentNumber)) invalid('input.studentNumber', 'studentNumber must be a capital letter and 7 to 29 capitals or digits');
  pastDate(input.enrolledOn, 'input.enrolledOn');
  inSchoolYear(input.enrolledOn, input.schoolYear, 'input.enrolledOn');
}

export function validateEnrolmentUpdate(input: UpdateStudentEnrolmentInput): void {
  text(input.className, 'input.className', 1, 20);
  if (input.leftOn) pastDate(input.leftOn, 'input.leftOn');
}

export function validateAid(input: GrantStudentAidInput): void {
  const semester = parseSemester(input.semester);
  if (!semester) invalid('input.semester', 'semester must look like 2019-SPRING or 2019-AUTUMN');
  validateDataYear(semester.year, 'input.semester');
  if (input.amount <= 0) throw userError(ErrorCode.INVALID_MONEY, 'amount must be more than 0', { field: 'input.amount' });
  if (input.amount > MAX_AID_FEN) throw userError(ErrorCode.INVALID_MONEY, 'amount must be at most 10000.00 yuan per grant', { field: 'input.amount' });
  pastDate(input.grantedOn, 'input.grantedOn');
  if (Number(input.grantedOn.slice(0, 4)) < semester.year) invalid('input.grantedOn', `grantedOn cannot be before the year of semester ${input.semester}`);
}

export function validateRevocation(input: RevokeStudentAidInput): void {
  pastDate(input.revokedOn, 'input.revokedOn');
  text(input.reason, 'input.reason', 1, 200);
}

export function validateDropout(input: ReportDropoutInput): void {
  schoolYear(input.schoolYear, 'input.schoolYear');
  pastDate(input.birthDate, 'input.birthDate', '1990-01-01');
  const age = ageAtSchoolYear(input.birthDate, input.schoolYear);
  if (age < COMPULSORY_MIN_AGE || age > COMPULSORY_MAX_AGE) {
    invalid('input.birthDate', `控辍保学 covers children of ${COMPULSORY_MIN_AGE} to ${COMPULSORY_MAX_AGE} on 31 August of the school year; this child is ${age}`);
  }
  pastDate(input.reportedOn, 'input.reportedOn');
  inSchoolYear(input.reportedOn, input.schoolYear, 'input.reportedOn');
  text(input.responsiblePerson, 'input.responsiblePerson', 1, 30);
  text(input.reasonDetail, 'input.reasonDetail', 1, 200);
  text(input.schoolName, 'input.schoolName', 2, 60);
  if (input.grade !== undefined && input.grade !== null) {
    if (!input.stage) invalid('input.stage', 'stage is required with grade');
    grade(input.stage, input.grade, 'input.grade');
  }
}

export function validateFollowUp(input: DropoutFollowUpInput): void {
  pastDate(input.followUpOn, 'input.followUpOn');
  text(input.actor, 'input.actor', 1, 30);
  text(input.outcome, 'input.outcome', 1, 200);
}

export function validateHomeTeaching(input: StartHomeTeachingInput): void {
  schoolYear(input.schoolYear, 'input.schoolYear');
  text(input.schoolName, 'input.schoolName', 2, 60);
  text(input.teacher, 'input.teacher', 1, 30);
  if (!Number.isInteger(input.visitsPerMonth) || input.visitsPerMonth < 1 || input.visitsPerMonth > 8) invalid('input.visitsPerMonth', 'visitsPerMonth must be 1 to 8');
  pastDate(input.startedOn, 'input.startedOn');
  inSchoolYear(input.startedOn, input.schoolYear, 'input.startedOn');
}

export function validateHomeTeachingEnd(input: EndHomeTeachingInput): void {
  pastDate(input.endedOn, 'input.endedOn');
  text(input.reason, 'input.reason', 1, 200);
}
