import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GatewayKind } from './platform';
import type { LoadResult } from './load';

export interface Row extends LoadResult {
  scenario: string;
  connections: number;
  gateway: GatewayKind;
  /** SQL statements per request, per subgraph. */
  sql: Record<string, number>;
  /** Resident memory after the run, MiB: the gateway, and the subgraphs together. */
  gatewayRss: number;
  subgraphRss: number;
}

export interface PageRow {
  first: number;
  sql: Record<string, number>;
  ms: number;
}

export interface SoakResult {
  minutes: number;
  rate: number;
  requests: number;
  errors: number;
  p95: number;
  rssStart: number;
  rssEnd: number;
  rssMax: number;
}

export interface Report {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  dataset: { households: number; loadSeconds: number | null };
  durationSec: number;
  rows: Row[];
  pages: PageRow[];
  soak?: SoakResult;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');
const SHORT: Record<string, string> = { 'poverty-office': 'po', education: 'ed', health: 'he', 'civil-affairs': 'ca', housing: 'ho', finance: 'fi' };

function sqlCell(sql: Record<string, number>): string {
  return Object.entries(sql)
    .map(([name, n]) => `${SHORT[name] ?? name} ${Number.isFinite(n) ? (Math.round(n * 10) / 10).toString() : '–'}`)
    .join(' · ');
}

export function renderMarkdown(report: Report): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(
    `Run ${report.startedAt}: ${m.cpus} CPU(s) (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}; ` +
      `dataset ${report.dataset.households.toLocaleString('en')} households` +
      `${report.dataset.loadSeconds != null ? ` (loaded in ${Math.round(report.dataset.loadSeconds)} s)` : ''}; ` +
      `${report.durationSec} s per measurement after a warm-up; load generator, gateways, subgraphs and PostgreSQL on the same machine.`,
  );
  lines.push('');
  lines.push('| scenario | conn | gateway | req/s | p50 ms | p95 ms | p99 ms | errors | gateway share | SQL per request (po · ed · he · ca · ho · fi) | RSS gateway / subgraphs MiB | ours ÷ Apollo req/s |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of report.rows) {
    const other = report.rows.find((o) => o.scenario === r.scenario && o.connections === r.connections && o.gateway !== r.gateway);
    const ratio = r.gateway !== 'hive' || !other ? '' : other.requests === 0 ? 'Apollo completed none' : `**${(r.rps / other.rps).toFixed(2)}×**`;
    lines.push(
      `| ${r.scenario} | ${r.connections} | ${r.gateway === 'hive' ? 'ours (Hive)' : 'Apollo'} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ` +
        `${Number.isFinite(r.gatewayShare) ? `${(r.gatewayShare * 100).toFixed(0)} % (${ms(r.gatewayMs)} ms)` : '–'} | ${sqlCell(r.sql)} | ${r.gatewayRss} / ${r.subgraphRss} | ${ratio} |`,
    );
  }
  if (report.pages.length) {
    lines.push('');
    lines.push('S2 by page size (one request through our gateway; SQL statements per subgraph):');
    lines.push('');
    lines.push('| page size | SQL per subgraph (po · ed · he · ca · ho · fi) | time ms |');
    lines.push('|---|---|---|');
    for (const p of report.pages) lines.push(`| ${p.first} | ${sqlCell(p.sql)} | ${ms(p.ms)} |`);
  }
  if (report.soak) {
    const s = report.soak;
    lines.push('');
    lines.push(
      `Soak: S1 on our gateway for ${s.minutes} min at ${s.rate} req/s (80 % of the peak measured): ${s.requests} requests, ${s.errors} errors, p95 ${ms(s.p95)} ms; ` +
        `gateway RSS ${s.rssStart} MiB at the start, ${s.rssEnd} MiB at the end, ${s.rssMax} MiB at most.`,
    );
  }
  return lines.join('\n');
}

/** Writes bench/results/<timestamp>-<households>.{md,json}; returns the markdown path. */
export function writeResults(report: Report, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-').slice(0, 19);
  const base = path.join(dir, `${stamp}-${report.dataset.households}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, `${renderMarkdown(report)}\n`);
  return `${base}.md`;
}

/** Replaces the table between the markers in bench/README.md. */
export function updateReadme(readmePath: string, markdown: string): void {
  const text = fs.readFileSync(readmePath, 'utf8');
  const start = '<!-- latest results: start -->';
  const end = '<!-- latest results: end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) return;
  fs.writeFileSync(readmePath, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
}
