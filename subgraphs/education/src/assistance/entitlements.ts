import { AID_STANDARDS, AidCondition, AidStandard, aidStandardFor } from '../aidStandards';
import { EducationStage, EnrolmentStatus, StudentAidItem, StudentAidStatus, StudyMode } from '../codes';
import { schoolYearOfSemester, semesterCode, semesterOrdinal } from '../semesters';
import { Student, StudentAid } from '../students/entities';

/*
 * Student aid a registered-poor student is entitled to without applying (reference/domain.md §2.8,
 * src/aidStandards.ts): 两免一补 and the nutrition programme for every pupil of compulsory school,
 * the living subsidy for every boarder there, and the tuition waiver for every secondary-vocational
 * student. The other items (pre-school aid, the state grant, 雨露计划, the freshman grant, the
 * senior-secondary tuition waiver, the subsidy for non-boarders) are granted on application, so
 * their absence is not a failure. The generator grants exactly these items unconditionally.
 */

export interface EntitledItem {
  stage: EducationStage;
  item: StudentAidItem;
  condition: AidCondition;
  /** Only students of this study mode (boarders); null: every student of the stage. */
  studyMode: StudyMode | null;
}

const entitled = (stage: EducationStage, item: StudentAidItem, condition = AidCondition.ANY, studyMode: StudyMode | null = null): EntitledItem => ({ stage, item, condition, studyMode });

export const ENTITLED_ITEMS: readonly EntitledItem[] = [
  ...[EducationStage.PRIMARY, EducationStage.JUNIOR_SECONDARY].flatMap((stage) => [
    entitled(stage, StudentAidItem.TWO_EXEMPTIONS_ONE_SUBSIDY),
    entitled(stage, StudentAidItem.NUTRITION_PROGRAMME),
    entitled(stage, StudentAidItem.BOARDING_SUBSIDY, AidCondition.BOARDING, StudyMode.BOARDING),
  ]),
  entitled(EducationStage.SECONDARY_VOCATIONAL, StudentAidItem.TUITION_WAIVER),
];

/** Enrolment statuses that keep a student entitled for the semesters of that school year. */
export const ENTITLED_STATUSES: ReadonlySet<EnrolmentStatus> = new Set([EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED]);

/** A semester of calendar year `year` and the day its aid is due (the generator grants by then). */
export interface DueSemester {
  semester: string;
  schoolYear: number;
  dueOn: string;
}

/**
 * The semesters of calendar year `year` whose aid is due on the day judged on: the spring semester
 * (school year year-1) from 30 June, the autumn semester (school year `year`) from 31 December.
 */
export function dueSemesters(year: number, on: string): DueSemester[] {
  return [
    { semester: semesterCode(year, 'SPRING'), schoolYear: year - 1, dueOn: `${year}-06-30` },
    { semester: semesterCode(year, 'AUTUMN'), schoolYear: year, dueOn: `${year}-12-31` },
  ].filter((s) => s.dueOn <= on);
}

/** One aid item a student should have received for one semester, and the grant if there is one. */
export interface Entitlement {
  student: Student;
  semester: string;
  item: StudentAidItem;
  /** The StudentAid ID the grant has (`<personId>/<semester>/<item>`). */
  aidId: string;
  grant: StudentAid | null;
}

/**
 * Education holds no identification date (the register's). The household's first aid grant marks
 * its entry into the registered-poor scheme: a semester before the first grant, when there are
 * later grants, is taken to fall before identification and nothing is due for it. A household with
 * no grant at all is owed every entitled item (that is the gap the rule is for).
 */
export function entryOrdinal(aid: readonly StudentAid[]): number | null {
  const granted = aid.filter((a) => a.status === StudentAidStatus.GRANTED).map((a) => semesterOrdinal(a.semester));
  return granted.length ? Math.min(...granted) : null;
}

/** The entitled items of a household's students in the due semesters of calendar year `year`. */
export function entitlementsOf(year: number, on: string, students: readonly Student[], aid: readonly StudentAid[], standards: readonly AidStandard[] = AID_STANDARDS): Entitlement[] {
  const granted = new Map(aid.filter((a) => a.status === StudentAidStatus.GRANTED).map((a) => [a.id, a]));
  const entry = entryOrdinal(aid);
  const out: Entitlement[] = [];
  for (const due of dueSemesters(year, on)) {
    if (entry !== null && semesterOrdinal(due.semester) < entry) continue;
    for (const student of students) {
      if (student.schoolYear !== due.schoolYear || !ENTITLED_STATUSES.has(student.status) || student.enrolledOn > due.dueOn) continue;
      for (const e of ENTITLED_ITEMS) {
        if (e.stage !== student.stage || (e.studyMode !== null && e.studyMode !== student.studyMode)) continue;
        if (!aidStandardFor(standards, e.item, e.stage, e.condition, due.semester)) continue;
        const aidId = `${student.personId}/${due.semester}/${e.item}`;
        out.push({ student, semester: due.semester, item: e.item, aidId, grant: granted.get(aidId) ?? null });
      }
    }
  }
  return out;
}

/**
 * The (semester, school year, stage, study mode, item) rows due in calendar year `year`, for the
 * SQL aggregates: the same table as entitlementsOf, flattened into parameters.
 */
export function entitledRowsFor(year: number, on: string, standards: readonly AidStandard[] = AID_STANDARDS): Array<{ semester: string; ordinal: number; schoolYear: number; dueOn: string; stage: string; studyMode: string | null; item: string }> {
  return dueSemesters(year, on).flatMap((due) =>
    ENTITLED_ITEMS.filter((e) => aidStandardFor(standards, e.item, e.stage, e.condition, due.semester) !== null).map((e) => ({
      semester: due.semester,
      ordinal: semesterOrdinal(due.semester),
      schoolYear: schoolYearOfSemester(due.semester),
      dueOn: due.dueOn,
      stage: e.stage,
      studyMode: e.studyMode,
      item: e.item,
    })),
  );
}
