import type { PoolClient } from 'pg';
import type { ImportCounts } from './write';
import { PROBLEMS, STAGED } from './staging';
import type { ImportProblem } from './run';

/** The report carries this many problems; the rest are counted (`rejected`, `problemsTruncated`). */
export const MAX_REPORTED_PROBLEMS = 1000;

/** Counts and the first problems, read from the staging tables before the transaction ends. */
export async function readOutcome(client: PoolClient, rows: number): Promise<{ counts: ImportCounts; problems: ImportProblem[]; problemsTruncated: boolean }> {
  const { rows: counted } = await client.query(
    `SELECT count(*) FILTER (WHERE state = 'new')::int AS fresh, count(*) FILTER (WHERE state = 'unchanged')::int AS unchanged,
            (SELECT count(DISTINCT row_no)::int FROM ${PROBLEMS}) AS rejected, (SELECT count(*)::int FROM ${PROBLEMS}) AS problems
     FROM ${STAGED}`,
  );
  const { fresh, unchanged, rejected, problems: total } = counted[0];
  const { rows: first } = await client.query(
    `SELECT row_no AS row, column_name AS column, code, reason FROM ${PROBLEMS} ORDER BY row_no, seq LIMIT ${MAX_REPORTED_PROBLEMS}`,
  );
  return {
    counts: { rows, written: fresh, unchanged, rejected },
    problems: first as ImportProblem[],
    problemsTruncated: total > MAX_REPORTED_PROBLEMS,
  };
}

/** The problem list as CSV (row,column,code,reason), for `--report`. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return ['row,column,code,reason', ...problems.map((p) => [p.row, p.column, p.code, p.reason].map(cell).join(','))].join('\n') + '\n';
}

/** Every problem in row order, a page at a time (the full list, beyond the report's first 1,000). */
export async function streamProblems(client: PoolClient, visit: (page: ImportProblem[]) => unknown, pageSize = 5000): Promise<void> {
  await client.query(`CREATE INDEX ON ${PROBLEMS} (row_no, seq)`);
  let after = [0, 0];
  for (;;) {
    const { rows } = await client.query(
      `SELECT seq, row_no AS row, column_name AS column, code, reason FROM ${PROBLEMS} WHERE (row_no, seq) > ($1, $2) ORDER BY row_no, seq LIMIT ${pageSize}`,
      after,
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1];
    after = [last.row, last.seq];
    await visit(rows.map(({ seq: _seq, ...p }: ImportProblem & { seq: number }) => p));
    if (rows.length < pageSize) return;
  }
}
