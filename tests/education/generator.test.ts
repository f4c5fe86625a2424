import { createHash } from 'node:crypto';
import { HealthStatus, HouseholdBundle, iterateHouseholds, PovertyCause, SchoolingStatus } from '@saf/poverty-office';
import {
  AID_STANDARDS,
  AidCondition,
  aidStandardFor,
  assessCompulsoryEducation,
  CompulsoryEducationVerdict,
  CompulsorySchooling,
  DropoutReason,
  DropoutResolution,
  EducationRecords,
  educationRecordsFor,
  StudentEnrolmentRow,
  EducationStage,
  EnrolmentStatus,
  LAST_SEMESTER,
  MAX_GRADE,
  schoolYearOfSemester,
  semesterOrdinal,
  StudentAidItem,
  StudentAidSponsor,
  StudyMode,
} from '@saf/education';
import { ageAtSchoolYear, schoolYearEnd, schoolYearStart } from '../../subgraphs/education/src/semesters';
import type { DropoutCase, HomeTeaching, Student } from '../../subgraphs/education/src/students/entities';

/** The education generator on its own: determinism, and that its records follow the register. */

const SEED = 7;
const BUNDLES: HouseholdBundle[] = [...iterateHouseholds('demo', SEED, { details: false })];
const RECORDS: EducationRecords[] = BUNDLES.map((b) => educationRecordsFor(b, SEED));
const pairs = BUNDLES.map((b, i) => ({ b, r: RECORDS[i] }));
/** A larger county, for rare events (dropouts are about 1 % of school-age children) and constraints. */
const LARGE: HouseholdBundle[] = [...iterateHouseholds(8000, SEED, { details: false })];
const all = <K extends keyof EducationRecords>(k: K) => RECORDS.flatMap((r) => r[k] as unknown as Array<EducationRecords[K] extends Array<infer T> ? T : never>);
const enrolments = all('enrolments');
const aid = all('aid');
const cases = all('dropoutCases');
const homeTeaching = all('homeTeaching');
const persons = BUNDLES.flatMap((b) => b.members);
const enrolmentsOf = new Map<string, typeof enrolments>();
for (const e of enrolments) enrolmentsOf.set(e.personId, [...(enrolmentsOf.get(e.personId) ?? []), e]);
const schooling = (b: HouseholdBundle) => b.household.mainCause === PovertyCause.SCHOOLING || b.household.otherCauses.includes(PovertyCause.SCHOOLING);

function digest(records: EducationRecords[]): string {
  return createHash('sha256').update(JSON.stringify(records)).digest('hex');
}

describe('determinism', () => {
  it('gives the same records for the same household and seed, whatever else is generated', () => {
    expect(digest(BUNDLES.map((b) => educationRecordsFor(b, SEED)))).toBe(digest(RECORDS));
    // One household alone gives what it gave in the walk.
    expect(educationRecordsFor(BUNDLES[1234], SEED)).toEqual(RECORDS[1234]);
  });

  it('gives other records for another seed', () => {
    const other = BUNDLES.slice(0, 300).map((b) => educationRecordsFor(b, SEED + 1));
    expect(digest(other)).not.toBe(digest(RECORDS.slice(0, 300)));
  });

  it('makes unique natural keys, as the tables require', () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(enrolments.map((e) => e.id));
    unique(enrolments.map((e) => `${e.studentNumber}/${e.schoolYear}`));
    unique(aid.map((a) => a.id));
    unique(cases.map((c) => c.id));
    unique(homeTeaching.map((h) => h.id));
    expect(enrolments.filter((e) => e.id !== `${e.personId}/${e.schoolYear}`)).toEqual([]);
    expect(aid.filter((a) => a.id !== `${a.personId}/${a.semester}/${a.item}`)).toEqual([]);
  });
});

