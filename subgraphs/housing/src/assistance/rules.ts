import {
  AreaVerdict,
  assessmentDate,
  ContributionRole,
  contribution,
  DepartmentContribution,
  DutyAreaCode,
  evidence,
  Evidence,
  expectSupport,
  Measure,
  measure,
  needed,
  notNeeded,
  Predicate,
  predicate,
  PredicateStatus,
} from '@saf/kit';
import { AcceptanceResult, DANGEROUS_RATINGS, HOUSING_DEPARTMENT, HousingSafetyBasis, HousingSafetyStatus } from '../codes';
import { DwellingAppraisal, RelocationHousing, RenovationProject } from '../housing/entities';
import { assessHousingSafety, HousingSafetyVerdict } from '../housing/safety';

/**
 * The housing department's part of the sector view, as pure functions of one household's housing
 * records and a year, so that the field resolvers and the tests (and the SQL aggregates, which
 * restate the same rules, see aggregates.ts) agree. Every judgement is taken on
 * `assessmentDate(year)` and reuses `assessHousingSafety`, the rule behind `Household.housingSafety`.
 */

export interface HousingFacts {
  appraisals: readonly DwellingAppraisal[];
  renovations: readonly RenovationProject[];
  relocation: RelocationHousing | null;
}

export const HOUSING_SAFETY_PREDICATE = 'HOUSING_SAFETY';
export const FINANCE_DEPARTMENT = 'FINANCE';

/**
 * The areas housing has records for, and its role there (duty matrix). The matrix also names
 * housing as a supporter of SOCIAL_SAFETY_NET (seed 004 item 8), but no housing record serves it:
 * the graded top-up for dibao and destitute households (分类补助) is part of the renovation
 * subsidy, which counts in HOUSING_RENOVATION. So housing contributes nothing (null) there.
 */
export const HOUSING_ROLES: Partial<Record<DutyAreaCode, ContributionRole>> = {
  [DutyAreaCode.HOUSING_RENOVATION]: ContributionRole.LEAD,
  [DutyAreaCode.RELOCATION]: ContributionRole.SUPPORT,
};

/** Programme codes of housing's measures (the department's own code list). */
export const Programme = {
  APPRAISAL: 'DWELLING_APPRAISAL',
  renovation: (type: string) => `RENOVATION_${type}`,
  resettlement: (mode: string) => `RESETTLEMENT_${mode}`,
};

export interface YearWindow {
  year: number;
  /** 1 January. */
  from: string;
  /** 31 December. */
  to: string;
  /** The date verdicts and predicates are taken on: 31 December, or today in the running year. */
  on: string;
}

export function yearWindow(year: number, today?: string): YearWindow {
  return { year, from: `${year}-01-01`, to: `${year}-12-31`, on: assessmentDate(year, today) };
}

const passed = (r: RenovationProject): boolean => r.acceptanceResult === AcceptanceResult.PASSED && r.acceptanceDate !== null;

// -------------------------------------------------------------------------------------------------
// Measures: what belongs to the year

/**
 * Appraisals made in the year; renovation projects active in the year (approved by its end and
 * not passed acceptance before it began: a project counts in every year from approval to
 * acceptance); resettlement housing active in the year (allocated by its end, not moved into
 * before it began).
 */
export function measuresFor(area: DutyAreaCode, facts: HousingFacts, w: YearWindow): Measure[] {
  const role = HOUSING_ROLES[area];
  if (!role) return [];
  const base = { department: HOUSING_DEPARTMENT, role, year: w.year };
  switch (area) {
    case DutyAreaCode.HOUSING_RENOVATION:
      return [
        ...facts.appraisals
          .filter((a) => a.appraisalDate >= w.from && a.appraisalDate <= w.to)
          .map((a) => measure({ ...base, recordType: 'DwellingAppraisal', recordId: a.id, programme: Programme.APPRAISAL, date: a.appraisalDate })),
        ...facts.renovations
          .filter((r) => r.approvalDate <= w.to && !(passed(r) && r.acceptanceDate! < w.from))
          .map((r) =>
            measure({ ...base, recordType: 'RenovationProject', recordId: r.id, programme: Programme.renovation(r.type), date: r.approvalDate, amount: Number(r.subsidy) }),
          ),
      ];
    case DutyAreaCode.RELOCATION: {
      const s = facts.relocation;
      if (!s || s.allocationDate > w.to || (s.moveInDate !== null && s.moveInDate < w.from)) return [];
      return [measure({ ...base, recordType: 'RelocationHousing', recordId: s.id, programme: Programme.resettlement(s.mode), date: s.allocationDate, amount: Number(s.subsidy) })];
    }
    default:
      return [];
  }
}

