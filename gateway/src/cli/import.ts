import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BODY_HASH_HEADER, problemsCsv, type ImportProblem, type ImportReport, type KindDescription } from '@saf/kit';
import { DEV_SECRETS_PATH, mintToken, type DevSecrets } from '../auth/devSecrets';

const USAGE = `Usage: npm run import -- --department <name> --kind <kind> --file <file.csv|file.jsonl> [options]

Imports a batch file into a department through the gateway. Every row is checked (columns, types,
ID checksums, region codes, the register, duplicates in the file and against the database) before
anything is written; the good rows are written in one transaction, rejected rows are reported.
Re-running the same file changes nothing.

  --department <name>   e.g. civil-affairs, finance
  --kind <kind>         what the file holds, e.g. dibao, payments (--help --department <name> lists them)
  --file <path>         the file (UTF-8 CSV with a header line, or JSON Lines)
  --format csv|jsonl    default: from the file's extension (.csv, .jsonl / .ndjson)
  --all-or-nothing      write nothing if any row is rejected
  --dry-run             check everything, write nothing
  --report <path>       where the full problem list goes (CSV: row,column,code,reason);
                        default <file>.rejected.csv when rows are rejected
  --gateway <url>       default SAF_GATEWAY_URL or http://localhost:4000
  --token <jwt>         default SAF_TOKEN; in development, a department_officer token of the
                        department minted from .data/dev-secrets.json
Exit status: 0 all rows written or unchanged, 1 rows rejected or the file refused, 2 usage.`;

export interface ImportIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (a redrawn progress bar) or not (a line per progress report). */
  errIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Development secrets to mint a token from when none is given. Default .data/dev-secrets.json. */
  devSecretsPath?: string;
}

interface Args {
  department?: string;
  kind?: string;
  file?: string;
  format?: 'csv' | 'jsonl';
  allOrNothing: boolean;
  dryRun: boolean;
  report?: string;
  gateway: string;
  token?: string;
  help: boolean;
}

class UsageError extends Error {}

function parse(argv: string[], env: NodeJS.ProcessEnv): Args {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        department: { type: 'string' },
        kind: { type: 'string' },
        file: { type: 'string' },
        format: { type: 'string' },
        'all-or-nothing': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        report: { type: 'string' },
        gateway: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = values.format as string | undefined;
  if (format !== undefined && format !== 'csv' && format !== 'jsonl') throw new UsageError(`--format must be csv or jsonl, not "${format}"`);
  return {
    department: values.department as string | undefined,
    kind: values.kind as string | undefined,
    file: values.file as string | undefined,
    format,
    allOrNothing: Boolean(values['all-or-nothing']),
    dryRun: Boolean(values['dry-run']),
    report: values.report as string | undefined,
    gateway: ((values.gateway as string | undefined) ?? env.SAF_GATEWAY_URL ?? 'http://localhost:4000').replace(/\/(graphql)?\/?$/, ''),
    token: (values.token as string | undefined) ?? env.SAF_TOKEN,
    help: Boolean(values.help),
  };
}

function formatOf(file: string): 'csv' | 'jsonl' | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return null;
}

