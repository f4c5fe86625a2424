import { Weighted } from '@saf/poverty-office';
import { ChronicDisease, HospitalLevel, SeriousIllness } from '../codes';
import { day } from './dates';

/**
 * Parameters of the synthetic health records. Policy facts come from reference/domain.md §2.9;
 * the rest are assumptions (named, so that they are easy to revise).
 */

/** The register covers 2014-2020; health records exist for every year, whatever the identification year. */
export const FIRST_YEAR = 2014;
export const LAST_YEAR = 2020;
export const LAST_DAY = day(LAST_YEAR, 12, 31);

/**
 * Share of person-years without basic insurance (assumption): coverage of the poor rose to more
 * than 99.9 % by 2020 (2021 white paper). Multiplied for households still poor (where the gaps
 * concentrate) and for migrant workers (enrolled where they work, or lapsed).
 */
export const BASIC_GAP_BY_YEAR: Readonly<Record<number, number>> = {
  2014: 0.03, 2015: 0.022, 2016: 0.015, 2017: 0.008, 2018: 0.005, 2019: 0.004, 2020: 0.003,
};
export const GAP_FACTOR_NOT_EXITED = 8;
export const GAP_FACTOR_RETURNED = 4;
export const GAP_FACTOR_MIGRANT = 2;
/** Of the gaps, the share that shows as an enrolment later cancelled (rather than none at all). */
export const GAP_CANCELLED_SHARE = 0.25;
/** Critical-illness enrolment missing although basic is there (data gaps), relative to the basic gap. */
export const CRITICAL_ONLY_GAP = 0.25;
/** Registered poor persons covered by the commercial top-up policy in a year (2017-2020). */
export const COMMERCIAL_SHARE = 0.92;
export const COMMERCIAL_FROM = 2017;

/** Chronic diseases of CHRONIC_ILLNESS members, by age on 2020-08-31. */
export const CHRONIC_OLDER = new Weighted<ChronicDisease>([
  [ChronicDisease.HYPERTENSION, 42], [ChronicDisease.DIABETES, 18], [ChronicDisease.COPD, 9], [ChronicDisease.CORONARY_HEART_DISEASE, 8],
  [ChronicDisease.STROKE_SEQUELAE, 6], [ChronicDisease.RHEUMATOID_ARTHRITIS, 5], [ChronicDisease.CHRONIC_HEPATITIS, 3],
  [ChronicDisease.SEVERE_MENTAL_ILLNESS, 3], [ChronicDisease.TUBERCULOSIS, 2], [ChronicDisease.OTHER_CHRONIC, 4],
]);
export const CHRONIC_YOUNGER = new Weighted<ChronicDisease>([
  [ChronicDisease.SEVERE_MENTAL_ILLNESS, 18], [ChronicDisease.CHRONIC_HEPATITIS, 15], [ChronicDisease.HYPERTENSION, 12],
  [ChronicDisease.RHEUMATOID_ARTHRITIS, 10], [ChronicDisease.DIABETES, 8], [ChronicDisease.TUBERCULOSIS, 6], [ChronicDisease.OTHER_CHRONIC, 31],
]);
/** Family-doctor contracting of chronic patients: 2016 pilots, then everyone from 2017. */
export const CONTRACT_2016_SHARE = 0.35;
/** Elderly (65+) and disabled members with a basic contract from 2017. */
export const BASIC_CONTRACT_SHARE = 0.7;
export const CONTRACT_EARLY_END_SHARE = 0.01;

/** Serious illnesses of SERIOUS_ILLNESS members; null is a serious illness not on the special list. */
export const SERIOUS_CHILD = new Weighted<SeriousIllness | null>([
  [SeriousIllness.CHILD_CONGENITAL_HEART_DISEASE, 45], [SeriousIllness.CHILD_LEUKAEMIA, 35], [null, 20],
]);
export const SERIOUS_ADULT_FEMALE = new Weighted<SeriousIllness | null>([
  [SeriousIllness.OESOPHAGEAL_CANCER, 6], [SeriousIllness.GASTRIC_CANCER, 7], [SeriousIllness.COLORECTAL_CANCER, 7], [SeriousIllness.LUNG_CANCER, 8],
  [SeriousIllness.BREAST_CANCER, 9], [SeriousIllness.CERVICAL_CANCER, 7], [SeriousIllness.END_STAGE_RENAL_DISEASE, 9],
  [SeriousIllness.SEVERE_MENTAL_ILLNESS, 4], [SeriousIllness.MDR_TUBERCULOSIS, 1], [null, 42],
]);
export const SERIOUS_ADULT_MALE = new Weighted<SeriousIllness | null>([
  [SeriousIllness.OESOPHAGEAL_CANCER, 10], [SeriousIllness.GASTRIC_CANCER, 10], [SeriousIllness.COLORECTAL_CANCER, 8], [SeriousIllness.LUNG_CANCER, 13],
  [SeriousIllness.END_STAGE_RENAL_DISEASE, 10], [SeriousIllness.SEVERE_MENTAL_ILLNESS, 4], [SeriousIllness.MDR_TUBERCULOSIS, 1.5],
  [SeriousIllness.HAEMOPHILIA, 0.5], [null, 43],
]);
/** Serious illnesses that are not on the special list (for diagnoses). */
export const OTHER_SERIOUS = ['脑出血', '肝硬化失代偿期', '慢性心力衰竭', '系统性红斑狼疮', '再生障碍性贫血', '肝癌', '脑梗死后遗症', '慢性肾功能不全'];

