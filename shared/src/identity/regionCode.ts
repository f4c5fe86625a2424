/**
 * 统计用区划代码: 12 digits, 2+2+2+3+3 (province, prefecture, county, township, village).
 * A level that is all zeros means "not this deep", and every level below it must be zero too.
 * reference/domain.md §2.2.
 */

export enum RegionLevel {
  PROVINCE = 1,
  PREFECTURE = 2,
  COUNTY = 3,
  TOWNSHIP = 4,
  VILLAGE = 5,
}

/** Length of the code prefix that identifies a region at each level. */
export const PREFIX_LENGTH: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };
const LEVEL_SPANS: Array<[number, number]> = [[0, 2], [2, 4], [4, 6], [6, 9], [9, 12]];

/** Province-level codes of GB/T 2260. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

export type RegionCodeProblem = 'SHAPE' | 'PROVINCE' | 'HIERARCHY';

export function regionCodeProblem(code: string): RegionCodeProblem | null {
  if (!/^[0-9]{12}$/.test(code)) return 'SHAPE';
  if (!PROVINCES.has(code.slice(0, 2))) return 'PROVINCE';
  let ended = false;
  for (const [from, to] of LEVEL_SPANS) {
    const zero = /^0+$/.test(code.slice(from, to));
    if (ended && !zero) return 'HIERARCHY';
    if (zero) ended = true;
  }
  return null;
}

export function isValidRegionCode(code: string): boolean {
  return regionCodeProblem(code) === null;
}

/** The level of a valid code: the deepest non-zero level. */
export function regionLevel(code: string): RegionLevel {
  for (let level = 5; level >= 1; level--) {
    const [from, to] = LEVEL_SPANS[level - 1];
    if (!/^0+$/.test(code.slice(from, to))) return level as RegionLevel;
  }
  return RegionLevel.PROVINCE;
}

/** The significant prefix of a code, e.g. '500154' for a county. */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[regionLevel(code)]);
}

export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === RegionLevel.PROVINCE) return null;
  return code.slice(0, PREFIX_LENGTH[(level - 1) as RegionLevel]).padEnd(12, '0');
}

/** A region prefix filter must be the significant prefix of some region: 2, 4, 6, 9 or 12 digits. */
export function isValidRegionPrefix(prefix: string): boolean {
  if (!/^[0-9]+$/.test(prefix) || ![2, 4, 6, 9, 12].includes(prefix.length)) return false;
  return isValidRegionCode(prefix.padEnd(12, '0')) && regionPrefix(prefix.padEnd(12, '0')) === prefix;
}

/** Exclusive upper bound for a prefix range scan: ':' sorts right after '9' in the C collation. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}:`;
}
