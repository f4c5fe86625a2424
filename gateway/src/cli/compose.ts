import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { Kind, parse } from 'graphql';
import { composeSupergraph, fetchLiveSdl, loadServiceList, readSdlFile, type ServiceSdl } from '../composition';
import { writeFileAtomic } from '../atomic-write';
import { DEFAULT_SUPERGRAPH_PATH, displayPath } from '../paths';

const USAGE = `Usage: npm run compose -- [--live [--strict]] [--out <path>]

Composes the subgraphs listed in gateway/subgraphs.json into a supergraph.
  (default)      read each subgraph's checked-in SDL file
  --live         ask each running subgraph for its SDL ({ _service { sdl } }); if one cannot
                 be reached its SDL file is used instead, with a warning
  --strict       with --live: fail instead of falling back to the file
  --out <path>   where to write (default gateway/supergraph.graphql)
SUBGRAPH_<NAME>_URL overrides a subgraph's URL (e.g. SUBGRAPH_POVERTY_OFFICE_URL).`;

export interface ComposeIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Subgraph list to read instead of gateway/subgraphs.json (tests). */
  subgraphsFile?: string;
  /** Base for relative `sdl` paths in the list (defaults to the repo root). */
  rootDir?: string;
  /** Per-subgraph time limit for --live. Default 5000 ms. */
  fetchTimeoutMs?: number;
}

interface Args {
  live: boolean;
  strict: boolean;
  out: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { live: false, strict: false, out: DEFAULT_SUPERGRAPH_PATH, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--live') args.live = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--out' || a.startsWith('--out=')) {
      const value = a === '--out' ? argv[++i] : a.slice('--out='.length);
      if (!value) throw new Error('--out needs a path');
      args.out = path.resolve(value);
    } else throw new Error(`Unknown argument "${a}"`);
  }
  if (args.strict && !args.live) throw new Error('--strict only applies with --live');
  return args;
}

function countTypes(publicSdl: string): number {
  return parse(publicSdl).definitions.filter(
    (d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION ||
      d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      d.kind === Kind.UNION_TYPE_DEFINITION ||
      d.kind === Kind.ENUM_TYPE_DEFINITION ||
      d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION ||
      d.kind === Kind.SCALAR_TYPE_DEFINITION,
  ).length;
}

/**
 * The `npm run compose` command; returns the exit code. Every subgraph's SDL source is
 * printed (live URL or file), and a fallback from live to file is a visible WARNING, so a
 * stale checked-in SDL is never composed by surprise. On any error the existing supergraph
 * file is left untouched.
 */
export async function runCompose(argv: string[], io: ComposeIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    io.err(`compose: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }

  let services;
  try {
    services = loadServiceList({ file: io.subgraphsFile, env: io.env, rootDir: io.rootDir });
  } catch (err) {
    io.err(`compose: ${(err as Error).message}`);
    return 1;
  }

  const width = Math.max(...services.map((s) => s.name.length));
  const sdls: ServiceSdl[] = [];
  const problems: string[] = [];
  let fallbacks = 0;
  for (const s of services) {
    const label = s.name.padEnd(width);
    const file = displayPath(s.sdlPath);
    const urlNote = s.urlFromEnv ? ` (from ${s.urlEnvVar})` : '';
    try {
      if (args.live) {
        try {
          sdls.push({ name: s.name, url: s.url, typeDefs: await fetchLiveSdl(s.url, io.fetchTimeoutMs ?? 5000) });
          io.out(`  ${label}  live  ${s.url}${urlNote}`);
          continue;
        } catch (err) {
          if (args.strict) throw err;
          const typeDefs = await readSdlFile(s.sdlPath).catch((fileErr: Error) => {
            throw new Error(`${(err as Error).message}; and the fallback failed: ${fileErr.message}`);
          });
          sdls.push({ name: s.name, url: s.url, typeDefs });
          fallbacks++;
          io.err(`  ${label}  file  ${file}  WARNING: ${(err as Error).message}; using the checked-in SDL file instead`);
          continue;
        }
      }
      sdls.push({ name: s.name, url: s.url, typeDefs: await readSdlFile(s.sdlPath) });
      io.out(`  ${label}  file  ${file}  -> ${s.url}${urlNote}`);
    } catch (err) {
      problems.push(`${s.name}: ${(err as Error).message}`);
    }
  }
  if (problems.length) {
    io.err(`compose: cannot get the SDL of ${problems.length} subgraph(s):`);
    for (const p of problems) io.err(`  - ${p}`);
    io.err(`Nothing written; ${displayPath(args.out)} left as it was.`);
    return 1;
  }

  const result = composeSupergraph(sdls);
  if (!result.ok) {
    io.err(`compose: composition failed with ${result.errors.length} error(s):`);
    for (const e of result.errors) io.err(`  - ${e}`);
    io.err(`Nothing written; ${displayPath(args.out)} left as it was.`);
    return 1;
  }

  if (result.derived.length) io.out(`  ${result.derived.map((d) => `${d.padEnd(width)}  derived from the subgraphs above`).join('\n  ')}`);
  const shown = displayPath(args.out);
  const previous = await fs.readFile(args.out, 'utf8').catch(() => undefined);
  const unchanged = previous === result.supergraphSdl;
  if (!unchanged) await writeFileAtomic(args.out, result.supergraphSdl);
  const hash = createHash('sha256').update(result.supergraphSdl).digest('hex').slice(0, 12);
  const sources = args.live ? `${sdls.length - fallbacks} live, ${fallbacks} from file` : 'from files';
  io.out(
    `Supergraph ${unchanged ? 'unchanged' : 'written'}: ${shown} ` +
      `(${sdls.length + result.derived.length} subgraph(s): ${[...sdls.map((s) => s.name), ...result.derived].join(', ')}; ${countTypes(result.publicSdl)} types; ` +
      `SDL ${sources}; sha256 ${hash})`,
  );
  return 0;
}

if (require.main === module) {
  runCompose(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`compose: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );
}
