/**
 * Code lists of the register (reference/domain.md §2.3). The national system combines welfare
 * attribute and exit status in one code (aac006/aar010); we keep them as two orthogonal fields.
 */

/** 贫困户属性: the welfare category of a registered household. */
export enum WelfareCategory {
  GENERAL = 'GENERAL', // 一般贫困户
  DIBAO = 'DIBAO', // 低保贫困户
  DESTITUTE = 'DESTITUTE', // 特困供养贫困户
  DIBAO_DESTITUTE = 'DIBAO_DESTITUTE', // 低保特困供养贫困户
}

/** 脱贫标志 (aar010). */
export enum PovertyStatus {
  NOT_EXITED = 'NOT_EXITED', // 0 未脱贫
  EXITED_WITH_POLICY = 'EXITED_WITH_POLICY', // 1 已脱贫(享受政策)
  RETURNED_TO_POVERTY = 'RETURNED_TO_POVERTY', // 3 返贫
  EXITED_NO_POLICY = 'EXITED_NO_POLICY', // 4 已脱贫(不再享受政策)
}

/** 致贫原因: A3a main cause (one) and A3b other causes (at most two). */
export enum PovertyCause {
  ILLNESS = 'ILLNESS', // 因病
  DISABILITY = 'DISABILITY', // 因残
  SCHOOLING = 'SCHOOLING', // 因学
  DISASTER = 'DISASTER', // 因灾
  LACK_OF_LAND = 'LACK_OF_LAND', // 缺土地
  LACK_OF_WATER = 'LACK_OF_WATER', // 缺水
  LACK_OF_SKILLS = 'LACK_OF_SKILLS', // 缺技术
  LACK_OF_LABOUR = 'LACK_OF_LABOUR', // 缺劳力
  LACK_OF_CAPITAL = 'LACK_OF_CAPITAL', // 缺资金
  POOR_TRANSPORT = 'POOR_TRANSPORT', // 交通条件落后
  LACK_OF_DRIVE = 'LACK_OF_DRIVE', // 自身发展动力不足
  OTHER = 'OTHER', // 其它
}

/** A1 识别标准. */
export enum IdentificationStandard {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
}

export enum Sex {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** 与户主关系. */
export enum Relation {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  SON = 'SON',
  DAUGHTER = 'DAUGHTER',
  SON_IN_LAW = 'SON_IN_LAW',
  DAUGHTER_IN_LAW = 'DAUGHTER_IN_LAW',
  GRANDSON = 'GRANDSON',
  GRANDDAUGHTER = 'GRANDDAUGHTER',
  FATHER = 'FATHER',
  MOTHER = 'MOTHER',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

/** 文化程度. */
export enum EducationLevel {
  ILLITERATE = 'ILLITERATE',
  PRIMARY = 'PRIMARY',
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY',
  SENIOR_SECONDARY = 'SENIOR_SECONDARY',
  VOCATIONAL = 'VOCATIONAL',
  TERTIARY = 'TERTIARY',
  NOT_APPLICABLE = 'NOT_APPLICABLE', // pre-school age
}

/** 在校生状况. */
export enum SchoolingStatus {
  PRE_SCHOOL = 'PRE_SCHOOL',
  IN_SCHOOL = 'IN_SCHOOL',
  NOT_IN_SCHOOL = 'NOT_IN_SCHOOL',
}

/** 健康状况. */
export enum HealthStatus {
  HEALTHY = 'HEALTHY',
  CHRONIC_ILLNESS = 'CHRONIC_ILLNESS',
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS',
  DISABLED = 'DISABLED',
}

/** 劳动技能. */
export enum LabourCapacity {
  ORDINARY = 'ORDINARY',
  SKILLED = 'SKILLED',
  LOST = 'LOST',
  NONE = 'NONE',
}

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
  DECEASED = 'DECEASED',
}

/** 帮扶责任人 unit level. */
export enum UnitLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
}

export enum ProcedureKind {
  IDENTIFICATION = 'IDENTIFICATION',
  EXIT = 'EXIT',
}

/** Identification (识别) steps in order, reference/domain.md §3.2. */
export const IDENTIFICATION_STEPS = [
  'APPLICATION', // 申请
  'GROUP_REVIEW', // 村民小组/村民代表评议
  'VILLAGE_VERIFICATION', // 村委会+驻村工作队核实
  'FIRST_POSTING', // 第一次公示
  'TOWNSHIP_REVIEW', // 乡镇审核
  'SECOND_POSTING', // 第二次公示
  'COUNTY_APPROVAL', // 县审定
  'ANNOUNCEMENT', // 公告
  'SYSTEM_ENTRY', // 录入系统
  'FILE_CREATED', // 建档
] as const;

/** Household exit (退出) steps in order, 厅字〔2016〕16号. */
export const EXIT_STEPS = [
  'COMMUNITY_REVIEW', // 村两委组织民主评议提出
  'VERIFICATION', // 村两委+驻村工作队核实
  'HOUSEHOLD_SIGN_OFF', // 拟退出户认可(签字)
  'VILLAGE_POSTING', // 村内公示无异议
  'EXIT_ANNOUNCEMENT', // 公告退出
  'REGISTER_REMOVAL', // 建档立卡系统销号
] as const;

export type ProcedureStepCode = (typeof IDENTIFICATION_STEPS)[number] | (typeof EXIT_STEPS)[number];

export const STEPS_BY_PROCEDURE: Record<ProcedureKind, readonly ProcedureStepCode[]> = {
  [ProcedureKind.IDENTIFICATION]: IDENTIFICATION_STEPS,
  [ProcedureKind.EXIT]: EXIT_STEPS,
};

/** Steps that are public postings (公示/公告) carry a posting period. */
export const POSTING_STEPS: ReadonlySet<ProcedureStepCode> = new Set([
  'FIRST_POSTING',
  'SECOND_POSTING',
  'ANNOUNCEMENT',
  'VILLAGE_POSTING',
  'EXIT_ANNOUNCEMENT',
]);
