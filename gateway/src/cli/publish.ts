import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEV_SECRETS_PATH, mintToken } from '../auth/devSecrets';
import { displayPath } from '../paths';
import type { MemberSummary, RegistryOutcome, SchemaChange, VersionSummary } from '../registry/types';

const USAGE = `Usage:
  npm run publish -- --subgraph <name> [--url <url>] [--sdl <file>] [--department <CODE>] [--force] [--dry-run]
  npm run publish -- --subgraph <name> --remove [--force] [--dry-run]
  npm run publish -- --history | --list
  npm run rollback [-- --to <version>]

Publishes a subgraph to the gateway's schema registry: the new supergraph is composed and checked
against the current one, and goes live in the running gateway when it is accepted.
  --subgraph <name>     the subgraph (an officer's token may publish only its own department's)
  --url <url>           where the gateway reaches it (required for a new subgraph)
  --sdl <file>          its SDL; without it the gateway asks the subgraph ({ _service { sdl } })
  --department <CODE>   its duty-matrix department, e.g. HUMAN_RESOURCES_SOCIAL_SECURITY
  --force               publish despite breaking changes
  --dry-run             compose and check only
  --remove              take the subgraph out of the supergraph
  --history             every version; --list: the current members
  --rollback [--to N]   make version N (default: the one before the current) current again
  --gateway <url>       default SAF_GATEWAY_URL or http://localhost:4000
  --token <jwt>         default SAF_TOKEN; in development an admin token is minted from
                        AUTH_JWT_SECRET or .data/dev-secrets.json
Exit status: 0 accepted, 1 rejected or failed, 2 usage.`;

export interface PublishIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** The development secrets file to mint a token from (tests). Default .data/dev-secrets.json. */
  devSecretsPath?: string;
}

