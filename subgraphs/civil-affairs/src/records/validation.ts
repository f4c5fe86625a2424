import { ErrorCode, todayLocalDate, userError } from '@saf/kit';

/**
 * Input rules a scalar alone cannot check. Each throws an error naming the offending field before
 * anything is written: BAD_USER_INPUT for rules, INVALID_MONEY for negative amounts.
 */

/** The first year civil-affairs records are kept for (the register starts in 2013/2014). */
export const FIRST_RECORD_DATE = '2013-01-01';
/** 残疾人两项补贴 exist from 2016 (国发〔2015〕52号). */
export const DISABILITY_ALLOWANCES_FROM = '2016-01-01';

const CERTIFICATE = /^[0-9A-Z-]{6,40}$/;
const REFERENCE = /^[0-9A-Za-z:_-]{4,64}$/;

export function invalid(field: string, message: string): never {
  throw userError(ErrorCode.BAD_USER_INPUT, message, { field });
}

export function conflict(field: string, message: string): never {
  throw userError(ErrorCode.CONFLICT, message, { field });
}

export function validatePastDate(date: string, field: string, earliest = FIRST_RECORD_DATE): void {
  if (date > todayLocalDate()) invalid(field, `${field} cannot be in the future`);
  if (date < earliest) invalid(field, `${field} cannot be before ${earliest}`);
}

/** `later` on or after `earlier`. */
export function validateOrder(earlier: string, later: string, field: string, what: string): void {
  if (later < earlier) invalid(field, `${field} cannot be before ${what} (${earlier})`);
}

/** An amount in fen: not negative (INVALID_MONEY), within a plausible cap (BAD_USER_INPUT). */
export function validateAmount(fen: number, field: string, capYuan: number, options: { positive?: boolean } = {}): void {
  if (fen < 0) throw userError(ErrorCode.INVALID_MONEY, `${field} cannot be negative`, { field });
  if (options.positive && fen === 0) invalid(field, `${field} must be more than 0`);
  if (fen > capYuan * 100) invalid(field, `${field} cannot exceed ${capYuan} yuan`);
}

export function validateCertificate(value: string, field: string): void {
  if (!CERTIFICATE.test(value)) invalid(field, `${field} must be 6 to 40 characters of digits, capital letters and dashes`);
}

/** Another department's record ID (settlement number, enrolment ID). */
export function validateReference(value: string, field: string): void {
  if (!REFERENCE.test(value)) invalid(field, `${field} must be 4 to 64 letters, digits, dashes, colons or underscores`);
}

export function validateText(value: string, field: string, max: number): void {
  if (value.trim().length === 0 || value.length > max) invalid(field, `${field} must be 1 to ${max} characters`);
}

export function validateDistinct(values: readonly string[], field: string, min: number, max: number): void {
  if (values.length < min || values.length > max) invalid(field, `${field} must list ${min} to ${max} entries`);
  const duplicate = values.find((v, i) => values.indexOf(v) !== i);
  if (duplicate) invalid(field, `${duplicate} appears twice in ${field}`);
}

