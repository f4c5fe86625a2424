import type { ChangeKind } from '../changes';
import type { Identity } from '../security/identity';
import { inScope } from '../security/scope';
import type { LiveChange } from './payload';

/** What a subscriber asked for, its region already checked against its scope. */
export interface ChangeFilter {
  identity: Identity;
  /** '' for the whole country (only a national caller gets it). */
  regionPrefix: string;
  kinds?: ReadonlySet<ChangeKind> | null;
  records?: ReadonlySet<string> | null;
}

/** One delivery: the change and how many of this subscriber's changes were dropped before it. */
export interface Delivery {
  change: LiveChange;
  missed: number;
}

/** Per subscriber unless LIVE_QUEUE_LIMIT says otherwise. */
export const DEFAULT_LIVE_QUEUE_LIMIT = 10_000;

export function liveQueueLimit(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.LIVE_QUEUE_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_LIVE_QUEUE_LIMIT;
}

/**
 * Whether a change is for this subscriber. Its household (else its person) must lie inside both the
 * caller's scope and the asked prefix; a change that belongs to no household or person (a county's
 * risk-fund contribution) cannot be placed in a region and goes to national subscribers only.
 */
export function matches(filter: ChangeFilter, change: LiveChange): boolean {
  if (filter.kinds && !filter.kinds.has(change.kind)) return false;
  if (filter.records && !filter.records.has(change.record)) return false;
  const owner = change.householdId ?? change.personId;
  if (owner === null) return filter.regionPrefix === '' && inScope(filter.identity, '');
  return owner.startsWith(filter.regionPrefix) && inScope(filter.identity, owner);
}

/**
 * A subscriber's changes: an async iterator over a bounded queue. Past `limit` waiting changes the
 * oldest is dropped and counted; the next delivery carries the count in `missed`. An idle
 * subscriber costs this object, an empty array and one pending promise: no timer, no connection.
 */
export class ChangeStream implements AsyncIterableIterator<Delivery> {
  private queue: LiveChange[] = [];
  private head = 0;
  private missed = 0;
  private waiting: ((result: IteratorResult<Delivery>) => void) | null = null;
  private done = false;

  constructor(
    readonly filter: ChangeFilter,
    private readonly limit: number,
    private readonly onEnd: (stream: ChangeStream) => void,
  ) {}

  /** Changes waiting to be read. */
  get backlog(): number {
    return this.queue.length - this.head;
  }

  offer(change: LiveChange): void {
    if (this.done || !matches(this.filter, change)) return;
    if (this.waiting) {
      const wake = this.waiting;
      this.waiting = null;
      wake({ value: this.delivery(change), done: false });
      return;
    }
    if (this.backlog >= this.limit) {
      this.queue[this.head++] = undefined as unknown as LiveChange; // drop the oldest
      this.missed++;
      this.compact();
    }
    this.queue.push(change);
  }

  /** Changes lost before they could be named (the hub's connection was down longer than it can replay). */
  lost(count: number): void {
    if (!this.done && count > 0) this.missed += count;
  }

  next(): Promise<IteratorResult<Delivery>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    if (this.backlog > 0) {
      const change = this.queue[this.head];
      this.queue[this.head++] = undefined as unknown as LiveChange;
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
      } else this.compact();
      return Promise.resolve({ value: this.delivery(change), done: false });
    }
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<Delivery>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<Delivery>> {
    this.end();
    return Promise.reject(error);
  }

  /** Ends the stream (the client left, or the subgraph stops): a waiting read completes. */
  end(): void {
    if (this.done) return;
    this.done = true;
    this.queue = [];
    this.head = 0;
    const wake = this.waiting;
    this.waiting = null;
    wake?.({ value: undefined, done: true });
    this.onEnd(this);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Delivery> {
    return this;
  }

  private delivery(change: LiveChange): Delivery {
    const missed = this.missed;
    this.missed = 0;
    return { change, missed };
  }

  /** Drops the consumed front of the array now and then (amortised O(1) per change). */
  private compact(): void {
    if (this.head >= 1024 && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
