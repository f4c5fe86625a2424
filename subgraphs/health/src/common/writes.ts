import { EntityManager } from 'typeorm';
import { ErrorCode, userError } from '@saf/kit';

/** Serialises writes for one person (overlap and duplicate checks), in the writer's transaction. */
export async function lockPerson(tx: EntityManager, personId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`health:${personId}`]);
}

/** Runs an insert, turning a unique-key violation (a duplicate natural key) into CONFLICT. */
export async function insertUnique<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const e = error as { code?: string; driverError?: { code?: string } };
    if ((e.driverError?.code ?? e.code) === '23505') throw userError(ErrorCode.CONFLICT, message, { field });
    throw error;
  }
}

export const KEY_DESCRIPTION =
  'A client-chosen key (8–200 characters). Repeating a request with the same key returns the first result without writing again; reusing it for a different request is an error.';
