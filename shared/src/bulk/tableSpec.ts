/**
 * Column layouts for bulk loading, and their two encodings: COPY text format, and column arrays
 * for `INSERT ... SELECT FROM unnest(...)` where COPY FROM STDIN is not available.
 */

export type SqlType = 'text' | 'smallint' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'date' | 'timestamptz' | 'text[]' | 'jsonb';
export type SqlValue = string | number | boolean | null | readonly string[];

export interface Column<R> {
  name: string;
  type: SqlType;
  get: (row: R) => SqlValue;
}

export interface TableSpec<R = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  table: string;
  columns: ReadonlyArray<Column<R>>;
  /** INSERT conflict handling on the insert path (e.g. reference rows that may already exist). */
  onConflict?: string;
}

/** `tableSpec('dibao', [['household_id', 'text', (r) => r.householdId], …])` */
export function tableSpec<R>(table: string, columns: Array<[string, SqlType, (row: R) => SqlValue]>, onConflict?: string): TableSpec<R> {
  return { table, columns: columns.map(([name, type, get]) => ({ name, type, get })), onConflict };
}

/** A value as PostgreSQL text input (null stays null). */
function textValue(v: SqlValue): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return `{${v.map(arrayElement).join(',')}}`;
}

function arrayElement(s: string): string {
  return /^[A-Za-z0-9_]+$/.test(s) ? s : `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
function copyEscape(s: string): string {
  return COPY_SPECIAL.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}

/** One line of COPY text format (tab-separated, \N for null, newline-terminated). */
export function copyLine<R>(spec: TableSpec<R>, row: R): string {
  let line = '';
  const cols = spec.columns;
  for (let i = 0; i < cols.length; i++) {
    const v = textValue(cols[i].get(row));
    if (i > 0) line += '\t';
    line += v === null ? '\\N' : copyEscape(v);
  }
  return line + '\n';
}

export function copyStatement(spec: TableSpec): string {
  return `COPY ${spec.table} (${spec.columns.map((c) => c.name).join(', ')}) FROM STDIN`;
}

/**
 * A multi-row insert with one array parameter per column:
 * INSERT INTO t (a, b) SELECT a::..., b::... FROM unnest($1::text[], $2::text[]) AS u(a, b).
 * One statement carries any number of rows and always the same number of parameters.
 */
export function unnestInsert<R>(spec: TableSpec<R>, rows: ReadonlyArray<R>): { text: string; values: Array<Array<string | null>> } {
  const names = spec.columns.map((c) => c.name);
  const casts = spec.columns.map((c) => (c.type === 'text' ? c.name : `${c.name}::${c.type}`));
  const params = spec.columns.map((_, i) => `$${i + 1}::text[]`);
  const text =
    `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT ${casts.join(', ')} FROM unnest(${params.join(', ')}) AS u(${names.join(', ')})` +
    (spec.onConflict ? ` ${spec.onConflict}` : '');
  const values = spec.columns.map((c) => rows.map((r) => textValue(c.get(r))));
  return { text, values };
}