// -------------------------------------------------------------------------------------------------
// Evidence

const appraisalEvidence = (a: DwellingAppraisal): Evidence => evidence(HOUSING_DEPARTMENT, 'DwellingAppraisal', a.id, a.appraisalDate, `rated ${a.rating}`);
const relocationEvidence = (s: RelocationHousing): Evidence => evidence(HOUSING_DEPARTMENT, 'RelocationHousing', s.id, s.moveInDate, 'moved into resettlement housing');

/** Where a renovation stood on a date, by its dates (its status column is today's). */
export function renovationStageOn(r: RenovationProject, on: string): string {
  if (r.acceptanceDate !== null && r.acceptanceDate <= on) {
    return r.acceptanceResult === AcceptanceResult.PASSED ? `passed acceptance on ${r.acceptanceDate}` : `failed acceptance on ${r.acceptanceDate}${r.acceptanceNote ? ` (${r.acceptanceNote})` : ''}`;
  }
  if (r.completionDate !== null && r.completionDate <= on) return `completed on ${r.completionDate}, not accepted`;
  if (r.startDate !== null && r.startDate <= on) return `started on ${r.startDate}, not completed`;
  return `approved on ${r.approvalDate}, not started`;
}

const renovationEvidence = (r: RenovationProject, on: string): Evidence => evidence(HOUSING_DEPARTMENT, 'RenovationProject', r.id, r.acceptanceDate !== null && r.acceptanceDate <= on ? r.acceptanceDate : r.approvalDate, renovationStageOn(r, on));

/** The renovation under way on the date (approved, not passed acceptance by then), the latest approved. */
function openRenovation(renovations: readonly RenovationProject[], on: string): RenovationProject | null {
  let open: RenovationProject | null = null;
  for (const r of renovations) {
    if (r.approvalDate > on || (passed(r) && r.acceptanceDate! <= on)) continue;
    if (!open || r.approvalDate > open.approvalDate) open = r;
  }
  return open;
}

interface SafetyOn {
  verdict: HousingSafetyVerdict<DwellingAppraisal, RenovationProject, RelocationHousing>;
  /** Why the dwelling is unsafe (UNSAFE only). */
  unsafeReason: string;
  evidence: Evidence[];
}

function safetyOn(facts: HousingFacts, on: string): SafetyOn {
  const verdict = assessHousingSafety(facts.appraisals, facts.renovations, facts.relocation, on);
  const a = verdict.appraisal;
  const shown: Evidence[] = [];
  if (a) shown.push(appraisalEvidence(a));
  let unsafeReason = '';
  switch (verdict.basis) {
    case HousingSafetyBasis.RELOCATED:
      shown.push(relocationEvidence(verdict.relocation!));
      break;
    case HousingSafetyBasis.RENOVATED:
      shown.push(renovationEvidence(verdict.renovation!, on));
      break;
    case HousingSafetyBasis.DANGEROUS: {
      const open = openRenovation(facts.renovations, on);
      if (open) shown.push(renovationEvidence(open, on));
      unsafeReason = `dwelling rated ${a!.rating} on ${a!.appraisalDate} (${a!.id}) and not renovated: ${open ? `renovation ${open.id} ${renovationStageOn(open, on)}` : 'no renovation approved'}`;
      break;
    }
    case HousingSafetyBasis.NOT_APPRAISED:
      unsafeReason = `never appraised: no dwelling safety appraisal on or before ${on}, so housing safety is not shown`;
      break;
    default:
      break;
  }
  return { verdict, unsafeReason, evidence: shown };
}

function safeReason(v: SafetyOn['verdict']): string {
  const a = v.appraisal;
  switch (v.basis) {
    case HousingSafetyBasis.RELOCATED:
      return `moved into resettlement housing ${v.relocation!.id} on ${v.relocation!.moveInDate} (易地扶贫搬迁)`;
    case HousingSafetyBasis.RENOVATED:
      return `dwelling rated ${a!.rating} on ${a!.appraisalDate}; renovation ${v.renovation!.id} passed acceptance on ${v.renovation!.acceptanceDate}`;
    default:
      return `dwelling rated ${a!.rating} on ${a!.appraisalDate} (${a!.id}): safe`;
  }
}

