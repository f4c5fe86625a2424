import { randomBytes } from 'node:crypto';
import { mintToken } from '@saf/gateway';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const SUBGRAPHS: Array<{ name: string; url: string }> = JSON.parse(fs.readFileSync(path.join(ROOT, 'gateway', 'subgraphs.json'), 'utf8'));

export interface Service {
  name: string;
  url: string;
  process: ChildProcess;
}

export interface Platform {
  subgraphs: Service[];
  gateways: Record<GatewayKind, Service>;
  supergraphPath: string;
  /** What every benchmark request sends: JSON and a poverty-office officer's token for the whole country. */
  headers: Record<string, string>;
  stop(): Promise<void>;
}

export type GatewayKind = 'hive' | 'apollo';

/** Ports of the bench (away from `npm start`'s 4000–4006). */
const BASE_PORT = Number(process.env.BENCH_BASE_PORT ?? 4100);

function envName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

function spawnNode(name: string, script: string, env: NodeJS.ProcessEnv, log: fs.WriteStream): ChildProcess {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal == null) log.write(`[bench] ${name} exited with ${code}\n`);
  });
  return child;
}

/** Waits for /ready; fails at once if the process died (another one may hold its port). */
async function waitReady(name: string, url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} (see the bench log; is its port taken by an earlier run?)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} not ready at ${url} after ${timeoutMs / 1000} s (see the bench log)`);
}

/** Every subgraph on the bench database, both gateways on one supergraph composed from them. */
export async function startPlatform(databaseUrl: string, logFile: string): Promise<Platform> {
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  log.setMaxListeners(64); // every child pipes into it
  // This run's own secrets: the gateways verify tokens and sign subgraph requests as in production.
  const secrets = { AUTH_JWT_SECRET: randomBytes(32).toString('base64url'), SUBGRAPH_SIGNING_SECRET: randomBytes(32).toString('base64url') };
  const common = { DATABASE_URL: databaseUrl, DEMO_HOUSEHOLDS: '0', LOG_LEVEL: 'warn', ...secrets };
  // A poverty-office officer for the whole country: reads every department, and writes S5's visits.
  const token = await mintToken(secrets.AUTH_JWT_SECRET, { role: 'department_officer', department: 'poverty-office', sub: 'bench' }, 24 * 3600);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const subgraphs: Service[] = SUBGRAPHS.map((s, i) => {
    const port = BASE_PORT + 1 + i;
    const url = `http://127.0.0.1:${port}/graphql`;
    return { name: s.name, url, process: spawnNode(s.name, path.join('subgraphs', s.name, 'dist', 'main.js'), { ...common, [`${envName(s.name)}_PORT`]: String(port) }, log) };
  });
  const stopAll = async (services: Service[]) => {
    await Promise.all(services.map((s) => (s.process.exitCode === null ? new Promise((r) => { s.process.once('exit', r); s.process.kill('SIGTERM'); }) : null)));
    log.end();
  };
  // Everything started so far, so that a failed start leaves no process behind.
  const started: Service[] = [...subgraphs];
  try {
    await Promise.all(subgraphs.map((s) => waitReady(s.name, new URL('/ready', s.url).toString(), s.process)));
    const supergraphPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saf-bench-')), 'supergraph.graphql');
    const urls = Object.fromEntries(subgraphs.map((s) => [`SUBGRAPH_${envName(s.name)}_URL`, s.url]));
    const compose = spawnSync(process.execPath, ['gateway/dist/cli/compose.js', '--live', '--strict', '--out', supergraphPath], { cwd: ROOT, env: { ...process.env, ...urls, ...secrets }, encoding: 'utf8' });
    if (compose.status !== 0) throw new Error(`composition failed:\n${compose.stderr}`);

    const hive: Service = {
      name: 'hive',
      url: `http://127.0.0.1:${BASE_PORT}/graphql`,
      process: spawnNode('hive gateway', 'gateway/dist/main.js', { ...common, SUPERGRAPH_PATH: supergraphPath, GATEWAY_PORT: String(BASE_PORT), GATEWAY_GRAPHIQL: 'false', GATEWAY_UPSTREAM_TIMEOUT_MS: '120000' }, log),
    };
    started.push(hive);
    const apollo: Service = {
      name: 'apollo',
      url: `http://127.0.0.1:${BASE_PORT + 50}/graphql`,
      process: spawnNode('apollo gateway', path.join('bench', 'dist', 'apolloGateway.js'), { ...secrets, SUPERGRAPH_PATH: supergraphPath, PORT: String(BASE_PORT + 50) }, log),
    };
    started.push(apollo);
    await waitReady('hive gateway', `http://127.0.0.1:${BASE_PORT}/ready`, hive.process);
    await waitReady('apollo gateway', `http://127.0.0.1:${BASE_PORT + 50}/ready`, apollo.process);
    return { subgraphs, gateways: { hive, apollo }, supergraphPath, headers, stop: () => stopAll(started) };
  } catch (error) {
    await stopAll(started);
    throw error;
  }
}

/** SQL statements each subgraph has run so far (its own counter, from /metrics). */
export async function sqlCounters(subgraphs: Service[]): Promise<Record<string, number>> {
  const entries = await Promise.all(
    subgraphs.map(async (s) => {
      const text = await (await fetch(new URL('/metrics', s.url))).text();
      const line = text.split('\n').find((l) => l.startsWith('saf_sql_statements_total{'));
      return [s.name, line ? Number(line.split(' ').pop()) : NaN] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Resident memory of a process in MiB (from /proc, no dependency). */
export function residentMiB(service: Service): number {
  try {
    const status = fs.readFileSync(`/proc/${service.process.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return NaN;
  }
}
