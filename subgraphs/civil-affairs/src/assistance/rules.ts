import {
  AreaVerdict,
  assessmentDate,
  contribution,
  ContributionRole,
  DepartmentContribution,
  DutyAreaCode,
  evidence,
  Evidence,
  expectSupport,
  ExpectedSupport,
  measure,
  Measure,
  needed,
  notNeeded,
} from '@saf/kit';
import { CivilAffairsEndReason, DEPARTMENT_CODE, DisabilityAllowanceType, MedicalAssistanceType } from '../codes';
import { addDays, minDate, monthEnd } from '../records/dates';
import { amountOn } from '../records/dibaoResolver';
import { DestituteSupport, DibaoEnrolment, DibaoRecheck, DisabilityAllowance, MedicalAssistanceGrant, TemporaryAssistanceEvent } from '../records/entities';

/**
 * Civil affairs' part of the sector view, as pure functions of one household's records and a year,
 * so that the field resolver, the tests and the SQL aggregates (aggregates.ts restates the same
 * rules) agree. Judgements are taken on `assessmentDate(year)`: 31 December, or today in the
 * running year. The README ("Sector assistance and exit predicates") says the same in plain words.
 */

/**
 * The areas civil affairs has records in, with its role there (duty matrix). The matrix also lists
 * civil affairs as a supporter of HOUSING_RENOVATION (it supplies the dibao and destitute target
 * lists), but no civil-affairs record belongs to a renovation, so that area gets null.
 */
export const CIVIL_AFFAIRS_ROLES: Partial<Record<DutyAreaCode, ContributionRole>> = {
  [DutyAreaCode.SOCIAL_SAFETY_NET]: ContributionRole.LEAD,
  [DutyAreaCode.HEALTH]: ContributionRole.SUPPORT,
};

/** Programme codes of the measures: the same codes as the generator's payment items (CivilAffairsProgramme). */
export const Programme = {
  DIBAO: 'DIBAO',
  DESTITUTE_SUPPORT: 'DESTITUTE_SUPPORT',
  TEMPORARY_ASSISTANCE: 'TEMPORARY_ASSISTANCE',
  disability: (type: DisabilityAllowanceType) => (type === DisabilityAllowanceType.LIVING_ALLOWANCE ? 'DISABILITY_LIVING_ALLOWANCE' : 'DISABILITY_NURSING_SUBSIDY'),
  medical: (type: MedicalAssistanceType) => (type === MedicalAssistanceType.PREMIUM_SUBSIDY ? 'MEDICAL_ASSISTANCE_PREMIUM' : 'MEDICAL_ASSISTANCE_TREATMENT'),
} as const;

/** Ends that leave a need behind: a stop while the assessed income was still below the line (停保 for other findings, i.e. a suspension), or a transfer to another scheme. */
export const UNRESOLVED_END_REASONS: ReadonlySet<string> = new Set([CivilAffairsEndReason.RECHECK_STOPPED, CivilAffairsEndReason.TRANSFERRED]);

export const FINANCE = 'FINANCE';

export interface YearWindow {
  year: number;
  /** 1 January. */
  from: string;
  /** The assessment date: 31 December, or today in the running year. */
  on: string;
}

export function yearWindow(year: number, today?: string): YearWindow {
  return { year, from: `${year}-01-01`, on: assessmentDate(year, today) };
}

export interface SafetyNetFacts {
  dibao: readonly DibaoEnrolment[];
  /** Re-checks per dibao enrolment (for the amount in force). */
  rechecks: ReadonlyMap<string, readonly DibaoRecheck[]>;
  destitute: readonly DestituteSupport[];
  disability: readonly DisabilityAllowance[];
  temporary: readonly TemporaryAssistanceEvent[];
}

type Period = { startDate: string; endDate: string | null };

/** In force at some time between 1 January and the assessment date. */
export const inForceDuring = (p: Period, w: YearWindow): boolean => p.startDate <= w.on && (p.endDate === null || p.endDate >= w.from);
const inForceOn = (p: Period, date: string): boolean => p.startDate <= date && (p.endDate === null || date <= p.endDate);

// -------------------------------------------------------------------------------------------------
// Measures: what belongs to the year

/** The dibao amount in force on the assessment date, or on the last day of an enrolment that ended before it. */
export function dibaoAmount(e: DibaoEnrolment, rechecks: readonly DibaoRecheck[], w: YearWindow): number {
  return amountOn(e, [...rechecks], minDate(w.on, e.endDate ?? w.on));
}

/**
 * SOCIAL_SAFETY_NET measures of the year: dibao enrolments, destitute supports and disability
 * allowances in force at some time between 1 January and the assessment date (amount: the monthly
 * amount — for dibao the one in force on the assessment date or the last day, for destitute support
 * basic living plus care, for allowances the recorded standard), and temporary assistance approved
 * in the year by the assessment date (amount: the cash; goods are not counted).
 */
