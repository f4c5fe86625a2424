import {
  EducationLevel,
  GeneratedPerson,
  HealthStatus,
  HouseholdBundle,
  PovertyCause,
  Rng,
  SchoolingStatus,
  Sex,
  Weighted,
} from '@saf/poverty-office';
import { AID_STANDARDS, AidCondition, aidStandardFor, fen } from '../aidStandards';
import {
  DropoutReason,
  DropoutResolution,
  EDUCATION_DUTY_AREA,
  EducationStage,
  EnrolmentStatus,
  FollowUpMethod,
  HomeTeachingReason,
  SchoolLocation,
  SPONSOR_OF_ITEM,
  StudentAidItem,
  StudentAidSponsor,
  StudentAidStatus,
  StudyMode,
} from '../codes';
import { ageAtSchoolYear, schoolYearEnd, schoolYearOfDate, semesterCode } from '../semesters';
import {
  CLASSES_PER_GRADE,
  juniorSchool,
  preSchool,
  primarySchool,
  School,
  SENIOR_SCHOOLS,
  STAFF_SURNAMES,
  UNIVERSITIES,
  VOCATIONAL_COLLEGES,
  VOCATIONAL_SCHOOLS,
} from './schools';

/**
 * The education department's records for one registered household, following the register
 * (HouseholdBundle from the poverty office's generator):
 *
 * - 学籍: every member of school age in school years 2014-2020 is enrolled by age (on 31 August):
 *   pre-school 3-5 (three in four children), primary 6-11, junior secondary 12-14, upper secondary
 *   15-17 and higher education from 18 when the register's education level or schooling status
 *   says so; some children start a year late. The 2020 enrolment matches the register's schooling
 *   status on 2020-08-31 (AGE_REFERENCE).
 * - 控辍保学: every child of 6-15 the register lists as NOT_IN_SCHOOL has a dropout case: illness or
 *   disability for seriously ill or disabled children (most of them then taught at home, 送教上门),
 *   otherwise work, poor performance, family difficulty, marriage or other; about a third return to
 *   school in the autumn of 2020 (after the register's reference date). Young people whose register
 *   education stops at primary school have an unresolved case from the year they left, and a few
 *   pupils have a past case that ended with their return. Cases carry 1-4 follow-ups (劝返).
 * - 资助: registered-poor students get aid per semester from the first semester after identification
 *   to 2020-AUTUMN, per the aid standards of the semester (AID_STANDARDS). Compulsory items go to
 *   every pupil; items one applies for (state grant, 雨露计划, freshman grant, pre-school aid) are
 *   taken up more often in schooling-caused households (因学致贫), whose students therefore carry
 *   more items and far larger amounts.
 *
 * Pure and deterministic: the same bundle and seed always give the same records, whatever other
 * households are generated. The finance department's generator pays `aid` from it.
 */

export const FIRST_SCHOOL_YEAR = 2014;
export const LAST_SCHOOL_YEAR = 2020;
/** The last semester with aid: the register's data end in 2020. */
export const LAST_SEMESTER = '2020-AUTUMN';
const DATA_END = '2020-12-31';
/** The register's reference date for schooling status. */
const REFERENCE_YEAR = 2020;

export interface StudentEnrolmentRow {
  /** `<personId>/<schoolYear>`. */
  id: string;
  householdId: string;
  personId: string;
  schoolYear: number;
  schoolName: string;
  schoolLocation: SchoolLocation;
  stage: EducationStage;
  grade: number;
  className: string | null;
  studentNumber: string;
  studyMode: StudyMode;
  status: EnrolmentStatus;
  enrolledOn: string;
  leftOn: string | null;
}

/** One aid grant: what the finance department pays. */
export interface StudentAidRow {
  /** `<personId>/<semester>/<item>`. */
  id: string;
  /** The enrolment (`<personId>/<schoolYear>`). */
  studentId: string;
  householdId: string;
  personId: string;
  item: StudentAidItem;
  /** e.g. '2019-AUTUMN'. */
  semester: string;
  /** Calendar year of the semester. */
  year: number;
  schoolYear: number;
  stage: EducationStage;
  /** Integer fen. */
  amountFen: number;
  /** 'YYYY-MM-DD', the day the aid was granted (发放). */
  grantedOn: string;
  /** Always 'EDUCATION'. */
  dutyArea: string;
  /** The department whose programme pays: POVERTY_OFFICE for 雨露计划, else EDUCATION. */
  sponsor: StudentAidSponsor;
  status: StudentAidStatus;
  revokedOn: string | null;
  revocationReason: string | null;
}

