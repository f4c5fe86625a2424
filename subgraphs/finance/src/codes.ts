/**
 * Code lists of the finance department (财政, and the finance side of 金融扶贫). Duty-area and
 * department codes are those of the duty matrix (poverty-office reference/duty-matrix.json).
 */

/** A subsidy programme paid to households through the 一卡通 ("one card") system. */
export enum Programme {
  DIBAO_ALLOWANCE = 'DIBAO_ALLOWANCE', // 低保金
  DESTITUTE_SUPPORT = 'DESTITUTE_SUPPORT', // 特困人员供养金
  DISABILITY_ALLOWANCE = 'DISABILITY_ALLOWANCE', // 困难残疾人生活补贴
  DISABILITY_CARE_SUBSIDY = 'DISABILITY_CARE_SUBSIDY', // 重度残疾人护理补贴
  TEMPORARY_ASSISTANCE = 'TEMPORARY_ASSISTANCE', // 临时救助金
  MEDICAL_ASSISTANCE = 'MEDICAL_ASSISTANCE', // 医疗救助金 (paid after the event)
  EDUCATION_AID = 'EDUCATION_AID', // 教育资助
  RAINBOW_PLAN = 'RAINBOW_PLAN', // 雨露计划
  HOUSING_RENOVATION_SUBSIDY = 'HOUSING_RENOVATION_SUBSIDY', // 危房改造补助
  INSURANCE_PREMIUM_SUBSIDY = 'INSURANCE_PREMIUM_SUBSIDY', // 参保资助 (城乡居民医保个人缴费)
  COMMERCIAL_INSURANCE_PREMIUM = 'COMMERCIAL_INSURANCE_PREMIUM', // 商业补充保险保费 (扶贫特惠保)
  MICROCREDIT_INTEREST_SUBSIDY = 'MICROCREDIT_INTEREST_SUBSIDY', // 扶贫小额信贷贴息
  INDUSTRY_SUBSIDY = 'INDUSTRY_SUBSIDY', // 产业发展补助
  ECOLOGICAL_COMPENSATION = 'ECOLOGICAL_COMPENSATION', // 生态补偿 (护林员, 退耕还林)
  RELOCATION_SUBSIDY = 'RELOCATION_SUBSIDY', // 易地扶贫搬迁建房补助
  EMPLOYMENT_SUBSIDY = 'EMPLOYMENT_SUBSIDY', // 就业补贴 (外出务工交通补贴, 公益性岗位)
}

/** The duty areas of the matrix in which finance is a supporting department (配合). */
export enum FinanceDutyArea {
  INDUSTRY = 'INDUSTRY',
  FINANCIAL_SERVICES = 'FINANCIAL_SERVICES',
  EMPLOYMENT = 'EMPLOYMENT',
  RELOCATION = 'RELOCATION',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  ECOLOGICAL_COMPENSATION = 'ECOLOGICAL_COMPENSATION',
  SOCIAL_SAFETY_NET = 'SOCIAL_SAFETY_NET',
  HOUSING_RENOVATION = 'HOUSING_RENOVATION',
  TRANSPORT = 'TRANSPORT',
  WATER = 'WATER',
}

/** The department a payment is made for (whose record it pays): duty-matrix department codes. */
export enum FundedDepartment {
  CIVIL_AFFAIRS = 'CIVIL_AFFAIRS',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  HOUSING = 'HOUSING',
  FINANCE = 'FINANCE',
  POVERTY_OFFICE = 'POVERTY_OFFICE',
  AGRICULTURE = 'AGRICULTURE',
  FORESTRY = 'FORESTRY',
  DEVELOPMENT_REFORM = 'DEVELOPMENT_REFORM',
  HUMAN_RESOURCES_SOCIAL_SECURITY = 'HUMAN_RESOURCES_SOCIAL_SECURITY',
  TRANSPORT = 'TRANSPORT',
  WATER_RESOURCES = 'WATER_RESOURCES',
}

/** Who receives the money: the household's or member's 一卡通 account, or a third party paid on their behalf. */
export enum Payee {
  HOUSEHOLD = 'HOUSEHOLD', // 户主一卡通
  PERSON = 'PERSON', // the member's own account (student, disabled person, borrower…)
  INSTITUTION = 'INSTITUTION', // 供养服务机构 (institutional destitute support)
  SCHOOL = 'SCHOOL', // fees waived, meals: paid to the school
  INSURANCE_FUND = 'INSURANCE_FUND', // premiums: paid to the medical-insurance fund or the insurer
  HOSPITAL = 'HOSPITAL', // medical assistance settled at the hospital (一站式结算)
}

export enum DisbursementStatus {
  PAID = 'PAID', // 已发放
  RETURNED = 'RETURNED', // 退回 (account closed, frozen, name mismatch…)
  FAILED = 'FAILED', // 发放失败
}

/** What a payment's period is: 'YYYY-MM', 'YYYY-Qn', 'YYYY-S1' (spring) / 'YYYY-S2' (autumn), 'YYYY'. */
export enum PeriodKind {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  SEMESTER = 'SEMESTER',
  YEAR = 'YEAR',
}

export enum MicroLoanStatus {
  ACTIVE = 'ACTIVE', // 正常
  REPAID = 'REPAID', // 已结清
  OVERDUE = 'OVERDUE', // 逾期
  DEFAULTED = 'DEFAULTED', // 不良 (written off, compensated by the risk fund)
}

/** 评级: the household's credit rating, which sets its credit line (授信). */
export enum CreditRating {
  AAA = 'AAA', // 优秀: up to 50,000
  AA = 'AA', // 较好: up to 30,000–50,000
  A = 'A', // 一般: up to 10,000–30,000
}

export enum LoanBank {
  RURAL_COMMERCIAL_BANK = 'RURAL_COMMERCIAL_BANK', // 农村商业银行
  POSTAL_SAVINGS_BANK = 'POSTAL_SAVINGS_BANK', // 中国邮政储蓄银行
  AGRICULTURAL_BANK = 'AGRICULTURAL_BANK', // 中国农业银行
  VILLAGE_BANK = 'VILLAGE_BANK', // 村镇银行
}

/** 用途: what the loan pays for (production only: 户借户用户还). */
export enum LoanPurpose {
  PLANTING = 'PLANTING', // 种植
  LIVESTOCK = 'LIVESTOCK', // 养殖
  PROCESSING = 'PROCESSING', // 农产品加工
  SMALL_BUSINESS = 'SMALL_BUSINESS', // 个体经营、商贸
  RURAL_TOURISM = 'RURAL_TOURISM', // 乡村旅游、农家乐
  COOPERATIVE_SHARE = 'COOPERATIVE_SHARE', // 入股合作社
}

export enum RiskFundSource {
  COUNTY_BUDGET = 'COUNTY_BUDGET', // 县级财政
  CITY_BUDGET = 'CITY_BUDGET', // 市级财政
  PROVINCIAL_BUDGET = 'PROVINCIAL_BUDGET', // 省级财政
  POVERTY_FUND = 'POVERTY_FUND', // 财政专项扶贫资金
}

/** Policy limits of 国开办发〔2014〕78号 (≤ 50,000 yuan, ≤ 3 years) and the rules around them. */
export const MICROCREDIT = {
  maxAmountFen: 5_000_000,
  maxTermMonths: 36,
  minBorrowerAge: 18,
  maxBorrowerAge: 65,
  /** Annual rates are integer basis points (435 = 4.35 %); a plausible ceiling. */
  maxRateBasisPoints: 1500,
  firstYear: 2014,
} as const;
