import { EntityManager, QueryFailedError } from 'typeorm';
import { ChangeEvent, notFound, recordChanges } from '@saf/kit';
import { itemGrantedAtStage } from '../aidStandards';
import {
  DropoutReason,
  DropoutResolution,
  EDUCATION_DUTY_AREA,
  EnrolmentStatus,
  SPONSOR_OF_ITEM,
  StudentAidItem,
  StudentAidStatus,
} from '../codes';
import { parseSemester, schoolYearEnd, schoolYearOfSemester } from '../semesters';
import { DropoutCase, DropoutFollowUp, HomeTeaching, Student, StudentAid, StudentAidStandard } from './entities';
import {
  CreateStudentEnrolmentInput,
  DropoutFollowUpInput,
  EndHomeTeachingInput,
  GrantStudentAidInput,
  ReportDropoutInput,
  ResolveDropoutInput,
  RevokeStudentAidInput,
  StartHomeTeachingInput,
  UpdateStudentEnrolmentInput,
} from './inputs';
import { conflict, invalid, pastDate } from './validation';

/**
 * Education writes. Each runs inside the caller's transaction (runIdempotent), uses only `tx`,
 * checks the rules that need the database, and records its change events in the same transaction.
 * A rule broken here rolls the whole transaction back, the idempotency key included.
 */

export const DEPARTMENT = 'education';
const changed = (tx: EntityManager, events: ChangeEvent[]) => recordChanges(tx, DEPARTMENT, events);

export const studentId = (personId: string, schoolYear: number) => `${personId}/${schoolYear}`;
export const aidId = (personId: string, semester: string, item: string) => `${personId}/${semester}/${item}`;
export const dropoutId = (personId: string, schoolYear: number) => `${personId}/${schoolYear}/DROPOUT`;
export const homeTeachingId = (personId: string, schoolYear: number) => `${personId}/${schoolYear}/HOME`;

const LEAVING: ReadonlySet<EnrolmentStatus> = new Set([EnrolmentStatus.DROPPED_OUT, EnrolmentStatus.TRANSFERRED_OUT, EnrolmentStatus.COMPLETED]);

/** Turns a unique-key violation (a concurrent duplicate) into CONFLICT. */
async function uniquely<T>(field: string, what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') conflict(field, `${what} already exists`);
    throw error;
  }
}

export async function createEnrolment(tx: EntityManager, input: CreateStudentEnrolmentInput): Promise<string> {
  const id = studentId(input.personId, input.schoolYear);
  if (await tx.existsBy(Student, { id })) conflict('input.schoolYear', `person ${input.personId} already has an enrolment in school year ${input.schoolYear}`);
  const sameNumber = await tx.findOneBy(Student, { studentNumber: input.studentNumber, schoolYear: input.schoolYear });
  if (sameNumber) conflict('input.studentNumber', `student number ${input.studentNumber} is already used by ${sameNumber.personId} in school year ${input.schoolYear}`);
  await uniquely('input.schoolYear', `enrolment ${id}`, () =>
    tx.insert(Student, {
      id,
      householdId: input.householdId,
      personId: input.personId,
      schoolYear: input.schoolYear,
      schoolName: input.schoolName.trim(),
      schoolLocation: input.schoolLocation,
      stage: input.stage,
      grade: input.grade,
      className: input.className?.trim() ?? null,
      studentNumber: input.studentNumber,
      studyMode: input.studyMode,
      status: EnrolmentStatus.ENROLLED,
      enrolledOn: input.enrolledOn,
      leftOn: null,
    }),
  );
  await changed(tx, [{ record: 'Student', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }]);
  return id;
}

export async function updateEnrolment(tx: EntityManager, id: string, input: UpdateStudentEnrolmentInput): Promise<string> {
  const student = await tx.findOne(Student, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!student) throw notFound('Student', id);
  const status = input.status ?? student.status;
  if (input.leftOn && !LEAVING.has(status)) invalid('input.leftOn', `leftOn is only for DROPPED_OUT, TRANSFERRED_OUT and COMPLETED, not ${status}`);
  let leftOn = input.leftOn ?? (input.status && !LEAVING.has(input.status) ? null : student.leftOn);
  if (!LEAVING.has(status)) leftOn = null;
  if (LEAVING.has(status) && !leftOn) invalid('input.leftOn', `leftOn is required when the status is ${status}`);
  if (leftOn && (leftOn < student.enrolledOn || leftOn > schoolYearEnd(student.schoolYear))) {
    invalid('input.leftOn', `leftOn must fall between ${student.enrolledOn} and the end of school year ${student.schoolYear}`);
  }
  await tx.update(Student, { id }, {
    status,
    leftOn,
    className: input.className?.trim() ?? student.className,
    studyMode: input.studyMode ?? student.studyMode,
    updatedAt: () => 'now()',
  });
  await changed(tx, [{ record: 'Student', recordId: id, kind: 'UPDATED', householdId: student.householdId, personId: student.personId }]);
  return id;
}

