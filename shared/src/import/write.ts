import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { ChangePublisher, recordNameOf } from '../bulk/publish';
import type { TableSpec } from '../bulk/tableSpec';
import { writeAudit } from '../security/audit';
import type { Identity } from '../security/identity';
import { rejectRows, sqlLiteral } from './checks';
import { importRefused, ImportErrorCode } from './errors';
import type { ImportLayout } from './layout';
import { NEW_ROWS } from './staging';

/**
 * Writes the rows still new into the department's table, in file order, in the import's
 * transaction: the staged columns, the kind's fixed values and, for tables whose IDs carry the
 * household ID, the next free numbers of each household. A row the database refuses despite the
 * checks (a concurrent write) fails the whole import: WRITE_FAILED, and the caller rolls back.
 */
export async function insertNewRows(client: PoolClient, layout: ImportLayout, department: string): Promise<number> {
  const kind = layout.kind;
  const written = layout.staged.filter((c) => c.written);
  const fixed = Object.entries(kind.fixed ?? {});
  const columns = [...written.map((c) => c.name), ...fixed.map(([name]) => name)];
  const values = [...written.map((c) => `s.${c.name}`), ...fixed.map(([, value]) => sqlLiteral(value))];
  let from = `${NEW_ROWS} s`;
  if (kind.recordId) {
    const { column, digits } = kind.recordId;
    // The same locks the department's own writes take before numbering a household's records.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1 || h)) FROM (SELECT DISTINCT ${layout.household} AS h FROM ${NEW_ROWS} ORDER BY 1) d`, [
      kind.recordId.lockKey ?? `${department}:`,
    ]);
    from = numberedRows(layout);
    columns.push(column);
    values.push(`${idBase(layout)} || lpad(s._number::text, greatest(${digits}, length(s._number::text)), '0')`);
  }
  try {
    const { rowCount } = await client.query(`INSERT INTO ${kind.table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${from} ORDER BY s.row_no`);
    await insertChildRows(client, layout);
    for (const statement of kind.afterWrite ?? []) await client.query(statement);
    return rowCount ?? 0;
  } catch (error) {
    const e = error as { message: string; constraint?: string; detail?: string };
    throw importRefused(
      ImportErrorCode.WRITE_FAILED,
      `the database refused a row (${e.message}${e.detail ? `: ${e.detail}` : ''}); nothing was written. Another write may have raced the import: run it again.`,
      e.constraint ? { constraint: e.constraint } : {},
    );
  }
}

/** `prefix || household || infix`, the part of a record ID before its number. */
function idBase(layout: ImportLayout): string {
  const { prefix, infix } = layout.kind.recordId!;
  return `${sqlLiteral(prefix ?? '')} || s.${layout.household} || ${sqlLiteral(infix ?? '-')}`;
}

/** The rows still new with `_number`: each household's next free numbers, in file order, after the highest in the table. */
function numberedRows(layout: ImportLayout): string {
  const { column } = layout.kind.recordId!;
  const base = idBase(layout);
  return `(SELECT s.*, COALESCE(m.last, 0) + row_number() OVER (PARTITION BY s.${layout.household} ORDER BY s.row_no) AS _number
           FROM ${NEW_ROWS} s LEFT JOIN LATERAL (
             SELECT max(substr(t.${column}, length(${base}) + 1)::int) AS last FROM ${layout.kind.table} t
             WHERE t.${column} >= ${base} AND t.${column} < ${base} || '~') m ON true) s`;
}

/** Rows that would number a household's records past recordId.max: NO_NUMBERS_LEFT (rather than a failed INSERT). */
export async function checkRecordNumbers(client: PoolClient, layout: ImportLayout): Promise<void> {
  const recordId = layout.kind.recordId;
  if (!recordId) return;
  const max = recordId.max ?? 10 ** recordId.digits - 1;
  await rejectRows(
    client,
    'NO_NUMBERS_LEFT',
    `SELECT row_no, $1::text AS column_name, format('household %s has no %s record numbers left (the highest is %s)', ${layout.household}, $2::text, $3::int) AS reason
     FROM ${numberedRows(layout)} WHERE _number > $3`,
    [layout.fileColumn(layout.household!), layout.kind.table, max],
  );
}

/** The persons of each list column, one child row each, linked to the record just written (found again by its natural key). */
async function insertChildRows(client: PoolClient, layout: ImportLayout): Promise<void> {
  const kind = layout.kind;
  const join = layout.key.map((k) => (k.nullable ? `s.${k.name} IS NOT DISTINCT FROM t.${k.name}` : `s.${k.name} = t.${k.name}`)).join(' AND ');
  for (const { name, storedIn: child } of layout.lists) {
    const copies = Object.entries(child.copy ?? {});
    const columns = [child.recordColumn, child.personColumn, ...copies.map(([column]) => column)];
    const values = [`t.${kind.recordId!.column}`, 'p', ...copies.map(([, from]) => `t.${from}`)];
    await client.query(
      `INSERT INTO ${child.table} (${columns.join(', ')}) SELECT ${values.join(', ')} FROM ${NEW_ROWS} s JOIN ${kind.table} t ON ${join} CROSS JOIN unnest(s.${name}) p ORDER BY s.row_no`,
    );
  }
}

/**
 * Tells live subscribers which households got records (issue 7), the way bulk loads do: one
 * UPDATED change per household for the table's record type, sent at COMMIT.
 */
export async function announceWrittenHouseholds(client: PoolClient, layout: ImportLayout, department: string): Promise<void> {
  const household = layout.household;
  if (!household) return;
  const publisher = await ChangePublisher.prepare(client, department);
  if (!publisher) return;
  const spec: TableSpec = { table: layout.kind.table, columns: [] };
  let after = '';
  for (;;) {
    const { rows } = await client.query(`SELECT DISTINCT ${household} AS id FROM ${NEW_ROWS} WHERE ${household} > $1 ORDER BY 1 LIMIT 5000`, [after]);
    if (rows.length === 0) return;
    const ids: string[] = rows.map((r: { id: string }) => r.id);
    await publisher.publish(client, new Map([[spec, new Set(ids)]]));
    after = ids[ids.length - 1];
  }
}

export interface ImportCounts {
  rows: number;
  written: number;
  unchanged: number;
  rejected: number;
}

/** One WRITE row in the department's audit trail for the whole import, with its counts. */
export async function auditImport(client: PoolClient, identity: Identity, requestId: string, layout: ImportLayout, counts: ImportCounts): Promise<void> {
  const kind = layout.kind;
  // writeAudit only calls query(text, params), which a pg client has too.
  await writeAudit(client as unknown as EntityManager, identity, requestId, [
    {
      action: 'WRITE',
      operation: `import ${kind.name} (${counts.rows} rows: ${counts.written} written, ${counts.unchanged} unchanged, ${counts.rejected} rejected)`,
      record: recordNameOf(kind.table),
      fields: layout.staged.filter((c) => c.written).map((c) => c.name),
    },
  ]);
}
