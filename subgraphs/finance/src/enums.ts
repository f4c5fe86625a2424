import { registerEnumType } from 'type-graphql';
import {
  CreditRating,
  Payee,
  DisbursementStatus,
  FinanceDutyArea,
  FundedDepartment,
  LoanBank,
  LoanPurpose,
  MicroLoanStatus,
  PeriodKind,
  Programme,
  RiskFundSource,
} from './codes';

/** The code lists as GraphQL enums, named specifically so that they never clash across subgraphs. */
registerEnumType(Programme, {
  name: 'DisbursementProgramme',
  description: 'A programme finance pays for: through the 一卡通 (one-card) system, or to a third party on a household\'s behalf (see DisbursementPayee).',
  valuesConfig: {
    DIBAO_ALLOWANCE: { description: '农村低保金' },
    DESTITUTE_SUPPORT: { description: '特困人员供养金' },
    DISABILITY_ALLOWANCE: { description: '困难残疾人生活补贴' },
    DISABILITY_CARE_SUBSIDY: { description: '重度残疾人护理补贴' },
    TEMPORARY_ASSISTANCE: { description: '临时救助金' },
    MEDICAL_ASSISTANCE: { description: '医疗救助 (direct assistance, settled with the hospital or paid to the card)' },
    EDUCATION_AID: { description: '学生资助 (寄宿生生活补助、国家助学金…)' },
    RAINBOW_PLAN: { description: '雨露计划 (vocational-education subsidy of the poverty office)' },
    HOUSING_RENOVATION_SUBSIDY: { description: '农村危房改造补助' },
    INSURANCE_PREMIUM_SUBSIDY: { description: '城乡居民医保参保资助 (individual premium)' },
    COMMERCIAL_INSURANCE_PREMIUM: { description: '商业补充保险保费 (扶贫特惠保), bought for registered poor persons' },
    MICROCREDIT_INTEREST_SUBSIDY: { description: '扶贫小额信贷贴息' },
    INDUSTRY_SUBSIDY: { description: '产业发展补助 (到户产业扶持)' },
    ECOLOGICAL_COMPENSATION: { description: '生态补偿 (生态护林员、退耕还林补助)' },
    RELOCATION_SUBSIDY: { description: '易地扶贫搬迁建房补助' },
    EMPLOYMENT_SUBSIDY: { description: '就业扶贫补贴 (外出务工交通补贴、公益性岗位补贴)' },
  },
});
registerEnumType(FinanceDutyArea, {
  name: 'FinanceDutyArea',
  description: 'A duty area of the matrix (seed 004) in which finance supports (配合) the lead department; codes as in the poverty office\'s DutyArea.code.',
  valuesConfig: {
    INDUSTRY: { description: '产业扶贫' },
    FINANCIAL_SERVICES: { description: '金融扶贫' },
    EMPLOYMENT: { description: '就业扶贫' },
    RELOCATION: { description: '易地扶贫搬迁' },
    EDUCATION: { description: '教育扶贫' },
    HEALTH: { description: '健康扶贫' },
    ECOLOGICAL_COMPENSATION: { description: '生态补偿脱贫' },
    SOCIAL_SAFETY_NET: { description: '兜底保障' },
    HOUSING_RENOVATION: { description: '危房改造' },
    TRANSPORT: { description: '交通建设' },
    WATER: { description: '水利建设' },
  },
});
registerEnumType(FundedDepartment, {
  name: 'DisbursementDepartment',
  description: 'The department a payment is made for (whose record it pays); codes as in the poverty office\'s Department.code.',
  valuesConfig: {
    CIVIL_AFFAIRS: { description: '民政' },
    EDUCATION: { description: '教育' },
    HEALTH: { description: '卫生健康、医保' },
    HOUSING: { description: '住房城乡建设' },
    FINANCE: { description: '财政 (its own records, e.g. microcredit)' },
    POVERTY_OFFICE: { description: '扶贫办' },
    AGRICULTURE: { description: '农业 (no subgraph)' },
    FORESTRY: { description: '林业 (no subgraph)' },
    DEVELOPMENT_REFORM: { description: '发展改革 (no subgraph)' },
    HUMAN_RESOURCES_SOCIAL_SECURITY: { description: '人力资源社会保障 (no subgraph)' },
    TRANSPORT: { description: '交通运输 (no subgraph)' },
    WATER_RESOURCES: { description: '水利 (no subgraph)' },
  },
});
registerEnumType(Payee, {
  name: 'DisbursementPayee',
  description: 'Who receives a payment: the household or member (一卡通), or a third party paid on their behalf.',
  valuesConfig: {
    HOUSEHOLD: { description: '户主一卡通账户' },
    PERSON: { description: 'The member\'s own account (student, disabled person, borrower…)' },
    INSTITUTION: { description: '供养服务机构 (institutional destitute support)' },
    SCHOOL: { description: 'The school (fees waived, nutrition programme)' },
    INSURANCE_FUND: { description: 'The medical-insurance fund or the insurer (premiums)' },
    HOSPITAL: { description: 'The hospital (medical assistance settled on discharge)' },
  },
});
registerEnumType(DisbursementStatus, {
  name: 'DisbursementStatus',
  description: 'Outcome of a 一卡通 payment.',
  valuesConfig: {
    PAID: { description: '已发放' },
    RETURNED: { description: '退回: paid, then returned by the bank (account closed, frozen, name mismatch…)' },
    FAILED: { description: '发放失败: the bank rejected the payment' },
  },
});
registerEnumType(PeriodKind, {
  name: 'DisbursementPeriodKind',
  description: 'What a payment period is: MONTH "2019-03", QUARTER "2019-Q1", SEMESTER "2019-S1" (spring) / "2019-S2" (autumn), YEAR "2019".',
});
registerEnumType(MicroLoanStatus, {
  name: 'MicroLoanStatus',
  description: 'Status of a poverty microcredit loan.',
  valuesConfig: {
    ACTIVE: { description: '正常' },
    REPAID: { description: '已结清' },
    OVERDUE: { description: '逾期' },
    DEFAULTED: { description: '不良, compensated by the county risk fund' },
  },
});
registerEnumType(CreditRating, {
  name: 'MicroLoanCreditRating',
  description: '评级: the household credit rating that sets its credit line (授信).',
  valuesConfig: { AAA: { description: '优秀' }, AA: { description: '较好' }, A: { description: '一般' } },
});
registerEnumType(LoanBank, {
  name: 'MicroLoanBank',
  description: '贷款银行',
  valuesConfig: {
    RURAL_COMMERCIAL_BANK: { description: '农村商业银行' },
    POSTAL_SAVINGS_BANK: { description: '中国邮政储蓄银行' },
    AGRICULTURAL_BANK: { description: '中国农业银行' },
    VILLAGE_BANK: { description: '村镇银行' },
  },
});
registerEnumType(LoanPurpose, {
  name: 'MicroLoanPurpose',
  description: '用途: production uses only (户借户用户还).',
  valuesConfig: {
    PLANTING: { description: '种植' },
    LIVESTOCK: { description: '养殖' },
    PROCESSING: { description: '农产品加工' },
    SMALL_BUSINESS: { description: '个体经营、商贸' },
    RURAL_TOURISM: { description: '乡村旅游、农家乐' },
    COOPERATIVE_SHARE: { description: '入股合作社' },
  },
});
registerEnumType(RiskFundSource, {
  name: 'RiskFundSource',
  description: 'Where a contribution to the county risk-compensation fund (风险补偿金) comes from.',
  valuesConfig: {
    COUNTY_BUDGET: { description: '县级财政' },
    CITY_BUDGET: { description: '市级财政' },
    PROVINCIAL_BUDGET: { description: '省级财政' },
    POVERTY_FUND: { description: '财政专项扶贫资金' },
  },
});
