import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { detectLoadMethod, LoadMethod } from '../bulk/bulkLoad';
import { CHANGE_CHANNEL } from '../changes';
import type { RegisterClient } from '../federation/registerClient';
import { tapNotifications } from '../live/local';
import type { Identity } from '../security/identity';
import { assertMayWrite } from '../security/writes';
import { checkAgainstTable, checkDuplicatesInFile, checkScope, runKindChecks } from './checks';
import { checkRecordNumbers } from './write';
import { parseRow } from './columns';
import type { ImportKind } from './kind';
import { ImportLayout, layoutOf } from './layout';
import { ProgressTicker } from './progress';
import { checkHouseholdsExist, checkPersonsExist, localRegister, RegisterLookups, resolveResidentIds } from './registerChecks';
import { readOutcome, streamProblems } from './report';
import { FileRow, ImportFormat, readRows } from './rows';
import { createStagingTables, dropStagingTables, indexStagingTables, Stager } from './staging';
import { announceWrittenHouseholds, auditImport, insertNewRows } from './write';

export interface ImportProgress {
  /** 'reading' (parsing, validating, staging), 'checking' (register, scope, duplicates, the table), 'writing', 'done'. */
  phase: string;
  rows: number;
  rowsPerSecond: number;
}

export interface ImportOptions {
  /** The department's database (search_path = its schema): the DataSource's pool, or a Pool of your own. */
  pool: Pool;
  /** 'civil-affairs' */
  department: string;
  kind: ImportKind;
  /** A file or request stream. */
  source: AsyncIterable<Buffer | string>;
  format: ImportFormat;
  /** The caller; only the department's own officers may import (assertMayWrite). */
  identity: Identity;
  /** Already `.forCaller(...)`: register and scope checks ask the poverty office as the caller. */
  register: RegisterClient;
  allOrNothing?: boolean;
  dryRun?: boolean;
  /** About once a second, and at each phase. */
  onProgress?: (p: ImportProgress) => void;
  /**
   * Every problem, in row order, a page at a time, before the transaction ends (the report keeps
   * only the first 1,000): the transport streams them to the CLI's `--report` file.
   */
  onProblems?: (page: ImportProblem[]) => unknown;
  /**
   * Runs after the file is read and before anything is written; a throw rolls the import back.
   * The transport checks here that the body was the file the gateway signed.
   */
  beforeWrite?: () => void | Promise<void>;
  /** For the audit trail (x-request-id). Default: a random UUID. */
  requestId?: string;
}

export interface ImportProblem {
  /** 1-based data row (a CSV header is not counted). */
  row: number;
  /** The file column at fault, or '' for the row as a whole. */
  column: string;
  code: string;
  reason: string;
}

export interface ImportReport {
  department: string;
  kind: string;
  /** Data rows in the file. */
  rows: number;
  /** Rows written (with dryRun: rows that would have been written). */
  written: number;
  /** Rows already stored with the same values (a re-run). */
  unchanged: number;
  /** Rows with at least one problem. */
  rejected: number;
  /** The first 1,000 problems, in row order. */
  problems: ImportProblem[];
  problemsTruncated: boolean;
  committed: boolean;
  allOrNothing: boolean;
  dryRun: boolean;
  milliseconds: number;
}

/**
 * Imports one file of a department's kind in one transaction: reads and checks every row
 * (streaming, in batches, into temporary tables), runs the set-based checks (scope, register,
 * duplicates, the table's natural key, the kind's rules), then writes the good rows — unless the
 * caller asked for all or nothing and a row was rejected, or for a dry run. Throws (a GraphQLError
 * with a code, nothing written) when the file as a whole is refused: a caller who may not write,
 * a header that does not fit, a file that is not UTF-8 CSV / JSON Lines.
 */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const { kind, identity, department } = options;
  assertMayWrite(identity, department);
  const layout = layoutOf(kind);
  const ticker = new ProgressTicker(options.onProgress);
  const client = await options.pool.connect();
  // On the embedded PGlite our own NOTIFYs come back on this connection at COMMIT (live/local.ts).
  const untap = tapNotifications(client as unknown as import('pg').Client, CHANGE_CHANNEL);
  let broken = false;
  const onError = () => (broken = true);
  client.on('error', onError);
  try {
    const method = await detectLoadMethod(client);
    await client.query('BEGIN');
    try {
      await createStagingTables(client, layout);
      const rows = await stageFile(client, options, layout, method, ticker);

      ticker.phase('checking', rows);
      await checkStagedRows(client, layout, identity, kind.localRegister ? localRegister(client, identity) : options.register);
      await options.beforeWrite?.();

      const { counts, problems, problemsTruncated } = await readOutcome(client, rows);
      const withheld = (options.allOrNothing && counts.rejected > 0) || options.dryRun;
      const report: ImportReport = {
        department,
        kind: kind.name,
        ...counts,
        written: options.allOrNothing && counts.rejected > 0 ? 0 : counts.written,
        problems,
        problemsTruncated,
        committed: false,
        allOrNothing: options.allOrNothing ?? false,
        dryRun: options.dryRun ?? false,
        milliseconds: 0,
      };
      if (options.onProblems && counts.rejected > 0) await streamProblems(client, options.onProblems);
      if (withheld) {
        await client.query('ROLLBACK');
      } else {
        ticker.phase('writing', rows);
        const written = await insertNewRows(client, layout, department);
        if (written !== counts.written) throw new Error(`wrote ${written} rows, expected ${counts.written}`);
        if (written > 0) await announceWrittenHouseholds(client, layout, department);
        await auditImport(client, identity, options.requestId ?? randomUUID(), layout, { ...counts, written });
        await dropStagingTables(client);
        await client.query('COMMIT');
        report.committed = true;
      }
      ticker.phase('done', rows);
      report.milliseconds = Date.now() - started;
      return report;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    untap();
    client.off('error', onError);
    client.release(broken || undefined);
  }
}

/** The set-based checks, in order: each sees only the rows the ones before left new. */
async function checkStagedRows(client: PoolClient, layout: ImportLayout, identity: Identity, register: RegisterLookups): Promise<void> {
  await indexStagingTables(client, layout);
  await checkScope(client, layout, identity);
  await resolveResidentIds(client, layout, register);
  await checkHouseholdsExist(client, layout, register);
  await checkPersonsExist(client, layout, register);
  await checkDuplicatesInFile(client, layout);
  await checkAgainstTable(client, layout);
  await runKindChecks(client, layout);
  await checkRecordNumbers(client, layout);
}

/** Reads the file, checks each row's cells and stages it (or its problems); returns the number of data rows. */
async function stageFile(client: PoolClient, options: ImportOptions, layout: ImportLayout, method: LoadMethod, ticker: ProgressTicker): Promise<number> {
  const stager = new Stager(client, method, layout);
  const { kind } = options;
  let rows = 0;
  ticker.phase('reading', 0);
  for await (const batch of readRows(kind, options.source, options.format)) {
    let due = false;
    for (const fileRow of batch) {
      rows = fileRow.row;
      due = stageRow(stager, layout, fileRow) || due;
    }
    if (due) await stager.flush();
    ticker.tick(rows);
  }
  await stager.flush();
  return rows;
}

function stageRow(stager: Stager, layout: ImportLayout, fileRow: FileRow): boolean {
  if (fileRow.problems.length > 0) return stager.addProblems(fileRow.row, fileRow.problems);
  const { row, problems } = parseRow(layout.kind.columns, fileRow.cell, layout.kind.validateRow);
  if (problems.length > 0) return stager.addProblems(fileRow.row, problems);
  return stager.addRow(fileRow.row, layout.values(row));
}
