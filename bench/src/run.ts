/**
 * `npm run bench [-- --quick] [--size county|province|demo|N] [--only S1,S3] [--duration S] [--soak MIN]`
 *
 * Loads (once) the dataset into its own PostgreSQL database, starts every subgraph, our gateway and
 * Apollo Gateway on the same supergraph, drives each scenario against both in turn with autocannon,
 * and prints and writes the results table (bench/README.md explains the columns).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureDataset, sampleDataset } from './dataset';
import { runLoad, runOnce } from './load';
import { ROOT, residentMiB, sqlCounters, startPlatform, type GatewayKind, type Platform } from './platform';
import { renderMarkdown, updateReadme, writeResults, type PageRow, type Report, type Row } from './report';
import { pageScenario, SCENARIOS, S1, type Dataset, type Scenario } from './scenarios';
import { runSoak } from './soak';
import { runImportBench } from './import';

const SIZES: Record<string, number> = { demo: 2000, county: 30000, province: 2000000 };
const USAGE = `Usage: npm run bench -- [--quick] [--size demo|county|province|N] [--only S1,S2,…] [--duration S] [--soak MINUTES]
  --quick       the demo dataset, the lowest concurrency level, 4 s per measurement: under 3 minutes
  --size        dataset (default county; --quick: demo); loaded once into saf_bench_<households>
  --only        scenarios to run (S1 one household, S2 a page, S3 dashboard, S4 reconciliation, S5 a write)
  --duration    seconds per measurement (default 20)
  --soak        also run S1 on our gateway for this many minutes at 80 % of its peak, watching memory
  --import      instead: import a county's year of dibao payments through the gateway (bench/src/import.ts)
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the PostgreSQL server.`;

interface Args {
  quick: boolean;
  size: number;
  only: string[] | null;
  durationSec: number;
  warmupSec: number;
  soakMinutes: number;
  import: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, size: SIZES.county, only: null, durationSec: 20, warmupSec: 5, soakMinutes: 0, import: false };
  let sizeGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') args.quick = true;
    else if (a === '--import') args.import = true;
    else if (a === '--size') {
      const v = value();
      args.size = SIZES[v] ?? Number(v);
      sizeGiven = true;
      if (!Number.isInteger(args.size) || args.size < 100) throw new Error(`--size must be demo, county, province or a number ≥ 100, got "${v}"`);
    } else if (a === '--only') args.only = value().split(',').map((s) => s.trim().toUpperCase());
    else if (a === '--duration') args.durationSec = Number(value());
    else if (a === '--soak') args.soakMinutes = Number(value());
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown argument "${a}"`);
  }
  if (args.quick) {
    if (!sizeGiven) args.size = SIZES.demo;
    args.durationSec = 4;
    args.warmupSec = 1;
  }
  return args;
}

/** A deterministic generator, so two runs draw the same households. */
function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The counters once the subgraphs are idle: requests the load generator gave up on at the end of
 * a window still run, and would otherwise be counted in the next measurement.
 */
async function settledSqlCounters(platform: Platform): Promise<Record<string, number>> {
  let last = await sqlCounters(platform.subgraphs);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await sqlCounters(platform.subgraphs);
    if (Object.keys(now).every((k) => now[k] === last[k])) return now;
    last = now;
  }
  return last;
}

async function measure(platform: Platform, gateway: GatewayKind, scenario: Scenario, data: Dataset, connections: number, args: Args): Promise<Row> {
  const url = platform.gateways[gateway].url;
  await runLoad(url, scenario, data, { headers: platform.headers, connections, durationSec: args.warmupSec, random: seededRandom(7) });
  const before = await settledSqlCounters(platform);
  const result = await runLoad(url, scenario, data, { headers: platform.headers, connections, durationSec: args.durationSec, random: seededRandom(11) });
  const after = await settledSqlCounters(platform);
  const sql = Object.fromEntries(Object.keys(after).map((name) => [name, result.requests ? (after[name] - before[name]) / result.requests : NaN]));
  return {
    ...result,
    scenario: scenario.id,
    connections,
    gateway,
    sql,
    gatewayRss: residentMiB(platform.gateways[gateway]),
    subgraphRss: platform.subgraphs.reduce((n, s) => n + residentMiB(s), 0),
  };
}

