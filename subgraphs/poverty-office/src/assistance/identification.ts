import {
  AreaVerdict,
  ContributionRole,
  contribution,
  DepartmentContribution,
  DutyAreaCode,
  evidence,
  Measure,
  measure,
  needed,
  notNeeded,
} from '@saf/kit';
import { IDENTIFICATION_STEPS, ProcedureKind } from '../register/codes';
import { ProcedureStep, StatusPeriod } from '../register/entities';

/** The poverty office's code in the duty matrix. */
export const POVERTY_OFFICE = 'POVERTY_OFFICE';

/**
 * Item-12 areas the poverty office shares (JOINT) that are programme-level work: publicity,
 * fund supervision, the anti-corruption campaign, social mobilisation. No household has a need
 * of its own there, so the verdict is NOT_NEEDED (and the area never shows as a gap).
 */
export const PROGRAMME_LEVEL_AREAS: ReadonlySet<DutyAreaCode> = new Set([
  DutyAreaCode.PUBLICITY,
  DutyAreaCode.FUND_SUPERVISION,
  DutyAreaCode.ANTI_CORRUPTION,
  DutyAreaCode.SOCIAL_MOBILIZATION,
]);

export interface ContributionInput {
  householdId: string;
  area: DutyAreaCode;
  year: number;
  /** assessmentDate(year). */
  on: string;
  /** The poverty office's role in the area per the matrix; null when it has none. */
  role: ContributionRole | null;
  /** The household's procedure steps (both procedures) and status history, oldest first. */
  steps: readonly ProcedureStep[];
  periods: readonly StatusPeriod[];
}

/**
 * The poverty office's contribution to one area of one household. Its only per-household
 * measure records are the identification and exit procedure steps (IDENTIFICATION_EXIT); in the
 * areas it SUPPORTs it holds no record of its own for a household, so it gives nothing there.
 */
export function povertyOfficeContribution(input: ContributionInput): DepartmentContribution | null {
  const { area, role } = input;
  if (role === null) return null;
  if (area === DutyAreaCode.IDENTIFICATION_EXIT) {
    const measures = input.steps.filter((s) => s.stepDate.startsWith(`${input.year}-`)).map((s) => stepMeasure(s, role));
    return contribution(POVERTY_OFFICE, role, measures, identificationVerdict(input.householdId, input.on, input.steps, input.periods));
  }
  if (PROGRAMME_LEVEL_AREAS.has(area) && role === ContributionRole.JOINT) {
    return contribution(POVERTY_OFFICE, role, [], notNeeded('programme-level duty: no per-household need'));
  }
  return null;
}

/** A procedure step as a measure of the year it was taken in; the programme is the step code. */
export function stepMeasure(step: ProcedureStep, role: ContributionRole): Measure {
  return measure({
    department: POVERTY_OFFICE,
    role,
    recordType: 'ProcedureStep',
    recordId: String(step.id),
    programme: step.step,
    year: Number(step.stepDate.slice(0, 4)),
    date: step.stepDate,
  });
}

/**
 * IDENTIFICATION_EXIT (精准识别): every registered household needs a complete identification
 * procedure. Not needed only when its status history starts after the assessment date (it was
 * identified later). Met when all ten identification steps, application to 建档, are recorded on
 * or before the assessment date. The steps are the evidence.
 */
export function identificationVerdict(householdId: string, on: string, steps: readonly ProcedureStep[], periods: readonly StatusPeriod[]): AreaVerdict {
  const registeredFrom = periods.length ? periods.map((p) => p.effectiveFrom).reduce((a, b) => (a < b ? a : b)) : null;
  if (registeredFrom !== null && registeredFrom > on) {
    return notNeeded(`not yet in the register on ${on}: identified on ${registeredFrom}`);
  }
  const done = steps.filter((s) => s.procedure === ProcedureKind.IDENTIFICATION && s.stepDate <= on);
  const shownBy = done.map((s) => evidence(POVERTY_OFFICE, 'ProcedureStep', String(s.id), s.stepDate, s.step));
  const recorded = new Set<string>(done.map((s) => s.step));
  const missing = IDENTIFICATION_STEPS.filter((s) => !recorded.has(s));
  if (missing.length === 0) {
    const fileCreated = done.find((s) => s.step === 'FILE_CREATED')!;
    return needed(true, `identification procedure complete: all ${IDENTIFICATION_STEPS.length} steps recorded, file created (建档) on ${fileCreated.stepDate}`, shownBy);
  }
  const reason = done.length
    ? `identification procedure incomplete on ${on}: ${missing.length} of ${IDENTIFICATION_STEPS.length} steps missing (${missing.join(', ')})`
    : `no identification procedure step recorded for household ${householdId} by ${on}`;
  return needed(false, reason, shownBy);
}
