/**
 * `npm run bench -- --import [--size county|demo|N]`: a county's year of dibao payments imported
 * through the real path — `npm run import`'s function, the gateway's /import route, the finance
 * subgraph's import (COPY staging, register checks against the poverty office, one transaction)
 * — on the local PostgreSQL. Reports rows, seconds, rows per second and the resident memory of the
 * finance subgraph (the process that holds the import) and the gateway, for a first import (every
 * row written) and a re-run (every row unchanged).
 *
 * The file: every active member of every dibao household of the generated county × 12 months of
 * 2020 (DIBAO_ALLOWANCE paid per member), about 250,000 rows for the 30,000-household county.
 */
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { mintToken } from '@saf/gateway';
import { runImportCli } from '@saf/gateway/dist/cli/import';
import { ROOT } from './platform';

const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? 4100) + 200;

interface Member {
  id: string;
  memberStatus: string;
}
interface Bundle {
  household: { id: string; welfareCategory: string };
  members: Member[];
}

// The generator and the definitions are loaded from the built packages (the bench depends on the gateway only).
const kit = require(path.join(ROOT, 'shared', 'dist')) as { generateSyntheticData: (d: unknown[], o: { size: number; seed: number; reset: boolean }) => Promise<void> };
const register = require(path.join(ROOT, 'subgraphs', 'poverty-office', 'dist')) as { povertyOffice: unknown; iterateHouseholds: (size: number, seed: number) => Iterable<Bundle> };

export interface ImportBenchOptions {
  size: number;
  seed?: number;
  serverUrl: string;
  say: (line: string) => void;
}

interface Measurement {
  run: string;
  rows: number;
  written: number;
  unchanged: number;
  rejected: number;
  seconds: number;
  rowsPerSecond: number;
  financePeakMiB: number;
  gatewayPeakMiB: number;
}

export async function runImportBench(options: ImportBenchOptions): Promise<Measurement[]> {
  const seed = options.seed ?? 1;
  const { say } = options;
  const databaseUrl = await ensureRegister(options.serverUrl, options.size, seed, say);
  const logFile = path.join(os.tmpdir(), `saf-bench-import-${Date.now()}.log`);
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const secrets = { AUTH_JWT_SECRET: randomBytes(32).toString('base64url'), SUBGRAPH_SIGNING_SECRET: randomBytes(32).toString('base64url') };
  const povertyUrl = `http://127.0.0.1:${BASE_PORT + 1}/graphql`;
  const financeUrl = `http://127.0.0.1:${BASE_PORT + 6}/graphql`;
  const common = { ...process.env, DATABASE_URL: databaseUrl, DEMO_HOUSEHOLDS: '0', LOG_LEVEL: 'warn', ...secrets };
  const children: ChildProcess[] = [];
  const start = (script: string, env: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...common, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    children.push(child);
    return child;
  };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saf-bench-import-')), 'dibao-payments-2020.csv');
  try {
    say(`starting the poverty office, finance and the gateway (log: ${logFile})`);
    start('subgraphs/poverty-office/dist/main.js', { POVERTY_OFFICE_PORT: String(BASE_PORT + 1) });
    const finance = start('subgraphs/finance/dist/main.js', { FINANCE_PORT: String(BASE_PORT + 6), REGISTER_URL: povertyUrl });
    await ready(povertyUrl);
    await ready(financeUrl);
    const gateway = start('gateway/dist/main.js', {
      SUPERGRAPH_PATH: path.join(ROOT, 'gateway', 'supergraph.graphql'),
      GATEWAY_PORT: String(BASE_PORT),
      GATEWAY_GRAPHIQL: 'false',
      SUBGRAPH_POVERTY_OFFICE_URL: povertyUrl,
      SUBGRAPH_FINANCE_URL: financeUrl,
    });
    await ready(`http://127.0.0.1:${BASE_PORT}/graphql`);
    await resetPayments(databaseUrl);

    const rows = writeFile(file, options.size, seed);
    say(`file: ${rows.toLocaleString('en')} rows, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB (${file})`);
    const token = await mintToken(secrets.AUTH_JWT_SECRET, { role: 'department_officer', department: 'finance', sub: 'bench-import' }, 3600);
    const results: Measurement[] = [];
    for (const run of ['first import', 're-run (idempotent)']) {
      say(`${run}…`);
      results.push(await measure(run, file, token, finance, gateway, say));
    }
    printTable(results, options.size, rows, say);
    return results;
  } finally {
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => { c.once('exit', r); c.kill('SIGTERM'); }) : null)));
    log.end();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** The bench's import database: the generated register only, loaded once per size and seed. */
