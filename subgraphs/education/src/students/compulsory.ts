import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, RegisterMember } from '@saf/kit';
import { PersonKey } from '../registerKeys';
import { COMPULSORY_STAGES, CompulsoryEducationVerdict, CompulsorySchooling, DropoutResolution, EducationStage, EnrolmentStatus, MAX_GRADE } from '../codes';
import { ageAtSchoolYear, schoolYearEnd, schoolYearStart } from '../semesters';
import { DropoutCase, HomeTeaching, Student } from './entities';

/**
 * 义务教育有保障 (reference/domain.md §3.1 row 4): no school-age child (6-15) out of school or dropped
 * out, unless taught at home for health reasons (送教上门).
 *
 * Limitation: education does not hold the register's birth dates, so the children assessed are those
 * education knows of in the school year: every pupil enrolled in primary or junior secondary school,
 * every child taught at home, and every child on the dropout ledger (whose birth date the ledger
 * records) who is 6 to 15 on 31 August and whose case was open during the year. A school-age child
 * education has no record of at all is invisible to Household.compulsoryEducation; the sector view
 * and the exit assessment pass the register's members (`options.members`, through @requires), and
 * then such a child counts as out of school.
 */

export const COMPULSORY_MIN_AGE = 6;
/** Evidence record type of a child only the register knows (the poverty office's member record). */
export const REGISTER_MEMBER_RECORD = 'RegisterMember';
export const COMPULSORY_MAX_AGE = 15;

@ObjectType('CompulsoryEducationChild', { description: 'One school-age child of the household and their standing in the school year, with the record that shows it.' })
export class CompulsoryEducationChild {
  personId: string;

  @Field(() => PersonKey, { description: 'The child (a person of the register).' })
  person(): PersonKey {
    return { id: this.personId };
  }

  @Field(() => CompulsorySchooling, { description: 'Enrolled, taught at home or out of school in the school year.' })
  status: CompulsorySchooling;

  @Field(() => Student, { nullable: true, description: 'The enrolment in the school year, if any.' })
  student: Student | null;

  @Field(() => HomeTeaching, { nullable: true, description: 'The home teaching in the school year, if any.' })
  homeTeaching: HomeTeaching | null;

  @Field(() => DropoutCase, { nullable: true, description: 'A dropout case open during the school year, if any.' })
  dropoutCase: DropoutCase | null;

  @Field(() => String, { description: 'Type of the record that decides the status: Student, HomeTeaching, DropoutCase, or RegisterMember for a school-age member education has no record of.' })
  evidenceRecord: string;

  @Field(() => ID, { description: 'ID of the deciding record.' })
  evidenceId: string;

  @Field(() => LocalDateScalar, { description: 'Date of the evidence (enrolment, start of home teaching, report or resolution).' })
  evidenceDate: string;
}

@ObjectType('CompulsoryEducationCheck', {
  description:
    '义务教育有保障 for one household and school year: every school-age child known to education must be on a school roll or taught at home. ' +
    'Children education has no record of are not assessed (education does not hold the register\'s birth dates).',
})
export class CompulsoryEducationCheck {
  @Field(() => Int, { description: 'The school year assessed (2020 = 2020-09 to 2021-08).' })
  schoolYear: number;

  @Field(() => CompulsoryEducationVerdict, { description: 'MET, NOT_MET, or NOT_APPLICABLE when education knows no school-age child.' })
  verdict: CompulsoryEducationVerdict;

  @Field(() => [CompulsoryEducationChild], { description: 'The school-age children assessed, by person ID.' })
  children: CompulsoryEducationChild[];

  @Field(() => Int, { description: 'Children out of school and not taught at home.' })
  outOfSchoolCount: number;

  @Field(() => String, { description: 'The department owning the predicate (duty-matrix code).' })
  department: string;
}

function child(personId: string, status: CompulsorySchooling, parts: Partial<CompulsoryEducationChild>, evidence: [string, string, string]): CompulsoryEducationChild {
  return Object.assign(new CompulsoryEducationChild(), {
    personId, status, student: null, homeTeaching: null, dropoutCase: null, ...parts,
    evidenceRecord: evidence[0], evidenceId: evidence[1], evidenceDate: evidence[2],
  });
}

/** What the register adds to the rule, and the day it is judged on. */
export interface CompulsoryEducationOptions {
  /**
   * The register's members (poverty office). When given, every active member aged 6-15 in the
   * school year is assessed (unless education's records show they finished junior secondary school),
   * so a school-age child with no education record at all counts as out of school; children the
   * register lists as no longer members (left, deceased) are not assessed.
   * Without it (Household.compulsoryEducation), only the children education has a record of are.
   */
  members?: readonly RegisterMember[];
  /**
   * The day the verdict is taken on (the sector view's assessmentDate): records dated later are
   * ignored. Defaults to the last day of the school year (the whole school year counts).
   */
  on?: string;
}

/** Whether a birth date makes a child of compulsory-school age (6-15 on 31 August) in school year `year`. */
export function isCompulsoryAge(birthDate: string, year: number): boolean {
  const age = ageAtSchoolYear(birthDate, year);
  return age >= COMPULSORY_MIN_AGE && age <= COMPULSORY_MAX_AGE;
}

