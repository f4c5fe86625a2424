import { ContributionRole, measure, Measure } from '@saf/kit';
import { EDUCATION_DUTY_AREA, StudentAidStatus } from '../codes';
import { HouseholdEducation } from './records';

export const EDUCATION_DEPARTMENT = 'EDUCATION';

/**
 * Education's part in the duty areas (duty matrix, item 5 and others): it leads EDUCATION and
 * supports EMPLOYMENT, HEALTH and SOCIAL_SAFETY_NET. Every education record belongs to EDUCATION
 * today (StudentAid.dutyArea is always EDUCATION), so the supporting areas get no measures; an aid
 * grant recorded for another area would show there, as SUPPORT.
 */
export const EDUCATION_ROLES: Readonly<Record<string, ContributionRole>> = {
  EDUCATION: ContributionRole.LEAD,
  EMPLOYMENT: ContributionRole.SUPPORT,
  HEALTH: ContributionRole.SUPPORT,
  SOCIAL_SAFETY_NET: ContributionRole.SUPPORT,
};

/** Measure programmes of the records that are not aid (aid uses its item code). */
export const HOME_TEACHING_PROGRAMME = 'HOME_TEACHING';
export const FOLLOW_UP_PROGRAMME = 'DROPOUT_FOLLOW_UP';

/** Calendar-year bounds: a measure belongs to year Y when it falls in Y. */
export const yearStart = (year: number) => `${year}-01-01`;
export const yearEnd = (year: number) => `${year}-12-31`;

/**
 * Education's measures for one household, area and calendar year:
 * - StudentAid granted (not revoked) for a semester of the year (Y-SPRING, Y-AUTUMN), with its
 *   amount: the same year finance pays it in (its payment period);
 * - HomeTeaching (送教上门) that ran during the year (school year Y-1 or Y);
 * - DropoutFollowUp (劝返) dated in the year.
 * Enrolments and dropout cases are states, not measures: they are the verdict's evidence.
 */
export function educationMeasures(area: string, year: number, r: HouseholdEducation): Measure[] {
  const role = EDUCATION_ROLES[area];
  if (!role) return [];
  const base = { department: EDUCATION_DEPARTMENT, role };
  const out: Measure[] = r.aid
    .filter((a) => a.status === StudentAidStatus.GRANTED && a.year === year && a.dutyArea === area)
    .map((a) => measure({ ...base, recordType: 'StudentAid', recordId: a.id, programme: a.item, year: a.year, date: a.grantedOn, amount: a.amount, personId: a.personId }));
  if (area === EDUCATION_DUTY_AREA) {
    for (const h of r.homeTeaching) {
      const ran = (h.schoolYear === year - 1 || h.schoolYear === year) && h.startedOn <= yearEnd(year) && (h.endedOn === null || h.endedOn >= yearStart(year));
      if (ran) out.push(measure({ ...base, recordType: 'HomeTeaching', recordId: h.id, programme: HOME_TEACHING_PROGRAMME, year: h.schoolYear, date: h.startedOn, personId: h.personId }));
    }
    const personOfCase = new Map(r.dropouts.map((d) => [d.id, d.personId]));
    for (const f of r.followUps) {
      if (f.followUpOn < yearStart(year) || f.followUpOn > yearEnd(year)) continue;
      out.push(measure({ ...base, recordType: 'DropoutFollowUp', recordId: String(f.id), programme: FOLLOW_UP_PROGRAMME, year, date: f.followUpOn, personId: personOfCase.get(f.caseId) ?? null }));
    }
  }
  return out.sort((a, b) => cmp(a.date ?? '', b.date ?? '') || cmp(a.recordType, b.recordType) || cmp(a.recordId, b.recordId));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