/** `npm run import`: returns the exit code (0 good, 1 rejected rows or a refused file, 2 usage). */
export async function runImportCli(argv: string[], io: ImportIo): Promise<number> {
  const env = io.env ?? process.env;
  let args: Args;
  try {
    args = parse(argv, env);
  } catch (error) {
    io.err(`import: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help && !args.department) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (!args.department) return usage(io, '--department is required');
  let token: string;
  try {
    token = await tokenFor(args, io, env);
  } catch (error) {
    io.err(`import: ${(error as Error).message}\n`);
    return 2;
  }
  if (args.help) return listKinds(args, token, io);
  if (!args.kind) return usage(io, '--kind is required');
  if (!args.file) return usage(io, '--file is required');
  const format = args.format ?? formatOf(args.file);
  if (!format) return usage(io, `cannot tell the format of ${args.file} from its extension: add --format csv or --format jsonl`);
  let size: number;
  try {
    const stat = fs.statSync(args.file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    return usage(io, `cannot read ${args.file}: ${(error as Error).message}`);
  }
  return upload(args as Args & { kind: string; file: string; department: string }, format, size, token, io);
}

function usage(io: ImportIo, message: string): number {
  io.err(`import: ${message}\n\n${USAGE}\n`);
  return 2;
}

async function tokenFor(args: Args, io: ImportIo, env: NodeJS.ProcessEnv): Promise<string> {
  if (args.token) return args.token;
  const file = io.devSecretsPath ?? DEV_SECRETS_PATH;
  if (!fs.existsSync(file)) throw new Error(`no token: pass --token or set SAF_TOKEN (in development, \`npm start\` creates ${file} to mint one from)`);
  const secrets = JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets;
  io.err(`import: no --token or SAF_TOKEN; using a development department_officer token for ${args.department} (whole country) from ${file}\n`);
  return mintToken(env.AUTH_JWT_SECRET || secrets.jwtSecret, { role: 'department_officer', department: args.department, sub: 'dev-import' }, 3600);
}

/** The SHA-256 of the file, read as a stream. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Line {
  type?: string;
  code?: string;
  message?: string;
  phase?: string;
  rows?: number;
  rowsPerSecond?: number;
  problems?: ImportProblem[];
  [key: string]: unknown;
}

/** Sends a request and calls `onLine` with each NDJSON line of the answer; resolves with the HTTP status. */
function request(url: URL, options: { method: string; headers: Record<string, string>; body?: fs.ReadStream }, onLine: (line: Line) => Promise<void> | void): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: options.method, headers: options.headers }, (res) => {
      res.setEncoding('utf8');
      let pending = '';
      let chain = Promise.resolve();
      const take = (text: string) => {
        if (text.trim() === '') return;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          line = { type: 'error', code: 'BAD_ANSWER', message: `unexpected answer (HTTP ${res.statusCode}): ${text.slice(0, 200)}` };
        }
        chain = chain.then(() => onLine(line));
      };
      res.on('data', (chunk: string) => {
        pending += chunk;
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          take(pending.slice(0, nl));
          pending = pending.slice(nl + 1);
        }
      });
      res.on('end', () => {
        take(pending);
        chain.then(() => resolve(res.statusCode ?? 0), reject);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body) options.body.pipe(req);
    else req.end();
  });
}

