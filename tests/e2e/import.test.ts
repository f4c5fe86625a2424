import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemaPool } from '../support/pools';
import { BODY_HASH_HEADER, bodySha256, signRequestWithBodyHash } from '@saf/kit';
import { dibaoImport } from '@saf/civil-affairs';
import { paymentsImport } from '@saf/finance';
import { HouseholdBundle, iterateHouseholds, loadRegister, WelfareCategory } from '@saf/poverty-office';
import { runImportCli } from '../../gateway/src/cli/import';
import { analyst, identityOf, officer, tokenFor, type TestCaller } from '../support/auth';
import { Platform, startPlatform } from './support/handMade';

/**
 * Issue 8, "Done when": importing files through the real gateway with the `npm run import`
 * command — a file with good and bad rows (report with row, column and reason; the good rows
 * written), an idempotent re-run, all or nothing, who may import, region scope, and the sample
 * files — on the six departments with the demo county's register (2,000 households, seed 1).
 */

const SIZE = 2000;
const SEED = 1;
const ROOT = path.join(__dirname, '..', '..');

let platform: Platform;
let dir: string;
let households: HouseholdBundle[];

beforeAll(async () => {
  platform = await startPlatform();
  const po = platform.departments['poverty-office'].subgraph.database;
  const pool = schemaPool(po.url, po.schema);
  await loadRegister(pool, { size: SIZE, seed: SEED });
  await pool.end();
  households = [...iterateHouseholds(SIZE, SEED)].filter((b) => b.household.welfareCategory === WelfareCategory.GENERAL && b.members.length >= 2 && b.members.every((m) => m.memberStatus === 'ACTIVE'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-import-'));
}, 300_000);

afterAll(async () => {
  await platform?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], caller: TestCaller | null = officer('civil-affairs'), extra: { env?: NodeJS.ProcessEnv; devSecretsPath?: string } = {}): Promise<Run> {
  let out = '';
  let err = '';
  const token = caller ? ['--token', await tokenFor(caller)] : [];
  const code = await runImportCli([...args, '--gateway', platform.gateway.url, ...token], { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false, env: extra.env ?? {}, devSecretsPath: extra.devSecretsPath });
  return { code, out, err };
}

let files = 0;
function write(content: string, ext = 'csv'): string {
  const file = path.join(dir, `file-${++files}.${ext}`);
  fs.writeFileSync(file, content);
  return file;
}

const sql = (department: string, text: string, params: unknown[] = []) => platform.departments[department].sql(text, params);
const DIBAO_HEADER = dibaoImport.columns.map((c) => c.name).join(',');
const dibaoRow = (b: HouseholdBundle, certificate: string, v: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    household_id: b.household.id,
    certificate_no: certificate,
    category: 'RURAL',
    classification: 'A',
    covered_person_ids: b.members.map((m) => m.id).join(';'),
    assessed_income_monthly: '120.00',
    dibao_line_monthly: '370.00',
    monthly_amount: '250.00',
    application_date: '2020-02-03',
    approval_date: '2020-02-17',
    start_date: '2020-03-01',
    ...v,
  };
  return dibaoImport.columns.map((c) => values[c.name] ?? '').join(',');
};
const dibaoFile = (...rows: string[]) => write([DIBAO_HEADER, ...rows].join('\r\n') + '\r\n');
const enrolments = async (certificates: string[]) =>
  (await sql('civil-affairs', 'SELECT certificate_no FROM dibao_enrolment WHERE certificate_no = ANY($1) ORDER BY certificate_no', [certificates])).map((r) => r.certificate_no);

it('a file with good and bad rows: the report names row, column and reason, the good rows are written, a re-run changes nothing', async () => {
  const [a, b, c, d] = households;
  const file = dibaoFile(
    dibaoRow(a, 'E2E-A-0001'),
    dibaoRow(b, 'E2E-B-0001', { assessed_income_monthly: '12O.00' }), // a letter O
    dibaoRow(c, 'E2E-C-0001', { covered_person_ids: `${c.members[0].id};${d.members[0].id}` }),
    dibaoRow(d, 'E2E-D-0001', { household_id: `${d.household.id.slice(0, 12)}9999` }),
    dibaoRow(a, 'E2E-A-0001'),
  );
  const first = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', file]);
  expect(first.code).toBe(1);
  expect(first.out).toContain('civil-affairs dibao: 5 rows — 1 written, 0 unchanged, 4 rejected');
  expect(first.out).toMatch(/^2\s+assessed_income_monthly\s+INVALID_MONEY\s+assessed_income_monthly "12O\.00" is not an amount/m);
  expect(first.out).toMatch(/^3\s+covered_person_ids\s+PERSON_NOT_IN_HOUSEHOLD\s+person .* belongs to household/m);
  expect(first.out).toMatch(/^4\s+household_id\s+NOT_IN_REGISTER\s+household \d{12}9999 is not in the register/m);
  expect(first.out).toMatch(/^5\s+certificate_no\s+DUPLICATE_IN_FILE\s+the same certificate_no as row 1/m);
  expect(first.err).toMatch(/rows\/s/);
  // The full problem list, next to the file.
  const report = fs.readFileSync(`${file}.rejected.csv`, 'utf8').trim().split('\n');
  expect(report[0]).toBe('row,column,code,reason');
  expect(report.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
    '2,assessed_income_monthly,INVALID_MONEY',
    '3,covered_person_ids,PERSON_NOT_IN_HOUSEHOLD',
    '4,household_id,NOT_IN_REGISTER',
    '5,certificate_no,DUPLICATE_IN_FILE',
  ]);
  expect(await enrolments(['E2E-A-0001', 'E2E-B-0001', 'E2E-C-0001', 'E2E-D-0001'])).toEqual(['E2E-A-0001']);
  const covered = await sql('civil-affairs', `SELECT person_id FROM dibao_covered_person WHERE enrolment_id = $1 ORDER BY person_id`, [`DB-${a.household.id}-01`]);
  expect(covered.map((r) => r.person_id)).toEqual(a.members.map((m) => m.id));

  // Corrected, the file goes through; run again, it changes nothing.
  const fixed = dibaoFile(dibaoRow(a, 'E2E-A-0001'), dibaoRow(b, 'E2E-B-0001'), dibaoRow(c, 'E2E-C-0001'));
  const second = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', fixed]);
  expect(second).toMatchObject({ code: 0 });
  expect(second.out).toContain('3 rows — 2 written, 1 unchanged, 0 rejected');
  const third = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', fixed]);
  expect(third.code).toBe(0);
  expect(third.out).toContain('3 rows — 0 written, 3 unchanged, 0 rejected');
  expect(fs.existsSync(`${fixed}.rejected.csv`)).toBe(false);
  // The gateway serves what was imported.
  const answer = await platform.gql(`query($id: HouseholdId!) { household(id: $id) { dibaoEnrolments { id certificateNo } } }`, { id: b.household.id });
  expect(answer.data.household.dibaoEnrolments).toEqual([{ id: `DB-${b.household.id}-01`, certificateNo: 'E2E-B-0001' }]);
});

