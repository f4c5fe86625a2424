import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DEFAULT_SUBGRAPHS_FILE,
  composeSupergraph,
  fetchLiveSdl,
  loadServiceList,
  runCompose,
  toWebSocketUrl,
  urlEnvVarFor,
  validateSupergraphSdl,
} from '@saf/gateway';
import {
  CONFLICTING_SDL,
  DIBAO_SDL,
  Delay,
  HOUSEHOLDS_SDL,
  startDibao,
  startHouseholds,
} from './support/fixtures';
import type { TestSubgraph } from './support/subgraph';

/** A URL on a port nothing listens on (bound, then released). */
async function closedPortUrl(): Promise<string> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return `http://127.0.0.1:${port}/graphql`;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-compose-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('composeSupergraph', () => {
  it('composes two subgraphs into a supergraph that names both and their URLs', () => {
    const r = composeSupergraph([
      { name: 'households', url: 'http://h.test/graphql', typeDefs: HOUSEHOLDS_SDL },
      { name: 'dibao', url: 'http://d.test/graphql', typeDefs: DIBAO_SDL },
    ]);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.supergraphSdl).toContain('@join__graph(name: "households", url: "http://h.test/graphql")');
    expect(r.supergraphSdl).toContain('@join__graph(name: "dibao", url: "http://d.test/graphql")');
    expect(r.publicSdl).toContain('dibaoAmount');
    expect(validateSupergraphSdl(r.supergraphSdl)).toMatchObject({ ok: true });
  });

  it('reports two subgraphs defining the same non-shareable field differently, naming both', () => {
    const r = composeSupergraph([
      { name: 'households', url: 'http://h.test/graphql', typeDefs: HOUSEHOLDS_SDL },
      { name: 'conflicting', url: 'http://c.test/graphql', typeDefs: CONFLICTING_SDL },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const all = r.errors.join('\n');
    expect(all).toContain('[FIELD_TYPE_MISMATCH]');
    expect(all).toContain('[INVALID_FIELD_SHARING]');
    expect(all).toMatch(/Household\.name/);
    expect(all).toContain('"households"');
    expect(all).toContain('"conflicting"');
  });

  it('reports an SDL syntax error with the subgraph name and position', () => {
    const r = composeSupergraph([
      { name: 'households', url: 'http://h.test/graphql', typeDefs: HOUSEHOLDS_SDL },
      { name: 'broken', url: 'http://b.test/graphql', typeDefs: 'type Household {\n  id: ID!' },
    ]);
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/subgraph "broken", line 2:/)] });
  });

  it('refuses an empty list', () => {
    expect(composeSupergraph([])).toEqual({ ok: false, errors: ['No subgraphs to compose'] });
  });
});

describe('validateSupergraphSdl', () => {
  it('rejects garbage, an empty file and a plain subgraph SDL', () => {
    expect(validateSupergraphSdl('this is { not graphql')).toMatchObject({ ok: false, error: /not valid GraphQL/ });
    expect(validateSupergraphSdl('  \n')).toMatchObject({ ok: false, error: 'the file is empty' });
    expect(validateSupergraphSdl('type Query { a: String }')).toMatchObject({ ok: false, error: /not a supergraph/ });
  });
});

describe('subgraph list', () => {
  it('derives env var names and ws URLs', () => {
    expect(urlEnvVarFor('poverty-office')).toBe('SUBGRAPH_POVERTY_OFFICE_URL');
    expect(urlEnvVarFor('civilAffairs')).toBe('SUBGRAPH_CIVIL_AFFAIRS_URL');
    expect(toWebSocketUrl('http://localhost:4001/graphql')).toBe('ws://localhost:4001/graphql');
    expect(toWebSocketUrl('https://po.example/graphql')).toBe('wss://po.example/graphql');
  });

  it('reads the checked-in list: the six departments, poverty-office first on 4001 with its SDL file', () => {
    const [po, ...rest] = loadServiceList({ env: {} });
    expect(rest.map((s) => s.name)).toEqual(['education', 'health', 'civil-affairs', 'housing', 'finance']);
    expect(po).toMatchObject({
      name: 'poverty-office',
      url: 'http://localhost:4001/graphql',
      wsUrl: 'ws://localhost:4001/graphql',
      urlFromEnv: false,
    });
    expect(po.sdlPath).toBe(path.join(path.dirname(path.dirname(DEFAULT_SUBGRAPHS_FILE)), 'subgraphs/poverty-office/schema.graphql'));
  });

  it('applies SUBGRAPH_<NAME>_URL and derives the ws URL from it', () => {
    const [po] = loadServiceList({ env: { SUBGRAPH_POVERTY_OFFICE_URL: 'https://po.internal:8443/graphql' } });
    expect(po).toMatchObject({ url: 'https://po.internal:8443/graphql', wsUrl: 'wss://po.internal:8443/graphql', urlFromEnv: true });
  });

  it('names the file and entry when the list is wrong', () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify([{ name: 'a', url: 'ftp://x', sdl: 'a.graphql' }]));
    expect(() => loadServiceList({ file, env: {} })).toThrow(/bad\.json\[0\]\.url: "ftp:\/\/x" must be an http/);
    fs.writeFileSync(file, JSON.stringify([{ name: 'a', url: 'http://x' }]));
    expect(() => loadServiceList({ file, env: {} })).toThrow(/\[0\]\.sdl must be a non-empty string/);
  });
});

