/**
 * The schema registry in a running gateway, against real subgraphs (households owns Household,
 * dibao extends it): publish live under load, breaking changes and composition errors refused,
 * history and rollback through the CLI, a second replica following through its file watch, and
 * who may do what.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { runPublish, startGateway, type RunningGateway } from '@saf/gateway';
import { admin, analyst, caseworker, officer, tokenFor } from '../support/auth';
import { CONFLICTING_SDL, DIBAO, DIBAO_SDL, Delay, HOUSEHOLDS, HOUSEHOLDS_SDL, HOUSEHOLDS_SDL_V1, startDibao, startHouseholds } from './support/fixtures';
import { captureIo, registryCall, writeSeedList } from './support/registry';
import type { TestSubgraph } from './support/subgraph';

const JOIN_QUERY = '{ households { id name dibaoAmount } }';
const EXPECTED_JOIN = HOUSEHOLDS.map((h) => ({ id: h.id, name: h.name, dibaoAmount: DIBAO[h.id] }));

interface Body {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

async function query(url: string, q: string): Promise<{ status: number; body: Body }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${await tokenFor(caseworker())}` },
    body: JSON.stringify({ query: q }),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const versionFiles = (dir: string) => fs.readdirSync(path.join(dir, 'versions')).sort();

describe('schema registry in a running gateway', () => {
  const silent = pino({ level: process.env.GW_LOG ?? 'silent' });
  const syncCalls: Array<{ povertyOfficeUrl: string; members: Array<{ subgraph: string; department: string }> }> = [];
  let syncFailure: string | undefined;
  let tmp: string;
  let registryDir: string;
  let households: TestSubgraph;
  let dibao: TestSubgraph;
  let gw: RunningGateway;
  let base: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-registry-'));
    registryDir = path.join(tmp, 'registry');
    households = await startHouseholds();
    dibao = await startDibao(new Delay());
    // The first version is composed from an older households SDL (no `region`): publishing what
    // the server really serves is then a compatible change.
    const seedFrom = writeSeedList(path.join(tmp, 'seed'), [
      { name: 'households', url: households.url, sdl: HOUSEHOLDS_SDL_V1, department: 'POVERTY_OFFICE' },
      { name: 'dibao', url: dibao.url, sdl: DIBAO_SDL, department: 'CIVIL_AFFAIRS' },
    ]);
    gw = await startGateway({
      port: 0,
      host: '127.0.0.1',
      logger: silent,
      pollIntervalMs: 100,
      registry: {
        dir: registryDir,
        seedFrom,
        dutyMatrixRetryMs: 200,
        dutyMatrixSync: async (call) => {
          syncCalls.push({ povertyOfficeUrl: call.povertyOfficeUrl, members: call.members });
          if (syncFailure) throw new Error(syncFailure);
        },
      },
    });
    base = gw.url.replace(/\/graphql$/, '');
  });

  afterAll(async () => {
    await gw?.close();
    await households?.close();
    await dibao?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('seeds version 1 from the subgraph list, serves it, and tells the poverty office once after start', async () => {
    const members = await registryCall(gw.url, admin(), 'subgraphs');
    expect(members.status).toBe(200);
    expect(members.body).toEqual({
      version: 1,
      supergraphSha: expect.stringMatching(/^[0-9a-f]{64}$/),
      subgraphs: [
        { name: 'households', url: households.url, department: 'POVERTY_OFFICE' },
        { name: 'dibao', url: dibao.url, department: 'CIVIL_AFFAIRS' },
      ],
    });
    expect(fs.readFileSync(path.join(registryDir, 'supergraph.graphql'), 'utf8')).toBe(fs.readFileSync(path.join(registryDir, 'versions', '000001.graphql'), 'utf8'));
    const ready = (await (await fetch(`${base}/ready`)).json()) as { supergraph: { path: string; hash: string } };
    expect(ready.supergraph.path).toBe(path.join(registryDir, 'supergraph.graphql'));
    expect(members.body.supergraphSha.startsWith(ready.supergraph.hash)).toBe(true);

    expect((await query(gw.url, JOIN_QUERY)).body).toEqual({ data: { households: EXPECTED_JOIN } });
    await waitFor('the sync after start', async () => (syncCalls.length ? true : undefined));
    expect(syncCalls[0]).toEqual({
      povertyOfficeUrl: households.url,
      members: [
        { subgraph: 'households', department: 'POVERTY_OFFICE' },
        { subgraph: 'dibao', department: 'CIVIL_AFFAIRS' },
      ],
    });
  });

  describe('who may use it', () => {
    it('refuses a request without a token (401) or with a bad one (401)', async () => {
      const none = await registryCall(gw.url, null, 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL });
      expect(none.status).toBe(401);
      expect(none.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN' });

      const res = await fetch(`${base}/registry/history`, { headers: { authorization: 'Bearer not.a.token' } });
      expect(res.status).toBe(401);
      expect(((await res.json()) as Body).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an analyst (403) and a caseworker (403)', async () => {
      const publish = await registryCall(gw.url, analyst(), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL });
      expect(publish.status).toBe(403);
      expect(publish.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const history = await registryCall(gw.url, caseworker(), 'history');
      expect(history.status).toBe(403);
    });

    it("refuses an officer publishing another department's subgraph, or rolling back (403)", async () => {
      const other = await registryCall(gw.url, officer('dibao'), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL });
      expect(other.status).toBe(403);
      expect(other.body.errors[0]).toMatchObject({ message: expect.stringMatching(/dibao officer may publish only the "dibao" subgraph/), extensions: { code: 'FORBIDDEN' } });
      const rollback = await registryCall(gw.url, officer('households'), 'rollback', {});
      expect(rollback.status).toBe(403);
      // An officer may not move its subgraph to another duty-matrix department either.
      const move = await registryCall(gw.url, officer('dibao'), 'publish', { subgraph: 'dibao', sdl: DIBAO_SDL, department: 'FINANCE' });
      expect(move.status).toBe(403);
      expect((await registryCall(gw.url, admin(), 'history')).body.versions).toHaveLength(1);
    });

    it('refuses malformed requests with BAD_USER_INPUT naming the field', async () => {
      const noName = await registryCall(gw.url, admin(), 'publish', { url: households.url });
      expect(noName).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'subgraph' } }] } });
      const badUrl = await registryCall(gw.url, admin(), 'publish', { subgraph: 'households', url: 'ftp://x', sdl: HOUSEHOLDS_SDL });
      expect(badUrl).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'url' } }] } });
      const unknown = await registryCall(gw.url, admin(), 'publish', { subgraph: 'households', sdll: HOUSEHOLDS_SDL });
      expect(unknown).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'sdll' } }] } });
      const newWithoutUrl = await registryCall(gw.url, admin(), 'publish', { subgraph: 'employment', sdl: DIBAO_SDL });
      expect(newWithoutUrl).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'url' } }] } });
      const taken = await registryCall(gw.url, admin(), 'publish', { subgraph: 'dibao', department: 'POVERTY_OFFICE' });
      expect(taken).toMatchObject({ status: 409, body: { errors: [{ extensions: { code: 'DEPARTMENT_TAKEN', subgraph: 'households' } }] } });
      const wrongMethod = await fetch(`${base}/registry/publish`, { headers: { authorization: `Bearer ${await tokenFor(admin())}` } });
      expect(wrongMethod.status).toBe(405);
    });
  });

  it('publishes a compatible change live under load: no request fails, and the new field answers as soon as publish returns', async () => {
    const before = versionFiles(registryDir);
    let stop = false;
    let requests = 0;
    const failures: string[] = [];
    const client = async () => {
      while (!stop) {
        try {
          const r = await query(gw.url, JOIN_QUERY);
          requests++;
          if (r.status !== 200 || r.body.errors || JSON.stringify(r.body.data) !== JSON.stringify({ households: EXPECTED_JOIN })) {
            failures.push(`${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
          }
        } catch (err) {
          failures.push(`request failed: ${(err as Error).message}`);
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await waitFor('the load to run', async () => (requests > 30 ? true : undefined));

    // The officer of the households department publishes; no --sdl, so the gateway reads the
    // subgraph's own SDL from its URL (a signed `{ _service { sdl } }`).
    const cli = captureIo();
    const started = Date.now();
    const code = await runPublish(['--subgraph', 'households', '--gateway', gw.url, '--token', await tokenFor(officer('households'))], cli.io);
    const publishMs = Date.now() - started;
    const requestsAtPublish = requests;
    // Straight after the answer, without waiting: "live" means live.
    const fresh = await query(gw.url, '{ households { id region } }');
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(clients);

    expect(cli.err).toEqual([]);
    expect(code).toBe(0);
    expect(cli.out[0]).toMatch(/^households: published as version 2, live \(supergraph [0-9a-f]{12}\)$/);
    expect(cli.out).toContainEqual(expect.stringMatching(/NON_BREAKING +Field 'region' was added to object type 'Household' +\[Household\.region\]/));
    expect(cli.out).toContain('  duty matrix: updated');
    expect(fresh.body).toEqual({ data: { households: HOUSEHOLDS.map((h) => ({ id: h.id, region: h.region })) } });
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(requestsAtPublish);
    expect(versionFiles(registryDir)).toEqual([...before, '000002.graphql', '000002.json']);
    if (process.env.REGISTRY_TIMING) console.log(`publish under load: ${publishMs} ms, ${requests} requests by 6 clients, 0 failed`);

    const history = await registryCall(gw.url, admin(), 'history');
    expect(history.body.versions[1]).toMatchObject({
      version: 2,
      action: 'publish',
      subgraph: 'households',
      by: 'test-department_officer',
      forced: false,
      previous: 1,
      current: true,
      changes: [{ criticality: 'NON_BREAKING', type: 'FIELD_ADDED', path: 'Household.region' }],
    });
    expect(syncCalls.at(-1)?.members).toHaveLength(2);
  });

  it('answers unchanged, without a new version, when the SDL and URL are the same', async () => {
    const r = await registryCall(gw.url, officer('households'), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL });
    expect(r.body).toMatchObject({ status: 'unchanged', version: 2, live: true, changes: [] });
    expect((await registryCall(gw.url, admin(), 'history')).body.versions).toHaveLength(2);
  });

  it('rejects breaking changes with the list, writes nothing, and accepts them with force', async () => {
    const files = versionFiles(registryDir);
    const served = fs.readFileSync(path.join(registryDir, 'supergraph.graphql'), 'utf8');

    // A removed field.
    const removed = await registryCall(gw.url, officer('households'), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL_V1 });
    expect(removed.status).toBe(409);
    expect(removed.body.errors[0].extensions).toMatchObject({
      code: 'BREAKING_CHANGES',
      breaking: [{ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'Household.region', message: expect.stringMatching(/region/) }],
    });

    // A changed field type (String → Int), through the CLI: exit 1 and the list on stderr.
    const cli = captureIo();
    const sdlFile = path.join(tmp, 'households-int-name.graphql');
    fs.writeFileSync(sdlFile, HOUSEHOLDS_SDL.replace('name: String', 'name: Int'));
    const code = await runPublish(['--subgraph', 'households', '--sdl', sdlFile, '--gateway', base, '--token', await tokenFor(admin())], cli.io);
    expect(code).toBe(1);
    expect(cli.err[0]).toMatch(/^households: REJECTED \(BREAKING_CHANGES\): 1 breaking change\(s\) against version 2/);
    expect(cli.err).toContainEqual(expect.stringMatching(/BREAKING +Field 'Household\.name' changed type from 'String' to 'Int' +\[Household\.name\]/));
    expect(cli.err).toContain('  Nothing was published. Add --force to publish anyway.');

    // A dry run says what would happen and writes nothing either.
    const dry = await registryCall(gw.url, admin(), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL_V1, force: true, dryRun: true });
    expect(dry.body).toMatchObject({ status: 'dry-run', live: false, version: 2, forced: true });
    // The households subgraph serves `region`: the published SDL is not what runs there, and the answer says so.
    expect(dry.body.notes).toEqual([expect.stringMatching(new RegExp(`^${households.url} serves another schema than this SDL`))]);

    expect(versionFiles(registryDir)).toEqual(files);
    expect(fs.readFileSync(path.join(registryDir, 'supergraph.graphql'), 'utf8')).toBe(served);
    expect((await query(gw.url, '{ households { region } }')).body.errors).toBeUndefined();

    // Forced: version 3 goes live without `region`.
    const forced = await registryCall(gw.url, admin(), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL_V1, force: true });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ status: 'published', version: 3, live: true, forced: true, changes: [{ criticality: 'BREAKING', path: 'Household.region' }] });
    expect(forced.body.notes).toHaveLength(1);
    expect((await query(gw.url, '{ households { region } }')).body.errors?.[0].message).toMatch(/Cannot query field "region"/);
    expect((await query(gw.url, JOIN_QUERY)).body).toEqual({ data: { households: EXPECTED_JOIN } });
  });

  it('rejects a composition error with the composition messages; nothing written, still serving', async () => {
    const files = versionFiles(registryDir);
    const served = fs.readFileSync(path.join(registryDir, 'supergraph.graphql'), 'utf8');
    const r = await registryCall(gw.url, officer('dibao'), 'publish', { subgraph: 'dibao', sdl: CONFLICTING_SDL });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].extensions.code).toBe('COMPOSITION_FAILED');
    expect(r.body.errors[0].extensions.compositionErrors).toEqual(expect.arrayContaining([expect.stringMatching(/Household\.name/)]));

    const syntax = await registryCall(gw.url, officer('dibao'), 'publish', { subgraph: 'dibao', sdl: 'type Query {' });
    expect(syntax.body.errors[0].extensions).toMatchObject({ code: 'COMPOSITION_FAILED', compositionErrors: [expect.stringMatching(/SDL syntax error.*subgraph "dibao"/)] });

    expect(versionFiles(registryDir)).toEqual(files);
    expect(fs.readFileSync(path.join(registryDir, 'supergraph.graphql'), 'utf8')).toBe(served);
    expect((await query(gw.url, JOIN_QUERY)).body).toEqual({ data: { households: EXPECTED_JOIN } });
  });

  it('reports a failed duty-matrix sync in the answer without failing the publish', async () => {
    syncFailure = 'poverty office down';
    try {
      const r = await registryCall(gw.url, admin(), 'publish', { subgraph: 'dibao', sdl: DIBAO_SDL, url: dibao.url, department: 'FINANCE' });
      expect(r.body.notes).toBeUndefined(); // the SDL is what dibao serves
      expect(r.body).toMatchObject({ status: 'published', version: 4, live: true, dutyMatrix: 'not updated: poverty office down; retrying every 200 ms' });
      expect(syncCalls.at(-1)?.members).toContainEqual({ subgraph: 'dibao', department: 'FINANCE' });
    } finally {
      syncFailure = undefined;
    }
    // The same members go again until the poverty office takes them.
    const callsBefore = syncCalls.length;
    await waitFor('the retried sync', async () => (syncCalls.length > callsBefore ? true : undefined));
    expect(syncCalls.at(-1)?.members).toContainEqual({ subgraph: 'dibao', department: 'FINANCE' });
    await new Promise((r) => setTimeout(r, 600));
    expect(syncCalls.length).toBe(callsBefore + 1);
  });

  it('shows the history and rolls back to the previous version in one command, live', async () => {
    const history = captureIo();
    const token = await tokenFor(admin());
    expect(await runPublish(['--history', '--gateway', base, '--token', token], history.io)).toBe(0);
    expect(history.out.slice(1, -1).map((l) => l.trim().split(/\s+/).slice(0, 1)[0])).toEqual(['1', '2', '3', '*4']);
    expect(history.out[3]).toMatch(/ 3 +\S+ +publish +households +test-admin +1 \(1 breaking, forced\)$/);

    // Version 4 only moved dibao to another department; roll back twice to get `region` back.
    const first = captureIo();
    expect(await runPublish(['--rollback', '--gateway', base, '--token', token], first.io)).toBe(0);
    expect(first.out[0]).toMatch(/^rolled back to version 3: now version 5, live/);
    expect(syncCalls.at(-1)?.members).toContainEqual({ subgraph: 'dibao', department: 'CIVIL_AFFAIRS' });

    const second = captureIo();
    expect(await runPublish(['--rollback', '--to', '2', '--gateway', base, '--token', token], second.io)).toBe(0);
    expect(second.out[0]).toMatch(/^rolled back to version 2: now version 6, live/);
    // The rollback lists what it undid, breaking or not: region comes back.
    expect(second.out).toContainEqual(expect.stringMatching(/NON_BREAKING +Field 'region' was added/));
    expect((await query(gw.url, '{ households { id region } }')).body.errors).toBeUndefined();

    const v6 = (await registryCall(gw.url, admin(), 'history')).body.versions[5];
    expect(v6).toMatchObject({ version: 6, action: 'rollback', rolledBackTo: 2, previous: 5, current: true });
    expect(fs.readFileSync(path.join(registryDir, 'versions', '000006.graphql'), 'utf8')).toBe(fs.readFileSync(path.join(registryDir, 'versions', '000002.graphql'), 'utf8'));

    const again = await registryCall(gw.url, admin(), 'rollback', { to: 6 });
    expect(again).toMatchObject({ status: 409, body: { errors: [{ extensions: { code: 'ALREADY_CURRENT' } }] } });
    const missing = await registryCall(gw.url, admin(), 'rollback', { to: 99 });
    expect(missing).toMatchObject({ status: 404, body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });

    const list = captureIo();
    expect(await runPublish(['--list', '--gateway', base, '--token', token], list.io)).toBe(0);
    expect(list.out[0]).toMatch(/^version 6 \(supergraph [0-9a-f]{12}\)$/);
    expect(list.out).toContainEqual(expect.stringMatching(new RegExp(`^dibao +CIVIL_AFFAIRS +${dibao.url}$`)));
  });

  it('removes a subgraph (removal is checked like any breaking change) and refuses the derived sector view name', async () => {
    const reserved = await registryCall(gw.url, admin(), 'publish', { subgraph: 'sector-view', url: dibao.url, sdl: DIBAO_SDL });
    expect(reserved.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subgraph' });

    const removal = await registryCall(gw.url, admin(), 'publish', { subgraph: 'dibao', remove: true });
    expect(removal.status).toBe(409);
    expect(removal.body.errors[0].extensions.breaking).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'Household.dibaoAmount' })]));

    const removed = await registryCall(gw.url, admin(), 'publish', { subgraph: 'dibao', remove: true, force: true });
    expect(removed.body).toMatchObject({ status: 'published', version: 7, forced: true });
    expect((await registryCall(gw.url, admin(), 'subgraphs')).body.subgraphs.map((s: { name: string }) => s.name)).toEqual(['households']);
    expect((await query(gw.url, JOIN_QUERY)).body.errors?.[0].message).toMatch(/Cannot query field "dibaoAmount"/);
    expect((await registryCall(gw.url, admin(), 'history')).body.versions[6]).toMatchObject({ subgraph: 'dibao', removed: true });

    const back = await registryCall(gw.url, admin(), 'rollback', {});
    expect(back.body).toMatchObject({ status: 'rolled-back', version: 8, rolledBackTo: 6 });
    expect((await query(gw.url, JOIN_QUERY)).body).toEqual({ data: { households: EXPECTED_JOIN } });
  });

  it('a second gateway on the same registry directory follows every publish through its file watch', async () => {
    const replica = await startGateway({ port: 0, host: '127.0.0.1', logger: silent, pollIntervalMs: 100, registry: { dir: registryDir, dutyMatrixSync: async () => undefined } });
    try {
      expect((await query(replica.url, '{ households { region } }')).body.errors).toBeUndefined();
      const r = await registryCall(gw.url, admin(), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL_V1, force: true });
      expect(r.body).toMatchObject({ status: 'published', live: true });
      await waitFor('the replica to drop region', async () => ((await query(replica.url, '{ households { region } }')).body.errors ? true : undefined));
      // Both publish against one base: the replica's own publish is version 10, after this one.
      const fromReplica = await registryCall(replica.url, admin(), 'publish', { subgraph: 'households', sdl: HOUSEHOLDS_SDL });
      expect(fromReplica.body).toMatchObject({ status: 'published', version: r.body.version + 1 });
      await waitFor('the first gateway to serve region again', async () => ((await query(gw.url, '{ households { region } }')).body.errors ? undefined : true));
    } finally {
      await replica.close();
    }
  });
});