async function pageSizes(platform: Platform, data: Dataset): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  for (const first of [10, 100, 1000]) {
    const scenario = pageScenario(first);
    // The largest town, so a page of 1,000 is full.
    const fixed = { ...data, towns: [data.towns[0]] };
    await runOnce(platform.gateways.hive.url, platform.headers, scenario, fixed, seededRandom(3));
    const before = await sqlCounters(platform.subgraphs);
    const ms = await runOnce(platform.gateways.hive.url, platform.headers, scenario, fixed, seededRandom(3));
    const after = await sqlCounters(platform.subgraphs);
    rows.push({ first, ms, sql: Object.fromEntries(Object.keys(after).map((n) => [n, after[n] - before[n]])) });
  }
  return rows;
}

/** S1 latency against the latest run on another dataset size, if there is one. */
function scaleComparison(report: Report, dir: string): string | null {
  const mine = report.rows.find((r) => r.scenario === 'S1' && r.gateway === 'hive' && r.connections === 1);
  if (!mine || !fs.existsSync(dir)) return null;
  const others = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Report)
    .filter((r) => r.dataset.households !== report.dataset.households);
  const other = others.map((r) => ({ r, s1: r.rows.find((x) => x.scenario === 'S1' && x.gateway === 'hive' && x.connections === 1) })).find((x) => x.s1);
  if (!other) return null;
  const change = (mine.p50 / other.s1!.p50 - 1) * 100;
  return `S1 (1 connection, ours) at ${report.dataset.households.toLocaleString('en')} households: p50 ${mine.p50.toFixed(1)} ms, p95 ${mine.p95.toFixed(1)} ms; at ${other.r.dataset.households.toLocaleString('en')} (run ${other.r.startedAt}): p50 ${other.s1!.p50.toFixed(1)} ms, p95 ${other.s1!.p95.toFixed(1)} ms (p50 ${change >= 0 ? '+' : ''}${change.toFixed(0)} %).`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const resultsDir = path.join(ROOT, 'bench', 'results');
  const logFile = path.join(os.tmpdir(), `saf-bench-${Date.now()}.log`);
  const say = (line: string) => console.log(`[bench] ${line}`);
  if (args.import) return void (await runImportBench({ size: args.size, serverUrl, say }));

  const dataset = await ensureDataset(serverUrl, args.size, 1, say);
  say(`starting the subgraphs and both gateways (log: ${logFile})`);
  const platform = await startPlatform(dataset.databaseUrl, logFile);
  try {
    const data = await sampleDataset(dataset.databaseUrl, 2019);
    const cpus = os.cpus();
    const report: Report = {
      startedAt: new Date().toISOString(),
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      dataset: { households: dataset.households, loadSeconds: dataset.loadSeconds },
      durationSec: args.durationSec,
      rows: [],
      pages: [],
    };
    const scenarios = SCENARIOS.filter((s) => !args.only || args.only.includes(s.id));
    for (const scenario of scenarios) {
      // Quick: the lowest level, where every scenario completes several requests in a few seconds.
      const levels = args.quick ? [scenario.connections[0]] : scenario.connections;
      for (const [i, connections] of levels.entries()) {
        // Alternate which gateway goes first, so neither always meets a warmer database.
        const order: GatewayKind[] = i % 2 === 0 ? ['hive', 'apollo'] : ['apollo', 'hive'];
        const pair: Row[] = [];
        for (const gateway of order) {
          say(`${scenario.id} (${scenario.title}) · ${connections} connection(s) · ${gateway}`);
          pair.push(await measure(platform, gateway, scenario, data, connections, args));
        }
        report.rows.push(...pair.sort((a) => (a.gateway === 'hive' ? -1 : 1)));
      }
    }
    if (!args.only || args.only.includes('S2')) report.pages = await pageSizes(platform, data);
    if (args.soakMinutes > 0) {
      const peak = Math.max(...report.rows.filter((r) => r.scenario === 'S1' && r.gateway === 'hive').map((r) => r.rps), 0);
      if (peak > 0) report.soak = await runSoak(platform, S1, data, { minutes: args.soakMinutes, rate: Math.max(1, Math.round(peak * 0.8)), say });
    }

    const markdown = renderMarkdown(report);
    console.log(`\n${markdown}\n`);
    const scale = scaleComparison(report, resultsDir);
    if (scale) console.log(`${scale}\n`);
    const written = writeResults(report, resultsDir);
    say(`written to ${path.relative(ROOT, written)}`);
    if (!args.quick && !args.only) {
      updateReadme(path.join(ROOT, 'bench', 'README.md'), `${markdown}${scale ? `\n\n${scale}` : ''}`);
      say('bench/README.md updated with this table');
    }
  } finally {
    await platform.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
