/**
 * Calendar dates as integer day numbers (days since 1970-01-01, UTC), so that date arithmetic in the
 * generator is exact and time-zone free. Rows carry dates as 'YYYY-MM-DD' strings.
 */

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, dayOfMonth: number): number {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

export function formatDay(d: number): string {
  return new Date(d * MS_PER_DAY).toISOString().slice(0, 10);
}

export function parseDay(iso: string): number {
  return day(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function yearOfDay(d: number): number {
  return new Date(d * MS_PER_DAY).getUTCFullYear();
}

/** Whole years between a birth date and a date (the usual age rule). */
export function ageOn(birth: number, on: number): number {
  const b = new Date(birth * MS_PER_DAY);
  const o = new Date(on * MS_PER_DAY);
  let age = o.getUTCFullYear() - b.getUTCFullYear();
  if (o.getUTCMonth() < b.getUTCMonth() || (o.getUTCMonth() === b.getUTCMonth() && o.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** A timestamptz literal at a fixed local office hour in China Standard Time. */
export function timestampOn(d: number, hour = 10): string {
  return `${formatDay(d)} ${String(hour).padStart(2, '0')}:00:00+08`;
}
