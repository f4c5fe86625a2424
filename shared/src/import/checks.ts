import type { PoolClient } from 'pg';
import type { Identity } from '../security/identity';
import type { ImportLayout } from './layout';
import { NEW_ROWS, PROBLEMS, STAGED } from './staging';

/**
 * The set-based checks, in SQL over the staged rows (whatever the file's size, the process holds
 * one batch at a time). Each rejects rows by recording a problem and setting their state.
 */

/**
 * Runs `select` — returning row_no, column_name and reason — and rejects those rows with `code`.
 * `select` may take parameters $1…$n (`params`).
 */
export async function rejectRows(client: PoolClient, code: string, select: string, params: unknown[] = []): Promise<number> {
  const codeParam = `$${params.length + 1}`;
  const { rowCount } = await client.query(
    `WITH found AS (${select}),
     marked AS (UPDATE ${STAGED} s SET state = 'rejected' FROM (SELECT DISTINCT row_no FROM found) f WHERE s.row_no = f.row_no AND s.state <> 'rejected')
     INSERT INTO ${PROBLEMS} (row_no, column_name, code, reason) SELECT row_no, column_name, ${codeParam}, reason FROM found ORDER BY row_no`,
    [...params, code],
  );
  return rowCount ?? 0;
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Household, person and region columns outside the caller's region: OUT_OF_SCOPE. */
export async function checkScope(client: PoolClient, layout: ImportLayout, identity: Identity): Promise<void> {
  if (!identity.region) return;
  for (const { name, file } of layout.scoped) {
    await rejectRows(
      client,
      'OUT_OF_SCOPE',
      `SELECT row_no, ${literal(file)} AS column_name, format('%s %s is outside your region (%s)', ${literal(file)}, ${name}, $1::text) AS reason
       FROM ${NEW_ROWS} WHERE ${name} IS NOT NULL AND left(${name}, $2) <> $1`,
      [identity.region, identity.region.length],
    );
  }
  for (const { name, file } of layout.lists) {
    await rejectRows(
      client,
      'OUT_OF_SCOPE',
      `SELECT DISTINCT ON (s.row_no) s.row_no, ${literal(file)} AS column_name, format('%s: %s is outside your region (%s)', ${literal(file)}, p, $1::text) AS reason
       FROM ${NEW_ROWS} s CROSS JOIN unnest(s.${name}) p WHERE left(p, $2) <> $1 ORDER BY s.row_no, p`,
      [identity.region, identity.region.length],
    );
  }
}

/**
 * The same natural key twice in the file: the first row stands, later ones are DUPLICATE_IN_FILE
 * naming it. Nullable key columns compare equal when both are empty (as the table's UNIQUE NULLS
 * NOT DISTINCT does).
 */
export async function checkDuplicatesInFile(client: PoolClient, layout: ImportLayout): Promise<void> {
  if (layout.key.length === 0) return;
  const key = layout.key.map((k) => k.name).join(', ');
  const files = layout.key.map((k) => layout.fileColumn(k.name)).join(', ');
  const column = layout.key.length === 1 ? layout.fileColumn(layout.key[0].name) : '';
  await rejectRows(
    client,
    'DUPLICATE_IN_FILE',
    `SELECT row_no, ${literal(column)} AS column_name, format('the same %s as row %s', ${literal(files)}, first_row) AS reason
     FROM (SELECT row_no, first_value(row_no) OVER (PARTITION BY ${key} ORDER BY row_no) AS first_row FROM ${NEW_ROWS}) d
     WHERE row_no <> first_row`,
  );
}

/**
 * Rows whose natural key is already in the table: with the same values they are unchanged (a
 * re-run writes nothing), with other values CONFLICTS_WITH_EXISTING on the first column that differs.
 */
export async function checkAgainstTable(client: PoolClient, layout: ImportLayout): Promise<void> {
  const kind = layout.kind;
  if (layout.key.length === 0) return;
  const keyNames = new Set(layout.key.map((k) => k.name));
  // Hash-joinable equality on the required key columns, the nullable ones as a filter.
  const join = layout.key.map((k) => (k.nullable ? `s.${k.name} IS NOT DISTINCT FROM t.${k.name}` : `s.${k.name} = t.${k.name}`)).join(' AND ');
  const compared = layout.staged.filter((c) => c.written && !keyNames.has(c.name));
  const fixed = Object.entries(kind.fixed ?? {});
  const differences = [
    ...compared.map((c) => ({ test: `s.${c.name} IS DISTINCT FROM t.${c.name}`, column: layout.fileColumn(c.name), db: c.name })),
    // A list compares as a set with the child rows of the stored record.
    ...layout.lists.map(({ name, file, storedIn: child }) => ({
      test: `(SELECT array_agg(c.${child.personColumn} ORDER BY c.${child.personColumn}) FROM ${child.table} c WHERE c.${child.recordColumn} = t.${kind.recordId!.column})
             IS DISTINCT FROM (SELECT array_agg(p ORDER BY p) FROM unnest(s.${name}) p)`,
      column: file,
      db: file,
    })),
    ...fixed.map(([name, value]) => ({ test: `t.${name} IS DISTINCT FROM ${sqlLiteral(value)}`, column: '', db: name })),
  ];
  const same = differences.length ? differences.map((d) => `NOT (${d.test})`).join(' AND ') : 'true';
  await client.query(`UPDATE ${STAGED} s SET state = 'unchanged' FROM ${kind.table} t WHERE s.state = 'new' AND ${join} AND ${same}`);
  if (differences.length === 0) return;
  const which = `CASE ${differences.map((d) => `WHEN ${d.test} THEN ${literal(d.column)}`).join(' ')} END`;
  const what = `CASE ${differences.map((d) => `WHEN ${d.test} THEN ${literal(d.db)}`).join(' ')} END`;
  const keyText = layout.key.map((k) => layout.fileColumn(k.name)).join(', ');
  await rejectRows(
    client,
    'CONFLICTS_WITH_EXISTING',
    `SELECT s.row_no, ${which} AS column_name,
            format('a record with the same %s is already stored with another %s', ${literal(keyText)}, ${what}) AS reason
     FROM ${NEW_ROWS} s JOIN ${kind.table} t ON ${join}`,
  );
}

/** The kind's own rules (ImportKind.checks), in order. */
export async function runKindChecks(client: PoolClient, layout: ImportLayout): Promise<void> {
  for (const check of layout.kind.checks ?? []) {
    await rejectRows(client, check.code, `SELECT row_no, ${literal(check.column)} AS column_name, reason FROM (${check.sql}) c`);
  }
}

/** A constant as SQL (fixed values: the kind's own declarations, never file content). */
export function sqlLiteral(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return literal(value);
}
