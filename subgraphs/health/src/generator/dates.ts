/** Calendar days as integers (days since 1970-01-01, UTC): exact, time-zone free date arithmetic. */

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

/** The same calendar day a year later (28 Feb for 29 Feb). */
export function plusOneYear(d: number): number {
  const date = new Date(d * MS_PER_DAY);
  const y = date.getUTCFullYear() + 1;
  const m = date.getUTCMonth();
  const dd = Math.min(date.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  return Math.floor(Date.UTC(y, m, dd) / MS_PER_DAY);
}

/** A timestamptz literal at an office hour in China Standard Time. */
export function timestampOn(d: number, hour = 10): string {
  return `${formatDay(d)} ${String(hour).padStart(2, '0')}:00:00+08`;
}
