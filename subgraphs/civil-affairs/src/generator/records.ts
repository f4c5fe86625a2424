import { healthRecordsFor } from '@saf/health';
import { HouseholdBundle, SchoolingStatus, WelfareCategory } from '@saf/poverty-office';
import { MedicalAssistanceType } from '../codes';
import { GenerateRecordOptions, generateRecords, HouseholdFacts, householdRng, Plan, PersonMismatchPlan, STREAM_PLAN } from './households';
import {
  ENDED_ENROLMENT_SHARE,
  ENROLMENT_ON_GENERAL_SHARE,
  NEVER_ENROLLED_SHARE,
  PAST_DIBAO_SHARE_OTHER,
  PAST_DIBAO_SHARE_SICK,
  PERSON_MISMATCH_SHARE,
  SICK_CAUSES,
} from './params';
import { CivilAffairsRecords, MedicalAssistanceRow } from './rows';

/**
 * Civil affairs' records for one registered household, following the register (a pure function of
 * the bundle and the seed; the same for any caller, with or without a database):
 *  - DIBAO and DIBAO_DESTITUTE households have a dibao enrolment in force on 2020-12-31 that covers
 *    their members, usually approved before their identification (dibao households were taken from
 *    civil-affairs data); DESTITUTE and DIBAO_DESTITUTE members get destitute support;
 *  - deliberate 两线合一 mismatches (see params.ts and `mismatches` in the result): a few percent of
 *    register-dibao households have no enrolment, or one stopped in 2019–2020; a few GENERAL
 *    households have a recent enrolment the register does not show; some enrolments leave a member
 *    out or cover a person the register does not list;
 *  - consistent history: some GENERAL households had dibao in 2013–2015 that ended;
 *  - temporary assistance a few times per hundred households a year, more for illness and disaster
 *    causes; disability allowances for DISABLED members;
 *  - medical assistance as the health department records it (healthRecordsFor, same bundle and
 *    seed): the premium subsidies it lists as funded by civil affairs (dibao and destitute
 *    households, yearly) and the medical-assistance part of its hospital settlements (dibao,
 *    destitute and, from 2017, registered poor patients), each with the health record's reference.
 * `payables` lists what finance pays for all of it.
 */
export function civilAffairsRecordsFor(bundle: HouseholdBundle, seed: number, options: GenerateRecordOptions = {}): CivilAffairsRecords {
  const facts = factsOf(bundle);
  return generateRecords(facts, planFor(facts, seed), seed, options, medicalAssistanceFromHealth(bundle, seed));
}

/** The health department's view of the money civil affairs paid for a household's health care. */
export function medicalAssistanceFromHealth(bundle: HouseholdBundle, seed: number): Omit<MedicalAssistanceRow, 'id'>[] {
  const health = healthRecordsFor(bundle, seed);
  const rows: Omit<MedicalAssistanceRow, 'id'>[] = [];
  for (const p of health.premiumSubsidies) {
    if (p.subsidisingDepartment !== 'CIVIL_AFFAIRS') continue;
    rows.push({
      householdId: p.householdId, personId: p.personId, type: MedicalAssistanceType.PREMIUM_SUBSIDY, grantDate: p.enrolledOn, year: p.year,
      amountFen: p.amountFen, selfPaidCostFen: null, settlementNumber: null, insuranceEnrolmentId: p.enrolmentId,
    });
  }
  for (const s of health.hospitalSettlements) {
    if (s.medicalAssistanceFen <= 0) continue;
    rows.push({
      householdId: s.householdId, personId: s.personId, type: MedicalAssistanceType.TREATMENT, grantDate: s.dischargedOn, year: s.year,
      amountFen: s.medicalAssistanceFen, selfPaidCostFen: s.totalCostFen - s.basicInsuranceFen - s.criticalIllnessFen,
      settlementNumber: s.settlementNumber, insuranceEnrolmentId: null,
    });
  }
  return rows;
}

export function factsOf(bundle: HouseholdBundle): HouseholdFacts {
  const h = bundle.household;
  const incomes = new Map(bundle.incomes.map((i) => [i.year, i.netIncomePerCapitaFen]));
  const first = bundle.incomes[0];
  const last = bundle.incomes[bundle.incomes.length - 1];
  return {
    householdId: h.id,
    inRegister: true,
    townName: bundle.town.name,
    townIsZhen: bundle.town.kind === 'ZHEN',
    registerCategory: h.welfareCategory,
    mainCause: h.mainCause,
    otherCauses: h.otherCauses,
    anchorDate: bundle.identificationDate,
    exitDate: bundle.exitDate,
    members: bundle.members.map((m) => ({
      id: m.id,
      birthDate: m.birthDate,
      healthStatus: m.healthStatus,
      labourCapacity: m.labourCapacity,
      migrantWorkMonths: m.migrantWorkMonths,
      inSchool: m.schoolingStatus === SchoolingStatus.IN_SCHOOL,
    })),
    // Years before identification: a little below the first recorded year.
    incomeFen: (year) => incomes.get(year) ?? (year < first.year ? Math.round(first.netIncomePerCapitaFen * (1 - 0.05 * (first.year - year))) : last.netIncomePerCapitaFen),
  };
}

function planFor(f: HouseholdFacts, seed: number): Plan {
  const rng = householdRng(seed, f.householdId, STREAM_PLAN);
  const category = f.registerCategory!;
  const u = rng.float();
  const mismatchDraw = rng.float();
  const variantDraw = rng.float();
  const personMismatch: PersonMismatchPlan =
    mismatchDraw < PERSON_MISMATCH_SHARE ? (variantDraw < 0.55 ? 'OMIT_MEMBER' : variantDraw < 0.85 ? 'EXTRA_PERSON' : 'BOTH') : 'NONE';
  const destitute = category === WelfareCategory.DESTITUTE || category === WelfareCategory.DIBAO_DESTITUTE;
  if (category === WelfareCategory.DIBAO || category === WelfareCategory.DIBAO_DESTITUTE) {
    if (u < NEVER_ENROLLED_SHARE) return { dibao: { kind: 'NONE' }, personMismatch: 'NONE', destitute };
    if (u < NEVER_ENROLLED_SHARE + ENDED_ENROLMENT_SHARE) return { dibao: { kind: 'ENDED', when: 'RECENT_STOP' }, personMismatch: 'NONE', destitute };
    return { dibao: { kind: 'ACTIVE', since: 'BEFORE_ANCHOR' }, personMismatch, destitute };
  }
  if (category === WelfareCategory.GENERAL) {
    if (u < ENROLMENT_ON_GENERAL_SHARE) return { dibao: { kind: 'ACTIVE', since: 'RECENT' }, personMismatch: 'NONE', destitute: false };
    const past = SICK_CAUSES.has(f.mainCause) ? PAST_DIBAO_SHARE_SICK : PAST_DIBAO_SHARE_OTHER;
    if (u < ENROLMENT_ON_GENERAL_SHARE + past) return { dibao: { kind: 'ENDED', when: 'PAST' }, personMismatch: 'NONE', destitute: false };
  }
  return { dibao: { kind: 'NONE' }, personMismatch: 'NONE', destitute };
}