describe('npm run compose (runCompose)', () => {
  let households: TestSubgraph;
  let dibao: TestSubgraph;
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  };
  function writeList(name: string, entries: { name: string; url: string; sdl: string }[]): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(entries));
    return file;
  }

  beforeAll(async () => {
    households = await startHouseholds();
    dibao = await startDibao(new Delay());
    fs.writeFileSync(path.join(dir, 'households.graphql'), HOUSEHOLDS_SDL);
    fs.writeFileSync(path.join(dir, 'dibao.graphql'), DIBAO_SDL);
    fs.writeFileSync(path.join(dir, 'conflicting.graphql'), CONFLICTING_SDL);
  });
  afterAll(async () => {
    await households?.close();
    await dibao?.close();
  });

  it('fetchLiveSdl returns the federation SDL, and names the URL when it cannot', async () => {
    expect(await fetchLiveSdl(households.url)).toMatch(/type Household @key\(fields: "id"\)/);
    const dead = await closedPortUrl();
    await expect(fetchLiveSdl(dead, 1000)).rejects.toThrow(`Cannot fetch SDL from ${dead}: ECONNREFUSED`);
  });

  it('composes from SDL files, prints each source, and writes --out', async () => {
    const list = writeList('files.json', [
      { name: 'households', url: 'http://localhost:4001/graphql', sdl: 'households.graphql' },
      { name: 'dibao', url: 'http://localhost:4002/graphql', sdl: 'dibao.graphql' },
    ]);
    const out = path.join(dir, 'out', 'supergraph.graphql');
    const t = io();
    const code = await runCompose(['--out', out], { ...t.io, subgraphsFile: list, rootDir: dir, env: {} });
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    expect(t.out[0]).toMatch(/households\s+file\s+.*households\.graphql/);
    expect(t.out[1]).toMatch(/dibao\s+file\s+.*dibao\.graphql/);
    expect(t.out[2]).toMatch(/^Supergraph written: .*supergraph\.graphql \(2 subgraph\(s\): households, dibao; \d+ types; SDL from files; sha256 [0-9a-f]{12}\)$/);
    const written = fs.readFileSync(out, 'utf8');
    expect(validateSupergraphSdl(written)).toMatchObject({ ok: true });
    expect(fs.readdirSync(path.dirname(out))).toEqual(['supergraph.graphql']); // no temp file left
  });

  it('on composition errors prints them, exits 1 and leaves the existing file untouched', async () => {
    const list = writeList('conflict.json', [
      { name: 'households', url: 'http://localhost:4001/graphql', sdl: 'households.graphql' },
      { name: 'conflicting', url: 'http://localhost:4003/graphql', sdl: 'conflicting.graphql' },
    ]);
    const out = path.join(dir, 'existing.graphql');
    fs.writeFileSync(out, 'previous good supergraph');
    const before = fs.statSync(out).mtimeMs;
    const t = io();
    const code = await runCompose(['--out', out], { ...t.io, subgraphsFile: list, rootDir: dir, env: {} });
    expect(code).toBe(1);
    expect(t.err[0]).toMatch(/composition failed with \d+ error/);
    const mismatch = t.err.find((l) => l.includes('[FIELD_TYPE_MISMATCH]'));
    expect(mismatch).toMatch(/^  - \[FIELD_TYPE_MISMATCH\] .*Household\.name/);
    expect(mismatch).toContain('"households"');
    expect(mismatch).toContain('"conflicting"');
    expect(t.err.at(-1)).toMatch(/Nothing written/);
    expect(fs.readFileSync(out, 'utf8')).toBe('previous good supergraph');
    expect(fs.statSync(out).mtimeMs).toBe(before);
  });

  it('--live fetches from running subgraphs and says so; a dead one falls back loudly; --strict refuses', async () => {
    const list = writeList('live.json', [
      { name: 'households', url: households.url, sdl: 'households.graphql' },
      { name: 'dibao', url: dibao.url, sdl: 'dibao.graphql' },
    ]);
    const out = path.join(dir, 'live.graphql');

    let t = io();
    expect(await runCompose(['--live', `--out=${out}`], { ...t.io, subgraphsFile: list, rootDir: dir, env: {} })).toBe(0);
    expect(t.out[0]).toMatch(new RegExp(`households\\s+live\\s+${households.url}`));
    expect(t.out[1]).toMatch(new RegExp(`dibao\\s+live\\s+${dibao.url}`));
    expect(t.out[2]).toMatch(/SDL 2 live, 0 from file/);

    // dibao's URL overridden to a closed port: its SDL file is used, and the output says so.
    const deadUrl = await closedPortUrl();
    const env = { SUBGRAPH_DIBAO_URL: deadUrl };
    t = io();
    expect(await runCompose(['--live', '--out', out], { ...t.io, subgraphsFile: list, rootDir: dir, env, fetchTimeoutMs: 1000 })).toBe(0);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toMatch(/^  dibao\s+file\s+\S*dibao\.graphql\s+WARNING: Cannot fetch SDL from .*ECONNREFUSED.*using the checked-in SDL file/);
    expect(t.err[0]).toContain(deadUrl);
    expect(t.out.at(-1)).toMatch(/SDL 1 live, 1 from file/);
    expect(fs.readFileSync(out, 'utf8')).toContain(`url: "${deadUrl}"`);

    const before = fs.readFileSync(out, 'utf8');
    t = io();
    expect(await runCompose(['--live', '--strict', '--out', out], { ...t.io, subgraphsFile: list, rootDir: dir, env, fetchTimeoutMs: 1000 })).toBe(1);
    expect(t.err.join('\n')).toMatch(/dibao: Cannot fetch SDL/);
    expect(fs.readFileSync(out, 'utf8')).toBe(before);
  });

  it('rejects unknown arguments with usage (exit 2)', async () => {
    const t = io();
    expect(await runCompose(['--frobnicate'], t.io)).toBe(2);
    expect(t.err[0]).toMatch(/Unknown argument "--frobnicate"[\s\S]*Usage: npm run compose/);
  });
});
