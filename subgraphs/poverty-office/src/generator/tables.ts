import { RegisterRows, RegisterTable } from './rows';

/**
 * Column layouts of the tables the generator fills, and their two encodings: COPY text format and
 * column arrays for `INSERT ... SELECT FROM unnest(...)`.
 */

type SqlType = 'text' | 'smallint' | 'bigint' | 'boolean' | 'date' | 'timestamptz' | 'text[]';
type Value = string | number | boolean | null | readonly string[];

interface Column<R> {
  name: string;
  type: SqlType;
  get: (row: R) => Value;
}

export interface TableSpec<T extends RegisterTable = RegisterTable> {
  table: T;
  columns: ReadonlyArray<Column<RegisterRows[T]>>;
  /** INSERT conflict handling (regions may already exist: they are brought up to date). */
  onConflict?: string;
}

function spec<T extends RegisterTable>(table: T, columns: Array<[string, SqlType, (row: RegisterRows[T]) => Value]>, onConflict?: string): TableSpec<T> {
  return { table, columns: columns.map(([name, type, get]) => ({ name, type, get })), onConflict };
}

export const TABLE_SPECS: { [T in RegisterTable]: TableSpec<T> } = {
  region: spec('region', [
    ['code', 'text', (r) => r.code],
    ['name', 'text', (r) => r.name],
    ['level', 'smallint', (r) => r.level],
    ['parent_code', 'text', (r) => r.parentCode],
    ['is_poor_village', 'boolean', (r) => r.isPoorVillage],
  ], 'ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, is_poor_village = EXCLUDED.is_poor_village'),
  cadre: spec('cadre', [
    ['id', 'text', (r) => r.id],
    ['name', 'text', (r) => r.name],
    ['unit', 'text', (r) => r.unit],
    ['unit_level', 'text', (r) => r.unitLevel],
    ['phone', 'text', (r) => r.phone],
  ]),
  household: spec('household', [
    ['id', 'text', (r) => r.id],
    ['region_code', 'text', (r) => r.regionCode],
    ['identification_standard', 'text', (r) => r.identificationStandard],
    ['welfare_category', 'text', (r) => r.welfareCategory],
    ['main_cause', 'text', (r) => r.mainCause],
    ['other_causes', 'text[]', (r) => r.otherCauses],
    ['status', 'text', (r) => r.status],
    ['identification_year', 'smallint', (r) => r.identificationYear],
    ['exit_year', 'smallint', (r) => r.exitYear],
    ['address', 'text', (r) => r.address],
    ['phone', 'text', (r) => r.phone],
    ['bank_name', 'text', (r) => r.bankName],
    ['bank_account', 'text', (r) => r.bankAccount],
    ['created_at', 'timestamptz', (r) => r.createdAt],
    ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ]),
  person: spec('person', [
    ['id', 'text', (r) => r.id],
    ['household_id', 'text', (r) => r.householdId],
    ['resident_id', 'text', (r) => r.residentId],
    ['name', 'text', (r) => r.name],
    ['sex', 'text', (r) => r.sex],
    ['birth_date', 'date', (r) => r.birthDate],
    ['relation', 'text', (r) => r.relation],
    ['ethnicity', 'text', (r) => r.ethnicity],
    ['education', 'text', (r) => r.education],
    ['schooling_status', 'text', (r) => r.schoolingStatus],
    ['health_status', 'text', (r) => r.healthStatus],
    ['labour_capacity', 'text', (r) => r.labourCapacity],
    ['migrant_work_months', 'smallint', (r) => r.migrantWorkMonths],
    ['member_status', 'text', (r) => r.memberStatus],
    ['created_at', 'timestamptz', (r) => r.createdAt],
    ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ]),
  household_status_period: spec('household_status_period', [
    ['household_id', 'text', (r) => r.householdId],
    ['status', 'text', (r) => r.status],
    ['effective_from', 'date', (r) => r.effectiveFrom],
    ['effective_to', 'date', (r) => r.effectiveTo],
    ['reason', 'text', (r) => r.reason],
    ['recorded_at', 'timestamptz', (r) => r.recordedAt],
  ]),
  household_income: spec('household_income', [
    ['household_id', 'text', (r) => r.householdId],
    ['year', 'smallint', (r) => r.year],
    ['net_income_per_capita_fen', 'bigint', (r) => r.netIncomePerCapitaFen],
    ['household_size', 'smallint', (r) => r.householdSize],
    ['recorded_at', 'timestamptz', (r) => r.recordedAt],
  ]),
  household_visit: spec('household_visit', [
    ['household_id', 'text', (r) => r.householdId],
    ['visit_date', 'date', (r) => r.visitDate],
    ['visitor', 'text', (r) => r.visitor],
    ['food_secure', 'boolean', (r) => r.foodSecure],
    ['clothing_secure', 'boolean', (r) => r.clothingSecure],
    ['drinking_water_safe', 'boolean', (r) => r.drinkingWaterSafe],
    ['notes', 'text', (r) => r.notes],
  ]),
  cadre_assignment: spec('cadre_assignment', [
    ['household_id', 'text', (r) => r.householdId],
    ['cadre_id', 'text', (r) => r.cadreId],
    ['assigned_from', 'date', (r) => r.assignedFrom],
    ['assigned_to', 'date', (r) => r.assignedTo],
  ]),
  procedure_step: spec('procedure_step', [
    ['household_id', 'text', (r) => r.householdId],
    ['procedure', 'text', (r) => r.procedure],
    ['step', 'text', (r) => r.step],
    ['step_order', 'smallint', (r) => r.stepOrder],
    ['actor', 'text', (r) => r.actor],
    ['actor_level', 'text', (r) => r.actorLevel],
    ['step_date', 'date', (r) => r.stepDate],
    ['evidence', 'text', (r) => r.evidence],
    ['posting_start', 'date', (r) => r.postingStart],
    ['posting_end', 'date', (r) => r.postingEnd],
    ['objection_count', 'smallint', (r) => r.objectionCount],
  ]),
};

/** A value as PostgreSQL text input (null stays null). */
function textValue(v: Value): string | null {
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
export function copyLine<T extends RegisterTable>(spec: TableSpec<T>, row: RegisterRows[T]): string {
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
export function unnestInsert<T extends RegisterTable>(spec: TableSpec<T>, rows: ReadonlyArray<RegisterRows[T]>): { text: string; values: Array<Array<string | null>> } {
  const names = spec.columns.map((c) => c.name);
  const casts = spec.columns.map((c) => (c.type === 'text' ? c.name : `${c.name}::${c.type}`));
  const params = spec.columns.map((_, i) => `$${i + 1}::text[]`);
  const text =
    `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT ${casts.join(', ')} FROM unnest(${params.join(', ')}) AS u(${names.join(', ')})` +
    (spec.onConflict ? ` ${spec.onConflict}` : '');
  const values = spec.columns.map((c) => rows.map((r) => textValue(c.get(r))));
  return { text, values };
}
