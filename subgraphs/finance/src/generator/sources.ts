import { HouseholdBundle } from '@saf/poverty-office';
import { civilAffairsRecordsFor } from '@saf/civil-affairs';
import type { CivilAffairsPayable } from '@saf/civil-affairs';
import { educationRecordsFor, StudentAidItem, StudentAidSponsor, StudentAidStatus } from '@saf/education';
import { healthRecordsFor, InsuranceScheme, SubsidisingDepartment } from '@saf/health';
import { housingRecordsFor, subsidiesPayable } from '@saf/housing';
import { FinanceDutyArea, FundedDepartment, Payee, Programme } from '../codes';
import { monthPeriod } from '../common/periods';
import * as approx from './approximations';
import { HouseholdFacts } from './approximations';
import { parseDay } from './dates';
import { Entitlement, householdRng, STREAM } from './entitlements';

/**
 * What finance pays for, per household: the entitlements that follow the other departments'
 * records (their generators' pure per-household functions), plus register-based approximations for
 * the areas whose lead department has no subgraph. Every mapping from another department's codes to
 * finance's is a table below (data, not ifs).
 */

type Mapping = { programme: Programme; dutyArea?: FinanceDutyArea; department?: FundedDepartment };

// ---------------------------------------------------------------------------------------------
// Civil affairs: its `payables` (payment orders) for dibao, destitute support, disability
// allowances, temporary assistance and medical assistance.

export const CIVIL_AFFAIRS_PROGRAMMES: Readonly<Record<CivilAffairsPayable['programme'], Mapping & { yearly?: boolean }>> = {
  DIBAO: { programme: Programme.DIBAO_ALLOWANCE },
  DESTITUTE_SUPPORT: { programme: Programme.DESTITUTE_SUPPORT },
  DISABILITY_LIVING_ALLOWANCE: { programme: Programme.DISABILITY_ALLOWANCE },
  DISABILITY_NURSING_SUBSIDY: { programme: Programme.DISABILITY_CARE_SUBSIDY },
  TEMPORARY_ASSISTANCE: { programme: Programme.TEMPORARY_ASSISTANCE },
  MEDICAL_ASSISTANCE_PREMIUM: { programme: Programme.INSURANCE_PREMIUM_SUBSIDY, dutyArea: FinanceDutyArea.HEALTH, department: FundedDepartment.CIVIL_AFFAIRS, yearly: true },
  MEDICAL_ASSISTANCE_TREATMENT: { programme: Programme.MEDICAL_ASSISTANCE },
};
export const CIVIL_AFFAIRS_PAYEES: Readonly<Record<CivilAffairsPayable['payee'], Payee>> = {
  HOUSEHOLD: Payee.HOUSEHOLD,
  PERSON: Payee.PERSON,
  INSTITUTION: Payee.INSTITUTION,
  INSURANCE_FUND: Payee.INSURANCE_FUND,
  HOSPITAL: Payee.HOSPITAL,
};
/** Days between approval and payment of one-off grants paid to the household. */
const ONE_OFF_DELAY: Partial<Record<CivilAffairsPayable['programme'], [number, number]>> = { TEMPORARY_ASSISTANCE: [3, 20] };

