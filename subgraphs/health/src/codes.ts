/**
 * Code lists and policy parameters of the health department (卫生健康 and 医保), reference/domain.md
 * §2.9 and §3.1 row 5. Policy amounts are per year (never one constant); figures marked
 * "assumption" are plausible values chosen for the synthetic county, named so that they are easy
 * to revise.
 */

/** The department's code in the duty matrix, and the duty area it leads (健康扶贫). */
export const HEALTH_DEPARTMENT = 'HEALTH';
export const HEALTH_DUTY_AREA = 'HEALTH';

/** 参保险种. */
export enum InsuranceScheme {
  BASIC = 'BASIC', // 城乡居民基本医疗保险 (新农合 before the merger)
  CRITICAL_ILLNESS = 'CRITICAL_ILLNESS', // 城乡居民大病保险
  COMMERCIAL_TOP_UP = 'COMMERCIAL_TOP_UP', // 商业补充保险 (e.g. 精准脱贫保)
}

/** 资助参保: how much of the individual premium a department paid. */
export enum PremiumSubsidyStatus {
  FULL = 'FULL', // 全额资助
  PARTIAL = 'PARTIAL', // 部分资助
  NONE = 'NONE', // 未资助
}

/**
 * Departments (duty-matrix codes) that pay premium subsidies: civil affairs for dibao and destitute
 * persons (医疗救助资助参保), finance for registered poor persons, and occasionally others.
 */
export enum SubsidisingDepartment {
  CIVIL_AFFAIRS = 'CIVIL_AFFAIRS',
  FINANCE = 'FINANCE',
  POVERTY_OFFICE = 'POVERTY_OFFICE',
  DISABLED_PERSONS_FEDERATION = 'DISABLED_PERSONS_FEDERATION',
}

/** 慢病: the chronic disease a family-doctor contract manages. */
export enum ChronicDisease {
  HYPERTENSION = 'HYPERTENSION', // 高血压
  DIABETES = 'DIABETES', // 2型糖尿病
  CORONARY_HEART_DISEASE = 'CORONARY_HEART_DISEASE', // 冠心病
  COPD = 'COPD', // 慢性阻塞性肺疾病
  STROKE_SEQUELAE = 'STROKE_SEQUELAE', // 脑卒中后遗症
  SEVERE_MENTAL_ILLNESS = 'SEVERE_MENTAL_ILLNESS', // 严重精神障碍
  TUBERCULOSIS = 'TUBERCULOSIS', // 肺结核
  RHEUMATOID_ARTHRITIS = 'RHEUMATOID_ARTHRITIS', // 类风湿关节炎
  CHRONIC_HEPATITIS = 'CHRONIC_HEPATITIS', // 慢性病毒性肝炎
  OTHER_CHRONIC = 'OTHER_CHRONIC', // 其他慢性病
}

export const CHRONIC_DISEASE_ZH: Record<ChronicDisease, string> = {
  HYPERTENSION: '高血压',
  DIABETES: '2型糖尿病',
  CORONARY_HEART_DISEASE: '冠心病',
  COPD: '慢性阻塞性肺疾病',
  STROKE_SEQUELAE: '脑卒中后遗症',
  SEVERE_MENTAL_ILLNESS: '严重精神障碍',
  TUBERCULOSIS: '肺结核',
  RHEUMATOID_ARTHRITIS: '类风湿关节炎',
  CHRONIC_HEPATITIS: '慢性病毒性肝炎',
  OTHER_CHRONIC: '其他慢性病',
};

/**
 * Follow-ups a contract year requires (国家基本公共卫生服务规范, 3rd ed.: four a year for
 * hypertension, diabetes and severe mental illness; tuberculosis is followed monthly over a
 * six-month course). Others: assumption.
 */
export function requiredFollowUps(disease: ChronicDisease | null): number {
  if (disease === ChronicDisease.TUBERCULOSIS) return 6;
  if (disease === null) return 2;
  return 4;
}

/** Where the contracted family doctor works. */
export enum PrimaryCareFacilityLevel {
  VILLAGE_CLINIC = 'VILLAGE_CLINIC', // 村卫生室
  TOWNSHIP_HEALTH_CENTRE = 'TOWNSHIP_HEALTH_CENTRE', // 乡镇卫生院
}

/**
 * 大病专项救治 diseases. The 2017 plan (NHFPC + poverty office + MCA) named children's congenital heart
 * disease, children's leukaemia, oesophageal, gastric, colon and rectal cancer and end-stage renal
 * disease; later years added more (the 2018 additions below as commonly reported; unverified).
 */
