import { PeriodKind } from '../codes';

/**
 * Payment periods as text: 'YYYY-MM' (month), 'YYYY-Qn' (quarter), 'YYYY-S1' (spring semester,
 * February to July) or 'YYYY-S2' (autumn semester, September to January), 'YYYY' (year).
 */
export interface Period {
  kind: PeriodKind;
  year: number;
  /** First and last day, 'YYYY-MM-DD'. */
  start: string;
  end: string;
}

const PATTERN = /^([0-9]{4})(?:-(0[1-9]|1[0-2])|-Q([1-4])|-S([12]))?$/;

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}
const pad = (n: number) => String(n).padStart(2, '0');

export function parsePeriod(text: string): Period | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return { kind: PeriodKind.MONTH, year, start: `${year}-${m[2]}-01`, end: lastDay(year, month) };
  }
  if (m[3]) {
    const q = Number(m[3]);
    return { kind: PeriodKind.QUARTER, year, start: `${year}-${pad(q * 3 - 2)}-01`, end: lastDay(year, q * 3) };
  }
  if (m[4]) {
    return m[4] === '1'
      ? { kind: PeriodKind.SEMESTER, year, start: `${year}-02-01`, end: `${year}-07-31` }
      : { kind: PeriodKind.SEMESTER, year, start: `${year}-09-01`, end: `${year + 1}-01-31` };
  }
  return { kind: PeriodKind.YEAR, year, start: `${year}-01-01`, end: `${year}-12-31` };
}

export function monthPeriod(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}
export function quarterPeriod(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}
export function semesterPeriod(year: number, semester: 1 | 2): string {
  return `${year}-S${semester}`;
}
