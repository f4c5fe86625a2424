import { registerEnumType } from 'type-graphql';
import { RegionLevel } from '@saf/kit';
import {
  EducationLevel,
  HealthStatus,
  IdentificationStandard,
  LabourCapacity,
  MemberStatus,
  PovertyCause,
  PovertyStatus,
  ProcedureKind,
  Relation,
  SchoolingStatus,
  Sex,
  UnitLevel,
  WelfareCategory,
} from './codes';

/** Exposes the code lists as GraphQL enums, with the Chinese terms in the descriptions. */
registerEnumType(WelfareCategory, {
  name: 'WelfareCategory',
  description: '贫困户属性: the welfare category of a registered household.',
  valuesConfig: {
    GENERAL: { description: '一般贫困户' },
    DIBAO: { description: '低保贫困户' },
    DESTITUTE: { description: '特困供养贫困户' },
    DIBAO_DESTITUTE: { description: '低保特困供养贫困户' },
  },
});
registerEnumType(PovertyStatus, {
  name: 'PovertyStatus',
  description: '脱贫标志: the poverty status of a registered household.',
  valuesConfig: {
    NOT_EXITED: { description: '未脱贫' },
    EXITED_WITH_POLICY: { description: '已脱贫(享受政策)' },
    RETURNED_TO_POVERTY: { description: '返贫' },
    EXITED_NO_POLICY: { description: '已脱贫(不再享受政策)' },
  },
});
registerEnumType(PovertyCause, {
  name: 'PovertyCause',
  description: '致贫原因',
  valuesConfig: {
    ILLNESS: { description: '因病' },
    DISABILITY: { description: '因残' },
    SCHOOLING: { description: '因学' },
    DISASTER: { description: '因灾' },
    LACK_OF_LAND: { description: '缺土地' },
    LACK_OF_WATER: { description: '缺水' },
    LACK_OF_SKILLS: { description: '缺技术' },
    LACK_OF_LABOUR: { description: '缺劳力' },
    LACK_OF_CAPITAL: { description: '缺资金' },
    POOR_TRANSPORT: { description: '交通条件落后' },
    LACK_OF_DRIVE: { description: '自身发展动力不足' },
    OTHER: { description: '其它' },
  },
});
registerEnumType(IdentificationStandard, { name: 'IdentificationStandard', description: '识别标准: national, provincial or municipal line.' });
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(Relation, { name: 'Relation', description: '与户主关系: relation to the head of household.' });
registerEnumType(EducationLevel, { name: 'EducationLevel', description: '文化程度' });
registerEnumType(SchoolingStatus, { name: 'SchoolingStatus', description: '在校生状况' });
registerEnumType(HealthStatus, { name: 'HealthStatus', description: '健康状况' });
registerEnumType(LabourCapacity, { name: 'LabourCapacity', description: '劳动技能' });
registerEnumType(MemberStatus, { name: 'MemberStatus', description: 'Whether the person still belongs to the household.' });
registerEnumType(UnitLevel, { name: 'UnitLevel', description: 'Administrative level of a unit or actor.' });
registerEnumType(ProcedureKind, { name: 'ProcedureKind', description: 'Identification (识别) or exit (退出) procedure.' });
registerEnumType(RegionLevel, { name: 'RegionLevel', description: 'Level of a statistical division code.' });
