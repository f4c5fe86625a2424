import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';
import { ImportKind, ImportReport, RegisterClient, runImport } from '@saf/kit';
import { identityOf, officer, TestCaller } from './auth';

/**
 * Running a department's import kinds in tests: straight into the department's database with the
 * kit's runImport, register checks asked of a real poverty office as the caller.
 */

const REPO = path.resolve(__dirname, '../..');

/** The sample file a department ships for a kind (subgraphs/<department>/<sampleFile>). */
export function samplePath(department: string, kind: ImportKind): string {
  return path.join(REPO, 'subgraphs', department, kind.sampleFile);
}

/** The sample's data rows as objects keyed by header (the samples have no quoted cells). */
export function sampleRows(department: string, kind: ImportKind): Array<Record<string, string>> {
  const [header, ...lines] = fs.readFileSync(samplePath(department, kind), 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
}

/** CSV text of rows in the kind's column order (cells are quoted when they need it). */
export function csvOf(kind: ImportKind, rows: ReadonlyArray<Record<string, string | number | boolean | null | undefined>>): string {
  const names = kind.columns.map((c) => c.name);
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [names.join(','), ...rows.map((row) => names.map((name) => cell(row[name])).join(','))].join('\n') + '\n';
}

export interface ImportTarget {
  department: string;
  /** A pool on the department's schema. */
  pool: Pool;
  /** The poverty office's GraphQL URL. */
  registerUrl: string;
}

export interface ImportRun {
  /** Default: the department's own officer, whole country. */
  caller?: TestCaller;
  allOrNothing?: boolean;
  dryRun?: boolean;
}

/** Imports CSV text, or a file with `{ file }`, as one of the department's officers. */
export function importCsv(target: ImportTarget, kind: ImportKind, input: string | { file: string }, run: ImportRun = {}): Promise<ImportReport> {
  const identity = identityOf(run.caller ?? officer(target.department));
  return runImport({
    pool: target.pool,
    department: target.department,
    kind,
    source: typeof input === 'string' ? chunksOf(input) : fs.createReadStream(input.file),
    format: 'csv',
    identity,
    register: new RegisterClient(target.registerUrl).forCaller(process.env.SUBGRAPH_SIGNING_SECRET!, identity, `import-test-${kind.name}`),
    allOrNothing: run.allOrNothing,
    dryRun: run.dryRun,
  });
}

async function* chunksOf(text: string): AsyncGenerator<string> {
  yield text;
}

/** The problems of a report as [row, column, code], for compact assertions. */
export const problemTriples = (report: ImportReport) => report.problems.map((p) => [p.row, p.column, p.code]);
