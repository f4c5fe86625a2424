/**
 * Code lists of the housing department (住房城乡建设): dwelling safety appraisals (农村危房鉴定),
 * dilapidated-house renovation (危房改造) and its part in poverty-alleviation relocation
 * (易地扶贫搬迁). reference/domain.md §2.7, §3.1 row 6; seed 004 items 4 and 9.
 */

/** 危险性鉴定等级 (农村危险房屋鉴定技术导则(试行), 建村函〔2009〕69号). */
export enum DwellingRating {
  A = 'A', // 结构能满足正常使用要求，未发现危险点，房屋结构安全
  B = 'B', // 个别结构构件处于危险状态，但不影响主体结构安全
  C = 'C', // 部分承重结构不能满足正常使用要求，局部出现险情，构成局部危房
  D = 'D', // 承重结构已不能满足正常使用要求，房屋整体出现险情，构成整幢危房
}

/** Ratings that make a dwelling dangerous (危房): C 局部危房, D 整幢危房. */
export const DANGEROUS_RATINGS: ReadonlySet<DwellingRating> = new Set([DwellingRating.C, DwellingRating.D]);

/** Who appraised the dwelling. */
export enum AppraisalMethod {
  COUNTY_HOUSING_BUREAU = 'COUNTY_HOUSING_BUREAU', // 县级住建部门组织鉴定
  THIRD_PARTY = 'THIRD_PARTY', // 委托第三方专业机构鉴定
}

/** 房屋结构类型. */
export enum DwellingStructure {
  EARTH = 'EARTH', // 土坯/夯土结构
  WOOD = 'WOOD', // 木结构 (穿斗木屋)
  STONE = 'STONE', // 石结构
  BRICK_WOOD = 'BRICK_WOOD', // 砖木结构
  BRICK_CONCRETE = 'BRICK_CONCRETE', // 砖混结构
  FRAME = 'FRAME', // 框架结构
  OTHER = 'OTHER', // 其他
}

/** 改造方式. */
export enum RenovationType {
  REINFORCE = 'REINFORCE', // 维修加固 (mostly C 局部危房)
  REBUILD = 'REBUILD', // 拆除重建 (mostly D 整幢危房)
  OTHER = 'OTHER', // 其他方式: 统建、置换、租赁等
}

/** Where a renovation project stands; each lifecycle mutation moves it one step. */
export enum RenovationStatus {
  APPROVED = 'APPROVED', // 已批准 (列入年度改造计划)
  STARTED = 'STARTED', // 已开工
  COMPLETED = 'COMPLETED', // 已竣工, 待验收
  ACCEPTED = 'ACCEPTED', // 验收合格
  FAILED_ACCEPTANCE = 'FAILED_ACCEPTANCE', // 验收不合格, 整改中
  MOVED_IN = 'MOVED_IN', // 已入住
}

/** 验收结果. */
export enum AcceptanceResult {
  PASSED = 'PASSED', // 合格
  FAILED = 'FAILED', // 不合格
}

/** 安置方式 of poverty-alleviation relocation. */
export enum ResettlementMode {
  CENTRALISED = 'CENTRALISED', // 集中安置 (安置点统建)
  DISPERSED = 'DISPERSED', // 分散安置 (购房、自建、插花安置)
}

/** The housing-safety verdict for the exit rule (住房安全有保障). */
export enum HousingSafetyStatus {
  SAFE = 'SAFE',
  UNSAFE = 'UNSAFE',
  NOT_APPRAISED = 'NOT_APPRAISED',
}

/** Why the verdict is what it is. */
export enum HousingSafetyBasis {
  RATED_SAFE = 'RATED_SAFE', // latest rating A or B
  RENOVATED = 'RENOVATED', // C/D, renovation accepted (验收合格)
  RELOCATED = 'RELOCATED', // moved into resettlement housing
  DANGEROUS = 'DANGEROUS', // C/D without an accepted renovation
  NOT_APPRAISED = 'NOT_APPRAISED', // no appraisal on or before the date
}

/** Duty areas of seed 004 the housing records belong to, and the department's role there. */
export const HOUSING_DEPARTMENT = 'HOUSING';
export const RENOVATION_DUTY = { area: 'HOUSING_RENOVATION', role: 'LEAD', lead: 'HOUSING' } as const;
export const RELOCATION_DUTY = { area: 'RELOCATION', role: 'SUPPORT', lead: 'DEVELOPMENT_REFORM' } as const;
/** Seed 004 item 9: every registered poor household's dangerous house renovated by the end of 2019. */
export const RENOVATION_DEADLINE = '2019-12-31';
/** 建档立卡 relocation standard: at most 25 m² of housing per relocated person. */
export const RELOCATION_AREA_PER_PERSON = 25;
