import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine, copyStatement, TableSpec, unnestInsert } from './tableSpec';
import { CHANGE_CHANNEL } from '../changes';
import { tapNotifications } from '../live/local';
import { ChangePublisher } from './publish';

/**
 * 'copy': COPY FROM STDIN (pg-copy-streams), the fast path on PostgreSQL.
 * 'insert': multi-row INSERT ... SELECT FROM unnest(...), for servers without COPY FROM STDIN,
 * such as PGlite behind pglite-socket (COPY there kills the connection).
 */
export type LoadMethod = 'copy' | 'insert';

/** 'insert' on PGlite (detected from version()), 'copy' elsewhere. */
export async function detectLoadMethod(client: Pick<PoolClient, 'query'>): Promise<LoadMethod> {
  const { rows } = await client.query('SELECT version() AS v');
  return /pglite|emscripten|wasm32/i.test(String(rows[0]?.v ?? '')) ? 'insert' : 'copy';
}

/** Receives rows while items are generated; the loader writes them a chunk at a time. */
export interface RowSink {
  add<R>(spec: TableSpec<R>, row: R): void;
}

export interface BulkLoadOptions<T> {
  /** Every table the load writes, parents before children (each chunk is written in this order). */
  tables: ReadonlyArray<TableSpec>;
  /** The items to load (households, say), generated lazily so that memory stays flat. */
  items: Iterable<T>;
  /** How many items there are, for progress. */
  total: number;
  /** Turns one item into rows. */
  addItem: (sink: RowSink, item: T) => void;
  /** Runs first in the transaction, after the emptiness check: reference rows (written with `sink`), setup. */
  before?: (client: PoolClient, sink: RowSink) => Promise<void>;
  /**
   * Empty the tables first (TRUNCATE … RESTART IDENTITY). Without it, a table that already holds
   * rows is an error (tables with conflict handling, e.g. upserted reference rows, excepted).
   */
  replace?: boolean;
  method?: LoadMethod | 'auto';
  /** Items per chunk. Default 5,000. */
  chunkItems?: number;
  /** Rows per INSERT statement on the insert path. Default 2,000. */
  insertBatchRows?: number;
  onProgress?: (done: number, total: number) => void;
  /** ANALYZE the tables afterwards. Default true. */
  analyze?: boolean;
  /**
   * Tell live subscribers (issue 7) which households the load wrote rows for: one UPDATED change
   * per household and table with a household_id column, sent with NOTIFY per chunk (see publish.ts).
   * Default true wherever the schema has the kit's change_event table.
   */
  publish?: boolean;
  /** The department the changes are announced for. Default: the schema's (search_path), 'civil_affairs' → 'civil-affairs'. */
  department?: string;
}

export interface BulkLoadResult {
  method: LoadMethod;
  items: number;
  rows: Record<string, number>;
  milliseconds: number;
}

/**
 * Writes generated rows in one transaction, chunk by chunk: the database writes chunk k while
 * chunk k+1 is generated. Tables are unqualified: the pool's search_path picks the schema.
 */
