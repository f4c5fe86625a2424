import { EntityManager } from 'typeorm';
import { ErrorCode, recordChanges, userError, type Identity } from '@saf/kit';

/**
 * Which departments of the duty matrix have a subgraph in the federation: the `subgraph` column of
 * `department`, from which Department.federated and DutyArea.leadFederated follow. The schema
 * registry (gateway/src/registry) states the whole membership after every version it serves, so a
 * department that joins is federated and one that a rollback removes is not.
 */

export interface FederationMember {
  /** Duty-matrix code, e.g. HUMAN_RESOURCES_SOCIAL_SECURITY. */
  department: string;
  /** The subgraph's name in the supergraph, e.g. employment. */
  subgraph: string;
}

const SUBGRAPH_NAME = /^[A-Za-z0-9][\w.-]{0,99}$/;

/**
 * The membership is the province's, not a county's: only an officer for the whole country (the
 * registry signs with region '') may state it.
 */
export function assertMayRecordFederation(identity: Identity): void {
  if (identity.region !== '') {
    throw userError(ErrorCode.OUT_OF_SCOPE, `the duty matrix is provincial: only an officer for the whole country records federation (your region is ${identity.region})`, {
      reason: 'REGION',
    });
  }
}

/** Checks the list on its own: not empty, names well formed, each department once. */
export function validateMembers(members: readonly FederationMember[]): void {
  if (members.length === 0) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'members is empty: a federation has at least the poverty office', { field: 'members' });
  }
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    if (!SUBGRAPH_NAME.test(m.subgraph)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `"${m.subgraph}" is not a subgraph name (letters, digits, '_', '-' or '.', up to 100)`, { field: `members[${i}].subgraph` });
    }
    const first = seen.get(m.department);
    if (first !== undefined) {
      throw userError(ErrorCode.BAD_USER_INPUT, `department ${m.department} is listed twice (members[${first}] and members[${i}])`, { field: `members[${i}].department` });
    }
    seen.set(m.department, i);
  });
}

/**
 * Sets `subgraph` for the listed departments and clears it for every other one, in the caller's
 * transaction; returns the codes whose value changed (each with a change event and, through
 * recordChanges, an audit row). An unknown code writes nothing.
 */
export async function recordFederation(tx: EntityManager, members: readonly FederationMember[]): Promise<string[]> {
  validateMembers(members);
  // FOR UPDATE: two registries' calls apply one after the other, each against the state it read.
  const rows: Array<{ code: string; subgraph: string | null }> = await tx.query('SELECT code, subgraph FROM department ORDER BY code FOR UPDATE');
  const current = new Map(rows.map((r) => [r.code, r.subgraph]));
  members.forEach((m, i) => {
    if (!current.has(m.department)) {
      throw userError(ErrorCode.BAD_USER_INPUT, `${m.department} is not a department of the duty matrix`, { field: `members[${i}].department`, department: m.department });
    }
  });
  const wanted = new Map(members.map((m) => [m.department, m.subgraph]));
  const changed = [...current].filter(([code, subgraph]) => (wanted.get(code) ?? null) !== subgraph).map(([code]) => code);
  if (changed.length === 0) return [];
  await tx.query('UPDATE department d SET subgraph = c.subgraph FROM unnest($1::text[], $2::text[]) AS c(code, subgraph) WHERE d.code = c.code', [
    changed,
    changed.map((code) => wanted.get(code) ?? null),
  ]);
  await recordChanges(
    tx,
    'poverty-office',
    changed.map((code) => ({ record: 'Department', recordId: code, kind: 'UPDATED' as const, householdId: null })),
  );
  return changed;
}
