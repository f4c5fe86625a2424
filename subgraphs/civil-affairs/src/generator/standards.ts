import { DibaoCategory, SelfCareAbility } from '../codes';
import { dibaoLineFen } from '../reference/dibaoLines';
import { CARE_STANDARD, DESTITUTE_BASIC_FACTOR, stepValue } from './params';

/** 基本生活标准 of a year: 1.3 times the rural dibao line, in whole yuan (fen). */
export function destituteBasicFen(year: number): number {
  return Math.ceil((dibaoLineFen(DibaoCategory.RURAL, year) * DESTITUTE_BASIC_FACTOR) / 100) * 100;
}

/** 照料护理标准 of a year by self-care ability (fen per month). */
export function careFen(selfCare: SelfCareAbility, year: number): number {
  return stepValue(CARE_STANDARD[selfCare], year) * 100;
}