export async function bulkLoad<T>(pool: Pool, options: BulkLoadOptions<T>): Promise<BulkLoadResult> {
  const started = Date.now();
  const chunkItems = Math.max(1, options.chunkItems ?? 5000);
  const client = await pool.connect();
  // A protocol failure ends the connection with an 'error' event; keep it from crashing the process.
  let connectionError: Error | undefined;
  const onError = (e: Error) => (connectionError = e);
  client.on('error', onError);
  // On the embedded PGlite our own NOTIFYs come back on this connection at COMMIT (live/local.ts).
  const untap = tapNotifications(client as unknown as import('pg').Client, CHANGE_CHANNEL);
  const rows = Object.fromEntries(options.tables.map((t) => [t.table, 0]));
  let method: LoadMethod = 'copy';
  try {
    method = options.method && options.method !== 'auto' ? options.method : await detectLoadMethod(client);
    await client.query('BEGIN');
    try {
      await prepareTables(client, options.tables, options.replace ?? false);
      const publisher = (options.publish ?? true) ? await ChangePublisher.prepare(client, options.department) : null;
      const writer = new ChunkWriter(client, method, options.tables, options.insertBatchRows ?? 2000, rows, publisher);
      if (options.before) {
        await options.before(client, writer);
        await writer.write(writer.take());
      }
      options.onProgress?.(0, options.total);
      let written = 0;
      let queued = 0;
      let inChunk = 0;
      let inflight: Promise<void> | null = null;
      const send = async () => {
        if (inflight) await inflight;
        const count = inChunk;
        const chunk = writer.take();
        inChunk = 0;
        queued += count;
        inflight = writer.write(chunk).then(() => {
          written += count;
          options.onProgress?.(written, options.total);
        });
        inflight.catch(() => undefined); // handled when awaited
      };
      for (const item of options.items) {
        options.addItem(writer, item);
        if (++inChunk === chunkItems) await send();
        // Yield now and then so that the socket keeps draining while we generate.
        else if (inflight && inChunk % 200 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (inChunk > 0) await send();
      if (inflight) await inflight;
      if (queued !== options.total) throw new Error(`generated ${queued} items, expected ${options.total}`);
      await client.query('COMMIT');
    } catch (error) {
      if (!connectionError) await client.query('ROLLBACK').catch(() => undefined);
      if (connectionError && method === 'copy') {
        throw new Error(
          `the connection failed during COPY FROM STDIN (${connectionError.message}); servers without it, such as PGlite behind pglite-socket, need method: 'insert'`,
          { cause: connectionError },
        );
      }
      throw connectionError ?? error;
    }
    if (options.analyze ?? true) await client.query(`ANALYZE ${options.tables.map((t) => t.table).join(', ')}`);
  } finally {
    untap();
    client.off('error', onError);
    // A connection that failed at the protocol level is destroyed rather than returned to the pool.
    client.release(connectionError);
  }
  return { method, items: options.total, rows, milliseconds: Date.now() - started };
}

async function prepareTables(client: PoolClient, tables: ReadonlyArray<TableSpec>, replace: boolean): Promise<void> {
  if (replace) {
    await client.query(`TRUNCATE ${tables.map((t) => t.table).join(', ')} RESTART IDENTITY CASCADE`);
    return;
  }
  for (const spec of tables.filter((t) => !t.onConflict)) {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${spec.table}) AS found`);
    if (rows[0].found) throw new Error(`table ${spec.table} already holds rows; load with replace to replace them`);
  }
}

const PIECE = 1 << 20;

interface Chunk {
  lines: Map<TableSpec, { pieces: string[]; current: string }>;
  objects: Map<TableSpec, unknown[]>;
  /** The households each table got rows for (when publishing). */
  households: Map<TableSpec, Set<string>>;
}

/** Buffers one chunk of rows per table and writes them in the tables' order. */
class ChunkWriter implements RowSink {
  private lines: Chunk['lines'] = new Map();
  private objects: Chunk['objects'] = new Map();
  private households: Chunk['households'] = new Map();

  constructor(
    private readonly client: PoolClient,
    private readonly method: LoadMethod,
    private readonly tables: ReadonlyArray<TableSpec>,
    private readonly batchRows: number,
    private readonly counts: Record<string, number>,
    private readonly publisher: ChangePublisher | null,
  ) {}

  add<R>(spec: TableSpec<R>, row: R): void {
    if (this.publisher) {
      const household = this.publisher.householdOf(spec, row);
      if (household) {
        let set = this.households.get(spec);
        if (!set) this.households.set(spec, (set = new Set()));
        set.add(household);
      }
    }
    // Rows with conflict handling go through INSERT, which can say ON CONFLICT; COPY cannot.
    if (this.method === 'copy' && !spec.onConflict) {
      let buf = this.lines.get(spec);
      if (!buf) this.lines.set(spec, (buf = { pieces: [], current: '' }));
      buf.current += copyLine(spec, row);
      if (buf.current.length >= PIECE) {
        buf.pieces.push(buf.current);
        buf.current = '';
      }
    } else {
      let list = this.objects.get(spec);
      if (!list) this.objects.set(spec, (list = []));
      list.push(row);
    }
    this.counts[spec.table] = (this.counts[spec.table] ?? 0) + 1;
  }

  /** Detaches the rows buffered so far. */
  take(): Chunk {
    const chunk = { lines: this.lines, objects: this.objects, households: this.households };
    this.lines = new Map();
    this.objects = new Map();
    this.households = new Map();
    return chunk;
  }

  async write(chunk: Chunk): Promise<void> {
    for (const spec of this.tables) {
      const buf = chunk.lines.get(spec);
      if (buf && (buf.pieces.length > 0 || buf.current.length > 0)) {
        const pieces = buf.current.length > 0 ? [...buf.pieces, buf.current] : buf.pieces;
        await pipeline(Readable.from(pieces), this.client.query(copyFrom(copyStatement(spec))));
      }
      const list = chunk.objects.get(spec);
      for (let i = 0; list && i < list.length; i += this.batchRows) {
        const { text, values } = unnestInsert(spec, list.slice(i, i + this.batchRows));
        await this.client.query(text, values);
      }
    }
    // Delivered at COMMIT, like recordChanges' notifications: a load that rolls back announces nothing.
    if (this.publisher) await this.publisher.publish(this.client, chunk.households);
  }
}
