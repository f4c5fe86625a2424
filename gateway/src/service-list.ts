import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SUBGRAPHS_FILE, REPO_ROOT, displayPath } from './paths';

/** One subgraph as the gateway and the compose command see it (paths resolved, env applied). */
export interface ServiceEntry {
  /** Subgraph name; also its name in the supergraph (join__graph). */
  name: string;
  /** HTTP endpoint for queries and mutations (after any env override). */
  url: string;
  /** graphql-ws endpoint for subscriptions: always the HTTP URL with a ws(s) scheme. */
  wsUrl: string;
  /** Absolute path of the subgraph's checked-in SDL file. */
  sdlPath: string;
  /** Name of the env var that overrides `url`, and whether it was set. */
  urlEnvVar: string;
  urlFromEnv: boolean;
  /**
   * The duty-matrix department code the subgraph serves (e.g. HOUSING); the schema registry tells
   * the poverty office which departments are federated. Optional so older lists still load.
   */
  department?: string;
}

/** Duty-matrix department codes: POVERTY_OFFICE, HUMAN_RESOURCES_SOCIAL_SECURITY. */
export const DEPARTMENT_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;

export interface LoadServiceListOptions {
  /** Defaults to gateway/subgraphs.json. */
  file?: string;
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Base for the relative `sdl` paths; defaults to the repo root. */
  rootDir?: string;
}

/** `poverty-office` -> `SUBGRAPH_POVERTY_OFFICE_URL`. */
export function urlEnvVarFor(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `SUBGRAPH_${snake}_URL`;
}

/** Subscriptions go to the same endpoint over graphql-ws, so only the scheme changes. */
export function toWebSocketUrl(httpUrl: string): string {
  const u = new URL(httpUrl);
  if (u.protocol === 'http:') u.protocol = 'ws:';
  else if (u.protocol === 'https:') u.protocol = 'wss:';
  else if (u.protocol !== 'ws:' && u.protocol !== 'wss:') {
    throw new Error(`Cannot derive a WebSocket URL from "${httpUrl}": expected http(s)://`);
  }
  return u.toString();
}

/** Throws `<where>: "<value>" ...` unless the value is an absolute http(s) URL. */
export function assertHttpUrl(value: string, where: string): void {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Error(`${where}: "${value}" is not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`${where}: "${value}" must be an http:// or https:// URL`);
  }
}

/**
 * Reads gateway/subgraphs.json and applies SUBGRAPH_<NAME>_URL overrides. Throws a message
 * naming the file and the bad entry, because a typo here otherwise surfaces much later as a
 * confusing composition or network error.
 */
export function loadServiceList(options: LoadServiceListOptions = {}): ServiceEntry[] {
  const file = options.file ?? DEFAULT_SUBGRAPHS_FILE;
  const env = options.env ?? process.env;
  const rootDir = options.rootDir ?? REPO_ROOT;
  const shown = displayPath(file);

  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read subgraph list ${shown}: ${(err as Error).message}`);
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new Error(`${shown} must be a non-empty JSON array of { name, url, sdl, department? }`);
  }

  const seen = new Set<string>();
  return raw.map((item, i) => {
    const where = `${shown}[${i}]`;
    if (typeof item !== 'object' || item === null) throw new Error(`${where} must be an object`);
    const { name, url, sdl, department } = item as Record<string, unknown>;
    for (const [key, value] of Object.entries({ name, url, sdl })) {
      if (typeof value !== 'string' || value.trim() === '') {
        throw new Error(`${where}.${key} must be a non-empty string`);
      }
    }
    if (department !== undefined && (typeof department !== 'string' || !DEPARTMENT_CODE_PATTERN.test(department))) {
      throw new Error(`${where}.department must be a duty-matrix department code such as "HOUSING"`);
    }
    const n = name as string;
    if (seen.has(n)) throw new Error(`${where}: duplicate subgraph name "${n}"`);
    seen.add(n);

    const urlEnvVar = urlEnvVarFor(n);
    const override = env[urlEnvVar]?.trim();
    const finalUrl = override || (url as string);
    assertHttpUrl(finalUrl, override ? `${urlEnvVar}` : `${where}.url`);

    return {
      name: n,
      url: finalUrl,
      wsUrl: toWebSocketUrl(finalUrl),
      sdlPath: path.resolve(rootDir, sdl as string),
      urlEnvVar,
      urlFromEnv: Boolean(override),
      ...(department ? { department: department as string } : {}),
    };
  });
}