const OPTIONS = {
  subgraph: { type: 'string' },
  url: { type: 'string' },
  sdl: { type: 'string' },
  department: { type: 'string' },
  force: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  remove: { type: 'boolean' },
  history: { type: 'boolean' },
  list: { type: 'boolean' },
  rollback: { type: 'boolean' },
  to: { type: 'string' },
  gateway: { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

class UsageError extends Error {}

interface ErrorBody {
  errors?: Array<{ message: string; extensions?: { code?: string; compositionErrors?: string[]; breaking?: SchemaChange[]; [key: string]: unknown } }>;
}

/** What the command asks the gateway, decided from the arguments alone. */
interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, unknown>;
  label: string;
}

function callFor(values: Values, env: NodeJS.ProcessEnv): Call {
  const modes = (['history', 'list', 'rollback'] as const).filter((m) => values[m]);
  if (modes.length > 1) throw new UsageError(`--${modes.join(' and --')} do not go together`);
  const publishFlags = (['subgraph', 'url', 'sdl', 'department', 'force', 'dry-run', 'remove'] as const).filter((k) => values[k] !== undefined);
  if (modes.length && publishFlags.length) throw new UsageError(`--${modes[0]} takes no --${publishFlags[0]}`);
  if (values.to !== undefined && !values.rollback) throw new UsageError('--to goes with --rollback');
  if (values.history) return { method: 'GET', path: 'history', label: 'history' };
  if (values.list) return { method: 'GET', path: 'subgraphs', label: 'subgraphs' };
  if (values.rollback) {
    const to = values.to === undefined ? undefined : Number(values.to);
    if (to !== undefined && !(Number.isInteger(to) && to > 0)) throw new UsageError('--to needs a version number');
    return { method: 'POST', path: 'rollback', body: to === undefined ? {} : { to }, label: 'rollback' };
  }
  if (!values.subgraph) throw new UsageError('--subgraph is required');
  if (values.remove && (values.url || values.sdl || values.department)) throw new UsageError('--remove takes only --subgraph (and --force, --dry-run)');
  let sdl: string | undefined;
  if (values.sdl) {
    try {
      // npm runs scripts from the repository root; INIT_CWD is where the user typed the command.
      sdl = fs.readFileSync(path.resolve(env.INIT_CWD ?? process.cwd(), values.sdl), 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read --sdl ${values.sdl}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  const body: Record<string, unknown> = { subgraph: values.subgraph };
  if (values.url) body.url = values.url;
  if (sdl !== undefined) body.sdl = sdl;
  if (values.department) body.department = values.department;
  if (values.remove) body.remove = true;
  if (values.force) body.force = true;
  if (values['dry-run']) body.dryRun = true;
  return { method: 'POST', path: 'publish', body, label: values.subgraph };
}

/** --token, SAF_TOKEN, else (development) an admin token from AUTH_JWT_SECRET or the dev secrets file. */
async function tokenFor(values: Values, io: PublishIo, env: NodeJS.ProcessEnv): Promise<string> {
  if (values.token) return values.token;
  if (env.SAF_TOKEN) return env.SAF_TOKEN;
  const file = io.devSecretsPath ?? DEV_SECRETS_PATH;
  let secret = env.AUTH_JWT_SECRET;
  let source = 'AUTH_JWT_SECRET';
  if (!secret && fs.existsSync(file)) {
    secret = (JSON.parse(fs.readFileSync(file, 'utf8')) as { jwtSecret?: string }).jwtSecret;
    source = displayPath(file);
  }
  if (!secret) throw new UsageError('no token: pass --token or set SAF_TOKEN (an admin token, or an officer token of the subgraph\'s department)');
  io.err(`(development: publishing with an admin token minted from ${source})`);
  return mintToken(secret, { role: 'admin', sub: 'dev-publish' }, 600);
}

function gatewayBase(values: Values, env: NodeJS.ProcessEnv): string {
  const raw = values.gateway ?? env.SAF_GATEWAY_URL ?? 'http://localhost:4000';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--gateway "${raw}" is not a URL`);
  }
  // The GraphQL URL works too: the registry lives beside it.
  return `${url.origin}${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}`;
}

const changeLine = (c: SchemaChange) => `    ${c.criticality.padEnd(12)} ${c.message}${c.path ? `  [${c.path}]` : ''}`;

function printOutcome(label: string, outcome: RegistryOutcome, io: PublishIo): void {
  const sha = outcome.supergraphSha.slice(0, 12);
  if (outcome.status === 'unchanged') {
    io.out(`${label}: unchanged; version ${outcome.version} stays current (supergraph ${sha})`);
    return;
  }
  if (outcome.status === 'dry-run') io.out(`${label}: accepted (dry run, nothing written; version ${outcome.version} stays current)`);
  else if (outcome.status === 'rolled-back') io.out(`rolled back to version ${outcome.rolledBackTo}: now version ${outcome.version}, live (supergraph ${sha})`);
  else io.out(`${label}: published as version ${outcome.version}, live (supergraph ${sha})`);
  io.out(`  ${outcome.changes.length} change(s)${outcome.changes.length ? ':' : ''}`);
  for (const c of outcome.changes) io.out(changeLine(c));
  if (outcome.forced) io.out(`  forced past ${outcome.changes.filter((c) => c.criticality === 'BREAKING').length} breaking change(s)`);
  for (const note of outcome.notes ?? []) io.out(`  NOTE: ${note}`);
  if (outcome.dutyMatrix) io.out(`  duty matrix: ${outcome.dutyMatrix}`);
}

function printRejection(label: string, status: number, body: ErrorBody, io: PublishIo): void {
  const error = body.errors?.[0];
  const code = error?.extensions?.code ?? `HTTP ${status}`;
  io.err(`${label}: REJECTED (${code}): ${error?.message ?? 'no reason given'}`);
  for (const m of error?.extensions?.compositionErrors ?? []) io.err(`  - ${m}`);
  const breaking = error?.extensions?.breaking ?? [];
  if (breaking.length) {
    io.err(`  ${breaking.length} breaking change(s):`);
    for (const c of breaking) io.err(changeLine(c));
  }
  if (code === 'BREAKING_CHANGES') io.err('  Nothing was published. Add --force to publish anyway.');
  else if (code === 'COMPOSITION_FAILED') io.err('  Nothing was published.');
}

function printHistory(versions: VersionSummary[], io: PublishIo): void {
  io.out('version  when                      action    subgraph         by               changes');
  for (const v of versions) {
    const breaking = v.changes.filter((c) => c.criticality === 'BREAKING').length;
    const what = v.action === 'rollback' ? `-> ${v.rolledBackTo}` : v.removed ? `-${v.subgraph}` : (v.subgraph ?? '');
    const changes = `${v.changes.length}${breaking ? ` (${breaking} breaking${v.forced ? ', forced' : ''})` : ''}`;
    io.out(`${`${v.current ? '*' : ' '}${v.version}`.padStart(7)}  ${v.createdAt.padEnd(24)}  ${v.action.padEnd(8)}  ${what.padEnd(15)}  ${v.by.padEnd(15)}  ${changes}`);
  }
  io.out('(* = current)');
}

function printMembers(current: { version: number; supergraphSha: string; subgraphs: MemberSummary[] }, io: PublishIo): void {
  const width = Math.max(8, ...current.subgraphs.map((m) => m.name.length));
  io.out(`version ${current.version} (supergraph ${current.supergraphSha.slice(0, 12)})`);
  io.out(`${'subgraph'.padEnd(width)}  ${'department'.padEnd(32)}  url`);
  for (const m of current.subgraphs) io.out(`${m.name.padEnd(width)}  ${(m.department ?? '-').padEnd(32)}  ${m.url}`);
}

/** The `npm run publish` / `npm run rollback` command; returns the exit code. */
export async function runPublish(argv: string[], io: PublishIo): Promise<number> {
  const env = io.env ?? process.env;
  let values: Values;
  let call: Call;
  let base: string;
  let token: string;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    call = callFor(values, env);
    base = gatewayBase(values, env);
    token = await tokenFor(values, io, env);
  } catch (err) {
    io.err(`publish: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let res: Response;
  try {
    res = await fetch(`${base}/registry/${call.path}`, {
      method: call.method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(call.body ? { 'content-type': 'application/json' } : {}) },
      body: call.body ? JSON.stringify(call.body) : undefined,
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    io.err(`publish: cannot reach the gateway at ${base}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    return 1;
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    io.err(`publish: the gateway at ${base} answered HTTP ${res.status} without JSON (is it a gateway with a schema registry?)`);
    return 1;
  }
  if (!res.ok) {
    printRejection(call.label, res.status, body as ErrorBody, io);
    return 1;
  }
  if (call.path === 'history') printHistory((body as { versions: VersionSummary[] }).versions, io);
  else if (call.path === 'subgraphs') printMembers(body as { version: number; supergraphSha: string; subgraphs: MemberSummary[] }, io);
  else printOutcome(call.label, body as RegistryOutcome, io);
  return 0;
}

if (require.main === module) {
  runPublish(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`publish: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );
}
