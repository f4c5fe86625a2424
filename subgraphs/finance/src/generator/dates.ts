/** Calendar dates as integer day numbers (days since 1970-01-01, UTC): exact and time-zone free. */

import { day, formatDay, MS_PER_DAY } from '@saf/kit';

export { day, formatDay, parseDay, yearOfDay as yearOf, monthOfDay as monthOf } from '@saf/kit';

export function addMonthsDay(d: number, months: number): number {
  const date = new Date(d * MS_PER_DAY);
  const m = date.getUTCMonth() + months;
  const y = date.getUTCFullYear() + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return day(y, month + 1, Math.min(date.getUTCDate(), last));
}

/** Whole years between a birth date and a day. */
export function ageOnDay(birthDate: string, d: number): number {
  const on = formatDay(d);
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** 'YYYYMM' of a day, for batch numbers. */
export function yyyymm(d: number): string {
  return formatDay(d).slice(0, 7).replace('-', '');
}
