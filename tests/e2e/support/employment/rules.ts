import {
  activeMembers,
  ageOn,
  AreaVerdict,
  assessmentDate,
  contribution,
  ContributionRole,
  DepartmentContribution,
  DutyAreaCode,
  evidence,
  measure,
  needed,
  notNeeded,
  RegisterMember,
} from '@saf/kit';
import { EMPLOYING_MEASURES, EMPLOYMENT_DEPARTMENT, EMPLOYMENT_ROLES, WORKING_AGE } from './codes';
import { EmploymentMeasure } from './entities';

/**
 * The EMPLOYMENT area's rule (一户一人就业: at least one person employed in every household that has
 * labour), judged on the assessment date of the year:
 * - needed when an active member is of working age (16–59);
 * - met when an active member holds a job placement or a public-welfare post in force that day
 *   (training alone prepares a job but is not one).
 * Its measures are those in force at some time in the year.
 */

export interface YearWindow {
  from: string;
  /** The assessment date: 31 December, or today while the year runs. */
  on: string;
}

export const yearWindow = (year: number): YearWindow => ({ from: `${year}-01-01`, on: assessmentDate(year) });

const inForceDuring = (m: EmploymentMeasure, from: string, to: string) => m.startDate <= to && (m.endDate === null || m.endDate >= from);

export function employmentVerdict(records: readonly EmploymentMeasure[], members: readonly RegisterMember[], w: YearWindow): AreaVerdict {
  const active = activeMembers(members);
  const workingAge = active.filter((m) => {
    const age = ageOn(m.birthDate, w.on);
    return age >= WORKING_AGE.from && age <= WORKING_AGE.to;
  });
  if (workingAge.length === 0) return notNeeded(`No active member is of working age (${WORKING_AGE.from}–${WORKING_AGE.to}) on ${w.on}.`);
  const activeIds = new Set(active.map((m) => m.personId));
  const employed = records.filter((m) => EMPLOYING_MEASURES.has(m.measure) && activeIds.has(m.personId) && inForceDuring(m, w.on, w.on));
  const shownBy = employed.map((m) => evidence(EMPLOYMENT_DEPARTMENT, 'EmploymentMeasure', m.id, m.startDate, `${m.measure} of ${m.personId}`));
  const who = `${workingAge.length} member(s) of working age on ${w.on}`;
  return employed.length
    ? needed(true, `${who}; ${employed.map((m) => `${m.personId} has a ${m.measure}`).join(', ')}.`, shownBy)
    : needed(false, `${who}; nobody holds a job placement or a public-welfare post that day.`);
}

/** The department's contribution to one area of one household: its measures, and in EMPLOYMENT its verdict. */
export function employmentContribution(
  area: DutyAreaCode,
  year: number,
  records: readonly EmploymentMeasure[],
  members: readonly RegisterMember[],
): DepartmentContribution | null {
  const role = EMPLOYMENT_ROLES[area];
  if (!role) return null;
  const w = yearWindow(year);
  const measures = records
    .filter((m) => inForceDuring(m, w.from, w.on))
    .map((m) => measure({ department: EMPLOYMENT_DEPARTMENT, role, recordType: 'EmploymentMeasure', recordId: m.id, programme: m.measure, year, date: m.startDate, personId: m.personId }));
  return contribution(EMPLOYMENT_DEPARTMENT, role, measures, role === ContributionRole.LEAD ? employmentVerdict(records, members, w) : null);
}
