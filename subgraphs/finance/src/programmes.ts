import { ErrorCode, userError } from '@saf/kit';
import { FinanceDutyArea as Area, FundedDepartment as Dept, Payee, PeriodKind, Programme } from './codes';

/**
 * Which programme pays for which duty area on behalf of which department: the one table that
 * decides whether a disbursement is consistent (data, not scattered ifs). A programme may have
 * several rows (e.g. premium subsidies paid for health, or by civil affairs for dibao and destitute
 * members); the first row of a programme is its default. Every (area, department) pair is a lead or
 * supporting department of an area where finance supports (checked against the duty matrix by the
 * tests).
 */
export interface ProgrammeRule {
  programme: Programme;
  dutyArea: Area;
  department: Dept;
  /** 中文 name of the programme as it appears on statements. */
  nameZh: string;
  periodKinds: readonly PeriodKind[];
  /** Whether a payment names the member it is for (student, disabled person, insured person…). */
  personRequired: boolean;
  /** Who may receive it; the first is the default. PERSON needs a personId. */
  payees: readonly Payee[];
  /** Largest plausible single payment, fen. */
  maxAmountFen: number;
  /** How many days before its period a payment may be made (premiums are collected in the autumn before). */
  advanceDays: number;
  /** What sourceRecordId refers to, when the programme pays for a record of another department. */
  source: string | null;
  /** sourceRecordId is required (the record being paid for must be named). */
  sourceRequired: boolean;
  /** Short code used in batch numbers. */
  batchCode: string;
}

const M = PeriodKind.MONTH;
const Q = PeriodKind.QUARTER;
const S = PeriodKind.SEMESTER;
const Y = PeriodKind.YEAR;
const { HOUSEHOLD, PERSON, INSTITUTION, SCHOOL, INSURANCE_FUND, HOSPITAL } = Payee;
const yuan = (n: number) => n * 100;

