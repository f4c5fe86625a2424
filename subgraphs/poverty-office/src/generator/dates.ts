/**
 * Calendar dates as integer day numbers (days since 1970-01-01, UTC), so that date arithmetic in the
 * generator is exact and time-zone free. Rows carry dates as 'YYYY-MM-DD' strings.
 */

import { MS_PER_DAY } from '@saf/kit';

export { day, formatDay, parseDay, yearOfDay, timestampOn } from '@saf/kit';

/** Whole years between a birth date and a date (the usual age rule). */
export function ageOn(birth: number, on: number): number {
  const b = new Date(birth * MS_PER_DAY);
  const o = new Date(on * MS_PER_DAY);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

