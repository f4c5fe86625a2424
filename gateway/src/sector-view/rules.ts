/**
 * The generic rules of the sector view: how an area's coverage status follows from the
 * departments' contributions, and how the exit assessment follows from the predicates. The
 * area-specific rules (what a need is, what meets it) are the lead departments'; see
 * docs/assistance-rules.md.
 */

export type Role = 'LEAD' | 'SUPPORT' | 'JOINT';
export type CoverageStatus = 'NOT_NEEDED' | 'COVERED' | 'GAP' | 'LEAD_NOT_FEDERATED';
export type PredicateStatus = 'MET' | 'NOT_MET' | 'NOT_APPLICABLE';

export interface MeasureValue {
  department: string;
  sourceRecordId?: string | null;
  [field: string]: unknown;
}

export interface ContributionValue {
  department: string;
  role: Role;
  measures: MeasureValue[];
  verdict: {
    needed: boolean;
    met: boolean;
    reason: string;
    expects: Array<{ department: string; sourceRecordId: string; description: string }>;
    [field: string]: unknown;
  } | null;
}

export interface PredicateValue {
  predicate: string;
  department: string;
  status: PredicateStatus;
  reason: string;
  evidence: unknown[];
}

export interface Coverage {
  status: CoverageStatus;
  reason: string;
}

const ROLE_ORDER: Record<Role, number> = { LEAD: 0, JOINT: 1, SUPPORT: 2 };

/** The contributions present, lead first, then by department. */
export function orderContributions(values: Array<ContributionValue | null | undefined>): ContributionValue[] {
  return values
    .filter((c): c is ContributionValue => c != null)
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.department.localeCompare(b.department));
}

/** Thrown when a lead has a subgraph but gave no verdict: the status is unknown, not a gap. */
export class LeadVerdictMissing extends Error {}

/**
 * - LEAD_NOT_FEDERATED when no lead (or, without a lead, no jointly responsible department) has a subgraph;
 * - NOT_NEEDED when every verdict says there is no need;
 * - COVERED when every verdict that sees a need says it is met, and every supporting part a
 *   verdict expects is among the contributions' measures (same department, same source record);
 * - GAP otherwise, saying which need or which expected part is missing.
 */
export function decideCoverage(leadFederated: boolean, contributions: ContributionValue[]): Coverage {
  if (!leadFederated) return { status: 'LEAD_NOT_FEDERATED', reason: 'No department leading this area has a subgraph.' };
  const judging = contributions.filter((c) => c.verdict !== null && c.role !== 'SUPPORT');
  if (judging.length === 0) throw new LeadVerdictMissing('The lead department gave no verdict for this household (its subgraph did not answer).');
  const needing = judging.filter((c) => c.verdict!.needed);
  if (needing.length === 0) return { status: 'NOT_NEEDED', reason: judging.map((c) => `${c.department}: ${c.verdict!.reason}`).join(' ') };

  const unmet = needing.filter((c) => !c.verdict!.met);
  if (unmet.length) return { status: 'GAP', reason: unmet.map((c) => `${c.department}: ${c.verdict!.reason}`).join(' ') };

  const paid = new Set(contributions.flatMap((c) => c.measures.filter((m) => m.sourceRecordId).map((m) => `${m.department}|${m.sourceRecordId}`)));
  const missing = needing.flatMap((c) => c.verdict!.expects).filter((e) => !paid.has(`${e.department}|${e.sourceRecordId}`));
  if (missing.length) {
    return { status: 'GAP', reason: `Supporting part missing: ${missing.map((e) => `${e.department} ${e.description} (${e.sourceRecordId})`).join('; ')}.` };
  }
  return { status: 'COVERED', reason: needing.map((c) => `${c.department}: ${c.verdict!.reason}`).join(' ') };
}

/** The predicates of reference/domain.md §3.1, in its order, with the department owning each. */
export const EXIT_PREDICATES: ReadonlyArray<{ predicate: string; department: string }> = [
  { predicate: 'INCOME', department: 'POVERTY_OFFICE' },
  { predicate: 'FOOD_AND_CLOTHING', department: 'POVERTY_OFFICE' },
  { predicate: 'COMPULSORY_EDUCATION', department: 'EDUCATION' },
  { predicate: 'BASIC_MEDICAL_CARE', department: 'HEALTH' },
  { predicate: 'HOUSING_SAFETY', department: 'HOUSING' },
  { predicate: 'DRINKING_WATER', department: 'POVERTY_OFFICE' },
];

/**
 * All predicates in rule order. A required predicate that no department answered (its subgraph
 * is down or not federated) counts as NOT_MET: exit needs positive evidence for each. A
 * predicate a new department adds is appended and counts like the others.
 */
export function allPredicates(answered: Array<PredicateValue | null | undefined>): PredicateValue[] {
  const byName = new Map(answered.filter((p): p is PredicateValue => p != null).map((p) => [p.predicate, p]));
  const required = EXIT_PREDICATES.map(
    ({ predicate, department }) =>
      byName.get(predicate) ?? {
        predicate,
        department,
        status: 'NOT_MET' as const,
        reason: `No answer from ${department}: the predicate cannot be confirmed.`,
        evidence: [],
      },
  );
  const extra = [...byName.values()].filter((p) => !EXIT_PREDICATES.some((r) => r.predicate === p.predicate));
  return [...required, ...extra];
}

export function blockers(predicates: PredicateValue[]): PredicateValue[] {
  return predicates.filter((p) => p.status === 'NOT_MET');
}