/**
 * Whether education's records show that a person has finished compulsory education before or in
 * school year `year`: the last grade of junior secondary school in an earlier school year (not
 * dropped out or transferred away), or any enrolment beyond it. Such a 15-year-old who has left
 * school is not out of compulsory school, so the register's age alone does not bring them in.
 */
export function completedCompulsory(personId: string, year: number, students: readonly Student[], on: string): boolean {
  return students.some(
    (s) =>
      s.personId === personId &&
      s.enrolledOn <= on &&
      ((s.schoolYear < year && s.stage === EducationStage.JUNIOR_SECONDARY && s.grade === MAX_GRADE[EducationStage.JUNIOR_SECONDARY] && FINISHED_GRADE.has(s.status)) ||
        (s.schoolYear <= year && !COMPULSORY_STAGES.has(s.stage) && s.stage !== EducationStage.PRE_SCHOOL)),
  );
}

/** Statuses with which a pupil's year counts as done (not dropped out, transferred or suspended). */
const FINISHED_GRADE: ReadonlySet<EnrolmentStatus> = new Set([EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED]);

/** Decides the predicate from one household's records (any school years; filtered here). */
export function assessCompulsoryEducation(
  year: number,
  students: Student[],
  dropouts: DropoutCase[],
  homeTeaching: HomeTeaching[],
  options: CompulsoryEducationOptions = {},
): CompulsoryEducationCheck {
  const start = schoolYearStart(year);
  const end = schoolYearEnd(year);
  const on = options.on !== undefined && options.on < end ? options.on : end;
  const enrolmentOf = new Map(students.filter((s) => s.schoolYear === year && s.enrolledOn <= on).map((s) => [s.personId, s]));
  const homeOf = new Map(homeTeaching.filter((h) => h.schoolYear === year && h.startedOn <= on).map((h) => [h.personId, h]));
  // Cases reported by the day judged on and not closed before the year started, latest first.
  const casesDuring = dropouts
    .filter((d) => d.reportedOn <= on && (d.resolvedOn === null || d.resolvedOn >= start))
    .sort((a, b) => (a.reportedOn < b.reportedOn ? 1 : -1));
  // A pupil who left after the day judged on was still on the roll that day.
  const droppedOut = (s: Student) => s.status === EnrolmentStatus.DROPPED_OUT && (s.leftOn === null || s.leftOn <= on);

  const people = new Set<string>();
  for (const s of enrolmentOf.values()) if (COMPULSORY_STAGES.has(s.stage)) people.add(s.personId);
  for (const h of homeOf.values()) people.add(h.personId);
  for (const d of casesDuring) if (isCompulsoryAge(d.birthDate, year)) people.add(d.personId);
  const registerChildren = new Map<string, RegisterMember>();
  if (options.members) {
    for (const m of options.members) {
      if (!m.active) people.delete(m.personId);
      else if (isCompulsoryAge(m.birthDate, year) && !completedCompulsory(m.personId, year, students, on)) {
        people.add(m.personId);
        registerChildren.set(m.personId, m);
      }
    }
  }

  const children = [...people].sort().map((personId) => {
    const home = homeOf.get(personId) ?? null;
    const enrolment = enrolmentOf.get(personId) ?? null;
    const cases = casesDuring.filter((d) => d.personId === personId);
    const open = cases.find((d) => d.resolvedOn === null || d.resolvedOn > on) ?? null;
    const returned = cases.find((d) => d.resolution === DropoutResolution.RETURNED_TO_SCHOOL && d.resolvedOn! <= on) ?? null;
    const parts = { student: enrolment, homeTeaching: home, dropoutCase: open ?? cases[0] ?? null };
    if (home) return child(personId, CompulsorySchooling.HOME_TAUGHT, parts, ['HomeTeaching', home.id, home.startedOn]);
    if (open) return child(personId, CompulsorySchooling.OUT_OF_SCHOOL, parts, ['DropoutCase', open.id, open.reportedOn]);
    if (enrolment && !droppedOut(enrolment)) return child(personId, CompulsorySchooling.ENROLLED, parts, ['Student', enrolment.id, enrolment.enrolledOn]);
    if (returned) return child(personId, CompulsorySchooling.ENROLLED, parts, ['DropoutCase', returned.id, returned.resolvedOn!]);
    if (enrolment) return child(personId, CompulsorySchooling.OUT_OF_SCHOOL, parts, ['Student', enrolment.id, enrolment.leftOn ?? enrolment.enrolledOn]);
    const last = cases[0];
    if (last) return child(personId, CompulsorySchooling.OUT_OF_SCHOOL, parts, ['DropoutCase', last.id, last.reportedOn]);
    // Only the register knows this child: no enrolment, home teaching or dropout case at all.
    const member = registerChildren.get(personId)!;
    return child(personId, CompulsorySchooling.OUT_OF_SCHOOL, parts, [REGISTER_MEMBER_RECORD, member.personId, member.birthDate]);
  });
  const outOfSchoolCount = children.filter((c) => c.status === CompulsorySchooling.OUT_OF_SCHOOL).length;
  const verdict = children.length === 0 ? CompulsoryEducationVerdict.NOT_APPLICABLE : outOfSchoolCount > 0 ? CompulsoryEducationVerdict.NOT_MET : CompulsoryEducationVerdict.MET;
  return Object.assign(new CompulsoryEducationCheck(), { schoolYear: year, verdict, children, outOfSchoolCount, department: 'EDUCATION' });
}