type Row = Omit<ProgrammeRule, 'maxAmountFen' | 'advanceDays' | 'sourceRequired' | 'personRequired'> & {
  maxYuan: number;
  advanceDays?: number;
  sourceRequired?: boolean;
  personRequired?: boolean;
};
const ROWS: Row[] = [
  // 兜底保障: civil affairs leads; finance pays its monthly programmes and one-off grants.
  { programme: Programme.DIBAO_ALLOWANCE, dutyArea: Area.SOCIAL_SAFETY_NET, department: Dept.CIVIL_AFFAIRS, nameZh: '农村低保金', periodKinds: [M, Q], payees: [HOUSEHOLD], maxYuan: 10_000, source: 'civil-affairs DibaoEnrolment', batchCode: 'DB' },
  { programme: Programme.DESTITUTE_SUPPORT, dutyArea: Area.SOCIAL_SAFETY_NET, department: Dept.CIVIL_AFFAIRS, nameZh: '特困人员供养金', periodKinds: [M, Q], personRequired: true, payees: [PERSON, INSTITUTION], maxYuan: 5_000, source: 'civil-affairs DestituteSupport', batchCode: 'TK' },
  { programme: Programme.DISABILITY_ALLOWANCE, dutyArea: Area.SOCIAL_SAFETY_NET, department: Dept.CIVIL_AFFAIRS, nameZh: '困难残疾人生活补贴', periodKinds: [M, Q], personRequired: true, payees: [PERSON], maxYuan: 1_000, source: 'civil-affairs DisabilityAllowance', batchCode: 'CJ' },
  { programme: Programme.DISABILITY_CARE_SUBSIDY, dutyArea: Area.SOCIAL_SAFETY_NET, department: Dept.CIVIL_AFFAIRS, nameZh: '重度残疾人护理补贴', periodKinds: [M, Q], personRequired: true, payees: [PERSON], maxYuan: 1_000, source: 'civil-affairs DisabilityAllowance', batchCode: 'HL' },
  { programme: Programme.TEMPORARY_ASSISTANCE, dutyArea: Area.SOCIAL_SAFETY_NET, department: Dept.CIVIL_AFFAIRS, nameZh: '临时救助金', periodKinds: [M], payees: [HOUSEHOLD, PERSON], maxYuan: 20_000, source: 'civil-affairs TemporaryAssistanceEvent', batchCode: 'LS' },
  // 健康扶贫: health leads; civil affairs supports with medical assistance, finance pays both.
  { programme: Programme.MEDICAL_ASSISTANCE, dutyArea: Area.HEALTH, department: Dept.CIVIL_AFFAIRS, nameZh: '医疗救助金', periodKinds: [M], personRequired: true, payees: [HOSPITAL, PERSON], maxYuan: 100_000, source: 'civil-affairs MedicalAssistanceGrant', batchCode: 'YJ' },
  { programme: Programme.INSURANCE_PREMIUM_SUBSIDY, dutyArea: Area.HEALTH, department: Dept.HEALTH, nameZh: '城乡居民医保参保资助', periodKinds: [Y], personRequired: true, payees: [INSURANCE_FUND, PERSON], maxYuan: 2_000, advanceDays: 123, source: 'health HealthInsuranceEnrolment', batchCode: 'YB' },
  { programme: Programme.INSURANCE_PREMIUM_SUBSIDY, dutyArea: Area.HEALTH, department: Dept.CIVIL_AFFAIRS, nameZh: '医疗救助资助参保', periodKinds: [Y], personRequired: true, payees: [INSURANCE_FUND, PERSON], maxYuan: 2_000, advanceDays: 123, source: 'civil-affairs MedicalAssistanceGrant', batchCode: 'YB' },
  { programme: Programme.COMMERCIAL_INSURANCE_PREMIUM, dutyArea: Area.HEALTH, department: Dept.HEALTH, nameZh: '扶贫特惠保保费', periodKinds: [Y], personRequired: true, payees: [INSURANCE_FUND], maxYuan: 2_000, advanceDays: 123, source: 'health HealthInsuranceEnrolment', batchCode: 'TH' },
  // 教育扶贫: education leads; the poverty office supports with 雨露计划.
  { programme: Programme.EDUCATION_AID, dutyArea: Area.EDUCATION, department: Dept.EDUCATION, nameZh: '学生资助金', periodKinds: [S, Y], personRequired: true, payees: [PERSON, SCHOOL], maxYuan: 10_000, source: 'education StudentAid', batchCode: 'JY' },
  { programme: Programme.RAINBOW_PLAN, dutyArea: Area.EDUCATION, department: Dept.POVERTY_OFFICE, nameZh: '雨露计划补助', periodKinds: [S, Y], personRequired: true, payees: [PERSON], maxYuan: 5_000, source: 'education StudentAid', batchCode: 'YL' },
  // 危房改造 and 易地扶贫搬迁.
  { programme: Programme.HOUSING_RENOVATION_SUBSIDY, dutyArea: Area.HOUSING_RENOVATION, department: Dept.HOUSING, nameZh: '农村危房改造补助', periodKinds: [Y], payees: [HOUSEHOLD], maxYuan: 60_000, source: 'housing RenovationProject', batchCode: 'WG' },
  { programme: Programme.RELOCATION_SUBSIDY, dutyArea: Area.RELOCATION, department: Dept.HOUSING, nameZh: '易地扶贫搬迁建房补助', periodKinds: [Y], payees: [HOUSEHOLD], maxYuan: 200_000, source: 'housing RelocationHousing', batchCode: 'BQ' },
  { programme: Programme.RELOCATION_SUBSIDY, dutyArea: Area.RELOCATION, department: Dept.DEVELOPMENT_REFORM, nameZh: '易地扶贫搬迁建房补助', periodKinds: [Y], payees: [HOUSEHOLD], maxYuan: 200_000, source: null, batchCode: 'BQ' },
  // 金融扶贫: finance's own microcredit.
  { programme: Programme.MICROCREDIT_INTEREST_SUBSIDY, dutyArea: Area.FINANCIAL_SERVICES, department: Dept.FINANCE, nameZh: '扶贫小额信贷贴息', periodKinds: [Q, Y], payees: [PERSON, HOUSEHOLD], maxYuan: 5_000, source: 'finance MicroLoan', sourceRequired: true, batchCode: 'TX' },
  // Leads without a subgraph.
  { programme: Programme.INDUSTRY_SUBSIDY, dutyArea: Area.INDUSTRY, department: Dept.AGRICULTURE, nameZh: '产业发展补助', periodKinds: [Y], payees: [HOUSEHOLD], maxYuan: 20_000, source: null, batchCode: 'CY' },
  { programme: Programme.INDUSTRY_SUBSIDY, dutyArea: Area.INDUSTRY, department: Dept.POVERTY_OFFICE, nameZh: '到户产业扶持资金', periodKinds: [Y], payees: [HOUSEHOLD], maxYuan: 20_000, source: null, batchCode: 'CY' },
  { programme: Programme.ECOLOGICAL_COMPENSATION, dutyArea: Area.ECOLOGICAL_COMPENSATION, department: Dept.FORESTRY, nameZh: '生态补偿资金', periodKinds: [Q, Y], payees: [HOUSEHOLD, PERSON], maxYuan: 20_000, source: null, batchCode: 'ST' },
  { programme: Programme.EMPLOYMENT_SUBSIDY, dutyArea: Area.EMPLOYMENT, department: Dept.HUMAN_RESOURCES_SOCIAL_SECURITY, nameZh: '就业扶贫补贴', periodKinds: [M, Y], payees: [PERSON, HOUSEHOLD], maxYuan: 10_000, source: null, batchCode: 'JB' },
];

