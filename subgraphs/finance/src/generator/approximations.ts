import { HouseholdBundle, LabourCapacity, MemberStatus, WelfareCategory } from '@saf/poverty-office';
import type { GeneratedPerson } from '@saf/poverty-office';
import { FinanceDutyArea, FundedDepartment, Payee, Programme } from '../codes';
import { quarterPeriod } from '../common/periods';
import { ageOnDay, day, parseDay, yearOf } from './dates';
import { batchDay, Entitlement, householdRng, STREAM } from './entitlements';
import * as P from './params';

/**
 * Register-based approximations for the programmes whose lead department has no subgraph (industry:
 * agriculture; ecological compensation: forestry; employment: human resources): they read the
 * register household only (members' ages, labour, migrant work, town) and say what finance would
 * pay. The other programmes follow the departments' own generators (sources.ts).
 */

const yuan = (n: number) => Math.round(n * 100);
export const HORIZON = day(P.LAST_DATA_YEAR, 12, 31);
const FIRST_DAY = day(P.FIRST_DATA_YEAR, 1, 1);

export interface HouseholdFacts {
  bundle: HouseholdBundle;
  id: string;
  members: GeneratedPerson[];
  category: WelfareCategory;
  identificationDay: number;
  exitDay: number | null;
  /** First day the household's payments can start: its identification, not before 2014. */
  startDay: number;
  dibaoCategory: boolean;
  destituteCategory: boolean;
}

export function factsOf(bundle: HouseholdBundle): HouseholdFacts {
  const category = bundle.household.welfareCategory;
  const identificationDay = parseDay(bundle.identificationDate);
  return {
    bundle,
    id: bundle.household.id,
    members: bundle.members.filter((m) => m.memberStatus === MemberStatus.ACTIVE),
    category,
    identificationDay,
    exitDay: bundle.exitDate ? parseDay(bundle.exitDate) : null,
    startDay: Math.max(FIRST_DAY, identificationDay),
    dibaoCategory: category === WelfareCategory.DIBAO || category === WelfareCategory.DIBAO_DESTITUTE,
    destituteCategory: category === WelfareCategory.DESTITUTE || category === WelfareCategory.DIBAO_DESTITUTE,
  };
}

export const able = (p: GeneratedPerson) => p.labourCapacity === LabourCapacity.ORDINARY || p.labourCapacity === LabourCapacity.SKILLED;

// ---------------------------------------------------------------------------------------------
// Industry, ecological compensation, employment (leads without a subgraph)

export function industryEntitlements(f: HouseholdFacts, seed: number, borrower: boolean): Entitlement[] {
  const rng = householdRng(seed, f.id, STREAM.INDUSTRY);
  if (!f.members.some(able) || !rng.bool(borrower ? 0.7 : P.INDUSTRY_SUBSIDY_SHARE)) return [];
  const viaPovertyOffice = rng.bool(0.3);
  const out: Entitlement[] = [];
  for (let y = Math.max(2016, yearOf(f.startDay)); y <= P.LAST_DATA_YEAR; y++) {
    if (!rng.bool(0.5)) continue;
    out.push({
      programme: Programme.INDUSTRY_SUBSIDY,
      dutyArea: FinanceDutyArea.INDUSTRY,
      department: viaPovertyOffice ? FundedDepartment.POVERTY_OFFICE : FundedDepartment.AGRICULTURE,
      personId: null,
      payee: Payee.HOUSEHOLD,
      period: String(y),
      amountFen: yuan(rng.int(P.INDUSTRY_SUBSIDY_YUAN[0] / 100, P.INDUSTRY_SUBSIDY_YUAN[1] / 100) * 100),
      due: Math.max(f.startDay + 30, day(y, 6, 1) + rng.int(0, 160)),
      sourceRecordId: null,
      recurring: false,
      origin: 'register',
    });
  }
  return out;
}

export function ecologicalEntitlements(f: HouseholdFacts, seed: number): Entitlement[] {
  if (!f.bundle.town.mountainous) return [];
  const rng = householdRng(seed, f.id, STREAM.ECOLOGY);
  const out: Entitlement[] = [];
  const ranger = f.members.find((m) => able(m) && m.age >= 21 && m.age <= 63 && m.migrantWorkMonths === 0);
  if (ranger && rng.bool(P.FOREST_RANGER_SHARE * 2)) {
    const from = Math.max(f.startDay, day(2017, 1, 1));
    for (let y = yearOf(from); y <= P.LAST_DATA_YEAR; y++) {
      for (let q = 1; q <= 4; q++) {
        if (day(y, q * 3, 1) < from) continue;
        const due = q === 4 ? batchDay(seed, Programme.ECOLOGICAL_COMPENSATION, y, 12, 20, 28) : batchDay(seed, Programme.ECOLOGICAL_COMPENSATION, y, q * 3 + 1, 5, 15);
        out.push({ programme: Programme.ECOLOGICAL_COMPENSATION, personId: ranger.id, payee: Payee.PERSON, period: quarterPeriod(y, q), amountFen: yuan(P.FOREST_RANGER_QUARTER_YUAN), due, sourceRecordId: null, recurring: true, origin: 'register' });
      }
    }
  }
  if (rng.bool(P.GRAIN_FOR_GREEN_SHARE)) {
    const mu = rng.int(1, 5);
    for (let y = Math.max(2016, yearOf(f.startDay)); y <= P.LAST_DATA_YEAR; y++) {
      out.push({
        programme: Programme.ECOLOGICAL_COMPENSATION, personId: null, payee: Payee.HOUSEHOLD, period: String(y), amountFen: yuan(mu * 300),
        due: batchDay(seed, Programme.ECOLOGICAL_COMPENSATION, y, 11, 10, 30), sourceRecordId: null, recurring: true, origin: 'register',
      });
    }
  }
  return out;
}

export function employmentEntitlements(f: HouseholdFacts, seed: number): Entitlement[] {
  const rng = householdRng(seed, f.id, STREAM.EMPLOYMENT);
  const out: Entitlement[] = [];
  for (const person of f.members.filter((m) => m.migrantWorkMonths >= 3)) {
    for (let y = Math.max(2017, yearOf(f.startDay)); y <= P.LAST_DATA_YEAR; y++) {
      const age = ageOnDay(person.birthDate, day(y, 7, 1));
      if (age < 18 || age > 55 || !rng.bool(P.MIGRANT_TRANSPORT_SHARE)) continue;
      out.push({
        programme: Programme.EMPLOYMENT_SUBSIDY, personId: person.id, payee: Payee.PERSON, period: String(y), amountFen: yuan(rng.pick([200, 300, 500])),
        due: batchDay(seed, Programme.EMPLOYMENT_SUBSIDY, y, 12, 1, 20), sourceRecordId: null, recurring: false, origin: 'register',
      });
    }
  }
  return out;
}
