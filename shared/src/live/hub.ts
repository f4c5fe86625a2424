import { Client, type Pool, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { CHANGE_CHANNEL, ChangeKind } from '../changes';
import { detectLoadMethod } from '../bulk/bulkLoad';
import { endpointOf, registerLocalSink, tapNotifications } from './local';
import { LiveChange, parseNotification } from './payload';
import { ChangeFilter, ChangeStream, liveQueueLimit } from './stream';

export interface ChangeHubOptions {
  department: string;
  dataSource: DataSource;
  log: Logger;
  /** First reconnection delay; it doubles up to `maxBackoffMs`. Default 250 ms. */
  backoffMs?: number;
  /** Default 15 s. */
  maxBackoffMs?: number;
}

const hubs = new WeakMap<DataSource, ChangeHub>();

/** The hub of the subgraph whose database this is (how the Subscription resolvers find it). */
export function changeHubOf(db: DataSource): ChangeHub | undefined {
  return hubs.get(db);
}

interface ChangeRow {
  id: number;
  occurred_at: Date | string;
  record: string;
  record_id: string;
  kind: ChangeKind;
  household_id: string | null;
  person_id: string | null;
}

/**
 * The subgraph process's one listener on `saf_change`, fanning its department's changes out in
 * memory to every subscriber. One dedicated connection whatever the number of subscribers; every
 * replica of a subgraph runs its own hub, and NOTIFY reaches them all.
 *
 * When the connection fails it reconnects with backoff, then replays from change_event what it
 * missed meanwhile (the newest LIVE_QUEUE_LIMIT rows; subscribers are told of any beyond in
 * `missed`). Bulk loads leave no change_event rows: their notifications during an outage are lost.
 *
 * On the embedded PGlite the listening connection registers the LISTEN, but the notifications
 * arrive on the writers' connections (see local.ts), which the hub taps.
 */
export class ChangeHub {
  private readonly streams = new Set<ChangeStream>();
  private current: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  private stopped = false;
  /** Listening, and caught up after a reconnection. */
  private live = false;
  private embedded = false;
  /** The highest change_event id delivered: where a replay starts. */
  private lastLoggedId = 0;
  /** Notifications held while a replay runs, so that none is delivered twice or out of order. */
  private held: string[] | null = null;
  private readonly undo: Array<() => void> = [];
  /** Counters, for tests and logs. */
  readonly stats = { notifications: 0, changes: 0, reconnects: 0, replayed: 0 };

  private constructor(private readonly options: ChangeHubOptions) {}

  static async start(options: ChangeHubOptions): Promise<ChangeHub> {
    const hub = new ChangeHub(options);
    await hub.connect(true);
    hubs.set(options.dataSource, hub);
    return hub;
  }

  get department(): string {
    return this.options.department;
  }

  get subscriberCount(): number {
    return this.streams.size;
  }

  /** Whether the listening connection is up and caught up. */
  get listening(): boolean {
    return this.live;
  }

  /** A subscriber's stream of changes, bounded by LIVE_QUEUE_LIMIT (read at each subscription). */
  subscribe(filter: ChangeFilter, limit = liveQueueLimit()): ChangeStream {
    const stream = new ChangeStream(filter, limit, (s) => this.streams.delete(s));
    if (this.stopped) stream.end();
    else this.streams.add(stream);
    return stream;
  }

  /** Hands a notification's payload to the hub as if it came from the database (tests, tools). */
  receive(payload: string): void {
    if (this.stopped) return;
    if (this.held) {
      this.held.push(payload);
      return;
    }
    this.dispatch(parseNotification(payload, this.options.department));
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    for (const undo of this.undo.splice(0)) undo();
    for (const stream of [...this.streams]) stream.end();
    hubs.delete(this.options.dataSource);
    const client = this.current;
    this.current = null;
    this.live = false;
    await client?.end().catch(() => undefined);
  }

  private dispatch(changes: LiveChange[]): void {
    this.stats.notifications++;
    for (const change of changes) {
      this.stats.changes++;
      if (!change.bulk && change.sequence > this.lastLoggedId) this.lastLoggedId = change.sequence;
      for (const stream of this.streams) stream.offer(change);
    }
  }

  private async connect(first: boolean): Promise<void> {
    const { dataSource, department, log } = this.options;
    const url = (dataSource.options as { url?: string }).url;
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    const client = new Client({ connectionString: url, application_name: `saf-${department}-live`, keepAlive: true, options: `-c search_path=${schema},public` });
    this.current = client;
    const lost = (error?: Error) => {
      if (this.current !== client) return;
      this.current = null;
      this.live = false;
      this.held = null;
      if (this.stopped) return;
      log.warn({ err: error }, 'live updates: the listening connection was lost; reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload !== undefined) this.receive(message.payload);
    });
    try {
      await client.connect();
      if (first) this.embedded = (await detectLoadMethod(client)) === 'insert';
      if (!first) this.held = [];
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (first) {
        if (this.embedded) this.tapWriters(client);
        const { rows } = await client.query('SELECT coalesce(max(id), 0)::bigint AS id FROM change_event');
        this.lastLoggedId = Math.max(this.lastLoggedId, Number(rows[0].id));
      } else {
        await this.replay(client);
      }
      this.attempt = 0;
      this.live = this.current === client;
      log.debug({ embedded: this.embedded }, 'live updates: listening');
    } catch (error) {
      if (this.current === client) this.current = null;
      this.held = null;
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  /** The embedded database's notifications arrive on the writers' connections: the DataSource's pool. */
  private tapWriters(listener: Client): void {
    const pool = (this.options.dataSource.driver as unknown as { master?: Pool }).master;
    if (pool) {
      const tap = (client: PoolClient) => void tapNotifications(client as unknown as Client, CHANGE_CHANNEL);
      pool.on('connect', tap);
      this.undo.push(() => pool.off('connect', tap));
      for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) tap(client);
    }
    // Bulk loads tap their own client and forward here by endpoint.
    this.undo.push(registerLocalSink(endpointOf(listener), (payload) => this.receive(payload)));
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    const base = this.options.backoffMs ?? 250;
    const delay = Math.min(this.options.maxBackoffMs ?? 15_000, base * 2 ** this.attempt++);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.stats.reconnects++;
      this.connect(false).catch((error: Error) => {
        this.options.log.warn({ err: error, retryInMs: Math.min(this.options.maxBackoffMs ?? 15_000, base * 2 ** this.attempt) }, 'live updates: reconnecting failed');
        this.scheduleReconnect();
      });
    }, delay);
    this.retry.unref();
  }

  /**
   * After a reconnection: the changes logged while the connection was down, then what arrived
   * during the replay (skipping those it already delivered). Beyond LIVE_QUEUE_LIMIT rows only the
   * newest are replayed and every subscriber is told how many it may have missed.
   */
  private async replay(client: Client): Promise<void> {
    const limit = liveQueueLimit();
    const from = this.lastLoggedId;
    const { rows: counted } = await client.query('SELECT count(*)::bigint AS n FROM change_event WHERE id > $1', [from]);
    const total = Number(counted[0].n);
    const { rows } = await client.query<ChangeRow>(
      `SELECT id, occurred_at, record, record_id, kind, household_id, person_id FROM change_event WHERE id > $1 ORDER BY id DESC LIMIT $2`,
      [from, limit],
    );
    rows.reverse();
    if (total > rows.length) for (const stream of this.streams) stream.lost(total - rows.length);
    const department = this.options.department;
    const replayed = new Set<number>();
    const changes: LiveChange[] = rows.map((r) => {
      replayed.add(Number(r.id));
      return {
        sequence: Number(r.id),
        department,
        record: r.record,
        recordId: r.record_id,
        kind: r.kind,
        at: new Date(r.occurred_at).toISOString(),
        householdId: r.household_id,
        personId: r.person_id,
      };
    });
    this.stats.replayed += changes.length;
    if (changes.length) this.dispatch(changes);
    const held = this.held ?? [];
    this.held = null;
    for (const payload of held) this.dispatch(parseNotification(payload, department).filter((c) => !replayed.has(c.sequence)));
    this.options.log.info({ replayed: changes.length, beyondReplay: total - rows.length }, 'live updates: listening again');
  }
}
