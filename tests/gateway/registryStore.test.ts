/**
 * The schema registry's parts on a real directory, without a gateway: the breaking-change check,
 * the lock between publishers, what a publish the gateway cannot serve leaves behind (nothing),
 * the repair after a crash, and the CLI's own refusals.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import {
  composeSupergraph,
  openRegistryStore,
  RegistryError,
  RegistryStore,
  runPublish,
  schemaChanges,
  SchemaRegistry,
  seedIfEmpty,
  warningsOf,
  withLock,
} from '@saf/gateway';
import { captureIo, writeSeedList } from './support/registry';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';
const REGISTER_SDL = `${LINK}
enum Status { POOR EXITED }
type Query { households(region: String, first: Int = 20): [Household!]! }
type Household @key(fields: "id") { id: ID! name: String status: Status }
`;
const AID_SDL = `${LINK}
type Household @key(fields: "id") { id: ID! aid: Int }
`;

function supergraph(registerSdl: string): string {
  const r = composeSupergraph([
    { name: 'register', url: 'http://register.test/graphql', typeDefs: registerSdl },
    { name: 'aid', url: 'http://aid.test/graphql', typeDefs: AID_SDL },
  ]);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.supergraphSdl;
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-registry-store-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function seedList() {
  return writeSeedList(path.join(tmp, 'seed'), [
    { name: 'register', url: 'http://register.test/graphql', sdl: REGISTER_SDL, department: 'POVERTY_OFFICE' },
    { name: 'aid', url: 'http://aid.test/graphql', sdl: AID_SDL },
  ]);
}

/** A registry whose "gateway" is the file itself: live means supergraph.graphql holds that version. */
async function registryOn(dir: string, goLive?: (sha: string) => Promise<void>) {
  const store = new RegistryStore(dir);
  await seedIfEmpty(store, seedList());
  return { store, registry: new SchemaRegistry({ store, goLive: goLive ?? (async () => undefined) }) };
}

describe('breaking-change check (public schemas of two supergraphs)', () => {
  it('lists a nullable argument made non-null and a changed field type as BREAKING, first', async () => {
    const changes = await schemaChanges(
      supergraph(REGISTER_SDL),
      supergraph(REGISTER_SDL.replace('region: String', 'region: String!').replace('name: String', 'name: Int').replace('status: Status }', 'status: Status note: String }')),
    );
    expect(changes.slice(0, 2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_ARGUMENT_TYPE_CHANGED', path: 'Query.households.region' }),
        expect.objectContaining({ criticality: 'BREAKING', type: 'FIELD_TYPE_CHANGED', path: 'Household.name' }),
      ]),
    );
    expect(changes[2]).toMatchObject({ criticality: 'NON_BREAKING', type: 'FIELD_ADDED', path: 'Household.note' });
  });

  it('calls an added enum value or a changed argument default DANGEROUS: accepted, with warnings', async () => {
    const changes = await schemaChanges(supergraph(REGISTER_SDL), supergraph(REGISTER_SDL.replace('POOR EXITED', 'POOR EXITED RETURNED').replace('first: Int = 20', 'first: Int = 50')));
    expect(changes.map((c) => c.criticality)).toEqual(['DANGEROUS', 'DANGEROUS']);
    expect(warningsOf(changes)).toEqual(expect.arrayContaining([expect.stringMatching(/RETURNED/), expect.stringMatching(/first/)]));
  });

  it('finds no change between a supergraph and itself', async () => {
    expect(await schemaChanges(supergraph(REGISTER_SDL), supergraph(REGISTER_SDL))).toEqual([]);
  });
});

describe('lock between publishers', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('lets one holder in at a time and removes the lock after', async () => {
    const lock = path.join(tmp, '.lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withLock(lock, async () => {
        events.push(`${name} in`);
        await sleep(60);
        events.push(`${name} out`);
      });
    await Promise.all([holder('a'), holder('b'), holder('c')]);
    for (let i = 0; i < events.length; i += 2) expect(events[i + 1]).toBe(events[i].replace(' in', ' out'));
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a holder that died, and gives up on a live one with REGISTRY_BUSY', async () => {
    const lock = path.join(tmp, '.lock');
    fs.writeFileSync(lock, 'dead-host:1:x');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    expect(await withLock(lock, async () => 'ran', { staleMs: 30_000, waitMs: 2000 })).toBe('ran');

    // A live holder keeps touching its lock, so it never goes stale while it works.
    const held = withLock(lock, () => sleep(700), { staleMs: 300 });
    await sleep(20);
    const busy = await withLock(lock, async () => 'ran', { staleMs: 300, waitMs: 500 }).catch((e: RegistryError) => e);
    expect(busy).toBeInstanceOf(RegistryError);
    expect((busy as RegistryError).code).toBe('REGISTRY_BUSY');
    await held;
  });
});

