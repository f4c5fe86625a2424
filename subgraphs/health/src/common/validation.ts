import { ErrorCode, Identity, seesPersonalData, todayLocalDate, userError } from '@saf/kit';

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

/**
 * Filtering by a diagnosis is reading it: the roles that see diagnoses masked (analyst,
 * dashboard, admin) may not select records by disease. FORBIDDEN naming the filter field.
 */
export function assertMayFilterByDiagnosis(identity: Identity, value: unknown, field: string): void {
  if (value == null || seesPersonalData(identity)) return;
  throw userError(ErrorCode.FORBIDDEN, `${field} selects records by diagnosis, which your role (${identity.role}) sees masked`, { field, reason: 'PERSONAL_DATA' });
}
