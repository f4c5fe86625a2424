import { createHash } from 'node:crypto';
import { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { ErrorCode, userError } from './errors';
import { SubgraphContext } from './context';
import { assertMayWrite, bindWriter } from './security';

/** Every subgraph lists this migration first: the table that makes writes idempotent. */
export class IdempotencyKeys1600000000000 implements MigrationInterface {
  name = 'IdempotencyKeys1600000000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        key          text PRIMARY KEY CHECK (length(key) BETWEEN 8 AND 200),
        operation    text NOT NULL,
        request_hash text NOT NULL,
        result       jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_key');
  }
}

export interface IdempotentWrite<R> {
  result: R;
  /** True when the key was seen before and the stored result is returned without writing. */
  replayed: boolean;
}

/**
 * Runs `write` in one transaction, at most once per client key. The same key with the same
 * input replays the first result; the same key with a different input is an error. A concurrent
 * second request with the same key waits on the primary key until the first one commits.
 * Only the department's own officers write; what they change must be in their region (checked,
 * with the audit row, when the write records its changes).
 */
export async function runIdempotent<R>(
  ctx: SubgraphContext,
  request: { key: string; operation: string; input: unknown },
  write: (tx: EntityManager) => Promise<R>,
): Promise<IdempotentWrite<R>> {
  if (request.key.length < 8 || request.key.length > 200) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'idempotencyKey must be 8 to 200 characters', { field: 'idempotencyKey' });
  }
  assertMayWrite(ctx.identity, ctx.department);
  const hash = createHash('sha256').update(request.operation).update(stableJson(request.input)).digest('hex');
  return ctx.db.transaction(async (tx) => {
    bindWriter(tx, { identity: ctx.identity, requestId: ctx.requestId, department: ctx.department, operation: request.operation });
    const claimed = await tx.query(
      `INSERT INTO idempotency_key (key, operation, request_hash, result) VALUES ($1, $2, $3, 'null')
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [request.key, request.operation, hash],
    );
    if (claimed.length === 0) {
      const [previous] = await tx.query('SELECT operation, request_hash, result FROM idempotency_key WHERE key = $1', [request.key]);
      if (previous.operation !== request.operation || previous.request_hash !== hash) {
        throw userError(ErrorCode.IDEMPOTENCY_KEY_REUSED, `idempotencyKey "${request.key}" was already used for a different request`, {
          field: 'idempotencyKey',
          operation: previous.operation,
        });
      }
      return { result: previous.result as R, replayed: true };
    }
    const result = await write(tx);
    await tx.query('UPDATE idempotency_key SET result = $2 WHERE key = $1', [request.key, JSON.stringify(result ?? null)]);
    return { result, replayed: false };
  });
}

/** JSON with sorted object keys, so that equal inputs hash equally whatever their key order. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
