import { Rng } from '@saf/poverty-office';
import { EducationStage, SchoolLocation } from '../codes';

/**
 * Schools of the synthetic county (开州区): village primary schools (村小) and pre-schools, a central
 * primary school (中心小学) and a junior secondary school per township, the county's senior and
 * vocational schools, and universities and higher vocational colleges in and outside Chongqing.
 * Names are illustrative.
 */

export interface School {
  name: string;
  location: SchoolLocation;
}

const county = (name: string): School => ({ name, location: SchoolLocation.IN_COUNTY });
const province = (name: string): School => ({ name, location: SchoolLocation.IN_PROVINCE });
const outside = (name: string): School => ({ name, location: SchoolLocation.OUT_OF_PROVINCE });

export const SENIOR_SCHOOLS: readonly School[] = ['重庆市开州中学', '重庆市开州区实验中学', '重庆市开州区临江中学', '重庆市开州区铁桥中学', '重庆市开州区中和中学'].map(county);
export const VOCATIONAL_SCHOOLS: readonly School[] = [county('重庆市开州区职业教育中心'), county('重庆市开州区职业教育中心'), county('重庆市开州区职业教育中心'), province('重庆市万州职业教育中心')];
export const UNIVERSITIES: readonly School[] = [
  province('重庆三峡学院'), province('重庆师范大学'), province('重庆工商大学'), province('重庆交通大学'), province('长江师范学院'),
  province('重庆三峡学院'), province('重庆师范大学'),
  outside('四川大学'), outside('西南交通大学'), outside('湖北工业大学'), outside('成都理工大学'),
];
export const VOCATIONAL_COLLEGES: readonly School[] = [
  province('重庆三峡职业学院'), province('重庆工程职业技术学院'), province('重庆电子工程职业学院'), province('重庆城市管理职业学院'),
  province('重庆三峡职业学院'), province('重庆三峡职业学院'), outside('四川交通职业技术学院'), outside('成都航空职业技术学院'),
];

export function preSchool(rng: Rng, townName: string, villageName: string): School {
  return county(rng.bool(0.45) ? `${villageName}幼儿园` : `${townName}中心幼儿园`);
}

export function primarySchool(grade: number, villageSchool: boolean, townName: string, villageName: string): School {
  return county(villageSchool && grade <= 3 ? `${villageName}小学` : `${townName}中心小学`);
}

export function juniorSchool(townName: string): School {
  return county(`${townName}中学`);
}

/** Classes per grade, for class names (1班, 2班…). */
export const CLASSES_PER_GRADE: Record<EducationStage, number> = {
  [EducationStage.PRE_SCHOOL]: 2,
  [EducationStage.PRIMARY]: 3,
  [EducationStage.JUNIOR_SECONDARY]: 6,
  [EducationStage.SENIOR_SECONDARY]: 18,
  [EducationStage.SECONDARY_VOCATIONAL]: 12,
  [EducationStage.HIGHER_EDUCATION]: 6,
};

/** A few surnames for teachers and cadres on the education records. */
export const STAFF_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '谭', '向', '冉', '邓', '唐', '熊', '周', '黄', '彭'];
