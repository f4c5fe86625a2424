/**
 * Code lists of the civil-affairs (民政) records, reference/domain.md §2.4–2.6. The GraphQL enums
 * (enums.ts) carry the Chinese terms; names are specific (DibaoCategory, not Category) so that they
 * never clash with another department's types in the supergraph.
 */

/** 城市/农村: urban or rural dibao (different lines). */
export enum DibaoCategory {
  URBAN = 'URBAN', // 城市低保
  RURAL = 'RURAL', // 农村低保
}

/**
 * 分类施保: local classification of dibao households that scales the top-up. A: 重点保障 (no
 * able-bodied member: the elderly, the seriously ill, the severely disabled); B: 一般保障 (one
 * able-bodied member); C: 有劳动能力、收入不稳定 (several able-bodied members, irregular income).
 */
export enum DibaoClassification {
  A = 'A',
  B = 'B',
  C = 'C',
}

/** 复核结果: the outcome of a periodic re-check (dynamic management). */
export enum DibaoRecheckResult {
  CONTINUE = 'CONTINUE', // 继续享受, amount unchanged
  ADJUST = 'ADJUST', // 调整保障金 (increase or decrease)
  STOP = 'STOP', // 停保: the enrolment ends on the re-check date
}

/** Why a dibao enrolment, a destitute support or an allowance ended. */
export enum CivilAffairsEndReason {
  INCOME_ABOVE_LINE = 'INCOME_ABOVE_LINE', // 家庭收入超过保障标准
  RECHECK_STOPPED = 'RECHECK_STOPPED', // 复核停保 (other findings)
  MOVED_AWAY = 'MOVED_AWAY', // 迁出
  DECEASED = 'DECEASED', // 死亡
  TRANSFERRED = 'TRANSFERRED', // 转入其他救助 (e.g. dibao → 特困)
  NO_LONGER_ELIGIBLE = 'NO_LONGER_ELIGIBLE', // 不再符合条件
  WITHDRAWN = 'WITHDRAWN', // 本人申请退出
  ROSTER_CORRECTION = 'ROSTER_CORRECTION', // 两线合一 clean-up: entry without a registered household
}

/** 供养方式: destitute support in an institution or at home. */
export enum DestituteSupportMode {
  INSTITUTIONAL = 'INSTITUTIONAL', // 集中供养
  AT_HOME = 'AT_HOME', // 分散供养
}

/** 生活自理能力 (local standards): decides the care standard. */
export enum SelfCareAbility {
  FULL = 'FULL', // 全自理
  PART = 'PART', // 半护理 (partly dependent)
  NONE = 'NONE', // 全护理 (fully dependent)
}

/** 临时救助 type: 急难型 (sudden emergency) or 支出型 (unbearable essential expense). */
export enum TemporaryAssistanceCause {
  EMERGENCY = 'EMERGENCY', // 急难型
  EXPENSE = 'EXPENSE', // 支出型
}

/** What happened. */
export enum TemporaryAssistanceReason {
  ILLNESS = 'ILLNESS', // 重大疾病
  ACCIDENT = 'ACCIDENT', // 意外事故
  DISASTER = 'DISASTER', // 自然灾害
  FIRE = 'FIRE', // 火灾
  EDUCATION_EXPENSE = 'EDUCATION_EXPENSE', // 教育支出
  BASIC_LIVING = 'BASIC_LIVING', // 基本生活暂时困难
  OTHER = 'OTHER',
}

/** 急难型 cases may be helped first and documented afterwards (先行救助). */
export enum TemporaryAssistanceProcedure {
  EMERGENCY = 'EMERGENCY', // 紧急程序 (先行救助, 事后补办)
  NORMAL = 'NORMAL', // 一般程序 (申请、审核、审批)
}

/** 残疾人两项补贴 (国发〔2015〕52号, from 2016). */
export enum DisabilityAllowanceType {
  LIVING_ALLOWANCE = 'LIVING_ALLOWANCE', // 困难残疾人生活补贴 (disabled members of dibao households)
  NURSING_SUBSIDY = 'NURSING_SUBSIDY', // 重度残疾人护理补贴 (grades 1–2)
}

/** 医疗救助 type. */
export enum MedicalAssistanceType {
  PREMIUM_SUBSIDY = 'PREMIUM_SUBSIDY', // 资助参保: the resident medical-insurance contribution
  TREATMENT = 'TREATMENT', // 直接救助: part of the cost left after insurance
}

/** Duty areas of the matrix (reference/duty-matrix.json) that civil-affairs records belong to. */
export const DUTY_AREA = {
  SOCIAL_SAFETY_NET: 'SOCIAL_SAFETY_NET', // 兜底保障: civil affairs leads
  HEALTH: 'HEALTH', // 健康扶贫: civil affairs supports with medical assistance
} as const;

export const DUTY_ROLE = { LEAD: 'LEAD', SUPPORT: 'SUPPORT' } as const;

/** The department code of civil affairs in the duty matrix. */
export const DEPARTMENT_CODE = 'CIVIL_AFFAIRS';
