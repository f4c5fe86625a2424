import { Weighted } from '@saf/poverty-office';
import { HealthStatus, PovertyCause } from '@saf/poverty-office';
import { SelfCareAbility, TemporaryAssistanceReason } from '../codes';

/**
 * Parameters of the synthetic civil-affairs records (reference/domain.md §2.4–2.6, §3.3, §4.2).
 * Figures are assumptions chosen to look plausible for a Chongqing county in 2014–2020, named so
 * that they are easy to revise. Amounts are yuan unless the name says fen.
 */

/** The records run to the end of the register's data (2020); "active" in the roster means on this day. */
export const REFERENCE_DATE = '2020-12-31';
export const FIRST_RECORD_DATE = '2013-01-15';
export const LAST_YEAR = 2020;

// --- 两线合一: the deliberate mismatches between the dibao roster and the register -------------

/** Register DIBAO / DIBAO_DESTITUTE households that civil affairs has no enrolment for at all. */
export const NEVER_ENROLLED_SHARE = 0.03;
/** Register DIBAO / DIBAO_DESTITUTE households whose enrolment was stopped in 2019–2020 (register not updated). */
export const ENDED_ENROLMENT_SHARE = 0.03;
/** Register GENERAL households with an enrolment in force (approved 2018–2020; register not updated). */
export const ENROLMENT_ON_GENERAL_SHARE = 0.008;
/** Enrolments of register DIBAO households whose covered persons differ from the register's members. */
export const PERSON_MISMATCH_SHARE = 0.06;
/** Roster households that are not in the register at all, per register household (sequences from 9001). */
export const UNREGISTERED_SHARE = 0.005;
export const UNREGISTERED_SEQUENCE_START = 9001;
/** Share of unregistered roster households that are destitute (特困) rather than dibao. */
export const UNREGISTERED_DESTITUTE_SHARE = 0.2;

/**
 * Consistent history (not a mismatch): GENERAL households that had dibao in 2013–2015 and left it
 * when their income rose (the register's category is current, so it says GENERAL).
 */
export const PAST_DIBAO_SHARE_SICK = 0.06;
export const PAST_DIBAO_SHARE_OTHER = 0.015;

/** Households in 镇 (towns) whose dibao is urban (城市低保); the rest is rural. */
export const URBAN_SHARE_IN_ZHEN = 0.04;

// --- dibao amounts ----------------------------------------------------------------------------

/**
 * 家庭经济状况核对 counts less than the register's net income (some transfers and 扶贫 income are
 * disregarded): the assessed income is this share of it, per household.
 */
export const ASSESSED_INCOME_FACTOR: readonly [number, number] = [0.25, 0.6];
/** Assessed income stays below this share of the line while the household keeps dibao. */
export const ASSESSED_INCOME_CAP = 0.9;
/** 分类施保: the top-up per person is at least this share of the line. */
export const MIN_TOP_UP_SHARE = { A: 0.5, B: 0.3, C: 0.15 } as const;

// --- destitute support (特困) ------------------------------------------------------------------

/** 基本生活标准 ≥ 1.3 × the dibao line (national rule of 2016). */
export const DESTITUTE_BASIC_FACTOR = 1.3;
/** 照料护理标准 per month by self-care ability, by year range. */
export const CARE_STANDARD: Record<SelfCareAbility, Array<[number, number]>> = {
  [SelfCareAbility.FULL]: [[2013, 30], [2017, 40], [2019, 50]],
  [SelfCareAbility.PART]: [[2013, 200], [2017, 250], [2019, 300]],
  [SelfCareAbility.NONE]: [[2013, 400], [2017, 500], [2019, 600]],
};
export const INSTITUTIONAL_SHARE = { base: 0.15, noSelfCare: 0.5, over80: 0.3 } as const;

// --- disability allowances (from 2016) -----------------------------------------------------

export const ALLOWANCES_FROM = '2016-01-01';
export const LIVING_ALLOWANCE: Array<[number, number]> = [[2016, 50], [2018, 60], [2020, 70]];
export const NURSING_SUBSIDY: Array<[number, number]> = [[2016, 50], [2018, 60], [2020, 80]];
/** 残疾等级 of DISABLED members: grades 1–2 are severe (nursing subsidy). */
export const DISABILITY_GRADES = new Weighted<number>([[1, 12], [2, 23], [3, 30], [4, 35]]);

