/**
 * The gateway against real in-process subgraphs: no mocks of the gateway or the runtime.
 * households (owns Household, offers a subscription over graphql-ws) + dibao (extends it).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { caseworker, tokenFor } from '../support/auth';
import { composeSupergraph, handleHealthRequest, startGateway, writeFileAtomic, type RunningGateway } from '@saf/gateway';

import { DIBAO, DIBAO_SDL, Delay, HOUSEHOLDS, HOUSEHOLDS_SDL, HOUSEHOLDS_SDL_V1, startDibao, startHouseholds } from './support/fixtures';
import type { TestSubgraph } from './support/subgraph';

const UPSTREAM_TIMEOUT_MS = 1000;
const JOIN_QUERY = '{ households { id name dibaoAmount } }';

interface GqlResult {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; path?: (string | number)[]; extensions?: any }[] };
  ms: number;
}

async function gql(url: string, query: string, headers: Record<string, string> = {}): Promise<GqlResult> {
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${await tokenFor(caseworker())}`, ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, headers: res.headers, body: await res.json(), ms: Date.now() - started };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && (v as unknown) !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function compose(householdsUrl: string, dibaoUrl: string, householdsSdl: string): string {
  const r = composeSupergraph([
    { name: 'households', url: householdsUrl, typeDefs: householdsSdl },
    { name: 'dibao', url: dibaoUrl, typeDefs: DIBAO_SDL },
  ]);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.supergraphSdl;
}

const expectedJoined = HOUSEHOLDS.map((h) => ({ id: h.id, name: h.name, dibaoAmount: DIBAO[h.id] }));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-gateway-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('startGateway without a usable supergraph', () => {
  const silent = pino({ level: 'silent' });

  it('fails with a message telling the user to run npm run compose (missing file)', async () => {
    await expect(
      startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path.join(dir, 'nope.graphql'), logger: silent }),
    ).rejects.toThrow(/No usable supergraph at .*nope\.graphql: file not found\. Run `npm run compose`/);
  });

  it('fails the same way for a file that is not a supergraph', async () => {
    const file = path.join(dir, 'subgraph-not-supergraph.graphql');
    fs.writeFileSync(file, DIBAO_SDL);
    await expect(startGateway({ port: 0, host: '127.0.0.1', supergraphPath: file, logger: silent })).rejects.toThrow(
      /No usable supergraph .*: not a supergraph.*Run `npm run compose`/,
    );
  });
});

describe('/ready before a supergraph is live', () => {
  it('answers 503 with a JSON reason while not ready, and /health 200', async () => {
    const server = http.createServer((req, res) => {
      if (!handleHealthRequest(req, res, () => ({ ready: false, reason: 'supergraph not loaded' }))) res.end('other');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not ready', ready: false, reason: 'supergraph not loaded' });
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('gateway over two real subgraphs', () => {
  const delay = new Delay();
  const logs: Record<string, any>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => { logs.push(JSON.parse(line)); if (process.env.GW_DEBUG) process.stderr.write(line); } });
  let households: TestSubgraph;
  let dibao: TestSubgraph;
  let gw: RunningGateway;
  let supergraphPath: string;

  beforeAll(async () => {
    households = await startHouseholds();
    dibao = await startDibao(delay);
    supergraphPath = path.join(dir, 'supergraph.graphql');
    // The first supergraph is composed from an older households SDL without `region`.
    await writeFileAtomic(supergraphPath, compose(households.url, dibao.url, HOUSEHOLDS_SDL_V1));
    gw = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphPath,
      upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
      pollIntervalMs: 100,
      logger,
      graphiql: true,
    });
  });

  afterAll(async () => {
    delay.release();
    await gw?.close();
    await households?.close();
    await dibao?.close();
  });

  it('joins both subgraphs in one query', async () => {
    const r = await gql(gw.url, JOIN_QUERY);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { households: expectedJoined } });
  });

  it('passes x-request-id through to the subgraphs, echoes it and logs it', async () => {
    const before = { h: households.requests.length, d: dibao.requests.length };
    const r = await gql(gw.url, JOIN_QUERY, { 'x-request-id': 'req-test-42' });
    expect(r.headers.get('x-request-id')).toBe('req-test-42');
    const seen = [...households.requests.slice(before.h), ...dibao.requests.slice(before.d)];
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const h of seen) expect(h['x-request-id']).toBe('req-test-42');
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: 'request', requestId: 'req-test-42', path: '/graphql', status: 200 }),
    );

    // No id, or one unfit for logs and headers: the gateway makes one and uses it throughout.
    const before2 = households.requests.length;
    const r2 = await gql(gw.url, '{ households { id } }', { 'x-request-id': 'not ok <script>' });
    const generated = r2.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(households.requests[before2]['x-request-id']).toBe(generated);
  });

  it('serves /health and /ready as JSON', async () => {
    const health = await fetch(gw.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const ready = await fetch(gw.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      ready: true,
      supergraph: { path: supergraphPath, subgraphs: expect.arrayContaining(['households', 'dibao']), hash: expect.stringMatching(/^[0-9a-f]{12}$/) },
    });
  });

  it('serves GraphiQL with every asset inline (no CDN, works offline)', async () => {
    const res = await fetch(gw.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/graphiql/i);
    expect(html.length).toBeGreaterThan(100_000); // the bundle itself is in the page
    // No <script src> / <link href> pointing off-host (absolute or protocol-relative) ...
    const external = [...html.matchAll(/<(script|link)\b[^>]*?\b(src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi)].map((m) => m[3]);
    expect(external).toEqual([]);
    // ... no ES module or CSS imports from a URL, and no well-known CDN anywhere in the page.
    expect(html).not.toMatch(/\bimport\s*(?:[\w{},*\s]+from\s*)?["']https?:\/\//);
    expect(html).not.toMatch(/@import\s+(?:url\()?["']?https?:/);
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|esm\.sh|fonts\.googleapis\.com|cdn\.skypack/);
  });

  async function subscribe(query: string): Promise<unknown[]> {
    const client = createClient({ url: gw.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: async () => ({ authorization: `Bearer ${await tokenFor(caseworker())}` }) });
    const events: unknown[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        client.subscribe({ query }, { next: (v) => void events.push(v), error: reject, complete: resolve });
      });
    } finally {
      await client.dispose();
    }
    return events;
  }

  it('relays a subscription over graphql-ws, joining the other subgraph per event', async () => {
    const events = await subscribe('subscription { householdRegistered(count: 3) { id name dibaoAmount } }');
    expect(events).toEqual([0, 1, 0].map((i) => ({ data: { householdRegistered: expectedJoined[i] } })));
  });

  it('does not cut a subscription that outlives the upstream timeout', async () => {
    const interval = Math.ceil((UPSTREAM_TIMEOUT_MS * 0.6));
    const started = Date.now();
    const events = await subscribe(`subscription { householdRegistered(count: 3, intervalMs: ${interval}) { id dibaoAmount } }`);
    expect(Date.now() - started).toBeGreaterThan(UPSTREAM_TIMEOUT_MS);
    expect(events).toHaveLength(3);
    expect(events[2]).toEqual({ data: { householdRegistered: { id: HOUSEHOLDS[0].id, dibaoAmount: DIBAO[HOUSEHOLDS[0].id] } } });
  });

  it('picks up a new supergraph file without a restart', async () => {
    const q = '{ households { id region } }';
    const before = await gql(gw.url, q);
    expect(before.body.errors?.[0]?.message).toMatch(/Cannot query field "region"/);

    await writeFileAtomic(supergraphPath, compose(households.url, dibao.url, HOUSEHOLDS_SDL));
    // No reloadNow(): the watcher has to notice on its own.
    const after = await waitFor('region to appear', async () => {
      const r = await gql(gw.url, q);
      return r.body.errors ? undefined : r;
    });
    expect(after.body.data.households).toEqual(HOUSEHOLDS.map((h) => ({ id: h.id, region: h.region })));
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'supergraph reloaded', level: 30 }));
  });

  it('keeps serving the last good supergraph when the file turns to garbage, and logs why', async () => {
    fs.writeFileSync(supergraphPath, 'this is { not a supergraph');
    const logged = await waitFor('the rejection to be logged', () =>
      logs.find((l) => l.level === 50 && /rejected/.test(l.msg) && l.path === supergraphPath),
    );
    expect(logged.reason).toMatch(/not valid GraphQL/);
    expect(logged.msg).toMatch(/still serving the last good supergraph/);

    const r = await gql(gw.url, '{ households { id region dibaoAmount } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.households).toHaveLength(2);

    const ready = await fetch(gw.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, lastReloadError: expect.stringMatching(/not valid GraphQL/) });

    // reloadNow() on the same bad file reports it (without logging it a second time).
    const errorCount = logs.filter((l) => l.level === 50).length;
    expect(await gw.reloadNow()).toEqual({ status: 'rejected', error: expect.stringMatching(/not valid GraphQL/) });
    expect(logs.filter((l) => l.level === 50)).toHaveLength(errorCount);
  });

  it('lets operations in flight finish on the old supergraph while a new one is swapped in', async () => {
    delay.ms = 600;
    const householdsCalls = households.requests.length;
    try {
      const query = gql(gw.url, JOIN_QUERY);
      // Mutations are not retried by the runtime, so this one only succeeds if it is allowed
      // to finish on the schema generation it started on.
      const mutation = gql(gw.url, `mutation { recordDibaoReview(householdId: "${HOUSEHOLDS[0].id}") }`);
      await new Promise((r) => setTimeout(r, 150));
      await writeFileAtomic(supergraphPath, compose(households.url, dibao.url, HOUSEHOLDS_SDL_V1));
      const reload = await gw.reloadNow();
      // The watcher may have got there first; either way the new one is live now.
      expect(['reloaded', 'unchanged']).toContain(reload.status);
      expect((await query).body).toEqual({ data: { households: expectedJoined } });
      expect((await mutation).body).toEqual({ data: { recordDibaoReview: `reviewed ${HOUSEHOLDS[0].id}` } });
      expect(households.requests.length - householdsCalls).toBe(1); // finished, not retried
    } finally {
      delay.ms = 0;
    }
    const q = await gql(gw.url, '{ households { region } }');
    expect(q.body.errors?.[0]?.message).toMatch(/Cannot query field "region"/);
  });

  it('returns the fast subgraph\'s fields with an error when the other is slower than the upstream timeout', async () => {
    delay.ms = UPSTREAM_TIMEOUT_MS * 3;
    try {
      const r = await gql(gw.url, JOIN_QUERY);
      expect(r.status).toBe(200);
      expect(r.body.data.households).toEqual(HOUSEHOLDS.map((h) => ({ id: h.id, name: h.name, dibaoAmount: null })));
      expect(r.body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(r.body.errors)).toMatch(/timed out|timeout/i);
      expect(r.ms).toBeGreaterThanOrEqual(UPSTREAM_TIMEOUT_MS - 50);
      expect(r.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS * 2);
    } finally {
      delay.ms = 0;
      delay.release();
    }
  });

  it('returns the live subgraph\'s fields with an error when the other is down', async () => {
    await dibao.close();
    const r = await gql(gw.url, JOIN_QUERY);
    expect(r.status).toBe(200);
    expect(r.body.data.households).toEqual(HOUSEHOLDS.map((h) => ({ id: h.id, name: h.name, dibaoAmount: null })));
    expect(r.body.errors?.length).toBeGreaterThan(0);
    expect(r.body.errors?.[0]?.path).toEqual(expect.arrayContaining(['households']));
    expect(r.ms).toBeLessThan(UPSTREAM_TIMEOUT_MS + 500);
    // The gateway itself stays ready: one subgraph down is not a gateway failure.
    expect((await fetch(gw.url.replace('/graphql', '/ready'))).status).toBe(200);
  });
});