async function listKinds(args: Args, token: string, io: ImportIo): Promise<number> {
  const url = new URL(`/import/${encodeURIComponent(args.department!)}`, args.gateway);
  let answer: Line | undefined;
  try {
    await request(url, { method: 'GET', headers: { authorization: `Bearer ${token}` } }, (line) => void (answer = line));
  } catch (error) {
    io.err(`import: cannot reach the gateway at ${args.gateway}: ${(error as Error).message}\n`);
    return 1;
  }
  if (!answer || answer.type === 'error') {
    io.err(`import: ${answer?.code ?? 'ERROR'}: ${answer?.message ?? 'no answer'}\n`);
    return 1;
  }
  const kinds = (answer.kinds ?? []) as KindDescription[];
  const lines = [`${args.department} imports (--kind):`, ''];
  for (const kind of kinds) {
    lines.push(`${kind.name} — ${kind.description}`, `  natural key: ${kind.naturalKey.join(', ')}; sample: subgraphs/${args.department}/${kind.sampleFile}`);
    const width = Math.max(...kind.columns.map((c) => c.name.length));
    for (const c of kind.columns) lines.push(`  ${c.name.padEnd(width)}  ${c.required ? 'required' : 'optional'}  ${c.type}. ${c.description}`);
    lines.push('');
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

async function upload(args: Args & { kind: string; file: string; department: string }, format: 'csv' | 'jsonl', size: number, token: string, io: ImportIo): Promise<number> {
  const hash = await hashFile(args.file);
  const url = new URL(`/import/${encodeURIComponent(args.department)}/${encodeURIComponent(args.kind)}`, args.gateway);
  url.searchParams.set('format', format);
  if (args.allOrNothing) url.searchParams.set('allOrNothing', '1');
  if (args.dryRun) url.searchParams.set('dryRun', '1');

  const body = fs.createReadStream(args.file);
  const bar = new UploadProgress(io, size);
  body.on('data', (chunk) => bar.sent(chunk.length));
  const reportPath = args.report ?? `${args.file}.rejected.csv`;
  let reportFile: fs.WriteStream | null = null;
  let streamedProblems = 0;
  let report: ImportReport | null = null;
  let refusal: Line | null = null;

  try {
    await request(
      url,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, [BODY_HASH_HEADER]: hash, 'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson', 'content-length': String(size) }, body },
      async (line) => {
        if (line.type === 'progress') bar.server(line.phase ?? '', line.rows ?? 0, line.rowsPerSecond ?? 0);
        else if (line.type === 'problems' && line.problems) {
          if (!reportFile) {
            reportFile = fs.createWriteStream(reportPath);
            reportFile.write('row,column,code,reason\n');
          }
          streamedProblems += line.problems.length;
          // The header comes once; each page is the CSV lines only.
          if (!reportFile.write(problemsCsv(line.problems).split('\n').slice(1).join('\n'))) await new Promise<void>((r) => reportFile!.once('drain', () => r()));
        } else if (line.type === 'report') report = line as unknown as ImportReport;
        else if (line.type === 'error') refusal = line;
      },
    );
  } catch (error) {
    bar.done();
    io.err(`import: cannot reach the gateway at ${args.gateway}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    if (reportFile) await new Promise<void>((r) => (reportFile as unknown as fs.WriteStream).end(() => r()));
  }
  bar.done();
  if (refusal || !report) {
    const r = (refusal ?? { code: 'NO_REPORT', message: 'the answer ended without a report' }) as Line;
    const details = Object.entries(r).filter(([k]) => !['type', 'code', 'message'].includes(k));
    io.err(`import refused: ${r.code}: ${r.message}${details.length ? ` (${details.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')})` : ''}\nNothing was written.\n`);
    return 1;
  }
  return summarise(report, args, streamedProblems > 0 ? reportPath : null, io);
}

function summarise(report: ImportReport, args: Args & { file: string }, reportPath: string | null, io: ImportIo): number {
  const n = (x: number) => x.toLocaleString('en-US');
  const outcome = report.dryRun
    ? `dry run: ${n(report.written)} would be written, nothing was`
    : report.committed
      ? `${n(report.written)} written`
      : `nothing written (--all-or-nothing: ${n(report.rejected)} rejected)`;
  const lines = [
    `${report.department} ${report.kind}: ${n(report.rows)} rows — ${outcome}, ${n(report.unchanged)} unchanged, ${n(report.rejected)} rejected (${(report.milliseconds / 1000).toFixed(1)} s)`,
  ];
  if (report.problems.length > 0) {
    lines.push('', 'row     column                   code                     reason');
    for (const p of report.problems.slice(0, 20)) lines.push(`${String(p.row).padEnd(7)} ${(p.column || '-').padEnd(24)} ${p.code.padEnd(24)} ${p.reason}`);
    if (report.rejected > 0 && (report.problems.length > 20 || report.problemsTruncated)) lines.push(`… and more`);
  }
  if (reportPath) lines.push('', `All problems: ${reportPath}`);
  io.out(`${lines.join('\n')}\n`);
  return report.rejected > 0 ? 1 : 0;
}

/**
 * The progress bar on stderr: bytes sent of the file, with the rows and rows per second the
 * department reports. Redrawn in place on a terminal; elsewhere a line per server report.
 */
class UploadProgress {
  private bytes = 0;
  private rows = 0;
  private rate = 0;
  private phase = 'sending';
  private lastDraw = 0;
  private finished = false;

  constructor(private readonly io: ImportIo, private readonly size: number) {}

  sent(bytes: number): void {
    this.bytes += bytes;
    if (this.io.errIsTTY) this.draw();
  }

  server(phase: string, rows: number, rate: number): void {
    this.phase = phase;
    this.rows = rows;
    this.rate = rate;
    if (this.io.errIsTTY) this.draw(true);
    else this.io.err(`${phase}: ${this.rows.toLocaleString('en-US')} rows (${rate.toLocaleString('en-US')} rows/s), ${this.share()}% of the file sent\n`);
  }

  done(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.io.errIsTTY && this.lastDraw > 0) this.io.err('\r\x1b[K');
  }

  private share(): string {
    return this.size > 0 ? ((100 * this.bytes) / this.size).toFixed(0) : '100';
  }

  private draw(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = this.size > 0 ? Math.round((width * this.bytes) / this.size) : width;
    const mb = (b: number) => (b / 1048576).toFixed(1);
    this.io.err(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.share()}% ${mb(this.bytes)}/${mb(this.size)} MB  ${this.rows.toLocaleString('en-US')} rows  ${this.rate.toLocaleString('en-US')} rows/s  ${this.phase}\x1b[K`,
    );
  }
}

if (require.main === module) {
  runImportCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: process.stderr.isTTY,
  }).then((code) => process.exit(code));
}
