import { HealthStatus, LabourCapacity, PovertyCause, Rng, Weighted, WelfareCategory } from '@saf/poverty-office';
import {
  CivilAffairsEndReason,
  DestituteSupportMode,
  DibaoCategory,
  DibaoClassification,
  DibaoRecheckResult,
  DisabilityAllowanceType,
  MedicalAssistanceType,
  SelfCareAbility,
  TemporaryAssistanceCause,
  TemporaryAssistanceProcedure,
  TemporaryAssistanceReason,
} from '../codes';
import { addDays, addMonths, dayNumber, isoDay, maxDate, minDate, monthEnd, yearOf, ymd } from '../records/dates';
import { dibaoLineFen } from '../reference/dibaoLines';
import {
  ALLOWANCES_FROM,
  ASSESSED_INCOME_CAP,
  ASSESSED_INCOME_FACTOR,
  DISABILITY_GRADES,
  FIRST_RECORD_DATE,
  IN_KIND_GOODS,
  INSTITUTIONAL_SHARE,
  INSURANCE_CONTRIBUTION,
  LAST_YEAR,
  LIVING_ALLOWANCE,
  MIN_TOP_UP_SHARE,
  NURSING_SUBSIDY,
  PREMIUM_SHARE,
  REFERENCE_DATE,
  stepValue,
  TEMPORARY_CASH,
  TEMPORARY_FROM,
  TEMPORARY_RATE,
  TEMPORARY_REASONS_DEFAULT,
  TREATMENT_CAP,
  TREATMENT_COST,
  TREATMENT_RATE,
  TREATMENT_RATIO,
  URBAN_SHARE_IN_ZHEN,
} from './params';
import { payablesOf } from './payables';
import { careFen, destituteBasicFen } from './standards';
import {
  CivilAffairsRecords,
  MedicalAssistanceRow,
  RosterMismatch,
  TemporaryAssistanceRow,
} from './rows';

/**
 * The generation core: civil affairs' records for one household, from the facts civil affairs knows
 * about it (members, income, causes) and a plan (which programmes, which deliberate mismatches).
 * Registered households get their facts from the register's bundle (records.ts); the legacy roster
 * entries for households not in the register get made-up facts (unregistered.ts).
 */

export interface MemberFacts {
  id: string;
  birthDate: string;
  healthStatus: HealthStatus;
  labourCapacity: LabourCapacity;
  migrantWorkMonths: number;
  inSchool: boolean;
}

export interface HouseholdFacts {
  householdId: string;
  inRegister: boolean;
  townName: string;
  townIsZhen: boolean;
  /** The register's welfare category (null for a household the register does not have). */
  registerCategory: WelfareCategory | null;
  mainCause: PovertyCause;
  otherCauses: readonly PovertyCause[];
  /** When civil affairs' dealings with the household centre: its identification (建档) date. */
  anchorDate: string;
  exitDate: string | null;
  members: MemberFacts[];
  /** Net income per person per year in fen, as the register (or civil affairs) knows it. */
  incomeFen: (year: number) => number;
}

export type DibaoPlan =
  | { kind: 'NONE' }
  /** In force on the reference date. `since`: 'BEFORE_ANCHOR' (dibao preceded 建档立卡) or 'RECENT' (2018–2020). */
  | { kind: 'ACTIVE'; since: 'BEFORE_ANCHOR' | 'RECENT' }
  /** Stopped (income above the line): 'RECENT_STOP' in 2019–2020, 'PAST' in 2015–2019. */
  | { kind: 'ENDED'; when: 'RECENT_STOP' | 'PAST' };

export type PersonMismatchPlan = 'NONE' | 'OMIT_MEMBER' | 'EXTRA_PERSON' | 'BOTH';

export interface Plan {
  dibao: DibaoPlan;
  personMismatch: PersonMismatchPlan;
  destitute: boolean;
}

export interface GenerateRecordOptions {
  /** Derive finance's payment items (default true; the database loader turns it off). */
  payables?: boolean;
}