export interface DropoutCaseRow {
  /** `<personId>/<schoolYear>/DROPOUT`. */
  id: string;
  householdId: string;
  personId: string;
  schoolYear: number;
  birthDate: string;
  stage: EducationStage | null;
  grade: number | null;
  schoolName: string | null;
  reason: DropoutReason;
  reasonDetail: string | null;
  reportedOn: string;
  responsiblePerson: string;
  resolution: DropoutResolution | null;
  resolvedOn: string | null;
}

export interface DropoutFollowUpRow {
  caseId: string;
  householdId: string;
  followUpOn: string;
  method: FollowUpMethod;
  actor: string;
  outcome: string;
}

export interface HomeTeachingRow {
  /** `<personId>/<schoolYear>/HOME`. */
  id: string;
  householdId: string;
  personId: string;
  schoolYear: number;
  reason: HomeTeachingReason;
  schoolName: string;
  teacher: string;
  visitsPerMonth: number;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  dropoutCaseId: string | null;
}

export interface EducationRecords {
  householdId: string;
  enrolments: StudentEnrolmentRow[];
  aid: StudentAidRow[];
  dropoutCases: DropoutCaseRow[];
  followUps: DropoutFollowUpRow[];
  homeTeaching: HomeTeachingRow[];
}

// Independent random streams per member, so that one part never shifts another.
const STREAM_CAREER = 0xed01;
const STREAM_DROPOUT = 0xed02;
const STREAM_AID = 0xed03;
const STREAM_SCHOOL = 0xed04;

/** Share of children who attend pre-school (学前三年毛入园率 in poor rural counties, assumption). */
const PRE_SCHOOL_SHARE = 0.75;
/** Share of children who start school a year late. */
const LATE_START_SHARE = 0.15;
/** Share of register dropouts (not ill or disabled) back in school in autumn 2020. */
const RETURNED_SHARE = 0.35;
/** Share of ill or disabled register dropouts taught at home. */
const HOME_TEACHING_SHARE = 0.7;
/** Yearly chance that a pupil has a short dropout episode ending in return (past years). */
const PAST_EPISODE_SHARE = 0.004;

/** Take-up of the items one applies for: [schooling-caused household, other household]. */
const TAKE_UP: Partial<Record<StudentAidItem, [number, number]>> = {
  [StudentAidItem.PRE_SCHOOL_AID]: [1, 0.85],
  [StudentAidItem.BOARDING_SUBSIDY]: [1, 0.9], // non-boarders only (boarders always)
  [StudentAidItem.STATE_GRANT]: [1, 0.75],
  [StudentAidItem.TUITION_WAIVER]: [1, 0.9],
  [StudentAidItem.RAINBOW_PLAN]: [0.95, 0.55],
  [StudentAidItem.FRESHMAN_GRANT]: [0.95, 0.65],
};

interface Career {
  person: GeneratedPerson;
  /** Years behind the age norm. */
  lag: number;
  preSchoolFrom: number | null;
  upper: EducationStage.SENIOR_SECONDARY | EducationStage.SECONDARY_VOCATIONAL | null;
  /** Higher education: 'university' (4 years) or 'college' (高职, 3 years). */
  higher: 'university' | 'college' | null;
  /** Compulsory schooling stops before this age-norm (effective) age; null if it does not. */
  stopsAt: number | null;
}

