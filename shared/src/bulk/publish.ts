import type { PoolClient } from 'pg';
import { getMetadataArgsStorage } from 'typeorm';
import { CHANGE_CHANNEL } from '../changes';
import { bulkPayloads } from '../live/payload';
import type { TableSpec } from './tableSpec';

/**
 * How a bulk load tells live subscribers what it wrote (issue 7), cheaply at 30,000+ households:
 *
 * - per chunk (5,000 households) and per table with a household_id column (the register's
 *   household table: its id), the distinct
 *   households it wrote rows for, each one UPDATED change with record = the table's record type
 *   (the TypeORM entity's class name, e.g. dibao_enrolment → DibaoEnrolment) and recordId = the
 *   household ID: "this household's records of this type changed, re-read them";
 * - each change gets a sequence number drawn from change_event's sequence (one statement per chunk)
 *   but no change_event row: the change log stays the log of individual writes;
 * - the households travel in NOTIFY payloads of up to ~380 IDs (under PostgreSQL's 8000 bytes),
 *   sent in the load's transaction, so they are delivered at COMMIT and never for a rolled-back
 *   load. A 30,000-household register (6 tables) is about 500 notifications.
 *
 * Tables without household_id (reference rows, county-level records) announce nothing, nor do the
 * rows a `replace` removes.
 */
export class ChangePublisher {
  private readonly householdColumn = new Map<TableSpec, ((row: unknown) => unknown) | null>();

  private constructor(readonly department: string) {}

  /** A publisher for the load's schema, or null when it has no change_event table (not a department's). */
  static async prepare(client: PoolClient, department?: string): Promise<ChangePublisher | null> {
    const { rows } = await client.query(`SELECT current_schema() AS schema, to_regclass('change_event') IS NOT NULL AS logged`);
    if (!rows[0]?.logged) return null;
    return new ChangePublisher(department ?? String(rows[0].schema).replace(/_/g, '-'));
  }

  householdOf(spec: TableSpec, row: unknown): string | null {
    let get = this.householdColumn.get(spec);
    if (get === undefined) {
      // The register's own household table is keyed by the household ID itself.
      const column = spec.columns.find((c) => c.name === 'household_id') ?? (spec.table === 'household' ? spec.columns.find((c) => c.name === 'id') : undefined);
      get = column?.get ?? null;
      this.householdColumn.set(spec, get);
    }
    const value = get ? get(row) : null;
    return typeof value === 'string' ? value : null;
  }

  async publish(client: PoolClient, households: Map<TableSpec, Set<string>>): Promise<void> {
    const groups = [...households].filter(([, set]) => set.size > 0).map(([spec, set]) => ({ record: recordNameOf(spec.table), ids: [...set] }));
    const total = groups.reduce((n, g) => n + g.ids.length, 0);
    if (total === 0) return;
    const { rows } = await client.query(
      `SELECT clock_timestamp() AS at, array_agg(n ORDER BY n) AS seq
       FROM (SELECT nextval(pg_get_serial_sequence('change_event', 'id')) AS n FROM generate_series(1, $1::int)) s`,
      [total],
    );
    const at = new Date(rows[0].at).toISOString();
    const sequences = (rows[0].seq as Array<string | number>).map(Number);
    const payloads: string[] = [];
    let offset = 0;
    for (const group of groups) {
      payloads.push(...bulkPayloads(this.department, group.record, at, group.ids, sequences.slice(offset, offset + group.ids.length)));
      offset += group.ids.length;
    }
    await client.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [CHANGE_CHANNEL, payloads]);
  }
}

const recordNames = new Map<string, string>();

/** The record type a table holds: its TypeORM entity's class name, else the table name in PascalCase. */
export function recordNameOf(table: string): string {
  const known = recordNames.get(table);
  if (known) return known;
  const entity = getMetadataArgsStorage().tables.find((t) => t.name === table && typeof t.target === 'function');
  if (!entity) return table.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()); // its entity may load later
  const name = (entity.target as { name: string }).name;
  recordNames.set(table, name);
  return name;
}