it('--all-or-nothing: a file with one bad row writes nothing', async () => {
  const [, , , , e, f, g] = households;
  const file = dibaoFile(dibaoRow(e, 'E2E-E-0001'), dibaoRow(f, 'E2E-F-0001'), dibaoRow(g, 'E2E-G-0001', { classification: 'D' }));
  const run = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', file, '--all-or-nothing', '--report', path.join(dir, 'aon.csv')]);
  expect(run.code).toBe(1);
  expect(run.out).toContain('3 rows — nothing written (--all-or-nothing: 1 rejected)');
  expect(run.out).toMatch(/^3\s+classification\s+INVALID_VALUE/m);
  expect(fs.readFileSync(path.join(dir, 'aon.csv'), 'utf8')).toContain('3,classification,INVALID_VALUE');
  expect(await enrolments(['E2E-E-0001', 'E2E-F-0001', 'E2E-G-0001'])).toEqual([]);
  // A dry run of the corrected file checks and writes nothing either.
  const corrected = dibaoFile(dibaoRow(e, 'E2E-E-0001'), dibaoRow(f, 'E2E-F-0001'), dibaoRow(g, 'E2E-G-0001'));
  const dry = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', corrected, '--all-or-nothing', '--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.out).toContain('dry run: 3 would be written, nothing was');
  expect(await enrolments(['E2E-E-0001', 'E2E-F-0001', 'E2E-G-0001'])).toEqual([]);
});

