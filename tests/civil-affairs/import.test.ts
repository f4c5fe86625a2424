import fs from 'node:fs';
import path from 'node:path';
import { Identity, ImportReport, RegisterClient, runImport } from '@saf/kit';
import { civilAffairs, civilAffairsRecordsFor, dibaoImport, loadCivilAffairs } from '@saf/civil-affairs';
import { HouseholdBundle, WelfareCategory } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';

/**
 * The dibao import kind (issue 8) on the demo county (`npm start`: 2,000 households, seed 1, with
 * the civil-affairs demo records): the sample file imports cleanly, and every rule of the
 * createDibaoEnrolment mutation and of the table holds for file rows too.
 */

const SIZE = 2000;
const SEED = 1;
const SAMPLE = path.join(__dirname, '../../subgraphs/civil-affairs', dibaoImport.sampleFile);
const HEADER = dibaoImport.columns.map((c) => c.name).join(',');
const officer: Identity = { subject: 'test-officer', role: 'department_officer', department: 'civil-affairs', region: '' };

let h: DepartmentHarness;
let fresh: HouseholdBundle[];
let enrolled: HouseholdBundle;

async function* text(content: string) {
  yield content;
}

const run = (content: string, options: { allOrNothing?: boolean } = {}): Promise<ImportReport> =>
  runImport({
    pool: h.pool,
    department: 'civil-affairs',
    kind: dibaoImport,
    source: text(content),
    format: 'csv',
    identity: officer,
    register: new RegisterClient(h.register.subgraph.url).forCaller(process.env.SUBGRAPH_SIGNING_SECRET!, officer, 'dibao-import-test'),
    ...options,
  });

const row = (b: HouseholdBundle, v: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    household_id: b.household.id,
    certificate_no: `T-${b.household.id}`,
    category: 'RURAL',
    classification: 'B',
    covered_person_ids: b.members.slice(0, 2).map((m) => m.id).join(';'),
    assessed_income_monthly: '100.00',
    dibao_line_monthly: '370.00',
    monthly_amount: '540.00',
    application_date: '2020-03-02',
    approval_date: '2020-03-20',
    start_date: '2020-04-01',
    ...v,
  };
  return dibaoImport.columns.map((c) => values[c.name] ?? '').join(',');
};
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const problems = (r: ImportReport) => r.problems.map((p) => [p.row, p.column, p.code]);

beforeAll(async () => {
  h = await startDepartmentHarness(civilAffairs, { households: SIZE, seed: SEED, load: (pool, o) => loadCivilAffairs(pool, o) });
  const sampleHouseholds = new Set(fs.readFileSync(SAMPLE, 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]));
  const records = new Map(h.households.slice(0, 400).map((b) => [b.household.id, civilAffairsRecordsFor(b, SEED)]));
  fresh = h.households
    .slice(0, 400)
    .filter((b) => !sampleHouseholds.has(b.household.id) && b.household.welfareCategory === WelfareCategory.GENERAL && b.members.length >= 2)
    .filter((b) => records.get(b.household.id)!.dibaoEnrolments.length === 0 && b.members.every((m) => m.memberStatus === 'ACTIVE'));
  enrolled = h.households.slice(0, 400).find((b) => records.get(b.household.id)!.dibaoEnrolments.some((e) => e.endDate === null) && b.members.length >= 2)!;
}, 300_000);
afterAll(() => h?.stop());

it('the sample file imports cleanly into the demo county, and a re-run changes nothing', async () => {
  const sample = fs.readFileSync(SAMPLE, 'utf8');
  const rows = sample.trim().split('\n').length - 1;
  const first = await run(sample);
  expect(first).toMatchObject({ rows, written: rows, unchanged: 0, rejected: 0, committed: true });
  const [line] = sample.split('\n').slice(1);
  const [householdId, certificate, , , persons] = line.split(',');
  const [stored] = (await h.pool.query('SELECT id, household_id, monthly_amount_fen, approved_monthly_amount_fen, recheck_interval_months FROM dibao_enrolment WHERE certificate_no = $1', [certificate])).rows;
  expect(stored).toMatchObject({ id: `DB-${householdId}-01`, household_id: householdId, recheck_interval_months: 6 });
  expect(stored.monthly_amount_fen).toBe(stored.approved_monthly_amount_fen);
  const covered = (await h.pool.query('SELECT person_id, household_id, covered_from FROM dibao_covered_person WHERE enrolment_id = $1 ORDER BY person_id', [stored.id])).rows;
  expect(covered.map((c) => c.person_id)).toEqual(persons.split(';').sort());
  expect(await run(sample)).toMatchObject({ rows, written: 0, unchanged: rows, rejected: 0 });
  // The subgraph serves what the import wrote.
  const answer = await h.gql(`query($id: HouseholdId!) { _entities(representations: [{ __typename: "Household", id: $id }]) { ... on Household { dibaoEnrolments { id certificateNo coveredPersons { personId } } } } }`, { id: householdId });
  expect(answer.data!._entities[0].dibaoEnrolments).toEqual(expect.arrayContaining([expect.objectContaining({ id: `DB-${householdId}-01`, certificateNo: certificate })]));
});

