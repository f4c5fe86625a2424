import { registerEnumType } from 'type-graphql';
import {
  CivilAffairsEndReason,
  DestituteSupportMode,
  DibaoCategory,
  DibaoClassification,
  DibaoRecheckResult,
  DisabilityAllowanceType,
  MedicalAssistanceType,
  SelfCareAbility,
  TemporaryAssistanceCause,
  TemporaryAssistanceProcedure,
  TemporaryAssistanceReason,
} from './codes';

/** The code lists as GraphQL enums, with the Chinese terms in the descriptions. */

registerEnumType(DibaoCategory, {
  name: 'DibaoCategory',
  description: '低保类别: urban or rural minimum living guarantee.',
  valuesConfig: { URBAN: { description: '城市低保' }, RURAL: { description: '农村低保' } },
});

registerEnumType(DibaoClassification, {
  name: 'DibaoClassification',
  description: '分类施保: the local class of a dibao household, which scales its top-up.',
  valuesConfig: {
    A: { description: 'A类 重点保障: no able-bodied member (elderly, seriously ill, severely disabled).' },
    B: { description: 'B类 一般保障: one able-bodied member.' },
    C: { description: 'C类: able-bodied members with irregular income; re-checked every 6 months.' },
  },
});

registerEnumType(DibaoRecheckResult, {
  name: 'DibaoRecheckResult',
  description: '复核结果: outcome of a periodic re-check (动态管理).',
  valuesConfig: {
    CONTINUE: { description: '继续享受: the amount stays.' },
    ADJUST: { description: '调整: a new monthly amount (and possibly covered persons).' },
    STOP: { description: '停保: the enrolment ends on the re-check date.' },
  },
});

registerEnumType(CivilAffairsEndReason, {
  name: 'CivilAffairsEndReason',
  description: 'Why a dibao enrolment, destitute support or disability allowance ended.',
  valuesConfig: {
    INCOME_ABOVE_LINE: { description: '家庭收入超过保障标准' },
    RECHECK_STOPPED: { description: '复核停保 (other findings of a re-check)' },
    MOVED_AWAY: { description: '迁出' },
    DECEASED: { description: '死亡' },
    TRANSFERRED: { description: '转入其他救助 (e.g. dibao to destitute support)' },
    NO_LONGER_ELIGIBLE: { description: '不再符合条件' },
    WITHDRAWN: { description: '本人申请退出' },
    ROSTER_CORRECTION: { description: '名单清理: 两线合一 correction, e.g. an entry whose household is not in the register' },
  },
});

registerEnumType(DestituteSupportMode, {
  name: 'DestituteSupportMode',
  description: '供养方式 of destitute support (特困人员供养).',
  valuesConfig: { INSTITUTIONAL: { description: '集中供养 in a support institution' }, AT_HOME: { description: '分散供养 at home' } },
});

registerEnumType(SelfCareAbility, {
  name: 'SelfCareAbility',
  description: '生活自理能力 of a destitute person; decides the care standard.',
  valuesConfig: { FULL: { description: '全自理' }, PART: { description: '半护理 (partly dependent)' }, NONE: { description: '全护理 (fully dependent)' } },
});

registerEnumType(TemporaryAssistanceCause, {
  name: 'TemporaryAssistanceCause',
  description: '临时救助 type.',
  valuesConfig: { EMERGENCY: { description: '急难型: sudden emergency' }, EXPENSE: { description: '支出型: unbearable essential expense' } },
});

registerEnumType(TemporaryAssistanceReason, {
  name: 'TemporaryAssistanceReason',
  description: 'What the temporary assistance responded to.',
  valuesConfig: {
    ILLNESS: { description: '重大疾病' },
    ACCIDENT: { description: '意外事故' },
    DISASTER: { description: '自然灾害' },
    FIRE: { description: '火灾' },
    EDUCATION_EXPENSE: { description: '教育支出' },
    BASIC_LIVING: { description: '基本生活暂时困难' },
    OTHER: { description: '其他' },
  },
});

registerEnumType(TemporaryAssistanceProcedure, {
  name: 'TemporaryAssistanceProcedure',
  description: 'The approval procedure of temporary assistance.',
  valuesConfig: { EMERGENCY: { description: '紧急程序: 先行救助, paperwork afterwards' }, NORMAL: { description: '一般程序: 申请、审核、审批' } },
});

registerEnumType(DisabilityAllowanceType, {
  name: 'DisabilityAllowanceType',
  description: '残疾人两项补贴.',
  valuesConfig: {
    LIVING_ALLOWANCE: { description: '困难残疾人生活补贴: disabled members of dibao households' },
    NURSING_SUBSIDY: { description: '重度残疾人护理补贴: disability grades 1 and 2' },
  },
});

registerEnumType(MedicalAssistanceType, {
  name: 'MedicalAssistanceType',
  description: '医疗救助 type.',
  valuesConfig: {
    PREMIUM_SUBSIDY: { description: '资助参保: pays the resident medical-insurance contribution' },
    TREATMENT: { description: '直接救助: pays part of the cost left after insurance' },
  },
});