it('only the department’s own officers import; a row outside the officer’s region is OUT_OF_SCOPE', async () => {
  const [, , , , , , , h, i] = households;
  const other = households.find((x) => x.village.code !== h.village.code)!;
  const file = dibaoFile(dibaoRow(h, 'E2E-H-0001'), dibaoRow(other, 'E2E-X-0001'));
  const asAnalyst = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', file], analyst());
  expect(asAnalyst.code).toBe(1);
  expect(asAnalyst.err).toMatch(/import refused: FORBIDDEN: only civil-affairs officers write civil-affairs records; your role is analyst/);
  const asFinance = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', file], officer('finance'));
  expect(asFinance.err).toMatch(/import refused: FORBIDDEN: .*you are a finance officer/);
  const noToken = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', file], null, { devSecretsPath: path.join(dir, 'none.json') });
  expect(noToken.code).toBe(2);
  expect(await enrolments(['E2E-H-0001', 'E2E-X-0001'])).toEqual([]);

  const village = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', file], officer('civil-affairs', h.village.code));
  expect(village.code).toBe(1);
  expect(village.out).toMatch(new RegExp(`^2\\s+household_id\\s+OUT_OF_SCOPE\\s+household_id ${other.household.id} is outside your region \\(${h.village.code}\\)`, 'm'));
  expect(await enrolments(['E2E-H-0001', 'E2E-X-0001'])).toEqual(['E2E-H-0001']);

  // In development, without a token: an officer token of the department from the dev secrets.
  const secrets = path.join(dir, 'dev-secrets.json');
  fs.writeFileSync(secrets, JSON.stringify({ jwtSecret: process.env.AUTH_JWT_SECRET, signingSecret: 'unused' }));
  const dev = await cli(['--department', 'civil-affairs', '--kind', 'dibao', '--file', dibaoFile(dibaoRow(i, 'E2E-I-0001'))], null, { devSecretsPath: secrets, env: {} });
  expect(dev.err).toContain('using a development department_officer token for civil-affairs');
  expect(dev.code).toBe(0);
});

it('the sample files import (civil affairs and finance), and --help lists a department’s kinds', async () => {
  for (const [department, kind] of [['civil-affairs', dibaoImport], ['finance', paymentsImport]] as const) {
    const sample = path.join(ROOT, 'subgraphs', department, kind.sampleFile);
    const copy = write(fs.readFileSync(sample, 'utf8'));
    const rows = fs.readFileSync(sample, 'utf8').trim().split('\n').length - 1;
    const run = await cli(['--department', department, '--kind', kind.name, '--file', copy], officer(department));
    expect(run.out).toContain(`${department} ${kind.name}: ${rows} rows — ${rows} written, 0 unchanged, 0 rejected`);
    expect(run.code).toBe(0);
  }
  const help = await cli(['--help', '--department', 'finance'], officer('finance'));
  expect(help.code).toBe(0);
  expect(help.out).toContain('payments — ');
  expect(help.out).toMatch(/batch_no\s+required\s+text/);
  const usage = await cli(['--department', 'finance', '--kind', 'payments'], officer('finance'));
  expect(usage.code).toBe(2);
  const unknownKind = await cli(['--department', 'finance', '--kind', 'loans', '--file', write('a\n')], officer('finance'));
  expect(unknownKind.err).toMatch(/UNKNOWN_KIND: finance has no import kind "loans" \(its kinds: payments\)/);
  const badHeader = await cli(['--department', 'finance', '--kind', 'payments', '--file', write('household_id,amount\n1,2\n')], officer('finance'));
  expect(badHeader.err).toMatch(/MISSING_COLUMNS: the file lacks the required columns "programme", "payment_date", "period", "batch_no"/);
});

it('JSON Lines through the gateway, and a body that is not the signed file is refused', async () => {
  const [, , , , , , , , , j, k] = households;
  const line = (b: HouseholdBundle, batch: string) =>
    JSON.stringify({ household_id: b.household.id, programme: 'DIBAO_ALLOWANCE', amount: '300.00', payment_date: '2020-10-10', period: '2020-10', batch_no: batch });
  const jsonl = write(`${line(j, '500154-DB-202010-31')}\n${line(k, '500154-DB-202010-31')}\n`, 'jsonl');
  const run = await cli(['--department', 'finance', '--kind', 'payments', '--file', jsonl], officer('finance'));
  expect(run.out).toContain('2 rows — 2 written');

  // The gateway signs the declared hash; the department hashes what arrives.
  const body = `${paymentsImport.columns.map((c) => c.name).join(',')}\n`;
  const response = await fetch(`${platform.gateway.url.replace('/graphql', '')}/import/finance/payments?format=csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(officer('finance'))}`, [BODY_HASH_HEADER]: bodySha256('something else') },
    body,
  });
  const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
  expect(lines[lines.length - 1]).toMatchObject({ type: 'error', code: 'BODY_HASH_MISMATCH' });
  // And a subgraph refuses an import the gateway did not sign.
  const subgraph = new URL('/import/payments', platform.departments.finance.subgraph.url);
  const unsigned = await fetch(subgraph, { method: 'POST', headers: { [BODY_HASH_HEADER]: bodySha256(body) }, body });
  expect(unsigned.status).toBe(401);
  const wrongSearch = await fetch(`${subgraph}?dryRun=0`, {
    method: 'POST',
    headers: { ...signRequestWithBodyHash(process.env.SUBGRAPH_SIGNING_SECRET!, identityOf(officer('finance')), bodySha256(body), '?dryRun=1'), [BODY_HASH_HEADER]: bodySha256(body) },
    body,
  });
  expect(wrongSearch.status).toBe(401);
});
