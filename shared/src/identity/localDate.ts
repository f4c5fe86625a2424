import { isCompactCalendarDate } from './residentId';

/** A calendar date without time zone, YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value) && isCompactCalendarDate(value.replace(/-/g, ''));
}

export function todayLocalDate(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
