import { hash32, Rng } from '@saf/poverty-office';
import { HospitalLevel, SeriousIllness } from '../codes';
import { day } from './dates';

/** Hospitals and doctors of the synthetic county (开州区, named 开县 until mid-2016). */

const RENAMED = day(2016, 7, 1);
const countyName = (d: number) => (d < RENAMED ? '开县' : '开州区');

export interface Hospital {
  name: string;
  level: HospitalLevel;
}

export function countyHospital(d: number, kind: 'general' | 'tcm' | 'maternal' | 'mental' = 'general'): Hospital {
  const suffix = { general: '人民医院', tcm: '中医院', maternal: '妇幼保健院', mental: '精神卫生中心' }[kind];
  return { name: `${countyName(d)}${suffix}`, level: HospitalLevel.COUNTY };
}

export function townshipHospital(townName: string): Hospital {
  return { name: `${townName}卫生院`, level: HospitalLevel.TOWNSHIP };
}

const CITY_HOSPITALS: Hospital[] = [
  { name: '重庆三峡中心医院', level: HospitalLevel.CITY },
  { name: '重庆大学附属三峡医院', level: HospitalLevel.CITY },
];
const PROVINCE_HOSPITALS: Hospital[] = [
  { name: '重庆医科大学附属第一医院', level: HospitalLevel.PROVINCE },
  { name: '重庆医科大学附属第二医院', level: HospitalLevel.PROVINCE },
  { name: '陆军军医大学第一附属医院', level: HospitalLevel.PROVINCE },
];
export const CHILDREN_HOSPITAL: Hospital = { name: '重庆医科大学附属儿童医院', level: HospitalLevel.PROVINCE };
export const CANCER_HOSPITAL: Hospital = { name: '重庆大学附属肿瘤医院', level: HospitalLevel.PROVINCE };
const PUBLIC_HEALTH_CENTRE: Hospital = { name: '重庆市公共卫生医疗救治中心', level: HospitalLevel.PROVINCE };

/** A hospital of a level for an admission on day d. */
export function hospitalAt(rng: Rng, level: HospitalLevel, d: number, townName: string, child: boolean): Hospital {
  switch (level) {
    case HospitalLevel.TOWNSHIP:
      return townshipHospital(townName);
    case HospitalLevel.COUNTY:
      return child && rng.bool(0.5) ? countyHospital(d, 'maternal') : countyHospital(d, rng.bool(0.75) ? 'general' : 'tcm');
    case HospitalLevel.CITY:
      return rng.pick(CITY_HOSPITALS);
    case HospitalLevel.PROVINCE:
      return child ? CHILDREN_HOSPITAL : rng.pick(PROVINCE_HOSPITALS);
  }
}

/** The designated hospital (定点医院) for a special-treatment disease. */
export function designatedHospital(rng: Rng, disease: SeriousIllness, d: number): Hospital {
  switch (disease) {
    case SeriousIllness.CHILD_CONGENITAL_HEART_DISEASE:
    case SeriousIllness.CHILD_LEUKAEMIA:
      return CHILDREN_HOSPITAL;
    case SeriousIllness.END_STAGE_RENAL_DISEASE:
      return countyHospital(d);
    case SeriousIllness.SEVERE_MENTAL_ILLNESS:
      return countyHospital(d, 'mental');
    case SeriousIllness.MDR_TUBERCULOSIS:
      return PUBLIC_HEALTH_CENTRE;
    case SeriousIllness.HAEMOPHILIA:
      return PROVINCE_HOSPITALS[0];
    default: {
      const u = rng.float();
      return u < 0.45 ? CANCER_HOSPITAL : u < 0.8 ? CITY_HOSPITALS[0] : countyHospital(d);
    }
  }
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '何', '郭', '罗', '谭', '冉', '向', '邓', '曾', '彭'];
const GIVEN = ['建', '国', '明', '华', '平', '红', '英', '军', '勇', '芳', '丽', '强', '伟', '敏', '静', '涛', '燕', '林', '波', '霞', '成', '德', '春', '秀'];

function doctorName(key: number): string {
  const rng = new Rng(hash32(0xd0c, key), hash32(key, 7), hash32(key, 11), 3);
  const given = rng.bool(0.7) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** One of the family doctors of a township health centre (three teams per centre). */
export function townshipDoctor(townCode: string, team: number): string {
  return doctorName(hash32(Number(townCode.slice(0, 9)), team));
}

/** The village doctor (乡村医生) of a village clinic. */
export function villageDoctorName(villageCode: string): string {
  return doctorName(hash32(Number(villageCode), 0x11));
}
