import { evidence, formatFen, Predicate, predicate, PredicateStatus } from '@saf/kit';
import { PovertyLine } from '../reference/entities';
import { HouseholdIncome, HouseholdVisit } from '../register/entities';
import { POVERTY_OFFICE } from './identification';

/**
 * The poverty office's three exit predicates (reference/domain.md §3.1 rows 1–3 and 7), taken on
 * assessmentDate(year). A household with no active member (everyone left or died: the household
 * is dissolved) has nobody to assess: every predicate is NOT_APPLICABLE.
 *
 * The aggregate povertyOfficeExitFailures applies the same rules in SQL (aggregates.ts): change
 * both together.
 */

export const INCOME = 'INCOME';
export const FOOD_AND_CLOTHING = 'FOOD_AND_CLOTHING';
export const DRINKING_WATER = 'DRINKING_WATER';

const DISSOLVED = 'the household has no active member (dissolved): nobody to assess';

/**
 * INCOME: that year's net income per person strictly above that year's national line. The
 * figures (an exact income is personal data) are given only to callers who may see it.
 */
export function incomePredicate(
  householdId: string,
  year: number,
  activeMembers: number,
  income: HouseholdIncome | null,
  line: PovertyLine | null,
  showFigures = true,
): Predicate {
  if (activeMembers === 0) return predicate(INCOME, POVERTY_OFFICE, PredicateStatus.NOT_APPLICABLE, DISSOLVED);
  if (!income) return predicate(INCOME, POVERTY_OFFICE, PredicateStatus.NOT_MET, `no income record for ${year}`);
  const shownBy = [
    evidence(POVERTY_OFFICE, 'HouseholdIncome', `${householdId}/${year}`, recordedDate(income), showFigures ? `net income ${formatFen(income.netIncomePerCapita)} yuan per person in ${year}` : `net income per person in ${year}`),
  ];
  if (!line) return predicate(INCOME, POVERTY_OFFICE, PredicateStatus.NOT_MET, `no poverty line recorded for ${year}: the income cannot be compared`, shownBy);
  const figures = showFigures
    ? `${formatFen(income.netIncomePerCapita)} yuan per person against the ${year} line of ${formatFen(line.amount)} yuan`
    : `net income per person against the ${year} line of ${formatFen(line.amount)} yuan (figure withheld for your role)`;
  return income.netIncomePerCapita > line.amount
    ? predicate(INCOME, POVERTY_OFFICE, PredicateStatus.MET, `income above the line: ${figures}`, shownBy)
    : predicate(INCOME, POVERTY_OFFICE, PredicateStatus.NOT_MET, `income at or below the line: ${figures}`, shownBy);
}

/** The visit that counts for a year: the latest in that year on or before the assessment date. */
export function visitOfYear(visits: readonly HouseholdVisit[], year: number, on: string): HouseholdVisit | null {
  const from = `${year}-01-01`;
  let latest: HouseholdVisit | null = null;
  // Visits come oldest first (date, then ID), so the last match is the latest.
  for (const v of visits) if (v.visitDate >= from && v.visitDate <= on) latest = v;
  return latest;
}

/** FOOD_AND_CLOTHING (不愁吃、不愁穿): the counting visit found both food and clothing secure. */
export function foodAndClothingPredicate(year: number, on: string, activeMembers: number, visit: HouseholdVisit | null): Predicate {
  if (activeMembers === 0) return predicate(FOOD_AND_CLOTHING, POVERTY_OFFICE, PredicateStatus.NOT_APPLICABLE, DISSOLVED);
  if (!visit) return predicate(FOOD_AND_CLOTHING, POVERTY_OFFICE, PredicateStatus.NOT_MET, noVisit(year, on));
  const lacking = [visit.foodSecure ? null : 'food', visit.clothingSecure ? null : 'clothing'].filter(Boolean);
  const shownBy = [visitEvidence(visit, `food ${visit.foodSecure ? 'secure' : 'not secure'}, clothing ${visit.clothingSecure ? 'secure' : 'not secure'}`)];
  return lacking.length === 0
    ? predicate(FOOD_AND_CLOTHING, POVERTY_OFFICE, PredicateStatus.MET, `food and clothing secure at the visit of ${visit.visitDate}`, shownBy)
    : predicate(FOOD_AND_CLOTHING, POVERTY_OFFICE, PredicateStatus.NOT_MET, `${lacking.join(' and ')} not secure at the visit of ${visit.visitDate}`, shownBy);
}

/** DRINKING_WATER (饮水安全): the counting visit found the drinking water safe. */
export function drinkingWaterPredicate(year: number, on: string, activeMembers: number, visit: HouseholdVisit | null): Predicate {
  if (activeMembers === 0) return predicate(DRINKING_WATER, POVERTY_OFFICE, PredicateStatus.NOT_APPLICABLE, DISSOLVED);
  if (!visit) return predicate(DRINKING_WATER, POVERTY_OFFICE, PredicateStatus.NOT_MET, noVisit(year, on));
  const shownBy = [visitEvidence(visit, `drinking water ${visit.drinkingWaterSafe ? 'safe' : 'not safe'}`)];
  return visit.drinkingWaterSafe
    ? predicate(DRINKING_WATER, POVERTY_OFFICE, PredicateStatus.MET, `drinking water safe at the visit of ${visit.visitDate}`, shownBy)
    : predicate(DRINKING_WATER, POVERTY_OFFICE, PredicateStatus.NOT_MET, `drinking water not safe at the visit of ${visit.visitDate}`, shownBy);
}

function noVisit(year: number, on: string): string {
  return `no household visit between ${year}-01-01 and ${on}`;
}

function visitEvidence(visit: HouseholdVisit, note: string) {
  return evidence(POVERTY_OFFICE, 'HouseholdVisit', String(visit.id), visit.visitDate, note);
}

function recordedDate(income: HouseholdIncome): string | null {
  return income.recordedAt ? new Date(income.recordedAt).toISOString().slice(0, 10) : null;
}
