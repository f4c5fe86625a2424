import { AcceptanceResult, DANGEROUS_RATINGS, DwellingRating, HousingSafetyBasis, HousingSafetyStatus } from '../codes';

/**
 * 住房安全有保障 (reference/domain.md §3.1 row 6) as a pure function of a household's housing
 * records, so that the subgraph, the generator's tests and later the exit assessment agree:
 *
 * - SAFE when the household has moved into resettlement housing (易地扶贫搬迁) by the date;
 * - else, by the latest appraisal on or before the date: SAFE for A/B; for C/D SAFE only when a
 *   renovation passed acceptance (验收合格) by the date, for that appraisal or after it;
 * - UNSAFE for a C/D dwelling without such a renovation; NOT_APPRAISED without any appraisal.
 */

export interface AppraisalFacts {
  id: string;
  rating: DwellingRating;
  appraisalDate: string;
}

export interface RenovationFacts {
  id: string;
  appraisalId: string;
  acceptanceResult: AcceptanceResult | null;
  acceptanceDate: string | null;
}

export interface RelocationFacts {
  id: string;
  moveInDate: string | null;
}

export type HousingEvidenceRecord = 'DwellingAppraisal' | 'RenovationProject' | 'RelocationHousing';

export interface HousingSafetyVerdict<A extends AppraisalFacts = AppraisalFacts, R extends RenovationFacts = RenovationFacts, L extends RelocationFacts = RelocationFacts> {
  status: HousingSafetyStatus;
  basis: HousingSafetyBasis;
  on: string;
  /** The latest appraisal on or before the date. */
  appraisal: A | null;
  /** The accepted renovation (RENOVATED), or the one under way for a dangerous dwelling. */
  renovation: R | null;
  /** The resettlement housing moved into (RELOCATED). */
  relocation: L | null;
  evidenceRecord: HousingEvidenceRecord | null;
  evidenceId: string | null;
  evidenceDate: string | null;
}

/** The latest appraisal on or before `on` (appraisal date, then ID, so same-day entries are ordered). */
export function latestAppraisal<A extends AppraisalFacts>(appraisals: readonly A[], on?: string): A | null {
  let latest: A | null = null;
  for (const a of appraisals) {
    if (on !== undefined && a.appraisalDate > on) continue;
    if (!latest || a.appraisalDate > latest.appraisalDate || (a.appraisalDate === latest.appraisalDate && a.id > latest.id)) latest = a;
  }
  return latest;
}

export function assessHousingSafety<A extends AppraisalFacts, R extends RenovationFacts, L extends RelocationFacts>(
  appraisals: readonly A[],
  renovations: readonly R[],
  relocation: L | null,
  on: string,
): HousingSafetyVerdict<A, R, L> {
  const appraisal = latestAppraisal(appraisals, on);
  const base = { on, appraisal, renovation: null as R | null, relocation: null as L | null };
  if (relocation?.moveInDate && relocation.moveInDate <= on) {
    return { ...base, relocation, status: HousingSafetyStatus.SAFE, basis: HousingSafetyBasis.RELOCATED, ...evidence('RelocationHousing', relocation.id, relocation.moveInDate) };
  }
  if (!appraisal) {
    return { ...base, status: HousingSafetyStatus.NOT_APPRAISED, basis: HousingSafetyBasis.NOT_APPRAISED, evidenceRecord: null, evidenceId: null, evidenceDate: null };
  }
  if (!DANGEROUS_RATINGS.has(appraisal.rating)) {
    return { ...base, status: HousingSafetyStatus.SAFE, basis: HousingSafetyBasis.RATED_SAFE, ...evidence('DwellingAppraisal', appraisal.id, appraisal.appraisalDate) };
  }
  let accepted: R | null = null;
  for (const r of renovations) {
    const passed = r.acceptanceResult === AcceptanceResult.PASSED && r.acceptanceDate !== null && r.acceptanceDate <= on;
    if (passed && (r.appraisalId === appraisal.id || r.acceptanceDate! >= appraisal.appraisalDate) && (!accepted || r.acceptanceDate! > accepted.acceptanceDate!)) accepted = r;
  }
  if (accepted) {
    return { ...base, renovation: accepted, status: HousingSafetyStatus.SAFE, basis: HousingSafetyBasis.RENOVATED, ...evidence('RenovationProject', accepted.id, accepted.acceptanceDate!) };
  }
  const underWay = renovations.find((r) => r.appraisalId === appraisal.id) ?? null;
  return { ...base, renovation: underWay, status: HousingSafetyStatus.UNSAFE, basis: HousingSafetyBasis.DANGEROUS, ...evidence('DwellingAppraisal', appraisal.id, appraisal.appraisalDate) };
}

function evidence(record: HousingEvidenceRecord, id: string, date: string) {
  return { evidenceRecord: record, evidenceId: id, evidenceDate: date };
}
