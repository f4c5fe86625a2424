import { Kind, type DocumentNode, type TypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { inScope, signRequest, type Identity } from '@saf/kit';
import { toWebSocketUrl } from '../service-list';
import { joinGraphsOf } from '../join-graphs';

/**
 * `assistanceChanged`: which households' sector assistance view changed, whichever department
 * wrote. How it scales with many subscribers:
 *
 * - One upstream subscription per department per gateway process, opened with the first
 *   subscriber and closed with the last, whatever the number of dashboards. Each department
 *   publishes its own changes (`<department>Changes`, LISTEN/NOTIFY on its database); the feed
 *   reads them nationally, as the gateway itself.
 * - Fan-out in memory: each subscriber's region scope and prefix is a string prefix test per event.
 * - Each subscriber's queue holds households, not events: a household already waiting merges the
 *   new department into its entry. A burst of writes to few households costs one entry each. The
 *   queue is bounded: past the limit the oldest household is dropped and the next delivery says how
 *   many were missed, so the dashboard knows to re-query.
 * - Idle subscribers cost their queue (empty) and one pending promise: no timers, no connections.
 */

/** A department's change subscription, found in the supergraph by its return type. */
export interface ChangeFeed {
  subgraph: string;
  url: string;
  field: string;
}

export interface AssistanceChange {
  householdId: string;
  /** The departments whose records changed (duty-matrix order is not implied). */
  departments: string[];
  records: string[];
  /** When the latest of the merged changes happened (ISO 8601). */
  at: string;
  /** Households dropped from this subscriber's queue (or missed upstream) before this one. */
  missed: number;
}

interface UpstreamChange {
  department: string;
  record: string;
  at: string;
  householdId: string | null;
  missed: number;
}

/** The gateway's own identity towards departments' change feeds: national, no personal fields read. */
const FEED_IDENTITY: Identity = { subject: 'gateway-assistance-feed', role: 'admin', region: '' };

export const DEFAULT_LIVE_QUEUE_LIMIT = 10_000;

class Subscriber implements AsyncIterableIterator<AssistanceChange> {
  private readonly pending = new Map<string, AssistanceChange>();
  private missed = 0;
  private wake: ((result: IteratorResult<AssistanceChange>) => void) | null = null;
  private done = false;

  constructor(
    readonly identity: Identity,
    readonly regionPrefix: string,
    private readonly limit: number,
    private readonly onEnd: (s: Subscriber) => void,
  ) {}

  wants(householdId: string): boolean {
    return householdId.startsWith(this.regionPrefix) && inScope(this.identity, householdId);
  }

  push(change: UpstreamChange & { householdId: string }): void {
    if (this.done) return;
    this.missed += change.missed;
    const waiting = this.pending.get(change.householdId);
    if (waiting) {
      if (!waiting.departments.includes(change.department)) waiting.departments.push(change.department);
      if (!waiting.records.includes(change.record)) waiting.records.push(change.record);
      waiting.at = change.at;
    } else {
      if (this.pending.size >= this.limit) {
        const oldest = this.pending.keys().next().value as string;
        this.pending.delete(oldest);
        this.missed++;
      }
      this.pending.set(change.householdId, { householdId: change.householdId, departments: [change.department], records: [change.record], at: change.at, missed: 0 });
    }
    this.deliver();
  }

  /** Upstream lost events it cannot name (a department's own queue overflowed, or it reconnected). */
  lost(count: number): void {
    this.missed += count;
  }

  private deliver(): void {
    if (!this.wake || this.pending.size === 0) return;
    const [householdId, change] = this.pending.entries().next().value as [string, AssistanceChange];
    this.pending.delete(householdId);
    change.missed = this.missed;
    this.missed = 0;
    const wake = this.wake;
    this.wake = null;
    wake({ value: change, done: false });
  }

  next(): Promise<IteratorResult<AssistanceChange>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.wake = resolve;
      this.deliver();
    });
  }

  return(): Promise<IteratorResult<AssistanceChange>> {
    this.done = true;
    this.pending.clear();
    this.wake?.({ value: undefined, done: true });
    this.wake = null;
    this.onEnd(this);
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<AssistanceChange> {
    return this;
  }
}