/** Treatment length in days (null: ongoing, such as dialysis). */
export const TREATMENT_DAYS: Record<SeriousIllness, [number, number] | null> = {
  CHILD_CONGENITAL_HEART_DISEASE: [10, 40],
  CHILD_LEUKAEMIA: [500, 800],
  OESOPHAGEAL_CANCER: [90, 300],
  GASTRIC_CANCER: [90, 300],
  COLORECTAL_CANCER: [90, 300],
  END_STAGE_RENAL_DISEASE: null,
  LUNG_CANCER: [120, 360],
  BREAST_CANCER: [120, 300],
  CERVICAL_CANCER: [90, 240],
  SEVERE_MENTAL_ILLNESS: [60, 180],
  MDR_TUBERCULOSIS: [540, 720],
  HAEMOPHILIA: null,
};

/** Expected admissions per person and year by age (assumption; rural inpatient rates of the late 2010s). */
export function baseAdmissionRate(age: number): number {
  if (age < 5) return 0.12;
  if (age < 18) return 0.04;
  if (age < 45) return 0.06;
  if (age < 60) return 0.1;
  if (age < 75) return 0.18;
  return 0.26;
}
export const CHRONIC_ADMISSION_FACTOR = 2.2;
export const DISABLED_ADMISSION_FACTOR = 1.4;
/** Extra admissions a year while a serious illness is treated: the first year, then later years. */
export const SERIOUS_ONSET_ADMISSIONS = 1.6;
export const SERIOUS_LATER_ADMISSIONS = 0.9;
export const ILLNESS_MAIN_CAUSE_FACTOR = 1.2;
export const ILLNESS_OTHER_CAUSE_FACTOR = 1.1;

export const LEVELS_ADULT = new Weighted<HospitalLevel>([[HospitalLevel.TOWNSHIP, 32], [HospitalLevel.COUNTY, 50], [HospitalLevel.CITY, 12], [HospitalLevel.PROVINCE, 6]]);
export const LEVELS_CHILD = new Weighted<HospitalLevel>([[HospitalLevel.TOWNSHIP, 10], [HospitalLevel.COUNTY, 60], [HospitalLevel.CITY, 15], [HospitalLevel.PROVINCE, 15]]);
export const LEVELS_SERIOUS = new Weighted<HospitalLevel>([[HospitalLevel.COUNTY, 35], [HospitalLevel.CITY, 35], [HospitalLevel.PROVINCE, 30]]);

/** Mean cost of an admission in 2017 yuan, and mean length of stay, by level (assumption). */
export const MEAN_COST_YUAN: Record<HospitalLevel, number> = { TOWNSHIP: 1600, COUNTY: 5200, CITY: 11000, PROVINCE: 19000 };
export const MEAN_STAY_DAYS: Record<HospitalLevel, number> = { TOWNSHIP: 6, COUNTY: 9, CITY: 11, PROVINCE: 13 };
export const COST_GROWTH = 1.05;

/** Share of the cost inside the reimbursement catalogue (政策范围内费用), by level. */
export const CATALOGUE_SHARE: Record<HospitalLevel, number> = { TOWNSHIP: 0.95, COUNTY: 0.88, CITY: 0.82, PROVINCE: 0.78 };
/** Deductible (起付线) in yuan; halved for the registered poor from 2017. */
export const DEDUCTIBLE_YUAN: Record<HospitalLevel, number> = { TOWNSHIP: 100, COUNTY: 300, CITY: 600, PROVINCE: 1000 };
/** Basic insurance rate within the catalogue; +5 points for the registered poor from 2017 (倾斜支付). */
export const BASIC_RATE: Record<HospitalLevel, number> = { TOWNSHIP: 0.85, COUNTY: 0.75, CITY: 0.62, PROVINCE: 0.55 };
/** Critical illness: deductible per admission (yuan) and rate; lowered for the poor from 2017. */
export const CRITICAL_DEDUCTIBLE_YUAN = { before2017: 12000, general: 10000, poor: 5000 };
export const CRITICAL_RATE = { general: 0.5, poor: 0.6 };
/** Medical assistance rate on the in-catalogue rest: destitute, dibao, other registered poor (from 2017); per-admission cap. */
export const ASSISTANCE_RATE = { destitute: 1.0, dibao: 0.7, poor: 0.5 };
export const ASSISTANCE_CAP_YUAN = 40000;
/** Registered poor: own share capped at 10 % of the cost in the county, 15 % outside (政府兜底, from 2017). */
export const SAFETY_NET_CAP: Record<HospitalLevel, number> = { TOWNSHIP: 0.1, COUNTY: 0.1, CITY: 0.15, PROVINCE: 0.15 };
export const SAFETY_NET_APPLIED = 0.93;
/** Out-of-county admissions without referral: lower rate and no safety net. */
export const UNREFERRED_SHARE = 0.1;
