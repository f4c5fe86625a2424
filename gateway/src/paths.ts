import * as path from 'node:path';

/**
 * Repository root. This file lives in gateway/src (ts-jest) or gateway/dist (compiled);
 * both are two levels below the root, so the answer is the same either way.
 */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The checked-in list of subgraphs that `npm run compose` reads. */
export const DEFAULT_SUBGRAPHS_FILE = path.join(REPO_ROOT, 'gateway', 'subgraphs.json');

/** Where `npm run compose` writes the supergraph (the gateway serves it with SUPERGRAPH_PATH). */
export const DEFAULT_SUPERGRAPH_PATH = path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');

/**
 * The schema registry's directory (SCHEMA_REGISTRY_DIR overrides it): every accepted supergraph,
 * and the current one the gateway serves. Under .data/, which git ignores.
 */
export const DEFAULT_REGISTRY_DIR = path.join(REPO_ROOT, '.data', 'registry');

/** SCHEMA_REGISTRY_DIR, else `registry/` in DATA_DIR: a fresh data folder is a fresh platform, schemas included. */
export function registryDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCHEMA_REGISTRY_DIR) return path.resolve(env.SCHEMA_REGISTRY_DIR);
  return env.DATA_DIR ? path.join(path.resolve(env.DATA_DIR), 'registry') : DEFAULT_REGISTRY_DIR;
}

/** Paths for humans: relative to the repo root when inside it, else absolute. */
export function displayPath(p: string): string {
  const rel = path.relative(REPO_ROOT, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
