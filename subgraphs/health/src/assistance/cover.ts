import { activeMembers, evidence, Evidence, expectSupport, ExpectedSupport, PredicateStatus, RegisterMember } from '@saf/kit';
import { HEALTH_DEPARTMENT, InsuranceScheme, SubsidisingDepartment } from '../codes';
import { InsuranceEnrolment } from '../insurance/entities';

/*
 * 基本医疗有保障, insurance part (reference/domain.md §3.1 row 5): one rule, shared by the HEALTH
 * verdict of the sector view, the BASIC_MEDICAL_CARE exit predicate and Household.basicMedicalCover.
 */

/** The schemes every member must hold in the year. */
export const REQUIRED_SCHEMES = [InsuranceScheme.BASIC, InsuranceScheme.CRITICAL_ILLNESS] as const;

/**
 * Newborns may be enrolled within three months of birth and are covered from birth (assumption
 * from the usual 城乡居民医保 rule), so a member born fewer than this many days before the
 * assessment date is not yet counted as uninsured when no enrolment is recorded.
 */
export const NEWBORN_GRACE_DAYS = 90;

/** The year's enrolment in a scheme, unless cancelled (a cancelled enrolment does not count as insured). */
export function activeEnrolment(enrolments: readonly InsuranceEnrolment[], year: number, scheme: InsuranceScheme): InsuranceEnrolment | null {
  return enrolments.find((e) => e.year === year && e.scheme === scheme && e.cancelledOn === null) ?? null;
}

/** One person's insurance in a year, from their enrolments. */
export interface PersonCover {
  personId: string;
  basic: InsuranceEnrolment | null;
  critical: InsuranceEnrolment | null;
  covered: boolean;
}

export function personCover(personId: string, enrolments: readonly InsuranceEnrolment[], year: number): PersonCover {
  const mine = enrolments.filter((e) => e.personId === personId);
  const basic = activeEnrolment(mine, year, InsuranceScheme.BASIC);
  const critical = activeEnrolment(mine, year, InsuranceScheme.CRITICAL_ILLNESS);
  return { personId, basic, critical, covered: basic !== null && critical !== null };
}

/** The outcome of the rule for one household and year. */
export interface BasicMedicalCare {
  status: PredicateStatus;
  reason: string;
  /** The members the rule counted, with their cover. */
  members: PersonCover[];
  evidence: Evidence[];
  /** Finance's premium subsidy payments the rule expects (see expectedSubsidies). */
  expects: ExpectedSupport[];
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The members who must be insured on the assessment date: the register's active members, born by
 * then, except a newborn still in the enrolment grace period who has no enrolment yet.
 */
export function countedMembers(members: readonly RegisterMember[], enrolments: readonly InsuranceEnrolment[], year: number, on: string): RegisterMember[] {
  return activeMembers([...members]).filter((m) => {
    if (m.birthDate > on) return false;
    const inGrace = daysBetween(m.birthDate, on) < NEWBORN_GRACE_DAYS;
    return !inGrace || enrolments.some((e) => e.personId === m.personId && e.year === year);
  });
}

/**
 * The finance payments the rule expects: for each counted member's BASIC enrolment whose premium
 * subsidy the health record says FINANCE pays, a finance measure whose sourceRecordId is the
 * enrolment ID (finance's generator pays these as INSURANCE_PREMIUM_SUBSIDY with exactly that
 * sourceRecordId). Civil affairs' subsidies are not expected here: civil affairs' records do not
 * refer to enrolment IDs. The commercial top-up is outside the rule, so its premium is not expected.
 */
export function expectedSubsidies(covers: readonly PersonCover[]): ExpectedSupport[] {
  return covers
    .map((c) => c.basic)
    .filter((e): e is InsuranceEnrolment => e !== null && e.subsidisingDepartment === SubsidisingDepartment.FINANCE && Number(e.subsidy) > 0)
    .map((e) => expectSupport(SubsidisingDepartment.FINANCE, e.id, `basic insurance premium subsidy paid for ${e.personId} (${e.year})`));
}

function enrolmentEvidence(e: InsuranceEnrolment): Evidence {
  const note = e.cancelledOn === null ? `${e.scheme} ${e.year}` : `${e.scheme} ${e.year}, cancelled on ${e.cancelledOn}`;
  return evidence(HEALTH_DEPARTMENT, 'HealthInsuranceEnrolment', e.id, e.enrolledOn, note);
}

function missing(c: PersonCover, enrolments: readonly InsuranceEnrolment[], year: number): string {
  const any = enrolments.some((e) => e.personId === c.personId && e.year === year);
  if (!any) return `${c.personId} (no enrolment)`;
  const lacks = [c.basic ? null : 'BASIC', c.critical ? null : 'CRITICAL_ILLNESS'].filter(Boolean).join(' and ');
  return `${c.personId} (no active ${lacks})`;
}

/**
 * Every member counted (countedMembers) must be actively enrolled in BASIC and CRITICAL_ILLNESS
 * in the year; a member with no enrolment record is not insured. No counted member: NOT_APPLICABLE.
 * `enrolments` are the household's enrolment records (all years).
 */
export function assessBasicMedicalCare(members: readonly RegisterMember[], enrolments: readonly InsuranceEnrolment[], year: number, on: string): BasicMedicalCare {
  const counted = countedMembers(members, enrolments, year, on);
  if (counted.length === 0) {
    return { status: PredicateStatus.NOT_APPLICABLE, reason: `No active member on ${on}: nobody to insure.`, members: [], evidence: [], expects: [] };
  }
  const covers = counted.map((m) => personCover(m.personId, enrolments, year));
  const counts = new Set(counted.map((m) => m.personId));
  const shown = enrolments
    .filter((e) => e.year === year && counts.has(e.personId) && (REQUIRED_SCHEMES as readonly InsuranceScheme[]).includes(e.scheme))
    .map(enrolmentEvidence);
  const uncovered = covers.filter((c) => !c.covered);
  const expects = expectedSubsidies(covers);
  if (uncovered.length === 0) {
    return {
      status: PredicateStatus.MET,
      reason: `All ${covers.length} active member(s) enrolled in basic and critical-illness insurance in ${year}.`,
      members: covers,
      evidence: shown,
      expects,
    };
  }
  return {
    status: PredicateStatus.NOT_MET,
    reason: `Not insured in ${year} (basic and critical illness): ${uncovered.map((c) => missing(c, enrolments, year)).join('; ')}.`,
    members: covers,
    evidence: shown,
    expects,
  };
}