export class AssistanceFeed {
  private feeds: ChangeFeed[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private readonly upstreams = new Map<string, { client: Client; stop: () => void }>();

  constructor(private readonly options: { signingSecret: string; queueLimit?: number; log?: (msg: string, extra?: object) => void }) {}

  /** The departments' change feeds of the supergraph being served (on every reload). */
  setFeeds(feeds: ChangeFeed[]): void {
    this.feeds = feeds;
    if (this.subscribers.size > 0) this.connect();
  }

  subscribe(identity: Identity, regionPrefix: string): AsyncIterableIterator<AssistanceChange> {
    const subscriber = new Subscriber(identity, regionPrefix, this.options.queueLimit ?? DEFAULT_LIVE_QUEUE_LIMIT, (s) => this.unsubscribe(s));
    this.subscribers.add(subscriber);
    this.connect();
    return subscriber;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    for (const s of [...this.subscribers]) await s.return();
    this.disconnect();
  }

  private unsubscribe(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.disconnect();
  }

  private publish(change: UpstreamChange): void {
    const householdId = change.householdId;
    for (const s of this.subscribers) {
      // Upstream losses cannot be placed in a region: every subscriber is told.
      if (change.missed > 0) s.lost(change.missed);
      if (householdId && s.wants(householdId)) s.push({ ...change, householdId, missed: 0 });
    }
  }

  /** One upstream subscription per department feed (the URL and field may change on reload). */
  private connect(): void {
    const wanted = new Set(this.feeds.map((f) => `${f.url}#${f.field}`));
    for (const [key, upstream] of this.upstreams) {
      if (!wanted.has(key)) {
        upstream.stop();
        this.upstreams.delete(key);
      }
    }
    for (const feed of this.feeds) {
      const key = `${feed.url}#${feed.field}`;
      if (this.upstreams.has(key)) continue;
      const client = createClient({
        url: toWebSocketUrl(feed.url),
        webSocketImpl: WebSocket,
        lazy: false,
        retryAttempts: Infinity,
        shouldRetry: () => true,
        // Signed afresh at every (re)connection: the subgraph checks the signature's age.
        connectionParams: () => signRequest(this.options.signingSecret, FEED_IDENTITY, ''),
        on: { connected: (_socket, _payload, wasRetry) => wasRetry && this.publish({ department: feed.subgraph, record: '', at: new Date().toISOString(), householdId: null, missed: 1 }) },
      });
      const stop = client.subscribe<{ [field: string]: UpstreamChange }>(
        { query: `subscription AssistanceFeed { ${feed.field} { department record at householdId missed } }` },
        {
          next: (result) => {
            const change = result.data?.[feed.field];
            if (change) this.publish(change);
          },
          error: (error) => this.options.log?.('assistance feed upstream failed', { subgraph: feed.subgraph, error: String((error as Error)?.message ?? error) }),
          complete: () => undefined,
        },
      );
      this.upstreams.set(key, { client, stop });
    }
  }

  private disconnect(): void {
    for (const upstream of this.upstreams.values()) {
      upstream.stop();
      void upstream.client.dispose();
    }
    this.upstreams.clear();
  }
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * The departments' `<department>Changes` subscriptions in a supergraph (Subscription fields
 * returning RecordChange), with the subgraph that serves each and its URL.
 */
export function discoverChangeFeeds(supergraph: DocumentNode, urlOverrides: Record<string, string> = {}): ChangeFeed[] {
  const graphs = new Map(joinGraphsOf(supergraph).map((g) => [g.key, g]));
  const feeds: ChangeFeed[] = [];
  for (const def of supergraph.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || def.name.value !== 'Subscription') continue;
    for (const field of def.fields ?? []) {
      if (namedType(field.type) !== 'RecordChange') continue;
      const join = field.directives?.find((d) => d.name.value === 'join__field');
      const graphArg = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
      const typeGraphs = def.directives?.filter((d) => d.name.value === 'join__type') ?? [];
      const graphKey =
        graphArg?.kind === Kind.ENUM
          ? graphArg.value
          : typeGraphs.length === 1
            ? (typeGraphs[0].arguments?.find((a) => a.name.value === 'graph')?.value as { value?: string } | undefined)?.value
            : undefined;
      const graph = graphKey ? graphs.get(graphKey) : undefined;
      if (graph) feeds.push({ subgraph: graph.name, url: urlOverrides[graph.name] ?? graph.url, field: field.name.value });
    }
  }
  return feeds.sort((a, b) => a.field.localeCompare(b.field));
}
