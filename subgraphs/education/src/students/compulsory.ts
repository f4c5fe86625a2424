import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@saf/kit';
import { PersonKey } from '../registerKeys';
import { COMPULSORY_STAGES, CompulsoryEducationVerdict, CompulsorySchooling, DropoutResolution, EnrolmentStatus } from '../codes';
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
 * education has no record of at all is invisible here; the register's schooling status (poverty office)
 * covers that gap until the exit assessment reads birth dates from the register.
 */

export const COMPULSORY_MIN_AGE = 6;
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

  @Field(() => String, { description: 'Type of the record that decides the status: Student, HomeTeaching or DropoutCase.' })
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

/** Decides the predicate from one household's records (any school years; filtered here). */
export function assessCompulsoryEducation(year: number, students: Student[], dropouts: DropoutCase[], homeTeaching: HomeTeaching[]): CompulsoryEducationCheck {
  const start = schoolYearStart(year);
  const end = schoolYearEnd(year);
  const enrolmentOf = new Map(students.filter((s) => s.schoolYear === year).map((s) => [s.personId, s]));
  const homeOf = new Map(homeTeaching.filter((h) => h.schoolYear === year).map((h) => [h.personId, h]));
  // Cases reported by the end of the year and not closed before it started, latest first.
  const casesDuring = dropouts
    .filter((d) => d.reportedOn <= end && (d.resolvedOn === null || d.resolvedOn >= start))
    .sort((a, b) => (a.reportedOn < b.reportedOn ? 1 : -1));

  const people = new Set<string>();
  for (const s of enrolmentOf.values()) if (COMPULSORY_STAGES.has(s.stage)) people.add(s.personId);
  for (const h of homeOf.values()) people.add(h.personId);
  for (const d of casesDuring) {
    const age = ageAtSchoolYear(d.birthDate, year);
    if (age >= COMPULSORY_MIN_AGE && age <= COMPULSORY_MAX_AGE) people.add(d.personId);
  }

  const children = [...people].sort().map((personId) => {
    const home = homeOf.get(personId) ?? null;
    const enrolment = enrolmentOf.get(personId) ?? null;
    const cases = casesDuring.filter((d) => d.personId === personId);
    const open = cases.find((d) => d.resolvedOn === null || d.resolvedOn > end) ?? null;
    const returned = cases.find((d) => d.resolution === DropoutResolution.RETURNED_TO_SCHOOL) ?? null;
    const parts = { student: enrolment, homeTeaching: home, dropoutCase: open ?? cases[0] ?? null };
    if (home) return child(personId, CompulsorySchooling.HOME_TAUGHT, parts, ['HomeTeaching', home.id, home.startedOn]);
    if (open) return child(personId, CompulsorySchooling.OUT_OF_SCHOOL, parts, ['DropoutCase', open.id, open.reportedOn]);
    if (enrolment && enrolment.status !== EnrolmentStatus.DROPPED_OUT) return child(personId, CompulsorySchooling.ENROLLED, parts, ['Student', enrolment.id, enrolment.enrolledOn]);
    if (returned) return child(personId, CompulsorySchooling.ENROLLED, parts, ['DropoutCase', returned.id, returned.resolvedOn!]);
    if (enrolment) return child(personId, CompulsorySchooling.OUT_OF_SCHOOL, parts, ['Student', enrolment.id, enrolment.leftOn ?? enrolment.enrolledOn]);
    const last = cases[0];
    return child(personId, CompulsorySchooling.OUT_OF_SCHOOL, parts, ['DropoutCase', last.id, last.reportedOn]);
  });
  const outOfSchoolCount = children.filter((c) => c.status === CompulsorySchooling.OUT_OF_SCHOOL).length;
  const verdict = children.length === 0 ? CompulsoryEducationVerdict.NOT_APPLICABLE : outOfSchoolCount > 0 ? CompulsoryEducationVerdict.NOT_MET : CompulsoryEducationVerdict.MET;
  return Object.assign(new CompulsoryEducationCheck(), { schoolYear: year, verdict, children, outOfSchoolCount, department: 'EDUCATION' });
}
