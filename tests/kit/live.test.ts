import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { bulkPayloads, ChangeEvent, ChangeHub, changeHubOf, MAX_PAYLOAD_BYTES, parseNotification, recordChanges, RunningSubgraph, signRequest } from '@saf/kit';
import { civilAffairs, loadCivilAffairs } from '@saf/civil-affairs';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { analyst, caseworker, identityOf, officer, type TestCaller } from '../support/auth';
import { graphqlClient } from '../support/graphql';

/**
 * Issue 7, the subgraph side: `<department>Changes` over graphql-ws straight at a department's
 * subgraph (signed connection parameters, as the gateway sends them), fed by LISTEN/NOTIFY on its
 * database: PGlite by default, TEST_DATABASE_URL's PostgreSQL when set.
 */

jest.setTimeout(180_000);

let h: DepartmentHarness;
let town: string; // the generated county's one township (9 digits)
let otherTown: string; // another township of the county: no generated household lives there
const clients: Client[] = [];
const hub = (subgraph: RunningSubgraph = h.department): ChangeHub => changeHubOf(subgraph.database.dataSource)!;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

beforeAll(async () => {
  h = await startDepartmentHarness(civilAffairs, { households: 300, seed: 1 });
  town = h.households[0].household.id.slice(0, 9);
  otherTown = `${town.slice(0, 6)}199`;
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await h?.stop();
});

interface Feed<T = any> {
  events: T[];
  /** performance.now() of each event's arrival. */
  times: number[];
  errors: unknown[];
  /** Resolves once `n` events have arrived (or the subscription ended or failed). */
  waitFor(n: number, timeoutMs?: number): Promise<T[]>;
  ended: Promise<void>;
  stop(): void;
}

function connect(subgraph: RunningSubgraph, caller: TestCaller): Client {
  const client = createClient({
    url: subgraph.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: () => signRequest(process.env.SUBGRAPH_SIGNING_SECRET!, identityOf(caller), ''),
  });
  clients.push(client);
  return client;
}

const allFeeds: Feed[] = [];

function subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Feed<T> {
  const feed = { events: [] as T[], times: [] as number[], errors: [] as unknown[] } as Feed<T>;
  allFeeds.push(feed);
  let waiters: Array<() => void> = [];
  let finished = false;
  const wake = () => {
    const current = waiters;
    waiters = [];
    current.forEach((w) => w());
  };
  let end!: () => void;
  feed.ended = new Promise((resolve) => (end = resolve));
  const stop = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) feed.errors.push(...result.errors);
        if (result.data) {
          feed.events.push(Object.values(result.data)[0]);
          feed.times.push(performance.now());
        }
        wake();
      },
      error: (error) => {
        feed.errors.push(...(Array.isArray(error) ? error : [error]));
        finished = true;
        end();
        wake();
      },
      complete: () => {
        finished = true;
        end();
        wake();
      },
    },
  );
  feed.stop = stop;
  feed.waitFor = (n, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${n} events, got ${feed.events.length} (errors: ${JSON.stringify(feed.errors)})`)), timeoutMs);
      const check = () => {
        if (feed.events.length >= n || finished) {
          clearTimeout(timer);
          resolve(feed.events);
        } else waiters.push(check);
      };
      check();
    });
  return feed;
}

/** Waits until the hub has `n` subscribers: a subscription is live once the subgraph has run its subscribe. */
async function subscribers(n: number, subgraph: RunningSubgraph = h.department): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (hub(subgraph).subscriberCount !== n) {
    if (Date.now() > deadline) {
      const errors = allFeeds.flatMap((f) => f.errors).slice(0, 3);
      throw new Error(`the hub has ${hub(subgraph).subscriberCount} subscribers, expected ${n}; errors: ${JSON.stringify(errors)} ${errors.map(String).join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Changes written as a department's write writes them, in one transaction (no request: no access check). */
const write = (events: ChangeEvent[], subgraph: RunningSubgraph = h.department) =>
  subgraph.database.dataSource.transaction((tx) => recordChanges(tx, subgraph.name, events));

const household = (i = 0) => h.households[i].household.id;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

const FIELDS = 'sequence department record recordId kind at householdId personId missed';

describe('bulk load notifications', () => {
  it('pack households under the 8000-byte NOTIFY limit and read back as one UPDATED change each', () => {
    const households = Array.from({ length: 30_000 }, (_, i) => `36072910100${String(10000 + i).slice(-5)}`);
    // Sequence numbers as a busy database hands them out: mostly runs, some interleaved.
    const sequences = households.map((_, i) => 1_000_000 + i + Math.floor(i / 7) * 3);
    const payloads = bulkPayloads('civil-affairs', 'DibaoEnrolment', '2024-05-01T08:00:00.000Z', households, sequences);
    expect(Math.max(...payloads.map((p) => Buffer.byteLength(p)))).toBeLessThan(MAX_PAYLOAD_BYTES + 1);
    expect(payloads.length).toBeLessThan(30_000 / 200);
    const changes = payloads.flatMap((p) => parseNotification(p, 'civil-affairs'));
    expect(changes.map((c) => c.householdId)).toEqual(households);
    expect(changes.map((c) => c.sequence)).toEqual(sequences);
    expect(changes[0]).toEqual({
      sequence: 1_000_000, department: 'civil-affairs', record: 'DibaoEnrolment', recordId: households[0], kind: 'UPDATED',
      at: '2024-05-01T08:00:00.000Z', householdId: households[0], personId: null, bulk: true,
    });
    expect(payloads.flatMap((p) => parseNotification(p, 'housing'))).toEqual([]);
  });
});

describe('live updates at a department subgraph', () => {
  it('delivers a mutation as a change, with the household and its fields of this department read afresh per change', async () => {
    const feed = subscribe(
      connect(h.department, caseworker(town)),
      `subscription { civilAffairsChanges { ${FIELDS} household { id temporaryAssistance { id } } person { id } } }`,
    );
    await subscribers(1);
    const bundle = h.households.find((b) => b.members.length > 0)!;
    const input = {
      householdId: bundle.household.id, personId: bundle.members[0].id, cause: 'EMERGENCY', reason: 'FIRE', procedure: 'EMERGENCY', cashAmount: '1500.00',
      eventDate: '2021-02-10', approvalDate: '2021-02-11',
    };
    const grant = (key: string, eventDate: string) =>
      graphqlClient(h.department.url, officer('civil-affairs'))(
        `mutation($input: GrantTemporaryAssistanceInput!, $key: String!) { grantTemporaryAssistance(input: $input, idempotencyKey: $key) { temporaryAssistanceEvent { id } } }`,
        { input: { ...input, eventDate }, key },
      );
    const started = performance.now();
    const first = await grant('live-grant-1', '2021-02-10');
    expect(first.errors).toBeUndefined();
    const [change] = await feed.waitFor(1);
    const latency = feed.times[0] - started;
    expect(change).toEqual({
      sequence: expect.stringMatching(/^[0-9]+$/),
      department: 'civil-affairs',
      record: 'TemporaryAssistanceEvent',
      recordId: first.data.grantTemporaryAssistance.temporaryAssistanceEvent.id,
      kind: 'CREATED',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      householdId: bundle.household.id,
      personId: bundle.members[0].id,
      missed: 0,
      household: { id: bundle.household.id, temporaryAssistance: [{ id: first.data.grantTemporaryAssistance.temporaryAssistanceEvent.id }] },
      person: { id: bundle.members[0].id },
    });
    const [{ id }] = (await h.pool.query('SELECT max(id)::text AS id FROM change_event')).rows;
    expect(change.sequence).toBe(id);

    // A second grant: the same subscription's context, fresh loaders (the household now has two).
    const secondStarted = performance.now();
    const second = await grant('live-grant-2', '2021-02-11');
    expect(second.errors).toBeUndefined();
    const [, next] = await feed.waitFor(2);
    expect(next.household.temporaryAssistance).toHaveLength(2);
    expect(Number(next.sequence)).toBeGreaterThan(Number(change.sequence));
    console.log(`mutation over HTTP → change at the subscriber: ${latency.toFixed(1)} ms (first, cold), ${(feed.times[1] - secondStarted).toFixed(1)} ms (second)`);
    feed.stop();
    await subscribers(0);
  });

  it("filters by the caller's region scope and regionPrefix: a subscriber of another region gets nothing", async () => {
    const inTown = subscribe(connect(h.department, caseworker(town)), `subscription { civilAffairsChanges { ${FIELDS} } }`);
    const inOtherTown = subscribe(connect(h.department, caseworker(otherTown)), `subscription { civilAffairsChanges { ${FIELDS} } }`);
    const national = subscribe(connect(h.department, caseworker()), `subscription { civilAffairsChanges { ${FIELDS} } }`);
    const narrowed = subscribe(connect(h.department, caseworker()), `subscription($r: String) { civilAffairsChanges(regionPrefix: $r) { ${FIELDS} } }`, { r: otherTown });
    await subscribers(4);

    const foreign = `${otherTown}2010001`;
    await write([{ record: 'DibaoEnrolment', recordId: 'R-1', kind: 'CREATED', householdId: household(0), personId: null }]);
    await write([{ record: 'DibaoEnrolment', recordId: 'R-2', kind: 'UPDATED', householdId: foreign, personId: `${foreign}-01` }]);
    // A county's record: no household, so no region can be named; national subscribers only.
    await write([{ record: 'RiskFundContribution', recordId: 'R-3', kind: 'CREATED', householdId: null }]);
    // Another department's notification on the same channel (one database shared by departments).
    await h.department.database.dataSource.query(`SELECT pg_notify('saf_change', $1)`, [
      JSON.stringify({ department: 'housing', id: 1, at: new Date().toISOString(), record: 'RenovationProject', recordId: 'X', kind: 'CREATED', householdId: household(0) }),
    ]);
    await write([{ record: 'DibaoEnrolment', recordId: 'R-4', kind: 'REMOVED', householdId: household(1) }]);

    expect((await national.waitFor(4)).map((c) => c.recordId)).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
    // R-4 came last: by then every subscriber had been offered everything before it.
    expect((await inTown.waitFor(2)).map((c) => c.recordId)).toEqual(['R-1', 'R-4']);
    expect((await inOtherTown.waitFor(1)).map((c) => c.recordId)).toEqual(['R-2']);
    expect(narrowed.events.map((c) => c.recordId)).toEqual(['R-2']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inOtherTown.events).toHaveLength(1);
    expect(national.events).toHaveLength(4);
    expect([inTown, inOtherTown, national, narrowed].flatMap((f) => f.errors)).toEqual([]);
    [inTown, inOtherTown, national, narrowed].forEach((f) => f.stop());
    await subscribers(0);
  });

  it('refuses a region outside the scope, an invalid prefix and empty filters, as queries do', async () => {
    const client = connect(h.department, caseworker(town));
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['subscription($r: String) { civilAffairsChanges(regionPrefix: $r) { sequence } }', { r: otherTown }, 'OUT_OF_SCOPE'],
      ['subscription($r: String) { civilAffairsChanges(regionPrefix: $r) { sequence } }', { r: '36072' }, 'INVALID_REGION_CODE'],
      ['subscription { civilAffairsChanges(kinds: []) { sequence } }', {}, 'BAD_USER_INPUT'],
      ['subscription { civilAffairsChanges(records: ["dibao; drop"]) { sequence } }', {}, 'BAD_USER_INPUT'],
    ];
    for (const [query, variables, code] of cases) {
      const feed = subscribe(client, query, variables);
      await feed.ended;
      expect(feed.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code }) })]);
    }
    expect(hub().subscriberCount).toBe(0);
  });

  it('filters by kinds and records', async () => {
    const client = connect(h.department, caseworker());
    const removed = subscribe(client, 'subscription { civilAffairsChanges(kinds: [REMOVED]) { recordId kind record } }');
    const dibao = subscribe(client, 'subscription { civilAffairsChanges(records: ["DibaoEnrolment"]) { recordId kind record } }');
    const both = subscribe(client, 'subscription { civilAffairsChanges(kinds: [CREATED, UPDATED], records: ["DibaoEnrolment", "DestituteSupport"]) { recordId } }');
    await subscribers(3);
    await write([
      { record: 'DibaoEnrolment', recordId: 'K-1', kind: 'CREATED', householdId: household(2) },
      { record: 'TemporaryAssistanceEvent', recordId: 'K-2', kind: 'REMOVED', householdId: household(2) },
      { record: 'DibaoEnrolment', recordId: 'K-3', kind: 'REMOVED', householdId: household(2) },
      { record: 'DestituteSupport', recordId: 'K-4', kind: 'UPDATED', householdId: household(3) },
      { record: 'DisabilityAllowance', recordId: 'K-5', kind: 'CREATED', householdId: household(3) },
    ]);
    expect((await removed.waitFor(2)).map((c) => c.recordId)).toEqual(['K-2', 'K-3']);
    expect((await dibao.waitFor(2)).map((c) => c.recordId)).toEqual(['K-1', 'K-3']);
    expect((await both.waitFor(2)).map((c) => c.recordId)).toEqual(['K-1', 'K-4']);
    await write([{ record: 'DibaoEnrolment', recordId: 'K-6', kind: 'REMOVED', householdId: household(2) }]);
    await removed.waitFor(3);
    await dibao.waitFor(3);
    expect(both.events).toHaveLength(2);
    [removed, dibao, both].forEach((f) => f.stop());
    await subscribers(0);
  });

  it('masks personal fields reached through the change and audits the reads (the poverty office owns Household)', async () => {
    const register = h.register.subgraph;
    const query = 'subscription { povertyOfficeChanges { record household { id phone } } }';
    const masked = subscribe(connect(register, analyst()), query);
    const clear = subscribe(connect(register, caseworker()), query);
    await subscribers(2, register);
    const [row] = (await register.database.dataSource.query('SELECT id, phone FROM household WHERE phone IS NOT NULL ORDER BY id LIMIT 1')) as Array<{ id: string; phone: string }>;
    await write([{ record: 'Household', recordId: row.id, kind: 'UPDATED', householdId: row.id }], register);
    const [seen] = await clear.waitFor(1);
    const [hidden] = await masked.waitFor(1);
    expect(seen).toEqual({ record: 'Household', household: { id: row.id, phone: row.phone } });
    expect(hidden.household.phone).not.toBe(row.phone);
    expect(hidden.household.phone).toMatch(/\*/);
    const audit = await register.database.dataSource.query(
      `SELECT role, fields, masked FROM audit_event WHERE action = 'READ_PERSONAL' AND household_id = $1 ORDER BY id`,
      [row.id],
    );
    expect(audit).toEqual(expect.arrayContaining([
      { role: 'analyst', fields: ['phone'], masked: true },
      { role: 'caseworker', fields: ['phone'], masked: false },
    ]));
    masked.stop();
    clear.stop();
    await subscribers(0, register);
  });

  it('delivers a burst of 10,000 changes in one transaction in order, with no gap', async () => {
    const feed = subscribe(connect(h.department, caseworker()), 'subscription { civilAffairsChanges { sequence missed } }');
    await subscribers(1);
    const events: ChangeEvent[] = Array.from({ length: 10_000 }, (_, i) => ({ record: 'DibaoEnrolment', recordId: `B-${i}`, kind: 'UPDATED', householdId: household(i % h.households.length) }));
    const started = performance.now();
    await write(events);
    const received = await feed.waitFor(10_000, 120_000);
    const elapsed = feed.times[feed.times.length - 1] - started;
    expect(received).toHaveLength(10_000);
    const sequences = received.map((c) => Number(c.sequence));
    for (let i = 1; i < sequences.length; i++) expect(sequences[i]).toBe(sequences[i - 1] + 1);
    expect(received.every((c) => c.missed === 0)).toBe(true);
    console.log(`burst: 10,000 changes in one transaction reached the subscriber in ${elapsed.toFixed(0)} ms from the write's start`);
    feed.stop();
    await subscribers(0);
  });

  it('drops the oldest past the queue limit, and missed accounts for every dropped change', async () => {
    process.env.LIVE_QUEUE_LIMIT = '50';
    let feed: Feed;
    try {
      feed = subscribe(connect(h.department, caseworker()), 'subscription { civilAffairsChanges { sequence missed } }');
      await subscribers(1);
    } finally {
      delete process.env.LIVE_QUEUE_LIMIT;
    }
    const events: ChangeEvent[] = Array.from({ length: 10_000 }, (_, i) => ({ record: 'DibaoEnrolment', recordId: `Q-${i}`, kind: 'UPDATED', householdId: household(i % h.households.length) }));
    await write(events);
    const [{ first, last }] = (await h.pool.query(`SELECT min(id)::int AS first, max(id)::int AS last FROM change_event WHERE record_id LIKE 'Q-%'`)).rows;
    // Read until the last change arrives (the newest are never dropped).
    const deadline = Date.now() + 120_000;
    while (!feed.events.some((c) => Number(c.sequence) === last)) {
      if (Date.now() > deadline) throw new Error('the last change never arrived');
      await feed.waitFor(feed.events.length + 1, 120_000);
    }
    let previous = first - 1;
    let missed = 0;
    for (const change of feed.events) {
      const sequence = Number(change.sequence);
      expect(change.missed).toBe(sequence - previous - 1);
      missed += change.missed;
      previous = sequence;
    }
    expect(feed.events.length + missed).toBe(10_000);
    expect(missed).toBeGreaterThan(0);
    console.log(`queue limit 50: ${feed.events.length} of 10,000 delivered, ${missed} reported missed`);
    feed.stop();
    await subscribers(0);
  });

  it('announces a bulk load: one UPDATED change per household and record type', async () => {
    const feed = subscribe(connect(h.department, caseworker(town)), `subscription { civilAffairsChanges { ${FIELDS} } }`);
    await subscribers(1);
    const notifications = hub().stats.notifications;
    // replace: the first test's mutations wrote temporary assistance already.
    await loadCivilAffairs(h.pool, { size: 300, seed: 1, replace: true });
    const tables: Record<string, string> = {
      DibaoEnrolment: 'dibao_enrolment', DibaoCoveredPerson: 'dibao_covered_person', DibaoRecheck: 'dibao_recheck', DestituteSupport: 'destitute_support',
      TemporaryAssistanceEvent: 'temporary_assistance', DisabilityAllowance: 'disability_allowance', MedicalAssistanceGrant: 'medical_assistance',
    };
    const expected = new Map<string, string[]>();
    for (const [record, table] of Object.entries(tables)) {
      const rows = (await h.pool.query(`SELECT DISTINCT household_id FROM ${table} WHERE household_id LIKE $1 ORDER BY 1`, [`${town}%`])).rows;
      if (rows.length) expected.set(record, rows.map((r) => r.household_id));
    }
    const total = [...expected.values()].reduce((n, ids) => n + ids.length, 0);
    expect(total).toBeGreaterThan(300);
    await feed.waitFor(total, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(feed.events).toHaveLength(total);
    const byRecord = new Map<string, string[]>();
    for (const c of feed.events) {
      expect(c).toMatchObject({ department: 'civil-affairs', kind: 'UPDATED', recordId: c.householdId, personId: null, missed: 0 });
      byRecord.set(c.record, [...(byRecord.get(c.record) ?? []), c.householdId]);
    }
    expect(new Map([...byRecord].map(([r, ids]) => [r, [...ids].sort()]))).toEqual(expected);
    expect(new Set(feed.events.map((c) => c.sequence)).size).toBe(total);
    console.log(
      `bulk load of 300 households: ${total} changes in ${hub().stats.notifications - notifications} notifications (${[...byRecord].map(([r, ids]) => `${r} ${ids.length}`).join(', ')})`,
    );
    feed.stop();
    await subscribers(0);
  });

  it('reconnects its listener and replays what was written meanwhile, exactly once', async () => {
    const feed = subscribe(connect(h.department, caseworker()), 'subscription { civilAffairsChanges { recordId missed } }');
    await subscribers(1);
    const reconnects = hub().stats.reconnects;
    if (onPostgres) {
      await h.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'saf-civil-affairs-live' AND datname = current_database()`);
    } else {
      await (hub() as unknown as { current: { end(): Promise<void> } }).current.end();
    }
    await write([{ record: 'DibaoEnrolment', recordId: 'OUTAGE-1', kind: 'UPDATED', householdId: household(4) }]);
    const deadline = Date.now() + 30_000;
    while (!hub().listening || hub().stats.reconnects === reconnects) {
      if (Date.now() > deadline) throw new Error('the hub did not reconnect');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await write([{ record: 'DibaoEnrolment', recordId: 'AFTER-1', kind: 'UPDATED', householdId: household(4) }]);
    await feed.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(feed.events).toEqual([
      { recordId: 'OUTAGE-1', missed: 0 },
      { recordId: 'AFTER-1', missed: 0 },
    ]);
    // PostgreSQL: the change written during the outage comes from the replay of change_event.
    // PGlite: the writer's connection received it (see live/local.ts), so there is nothing to replay.
    console.log(`listener reconnected (${hub().stats.reconnects - reconnects} reconnection), ${hub().stats.replayed} change(s) replayed from change_event`);
    feed.stop();
    await subscribers(0);
  });

  it('measures write → change latency at the subgraph', async () => {
    const feed = subscribe(connect(h.department, caseworker()), 'subscription { civilAffairsChanges { recordId } }');
    await subscribers(1);
    const latencies: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await write([{ record: 'DibaoEnrolment', recordId: `L-${i}`, kind: 'UPDATED', householdId: household(i % 50) }]);
      await feed.waitFor(i + 1);
      latencies.push(feed.times[i] - started);
    }
    expect(feed.events.map((c) => c.recordId)).toEqual(latencies.map((_, i) => `L-${i}`));
    console.log(`write (one transaction with recordChanges) → change at a graphql-ws client, 200 writes on ${onPostgres ? 'PostgreSQL' : 'PGlite'}: p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms`);
    feed.stop();
    await subscribers(0);
  });

  it('holds 1,000 idle subscribers with bounded memory and fans a change out to all of them', async () => {
    const before = process.memoryUsage();
    const feeds: Feed[] = [];
    const own: Client[] = [];
    for (let i = 0; i < 1000; i++) {
      const client = connect(h.department, caseworker(town));
      own.push(client);
      feeds.push(subscribe(client, 'subscription { civilAffairsChanges { sequence recordId householdId } }'));
      if (i % 100 === 99) await subscribers(i + 1);
    }
    await subscribers(1000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = process.memoryUsage();
    const started = performance.now();
    await write([{ record: 'DibaoEnrolment', recordId: 'FAN-1', kind: 'UPDATED', householdId: household(5) }]);
    await Promise.all(feeds.map((f) => f.waitFor(1)));
    const fanOut = Math.max(...feeds.map((f) => f.times[0])) - started;
    expect(feeds.every((f) => f.events.length === 1 && f.events[0].recordId === 'FAN-1')).toBe(true);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `1,000 idle subscribers (one graphql-ws connection each; clients in the same process): RSS ${mb(before.rss)} → ${mb(idle.rss)} (+${mb(idle.rss - before.rss)}), ` +
        `heap ${mb(before.heapUsed)} → ${mb(idle.heapUsed)} (+${mb(idle.heapUsed - before.heapUsed)}); one change reached all 1,000 in ${fanOut.toFixed(0)} ms`,
    );
    feeds.forEach((f) => f.stop());
    await Promise.all(own.map((c) => c.dispose()));
    await subscribers(0);
  });
});
