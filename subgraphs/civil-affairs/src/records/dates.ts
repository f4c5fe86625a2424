/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings, exact and time-zone free (UTC day numbers).
 */

import { day, formatDay as isoDay, parseDay as dayNumber } from '@saf/kit';

export { formatDay as isoDay, parseDay as dayNumber } from '@saf/kit';

export function ymd(year: number, month: number, dayOfMonth: number): string {
  return isoDay(day(year, month, dayOfMonth));
}

export function addDays(iso: string, days: number): string {
  return isoDay(dayNumber(iso) + days);
}

/** The same day n months later, clamped to the month's last day (2019-01-31 + 1 month = 2019-02-28). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return ymd(year, month + 1, Math.min(Number(iso.slice(8, 10)), last));
}

/** The last day of the month of a date. */
export function monthEnd(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return ymd(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
