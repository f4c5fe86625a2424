import { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { checkAndAuditWrite } from './security/writes';

/**
 * The channel every subgraph notifies on; each subgraph's ChangeHub (live/, issue 7) keeps its own
 * department's notifications. Payloads: one change_event row (below), or a bulk load's households
 * (live/payload.ts).
 */
export const CHANGE_CHANNEL = 'saf_change';

export type ChangeKind = 'CREATED' | 'UPDATED' | 'REMOVED';

export interface ChangeEvent {
  /** The record type, e.g. 'DibaoEnrolment'. */
  record: string;
  recordId: string;
  kind: ChangeKind;
  householdId: string | null;
  personId?: string | null;
}

/** Every subgraph gets this table: an append-only log of its writes, one row per changed record. */
export class ChangeEvents1600000000001 implements MigrationInterface {
  name = 'ChangeEvents1600000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_event (
        id           bigserial PRIMARY KEY,
        occurred_at  timestamptz NOT NULL DEFAULT now(),
        record       text NOT NULL,
        record_id    text NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('CREATED', 'UPDATED', 'REMOVED')),
        household_id text COLLATE "C",
        person_id    text COLLATE "C"
      );
      CREATE INDEX change_event_household_idx ON change_event (household_id, id)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE change_event');
  }
}

/**
 * Records changes in the writer's transaction and notifies listeners on commit (PostgreSQL sends
 * NOTIFY only when the transaction commits, so a rolled-back write announces nothing). Every
 * replica of the subgraph that LISTENs on its database sees every change.
 */
export async function recordChanges(tx: EntityManager, department: string, events: ChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  await checkAndAuditWrite(tx, events);
  const rows: Array<{ id: string; occurred_at: string }> = await tx.query(
    `INSERT INTO change_event (record, record_id, kind, household_id, person_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     RETURNING id, occurred_at`,
    [
      events.map((e) => e.record),
      events.map((e) => e.recordId),
      events.map((e) => e.kind),
      events.map((e) => e.householdId),
      events.map((e) => e.personId ?? null),
    ],
  );
  const payloads = events.map((e, i) => JSON.stringify({ department, id: Number(rows[i].id), at: rows[i].occurred_at, ...e }));
  await tx.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [CHANGE_CHANNEL, payloads]);
}
