import type { RawCell } from './columns';
import { readCsv } from './csv';
import { importRefused, ImportErrorCode } from './errors';
import { readJsonLines } from './jsonl';
import type { ImportKind, RowProblem } from './kind';

export type ImportFormat = 'csv' | 'jsonl';

/** One data row of a file, before its cells are checked. */
export interface FileRow {
  /** 1-based: the first data row is 1 (a CSV header is not counted). */
  row: number;
  cell(name: string): RawCell;
  /** Problems found while reading (malformed CSV or JSON, a wrong number of cells, an unknown key). */
  problems: RowProblem[];
}

/**
 * The file's column names must fit the kind before any row is read: every required column
 * present, no unknown or repeated name. Otherwise the whole file is refused, with the names.
 */
export function checkHeader(kind: ImportKind, names: readonly string[]): void {
  const known = new Set(kind.columns.map((c) => c.name));
  const seen = new Set<string>();
  const repeated = names.filter((n) => (seen.has(n) ? true : (seen.add(n), false)));
  if (repeated.length > 0) {
    throw importRefused(ImportErrorCode.DUPLICATE_COLUMNS, `the header names ${quoteAll(repeated)} more than once`, { duplicate: repeated });
  }
  const missing = kind.columns.filter((c) => c.required !== false && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw importRefused(ImportErrorCode.MISSING_COLUMNS, `the file lacks the required column${missing.length > 1 ? 's' : ''} ${quoteAll(missing)} (kind ${kind.name})`, { missing });
  }
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw importRefused(
      ImportErrorCode.UNKNOWN_COLUMNS,
      `kind ${kind.name} has no column${unknown.length > 1 ? 's' : ''} ${quoteAll(unknown)}; its columns are ${kind.columns.map((c) => c.name).join(', ')}`,
      { unknown },
    );
  }
}

function quoteAll(names: readonly string[]): string {
  return names.map((n) => (n === '' ? '(an empty name)' : `"${n}"`)).join(', ');
}

/** Reads a file's data rows in batches, after checking its header (CSV) or its first object's keys (JSON Lines). */
export function readRows(kind: ImportKind, source: AsyncIterable<Buffer | string>, format: ImportFormat): AsyncGenerator<FileRow[]> {
  if (format === 'csv') return csvRows(kind, source);
  if (format === 'jsonl') return jsonRows(kind, source);
  throw importRefused(ImportErrorCode.UNKNOWN_FORMAT, `unknown format "${format}": csv or jsonl`);
}

async function* csvRows(kind: ImportKind, source: AsyncIterable<Buffer | string>): AsyncGenerator<FileRow[]> {
  let header: string[] | null = null;
  let index = new Map<string, number>();
  let row = 0;
  for await (const records of readCsv(source)) {
    const batch: FileRow[] = [];
    for (const record of records) {
      if (header === null) {
        if (record.malformed) throw importRefused(ImportErrorCode.MALFORMED_FILE, `the header is not valid CSV: ${record.malformed}`);
        header = record.cells.map((c) => c.trim());
        checkHeader(kind, header);
        index = new Map(header.map((name, i) => [name, i]));
        continue;
      }
      const cells = record.cells;
      const problems: RowProblem[] = [];
      if (record.malformed) problems.push({ column: '', code: 'MALFORMED_ROW', reason: `not valid CSV: ${record.malformed}` });
      else if (cells.length !== header.length) problems.push({ column: '', code: 'MALFORMED_ROW', reason: `${cells.length} cells, but the header has ${header.length} columns` });
      batch.push({ row: ++row, problems, cell: (name) => cellAt(cells, index.get(name)) });
    }
    if (batch.length > 0) yield batch;
  }
  if (header === null) throw importRefused(ImportErrorCode.EMPTY_FILE, 'the file is empty: a CSV file starts with a header line naming its columns');
}

function cellAt(cells: string[], i: number | undefined): RawCell {
  return i === undefined ? undefined : cells[i];
}

async function* jsonRows(kind: ImportKind, source: AsyncIterable<Buffer | string>): AsyncGenerator<FileRow[]> {
  const known = new Set(kind.columns.map((c) => c.name));
  let row = 0;
  for await (const records of readJsonLines(source)) {
    const batch: FileRow[] = [];
    for (const record of records) {
      const values = record.values;
      const keys = Object.keys(values);
      // The first object stands for the header: a file whose every line lacks a column, or
      // misspells one, is refused as a whole rather than row by row.
      if (row === 0 && !record.malformed) checkHeader(kind, [...keys, ...kind.columns.filter((c) => c.required === false).map((c) => c.name).filter((n) => !keys.includes(n))]);
      const problems: RowProblem[] = [];
      if (record.malformed) problems.push({ column: '', code: 'MALFORMED_ROW', reason: record.malformed });
      for (const key of keys) {
        if (!known.has(key)) problems.push({ column: key, code: 'UNKNOWN_COLUMN', reason: `kind ${kind.name} has no column "${key}"` });
      }
      batch.push({ row: ++row, problems, cell: (name) => values[name] as RawCell });
    }
    if (batch.length > 0) yield batch;
  }
  if (row === 0) throw importRefused(ImportErrorCode.EMPTY_FILE, 'the file is empty: JSON Lines has one object per line');
}
