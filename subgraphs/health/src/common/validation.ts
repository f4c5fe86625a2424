import { decodeCursor, ErrorCode, todayLocalDate, userError, validateDataYear } from '@saf/kit';

/**
 * Input rules that a scalar alone cannot check. Each throws BAD_USER_INPUT naming the offending
 * field, before anything is written.
 */

export const FIRST_DATA_DATE = '2013-01-01';

export function invalid(field: string, message: string): never {
  throw userError(ErrorCode.BAD_USER_INPUT, message, { field });
}

export function conflict(field: string, message: string): never {
  throw userError(ErrorCode.CONFLICT, message, { field });
}

/** A date that has happened: not in the future, not before the first data year. */
export function validatePastDate(date: string, field: string, earliest = FIRST_DATA_DATE): void {
  if (date > todayLocalDate()) invalid(field, `${field} cannot be in the future`);
  if (date < earliest) invalid(field, `${field} cannot be before ${earliest}`);
}

/** A year the platform holds data for (2013 to next year). */
export function validateYear(year: number, field: string): void {
  validateDataYear(year, field);
}

/** An amount in fen: not negative, at most `max`. */
export function validateAmount(fen: number, field: string, max: number): void {
  if (fen < 0) invalid(field, `${field} cannot be negative`);
  if (fen > max) invalid(field, `${field} is implausibly large (more than ${max / 100} yuan)`);
}

export function validateText(value: string, field: string, max: number): void {
  if (value.trim().length === 0 || value.length > max) invalid(field, `${field} must be 1 to ${max} characters`);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Keyset cursors over (household_id, id): region-prefix filters are ranges on household_id, so
 * pages walk the same index in order.
 */
export function householdKey(householdId: string, id: string | number): string {
  return `${householdId}|${id}`;
}

export function decodeHouseholdCursor(after: string): { householdId: string; id: string } {
  const key = decodeCursor(after);
  const bar = key.indexOf('|');
  if (bar !== 16 || !/^[0-9]{16}$/.test(key.slice(0, bar)) || key.length === bar + 1) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor: pass an endCursor from a previous page', { field: 'after' });
  }
  return { householdId: key.slice(0, bar), id: key.slice(bar + 1) };
}

/** A numeric-id cursor part, checked so that it never reaches SQL as anything but digits. */
export function numericCursorId(id: string): string {
  if (!/^[0-9]{1,18}$/.test(id)) throw userError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor: pass an endCursor from a previous page', { field: 'after' });
  return id;
}

/**
 * An exact ratio as a decimal string with `places` decimals, rounded half up, computed with
 * integers (never floating point): ratio(850, 10000) = "0.0850".
 */
export function exactRatio(numerator: number, denominator: number, places = 4): string | null {
  if (denominator <= 0) return null;
  const scale = 10n ** BigInt(places);
  const n = BigInt(Math.round(numerator));
  const d = BigInt(Math.round(denominator));
  const q = (2n * n * scale + d) / (2n * d);
  const whole = q / scale;
  return `${whole}.${String(q % scale).padStart(places, '0')}`;
}