describe('publishing on the store', () => {
  it('serialises two publishers on one directory: the second composes on top of the first', async () => {
    const dir = path.join(tmp, 'registry');
    const a = await registryOn(dir);
    const b = await registryOn(dir); // another replica: already seeded, so no second seed
    const [first, second] = await Promise.all([
      a.registry.publish({ subgraph: 'register', sdl: REGISTER_SDL.replace('status: Status }', 'status: Status note: String }') }, { by: 'a' }),
      b.registry.publish({ subgraph: 'aid', sdl: AID_SDL.replace('aid: Int', 'aid: Int aidYear: Int') }, { by: 'b' }),
    ]);
    expect([first.version, second.version].sort()).toEqual([2, 3]);
    const v3 = await a.store.read(3);
    expect(v3!.previous).toBe(2);
    expect(v3!.subgraphs.map((m) => m.sdl).join('\n')).toMatch(/note: String[\s\S]*aidYear: Int/);
    expect((await a.store.history()).map((v) => v.action)).toEqual(['seed', 'publish', 'publish']);
  });

  it('leaves nothing behind when the gateway cannot make the version live (NOT_LIVE)', async () => {
    const dir = path.join(tmp, 'registry');
    const served: string[] = [];
    let refuse = true;
    const { store, registry } = await registryOn(dir, async (sha) => {
      served.push(sha);
      if (refuse && sha !== (await store.read(1))!.supergraphSha) throw new Error('warm-up query failed');
    });
    const before = fs.readFileSync(store.supergraphPath, 'utf8');
    const error = await registry.publish({ subgraph: 'aid', sdl: AID_SDL.replace('aid: Int', 'aid: Int aidYear: Int') }, { by: 'x' }).catch((e: RegistryError) => e);
    expect(error).toMatchObject({ code: 'NOT_LIVE', status: 500 });
    expect((error as RegistryError).message).toMatch(/warm-up query failed.*back at version 1/);
    expect(fs.readFileSync(store.supergraphPath, 'utf8')).toBe(before);
    expect(await store.currentVersion()).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'versions'))).toEqual(['000001.graphql', '000001.json']);
    expect(served).toHaveLength(2); // the failed one, then the previous one again

    refuse = false;
    const ok = await registry.publish({ subgraph: 'aid', sdl: AID_SDL.replace('aid: Int', 'aid: Int aidYear: Int') }, { by: 'x' });
    expect(ok).toMatchObject({ status: 'published', version: 2 });
  });

  it('seeds only an empty registry, refuses a seed list that does not compose, and repairs a half-finished write on open', async () => {
    const dir = path.join(tmp, 'registry');
    const logger = pino({ level: 'silent' });
    const broken = writeSeedList(path.join(tmp, 'broken'), [{ name: 'register', url: 'http://register.test/graphql', sdl: 'type Query {' }]);
    await expect(openRegistryStore({ dir, seedFrom: broken }, logger)).rejects.toThrow(/Cannot seed the schema registry .*do not compose:\n {2}- SDL syntax error/);
    expect(fs.existsSync(path.join(dir, 'current.json'))).toBe(false);

    const store = await openRegistryStore({ dir, seedFrom: seedList() }, logger);
    const good = fs.readFileSync(store.supergraphPath, 'utf8');
    fs.writeFileSync(store.supergraphPath, 'half a file');
    await openRegistryStore({ dir, seedFrom: broken }, logger); // not empty: the list is not read
    expect(fs.readFileSync(store.supergraphPath, 'utf8')).toBe(good);
    expect((await store.history()).map((v) => v.version)).toEqual([1]);
  });

  it('rolls back with nothing before the seed as NO_PREVIOUS_VERSION', async () => {
    const { registry } = await registryOn(path.join(tmp, 'registry'));
    await expect(registry.rollback({ by: 'x' })).rejects.toMatchObject({ code: 'NO_PREVIOUS_VERSION', status: 409 });
  });
});

describe('npm run publish (runPublish) on its own', () => {
  it('exits 2 with the usage for bad arguments', async () => {
    for (const argv of [[], ['--history', '--subgraph', 'x'], ['--subgraph', 'x', '--remove', '--url', 'http://x'], ['--to', '3'], ['--rollback', '--to', 'two'], ['--bogus']]) {
      const t = captureIo({ SAF_TOKEN: 't' });
      expect(await runPublish(argv, t.io)).toBe(2);
      expect(t.err.join('\n')).toMatch(/Usage:/);
    }
    const missing = captureIo({ SAF_TOKEN: 't' });
    expect(await runPublish(['--subgraph', 'x', '--sdl', path.join(tmp, 'nope.graphql')], missing.io)).toBe(2);
    expect(missing.err[0]).toMatch(/cannot read --sdl .*nope\.graphql: ENOENT/);
  });

  it('needs a token, and in development mints an admin one from the secrets file (saying so)', async () => {
    const none = captureIo({});
    expect(await runPublish(['--history'], { ...none.io, devSecretsPath: path.join(tmp, 'absent.json') })).toBe(2);
    expect(none.err[0]).toMatch(/no token: pass --token or set SAF_TOKEN/);

    const secrets = path.join(tmp, 'dev-secrets.json');
    fs.writeFileSync(secrets, JSON.stringify({ jwtSecret: 'dev-secret-dev-secret-dev-secret-0123', signingSecret: 's' }));
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const dev = captureIo({ SAF_GATEWAY_URL: `http://127.0.0.1:${port}` });
    expect(await runPublish(['--history'], { ...dev.io, devSecretsPath: secrets })).toBe(1);
    expect(dev.err[0]).toMatch(/development: publishing with an admin token minted from .*dev-secrets\.json/);
    expect(dev.err[1]).toBe(`publish: cannot reach the gateway at http://127.0.0.1:${port}: ECONNREFUSED`);
  });
});