export function safetyNetMeasures(f: SafetyNetFacts, w: YearWindow): Measure[] {
  const base = { department: DEPARTMENT_CODE, role: ContributionRole.LEAD, year: w.year };
  return [
    ...f.dibao
      .filter((e) => inForceDuring(e, w))
      .map((e) => measure({ ...base, recordType: 'DibaoEnrolment', recordId: e.id, programme: Programme.DIBAO, date: e.startDate, amount: dibaoAmount(e, f.rechecks.get(e.id) ?? [], w) })),
    ...f.destitute
      .filter((s) => inForceDuring(s, w))
      .map((s) =>
        measure({
          ...base, recordType: 'DestituteSupport', recordId: s.id, programme: Programme.DESTITUTE_SUPPORT, date: s.startDate,
          amount: Number(s.basicLivingMonthly) + Number(s.careMonthly), personId: s.personId,
        }),
      ),
    ...f.disability
      .filter((a) => inForceDuring(a, w))
      .map((a) =>
        measure({ ...base, recordType: 'DisabilityAllowance', recordId: a.id, programme: Programme.disability(a.type), date: a.startDate, amount: Number(a.monthlyAmount), personId: a.personId }),
      ),
    ...f.temporary
      .filter((t) => t.year === w.year && t.approvalDate <= w.on)
      .map((t) =>
        measure({ ...base, recordType: 'TemporaryAssistanceEvent', recordId: t.id, programme: Programme.TEMPORARY_ASSISTANCE, date: t.approvalDate, amount: Number(t.cashAmount), personId: t.personId }),
      ),
  ].sort((a, b) => cmp(a.date ?? '', b.date ?? '') || cmp(a.recordId, b.recordId));
}

/**
 * HEALTH measures (SUPPORT): medical-assistance grants of the year (for premium subsidies the
 * insurance year) granted by the assessment date. Each names the health department's record it
 * paid into (insurance enrolment or hospital settlement) as onBehalfOf/sourceRecordId.
 */
export function healthMeasures(grants: readonly MedicalAssistanceGrant[], w: YearWindow): Measure[] {
  return grants
    .filter((m) => m.year === w.year && m.grantDate <= w.on)
    .map((m) =>
      measure({
        department: DEPARTMENT_CODE, role: ContributionRole.SUPPORT, recordType: 'MedicalAssistanceGrant', recordId: m.id, programme: Programme.medical(m.type),
        year: w.year, date: m.grantDate, amount: Number(m.amount), personId: m.personId, onBehalfOf: 'HEALTH', sourceRecordId: m.insuranceEnrolmentId ?? m.settlementNumber,
      }),
    );
}

// -------------------------------------------------------------------------------------------------
// SOCIAL_SAFETY_NET verdict (civil affairs LEADs)

/** A dibao enrolment (household) or destitute support (person): the two schemes that make a safety-net case. */
interface SafetyNetCase {
  recordType: 'DibaoEnrolment' | 'DestituteSupport';
  id: string;
  label: string;
  approvalDate: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
}

/** Where a case stood on the assessment date. */
export type CaseState = 'IN_FORCE' | 'DUE' | 'LATE' | 'CLOSED' | 'UNRESOLVED';

/** The first day of the month after a date: cover starts then at the latest (次月起发放). */
export const firstOfNextMonth = (date: string): string => addDays(monthEnd(date), 1);

export function caseState(c: Pick<SafetyNetCase, 'approvalDate' | 'startDate' | 'endDate' | 'endReason'>, on: string): CaseState {
  if (inForceOn(c, on)) return 'IN_FORCE';
  if (c.startDate > on) return c.startDate <= firstOfNextMonth(c.approvalDate) ? 'DUE' : 'LATE';
  return c.endReason !== null && UNRESOLVED_END_REASONS.has(c.endReason) ? 'UNRESOLVED' : 'CLOSED';
}

function casesOf(f: SafetyNetFacts): SafetyNetCase[] {
  return [
    ...f.dibao.map((e) => ({ recordType: 'DibaoEnrolment' as const, id: e.id, label: 'dibao enrolment', ...dates(e) })),
    ...f.destitute.map((s) => ({ recordType: 'DestituteSupport' as const, id: s.id, label: `destitute support of ${s.personId}`, ...dates(s) })),
  ];
}

function dates(r: { approvalDate: string; startDate: string; endDate: string | null; endReason: string | null }) {
  return { approvalDate: r.approvalDate, startDate: r.startDate, endDate: r.endDate, endReason: r.endReason };
}

/** A case of the year: approved by the assessment date and not ended before 1 January. */
export const caseOfYear = (c: Pick<SafetyNetCase, 'approvalDate' | 'endDate'>, w: YearWindow): boolean => c.approvalDate <= w.on && (c.endDate === null || c.endDate >= w.from);