export async function grantAid(tx: EntityManager, input: GrantStudentAidInput): Promise<string> {
  const year = schoolYearOfSemester(input.semester);
  const student = await tx.findOneBy(Student, { id: studentId(input.personId, year) });
  if (!student) conflict('input.semester', `person ${input.personId} has no enrolment in school year ${year} (semester ${input.semester})`);
  if (student.householdId !== input.householdId) conflict('input.householdId', `enrolment ${student.id} belongs to household ${student.householdId}, not ${input.householdId}`);
  const standards = await tx.find(StudentAidStandard);
  if (!itemGrantedAtStage(standards, input.item, student.stage)) invalid('input.item', `${input.item} is not granted at stage ${student.stage}`);
  if (input.item === StudentAidItem.FRESHMAN_GRANT) {
    if (parseSemester(input.semester)!.term !== 'AUTUMN' || student.grade !== 1) invalid('input.item', 'FRESHMAN_GRANT is granted in the autumn semester of the first year only');
    if (await tx.existsBy(StudentAid, { personId: input.personId, item: StudentAidItem.FRESHMAN_GRANT })) conflict('input.item', `person ${input.personId} already received a FRESHMAN_GRANT`);
  }
  const id = aidId(input.personId, input.semester, input.item);
  if (await tx.existsBy(StudentAid, { id })) conflict('input.item', `${input.item} was already granted to ${input.personId} for ${input.semester}`);
  await uniquely('input.item', `aid grant ${id}`, () =>
    tx.insert(StudentAid, {
      id,
      studentId: student.id,
      householdId: student.householdId,
      personId: student.personId,
      item: input.item,
      semester: input.semester,
      year: parseSemester(input.semester)!.year,
      schoolYear: year,
      stage: student.stage,
      amount: input.amount,
      grantedOn: input.grantedOn,
      dutyArea: EDUCATION_DUTY_AREA,
      sponsor: SPONSOR_OF_ITEM[input.item],
      status: StudentAidStatus.GRANTED,
      revokedOn: null,
      revocationReason: null,
    }),
  );
  await changed(tx, [{ record: 'StudentAid', recordId: id, kind: 'CREATED', householdId: student.householdId, personId: student.personId }]);
  return id;
}

export async function revokeAid(tx: EntityManager, id: string, input: RevokeStudentAidInput): Promise<string> {
  const aid = await tx.findOne(StudentAid, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!aid) throw notFound('StudentAid', id);
  if (aid.status === StudentAidStatus.REVOKED) conflict('id', `aid grant ${id} was already revoked on ${aid.revokedOn}`);
  if (input.revokedOn < aid.grantedOn) invalid('input.revokedOn', `revokedOn cannot be before the grant (${aid.grantedOn})`);
  await tx.update(StudentAid, { id }, { status: StudentAidStatus.REVOKED, revokedOn: input.revokedOn, revocationReason: input.reason.trim(), updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'StudentAid', recordId: id, kind: 'UPDATED', householdId: aid.householdId, personId: aid.personId }]);
  return id;
}

export async function reportDropout(tx: EntityManager, input: ReportDropoutInput): Promise<string> {
  const id = dropoutId(input.personId, input.schoolYear);
  if (await tx.existsBy(DropoutCase, { id })) conflict('input.schoolYear', `person ${input.personId} was already reported out of school in school year ${input.schoolYear}`);
  const events: ChangeEvent[] = [{ record: 'DropoutCase', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }];
  await uniquely('input.schoolYear', `dropout case ${id}`, () =>
    tx.insert(DropoutCase, {
      id,
      householdId: input.householdId,
      personId: input.personId,
      schoolYear: input.schoolYear,
      birthDate: input.birthDate,
      stage: input.stage ?? null,
      grade: input.grade ?? null,
      schoolName: input.schoolName?.trim() ?? null,
      reason: input.reason,
      reasonDetail: input.reasonDetail?.trim() ?? null,
      reportedOn: input.reportedOn,
      responsiblePerson: input.responsiblePerson.trim(),
      resolution: null,
      resolvedOn: null,
    }),
  );
  // The roll follows the ledger: an enrolment of that school year still on the roll is marked dropped out.
  const enrolment = await tx.findOne(Student, { where: { id: studentId(input.personId, input.schoolYear) }, lock: { mode: 'pessimistic_write' } });
  if (enrolment && !LEAVING.has(enrolment.status)) {
    const leftOn = input.reportedOn < enrolment.enrolledOn ? enrolment.enrolledOn : input.reportedOn;
    await tx.update(Student, { id: enrolment.id }, { status: EnrolmentStatus.DROPPED_OUT, leftOn, updatedAt: () => 'now()' });
    events.push({ record: 'Student', recordId: enrolment.id, kind: 'UPDATED', householdId: enrolment.householdId, personId: enrolment.personId });
  }
  await changed(tx, events);
  return id;
}

