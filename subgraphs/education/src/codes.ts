/**
 * Code lists of the education department (reference/domain.md §2.8 and §3.1 row 4). The values are
 * the stored codes; enums.ts gives them their GraphQL names and Chinese terms.
 */

/** 学段: the stage of education of one enrolment. */
export enum EducationStage {
  PRE_SCHOOL = 'PRE_SCHOOL', // 学前
  PRIMARY = 'PRIMARY', // 小学
  JUNIOR_SECONDARY = 'JUNIOR_SECONDARY', // 初中
  SENIOR_SECONDARY = 'SENIOR_SECONDARY', // 普通高中
  SECONDARY_VOCATIONAL = 'SECONDARY_VOCATIONAL', // 中职
  HIGHER_EDUCATION = 'HIGHER_EDUCATION', // 高校 (incl. 高职)
}

/** The two stages of compulsory education (义务教育). */
export const COMPULSORY_STAGES: ReadonlySet<EducationStage> = new Set([EducationStage.PRIMARY, EducationStage.JUNIOR_SECONDARY]);

/** Highest grade of each stage (学前 小班/中班/大班 = 1..3; 高校 up to 5 for five-year programmes). */
export const MAX_GRADE: Record<EducationStage, number> = {
  [EducationStage.PRE_SCHOOL]: 3,
  [EducationStage.PRIMARY]: 6,
  [EducationStage.JUNIOR_SECONDARY]: 3,
  [EducationStage.SENIOR_SECONDARY]: 3,
  [EducationStage.SECONDARY_VOCATIONAL]: 3,
  [EducationStage.HIGHER_EDUCATION]: 5,
};

/** 就读方式. */
export enum StudyMode {
  DAY = 'DAY', // 走读
  BOARDING = 'BOARDING', // 寄宿
}

/** 学籍状态 of one enrolment in one school year. */
export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED', // 在读
  SUSPENDED = 'SUSPENDED', // 休学
  TRANSFERRED_OUT = 'TRANSFERRED_OUT', // 转出
  DROPPED_OUT = 'DROPPED_OUT', // 辍学
  COMPLETED = 'COMPLETED', // 毕业/结业
}

/** Where the school is, relative to the household's county (新生入学资助 depends on it). */
export enum SchoolLocation {
  IN_COUNTY = 'IN_COUNTY', // 县内
  IN_PROVINCE = 'IN_PROVINCE', // 省内 (市内) 县外
  OUT_OF_PROVINCE = 'OUT_OF_PROVINCE', // 省外
}

/** 未在校原因: why a child dropped out (控辍保学台账). */
export enum DropoutReason {
  ILLNESS_OR_DISABILITY = 'ILLNESS_OR_DISABILITY', // 因病因残
  WORK = 'WORK', // 外出打工
  MARRIAGE = 'MARRIAGE', // 早婚
  POOR_PERFORMANCE = 'POOR_PERFORMANCE', // 厌学/学习困难
  FAMILY_DIFFICULTY = 'FAMILY_DIFFICULTY', // 家庭困难
  OTHER = 'OTHER', // 其他
}

/** How a dropout case was closed. */
export enum DropoutResolution {
  RETURNED_TO_SCHOOL = 'RETURNED_TO_SCHOOL', // 劝返复学
  HOME_TEACHING = 'HOME_TEACHING', // 送教上门
}

/** 劝返 follow-up method. */
export enum FollowUpMethod {
  HOME_VISIT = 'HOME_VISIT', // 入户劝返
  PHONE = 'PHONE', // 电话联系
  SCHOOL_MEETING = 'SCHOOL_MEETING', // 约谈
  LEGAL_NOTICE = 'LEGAL_NOTICE', // 依法送达复学通知书
}

/** Why a child is taught at home (送教上门 is for health reasons only). */
export enum HomeTeachingReason {
  SERIOUS_ILLNESS = 'SERIOUS_ILLNESS', // 重病
  DISABILITY = 'DISABILITY', // 重度残疾
}

/** 资助项目: student aid items (reference/domain.md §2.8). */
export enum StudentAidItem {
  PRE_SCHOOL_AID = 'PRE_SCHOOL_AID', // 学前教育资助金
  TWO_EXEMPTIONS_ONE_SUBSIDY = 'TWO_EXEMPTIONS_ONE_SUBSIDY', // 两免一补 (免学杂费、免教科书费)
  BOARDING_SUBSIDY = 'BOARDING_SUBSIDY', // 家庭经济困难寄宿生生活补助
  NUTRITION_PROGRAMME = 'NUTRITION_PROGRAMME', // 农村义务教育学生营养改善计划
  STATE_GRANT = 'STATE_GRANT', // 国家助学金
  TUITION_WAIVER = 'TUITION_WAIVER', // 免学费
  RAINBOW_PLAN = 'RAINBOW_PLAN', // 雨露计划 (扶贫办)
  FRESHMAN_GRANT = 'FRESHMAN_GRANT', // 新生入学资助
}

/** The department whose programme pays an aid item (duty-matrix department codes). */
export enum StudentAidSponsor {
  EDUCATION = 'EDUCATION', // 教育部门
  POVERTY_OFFICE = 'POVERTY_OFFICE', // 扶贫办 (雨露计划)
}

export enum StudentAidStatus {
  GRANTED = 'GRANTED', // 已发放
  REVOKED = 'REVOKED', // 已撤销/追回
}

/** A school-age child's standing for the compulsory-education predicate (义务教育有保障). */
export enum CompulsorySchooling {
  ENROLLED = 'ENROLLED', // 在校
  HOME_TAUGHT = 'HOME_TAUGHT', // 送教上门
  OUT_OF_SCHOOL = 'OUT_OF_SCHOOL', // 失学辍学
}

/** The household verdict of the compulsory-education predicate. */
export enum CompulsoryEducationVerdict {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  NOT_APPLICABLE = 'NOT_APPLICABLE', // no school-age child known to education
}

/** Duty area (duty matrix code) every education record belongs to. */
export const EDUCATION_DUTY_AREA = 'EDUCATION';

/** Which aid items a sponsor other than education pays for. */
export const SPONSOR_OF_ITEM: Record<StudentAidItem, StudentAidSponsor> = {
  [StudentAidItem.PRE_SCHOOL_AID]: StudentAidSponsor.EDUCATION,
  [StudentAidItem.TWO_EXEMPTIONS_ONE_SUBSIDY]: StudentAidSponsor.EDUCATION,
  [StudentAidItem.BOARDING_SUBSIDY]: StudentAidSponsor.EDUCATION,
  [StudentAidItem.NUTRITION_PROGRAMME]: StudentAidSponsor.EDUCATION,
  [StudentAidItem.STATE_GRANT]: StudentAidSponsor.EDUCATION,
  [StudentAidItem.TUITION_WAIVER]: StudentAidSponsor.EDUCATION,
  [StudentAidItem.RAINBOW_PLAN]: StudentAidSponsor.POVERTY_OFFICE,
  [StudentAidItem.FRESHMAN_GRANT]: StudentAidSponsor.EDUCATION,
};
