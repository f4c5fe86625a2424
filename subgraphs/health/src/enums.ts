import { registerEnumType } from 'type-graphql';
import {
  ChronicDisease,
  HospitalLevel,
  InsuranceScheme,
  PremiumSubsidyStatus,
  PrimaryCareFacilityLevel,
  SeriousIllness,
  SpecialTreatmentStatus,
  SubsidisingDepartment,
} from './codes';

/** The health department's code lists as GraphQL enums, with the Chinese terms in the descriptions. */
registerEnumType(InsuranceScheme, {
  name: 'HealthInsuranceScheme',
  description: '参保险种: a medical insurance scheme.',
  valuesConfig: {
    BASIC: { description: '城乡居民基本医疗保险 (新农合/居民医保)' },
    CRITICAL_ILLNESS: { description: '城乡居民大病保险 (financed from the basic insurance fund)' },
    COMMERCIAL_TOP_UP: { description: '商业补充保险 (e.g. 精准脱贫保)' },
  },
});

registerEnumType(PremiumSubsidyStatus, {
  name: 'PremiumSubsidyStatus',
  description: '资助参保: how much of the individual premium a department paid.',
  valuesConfig: {
    FULL: { description: '全额资助: the person paid nothing' },
    PARTIAL: { description: '部分资助' },
    NONE: { description: '未资助' },
  },
});

registerEnumType(SubsidisingDepartment, {
  name: 'PremiumSubsidyDepartment',
  description: 'The department (duty-matrix code) that paid a premium subsidy: civil affairs (资助参保 of dibao and destitute persons) or finance (registered poor).',
  valuesConfig: {
    CIVIL_AFFAIRS: { description: '民政 (医疗救助资助参保)' },
    FINANCE: { description: '财政' },
    POVERTY_OFFICE: { description: '扶贫办' },
    DISABLED_PERSONS_FEDERATION: { description: '残联' },
  },
});

registerEnumType(ChronicDisease, {
  name: 'ChronicDisease',
  description: '慢病: a chronic disease managed under a family-doctor contract.',
  valuesConfig: {
    HYPERTENSION: { description: '高血压' },
    DIABETES: { description: '2型糖尿病' },
    CORONARY_HEART_DISEASE: { description: '冠心病' },
    COPD: { description: '慢性阻塞性肺疾病' },
    STROKE_SEQUELAE: { description: '脑卒中后遗症' },
    SEVERE_MENTAL_ILLNESS: { description: '严重精神障碍' },
    TUBERCULOSIS: { description: '肺结核' },
    RHEUMATOID_ARTHRITIS: { description: '类风湿关节炎' },
    CHRONIC_HEPATITIS: { description: '慢性病毒性肝炎' },
    OTHER_CHRONIC: { description: '其他慢性病' },
  },
});

registerEnumType(PrimaryCareFacilityLevel, {
  name: 'PrimaryCareFacilityLevel',
  description: 'Where a contracted family doctor works.',
  valuesConfig: {
    VILLAGE_CLINIC: { description: '村卫生室' },
    TOWNSHIP_HEALTH_CENTRE: { description: '乡镇卫生院' },
  },
});

registerEnumType(SeriousIllness, {
  name: 'SeriousIllnessDisease',
  description: '大病专项救治病种: a disease of the special-treatment list (2017 list, extended from 2018).',
  valuesConfig: {
    CHILD_CONGENITAL_HEART_DISEASE: { description: '儿童先天性心脏病 (since 2017)' },
    CHILD_LEUKAEMIA: { description: '儿童白血病 (since 2017)' },
    OESOPHAGEAL_CANCER: { description: '食管癌 (since 2017)' },
    GASTRIC_CANCER: { description: '胃癌 (since 2017)' },
    COLORECTAL_CANCER: { description: '结肠癌、直肠癌 (since 2017)' },
    END_STAGE_RENAL_DISEASE: { description: '终末期肾病 (since 2017)' },
    LUNG_CANCER: { description: '肺癌 (since 2018)' },
    BREAST_CANCER: { description: '乳腺癌 (since 2018)' },
    CERVICAL_CANCER: { description: '宫颈癌 (since 2018)' },
    SEVERE_MENTAL_ILLNESS: { description: '重性精神疾病 (since 2018)' },
    MDR_TUBERCULOSIS: { description: '耐多药肺结核 (since 2018)' },
    HAEMOPHILIA: { description: '血友病 (since 2018)' },
  },
});

registerEnumType(SpecialTreatmentStatus, {
  name: 'SeriousIllnessTreatmentStatus',
  description: 'Case status of a serious-illness special treatment.',
  valuesConfig: {
    DIAGNOSED: { description: '确诊待救治' },
    IN_TREATMENT: { description: '救治中' },
    TREATED: { description: '已救治' },
    DISCONTINUED: { description: '终止救治 (放弃、转出或死亡)' },
  },
});

registerEnumType(HospitalLevel, {
  name: 'HealthHospitalLevel',
  description: '医院级别 as reimbursement rules see it; in Chongqing, municipal hospitals count as provincial.',
  valuesConfig: {
    TOWNSHIP: { description: '乡镇卫生院' },
    COUNTY: { description: '县级医院' },
    CITY: { description: '市级医院' },
    PROVINCE: { description: '省级医院' },
  },
});