async function lockCase(tx: EntityManager, id: string): Promise<DropoutCase> {
  const found = await tx.findOne(DropoutCase, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw notFound('DropoutCase', id);
  return found;
}

export async function recordFollowUp(tx: EntityManager, caseId: string, input: DropoutFollowUpInput): Promise<string> {
  const found = await lockCase(tx, caseId);
  if (input.followUpOn < found.reportedOn) invalid('input.followUpOn', `followUpOn cannot be before the report (${found.reportedOn})`);
  if (await tx.existsBy(DropoutFollowUp, { caseId, followUpOn: input.followUpOn, method: input.method })) {
    conflict('input.followUpOn', `a ${input.method} follow-up on ${input.followUpOn} is already recorded`);
  }
  const result = await uniquely('input.followUpOn', 'the follow-up', () =>
    tx.insert(DropoutFollowUp, { caseId, householdId: found.householdId, followUpOn: input.followUpOn, method: input.method, actor: input.actor.trim(), outcome: input.outcome.trim() }),
  );
  await changed(tx, [
    { record: 'DropoutFollowUp', recordId: String(result.identifiers[0].id), kind: 'CREATED', householdId: found.householdId, personId: found.personId },
    { record: 'DropoutCase', recordId: caseId, kind: 'UPDATED', householdId: found.householdId, personId: found.personId },
  ]);
  await tx.update(DropoutCase, { id: caseId }, { updatedAt: () => 'now()' });
  return caseId;
}

export async function resolveDropout(tx: EntityManager, caseId: string, input: ResolveDropoutInput): Promise<string> {
  const found = await lockCase(tx, caseId);
  if (found.resolution !== null) conflict('id', `dropout case ${caseId} was already resolved (${found.resolution}) on ${found.resolvedOn}`);
  if (input.resolvedOn < found.reportedOn) invalid('input.resolvedOn', `resolvedOn cannot be before the report (${found.reportedOn})`);
  if (input.resolution === DropoutResolution.HOME_TEACHING && found.reason !== DropoutReason.ILLNESS_OR_DISABILITY) {
    conflict('input.resolution', '送教上门 is only for children out of school because of illness or disability');
  }
  await tx.update(DropoutCase, { id: caseId }, { resolution: input.resolution, resolvedOn: input.resolvedOn, updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'DropoutCase', recordId: caseId, kind: 'UPDATED', householdId: found.householdId, personId: found.personId }]);
  return caseId;
}

export async function startHomeTeaching(tx: EntityManager, input: StartHomeTeachingInput): Promise<string> {
  const id = homeTeachingId(input.personId, input.schoolYear);
  if (await tx.existsBy(HomeTeaching, { id })) conflict('input.schoolYear', `person ${input.personId} is already taught at home in school year ${input.schoolYear}`);
  const events: ChangeEvent[] = [{ record: 'HomeTeaching', recordId: id, kind: 'CREATED', householdId: input.householdId, personId: input.personId }];
  let caseId: string | null = null;
  if (input.dropoutCaseId) {
    const found = await tx.findOne(DropoutCase, { where: { id: input.dropoutCaseId }, lock: { mode: 'pessimistic_write' } });
    if (!found) invalid('input.dropoutCaseId', `dropout case ${input.dropoutCaseId} does not exist`);
    if (found.personId !== input.personId) conflict('input.dropoutCaseId', `dropout case ${found.id} is about person ${found.personId}, not ${input.personId}`);
    if (found.reason !== DropoutReason.ILLNESS_OR_DISABILITY) conflict('input.dropoutCaseId', '送教上门 is only for children out of school because of illness or disability');
    if (found.resolution === null) {
      const resolvedOn = input.startedOn < found.reportedOn ? found.reportedOn : input.startedOn;
      pastDate(resolvedOn, 'input.startedOn');
      await tx.update(DropoutCase, { id: found.id }, { resolution: DropoutResolution.HOME_TEACHING, resolvedOn, updatedAt: () => 'now()' });
      events.push({ record: 'DropoutCase', recordId: found.id, kind: 'UPDATED', householdId: found.householdId, personId: found.personId });
    }
    caseId = found.id;
  }
  await uniquely('input.schoolYear', `home teaching ${id}`, () =>
    tx.insert(HomeTeaching, {
      id,
      householdId: input.householdId,
      personId: input.personId,
      schoolYear: input.schoolYear,
      reason: input.reason,
      schoolName: input.schoolName.trim(),
      teacher: input.teacher.trim(),
      visitsPerMonth: input.visitsPerMonth,
      startedOn: input.startedOn,
      endedOn: null,
      endReason: null,
      dropoutCaseId: caseId,
    }),
  );
  await changed(tx, events);
  return id;
}

export async function endHomeTeaching(tx: EntityManager, id: string, input: EndHomeTeachingInput): Promise<string> {
  const found = await tx.findOne(HomeTeaching, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw notFound('HomeTeaching', id);
  if (found.endedOn !== null) conflict('id', `home teaching ${id} already ended on ${found.endedOn}`);
  if (input.endedOn < found.startedOn) invalid('input.endedOn', `endedOn cannot be before the start (${found.startedOn})`);
  await tx.update(HomeTeaching, { id }, { endedOn: input.endedOn, endReason: input.reason.trim(), updatedAt: () => 'now()' });
  await changed(tx, [{ record: 'HomeTeaching', recordId: id, kind: 'UPDATED', householdId: found.householdId, personId: found.personId }]);
  return id;
}