async function ensureRegister(serverUrl: string, size: number, seed: number, say: (line: string) => void): Promise<string> {
  const database = `saf_bench_import_${size}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('CREATE TABLE IF NOT EXISTS public.bench_import_dataset (size int NOT NULL, seed int NOT NULL)');
    if ((await db.query('SELECT 1 FROM public.bench_import_dataset WHERE size = $1 AND seed = $2', [size, seed])).rowCount) return databaseUrl;
    say(`loading the register of ${size.toLocaleString('en')} households into ${database} (once)…`);
    const previous = process.env.POVERTY_OFFICE_DATABASE_URL;
    process.env.POVERTY_OFFICE_DATABASE_URL = databaseUrl;
    try {
      await kit.generateSyntheticData([register.povertyOffice], { size, seed, reset: true });
    } finally {
      if (previous === undefined) delete process.env.POVERTY_OFFICE_DATABASE_URL;
      else process.env.POVERTY_OFFICE_DATABASE_URL = previous;
    }
    await db.query('DELETE FROM public.bench_import_dataset');
    await db.query('INSERT INTO public.bench_import_dataset VALUES ($1, $2)', [size, seed]);
    return databaseUrl;
  } finally {
    await db.end();
  }
}

async function resetPayments(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('TRUNCATE finance.disbursement RESTART IDENTITY CASCADE');
  } finally {
    await db.end();
  }
}

/** Every active member of every dibao household × the 12 months of 2020, as the payment system exports them. */
function writeFile(file: string, size: number, seed: number): number {
  const fd = fs.openSync(file, 'w');
  let rows = 0;
  let buffer = 'household_id,person_id,programme,amount,payment_date,period,batch_no\n';
  for (const bundle of register.iterateHouseholds(size, seed)) {
    if (!bundle.household.welfareCategory.startsWith('DIBAO')) continue;
    const members = bundle.members.filter((m) => m.memberStatus === 'ACTIVE');
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      for (const m of members) {
        buffer += `${bundle.household.id},${m.id},DIBAO_ALLOWANCE,${(150 + (rows % 7) * 10).toFixed(2)},2020-${mm}-10,2020-${mm},500154-DB-2020${mm}-01\n`;
        rows++;
      }
    }
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return rows;
}

async function measure(run: string, file: string, token: string, finance: ChildProcess, gateway: ChildProcess, say: (line: string) => void): Promise<Measurement> {
  const peak = { finance: residentMiB(finance), gateway: residentMiB(gateway) };
  const sampler = setInterval(() => {
    peak.finance = Math.max(peak.finance, residentMiB(finance));
    peak.gateway = Math.max(peak.gateway, residentMiB(gateway));
  }, 100);
  let out = '';
  const started = Date.now();
  const code = await runImportCli(['--department', 'finance', '--kind', 'payments', '--file', file, '--gateway', `http://127.0.0.1:${BASE_PORT}`, '--token', token], {
    out: (text) => void (out += text),
    err: (text) => process.stderr.write(text),
    errIsTTY: false,
    env: {},
  });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  say(out.trim().split('\n')[0]);
  const counts = /(\d[\d,]*) rows — (\d[\d,]*) written, (\d[\d,]*) unchanged, (\d[\d,]*) rejected/.exec(out);
  if (code !== 0 || !counts) throw new Error(`the import failed (exit ${code}):\n${out}`);
  const n = (s: string) => Number(s.replace(/,/g, ''));
  return {
    run,
    rows: n(counts[1]),
    written: n(counts[2]),
    unchanged: n(counts[3]),
    rejected: n(counts[4]),
    seconds,
    rowsPerSecond: Math.round(n(counts[1]) / seconds),
    financePeakMiB: peak.finance,
    gatewayPeakMiB: peak.gateway,
  };
}

function printTable(results: Measurement[], size: number, rows: number, say: (line: string) => void): void {
  const lines = [
    `Import: a county's year of dibao payments (${size.toLocaleString('en')} households, ${rows.toLocaleString('en')} rows), ${os.cpus().length} CPUs, Node ${process.version}`,
    '',
    '| run | rows | written | unchanged | seconds | rows/s | finance subgraph peak RSS | gateway peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.run} | ${r.rows.toLocaleString('en')} | ${r.written.toLocaleString('en')} | ${r.unchanged.toLocaleString('en')} | ${r.seconds.toFixed(1)} | ${r.rowsPerSecond.toLocaleString('en')} | ${r.financePeakMiB} MiB | ${r.gatewayPeakMiB} MiB |`),
  ];
  say(`\n${lines.join('\n')}\n`);
}

async function ready(graphqlUrl: string, timeoutMs = 180_000): Promise<void> {
  const url = new URL('/ready', graphqlUrl);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

function residentMiB(child: ChildProcess): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}