// -------------------------------------------------------------------------------------------------
// HOUSING_RENOVATION verdict (housing LEADs)

/**
 * Needed when the dwelling is rated C/D on the assessment date, or when a renovation passed
 * acceptance in the year (the dwelling may since have been re-appraised A/B: the need was met in
 * that year). Met when housing safety holds on the date (renovation accepted, or moved into
 * resettlement housing). Not needed for an A/B dwelling or a dwelling never appraised.
 * Expects FINANCE to have paid the subsidy of each renovation accepted in the year: finance's
 * HOUSING_RENOVATION_SUBSIDY disbursement carries the renovation ID as sourceRecordId and the
 * acceptance year as its period year (finance generator: sources.ts, housingEntitlements).
 */
export function renovationVerdict(facts: HousingFacts, w: YearWindow): AreaVerdict {
  const s = safetyOn(facts, w.on);
  const v = s.verdict;
  const a = v.appraisal;
  const dangerous = a !== null && DANGEROUS_RATINGS.has(a.rating);
  const acceptedInYear = facts.renovations.filter((r) => passed(r) && r.acceptanceDate! >= w.from && r.acceptanceDate! <= w.on);

  if (!dangerous && acceptedInYear.length === 0) {
    const dwelling = a ? `dwelling rated ${a.rating} on ${a.appraisalDate} (${a.id}): no renovation needed` : `never appraised: no dwelling appraisal on or before ${w.on}, so no C/D dwelling is on record`;
    const moved = v.basis === HousingSafetyBasis.RELOCATED ? `; moved into resettlement housing ${v.relocation!.id} on ${v.relocation!.moveInDate}` : '';
    return notNeeded(`${dwelling}${moved}`, s.evidence);
  }
  if (v.status !== HousingSafetyStatus.SAFE) return needed(false, s.unsafeReason, s.evidence);

  const shown = [...s.evidence];
  for (const r of acceptedInYear) if (!shown.some((e) => e.recordId === r.id)) shown.push(renovationEvidence(r, w.on));
  let reason = safeReason(v);
  if (v.basis === HousingSafetyBasis.RATED_SAFE) {
    const r = acceptedInYear[acceptedInYear.length - 1];
    reason = `renovation ${r.id} passed acceptance on ${r.acceptanceDate}; dwelling since re-appraised ${a!.rating} on ${a!.appraisalDate}`;
  }
  const expects = acceptedInYear.map((r) => expectSupport(FINANCE_DEPARTMENT, r.id, `renovation subsidy paid for ${r.id} (accepted ${r.acceptanceDate})`));
  return needed(true, reason, shown, expects);
}

/** Housing's contribution to one area of one household, or null when it has nothing there. */
export function housingContribution(area: DutyAreaCode, facts: HousingFacts, w: YearWindow): DepartmentContribution | null {
  const role = HOUSING_ROLES[area];
  if (!role) return null;
  const verdict = area === DutyAreaCode.HOUSING_RENOVATION ? renovationVerdict(facts, w) : null;
  return contribution(HOUSING_DEPARTMENT, role, measuresFor(area, facts, w), verdict);
}

// -------------------------------------------------------------------------------------------------
// HOUSING_SAFETY predicate (住房安全有保障)

/**
 * MET when housing safety holds on the assessment date (A/B, C/D renovated and accepted, moved
 * into resettlement housing); NOT_MET for a C/D dwelling without an accepted renovation, and for a
 * household never appraised (no record shows its dwelling safe). Never NOT_APPLICABLE: see README.
 */
export function housingSafetyPredicate(facts: HousingFacts, w: YearWindow): Predicate {
  const s = safetyOn(facts, w.on);
  if (s.verdict.status === HousingSafetyStatus.SAFE) return predicate(HOUSING_SAFETY_PREDICATE, HOUSING_DEPARTMENT, PredicateStatus.MET, safeReason(s.verdict), s.evidence);
  return predicate(HOUSING_SAFETY_PREDICATE, HOUSING_DEPARTMENT, PredicateStatus.NOT_MET, s.unsafeReason, s.evidence);
}
