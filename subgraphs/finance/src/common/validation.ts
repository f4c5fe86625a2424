import { ErrorCode, todayLocalDate, userError } from '@saf/kit';

/**
 * Input rules a scalar alone cannot check. Each throws BAD_USER_INPUT naming the offending field,
 * before anything is written.
 */

export const FIRST_DATA_DATE = '2013-01-01';
const BATCH_NO = /^[0-9A-Z-]{6,40}$/;
const LOAN_ID = /^[0-9A-Z-]{6,40}$/;

export function invalid(field: string, message: string): never {
  throw userError(ErrorCode.BAD_USER_INPUT, message, { field });
}

export function validatePastDate(date: string, field: string, earliest = FIRST_DATA_DATE): void {
  if (date > todayLocalDate()) invalid(field, `${field} cannot be in the future`);
  if (date < earliest) invalid(field, `${field} cannot be before ${earliest}`);
}

export function validateNotBefore(date: string, earliest: string, field: string, what: string): void {
  if (date < earliest) invalid(field, `${field} (${date}) cannot be before ${what} (${earliest})`);
}

export function validateAmount(fen: number, field: string, maxFen: number, allowZero = false): void {
  if (!Number.isSafeInteger(fen) || fen < 0 || (!allowZero && fen === 0)) invalid(field, `${field} must be ${allowZero ? 'zero or more' : 'more than zero'}`);
  if (fen > maxFen) invalid(field, `${field} cannot exceed ${(maxFen / 100).toFixed(2)} yuan`);
}

export function validateBatchNo(batchNo: string, field: string): void {
  if (!BATCH_NO.test(batchNo)) invalid(field, 'a batch number is 6 to 40 characters of digits, capital letters and dashes, e.g. 500154-DB-201903-01');
}

export function validateLoanId(id: string, field: string): void {
  if (!LOAN_ID.test(id)) invalid(field, 'a loan contract number is 6 to 40 characters of digits, capital letters and dashes');
}

export function validateText(text: string | null | undefined, field: string, max: number, required = false): void {
  if (text == null) {
    if (required) invalid(field, `${field} is required`);
    return;
  }
  if (text.trim().length === 0 || text.length > max) invalid(field, `${field} must be 1 to ${max} characters`);
}

/** Whole years between a birth date and a date (the usual age rule). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Adds months to a date, clamping to the month's last day (loan maturities). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Maps a unique violation to CONFLICT; anything else is rethrown. */
export function conflictOnDuplicate(error: unknown, message: string, field: string): never {
  const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  if (code === '23505') throw userError(ErrorCode.CONFLICT, message, { field });
  throw error;
}