export const PROGRAMME_RULES: readonly ProgrammeRule[] = ROWS.map(({ maxYuan, advanceDays, sourceRequired, personRequired, ...r }) => ({
  ...r,
  personRequired: personRequired ?? false,
  maxAmountFen: yuan(maxYuan),
  advanceDays: advanceDays ?? 31,
  sourceRequired: sourceRequired ?? false,
}));

/** The default rule of each programme (its first row). */
export const DEFAULT_RULE: ReadonlyMap<Programme, ProgrammeRule> = new Map(
  [...PROGRAMME_RULES].reverse().map((r) => [r.programme, r]),
);

/**
 * The rule a disbursement follows: the programme's default, or the row matching the given duty area
 * and department. Anything else is a BAD_USER_INPUT naming the field that does not fit.
 */
export function resolveProgrammeRule(programme: Programme, dutyArea?: Area | null, department?: Dept | null, field = 'input'): ProgrammeRule {
  const rows = PROGRAMME_RULES.filter((r) => r.programme === programme);
  if (rows.length === 0) throw userError(ErrorCode.BAD_USER_INPUT, `unknown programme ${programme}`, { field: `${field}.programme` });
  const byArea = dutyArea == null ? rows : rows.filter((r) => r.dutyArea === dutyArea);
  if (byArea.length === 0) {
    throw userError(ErrorCode.BAD_USER_INPUT, `${programme} pays for ${[...new Set(rows.map((r) => r.dutyArea))].join(' or ')}, not ${dutyArea}`, {
      field: `${field}.dutyArea`,
    });
  }
  const match = department == null ? byArea : byArea.filter((r) => r.department === department);
  if (match.length === 0) {
    throw userError(
      ErrorCode.BAD_USER_INPUT,
      `${programme} in ${byArea[0].dutyArea} pays for ${byArea.map((r) => r.department).join(' or ')}, not ${department}`,
      { field: `${field}.department` },
    );
  }
  return match[0];
}

export function ruleFor(programme: Programme, dutyArea: Area, department: Dept): ProgrammeRule | undefined {
  return PROGRAMME_RULES.find((r) => r.programme === programme && r.dutyArea === dutyArea && r.department === department);
}