// Random streams of a household.
export const STREAM_PLAN = 1;
const STREAM_DIBAO = 2;
const STREAM_DESTITUTE = 3;
const STREAM_TEMPORARY = 4;
const STREAM_DISABILITY = 5;
const STREAM_MEDICAL = 6;

/** A household's own random stream: a pure function of the seed, the household ID and the stream. */
export function householdRng(seed: number, householdId: string, stream: number): Rng {
  return Rng.derive(seed, 0xc1a1, Number(householdId.slice(0, 8)), Number(householdId.slice(8)), stream);
}

interface CoveredPerson extends MemberFacts {
  /** Not a member of the household as the register knows it (a deliberate person-level mismatch). */
  extra: boolean;
}

/**
 * `medical`: the household's medical-assistance grants as another source records them (the health
 * department's generator, for registered households); without it they are generated here from the
 * dibao and destitute coverage (legacy roster households the health department does not know).
 */
export function generateRecords(
  f: HouseholdFacts, plan: Plan, seed: number, options: GenerateRecordOptions = {}, medical?: Omit<MedicalAssistanceRow, 'id'>[],
): CivilAffairsRecords {
  const records: CivilAffairsRecords = {
    householdId: f.householdId,
    inRegister: f.inRegister,
    dibaoEnrolments: [],
    dibaoCoveredPersons: [],
    dibaoRechecks: [],
    destituteSupports: [],
    temporaryAssistance: [],
    disabilityAllowances: [],
    medicalAssistance: [],
    payables: [],
    mismatches: [],
  };
  const omitted = new Set<string>();
  const extras: CoveredPerson[] = [];
  if (plan.dibao.kind !== 'NONE') makeDibao(f, plan, householdRng(seed, f.householdId, STREAM_DIBAO), records, omitted, extras);
  if (plan.destitute) makeDestitute(f, householdRng(seed, f.householdId, STREAM_DESTITUTE), records);
  makeTemporaryAssistance(f, householdRng(seed, f.householdId, STREAM_TEMPORARY), records);
  makeDisabilityAllowances(f, householdRng(seed, f.householdId, STREAM_DISABILITY), records);
  if (medical) numberMedicalAssistance(f, medical, records);
  else makeMedicalAssistance(f, [...f.members.map((m) => ({ ...m, extra: false })), ...extras], householdRng(seed, f.householdId, STREAM_MEDICAL), records);
  records.mismatches = mismatchesOf(f, records, omitted);
  if (options.payables ?? true) records.payables = payablesOf(records);
  return records;
}

// ---------------------------------------------------------------------------------------------
// Dibao

const toYuan = (fen: number) => Math.round(fen / 100) * 100;

function between(rng: Rng, from: string, to: string): string {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return isoDay(b <= a ? a : rng.int(a, b));
}

