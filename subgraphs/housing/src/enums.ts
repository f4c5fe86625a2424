import { registerEnumType } from 'type-graphql';
import {
  AcceptanceResult,
  AppraisalMethod,
  DwellingRating,
  DwellingStructure,
  HousingSafetyBasis,
  HousingSafetyStatus,
  RenovationStatus,
  RenovationType,
  ResettlementMode,
} from './codes';

/** The housing code lists as GraphQL enums, with the Chinese terms in the descriptions. */
registerEnumType(DwellingRating, {
  name: 'DwellingRating',
  description: '房屋危险性鉴定等级 (农村危险房屋鉴定技术导则, 建村函〔2009〕69号).',
  valuesConfig: {
    A: { description: 'A级: 结构安全, no danger point.' },
    B: { description: 'B级: 个别构件危险, main structure unaffected.' },
    C: { description: 'C级: 局部危房, part of the load-bearing structure fails.' },
    D: { description: 'D级: 整幢危房, the whole building is dangerous.' },
  },
});
registerEnumType(AppraisalMethod, {
  name: 'DwellingAppraisalMethod',
  description: '鉴定方式: who appraised the dwelling.',
  valuesConfig: {
    COUNTY_HOUSING_BUREAU: { description: '县级住房城乡建设部门组织鉴定' },
    THIRD_PARTY: { description: '委托第三方专业机构鉴定' },
  },
});
registerEnumType(DwellingStructure, {
  name: 'DwellingStructure',
  description: '房屋结构类型',
  valuesConfig: {
    EARTH: { description: '土坯/夯土结构' },
    WOOD: { description: '木结构' },
    STONE: { description: '石结构' },
    BRICK_WOOD: { description: '砖木结构' },
    BRICK_CONCRETE: { description: '砖混结构' },
    FRAME: { description: '框架结构' },
    OTHER: { description: '其他结构' },
  },
});
registerEnumType(RenovationType, {
  name: 'RenovationType',
  description: '危房改造方式',
  valuesConfig: {
    REINFORCE: { description: '维修加固 (mostly C-rated houses)' },
    REBUILD: { description: '拆除重建 (mostly D-rated houses)' },
    OTHER: { description: '其他方式: 统建、置换、租赁' },
  },
});
registerEnumType(RenovationStatus, {
  name: 'RenovationStatus',
  description: 'Where a renovation project (危房改造项目) stands.',
  valuesConfig: {
    APPROVED: { description: '已批准: in the year\'s renovation plan, not started' },
    STARTED: { description: '已开工' },
    COMPLETED: { description: '已竣工, awaiting acceptance' },
    ACCEPTED: { description: '验收合格' },
    FAILED_ACCEPTANCE: { description: '验收不合格: being rectified (整改) for re-inspection' },
    MOVED_IN: { description: '已入住: accepted and the household has moved in' },
  },
});
registerEnumType(AcceptanceResult, {
  name: 'RenovationAcceptanceResult',
  description: '竣工验收结果',
  valuesConfig: { PASSED: { description: '合格' }, FAILED: { description: '不合格' } },
});
registerEnumType(ResettlementMode, {
  name: 'ResettlementMode',
  description: '易地扶贫搬迁安置方式',
  valuesConfig: {
    CENTRALISED: { description: '集中安置: a resettlement site built by the government' },
    DISPERSED: { description: '分散安置: bought or self-built housing, scattered placement' },
  },
});
registerEnumType(HousingSafetyStatus, {
  name: 'HousingSafetyStatus',
  description: '住房安全有保障: the housing predicate of the exit rule (两不愁三保障).',
  valuesConfig: {
    SAFE: { description: '住房安全有保障' },
    UNSAFE: { description: '住房不安全: a C/D dwelling without an accepted renovation' },
    NOT_APPRAISED: { description: '未鉴定: no appraisal on or before the date' },
  },
});
registerEnumType(HousingSafetyBasis, {
  name: 'HousingSafetyBasis',
  description: 'What the housing-safety verdict rests on.',
  valuesConfig: {
    RATED_SAFE: { description: 'The latest appraisal rates the dwelling A or B.' },
    RENOVATED: { description: 'C/D dwelling, renovation accepted (验收合格).' },
    RELOCATED: { description: 'The household moved into resettlement housing (易地扶贫搬迁).' },
    DANGEROUS: { description: 'C/D dwelling without an accepted renovation.' },
    NOT_APPRAISED: { description: 'No appraisal on or before the date.' },
  },
});