export function educationRecordsFor(bundle: HouseholdBundle, seed: number): EducationRecords {
  const householdId = bundle.household.id;
  const schooling = bundle.household.mainCause === PovertyCause.SCHOOLING || bundle.household.otherCauses.includes(PovertyCause.SCHOOLING);
  const records: EducationRecords = { householdId, enrolments: [], aid: [], dropoutCases: [], followUps: [], homeTeaching: [] };
  const [hi, lo] = [Number(householdId.slice(0, 8)), Number(householdId.slice(8))];
  const villageSchool = Rng.derive(seed, STREAM_CAREER, hi, lo, 0).bool(0.5);

  for (const person of bundle.members) {
    const member = Number(person.id.slice(17));
    const first = ageAtSchoolYear(person.birthDate, FIRST_SCHOOL_YEAR);
    const last = ageAtSchoolYear(person.birthDate, LAST_SCHOOL_YEAR);
    if (last < 3 || first > 22) continue;
    const rng = Rng.derive(seed, STREAM_CAREER, hi, lo, member);
    const career = careerOf(rng, person);
    const ctx: MemberContext = { seed, bundle, person, rng, career, villageSchool, studentNumber: studentNumber(person) };

    const enrolments: StudentEnrolmentRow[] = [];
    for (let year = FIRST_SCHOOL_YEAR; year <= LAST_SCHOOL_YEAR; year++) {
      const row = enrolmentIn(ctx, year);
      if (row) enrolments.push(row);
    }
    const dropoutRng = Rng.derive(seed, STREAM_DROPOUT, hi, lo, member);
    dropouts(ctx, dropoutRng, enrolments, records);
    records.enrolments.push(...enrolments);
    const aidRng = Rng.derive(seed, STREAM_AID, hi, lo, member);
    for (const e of enrolments) records.aid.push(...aidFor(aidRng, bundle, e, schooling, career));
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// Careers

function careerOf(rng: Rng, p: GeneratedPerson): Career {
  const a20 = p.age;
  let lag = rng.bool(LATE_START_SHARE) ? 1 : 0;
  const preSchoolDraw = rng.float();
  const preSchoolFrom = preSchoolDraw < PRE_SCHOOL_SHARE ? (rng.bool(0.55) ? 3 : rng.bool(0.65) ? 4 : 5) : null;
  const upperDraw = rng.float();
  const higherDraw = rng.float();
  let upper: Career['upper'] = null;
  let higher: Career['higher'] = null;
  let stopsAt: number | null = null;
  const inSchool = p.schoolingStatus === SchoolingStatus.IN_SCHOOL;
  const senior = EducationStage.SENIOR_SECONDARY;
  const vocational = EducationStage.SECONDARY_VOCATIONAL;

  if (a20 <= 15) {
    // Upper secondary (15-year-olds): like the register's own split. A pupil of 6 is in grade 1.
    upper = upperDraw < 0.55 ? senior : vocational;
    if (inSchool && a20 - lag < 6) lag = 0;
    if (p.schoolingStatus === SchoolingStatus.NOT_IN_SCHOOL && a20 >= 6) stopsAt = 99; // decided by the dropout part
  } else if (inSchool && a20 <= 18) {
    upper = p.education === EducationLevel.VOCATIONAL ? vocational : senior;
    lag = Math.max(lag, a20 - 17);
  } else if (inSchool) {
    higher = p.education === EducationLevel.VOCATIONAL ? 'college' : 'university';
    upper = higher === 'university' ? (upperDraw < 0.85 ? senior : vocational) : upperDraw < 0.5 ? senior : vocational;
    lag = Math.max(lag, a20 - 17 - (higher === 'university' ? 4 : 3));
  } else {
    switch (p.education) {
      case EducationLevel.TERTIARY:
        upper = upperDraw < 0.85 ? senior : vocational;
        higher = higherDraw < 0.7 ? 'university' : 'college';
        break;
      case EducationLevel.VOCATIONAL:
        upper = vocational;
        break;
      case EducationLevel.SENIOR_SECONDARY:
        upper = senior;
        break;
      case EducationLevel.JUNIOR_SECONDARY:
        break;
      case EducationLevel.PRIMARY:
        stopsAt = 12; // left after primary school
        break;
      default:
        stopsAt = 6; // never went to school
    }
    // Out of school now: the last year of study ended before 2020.
    const lastAge = higher ? 17 + (higher === 'university' ? 4 : 3) : upper ? 17 : 14;
    lag = Math.min(lag, Math.max(0, a20 - 1 - lastAge));
  }
  return { person: p, lag, preSchoolFrom, upper, higher, stopsAt };
}

interface MemberContext {
  seed: number;
  bundle: HouseholdBundle;
  person: GeneratedPerson;
  rng: Rng;
  career: Career;
  villageSchool: boolean;
  studentNumber: string;
}

/** Stage and grade by effective age (age on 31 August minus the lag), or null if not in school. */
function placement(career: Career, year: number): { stage: EducationStage; grade: number } | null {
  const age = ageAtSchoolYear(career.person.birthDate, year) - career.lag;
  if (career.stopsAt !== null && age >= career.stopsAt) return null;
  if (age >= 3 && age <= 5) return career.preSchoolFrom !== null && age >= career.preSchoolFrom ? { stage: EducationStage.PRE_SCHOOL, grade: age - 2 } : null;
  if (age >= 6 && age <= 11) return { stage: EducationStage.PRIMARY, grade: age - 5 };
  if (age >= 12 && age <= 14) return { stage: EducationStage.JUNIOR_SECONDARY, grade: age - 11 };
  if (age >= 15 && age <= 17) return career.upper ? { stage: career.upper, grade: age - 14 } : null;
  const years = career.higher === 'university' ? 4 : career.higher === 'college' ? 3 : 0;
  if (age >= 18 && age < 18 + years) return { stage: EducationStage.HIGHER_EDUCATION, grade: age - 17 };
  return null;
}

function enrolmentIn(ctx: MemberContext, year: number): StudentEnrolmentRow | null {
  const place = placement(ctx.career, year);
  if (!place) return null;
  const { rng, person, bundle } = ctx;
  const school = schoolFor(ctx, place.stage, place.grade, year);
  const mountain = bundle.town.mountainous;
  let mode = StudyMode.DAY;
  if (place.stage === EducationStage.PRIMARY && place.grade >= 4) mode = rng.bool(mountain ? 0.35 : 0.2) ? StudyMode.BOARDING : StudyMode.DAY;
  else if (place.stage === EducationStage.JUNIOR_SECONDARY) mode = rng.bool(mountain ? 0.75 : 0.6) ? StudyMode.BOARDING : StudyMode.DAY;
  else if (place.stage === EducationStage.SENIOR_SECONDARY) mode = rng.bool(0.9) ? StudyMode.BOARDING : StudyMode.DAY;
  else if (place.stage === EducationStage.SECONDARY_VOCATIONAL) mode = rng.bool(0.85) ? StudyMode.BOARDING : StudyMode.DAY;
  else if (place.stage === EducationStage.HIGHER_EDUCATION) mode = StudyMode.BOARDING;
  const classNo = rng.int(1, CLASSES_PER_GRADE[place.stage]);
  const higher = place.stage === EducationStage.HIGHER_EDUCATION;
  return {
    id: `${person.id}/${year}`,
    householdId: bundle.household.id,
    personId: person.id,
    schoolYear: year,
    schoolName: school.name,
    schoolLocation: school.location,
    stage: place.stage,
    grade: place.grade,
    className: higher ? `${year - place.grade + 1}级${classNo}班` : `${classNo}班`,
    studentNumber: higher ? `H${year - place.grade + 1}${ctx.studentNumber.slice(1)}` : ctx.studentNumber,
    studyMode: mode,
    status: EnrolmentStatus.ENROLLED,
    enrolledOn: `${year}-09-0${rng.int(1, 3)}`,
    leftOn: null,
  };
}

function schoolFor(ctx: MemberContext, stage: EducationStage, grade: number, year: number): School {
  const { bundle, person } = ctx;
  // The same school through a stage: chosen by a stream of the person and stage, not of the year.
  const stream = () => Rng.derive(ctx.seed, STREAM_SCHOOL, Number(person.id.slice(0, 8)), Number(person.id.slice(8, 16)), Number(person.id.slice(17)), STAGE_INDEX[stage]);
  const pick = <T>(list: readonly T[]) => list[stream().int(0, list.length - 1)];
  void year;
  switch (stage) {
    case EducationStage.PRE_SCHOOL:
      return preSchool(stream(), bundle.town.name, bundle.village.name);
    case EducationStage.PRIMARY:
      return primarySchool(grade, ctx.villageSchool, bundle.town.name, bundle.village.name);
    case EducationStage.JUNIOR_SECONDARY:
      return juniorSchool(bundle.town.name);
    case EducationStage.SENIOR_SECONDARY:
      return pick(SENIOR_SCHOOLS);
    case EducationStage.SECONDARY_VOCATIONAL:
      return pick(VOCATIONAL_SCHOOLS);
    default:
      return pick(ctx.career.higher === 'college' ? VOCATIONAL_COLLEGES : UNIVERSITIES);
  }
}

const STAGE_INDEX: Record<EducationStage, number> = Object.fromEntries(Object.values(EducationStage).map((s, i) => [s, i])) as Record<EducationStage, number>;

function studentNumber(p: GeneratedPerson): string {
  // 学籍号 are lifelong and unique. The national one is G + the resident ID; ours never copies the
  // ID number: J + the digits of the person ID.
  return `J${p.id.replace('-', '')}`;
}

// ---------------------------------------------------------------------------------------------
// Dropout control (控辍保学) and home teaching (送教上门)

const YOUNG_REASONS = new Weighted<DropoutReason>([[DropoutReason.POOR_PERFORMANCE, 40], [DropoutReason.FAMILY_DIFFICULTY, 40], [DropoutReason.OTHER, 20]]);
const OLDER_REASONS = new Weighted<DropoutReason>([
  [DropoutReason.WORK, 35], [DropoutReason.POOR_PERFORMANCE, 30], [DropoutReason.FAMILY_DIFFICULTY, 20], [DropoutReason.OTHER, 10], [DropoutReason.MARRIAGE, 5],
]);
const REASON_DETAILS: Record<DropoutReason, string[]> = {
  [DropoutReason.ILLNESS_OR_DISABILITY]: ['重度残疾，无法随班就读', '患重病，长期治疗', '肢体残疾，行动不便'],
  [DropoutReason.WORK]: ['随父母外出务工', '外出打工', '在家务农'],
  [DropoutReason.MARRIAGE]: ['早婚'],
  [DropoutReason.POOR_PERFORMANCE]: ['厌学', '学习困难，跟不上进度', '沉迷网络，不愿上学'],
  [DropoutReason.FAMILY_DIFFICULTY]: ['家庭经济困难', '照顾生病家人', '父母外出，无人照管'],
  [DropoutReason.OTHER]: ['随迁外地，学籍未转', '其他原因'],
};
const FOLLOW_UP_METHODS = new Weighted<FollowUpMethod>([[FollowUpMethod.HOME_VISIT, 50], [FollowUpMethod.PHONE, 30], [FollowUpMethod.SCHOOL_MEETING, 15], [FollowUpMethod.LEGAL_NOTICE, 5]]);

function dropouts(ctx: MemberContext, rng: Rng, enrolments: StudentEnrolmentRow[], records: EducationRecords): void {
  const { person, career } = ctx;
  const ill = person.healthStatus === HealthStatus.SERIOUS_ILLNESS || person.healthStatus === HealthStatus.DISABLED;
  const compulsoryYears = enrolments.filter((e) => e.stage === EducationStage.PRIMARY || e.stage === EducationStage.JUNIOR_SECONDARY);

  if (career.stopsAt === 99) {
    // A register dropout (6-15, NOT_IN_SCHOOL on 2020-08-31): out of school since a year up to 2019.
    const earliest = compulsoryYears.length ? compulsoryYears[0].schoolYear : REFERENCE_YEAR;
    const neverEnrolled = earliest >= REFERENCE_YEAR || (ill && person.age <= 7 && rng.bool(0.6));
    const year = neverEnrolled ? Math.max(FIRST_SCHOOL_YEAR, Math.min(earliest, REFERENCE_YEAR)) : Math.max(earliest, REFERENCE_YEAR - 1 - rng.int(0, 2));
    const left = enrolments.findIndex((e) => e.schoolYear === year);
    // Keep the enrolments before the dropout year (and that year's, marked dropped out).
    const kept = neverEnrolled ? enrolments.filter((e) => e.stage === EducationStage.PRE_SCHOOL && e.schoolYear < year) : enrolments.filter((e) => e.schoolYear <= year);
    const last = neverEnrolled || left < 0 ? null : enrolments[left];
    const reason = ill ? DropoutReason.ILLNESS_OR_DISABILITY : rng.weighted(ageAtSchoolYear(person.birthDate, year) >= 13 ? OLDER_REASONS : YOUNG_REASONS);
    const fixedReason = reason === DropoutReason.MARRIAGE && person.sex !== Sex.FEMALE ? DropoutReason.WORK : reason;
    const reportedOn = year === REFERENCE_YEAR ? dateBetween(rng, `${year}-09-01`, `${year}-10-31`) : dateBetween(rng, `${year}-10-08`, `${year + 1}-06-20`);
    if (last) {
      last.status = EnrolmentStatus.DROPPED_OUT;
      last.leftOn = reportedOn < last.enrolledOn ? last.enrolledOn : reportedOn;
    }
    enrolments.length = 0;
    enrolments.push(...kept);
    const c = dropoutCase(ctx, rng, year, fixedReason, reportedOn, last);
    records.dropoutCases.push(c);
    if (ill && rng.bool(HOME_TEACHING_SHARE)) {
      const resolvedOn = dateBetween(rng, addDays(reportedOn, 20), addDays(reportedOn, 120));
      if (resolvedOn <= DATA_END) {
        c.resolution = DropoutResolution.HOME_TEACHING;
        c.resolvedOn = resolvedOn;
        homeTeaching(ctx, rng, c, records);
      }
    } else if (!ill && rng.bool(RETURNED_SHARE)) {
      // Persuaded back after the register's reference date; repeats the grade left (or starts grade 1).
      const resolvedOn = dateBetween(rng, `${REFERENCE_YEAR}-09-05`, `${REFERENCE_YEAR}-11-30`);
      c.resolution = DropoutResolution.RETURNED_TO_SCHOOL;
      c.resolvedOn = resolvedOn < reportedOn ? addDays(reportedOn, 7) : resolvedOn;
      const back = last ?? { stage: EducationStage.PRIMARY, grade: 1 };
      const school = schoolFor(ctx, back.stage, back.grade, REFERENCE_YEAR);
      enrolments.push({
        id: `${person.id}/${REFERENCE_YEAR}`, householdId: ctx.bundle.household.id, personId: person.id, schoolYear: REFERENCE_YEAR,
        schoolName: school.name, schoolLocation: school.location, stage: back.stage, grade: back.grade, className: `${rng.int(1, 3)}班`,
        studentNumber: ctx.studentNumber, studyMode: StudyMode.DAY, status: EnrolmentStatus.ENROLLED, enrolledOn: c.resolvedOn!, leftOn: null,
      });
    }
    followUps(rng, ctx, c, records);
    return;
  }

  if (career.stopsAt !== null && career.stopsAt <= 12) {
    // Left school after primary school (or never went) and was still of compulsory age in 2014 or later.
    const stopYear = yearAtEffectiveAge(career, career.stopsAt);
    const year = Math.max(FIRST_SCHOOL_YEAR, stopYear);
    if (ageAtSchoolYear(person.birthDate, year) > 15 || year > REFERENCE_YEAR) return;
    const reason = ill ? DropoutReason.ILLNESS_OR_DISABILITY : career.stopsAt === 6 ? DropoutReason.FAMILY_DIFFICULTY : rng.weighted(OLDER_REASONS);
    const fixedReason = reason === DropoutReason.MARRIAGE && person.sex !== Sex.FEMALE ? DropoutReason.WORK : reason;
    const lastPrimary = enrolments.length ? enrolments[enrolments.length - 1] : null;
    const c = dropoutCase(ctx, rng, year, fixedReason, dateBetween(rng, `${year}-09-20`, minDate(`${year + 1}-05-31`, DATA_END)), lastPrimary && lastPrimary.stage === EducationStage.PRIMARY ? lastPrimary : null);
    records.dropoutCases.push(c);
    followUps(rng, ctx, c, records);
    return;
  }

  // A pupil with a short dropout episode in a past year, persuaded back within the school year.
  for (const e of compulsoryYears) {
    if (e.schoolYear >= REFERENCE_YEAR || !rng.bool(PAST_EPISODE_SHARE)) continue;
    const reason = rng.weighted(ageAtSchoolYear(person.birthDate, e.schoolYear) >= 13 ? OLDER_REASONS : YOUNG_REASONS);
    const fixedReason = reason === DropoutReason.MARRIAGE && person.sex !== Sex.FEMALE ? DropoutReason.WORK : reason;
    const reportedOn = dateBetween(rng, `${e.schoolYear}-10-08`, `${e.schoolYear + 1}-04-30`);
    const c = dropoutCase(ctx, rng, e.schoolYear, fixedReason, reportedOn, e);
    c.resolution = DropoutResolution.RETURNED_TO_SCHOOL;
    c.resolvedOn = dateBetween(rng, addDays(reportedOn, 14), addDays(reportedOn, 75));
    records.dropoutCases.push(c);
    followUps(rng, ctx, c, records);
    break;
  }
}

function yearAtEffectiveAge(career: Career, age: number): number {
  // The school year in which age on 31 August minus the lag first equals `age`.
  for (let year = 1995; year <= 2030; year++) if (ageAtSchoolYear(career.person.birthDate, year) - career.lag >= age) return year;
  return 2030;
}

function dropoutCase(ctx: MemberContext, rng: Rng, year: number, reason: DropoutReason, reportedOn: string, last: StudentEnrolmentRow | null): DropoutCaseRow {
  const { person, bundle } = ctx;
  return {
    id: `${person.id}/${year}/DROPOUT`,
    householdId: bundle.household.id,
    personId: person.id,
    schoolYear: year,
    birthDate: person.birthDate,
    stage: last?.stage ?? null,
    grade: last?.grade ?? null,
    schoolName: last?.schoolName ?? null,
    reason,
    reasonDetail: rng.pick(REASON_DETAILS[reason]),
    reportedOn,
    responsiblePerson: last ? `${last.schoolName.slice(0, 14)} ${rng.pick(STAFF_SURNAMES)}老师` : `${bundle.village.name}村委会 ${rng.pick(STAFF_SURNAMES)}书记`,
    resolution: null,
    resolvedOn: null,
  };
}

function followUps(rng: Rng, ctx: MemberContext, c: DropoutCaseRow, records: EducationRecords): void {
  const until = c.resolvedOn ?? minDate(DATA_END, addDays(c.reportedOn, 300));
  const n = c.resolution === null ? rng.int(2, 4) : rng.int(1, 3);
  const used = new Set<string>();
  const actors = [`${ctx.bundle.village.name}村委会`, `${ctx.bundle.town.name}中心校`, '驻村工作队', c.responsiblePerson.slice(-3)];
  for (let i = 0; i < n; i++) {
    const followUpOn = dateBetween(rng, c.reportedOn, until);
    let method = rng.weighted(FOLLOW_UP_METHODS);
    if (method === FollowUpMethod.LEGAL_NOTICE && (c.resolution !== null || c.reason === DropoutReason.ILLNESS_OR_DISABILITY)) method = FollowUpMethod.HOME_VISIT;
    const key = `${followUpOn}|${method}`;
    if (used.has(key)) continue;
    used.add(key);
    records.followUps.push({ caseId: c.id, householdId: c.householdId, followUpOn, method, actor: rng.pick(actors), outcome: outcomeOf(c, followUpOn) });
  }
}

function outcomeOf(c: DropoutCaseRow, on: string): string {
  if (c.resolution === DropoutResolution.RETURNED_TO_SCHOOL && addDays(on, 30) >= c.resolvedOn!) return '家长同意，学生近期返校';
  if (c.resolution === DropoutResolution.HOME_TEACHING) return '经评估不能随班就读，申请送教上门';
  if (c.reason === DropoutReason.WORK) return '学生在外务工，已联系家长劝返';
  return '未返校，继续劝返';
}

function homeTeaching(ctx: MemberContext, rng: Rng, c: DropoutCaseRow, records: EducationRecords): void {
  const { person, bundle } = ctx;
  const reason = person.healthStatus === HealthStatus.SERIOUS_ILLNESS ? HomeTeachingReason.SERIOUS_ILLNESS : HomeTeachingReason.DISABILITY;
  const teacher = `${rng.pick(STAFF_SURNAMES)}老师`;
  const visits = rng.int(2, 4);
  // Teaching starts on the resolution, or with the next school year if that falls in the summer holidays.
  const resolvedYear = schoolYearOfDate(c.resolvedOn!);
  const summer = c.resolvedOn!.slice(5) >= '07-01' && c.resolvedOn!.slice(5) <= '08-31';
  const first = summer ? resolvedYear + 1 : resolvedYear;
  for (let year = first; year <= REFERENCE_YEAR; year++) {
    const age = ageAtSchoolYear(person.birthDate, year);
    if (age > 15) break;
    const school = age >= 12 ? juniorSchool(bundle.town.name) : primarySchool(6, false, bundle.town.name, bundle.village.name);
    const startedOn = year === first && !summer ? c.resolvedOn! : dateBetween(rng, `${year}-09-01`, `${year}-09-15`);
    const ends = year < REFERENCE_YEAR;
    records.homeTeaching.push({
      id: `${person.id}/${year}/HOME`, householdId: bundle.household.id, personId: person.id, schoolYear: year, reason,
      schoolName: school.name, teacher, visitsPerMonth: visits, startedOn,
      endedOn: ends ? `${year + 1}-07-0${rng.int(1, 9)}` : null, endReason: ends ? '学年结束，下学年继续送教' : null, dropoutCaseId: c.id,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Student aid (资助)

function aidFor(rng: Rng, bundle: HouseholdBundle, e: StudentEnrolmentRow, schooling: boolean, career: Career): StudentAidRow[] {
  const rows: StudentAidRow[] = [];
  const takeUp = (item: StudentAidItem) => {
    const [s, o] = TAKE_UP[item] ?? [1, 1];
    return rng.bool(schooling ? s : o);
  };
  // Decided once per enrolment (one applies once a year); the draws are made whatever the stage.
  const decided = Object.fromEntries(Object.values(StudentAidItem).map((item) => [item, takeUp(item)])) as Record<StudentAidItem, boolean>;
  const band = rng.weighted(GRANT_BANDS);
  const fee = rng.pick([350, 400, 450, 500]);
  const identified = bundle.identificationDate;

  for (const term of ['AUTUMN', 'SPRING'] as const) {
    const semester = semesterCode(term === 'AUTUMN' ? e.schoolYear : e.schoolYear + 1, term);
    if (semester === `${LAST_SCHOOL_YEAR + 1}-SPRING`) continue;
    const base = term === 'AUTUMN' ? dateBetween(rng, `${e.schoolYear}-10-15`, `${e.schoolYear}-12-20`) : dateBetween(rng, `${e.schoolYear + 1}-04-10`, `${e.schoolYear + 1}-06-20`);
    const grantedOn = base < e.enrolledOn ? minDate(addDays(e.enrolledOn, 14), schoolYearEnd(e.schoolYear)) : base;
    if (grantedOn < identified) continue; // registered poor only from identification on
    if (e.leftOn !== null && grantedOn >= e.leftOn) continue; // not after leaving
    const grant = (item: StudentAidItem, condition: AidCondition, scale = 1, on = grantedOn) => {
      const standard = aidStandardFor(AID_STANDARDS, item, e.stage, condition, semester);
      if (!standard) return;
      const amountFen = scale === 1 ? fen(standard.yuan) : Math.round((fen(standard.yuan) * scale) / 100) * 100;
      rows.push({
        id: `${e.personId}/${semester}/${item}`, studentId: e.id, householdId: e.householdId, personId: e.personId, item, semester,
        year: Number(semester.slice(0, 4)), schoolYear: e.schoolYear, stage: e.stage, amountFen, grantedOn: on,
        dutyArea: EDUCATION_DUTY_AREA, sponsor: SPONSOR_OF_ITEM[item], status: StudentAidStatus.GRANTED, revokedOn: null, revocationReason: null,
      });
    };
    switch (e.stage) {
      case EducationStage.PRE_SCHOOL:
        if (decided.PRE_SCHOOL_AID) grant(StudentAidItem.PRE_SCHOOL_AID, AidCondition.ANY, fee / 500);
        break;
      case EducationStage.PRIMARY:
      case EducationStage.JUNIOR_SECONDARY:
        grant(StudentAidItem.TWO_EXEMPTIONS_ONE_SUBSIDY, AidCondition.ANY);
        grant(StudentAidItem.NUTRITION_PROGRAMME, AidCondition.ANY);
        if (e.studyMode === StudyMode.BOARDING) grant(StudentAidItem.BOARDING_SUBSIDY, AidCondition.BOARDING);
        else if (decided.BOARDING_SUBSIDY) grant(StudentAidItem.BOARDING_SUBSIDY, AidCondition.DAY);
        break;
      case EducationStage.SENIOR_SECONDARY:
        if (decided.STATE_GRANT) grant(StudentAidItem.STATE_GRANT, AidCondition.ANY, band);
        if (decided.TUITION_WAIVER) grant(StudentAidItem.TUITION_WAIVER, AidCondition.ANY);
        break;
      case EducationStage.SECONDARY_VOCATIONAL:
        grant(StudentAidItem.TUITION_WAIVER, AidCondition.ANY);
        if (e.grade <= 2 && decided.STATE_GRANT) grant(StudentAidItem.STATE_GRANT, AidCondition.ANY);
        if (decided.RAINBOW_PLAN) grant(StudentAidItem.RAINBOW_PLAN, AidCondition.ANY);
        break;
      case EducationStage.HIGHER_EDUCATION:
        if (decided.STATE_GRANT) grant(StudentAidItem.STATE_GRANT, AidCondition.ANY, band);
        if (career.higher === 'college' && decided.RAINBOW_PLAN) grant(StudentAidItem.RAINBOW_PLAN, AidCondition.ANY);
        if (term === 'AUTUMN' && e.grade === 1 && decided.FRESHMAN_GRANT) {
          const condition = e.schoolLocation === SchoolLocation.OUT_OF_PROVINCE ? AidCondition.OUT_OF_PROVINCE : AidCondition.IN_PROVINCE;
          grant(StudentAidItem.FRESHMAN_GRANT, condition, 1, maxDate(identified, dateBetween(rng, `${e.schoolYear}-09-05`, `${e.schoolYear}-10-10`)));
        }
        break;
    }
  }
  return rows;
}

/** 国家助学金 bands around the average (1,500 / 2,000 / 2,500 per year at senior secondary). */
const GRANT_BANDS = new Weighted<number>([[0.75, 25], [1, 50], [1.25, 25]]);

// ---------------------------------------------------------------------------------------------
// Dates ('YYYY-MM-DD')

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const fromDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

function dateBetween(rng: Rng, from: string, to: string): string {
  const a = toDay(from);
  const b = Math.max(a, toDay(to));
  return fromDay(rng.int(a, b));
}

const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