describe('rows satisfy the tables\' constraints', () => {
  it('keeps every CHECK and unique key of the migration, over a large county', () => {
    const problems: string[] = [];
    const bad = (ok: boolean, id: string, what: string) => {
      if (!ok && problems.length < 20) problems.push(`${id}: ${what}`);
    };
    const followUpKeys = new Set<string>();
    for (const b of LARGE) {
      const r = educationRecordsFor(b, SEED);
      for (const e of r.enrolments) {
        bad(e.grade >= 1 && e.grade <= MAX_GRADE[e.stage], e.id, `grade ${e.grade}`);
        bad(e.leftOn === null || e.leftOn >= e.enrolledOn, e.id, 'left before enrolled');
        bad(e.status === EnrolmentStatus.ENROLLED || e.status === EnrolmentStatus.SUSPENDED || e.leftOn !== null, e.id, 'left without date');
        bad(e.enrolledOn >= schoolYearStart(e.schoolYear) && e.enrolledOn <= schoolYearEnd(e.schoolYear), e.id, 'enrolled outside the year');
        bad(e.className === null || (e.className.length >= 1 && e.className.length <= 20), e.id, 'class name');
        bad(e.schoolName.length >= 2 && e.schoolName.length <= 60, e.id, 'school name');
      }
      for (const a of r.aid) {
        bad(a.amountFen > 0 && a.amountFen <= 1_000_000, a.id, 'amount');
        bad(a.year === Number(a.semester.slice(0, 4)), a.id, 'year');
        bad(a.grantedOn <= '2020-12-31', a.id, 'granted after the data end');
      }
      const reported = new Map(r.dropoutCases.map((c) => [c.id, c.reportedOn]));
      for (const c of r.dropoutCases) {
        bad((c.resolution === null) === (c.resolvedOn === null), c.id, 'resolution without date');
        bad(c.resolvedOn === null || c.resolvedOn >= c.reportedOn, c.id, 'resolved before reported');
        bad(c.reportedOn > c.birthDate && c.reportedOn >= schoolYearStart(c.schoolYear) && c.reportedOn <= schoolYearEnd(c.schoolYear), c.id, 'reported outside the year');
        bad(c.grade === null || (c.grade >= 1 && c.grade <= 6), c.id, 'grade');
        const age = ageAtSchoolYear(c.birthDate, c.schoolYear);
        bad(age >= 6 && age <= 15, c.id, `age ${age}`);
        bad(c.responsiblePerson.length <= 30, c.id, 'responsible person');
      }
      for (const f of r.followUps) {
        const key = `${f.caseId}|${f.followUpOn}|${f.method}`;
        bad(!followUpKeys.has(key), key, 'duplicate follow-up');
        followUpKeys.add(key);
        bad(f.followUpOn >= reported.get(f.caseId)! && f.followUpOn <= '2020-12-31', key, 'follow-up date');
      }
      for (const t of r.homeTeaching) {
        bad(t.endedOn === null || t.endedOn >= t.startedOn, t.id, 'ended before started');
        bad((t.endedOn === null) === (t.endReason === null), t.id, 'end without reason');
        bad(t.startedOn >= schoolYearStart(t.schoolYear) && t.startedOn <= schoolYearEnd(t.schoolYear), t.id, 'started outside the year');
        bad(t.visitsPerMonth >= 1 && t.visitsPerMonth <= 8, t.id, 'visits');
        bad(t.dropoutCaseId === null || reported.has(t.dropoutCaseId), t.id, 'unknown case');
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('enrolments follow the register', () => {
  it('enrols every child the register has in school in 2020, at the stage its age and education say', () => {
    let checked = 0;
    for (const p of persons) {
      if (p.schoolingStatus !== SchoolingStatus.IN_SCHOOL || p.age > 22) continue;
      const e2020 = (enrolmentsOf.get(p.id) ?? []).find((e) => e.schoolYear === 2020);
      expect(e2020).toBeDefined();
      expect(e2020!.status).toBe(EnrolmentStatus.ENROLLED);
      if (p.age <= 14) expect([EducationStage.PRIMARY, EducationStage.JUNIOR_SECONDARY]).toContain(e2020!.stage);
      if (p.age >= 16 && p.age <= 18) expect(e2020!.stage).toBe(p.education === 'VOCATIONAL' ? EducationStage.SECONDARY_VOCATIONAL : EducationStage.SENIOR_SECONDARY);
      if (p.age >= 19) expect(e2020!.stage).toBe(EducationStage.HIGHER_EDUCATION);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('places every enrolment at an age that fits its stage and grade', () => {
    const birth = new Map(persons.map((p) => [p.id, p.birthDate]));
    const range: Record<EducationStage, [number, number]> = {
      PRE_SCHOOL: [3, 6], PRIMARY: [6, 13], JUNIOR_SECONDARY: [12, 16], SENIOR_SECONDARY: [15, 19], SECONDARY_VOCATIONAL: [15, 19], HIGHER_EDUCATION: [18, 24],
    };
    const problems: string[] = [];
    for (const e of enrolments) {
      const age = ageAtSchoolYear(birth.get(e.personId)!, e.schoolYear);
      if (age < range[e.stage][0] || age > range[e.stage][1]) problems.push(`${e.id}: ${e.stage} at ${age}`);
      if (e.schoolYear < 2014 || e.schoolYear > 2020) problems.push(`${e.id}: year`);
      if (!/^[A-Z][0-9A-Z]{7,29}$/.test(e.studentNumber)) problems.push(`${e.id}: student number`);
    }
    // Grades advance one a year for a pupil who stays in one stage.
    for (const list of enrolmentsOf.values()) {
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1], list[i]];
        if (b.stage === a.stage && b.schoolYear === a.schoolYear + 1 && a.status === EnrolmentStatus.ENROLLED && b.grade !== a.grade + 1) problems.push(`${b.id}: grade ${b.grade} after ${a.grade}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('has about one enrolment per household and school year, mostly primary and junior secondary', () => {
    const perHouseholdYear = enrolments.length / BUNDLES.length / 7;
    expect(perHouseholdYear).toBeGreaterThan(0.6);
    expect(perHouseholdYear).toBeLessThan(1.4);
    const compulsory = enrolments.filter((e) => e.stage === EducationStage.PRIMARY || e.stage === EducationStage.JUNIOR_SECONDARY).length;
    expect(compulsory / enrolments.length).toBeGreaterThan(0.5);
    expect(enrolments.some((e) => e.stage === EducationStage.HIGHER_EDUCATION)).toBe(true);
    expect(enrolments.filter((e) => e.studyMode === StudyMode.BOARDING && e.stage === EducationStage.JUNIOR_SECONDARY).length).toBeGreaterThan(
      enrolments.filter((e) => e.studyMode === StudyMode.DAY && e.stage === EducationStage.JUNIOR_SECONDARY).length,
    );
  });
});

describe('dropout control follows the register', () => {
  // A larger county for these rare events (about 1 % of school-age children): only its households with
  // a child the register has out of school, plus the demo county's records.
  const out = (p: { age: number; schoolingStatus: SchoolingStatus }) => p.age >= 6 && p.age <= 15 && p.schoolingStatus === SchoolingStatus.NOT_IN_SCHOOL;
  const sample = LARGE.filter((b) => b.members.some(out));
  const sampleRecords = sample.map((b) => educationRecordsFor(b, SEED));
  const registerDropouts = sample.flatMap((b) => b.members.filter(out));
  const cases = sampleRecords.flatMap((r) => r.dropoutCases);
  const homeTeaching = sampleRecords.flatMap((r) => r.homeTeaching);
  const followUps = sampleRecords.flatMap((r) => r.followUps);
  const enrolmentsOf = new Map<string, StudentEnrolmentRow[]>();
  for (const e of sampleRecords.flatMap((r) => r.enrolments)) enrolmentsOf.set(e.personId, [...(enrolmentsOf.get(e.personId) ?? []), e]);
  const persons = sample.flatMap((b) => b.members);

  it('reports every school-age child the register has out of school, with follow-ups', () => {
    expect(registerDropouts.length).toBeGreaterThan(50);
    const followed = new Set(followUps.map((f) => f.caseId));
    for (const p of registerDropouts) {
      const own = cases.filter((d) => d.personId === p.id);
      expect(own).toHaveLength(1);
      const c = own[0];
      expect(c!.birthDate).toBe(p.birthDate);
      expect(c!.reportedOn <= '2020-10-31').toBe(true);
      expect(followed.has(c!.id)).toBe(true);
      // Not enrolled on the register's reference date (2020-08-31).
      const on = (enrolmentsOf.get(p.id) ?? []).find((e) => e.schoolYear === 2020);
      if (on) expect(on.enrolledOn >= '2020-09-01').toBe(true);
    }
  });

  it('teaches at home only seriously ill or disabled children, and most of those', () => {
    const health = new Map(persons.map((p) => [p.id, p.healthStatus]));
    for (const h of homeTeaching) expect([HealthStatus.SERIOUS_ILLNESS, HealthStatus.DISABLED]).toContain(health.get(h.personId));
    for (const c of cases) {
      if (c.resolution === DropoutResolution.HOME_TEACHING) {
        expect(c.reason).toBe(DropoutReason.ILLNESS_OR_DISABILITY);
        expect(homeTeaching.some((h) => h.dropoutCaseId === c.id)).toBe(true);
      }
    }
    const illDropouts = registerDropouts.filter((p) => p.healthStatus === HealthStatus.SERIOUS_ILLNESS || p.healthStatus === HealthStatus.DISABLED);
    const taught = illDropouts.filter((p) => homeTeaching.some((h) => h.personId === p.id && h.schoolYear === 2020));
    expect(illDropouts.length).toBeGreaterThan(8);
    expect(taught.length / illDropouts.length).toBeGreaterThan(0.4);
  });

  it('brings about a third of the others back to school in autumn 2020, and ends their enrolment the year they left', () => {
    const others = registerDropouts.filter((p) => p.healthStatus !== HealthStatus.SERIOUS_ILLNESS && p.healthStatus !== HealthStatus.DISABLED);
    const back = others.filter((p) => cases.some((c) => c.personId === p.id && c.resolution === DropoutResolution.RETURNED_TO_SCHOOL));
    expect(back.length / others.length).toBeGreaterThan(0.2);
    expect(back.length / others.length).toBeLessThan(0.5);
    for (const p of back) expect((enrolmentsOf.get(p.id) ?? []).find((e) => e.schoolYear === 2020)?.status).toBe(EnrolmentStatus.ENROLLED);
    for (const c of cases) {
      if (c.resolvedOn) expect(c.resolvedOn >= c.reportedOn).toBe(true);
      const left = (enrolmentsOf.get(c.personId) ?? []).filter((e) => e.schoolYear === c.schoolYear);
      for (const e of left) if (c.resolution !== DropoutResolution.RETURNED_TO_SCHOOL || c.schoolYear === 2020) expect(e.leftOn === null ? e.enrolledOn >= '2020-09-01' : e.status === EnrolmentStatus.DROPPED_OUT).toBe(true);
      // Nothing between the dropout and a return.
      const later = (enrolmentsOf.get(c.personId) ?? []).filter((e) => e.schoolYear > c.schoolYear && e.schoolYear < 2020);
      if (c.resolution !== DropoutResolution.RETURNED_TO_SCHOOL) expect(later).toEqual([]);
    }
  });
});

describe('student aid follows the register and the standards', () => {
  it('pays the standard of the semester, from identification on, within the enrolment', () => {
    const enrolment = new Map(enrolments.map((e) => [e.id, e]));
    const identified = new Map(BUNDLES.map((b) => [b.household.id, b.identificationDate]));
    const last = semesterOrdinal(LAST_SEMESTER);
    const problems: string[] = [];
    const check = (ok: boolean, a: { id: string }, what: string) => {
      if (!ok) problems.push(`${a.id}: ${what}`);
    };
    for (const a of aid) {
      const e = enrolment.get(a.studentId);
      if (!e) {
        problems.push(`${a.id}: no enrolment`);
        continue;
      }
      check(schoolYearOfSemester(a.semester) === e.schoolYear, a, 'semester outside the school year');
      check(semesterOrdinal(a.semester) <= last, a, 'after the data end');
      check(a.grantedOn >= identified.get(a.householdId)!, a, 'before identification');
      check(!e.leftOn || a.grantedOn < e.leftOn, a, 'after leaving school');
      check(a.sponsor === (a.item === StudentAidItem.RAINBOW_PLAN ? StudentAidSponsor.POVERTY_OFFICE : StudentAidSponsor.EDUCATION), a, 'sponsor');
      check(a.dutyArea === 'EDUCATION', a, 'duty area');
      check(Number.isInteger(a.amountFen) && a.amountFen > 0, a, 'amount');
      const condition = a.item === StudentAidItem.BOARDING_SUBSIDY ? (e.studyMode === StudyMode.BOARDING ? AidCondition.BOARDING : AidCondition.DAY)
        : a.item === StudentAidItem.FRESHMAN_GRANT ? (e.schoolLocation === 'OUT_OF_PROVINCE' ? AidCondition.OUT_OF_PROVINCE : AidCondition.IN_PROVINCE) : AidCondition.ANY;
      const standard = aidStandardFor(AID_STANDARDS, a.item, a.stage, condition, a.semester);
      if (!standard) {
        problems.push(`${a.id}: no standard`);
        continue;
      }
      const banded = a.item === StudentAidItem.STATE_GRANT && a.stage !== EducationStage.SECONDARY_VOCATIONAL;
      if (banded) check([0.75, 1, 1.25].map((k) => Math.round(standard.yuan * k) * 100).includes(a.amountFen), a, 'not a grant band');
      else if (a.item === StudentAidItem.PRE_SCHOOL_AID) check(a.amountFen <= standard.yuan * 100, a, 'above the standard');
      else check(a.amountFen === Math.round(standard.yuan * 100), a, `not the standard ${standard.yuan}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(aid.length).toBeGreaterThan(20_000);
  });

  it('follows the years of the standards: day pupils\' living subsidy from autumn 2019, high-school tuition waivers from autumn 2016', () => {
    const day = aid.filter((a) => a.item === StudentAidItem.BOARDING_SUBSIDY && a.amountFen < 50000);
    expect(day.length).toBeGreaterThan(0);
    for (const a of day) expect(semesterOrdinal(a.semester)).toBeGreaterThanOrEqual(semesterOrdinal('2019-AUTUMN'));
    for (const a of aid.filter((x) => x.item === StudentAidItem.TUITION_WAIVER && x.stage === EducationStage.SENIOR_SECONDARY)) {
      expect(semesterOrdinal(a.semester)).toBeGreaterThanOrEqual(semesterOrdinal('2016-AUTUMN'));
    }
    const nutrition = aid.filter((a) => a.item === StudentAidItem.NUTRITION_PROGRAMME);
    expect(new Set(nutrition.map((a) => a.amountFen))).toEqual(new Set([40000]));
  });

  it('gives schooling-caused households students with aid, more items and far more money', () => {
    const stats = (pick: (b: HouseholdBundle) => boolean) => {
      const group = pairs.filter(({ b }) => pick(b));
      const studentYears = group.reduce((s, { r }) => s + r.enrolments.length, 0);
      return {
        households: group.length,
        withAid: group.filter(({ r }) => r.aid.length > 0).length / group.length,
        itemsPerStudentYear: group.reduce((s, { r }) => s + r.aid.length, 0) / studentYears,
        yuanPerHousehold: group.reduce((s, { r }) => s + r.aid.reduce((x, a) => x + a.amountFen, 0), 0) / 100 / group.length,
      };
    };
    const main = stats((b) => b.household.mainCause === PovertyCause.SCHOOLING);
    const others = stats((b) => !schooling(b));
    expect(main.households).toBeGreaterThan(300);
    expect(main.withAid).toBe(1);
    expect(others.withAid).toBeLessThan(0.7);
    expect(main.itemsPerStudentYear).toBeGreaterThan(others.itemsPerStudentYear);
    expect(main.yuanPerHousehold).toBeGreaterThan(2 * others.yuanPerHousehold);
    // Items one applies for are taken up far more often.
    const takeUp = (pick: (b: HouseholdBundle) => boolean) => {
      const senior = pairs.filter(({ b }) => pick(b)).flatMap(({ r }) => r.enrolments.filter((e) => e.stage === EducationStage.SENIOR_SECONDARY && e.schoolYear >= 2017));
      const granted = new Set(aid.filter((a) => a.item === StudentAidItem.STATE_GRANT).map((a) => a.studentId));
      return senior.filter((e) => granted.has(e.id)).length / senior.length;
    };
    expect(takeUp(schooling)).toBeGreaterThan(takeUp((b) => !schooling(b)) + 0.1);
  });

  it('has the volume the domain estimate allows (1-5 aid records per household and year)', () => {
    const perYear = aid.length / BUNDLES.length / 7;
    expect(perYear).toBeGreaterThan(1);
    expect(perYear).toBeLessThan(5);
  });
});

describe('the compulsory-education predicate on generated records', () => {
  const asEntities = (r: EducationRecords) => ({
    students: r.enrolments as unknown as Student[],
    dropouts: r.dropoutCases as unknown as DropoutCase[],
    home: r.homeTeaching as unknown as HomeTeaching[],
  });

  it('decides each child by home teaching, an open case, then the roll; only ages 6-15 for children known from the ledger', () => {
    const student = (personId: string, year: number, stage: EducationStage, status = EnrolmentStatus.ENROLLED, leftOn: string | null = null) =>
      ({ id: `${personId}/${year}`, personId, schoolYear: year, stage, status, enrolledOn: `${year}-09-01`, leftOn }) as unknown as Student;
    const dropout = (personId: string, year: number, birthDate: string, reportedOn: string, resolution: DropoutResolution | null = null, resolvedOn: string | null = null) =>
      ({ id: `${personId}/${year}/DROPOUT`, personId, schoolYear: year, birthDate, reportedOn, resolution, resolvedOn }) as unknown as DropoutCase;
    const home = (personId: string, year: number) => ({ id: `${personId}/${year}/HOME`, personId, schoolYear: year, startedOn: `${year}-10-01` }) as unknown as HomeTeaching;
    const A = '5001541012010001-03';
    const B = '5001541012010001-04';
    // A left school in 2018 at 14 and never came back; B was out briefly in 2018 and is home-taught from 2019.
    const students = [student(A, 2018, EducationStage.JUNIOR_SECONDARY, EnrolmentStatus.DROPPED_OUT, '2018-11-05'), student(B, 2018, EducationStage.PRIMARY, EnrolmentStatus.DROPPED_OUT, '2018-10-10')];
    const cases = [dropout(A, 2018, '2004-03-01', '2018-11-05'), dropout(B, 2018, '2009-05-01', '2018-10-10', DropoutResolution.RETURNED_TO_SCHOOL, '2018-12-01')];
    const status = (year: number) => Object.fromEntries(assessCompulsoryEducation(year, students, cases, [home(B, 2019)]).children.map((c) => [c.personId, c.status]));
    expect(status(2017)).toEqual({});
    expect(status(2018)).toEqual({ [A]: CompulsorySchooling.OUT_OF_SCHOOL, [B]: CompulsorySchooling.ENROLLED });
    expect(status(2019)).toEqual({ [A]: CompulsorySchooling.OUT_OF_SCHOOL, [B]: CompulsorySchooling.HOME_TAUGHT });
    expect(status(2020)).toEqual({}); // A is 16: no longer of compulsory age; B is not known to education in 2020
    expect(assessCompulsoryEducation(2019, students, cases, [home(B, 2019)]).verdict).toBe(CompulsoryEducationVerdict.NOT_MET);
    expect(assessCompulsoryEducation(2020, students, cases, []).verdict).toBe(CompulsoryEducationVerdict.NOT_APPLICABLE);
  });

  it('fails exactly the households the register has with an out-of-school child in 2020', () => {
    let notMet = 0;
    for (const { b, r } of pairs) {
      const { students, dropouts, home } = asEntities(r);
      const check = assessCompulsoryEducation(2020, students, dropouts, home);
      const outOfSchool = b.members.filter((p) => p.age >= 6 && p.age <= 15 && p.schoolingStatus === SchoolingStatus.NOT_IN_SCHOOL);
      // Out of school on the reference date, not taught at home and not back in school this year.
      const stillOut = outOfSchool.filter((p) => !home.some((h) => h.personId === p.id && h.schoolYear === 2020) && !students.some((s) => s.personId === p.id && s.schoolYear === 2020));
      expect(check.verdict === CompulsoryEducationVerdict.NOT_MET).toBe(stillOut.length > 0);
      if (check.verdict === CompulsoryEducationVerdict.NOT_MET) notMet++;
      for (const p of outOfSchool) {
        const child = check.children.find((c) => c.personId === p.id);
        expect(child).toBeDefined();
      }
      const kids = b.members.filter((p) => p.age >= 7 && p.age <= 14 && p.schoolingStatus === SchoolingStatus.IN_SCHOOL);
      for (const p of kids) expect(check.children.find((c) => c.personId === p.id)?.status).toBe(CompulsorySchooling.ENROLLED);
      if (check.children.length === 0) expect(check.verdict).toBe(CompulsoryEducationVerdict.NOT_APPLICABLE);
    }
    expect(notMet).toBeGreaterThan(3);
  });
});
