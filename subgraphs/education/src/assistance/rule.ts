import {
  AreaVerdict,
  assessmentDate,
  evidence,
  Evidence,
  expectSupport,
  needed,
  notNeeded,
  predicate,
  Predicate,
  PredicateStatus,
  RegisterMember,
} from '@saf/kit';
import { CompulsoryEducationVerdict, CompulsorySchooling, EDUCATION_DUTY_AREA, StudentAidStatus } from '../codes';
import { assessCompulsoryEducation, CompulsoryEducationCheck, CompulsoryEducationChild, REGISTER_MEMBER_RECORD } from '../students/compulsory';
import { entitlementsOf } from './entitlements';
import { EDUCATION_DEPARTMENT } from './measures';
import { HouseholdEducation } from './records';

/*
 * The EDUCATION verdict of the sector view and the COMPULSORY_EDUCATION exit predicate. Both are
 * taken on the assessment date of year Y (31 December, or today) for school year Y, the school year
 * in progress that day, with the register's members: the compulsory-education part is
 * assessCompulsoryEducation, the same function as Household.compulsoryEducation.
 */

export const COMPULSORY_EDUCATION = 'COMPULSORY_EDUCATION';
const FINANCE = 'FINANCE';
const POVERTY_OFFICE = 'POVERTY_OFFICE';

/** The compulsory-education check of school year `year`, on its assessment date, with the register's members. */
export function compulsoryCheck(year: number, r: HouseholdEducation, members: readonly RegisterMember[] | undefined, on = assessmentDate(year)): CompulsoryEducationCheck {
  return assessCompulsoryEducation(year, r.students, r.dropouts, r.homeTeaching, { members: members ?? [], on });
}

function childEvidence(c: CompulsoryEducationChild): Evidence {
  const department = c.evidenceRecord === REGISTER_MEMBER_RECORD ? POVERTY_OFFICE : EDUCATION_DEPARTMENT;
  return evidence(department, c.evidenceRecord, c.evidenceId, c.evidenceDate, `${c.personId}: ${childNote(c)}`);
}

function childNote(c: CompulsoryEducationChild): string {
  if (c.status === CompulsorySchooling.HOME_TAUGHT) return 'taught at home (送教上门)';
  if (c.status === CompulsorySchooling.ENROLLED) return c.evidenceRecord === 'DropoutCase' ? 'back in school after a dropout case' : 'enrolled';
  if (c.evidenceRecord === REGISTER_MEMBER_RECORD) return 'of school age, with no enrolment, home teaching or dropout record: out of school';
  if (c.evidenceRecord === 'DropoutCase') return 'out of school (dropout case open)';
  return 'out of school (enrolment dropped out)';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function outOfSchoolText(out: CompulsoryEducationChild[], year: number): string {
  return `Out of school in school year ${year}: ${out.map((c) => `${c.personId} (${childNote(c)})`).join('; ')}.`;
}

/** COMPULSORY_EDUCATION (义务教育有保障): MET, NOT_MET naming the children out of school, or NOT_APPLICABLE. */
export function compulsoryEducationPredicate(check: CompulsoryEducationCheck): Predicate {
  const year = check.schoolYear;
  const shownBy = check.children.map(childEvidence);
  if (check.verdict === CompulsoryEducationVerdict.NOT_APPLICABLE) {
    return predicate(COMPULSORY_EDUCATION, EDUCATION_DEPARTMENT, PredicateStatus.NOT_APPLICABLE, `No child of compulsory-school age (6-15 on 31 August ${year}) among the register's members or in education's records.`);
  }
  const out = check.children.filter((c) => c.status === CompulsorySchooling.OUT_OF_SCHOOL);
  if (out.length) return predicate(COMPULSORY_EDUCATION, EDUCATION_DEPARTMENT, PredicateStatus.NOT_MET, outOfSchoolText(out, year), shownBy);
  const home = check.children.filter((c) => c.status === CompulsorySchooling.HOME_TAUGHT).length;
  const reason = `All ${plural(check.children.length, 'school-age child', 'school-age children')} in school in school year ${year}${home ? ` (${home} taught at home)` : ''}.`;
  return predicate(COMPULSORY_EDUCATION, EDUCATION_DEPARTMENT, PredicateStatus.MET, reason, shownBy);
}

/**
 * The EDUCATION area (教育扶贫), led by education, for calendar year `year` judged on its
 * assessment date:
 * - needed when the household has a child of compulsory-school age (an active register member, or a
 *   child in education's records) in school year Y, a student enrolled in school year Y, or student
 *   aid due in year Y;
 * - met when no school-age child is out of school (home teaching counts as in school) and every
 *   student received each aid item they are entitled to without applying (entitlements.ts) for the
 *   semesters of Y;
 * - expects FINANCE to have paid every aid grant of Y (finance's Disbursement.sourceRecordId is the
 *   StudentAid ID, for EDUCATION_AID and RAINBOW_PLAN alike).
 */
export function educationVerdict(year: number, r: HouseholdEducation, members: readonly RegisterMember[] | undefined, on = assessmentDate(year)): AreaVerdict {
  const check = compulsoryCheck(year, r, members, on);
  const entitlements = entitlementsOf(year, on, r.students, r.aid);
  const students = r.students.filter((s) => s.schoolYear === year && s.enrolledOn <= on);
  if (check.children.length === 0 && students.length === 0 && entitlements.length === 0) {
    return notNeeded(`No child of compulsory-school age (6-15 on 31 August ${year}) among the register's members, no student enrolled in school year ${year} and no student aid due in ${year}.`);
  }

  const assessed = new Set(check.children.map((c) => c.personId));
  const shownBy = [
    ...check.children.map(childEvidence),
    ...students.filter((s) => !assessed.has(s.personId)).map((s) => evidence(EDUCATION_DEPARTMENT, 'Student', s.id, s.enrolledOn, `${s.personId}: ${s.stage} ${s.status.toLowerCase()}`)),
  ];
  const missing = entitlements.filter((e) => e.grant === null);
  for (const e of missing) shownBy.push(evidence(EDUCATION_DEPARTMENT, 'Student', e.student.id, e.student.enrolledOn, `${e.student.personId}: entitled to ${e.item} for ${e.semester}, not granted`));

  const expects = r.aid
    .filter((a) => a.status === StudentAidStatus.GRANTED && a.year === year && a.dutyArea === EDUCATION_DUTY_AREA && a.grantedOn <= on)
    .map((a) => expectSupport(FINANCE, a.id, `${a.item} for ${a.semester} paid for ${a.personId}`));

  const out = check.children.filter((c) => c.status === CompulsorySchooling.OUT_OF_SCHOOL);
  const problems: string[] = [];
  if (out.length) problems.push(outOfSchoolText(out, year));
  if (missing.length) problems.push(`Aid not granted: ${missing.map((e) => `${e.student.personId} ${e.item} ${e.semester}`).join('; ')}.`);
  if (problems.length) return needed(false, problems.join(' '), shownBy, expects);

  const home = check.children.filter((c) => c.status === CompulsorySchooling.HOME_TAUGHT).length;
  const parts = [
    check.children.length ? `${plural(check.children.length, 'school-age child', 'school-age children')} in school${home ? ` (${home} taught at home)` : ''}` : 'no school-age child',
    `${plural(students.length, 'student')} enrolled in school year ${year}`,
    `${plural(entitlements.length, 'entitled aid item')} of ${year} granted`,
  ];
  return needed(true, `${parts.join('; ')}.`, shownBy, expects);
}
