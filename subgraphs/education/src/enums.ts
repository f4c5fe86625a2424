import { registerEnumType } from 'type-graphql';
import { AidCondition } from './aidStandards';
import {
  CompulsoryEducationVerdict,
  CompulsorySchooling,
  DropoutReason,
  DropoutResolution,
  EducationStage,
  EnrolmentStatus,
  FollowUpMethod,
  HomeTeachingReason,
  SchoolLocation,
  StudentAidItem,
  StudentAidSponsor,
  StudentAidStatus,
  StudyMode,
} from './codes';

/**
 * The education code lists as GraphQL enums, with the Chinese terms in the descriptions. Every name
 * is specific to education so that it cannot clash with another department's enum in the supergraph.
 */
registerEnumType(EducationStage, {
  name: 'EducationStage',
  description: '学段: stage of education.',
  valuesConfig: {
    PRE_SCHOOL: { description: '学前' },
    PRIMARY: { description: '小学 (compulsory)' },
    JUNIOR_SECONDARY: { description: '初中 (compulsory)' },
    SENIOR_SECONDARY: { description: '普通高中' },
    SECONDARY_VOCATIONAL: { description: '中职' },
    HIGHER_EDUCATION: { description: '高校, including higher vocational colleges (高职)' },
  },
});
registerEnumType(StudyMode, {
  name: 'StudentStudyMode',
  description: '就读方式',
  valuesConfig: { DAY: { description: '走读' }, BOARDING: { description: '寄宿' } },
});
registerEnumType(EnrolmentStatus, {
  name: 'StudentEnrolmentStatus',
  description: '学籍状态 of an enrolment in its school year.',
  valuesConfig: {
    ENROLLED: { description: '在读' },
    SUSPENDED: { description: '休学 (still on the roll)' },
    TRANSFERRED_OUT: { description: '转出 (enrolled elsewhere)' },
    DROPPED_OUT: { description: '辍学' },
    COMPLETED: { description: '毕业/结业' },
  },
});
registerEnumType(SchoolLocation, {
  name: 'StudentSchoolLocation',
  description: 'Where the school is, relative to the household.',
  valuesConfig: {
    IN_COUNTY: { description: '县内' },
    IN_PROVINCE: { description: '省内县外' },
    OUT_OF_PROVINCE: { description: '省外' },
  },
});
registerEnumType(DropoutReason, {
  name: 'DropoutReason',
  description: '未在校原因: why a school-age child is out of school.',
  valuesConfig: {
    ILLNESS_OR_DISABILITY: { description: '因病因残' },
    WORK: { description: '外出打工' },
    MARRIAGE: { description: '早婚早育' },
    POOR_PERFORMANCE: { description: '厌学、学习困难' },
    FAMILY_DIFFICULTY: { description: '家庭困难' },
    OTHER: { description: '其他' },
  },
});
registerEnumType(DropoutResolution, {
  name: 'DropoutResolution',
  description: 'How a dropout case was closed.',
  valuesConfig: {
    RETURNED_TO_SCHOOL: { description: '劝返复学' },
    HOME_TEACHING: { description: '送教上门 (for health reasons)' },
  },
});
registerEnumType(FollowUpMethod, {
  name: 'DropoutFollowUpMethod',
  description: '劝返 method.',
  valuesConfig: {
    HOME_VISIT: { description: '入户劝返' },
    PHONE: { description: '电话联系' },
    SCHOOL_MEETING: { description: '约谈家长' },
    LEGAL_NOTICE: { description: '依法送达复学通知书' },
  },
});
registerEnumType(HomeTeachingReason, {
  name: 'HomeTeachingReason',
  description: 'Health reason for 送教上门.',
  valuesConfig: { SERIOUS_ILLNESS: { description: '重病' }, DISABILITY: { description: '重度残疾' } },
});
registerEnumType(StudentAidItem, {
  name: 'StudentAidItem',
  description: '资助项目: a student aid item.',
  valuesConfig: {
    PRE_SCHOOL_AID: { description: '学前教育资助金' },
    TWO_EXEMPTIONS_ONE_SUBSIDY: { description: '两免一补: free tuition, fees and textbooks in compulsory education (value of the exemptions)' },
    BOARDING_SUBSIDY: { description: '家庭经济困难寄宿生生活补助 (non-boarders too from autumn 2019)' },
    NUTRITION_PROGRAMME: { description: '农村义务教育学生营养改善计划' },
    STATE_GRANT: { description: '国家助学金' },
    TUITION_WAIVER: { description: '免学费' },
    RAINBOW_PLAN: { description: '雨露计划: the poverty office\'s vocational education subsidy' },
    FRESHMAN_GRANT: { description: '新生入学资助 (once, first autumn of higher education)' },
  },
});
registerEnumType(StudentAidSponsor, {
  name: 'StudentAidSponsor',
  description: 'The department whose programme pays the aid (duty-matrix department code).',
  valuesConfig: { EDUCATION: { description: '教育部门' }, POVERTY_OFFICE: { description: '扶贫办' } },
});
registerEnumType(StudentAidStatus, {
  name: 'StudentAidStatus',
  description: 'Whether an aid grant stands.',
  valuesConfig: { GRANTED: { description: '已发放' }, REVOKED: { description: '已撤销或追回' } },
});
registerEnumType(AidCondition, {
  name: 'StudentAidCondition',
  description: 'To whom an aid standard applies.',
  valuesConfig: {
    ANY: { description: 'every student of the stage' },
    BOARDING: { description: '寄宿生' },
    DAY: { description: '非寄宿生' },
    IN_PROVINCE: { description: 'school in the province' },
    OUT_OF_PROVINCE: { description: 'school outside the province' },
  },
});
registerEnumType(CompulsorySchooling, {
  name: 'CompulsorySchoolingStatus',
  description: 'A school-age child\'s standing for 义务教育有保障.',
  valuesConfig: {
    ENROLLED: { description: '在校 (enrolled, suspended, transferred or completed: on a school roll)' },
    HOME_TAUGHT: { description: '送教上门: counts as schooled' },
    OUT_OF_SCHOOL: { description: '失学辍学' },
  },
});
registerEnumType(CompulsoryEducationVerdict, {
  name: 'CompulsoryEducationVerdict',
  description: 'The household verdict of the compulsory-education predicate of 两不愁三保障.',
  valuesConfig: {
    MET: { description: 'every school-age child known to education is in school or home-taught' },
    NOT_MET: { description: 'at least one school-age child is out of school' },
    NOT_APPLICABLE: { description: 'no school-age child known to education' },
  },
});
