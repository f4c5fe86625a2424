/**
 * Helpers for schema registry tests: a subgraph list to seed a registry from (a temporary
 * subgraphs.json with its SDL files), and a client for the gateway's /registry/ endpoint.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenFor, type TestCaller } from '../../support/auth';

export interface SeedMember {
  name: string;
  url: string;
  sdl: string;
  department?: string;
}

/** Writes `<dir>/subgraphs.json` and one SDL file per member; returns the options for `registry.seedFrom`. */
export function writeSeedList(dir: string, members: SeedMember[]): { file: string; rootDir: string; env: NodeJS.ProcessEnv } {
  fs.mkdirSync(dir, { recursive: true });
  const list = members.map((m) => {
    fs.writeFileSync(path.join(dir, `${m.name}.graphql`), m.sdl);
    return { name: m.name, url: m.url, sdl: `${m.name}.graphql`, ...(m.department ? { department: m.department } : {}) };
  });
  const file = path.join(dir, 'subgraphs.json');
  fs.writeFileSync(file, JSON.stringify(list, null, 2));
  return { file, rootDir: dir, env: {} };
}

export interface RegistryResponse {
  status: number;
  body: any;
}

/** Calls /registry/<route> on a gateway (its GraphQL URL given) as `caller`, or with no token when caller is null. */
export async function registryCall(
  graphqlUrl: string,
  caller: TestCaller | null,
  route: string,
  body?: Record<string, unknown>,
): Promise<RegistryResponse> {
  const url = graphqlUrl.replace(/\/graphql$/, `/registry/${route}`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (caller) headers.authorization = `Bearer ${await tokenFor(caller)}`;
  if (body) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: body ? 'POST' : 'GET', headers, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json() };
}

/** Collects a CLI's lines (runPublish / runCompose style io). */
export function captureIo(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), env } };
}