export function civilAffairsEntitlements(f: HouseholdFacts, seed: number): Entitlement[] {
  const rng = householdRng(seed, f.id, STREAM.ADAPTERS, 1);
  const members = new Set(f.bundle.members.map((m) => m.id));
  const out: Entitlement[] = [];
  for (const p of civilAffairsRecordsFor(f.bundle, seed).payables) {
    // A covered person the register does not list (a 两线合一 mismatch) cannot be paid through finance's records.
    if (p.personId !== null && !members.has(p.personId)) continue;
    const map = CIVIL_AFFAIRS_PROGRAMMES[p.programme];
    const delay = ONE_OFF_DELAY[p.programme];
    const due = parseDay(p.dueDate) + (delay ? rng.int(delay[0], delay[1]) : 0);
    out.push({
      programme: map.programme,
      dutyArea: map.dutyArea,
      department: map.department,
      personId: p.personId,
      payee: CIVIL_AFFAIRS_PAYEES[p.payee],
      period: map.yearly ? p.dueDate.slice(0, 4) : p.period ?? monthPeriod(Number(p.dueDate.slice(0, 4)), Number(p.dueDate.slice(5, 7))),
      amountFen: p.amountFen,
      due,
      sourceRecordId: p.recordId,
      recurring: p.period !== null || Boolean(map.yearly),
      origin: 'civil-affairs',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Education: student aid grants per semester (items of other sponsors, e.g. 雨露计划, too).

export const EDUCATION_PROGRAMMES: Readonly<Record<StudentAidSponsor, Programme>> = {
  [StudentAidSponsor.EDUCATION]: Programme.EDUCATION_AID,
  [StudentAidSponsor.POVERTY_OFFICE]: Programme.RAINBOW_PLAN,
};
/** Fee waivers, meals and pre-school aid go to the school; grants and subsidies to the student. */
export const EDUCATION_PAYEES: Readonly<Record<StudentAidItem, Payee>> = {
  [StudentAidItem.PRE_SCHOOL_AID]: Payee.SCHOOL,
  [StudentAidItem.TWO_EXEMPTIONS_ONE_SUBSIDY]: Payee.SCHOOL,
  [StudentAidItem.BOARDING_SUBSIDY]: Payee.PERSON,
  [StudentAidItem.NUTRITION_PROGRAMME]: Payee.SCHOOL,
  [StudentAidItem.STATE_GRANT]: Payee.PERSON,
  [StudentAidItem.TUITION_WAIVER]: Payee.SCHOOL,
  [StudentAidItem.RAINBOW_PLAN]: Payee.PERSON,
  [StudentAidItem.FRESHMAN_GRANT]: Payee.PERSON,
};
const TERMS: Readonly<Record<string, string>> = { SPRING: 'S1', AUTUMN: 'S2' };

export function educationEntitlements(f: HouseholdFacts, seed: number): Entitlement[] {
  return educationRecordsFor(f.bundle, seed)
    .aid.filter((a) => a.status !== StudentAidStatus.REVOKED)
    .map((a) => ({
      programme: EDUCATION_PROGRAMMES[a.sponsor],
      personId: a.personId,
      payee: EDUCATION_PAYEES[a.item],
      period: `${a.semester.slice(0, 4)}-${TERMS[a.semester.slice(5)]}`,
      amountFen: a.amountFen,
      due: parseDay(a.grantedOn),
      sourceRecordId: a.id,
      recurring: false,
      origin: 'education' as const,
    }));
}

// ---------------------------------------------------------------------------------------------
// Health: premium subsidies finance funds (civil affairs funds dibao and destitute members' premiums
// through its medical assistance, which its own payables carry; they are not paid twice).

export const HEALTH_PROGRAMMES: Readonly<Partial<Record<InsuranceScheme, Programme>>> = {
  [InsuranceScheme.BASIC]: Programme.INSURANCE_PREMIUM_SUBSIDY,
  [InsuranceScheme.COMMERCIAL_TOP_UP]: Programme.COMMERCIAL_INSURANCE_PREMIUM,
};

export function healthEntitlements(f: HouseholdFacts, seed: number): Entitlement[] {
  const out: Entitlement[] = [];
  for (const s of healthRecordsFor(f.bundle, seed).premiumSubsidies) {
    const programme = HEALTH_PROGRAMMES[s.scheme];
    if (!programme || s.subsidisingDepartment !== SubsidisingDepartment.FINANCE) continue;
    out.push({
      programme,
      dutyArea: FinanceDutyArea.HEALTH,
      department: FundedDepartment.HEALTH,
      personId: s.personId,
      payee: Payee.INSURANCE_FUND,
      period: String(s.year),
      amountFen: s.amountFen,
      due: parseDay(s.enrolledOn),
      sourceRecordId: s.enrolmentId,
      recurring: true,
      origin: 'health',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Housing: renovation subsidies once a renovation passes acceptance; relocation subsidies on handover.

export function housingEntitlements(f: HouseholdFacts, seed: number): Entitlement[] {
  const rng = householdRng(seed, f.id, STREAM.ADAPTERS, 2);
  const records = housingRecordsFor(f.bundle, seed);
  const out: Entitlement[] = subsidiesPayable(records).map((s) => ({
    programme: Programme.HOUSING_RENOVATION_SUBSIDY,
    personId: null,
    payee: Payee.HOUSEHOLD,
    period: s.acceptanceDate.slice(0, 4),
    amountFen: s.subsidyFen,
    due: parseDay(s.acceptanceDate) + rng.int(15, 60),
    sourceRecordId: s.renovationId,
    recurring: false,
    origin: 'housing' as const,
  }));
  const r = records.relocation;
  const handedOver = r?.handoverDate ?? null;
  if (r && handedOver && r.subsidyFen > 0) {
    out.push({
      programme: Programme.RELOCATION_SUBSIDY,
      dutyArea: FinanceDutyArea.RELOCATION,
      department: FundedDepartment.HOUSING,
      personId: null,
      payee: Payee.HOUSEHOLD,
      period: String(r.planYear),
      amountFen: r.subsidyFen,
      due: Math.min(parseDay(handedOver) + rng.int(10, 40), parseDay(`${r.planYear + 2}-12-31`)),
      sourceRecordId: r.id,
      recurring: false,
      origin: 'housing',
    });
  }
  return out;
}

/** Programmes of departments without a subgraph (agriculture, forestry, HR): register-based. */
export function otherEntitlements(f: HouseholdFacts, seed: number, borrower: boolean): Entitlement[] {
  return [...approx.industryEntitlements(f, seed, borrower), ...approx.ecologicalEntitlements(f, seed), ...approx.employmentEntitlements(f, seed)];
}

export function sourceEntitlements(_bundle: HouseholdBundle, seed: number, f: HouseholdFacts, borrower: boolean): Entitlement[] {
  return [
    ...civilAffairsEntitlements(f, seed),
    ...educationEntitlements(f, seed),
    ...healthEntitlements(f, seed),
    ...housingEntitlements(f, seed),
    ...otherEntitlements(f, seed, borrower),
  ];
}

/** Which department's generator each programme follows ('register': an approximation from the register). */
export const PROGRAMME_SOURCES: Readonly<Record<Programme, string>> = {
  [Programme.DIBAO_ALLOWANCE]: 'civil-affairs',
  [Programme.DESTITUTE_SUPPORT]: 'civil-affairs',
  [Programme.DISABILITY_ALLOWANCE]: 'civil-affairs',
  [Programme.DISABILITY_CARE_SUBSIDY]: 'civil-affairs',
  [Programme.TEMPORARY_ASSISTANCE]: 'civil-affairs',
  [Programme.MEDICAL_ASSISTANCE]: 'civil-affairs',
  [Programme.INSURANCE_PREMIUM_SUBSIDY]: 'health (finance-funded), civil-affairs (medical assistance)',
  [Programme.COMMERCIAL_INSURANCE_PREMIUM]: 'health',
  [Programme.EDUCATION_AID]: 'education',
  [Programme.RAINBOW_PLAN]: 'education',
  [Programme.HOUSING_RENOVATION_SUBSIDY]: 'housing',
  [Programme.RELOCATION_SUBSIDY]: 'housing',
  [Programme.MICROCREDIT_INTEREST_SUBSIDY]: 'finance',
  [Programme.INDUSTRY_SUBSIDY]: 'register',
  [Programme.ECOLOGICAL_COMPENSATION]: 'register',
  [Programme.EMPLOYMENT_SUBSIDY]: 'register',
};
