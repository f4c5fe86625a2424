import type { SqlValue } from '../bulk/tableSpec';
import type { ImportChildTable, ImportColumn, ImportKind, ImportSqlType, ParsedRow } from './kind';

/**
 * Where each value of a kind's rows goes: the staged table (`import_staged`) has one column per
 * table column the import writes (file columns by their dbColumn, computed columns, resolved
 * resident IDs), plus the raw resident ID numbers (kept only in the temporary table).
 */

export interface StagedColumn {
  /** Column of import_staged: the table's column name, or `_resident_<file column>`. */
  name: string;
  type: ImportSqlType | 'text[]';
  /** The file column it comes from (for problems), or null for computed ones. */
  file: string | null;
  /** Written to the target table. */
  written: boolean;
}

export interface ImportLayout {
  kind: ImportKind;
  staged: StagedColumn[];
  /** Natural key as staged column names; nullable ones compare with IS NOT DISTINCT FROM. */
  key: Array<{ name: string; nullable: boolean }>;
  /** The staged column of the row's household, when the kind has a householdId column. */
  household: string | null;
  /** Person columns (personId columns and resolved resident IDs): register checks. */
  persons: Array<{ name: string; file: string }>;
  /** Resident ID columns: the raw number and the column its person ID goes to. */
  residents: Array<{ staged: string; resolvesTo: string; file: string }>;
  /** Columns whose value must start with the caller's region. */
  scoped: Array<{ name: string; file: string }>;
  /** Person ID lists (text[] staged columns) and the child tables they are stored in. */
  lists: Array<{ name: string; file: string; storedIn: ImportChildTable }>;
  /** The staged values of a valid row, in `staged` order (resolved person IDs still null). */
  values(row: ParsedRow): SqlValue[];
  /** The file column behind a staged column (for reports). */
  fileColumn(staged: string): string;
}

const typeOf = (column: ImportColumn): ImportSqlType => {
  switch (column.type.kind) {
    case 'int':
      return 'integer';
    case 'money':
      return 'bigint';
    case 'decimal':
      return 'numeric';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
};

export function layoutOf(kind: ImportKind): ImportLayout {
  const staged: StagedColumn[] = [];
  const sources: Array<(row: ParsedRow, computed: Record<string, unknown>) => unknown> = [];
  const computed = new Map((kind.computed ?? []).map((c) => [c.dbColumn, c]));
  const byFile = new Map<string, string>();
  const residents: ImportLayout['residents'] = [];
  const lists: ImportLayout['lists'] = [];
  for (const column of kind.columns) {
    if (column.type.kind === 'personIdList') {
      const name = `_persons_${column.name}`;
      staged.push({ name, type: 'text[]', file: column.name, written: false });
      sources.push((row) => row[column.name]);
      lists.push({ name, file: column.name, storedIn: column.type.storedIn });
      byFile.set(column.name, name);
      continue;
    }
    if (column.type.kind === 'residentId') {
      const name = `_resident_${column.name}`;
      staged.push({ name, type: 'text', file: column.name, written: false });
      sources.push((row) => row[column.name]);
      staged.push({ name: column.type.resolvesTo, type: 'text', file: column.name, written: true });
      sources.push(() => null);
      residents.push({ staged: name, resolvesTo: column.type.resolvesTo, file: column.name });
      byFile.set(column.name, column.type.resolvesTo);
      continue;
    }
    const name = column.dbColumn ?? column.name;
    const override = computed.get(name);
    staged.push({ name, type: override?.type ?? typeOf(column), file: column.name, written: true });
    sources.push(override ? (_row, values) => values[name] : (row) => row[column.name]);
    byFile.set(column.name, name);
  }
  for (const column of kind.computed ?? []) {
    if (staged.some((s) => s.name === column.dbColumn)) continue;
    staged.push({ name: column.dbColumn, type: column.type, file: null, written: true });
    sources.push((_row, values) => values[column.dbColumn]);
  }
  const names = new Set<string>();
  for (const s of staged) {
    if (names.has(s.name)) throw new Error(`import kind ${kind.name}: two columns write ${s.name}`);
    names.add(s.name);
  }

  const fileOf = new Map(staged.map((s) => [s.name, s.file ?? s.name]));
  const column = (file: string) => kind.columns.find((c) => c.name === file);
  const key = kind.naturalKey.map((file) => {
    const c = column(file);
    if (!c) throw new Error(`import kind ${kind.name}: natural key column ${file} is not a column`);
    return { name: byFile.get(file)!, nullable: c.required === false };
  });
  const households = kind.columns.filter((c) => c.type.kind === 'householdId');
  if (households.length > 1) throw new Error(`import kind ${kind.name}: more than one householdId column`);
  if (kind.recordId && households.length === 0) throw new Error(`import kind ${kind.name}: recordId needs a householdId column`);
  if (lists.length > 0 && (!kind.recordId || kind.naturalKey.length === 0)) throw new Error(`import kind ${kind.name}: a personIdList needs recordId and a natural key`);
  const persons = kind.columns.filter((c) => c.type.kind === 'personId' || c.type.kind === 'residentId').map((c) => ({ name: byFile.get(c.name)!, file: c.name }));
  const scoped = kind.columns.filter((c) => ['householdId', 'personId', 'regionCode'].includes(c.type.kind)).map((c) => ({ name: byFile.get(c.name)!, file: c.name }));

  return {
    kind,
    staged,
    key,
    household: households.length ? byFile.get(households[0].name)! : null,
    persons,
    residents,
    scoped,
    lists,
    values(row) {
      const values: Record<string, unknown> = {};
      for (const c of kind.computed ?? []) values[c.dbColumn] = c.value(row);
      return sources.map((get) => (get(row, values) ?? null) as SqlValue);
    },
    fileColumn: (name) => fileOf.get(name) ?? name,
  };
}
