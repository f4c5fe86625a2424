import fs from 'node:fs';
import path from 'node:path';
import { Identity, ImportReport, RegisterClient, runImport } from '@saf/kit';
import { finance, loadFinance, paymentsImport } from '@saf/finance';
import type { HouseholdBundle } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';

/**
 * The payments import kind (issue 8) on the demo county (`npm start`: 2,000 households, seed 1,
 * with finance's demo payments): the sample imports cleanly, the recordDisbursements rules hold
 * for every row, and the natural key (with its empty columns) makes a re-run change nothing.
 */

const SIZE = 2000;
const SEED = 1;
const SAMPLE = path.join(__dirname, '../../subgraphs/finance', paymentsImport.sampleFile);
const HEADER = paymentsImport.columns.map((c) => c.name).join(',');
const officer: Identity = { subject: 'test-officer', role: 'department_officer', department: 'finance', region: '' };

let h: DepartmentHarness;
let a: HouseholdBundle;
let b: HouseholdBundle;

async function* text(content: string) {
  yield content;
}

const run = (content: string, format: 'csv' | 'jsonl' = 'csv'): Promise<ImportReport> =>
  runImport({
    pool: h.pool,
    department: 'finance',
    kind: paymentsImport,
    source: text(content),
    format,
    identity: officer,
    register: new RegisterClient(h.register.subgraph.url).forCaller(process.env.SUBGRAPH_SIGNING_SECRET!, officer, 'payments-import-test'),
  });

const row = (household: HouseholdBundle, v: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    household_id: household.household.id,
    programme: 'DIBAO_ALLOWANCE',
    amount: '450.00',
    payment_date: '2020-10-10',
    period: '2020-10',
    batch_no: '500154-DB-202010-21',
    ...v,
  };
  return paymentsImport.columns.map((c) => values[c.name] ?? '').join(',');
};
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const problems = (r: ImportReport) => r.problems.map((p) => [p.row, p.column, p.code]);

beforeAll(async () => {
  h = await startDepartmentHarness(finance, { households: SIZE, seed: SEED, load: (pool, o) => loadFinance(pool, o) });
  [a, b] = h.households.filter((x) => x.members.length >= 2).slice(5);
}, 300_000);
afterAll(() => h?.stop());

it('the sample file imports cleanly into the demo county, and a re-run changes nothing', async () => {
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  const rows = sample.trim().split('\n').length - 1;
  const before = Number((await h.pool.query('SELECT count(*) FROM disbursement')).rows[0].count);
  expect(await run(sample)).toMatchObject({ rows, written: rows, unchanged: 0, rejected: 0, committed: true });
  expect(await run(sample)).toMatchObject({ rows, written: 0, unchanged: rows, rejected: 0 });
  expect(Number((await h.pool.query('SELECT count(*) FROM disbursement')).rows[0].count)).toBe(before + rows);
  const returned = (await h.pool.query(`SELECT status, status_reason, returned_on FROM disbursement WHERE status = 'RETURNED' AND batch_no LIKE '%-11'`)).rows;
  expect(returned).toEqual([{ status: 'RETURNED', status_reason: '账户已销户', returned_on: '2020-12-18' }]);
});

it('fills duty area, department, payee, period kind and year from the programme rules', async () => {
  const report = await run(file(row(a, { batch_no: '500154-YB-202010-21', programme: 'INSURANCE_PREMIUM_SUBSIDY', person_id: a.members[1].id, period: '2021', payment_date: '2020-10-10', amount: '220.00' })));
  expect(report).toMatchObject({ written: 1, rejected: 0 });
  const [stored] = (await h.pool.query(`SELECT duty_area, department, payee, period_kind, year, amount_fen, status FROM disbursement WHERE batch_no = '500154-YB-202010-21'`)).rows;
  expect(stored).toEqual({ duty_area: 'HEALTH', department: 'HEALTH', payee: 'INSURANCE_FUND', period_kind: 'YEAR', year: 2021, amount_fen: 22000, status: 'PAID' });
});

it('applies the recordDisbursements rules to every row', async () => {
  const report = await run(
    file(
      row(a, { programme: 'DISABILITY_ALLOWANCE' }), // per person: person_id required
      row(a, { period: '2020' }), // dibao is paid by month or quarter
      row(a, { status: 'RETURNED' }), // a returned payment needs its reason and date
      row(a, { payment_date: '2020-08-01' }), // too early for October
      row(a, { programme: 'MICROCREDIT_INTEREST_SUBSIDY', period: '2020-Q3', source_record_id: 'NO-SUCH-LOAN-1' }),
      row(b, { person_id: a.members[0].id }),
    ),
  );
  expect(problems(report)).toEqual([
    [1, 'person_id', 'BAD_USER_INPUT'],
    [2, 'period', 'BAD_USER_INPUT'],
    [3, 'status_reason', 'BAD_USER_INPUT'],
    [4, 'payment_date', 'BAD_USER_INPUT'],
    [5, 'source_record_id', 'UNKNOWN_SOURCE_RECORD'],
    [6, 'person_id', 'PERSON_NOT_IN_HOUSEHOLD'],
  ]);
});

it('the natural key treats empty columns as equal: duplicates in the file and conflicts with the table', async () => {
  const report = await run(file(row(a, { batch_no: '500154-DB-202010-22' }), row(a, { batch_no: '500154-DB-202010-22', amount: '460.00' }), row(b, { batch_no: '500154-DB-202010-22' })));
  // The key has several columns: the problem is the row's.
  expect(problems(report)).toEqual([[2, '', 'DUPLICATE_IN_FILE']]);
  expect(report.problems[0].reason).toContain('as row 1');
  const again = await run(file(row(a, { batch_no: '500154-DB-202010-22', amount: '460.00' })));
  expect(problems(again)).toEqual([[1, 'amount', 'CONFLICTS_WITH_EXISTING']]);
});

it('reads JSON Lines', async () => {
  const lines = [
    { household_id: a.household.id, programme: 'DIBAO_ALLOWANCE', amount: '450.00', payment_date: '2020-10-10', period: '2020-10', batch_no: '500154-DB-202010-23' },
    { household_id: b.household.id, programme: 'DIBAO_ALLOWANCE', amount: 450, payment_date: '2020-10-10', period: '2020-10', batch_no: '500154-DB-202010-23', person_id: null },
  ].map((l) => JSON.stringify(l));
  expect(await run(lines.join('\n'), 'jsonl')).toMatchObject({ rows: 2, written: 2, rejected: 0 });
});