function caseEvidence(c: SafetyNetCase, state: CaseState, on: string): Evidence {
  switch (state) {
    case 'IN_FORCE':
      return evidence(DEPARTMENT_CODE, c.recordType, c.id, c.startDate, `in force on ${on} (since ${c.startDate})`);
    case 'DUE':
      return evidence(DEPARTMENT_CODE, c.recordType, c.id, c.approvalDate, `approved on ${c.approvalDate}; cover starts on ${c.startDate}, the month after approval`);
    case 'LATE':
      return evidence(DEPARTMENT_CODE, c.recordType, c.id, c.approvalDate, `approved on ${c.approvalDate} but not in force on ${on}: cover starts only on ${c.startDate}`);
    case 'CLOSED':
      return evidence(DEPARTMENT_CODE, c.recordType, c.id, c.endDate, `ended on ${c.endDate} (${c.endReason})`);
    case 'UNRESOLVED':
      return evidence(DEPARTMENT_CODE, c.recordType, c.id, c.endDate, `stopped on ${c.endDate} (${c.endReason}) with the need left open`);
  }
}

/**
 * Needed when the household has a dibao or destitute-support case in the year (approved by the
 * assessment date and not ended before 1 January). Met when, on the assessment date:
 *  - no case is approved but late: not in force although cover should have started by the month
 *    after approval (an approval in December starting on 1 January is on schedule);
 *  - and no case was stopped with the need left open (RECHECK_STOPPED: stopped while the assessed
 *    income was below the line, i.e. suspended; TRANSFERRED: moved to another scheme) unless some
 *    case is in force or due on the date.
 * Cases ended by a decision that the need ended (income above the line, no longer eligible,
 * withdrawn, moved away, deceased, roster correction) are closed: served while they lasted.
 * Expects FINANCE to have paid each case in force in the year: finance's DIBAO_ALLOWANCE and
 * DESTITUTE_SUPPORT disbursements carry the DibaoEnrolment / DestituteSupport ID as sourceRecordId,
 * monthly, with the month paid for as the period year (finance generator sources.ts,
 * civilAffairsEntitlements).
 */
export function safetyNetVerdict(f: SafetyNetFacts, w: YearWindow): AreaVerdict {
  const cases = casesOf(f).filter((c) => caseOfYear(c, w));
  if (cases.length === 0) return notNeeded(`no dibao or destitute-support case in ${w.year} (none approved by ${w.on} and in force after ${w.from})`);

  const states = cases.map((c) => ({ c, state: caseState(c, w.on) }));
  const shown = states.map(({ c, state }) => caseEvidence(c, state, w.on));
  const expects: ExpectedSupport[] = cases
    .filter((c) => inForceDuring(c, w))
    .map((c) =>
      expectSupport(FINANCE, c.id, c.recordType === 'DibaoEnrolment' ? `dibao allowance (低保金) of ${c.id} paid for ${w.year}` : `destitute support (特困供养金) of ${c.id} paid for ${w.year}`),
    );
  const covering = states.filter((s) => s.state === 'IN_FORCE' || s.state === 'DUE');
  const late = states.filter((s) => s.state === 'LATE');
  const unresolved = covering.length === 0 ? states.filter((s) => s.state === 'UNRESOLVED') : [];

  const problems = [
    ...late.map(({ c }) => `${c.label} ${c.id} approved on ${c.approvalDate} is not in force on ${w.on} (cover starts ${c.startDate})`),
    ...unresolved.map(({ c }) => `${c.label} ${c.id} was stopped on ${c.endDate} (${c.endReason}) and no case is in force on ${w.on}`),
  ];
  if (problems.length > 0) return needed(false, `safety-net case in ${w.year} not served: ${problems.join('; ')}`, shown, expects);
  const served = covering.map(({ c, state }) => `${c.label} ${c.id} ${state === 'IN_FORCE' ? `in force on ${w.on}` : `due from ${c.startDate}`}`);
  const closed = states.filter((s) => s.state === 'CLOSED').map(({ c }) => `${c.label} ${c.id} ended on ${c.endDate} (${c.endReason})`);
  return needed(true, `safety-net case in ${w.year} served: ${[...served, ...closed].join('; ')}`, shown, expects);
}

// -------------------------------------------------------------------------------------------------
// The contribution

export interface CivilAffairsFacts {
  safetyNet?: SafetyNetFacts;
  medical?: readonly MedicalAssistanceGrant[];
}

/** Civil affairs' contribution to one area of one household in one year; null where it has nothing. */
export function civilAffairsContribution(area: DutyAreaCode, facts: CivilAffairsFacts, w: YearWindow): DepartmentContribution | null {
  const role = CIVIL_AFFAIRS_ROLES[area];
  if (!role) return null;
  if (area === DutyAreaCode.SOCIAL_SAFETY_NET && facts.safetyNet) {
    return contribution(DEPARTMENT_CODE, role, safetyNetMeasures(facts.safetyNet, w), safetyNetVerdict(facts.safetyNet, w));
  }
  if (area === DutyAreaCode.HEALTH && facts.medical) return contribution(DEPARTMENT_CODE, role, healthMeasures(facts.medical, w));
  return null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