function ageOn(birthDate: string, date: string): number {
  const years = yearOf(date) - yearOf(birthDate);
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const able = (m: MemberFacts, on: string) =>
  (m.labourCapacity === LabourCapacity.ORDINARY || m.labourCapacity === LabourCapacity.SKILLED) && ageOn(m.birthDate, on) >= 18 && ageOn(m.birthDate, on) < 60;

interface Event {
  date: string;
  kind: 'REGULAR' | 'NEWBORN' | 'STOP';
  person?: CoveredPerson;
}

function makeDibao(f: HouseholdFacts, plan: Plan, rng: Rng, out: CivilAffairsRecords, omitted: Set<string>, extras: CoveredPerson[]): void {
  const dibao = plan.dibao as Exclude<DibaoPlan, { kind: 'NONE' }>;
  // Dates: application → approval (审核审批 within 15–45 days) → cover from the next month.
  let approval: string;
  let stop: string | null = null;
  if (dibao.kind === 'ACTIVE' && dibao.since === 'RECENT') {
    approval = between(rng, '2018-03-01', '2020-10-31');
  } else if (dibao.kind === 'ENDED' && dibao.when === 'PAST') {
    approval = between(rng, FIRST_RECORD_DATE, '2015-06-30');
  } else {
    approval = between(rng, maxDate(FIRST_RECORD_DATE, addDays(f.anchorDate, -720)), maxDate(FIRST_RECORD_DATE, addDays(f.anchorDate, -10)));
  }
  const application = addDays(approval, -rng.int(15, 45));
  const start = addDays(monthEnd(approval), 1);
  if (dibao.kind === 'ENDED') {
    const from = addMonths(start, 13);
    stop = dibao.when === 'RECENT_STOP'
      ? between(rng, maxDate(from, '2019-01-01'), '2020-10-31')
      : between(rng, from, minDate('2019-12-31', f.exitDate ? maxDate(from, addDays(f.exitDate, 60)) : '2019-12-31'));
  }
  const limit = stop ?? REFERENCE_DATE;

  const category = f.townIsZhen && rng.bool(URBAN_SHARE_IN_ZHEN) ? DibaoCategory.URBAN : DibaoCategory.RURAL;
  const factor = rng.real(ASSESSED_INCOME_FACTOR[0], ASSESSED_INCOME_FACTOR[1]);
  const line = (year: number) => dibaoLineFen(category, year);
  const assessed = (year: number) => Math.min(toYuan(Math.round((f.incomeFen(year) / 12) * factor)), toYuan(Math.floor(line(year) * ASSESSED_INCOME_CAP)));

  // Who is covered: the members, minus one left out and/or plus a non-member (deliberate mismatches).
  const persons: CoveredPerson[] = f.members.map((m) => ({ ...m, extra: false }));
  let mismatch = plan.personMismatch;
  const bornBeforeStart = persons.filter((p) => p.birthDate <= start);
  if ((mismatch === 'OMIT_MEMBER' || mismatch === 'BOTH') && bornBeforeStart.length < 2) mismatch = 'EXTRA_PERSON';
  if (mismatch === 'OMIT_MEMBER' || mismatch === 'BOTH') {
    // Usually a migrant worker whose wages count against the household (单列); otherwise any non-head.
    const candidates = bornBeforeStart.slice(1);
    const workers = candidates.filter((p) => p.migrantWorkMonths >= 6);
    const left = (workers.length ? workers : candidates)[rng.int(0, (workers.length ? workers : candidates).length - 1)];
    omitted.add(left.id);
  }
  if (mismatch === 'EXTRA_PERSON' || mismatch === 'BOTH') {
    // An elderly relative living with the family, whom the register does not list.
    const number = f.members.length + 1;
    const extra: CoveredPerson = {
      id: `${f.householdId}-${String(number).padStart(2, '0')}`,
      birthDate: ymd(rng.int(1932, 1956), rng.int(1, 12), rng.int(1, 28)),
      healthStatus: rng.bool(0.6) ? HealthStatus.CHRONIC_ILLNESS : HealthStatus.HEALTHY,
      labourCapacity: LabourCapacity.NONE,
      migrantWorkMonths: 0,
      inSchool: false,
      extra: true,
    };
    persons.push(extra);
    extras.push(extra);
  }
  const covered = new Map<string, string>(); // person → covered from
  const events: Event[] = [];
  for (const p of persons) {
    if (omitted.has(p.id)) continue;
    if (p.birthDate <= start) covered.set(p.id, start);
    else {
      // 增员: a newborn joins at an adjustment one to three months after birth.
      const joins = addDays(p.birthDate, rng.int(30, 90));
      if (joins < limit) events.push({ date: joins, kind: 'NEWBORN', person: p });
    }
  }
  const ableCount = persons.filter((p) => covered.has(p.id) && able(p, start)).length;
  const classification = ableCount === 0 ? DibaoClassification.A : ableCount === 1 ? DibaoClassification.B : DibaoClassification.C;
  const interval: 6 | 12 = classification === DibaoClassification.C ? 6 : 12;
  const topUp = (year: number, n: number) => {
    const l = line(year);
    return n * toYuan(Math.max(l - assessed(year), l * MIN_TOP_UP_SHARE[classification]));
  };

  for (let k = 1; ; k++) {
    const due = addDays(addMonths(start, k * interval), rng.int(-10, 25));
    if (due >= limit) break;
    events.push({ date: due, kind: 'REGULAR' });
  }
  if (stop) events.push({ date: stop, kind: 'STOP' });
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.kind === 'STOP' ? 1 : 0) - (b.kind === 'STOP' ? 1 : 0)));
  for (let i = 1; i < events.length; i++) if (events[i].date <= events[i - 1].date) events[i].date = addDays(events[i - 1].date, 1);

  const id = `DB-${f.householdId}-${String(out.dibaoEnrolments.length + 1).padStart(2, '0')}`;
  const startYear = yearOf(start);
  const approvedAmount = topUp(startYear, covered.size);
  let amount = approvedAmount;
  let endDate: string | null = null;
  for (const ev of events) {
    if (ev.date > REFERENCE_DATE) break;
    const year = yearOf(ev.date);
    if (ev.kind === 'STOP') {
      out.dibaoRechecks.push({
        enrolmentId: id, recheckDate: ev.date, householdId: f.householdId, result: DibaoRecheckResult.STOP,
        assessedIncomeMonthlyFen: toYuan(line(year) * rng.real(1.02, 1.3)), dibaoLineMonthlyFen: line(year), personsCovered: 0,
        newMonthlyAmountFen: null, notes: '家庭收入超过保障标准，停发低保金',
      });
      endDate = ev.date;
      break;
    }
    if (ev.kind === 'NEWBORN') covered.set(ev.person!.id, ev.date);
    const next = topUp(year, covered.size);
    const result = next === amount && ev.kind === 'REGULAR' ? DibaoRecheckResult.CONTINUE : DibaoRecheckResult.ADJUST;
    const notes = ev.kind === 'NEWBORN' ? '家庭新增人口，增员' : result === DibaoRecheckResult.CONTINUE ? '家庭情况无变化，继续享受' : yearOf(ev.date) !== startYear ? '保障标准调整' : '家庭收入变化，调整保障金';
    out.dibaoRechecks.push({
      enrolmentId: id, recheckDate: ev.date, householdId: f.householdId, result, assessedIncomeMonthlyFen: assessed(year),
      dibaoLineMonthlyFen: line(year), personsCovered: covered.size, newMonthlyAmountFen: next, notes,
    });
    amount = next;
  }
  out.dibaoEnrolments.push({
    id,
    householdId: f.householdId,
    category,
    classification,
    certificateNo: `${f.householdId.slice(0, 6)}DB${startYear}${f.householdId.slice(6)}${id.slice(-2)}`,
    assessedIncomeMonthlyFen: assessed(startYear),
    dibaoLineMonthlyFen: line(startYear),
    approvedMonthlyAmountFen: approvedAmount,
    monthlyAmountFen: amount,
    recheckIntervalMonths: interval,
    applicationDate: application,
    approvalDate: approval,
    startDate: start,
    endDate,
    endReason: endDate ? CivilAffairsEndReason.INCOME_ABOVE_LINE : null,
  });
  for (const [personId, from] of covered) {
    out.dibaoCoveredPersons.push({ enrolmentId: id, personId, householdId: f.householdId, coveredFrom: from, coveredTo: endDate });
  }
  out.dibaoCoveredPersons.sort((a, b) => (a.personId < b.personId ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Destitute support

function makeDestitute(f: HouseholdFacts, rng: Rng, out: CivilAffairsRecords): void {
  const institutions = [`${f.townName}敬老院`, `${f.townName}中心敬老院`, `${f.townName}养老服务中心`];
  for (const m of f.members) {
    const age = ageOn(m.birthDate, REFERENCE_DATE);
    let selfCare: SelfCareAbility;
    switch (m.healthStatus) {
      case HealthStatus.SERIOUS_ILLNESS:
        selfCare = rng.bool(0.5) ? SelfCareAbility.NONE : SelfCareAbility.PART;
        break;
      case HealthStatus.DISABLED:
        selfCare = rng.weighted(DISABLED_SELF_CARE);
        break;
      case HealthStatus.CHRONIC_ILLNESS:
        selfCare = rng.bool(0.3) ? SelfCareAbility.PART : SelfCareAbility.FULL;
        break;
      default:
        selfCare = age >= 80 && rng.bool(0.3) ? SelfCareAbility.PART : SelfCareAbility.FULL;
    }
    const pInstitution = selfCare === SelfCareAbility.NONE ? INSTITUTIONAL_SHARE.noSelfCare : age >= 80 ? INSTITUTIONAL_SHARE.over80 : INSTITUTIONAL_SHARE.base;
    const mode = rng.bool(pInstitution) ? DestituteSupportMode.INSTITUTIONAL : DestituteSupportMode.AT_HOME;
    const approval = between(rng, maxDate(FIRST_RECORD_DATE, addDays(f.anchorDate, -720)), maxDate(FIRST_RECORD_DATE, addDays(f.anchorDate, -10)));
    const start = addDays(monthEnd(approval), 1);
    const id = `TK-${f.householdId}-${String(out.destituteSupports.length + 1).padStart(2, '0')}`;
    out.destituteSupports.push({
      id,
      householdId: f.householdId,
      personId: m.id,
      mode,
      selfCare,
      basicLivingMonthlyFen: destituteBasicFen(LAST_YEAR),
      careMonthlyFen: careFen(selfCare, LAST_YEAR),
      institutionName: mode === DestituteSupportMode.INSTITUTIONAL ? rng.pick(institutions) : null,
      certificateNo: `${f.householdId.slice(0, 6)}TK${yearOf(start)}${m.id.slice(6).replace('-', '')}`,
      applicationDate: addDays(approval, -rng.int(15, 45)),
      approvalDate: approval,
      startDate: start,
      endDate: null,
      endReason: null,
    });
  }
}

const DISABLED_SELF_CARE = new Weighted<SelfCareAbility>([[SelfCareAbility.FULL, 25], [SelfCareAbility.PART, 50], [SelfCareAbility.NONE, 25]]);

// ---------------------------------------------------------------------------------------------
// Temporary assistance

function makeTemporaryAssistance(f: HouseholdFacts, rng: Rng, out: CivilAffairsRecords): void {
  const welfare = f.registerCategory !== null && f.registerCategory !== WelfareCategory.GENERAL;
  const serious = f.members.filter((m) => m.healthStatus === HealthStatus.SERIOUS_ILLNESS).length;
  let rate = f.mainCause === PovertyCause.ILLNESS ? TEMPORARY_RATE.illness : f.mainCause === PovertyCause.DISASTER ? TEMPORARY_RATE.disaster : TEMPORARY_RATE.base;
  if (f.otherCauses.includes(PovertyCause.ILLNESS)) rate += TEMPORARY_RATE.otherCauseIllness;
  rate += serious * TEMPORARY_RATE.perSeriousIllness;
  if (welfare || !f.inRegister) rate *= TEMPORARY_RATE.welfareFactor;
  const rows: Omit<TemporaryAssistanceRow, 'id'>[] = [];
  for (let year = yearOf(TEMPORARY_FROM); year <= LAST_YEAR; year++) {
    const from = maxDate(`${year}-01-01`, TEMPORARY_FROM);
    const share = (dayNumber(`${year}-12-31`) - dayNumber(from) + 1) / 365;
    const p = Math.min(0.9, rate * share);
    const count = rng.bool(p) ? (rng.bool(p) ? 2 : 1) : 0;
    for (let i = 0; i < count; i++) {
      const reason = pickReason(f, rng);
      const emergency = [TemporaryAssistanceReason.ACCIDENT, TemporaryAssistanceReason.DISASTER, TemporaryAssistanceReason.FIRE].includes(reason) || (reason === TemporaryAssistanceReason.ILLNESS && rng.bool(0.2));
      const cause = emergency ? TemporaryAssistanceCause.EMERGENCY : TemporaryAssistanceCause.EXPENSE;
      const procedure = emergency && rng.bool(0.6) ? TemporaryAssistanceProcedure.EMERGENCY : TemporaryAssistanceProcedure.NORMAL;
      const eventDate = between(rng, from, year === LAST_YEAR ? `${year}-11-20` : `${year}-12-31`);
      const approvalDate = addDays(eventDate, procedure === TemporaryAssistanceProcedure.EMERGENCY ? rng.int(0, 3) : rng.int(10, 40));
      if (rows.some((r) => r.eventDate === eventDate && r.reason === reason)) continue;
      const [lo, hi] = TEMPORARY_CASH[reason];
      const goods = emergency && rng.bool(0.5);
      const goodsOnly = goods && rng.bool(0.15);
      rows.push({
        householdId: f.householdId,
        personId: personFor(f, reason, rng),
        cause,
        reason,
        procedure,
        cashAmountFen: goodsOnly ? 0 : rng.int(lo / 100, hi / 100) * 10000,
        inKindDescription: goods ? rng.pick(IN_KIND_GOODS) : null,
        inKindValueFen: goods ? rng.int(20, 80) * 1000 : null,
        eventDate,
        approvalDate,
        year: yearOf(approvalDate),
      });
    }
  }
  rows.sort((a, b) => (a.approvalDate < b.approvalDate ? -1 : a.approvalDate > b.approvalDate ? 1 : a.reason < b.reason ? -1 : 1));
  rows.forEach((r, i) => out.temporaryAssistance.push({ id: `LS-${f.householdId}-${String(i + 1).padStart(3, '0')}`, ...r }));
}

function pickReason(f: HouseholdFacts, rng: Rng): TemporaryAssistanceReason {
  if (f.mainCause === PovertyCause.ILLNESS && rng.bool(0.6)) return TemporaryAssistanceReason.ILLNESS;
  if (f.mainCause === PovertyCause.DISASTER && rng.bool(0.6)) return TemporaryAssistanceReason.DISASTER;
  if (f.mainCause === PovertyCause.SCHOOLING && rng.bool(0.4)) return TemporaryAssistanceReason.EDUCATION_EXPENSE;
  return rng.weighted(TEMPORARY_REASONS_DEFAULT);
}

function personFor(f: HouseholdFacts, reason: TemporaryAssistanceReason, rng: Rng): string | null {
  let candidates: MemberFacts[] = [];
  if (reason === TemporaryAssistanceReason.ILLNESS) {
    candidates = f.members.filter((m) => m.healthStatus === HealthStatus.SERIOUS_ILLNESS || m.healthStatus === HealthStatus.CHRONIC_ILLNESS);
    if (!candidates.length) candidates = f.members;
  } else if (reason === TemporaryAssistanceReason.EDUCATION_EXPENSE) {
    candidates = f.members.filter((m) => m.inSchool);
  } else if (reason === TemporaryAssistanceReason.ACCIDENT) {
    candidates = f.members;
  }
  return candidates.length ? candidates[rng.int(0, candidates.length - 1)].id : null;
}

// ---------------------------------------------------------------------------------------------
// Disability allowances (from 2016)

function makeDisabilityAllowances(f: HouseholdFacts, rng: Rng, out: CivilAffairsRecords): void {
  for (const m of f.members) {
    if (m.healthStatus !== HealthStatus.DISABLED) continue;
    const grade = rng.weighted(DISABILITY_GRADES);
    const rollOut = firstOfNextMonth(addDays(ALLOWANCES_FROM, rng.int(-1, 150)));
    const earliest = maxDate(rollOut, firstOfNextMonth(addDays(m.birthDate, 30)));
    if (grade <= 2 && earliest <= REFERENCE_DATE) push(m, DisabilityAllowanceType.NURSING_SUBSIDY, grade, earliest, null);
    // The living allowance follows dibao coverage (困难残疾人 = members of dibao households).
    const coverage = out.dibaoCoveredPersons.find((c) => c.personId === m.id && (c.coveredTo === null || c.coveredTo >= ALLOWANCES_FROM));
    if (coverage) {
      const start = maxDate(earliest, firstOfNextMonth(addDays(coverage.coveredFrom, rng.int(0, 60))));
      const end = coverage.coveredTo;
      if (start <= REFERENCE_DATE && (end === null || start <= end)) push(m, DisabilityAllowanceType.LIVING_ALLOWANCE, grade, start, end);
    }
  }
  function push(m: MemberFacts, type: DisabilityAllowanceType, grade: number, start: string, end: string | null) {
    const table = type === DisabilityAllowanceType.LIVING_ALLOWANCE ? LIVING_ALLOWANCE : NURSING_SUBSIDY;
    out.disabilityAllowances.push({
      id: `CB-${f.householdId}-${String(out.disabilityAllowances.length + 1).padStart(2, '0')}`,
      householdId: f.householdId,
      personId: m.id,
      type,
      disabilityGrade: grade,
      monthlyAmountFen: stepValue(table, yearOf(end ?? REFERENCE_DATE)) * 100,
      startDate: start,
      endDate: end,
      endReason: end ? CivilAffairsEndReason.NO_LONGER_ELIGIBLE : null,
    });
  }
}

function firstOfNextMonth(date: string): string {
  return date.endsWith('-01') ? date : addDays(monthEnd(date), 1);
}

// ---------------------------------------------------------------------------------------------
// Medical assistance: premium subsidies every year, treatment grants now and then

function makeMedicalAssistance(f: HouseholdFacts, persons: CoveredPerson[], rng: Rng, out: CivilAffairsRecords): void {
  const rows: Omit<MedicalAssistanceRow, 'id'>[] = [];
  const windows = (personId: string) => [
    ...out.dibaoCoveredPersons.filter((c) => c.personId === personId).map((c) => ({ from: c.coveredFrom, to: c.coveredTo ?? REFERENCE_DATE, destitute: false })),
    ...out.destituteSupports.filter((s) => s.personId === personId).map((s) => ({ from: s.startDate, to: s.endDate ?? REFERENCE_DATE, destitute: true })),
  ];
  for (const p of persons) {
    const spans = windows(p.id);
    if (!spans.length) continue;
    for (let year = 2014; year <= LAST_YEAR; year++) {
      // 资助参保 for the insurance year, granted early in the year to whoever is covered then.
      const grantDate = addDays(`${year}-01-05`, rng.int(0, 75));
      const on = spans.filter((s) => s.from <= grantDate && grantDate <= s.to);
      if (on.length) {
        const destitute = on.some((s) => s.destitute);
        const contribution = INSURANCE_CONTRIBUTION[year] * 100;
        rows.push({
          householdId: f.householdId, personId: p.id, type: MedicalAssistanceType.PREMIUM_SUBSIDY, grantDate, year,
          amountFen: toYuan(contribution * (destitute ? PREMIUM_SHARE.destitute : PREMIUM_SHARE.dibao)), selfPaidCostFen: null, settlementNumber: null, insuranceEnrolmentId: null,
        });
      }
      // 直接救助 after a hospital stay, while covered.
      const inYear = spans
        .map((s) => ({ ...s, from: maxDate(s.from, `${year}-01-01`), to: minDate(s.to, `${year}-12-31`) }))
        .filter((s) => s.from <= s.to);
      const rate = TREATMENT_RATE[p.healthStatus] + (ageOn(p.birthDate, `${year}-07-01`) >= 65 ? 0.03 : 0);
      if (inYear.length && rng.bool(rate)) {
        const span = inYear[rng.int(0, inYear.length - 1)];
        const [lo, hi] = TREATMENT_COST[p.healthStatus];
        const cost = rng.int(lo / 10, hi / 10) * 1000;
        const ratio = span.destitute ? TREATMENT_RATIO.destitute : TREATMENT_RATIO.dibao;
        rows.push({
          householdId: f.householdId, personId: p.id, type: MedicalAssistanceType.TREATMENT, grantDate: between(rng, span.from, span.to), year,
          amountFen: Math.min(toYuan(cost * ratio), TREATMENT_CAP * 100), selfPaidCostFen: cost, settlementNumber: null, insuranceEnrolmentId: null,
        });
      }
    }
  }
  numberMedicalAssistance(f, rows, out);
}

/** Medical-assistance rows in date order, numbered YJ-<household>-0001… */
function numberMedicalAssistance(f: HouseholdFacts, rows: Omit<MedicalAssistanceRow, 'id'>[], out: CivilAffairsRecords): void {
  const key = (r: Omit<MedicalAssistanceRow, 'id'>) => `${r.grantDate}|${r.personId}|${r.type}|${r.settlementNumber ?? r.insuranceEnrolmentId ?? ''}`;
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((r, i) => out.medicalAssistance.push({ id: `YJ-${f.householdId}-${String(i + 1).padStart(4, '0')}`, ...r }));
}

// ---------------------------------------------------------------------------------------------
// 两线合一 ground truth on the reference date

function mismatchesOf(f: HouseholdFacts, r: CivilAffairsRecords, omitted: Set<string>): RosterMismatch[] {
  const on = REFERENCE_DATE;
  const active = r.dibaoEnrolments.find((e) => e.startDate <= on && (e.endDate === null || on <= e.endDate)) ?? null;
  const out: RosterMismatch[] = [];
  if (!f.inRegister) {
    if (active) out.push({ kind: 'HOUSEHOLD_NOT_IN_REGISTER', householdId: f.householdId, personId: null, recordId: active.id, cause: 'LEGACY_ROSTER_ENTRY' });
    for (const s of r.destituteSupports) {
      if (s.startDate <= on && (s.endDate === null || on <= s.endDate)) {
        out.push({ kind: 'HOUSEHOLD_NOT_IN_REGISTER', householdId: f.householdId, personId: s.personId, recordId: s.id, cause: 'LEGACY_ROSTER_ENTRY' });
      }
    }
    return out;
  }
  const dibaoCategory = f.registerCategory === WelfareCategory.DIBAO || f.registerCategory === WelfareCategory.DIBAO_DESTITUTE;
  if (dibaoCategory && !active) {
    out.push({ kind: 'NO_ACTIVE_DIBAO', householdId: f.householdId, personId: null, recordId: r.dibaoEnrolments.at(-1)?.id ?? null, cause: r.dibaoEnrolments.length ? 'ENDED' : 'NEVER_ENROLLED' });
  }
  if (!dibaoCategory && active) {
    out.push({ kind: 'DIBAO_ON_NON_DIBAO_HOUSEHOLD', householdId: f.householdId, personId: null, recordId: active.id, cause: 'REGISTER_NOT_UPDATED' });
  }
  if (active) {
    const coveredNow = new Set(
      r.dibaoCoveredPersons.filter((c) => c.enrolmentId === active.id && c.coveredFrom <= on && (c.coveredTo === null || on <= c.coveredTo)).map((c) => c.personId),
    );
    const members = new Set(f.members.map((m) => m.id));
    for (const m of f.members) {
      if (!coveredNow.has(m.id)) {
        out.push({ kind: 'MEMBER_NOT_COVERED', householdId: f.householdId, personId: m.id, recordId: active.id, cause: omitted.has(m.id) ? 'MEMBER_LEFT_OUT' : 'NEWBORN_PENDING' });
      }
    }
    for (const p of coveredNow) {
      if (!members.has(p)) out.push({ kind: 'COVERED_PERSON_NOT_MEMBER', householdId: f.householdId, personId: p, recordId: active.id, cause: 'NON_MEMBER_COVERED' });
    }
  }
  return out;
}