it('applies the mutation’s rules to every row', async () => {
  const [a, b, c, d, e, f] = fresh;
  const report = await run(
    file(
      row(a, { assessed_income_monthly: '400.00' }), // not below the line
      row(b, { monthly_amount: '741.00' }), // more than line × 2 persons
      row(c, { covered_person_ids: `${c.members[0].id};${d.members[0].id}` }), // a person of another household
      row(d, { end_date: '2020-12-31' }), // end_reason missing
      row(e, { approval_date: '2020-03-01' }), // approved before applying
      row(f, { recheck_interval_months: '5', dibao_line_monthly: '30.00' }),
      row(a, { certificate_no: 'T-OK-1', application_date: '2999-01-01', approval_date: '2999-01-02', start_date: '2999-01-03' }),
    ),
  );
  expect(problems(report)).toEqual([
    [1, 'assessed_income_monthly', 'BAD_USER_INPUT'],
    [2, 'monthly_amount', 'BAD_USER_INPUT'],
    [3, 'covered_person_ids', 'PERSON_NOT_IN_HOUSEHOLD'],
    [4, 'end_reason', 'BAD_USER_INPUT'],
    [5, 'approval_date', 'BAD_USER_INPUT'],
    [6, 'dibao_line_monthly', 'INVALID_MONEY'],
    [6, 'recheck_interval_months', 'INVALID_VALUE'],
    [7, 'application_date', 'INVALID_DATE'],
    [7, 'approval_date', 'INVALID_DATE'],
    [7, 'start_date', 'INVALID_DATE'],
  ]);
  expect(report.written).toBe(0);
});

it('one enrolment at a time per household: against the table and within the file; numbering continues', async () => {
  const [, , , , , , g, k] = fresh;
  const existing = (await h.pool.query('SELECT id, start_date FROM dibao_enrolment WHERE household_id = $1 AND end_date IS NULL', [enrolled.household.id])).rows[0];
  const report = await run(
    file(
      row(enrolled, { certificate_no: 'T-OVERLAP-1' }),
      row(g, { certificate_no: 'TG-0001', end_date: '2020-06-30', end_reason: 'MOVED_AWAY' }),
      row(g, { certificate_no: 'TG-0002', start_date: '2020-06-01' }), // overlaps row 2
      row(k, { certificate_no: 'TK-0001', start_date: '2020-04-01', end_date: '2020-05-31', end_reason: 'WITHDRAWN' }),
      row(k, { certificate_no: 'TK-0002', application_date: '2020-05-20', approval_date: '2020-05-25', start_date: '2020-06-01' }),
    ),
  );
  expect(problems(report)).toEqual([
    [1, 'start_date', 'CONFLICTS_WITH_EXISTING'],
    [3, 'start_date', 'OVERLAPS_IN_FILE'],
  ]);
  expect(report.problems[0].reason).toContain(existing.id);
  expect(report.problems[1].reason).toContain('row 2');
  const ids = (await h.pool.query('SELECT id, certificate_no FROM dibao_enrolment WHERE household_id = $1 ORDER BY id', [k.household.id])).rows;
  expect(ids).toEqual([
    { id: `DB-${k.household.id}-01`, certificate_no: 'TK-0001' },
    { id: `DB-${k.household.id}-02`, certificate_no: 'TK-0002' },
  ]);
  // The same certificate again with another amount: a conflict, not a second enrolment.
  const again = await run(file(row(k, { certificate_no: 'TK-0002', application_date: '2020-05-20', approval_date: '2020-05-25', start_date: '2020-06-01', monthly_amount: '500.00' })));
  expect(problems(again)).toEqual([[1, 'monthly_amount', 'CONFLICTS_WITH_EXISTING']]);
});
