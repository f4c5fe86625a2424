/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male) and an ISO 7064 MOD 11-2 check character. reference/domain.md §2.1.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^[0-9]{17}[0-9X]$/;

export function residentIdCheckChar(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type ResidentIdProblem = 'SHAPE' | 'BIRTH_DATE' | 'CHECKSUM';

/** Returns why a number is not a valid resident ID, or null when it is valid. */
export function residentIdProblem(value: string): ResidentIdProblem | null {
  if (!SHAPE.test(value)) return 'SHAPE';
  if (!isCalendarDate(value.slice(6, 14))) return 'BIRTH_DATE';
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return 'CHECKSUM';
  return null;
}

export function isValidResidentId(value: string): boolean {
  return residentIdProblem(value) === null;
}

/** Birth date encoded in a valid resident ID, as YYYY-MM-DD. */
export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export function residentIdSex(id: string): 'MALE' | 'FEMALE' {
  return (id.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/** Builds a valid ID from its parts (used by the synthetic data generator and tests). */
export function makeResidentId(addressCode6: string, birthDate: string, sequence3: number, sex: 'MALE' | 'FEMALE'): string {
  const seq = sequence3 - (sequence3 % 2) + (sex === 'MALE' ? 1 : 0);
  const body = `${addressCode6}${birthDate.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** Shows only the address prefix and the last four characters, e.g. 3607**********1234. */
export function maskResidentId(id: string): string {
  return id.length < 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

function isCalendarDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
export { isCalendarDate as isCompactCalendarDate };