export enum SeriousIllness {
  CHILD_CONGENITAL_HEART_DISEASE = 'CHILD_CONGENITAL_HEART_DISEASE',
  CHILD_LEUKAEMIA = 'CHILD_LEUKAEMIA',
  OESOPHAGEAL_CANCER = 'OESOPHAGEAL_CANCER',
  GASTRIC_CANCER = 'GASTRIC_CANCER',
  COLORECTAL_CANCER = 'COLORECTAL_CANCER',
  END_STAGE_RENAL_DISEASE = 'END_STAGE_RENAL_DISEASE',
  LUNG_CANCER = 'LUNG_CANCER',
  BREAST_CANCER = 'BREAST_CANCER',
  CERVICAL_CANCER = 'CERVICAL_CANCER',
  SEVERE_MENTAL_ILLNESS = 'SEVERE_MENTAL_ILLNESS',
  MDR_TUBERCULOSIS = 'MDR_TUBERCULOSIS',
  HAEMOPHILIA = 'HAEMOPHILIA',
}

export const SERIOUS_ILLNESS_ZH: Record<SeriousIllness, string> = {
  CHILD_CONGENITAL_HEART_DISEASE: '儿童先天性心脏病',
  CHILD_LEUKAEMIA: '儿童白血病',
  OESOPHAGEAL_CANCER: '食管癌',
  GASTRIC_CANCER: '胃癌',
  COLORECTAL_CANCER: '结直肠癌',
  END_STAGE_RENAL_DISEASE: '终末期肾病',
  LUNG_CANCER: '肺癌',
  BREAST_CANCER: '乳腺癌',
  CERVICAL_CANCER: '宫颈癌',
  SEVERE_MENTAL_ILLNESS: '重性精神疾病',
  MDR_TUBERCULOSIS: '耐多药肺结核',
  HAEMOPHILIA: '血友病',
};

/** The first year each disease was on the special-treatment list. */
export const SERIOUS_ILLNESS_LISTED_SINCE: Record<SeriousIllness, number> = {
  CHILD_CONGENITAL_HEART_DISEASE: 2017,
  CHILD_LEUKAEMIA: 2017,
  OESOPHAGEAL_CANCER: 2017,
  GASTRIC_CANCER: 2017,
  COLORECTAL_CANCER: 2017,
  END_STAGE_RENAL_DISEASE: 2017,
  LUNG_CANCER: 2018,
  BREAST_CANCER: 2018,
  CERVICAL_CANCER: 2018,
  SEVERE_MENTAL_ILLNESS: 2018,
  MDR_TUBERCULOSIS: 2018,
  HAEMOPHILIA: 2018,
};

/** Case status of a special treatment. */
export enum SpecialTreatmentStatus {
  DIAGNOSED = 'DIAGNOSED', // 确诊待救治
  IN_TREATMENT = 'IN_TREATMENT', // 救治中
  TREATED = 'TREATED', // 已救治
  DISCONTINUED = 'DISCONTINUED', // 终止救治 (放弃、转出或死亡)
}

/** Allowed status changes of a special-treatment case. */
export const TREATMENT_TRANSITIONS: Record<SpecialTreatmentStatus, SpecialTreatmentStatus[]> = {
  DIAGNOSED: [SpecialTreatmentStatus.IN_TREATMENT, SpecialTreatmentStatus.DISCONTINUED],
  IN_TREATMENT: [SpecialTreatmentStatus.TREATED, SpecialTreatmentStatus.DISCONTINUED],
  TREATED: [],
  DISCONTINUED: [],
};

/** Hospital level (医院级别) as reimbursement rules see it. In Chongqing, municipal hospitals count as provincial. */
export enum HospitalLevel {
  TOWNSHIP = 'TOWNSHIP', // 乡镇卫生院
  COUNTY = 'COUNTY', // 县级医院
  CITY = 'CITY', // 市级医院
  PROVINCE = 'PROVINCE', // 省级医院
}

/**
 * The individual contribution to basic medical insurance (城乡居民医保个人缴费), national minimum per
 * person per year, in fen: 90 yuan (2014) rising to 280 yuan (2020).
 */
export const BASIC_PREMIUM_FEN: Readonly<Record<number, number>> = {
  2013: 7000, 2014: 9000, 2015: 12000, 2016: 15000, 2017: 18000, 2018: 22000, 2019: 25000, 2020: 28000,
};

/** Critical-illness premium per person, paid from the basic insurance fund to the insurer (assumption). */
export const CRITICAL_ILLNESS_PREMIUM_FEN: Readonly<Record<number, number>> = {
  2013: 2000, 2014: 2500, 2015: 3000, 2016: 3500, 2017: 4000, 2018: 4500, 2019: 5500, 2020: 6000,
};

/** Commercial top-up policy for registered poor persons (精准脱贫保), premium per person (assumption). */
export const COMMERCIAL_PREMIUM_FEN: Readonly<Record<number, number>> = {
  2017: 10000, 2018: 10000, 2019: 12000, 2020: 12000,
};

/** Plausibility caps for written amounts. */
export const MAX_PREMIUM_FEN = 500_000; // 5,000 yuan per person and year
export const MAX_SETTLEMENT_FEN = 500_000_000; // 5 million yuan per admission
export const MAX_STAY_DAYS = 366;
