/**
 * School years and semesters. School year Y (Y学年) runs from Y-09-01 to (Y+1)-08-31 and has two
 * semesters: the autumn semester Y-AUTUMN and the spring semester (Y+1)-SPRING. Aid is granted per
 * semester and counted in the calendar year of its semester.
 */

export type Term = 'SPRING' | 'AUTUMN';

export interface Semester {
  year: number;
  term: Term;
}

const SEMESTER = /^([0-9]{4})-(SPRING|AUTUMN)$/;

export function parseSemester(code: string): Semester | null {
  const m = SEMESTER.exec(code);
  return m ? { year: Number(m[1]), term: m[2] as Term } : null;
}

export function semesterCode(year: number, term: Term): string {
  return `${year}-${term}`;
}

/** A number that orders semesters in time: 2019-SPRING < 2019-AUTUMN < 2020-SPRING. */
export function semesterOrdinal(code: string): number {
  const s = parseSemester(code);
  if (!s) throw new RangeError(`not a semester code: ${code}`);
  return s.year * 2 + (s.term === 'AUTUMN' ? 1 : 0);
}

/** The school year a semester belongs to: 2019-AUTUMN and 2020-SPRING are school year 2019. */
export function schoolYearOfSemester(code: string): number {
  const s = parseSemester(code);
  if (!s) throw new RangeError(`not a semester code: ${code}`);
  return s.term === 'AUTUMN' ? s.year : s.year - 1;
}

export function semestersOfSchoolYear(year: number): [string, string] {
  return [semesterCode(year, 'AUTUMN'), semesterCode(year + 1, 'SPRING')];
}

/** First and last day of a school year. */
export function schoolYearStart(year: number): string {
  return `${year}-09-01`;
}

export function schoolYearEnd(year: number): string {
  return `${year + 1}-08-31`;
}

/** The school year a date falls in. */
export function schoolYearOfDate(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '09-01' ? year : year - 1;
}

/** Age in whole years on a date (birthday rule). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Age on the school-entry cut-off (31 August) at the start of school year Y. */
export function ageAtSchoolYear(birthDate: string, year: number): number {
  return ageOn(birthDate, `${year}-08-31`);
}
