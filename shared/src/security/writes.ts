import type { EntityManager } from 'typeorm';
import { ErrorCode, userError } from '../errors';
import type { Identity } from './identity';
import { writeAudit } from './audit';
import { assertInScope } from './scope';

/** Who is writing in a transaction: bound by runIdempotent, read by recordChanges. */
export interface Writer {
  identity: Identity;
  requestId: string;
  /** The subgraph's department. */
  department: string;
  operation: string;
}

const writers = new WeakMap<EntityManager, Writer>();

/** Only the department's own officers write its records. Throws FORBIDDEN otherwise. */
export function assertMayWrite(identity: Identity, department: string): void {
  if (identity.role !== 'department_officer') {
    throw userError(ErrorCode.FORBIDDEN, `only ${department} officers write ${department} records; your role is ${identity.role}`, { reason: 'ROLE' });
  }
  if (identity.department !== department) {
    throw userError(ErrorCode.FORBIDDEN, `only ${department} officers write ${department} records; you are a ${identity.department} officer`, { reason: 'WRONG_DEPARTMENT' });
  }
}

export function bindWriter(tx: EntityManager, writer: Writer): void {
  writers.set(tx, writer);
}

export interface ChangedRecord {
  record: string;
  recordId: string;
  kind: string;
  householdId: string | null;
  personId?: string | null;
}

/**
 * Every changed record of a request's write must lie in the writer's region (else the whole
 * transaction rolls back with OUT_OF_SCOPE), and leaves an audit row in the same transaction.
 * Bulk loads run outside requests and bind no writer.
 */
export async function checkAndAuditWrite(tx: EntityManager, changes: ChangedRecord[]): Promise<void> {
  const writer = writers.get(tx);
  if (!writer) return;
  for (const change of changes) {
    const owner = change.householdId ?? change.personId;
    if (owner) assertInScope(writer.identity, owner, 'householdId');
  }
  await writeAudit(
    tx,
    writer.identity,
    writer.requestId,
    changes.map((c) => ({
      action: 'WRITE' as const,
      operation: `${writer.operation} (${c.kind.toLowerCase()})`,
      record: c.record,
      recordId: c.recordId,
      householdId: c.householdId,
      personId: c.personId ?? null,
    })),
  );
}
