/** Calendar days as integers (days since 1970-01-01, UTC): exact, time-zone free date arithmetic. */

import { MS_PER_DAY } from '@saf/kit';

export { day, formatDay, parseDay, yearOfDay, timestampOn } from '@saf/kit';

/** The same calendar day a year later (28 Feb for 29 Feb). */
export function plusOneYear(d: number): number {
  const date = new Date(d * MS_PER_DAY);
  const y = date.getUTCFullYear() + 1;
  const m = date.getUTCMonth();
  const dd = Math.min(date.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  return Math.floor(Date.UTC(y, m, dd) / MS_PER_DAY);
}