// --- temporary assistance (临时救助, from late 2014) -----------------------------------------

export const TEMPORARY_FROM = '2014-10-01';
/** Events per household per year. */
export const TEMPORARY_RATE = { base: 0.02, illness: 0.05, disaster: 0.07, otherCauseIllness: 0.01, perSeriousIllness: 0.02, welfareFactor: 1.3 } as const;
export const TEMPORARY_REASONS_DEFAULT = new Weighted<TemporaryAssistanceReason>([
  [TemporaryAssistanceReason.ILLNESS, 35],
  [TemporaryAssistanceReason.ACCIDENT, 15],
  [TemporaryAssistanceReason.DISASTER, 12],
  [TemporaryAssistanceReason.FIRE, 4],
  [TemporaryAssistanceReason.EDUCATION_EXPENSE, 10],
  [TemporaryAssistanceReason.BASIC_LIVING, 19],
  [TemporaryAssistanceReason.OTHER, 5],
]);
/** Cash ranges (yuan, rounded to 100) by reason. */
export const TEMPORARY_CASH: Record<TemporaryAssistanceReason, [number, number]> = {
  [TemporaryAssistanceReason.ILLNESS]: [1000, 8000],
  [TemporaryAssistanceReason.ACCIDENT]: [500, 5000],
  [TemporaryAssistanceReason.DISASTER]: [500, 5000],
  [TemporaryAssistanceReason.FIRE]: [2000, 10000],
  [TemporaryAssistanceReason.EDUCATION_EXPENSE]: [500, 3000],
  [TemporaryAssistanceReason.BASIC_LIVING]: [300, 1500],
  [TemporaryAssistanceReason.OTHER]: [300, 2000],
};
export const IN_KIND_GOODS = ['大米50斤、食用油2桶', '棉被2床、棉衣2件', '大米100斤、食用油1桶、棉被1床', '慰问物资（米、油、被褥）', '应急帐篷1顶、棉被3床'];

// --- medical assistance (医疗救助) -----------------------------------------------------------

/** 城乡居民医保 individual contribution per year (national minimum), yuan: 资助参保 pays it. */
export const INSURANCE_CONTRIBUTION: Record<number, number> = { 2013: 70, 2014: 90, 2015: 120, 2016: 150, 2017: 180, 2018: 220, 2019: 250, 2020: 280 };
/** Share of the contribution paid: destitute persons in full, dibao persons in part. */
export const PREMIUM_SHARE = { destitute: 1, dibao: 0.5 } as const;
/** Chance of a treatment grant per covered person and year, by health status. */
export const TREATMENT_RATE: Record<HealthStatus, number> = {
  [HealthStatus.SERIOUS_ILLNESS]: 0.45,
  [HealthStatus.CHRONIC_ILLNESS]: 0.12,
  [HealthStatus.DISABLED]: 0.06,
  [HealthStatus.HEALTHY]: 0.02,
};
/** Cost left after insurance (政策范围内自付), yuan. */
export const TREATMENT_COST: Record<HealthStatus, [number, number]> = {
  [HealthStatus.SERIOUS_ILLNESS]: [2000, 25000],
  [HealthStatus.CHRONIC_ILLNESS]: [300, 4000],
  [HealthStatus.DISABLED]: [300, 4000],
  [HealthStatus.HEALTHY]: [200, 3000],
};
/** Share of that cost medical assistance pays, and the yearly cap per person (yuan). */
export const TREATMENT_RATIO = { destitute: 0.9, dibao: 0.7 } as const;
export const TREATMENT_CAP = 60000;

/** Causes that make a GENERAL household a likelier past dibao recipient. */
export const SICK_CAUSES: ReadonlySet<PovertyCause> = new Set([PovertyCause.ILLNESS, PovertyCause.DISABILITY, PovertyCause.LACK_OF_LABOUR]);

/** The value of a year-stepped table ([fromYear, value], ascending) for a year. */
export function stepValue(table: ReadonlyArray<readonly [number, number]>, year: number): number {
  let value = table[0][1];
  for (const [from, v] of table) if (year >= from) value = v;
  return value;
}
