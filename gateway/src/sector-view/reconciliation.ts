/**
 * 两线合一 (reference/domain.md §3.3, checks 2 and 3) as a pure join of two sorted lists: the
 * register's households with a dibao or destitute-support welfare category, and the civil-affairs
 * roster of households enrolled on a date. Civil affairs leads the welfare attribute, the poverty
 * office the poverty status; the check only lists disagreements, it changes neither side.
 */

export interface RegisterEntry {
  householdId: string;
  welfareCategory: string;
  activePersonIds: string[];
}

export interface RosterEntry {
  householdId: string;
  programmes: string[];
  personIds: string[];
}

export type ReconciliationIssue =
  | 'REGISTER_CATEGORY_NOT_IN_ROSTER'
  | 'ROSTER_NOT_IN_REGISTER_CATEGORY'
  | 'ROSTER_HOUSEHOLD_NOT_IN_REGISTER'
  | 'PERSON_IN_ROSTER_NOT_REGISTER_MEMBER'
  | 'REGISTER_MEMBER_NOT_IN_ROSTER';

export interface ReconciliationFinding {
  householdId: string;
  issue: ReconciliationIssue;
  programme: string;
  registerCategory: string | null;
  rosterProgrammes: string[];
  personIds: string[];
  /** Sort key and pagination cursor. */
  cursor: string;
}

/** The safety-net programmes a register welfare category implies. */
export const PROGRAMMES_OF_CATEGORY: Record<string, string[]> = {
  GENERAL: [],
  DIBAO: ['DIBAO'],
  DESTITUTE: ['DESTITUTE'],
  DIBAO_DESTITUTE: ['DIBAO', 'DESTITUTE'],
};

/**
 * @param register households whose category is not GENERAL
 * @param roster   households enrolled on the date
 * @param lookedUp roster households outside `register` that the register does hold (GENERAL)
 */
export function reconcileSafetyNet(register: RegisterEntry[], roster: RosterEntry[], lookedUp: RegisterEntry[]): ReconciliationFinding[] {
  const findings: ReconciliationFinding[] = [];
  const registerOf = new Map([...lookedUp, ...register].map((r) => [r.householdId, r]));
  const rosterOf = new Map(roster.map((r) => [r.householdId, r]));
  const add = (householdId: string, issue: ReconciliationIssue, programme: string, personIds: string[] = []) => {
    const reg = registerOf.get(householdId) ?? null;
    findings.push({
      householdId,
      issue,
      programme,
      registerCategory: reg?.welfareCategory ?? null,
      rosterProgrammes: rosterOf.get(householdId)?.programmes ?? [],
      personIds,
      cursor: `${householdId}|${issue}|${programme}`,
    });
  };

  for (const id of new Set([...registerOf.keys(), ...rosterOf.keys()])) {
    const reg = registerOf.get(id);
    const ros = rosterOf.get(id);
    if (!reg) {
      for (const p of ros!.programmes) add(id, 'ROSTER_HOUSEHOLD_NOT_IN_REGISTER', p, ros!.personIds);
      continue;
    }
    const expected = PROGRAMMES_OF_CATEGORY[reg.welfareCategory] ?? [];
    const enrolled = ros?.programmes ?? [];
    for (const p of expected) if (!enrolled.includes(p)) add(id, 'REGISTER_CATEGORY_NOT_IN_ROSTER', p);
    for (const p of enrolled) if (!expected.includes(p)) add(id, 'ROSTER_NOT_IN_REGISTER_CATEGORY', p);
    const agreed = expected.filter((p) => enrolled.includes(p));
    if (!ros || agreed.length === 0) continue;
    const members = new Set(reg.activePersonIds);
    const covered = new Set(ros.personIds);
    const strangers = ros.personIds.filter((p) => !members.has(p)).sort();
    const uncovered = reg.activePersonIds.filter((p) => !covered.has(p)).sort();
    if (strangers.length) add(id, 'PERSON_IN_ROSTER_NOT_REGISTER_MEMBER', agreed.join('+'), strangers);
    if (uncovered.length) add(id, 'REGISTER_MEMBER_NOT_IN_ROSTER', agreed.join('+'), uncovered);
  }
  return findings.sort((a, b) => (a.cursor < b.cursor ? -1 : a.cursor > b.cursor ? 1 : 0));
}
