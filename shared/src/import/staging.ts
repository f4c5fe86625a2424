import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine, copyStatement, LoadMethod, SqlValue, TableSpec, unnestInsert } from '../bulk';
import type { ImportLayout } from './layout';
import type { RowProblem } from './kind';

/**
 * The import's temporary tables, in its transaction: `import_staged` (the valid rows, one column
 * per table column, and each row's state: new, unchanged or rejected), `import_problem` (every
 * problem, row by row) and the view `import_new` (the rows still to be written). Rows reach them
 * in batches by COPY (PostgreSQL) or INSERT … unnest (PGlite), so the file never sits in memory.
 */

export const STAGED = 'import_staged';
export const PROBLEMS = 'import_problem';
export const NEW_ROWS = 'import_new';

type Staged = SqlValue[];

export async function createStagingTables(client: PoolClient, layout: ImportLayout): Promise<void> {
  // COLLATE "C" like the departments' ID columns, so that joins with the target table compare alike.
  const columns = layout.staged.map((c) => `${c.name} ${c.type === 'text[]' ? 'text[] COLLATE "C"' : c.type === 'text' ? 'text COLLATE "C"' : c.type}`);
  await client.query(`
    CREATE TEMP TABLE ${STAGED} (row_no integer PRIMARY KEY, state text NOT NULL DEFAULT 'new', ${columns.join(', ')}) ON COMMIT DROP;
    CREATE TEMP TABLE ${PROBLEMS} (seq serial PRIMARY KEY, row_no integer NOT NULL, column_name text NOT NULL, code text NOT NULL, reason text NOT NULL) ON COMMIT DROP;
    CREATE TEMP VIEW ${NEW_ROWS} AS SELECT * FROM ${STAGED} WHERE state = 'new'`);
}

/** Drops what ON COMMIT DROP cannot (the view depends on the table). */
export async function dropStagingTables(client: PoolClient): Promise<void> {
  await client.query(`DROP VIEW IF EXISTS ${NEW_ROWS}; DROP TABLE IF EXISTS ${STAGED}, ${PROBLEMS}`);
}

/** Indexes for the set-based checks, once the rows are in. */
export async function indexStagingTables(client: PoolClient, layout: ImportLayout): Promise<void> {
  const columns = new Set([layout.household, ...layout.persons.map((p) => p.name), ...layout.residents.map((r) => r.staged)].filter((c): c is string => c !== null));
  for (const column of columns) await client.query(`CREATE INDEX ON ${STAGED} (${column})`);
  await client.query(`ANALYZE ${STAGED}`);
}

/** Buffers staged rows and problems and writes them a batch at a time. */
export class Stager {
  private rows: Staged[] = [];
  private problems: Staged[] = [];
  private readonly rowSpec: TableSpec<Staged>;
  private readonly problemSpec: TableSpec<Staged>;

  constructor(
    private readonly client: PoolClient,
    private readonly method: LoadMethod,
    layout: ImportLayout,
    private readonly batchRows = 5000,
  ) {
    this.rowSpec = {
      table: STAGED,
      columns: [{ name: 'row_no', type: 'integer' as const }, ...layout.staged.map((c) => ({ name: c.name, type: c.type }))].map((c, i) => ({ ...c, get: (r: Staged) => r[i] })),
    };
    this.problemSpec = {
      table: PROBLEMS,
      columns: (['row_no', 'column_name', 'code', 'reason'] as const).map((name, i) => ({ name, type: name === 'row_no' ? ('integer' as const) : ('text' as const), get: (r: Staged) => r[i] })),
    };
  }

  /** Adds a valid row; returns true when a batch is due (call flush). */
  addRow(row: number, values: SqlValue[]): boolean {
    this.rows.push([row, ...values]);
    return this.due();
  }

  addProblems(row: number, problems: readonly RowProblem[]): boolean {
    for (const p of problems) this.problems.push([row, p.column, p.code, p.reason]);
    return this.due();
  }

  private due(): boolean {
    return this.rows.length + this.problems.length >= this.batchRows;
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    const problems = this.problems;
    this.rows = [];
    this.problems = [];
    await this.write(this.rowSpec, rows);
    await this.write(this.problemSpec, problems);
  }

  private async write(spec: TableSpec<Staged>, rows: Staged[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.method === 'copy') {
      await pipeline(Readable.from(linesOf(spec, rows)), this.client.query(copyFrom(copyStatement(spec))));
      return;
    }
    const { text, values } = unnestInsert(spec, rows);
    await this.client.query(text, values);
  }
}

function* linesOf(spec: TableSpec<Staged>, rows: Staged[]): Generator<string> {
  // A few hundred rows per piece: fewer, larger writes to the socket.
  let piece = '';
  for (const row of rows) {
    piece += copyLine(spec, row);
    if (piece.length >= 65536) {
      yield piece;
      piece = '';
    }
  }
  if (piece) yield piece;
}
