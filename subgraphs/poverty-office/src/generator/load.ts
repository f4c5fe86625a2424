import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { cadreRows, regionRows } from './county';
import { HouseholdBundle } from './household';
import { RegisterPreset } from './params';
import { GenerateOptions, countyModel, householdsOf, resolveSize } from './register';
import { REGISTER_TABLES, RegisterRows, RegisterTable } from './rows';
import { TABLE_SPECS, TableSpec, copyLine, copyStatement, unnestInsert } from './tables';

/**
 * 'copy': COPY FROM STDIN (pg-copy-streams), the fast path on PostgreSQL.
 * 'insert': multi-row INSERT ... SELECT FROM unnest($1::text[], ...), for servers without COPY FROM
 * STDIN, such as PGlite behind pglite-socket (COPY there kills the connection).
 */
export type LoadMethod = 'copy' | 'insert';

export interface LoadOptions extends GenerateOptions {
  /** Households: a number up to 2,000,000, or a preset ('demo', 'county', 'province'). */
  size: number | RegisterPreset;
  seed: number;
  /** Called with households loaded so far and the total: at the start, after each chunk, at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Default 'auto': 'insert' on PGlite (detected from version()), else 'copy'. */
  method?: LoadMethod | 'auto';
  /**
   * Empty the register tables first (TRUNCATE ... RESTART IDENTITY, and delete the county's towns
   * and villages). Without it, loading into a register that already has households fails.
   */
  replace?: boolean;
  /** Households per chunk (each chunk is one COPY, or a few INSERTs, per table). Default 5,000. */
  chunkHouseholds?: number;
  /** Rows per INSERT statement on the insert path. Default 2,000. */
  insertBatchRows?: number;
  /** Run ANALYZE on the filled tables after the load. Default true. */
  analyze?: boolean;
}

export interface LoadResult {
  method: LoadMethod;
  households: number;
  /** Rows written per table (regions: inserted or brought up to date). */
  rows: Record<RegisterTable, number>;
  milliseconds: number;
}

/** Tables emptied by `replace`, children first. */
const REPLACED_TABLES = ['procedure_step', 'cadre_assignment', 'household_visit', 'household_income', 'household_status_period', 'person', 'household', 'cadre'];

/**
 * Generates the register and writes it into the register tables (unqualified names: the caller's
 * connection chooses the schema through its search_path) in one transaction, in foreign-key order,
 * chunk by chunk so that memory stays constant. The same size and seed always write the same rows.
 */
export async function loadRegister(pool: Pool, options: LoadOptions): Promise<LoadResult> {
  const started = Date.now();
  const size = resolveSize(options.size);
  const county = countyModel(size, options.seed);
  const chunkHouseholds = Math.max(1, options.chunkHouseholds ?? 5000);
  const client = await pool.connect();
  // A protocol failure ends the connection with an 'error' event; keep it from crashing the process.
  let connectionError: Error | undefined;
  const onError = (e: Error) => (connectionError = e);
  client.on('error', onError);
  const rows = Object.fromEntries(REGISTER_TABLES.map((t) => [t, 0])) as Record<RegisterTable, number>;
  let method: LoadMethod = 'copy';
  try {
    method = options.method && options.method !== 'auto' ? options.method : await detectLoadMethod(client);
    const writer = new ChunkWriter(client, method, options.insertBatchRows ?? 2000, rows);
    await client.query('BEGIN');
    try {
      if (options.replace) {
        await client.query(`TRUNCATE ${REPLACED_TABLES.join(', ')} RESTART IDENTITY`);
        await client.query(`DELETE FROM region WHERE level = 5 AND code LIKE '${county.code.slice(0, 6)}%'`);
        await client.query(`DELETE FROM region WHERE level = 4 AND code LIKE '${county.code.slice(0, 6)}%'`);
      } else {
        const { rows: existing } = await client.query('SELECT EXISTS (SELECT 1 FROM household) AS found');
        if (existing[0].found) throw new Error('the register already has households; load with replace: true to replace them');
      }
      const povertyLines = { ...(await readPovertyLines(client)), ...(options.povertyLines ?? {}) };

      // Regions may already exist (e.g. the province): upserted on both paths.
      for (const r of regionRows(county)) writer.add('region', r);
      await writer.flush();
      for (const c of cadreRows(county)) {
        writer.add('cadre', c);
        if (writer.pending >= 50_000) await writer.flush();
      }
      await writer.flush();

      // The database writes chunk k while the generator makes chunk k+1 (yielding to the event loop
      // now and then so that the socket keeps draining).
      options.onProgress?.(0, size);
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
          options.onProgress?.(written, size);
        });
        inflight.catch(() => undefined); // handled when awaited
      };
      for (const bundle of householdsOf(county, { ...options, povertyLines })) {
        writer.addBundle(bundle);
        if (++inChunk === chunkHouseholds) await send();
        else if (inflight && inChunk % 200 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (inChunk > 0) await send();
      if (inflight) await inflight;
      if (queued !== size) throw new Error(`generated ${queued} households, expected ${size}`);
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
    if (options.analyze ?? true) await client.query(`ANALYZE ${REGISTER_TABLES.join(', ')}`);
  } finally {
    client.off('error', onError);
    // A connection that failed at the protocol level is destroyed rather than returned to the pool.
    client.release(connectionError);
  }
  return { method, households: size, rows, milliseconds: Date.now() - started };
}

/** 'insert' on PGlite (its socket server cannot do COPY FROM STDIN), 'copy' elsewhere. */
export async function detectLoadMethod(client: Pick<PoolClient, 'query'>): Promise<LoadMethod> {
  const { rows } = await client.query('SELECT version() AS v');
  return /pglite|emscripten|wasm32/i.test(String(rows[0]?.v ?? '')) ? 'insert' : 'copy';
}

/** The poverty_line table as yuan by year, or {} when it is missing or empty. */
async function readPovertyLines(client: PoolClient): Promise<Record<number, number>> {
  const { rows: exists } = await client.query("SELECT to_regclass('poverty_line') IS NOT NULL AS ok");
  if (!exists[0].ok) return {};
  const { rows } = await client.query('SELECT year, amount_fen FROM poverty_line');
  return Object.fromEntries(rows.map((r: { year: number; amount_fen: string }) => [Number(r.year), Number(r.amount_fen) / 100]));
}

const PIECE = 1 << 20;

interface Chunk {
  lines: Map<RegisterTable, { pieces: string[]; current: string }>;
  objects: Map<RegisterTable, unknown[]>;
}

/** Buffers one chunk of rows per table and writes them in foreign-key order. */
class ChunkWriter {
  private lines: Chunk['lines'] = new Map();
  private objects: Chunk['objects'] = new Map();
  pending = 0;

  constructor(
    private readonly client: PoolClient,
    private readonly method: LoadMethod,
    private readonly batchRows: number,
    private readonly counts: Record<RegisterTable, number>,
  ) {}

  add<T extends RegisterTable>(table: T, row: RegisterRows[T]): void {
    this.pending++;
    if (this.method === 'copy' && table !== 'region') {
      let buf = this.lines.get(table);
      if (!buf) this.lines.set(table, (buf = { pieces: [], current: '' }));
      buf.current += copyLine(TABLE_SPECS[table] as TableSpec<T>, row);
      if (buf.current.length >= PIECE) {
        buf.pieces.push(buf.current);
        buf.current = '';
      }
    } else {
      let list = this.objects.get(table);
      if (!list) this.objects.set(table, (list = []));
      list.push(row);
    }
    this.counts[table]++;
  }

  addBundle(b: HouseholdBundle): void {
    this.add('household', b.household);
    for (const p of b.members) {
      const { age: _age, ...row } = p;
      this.add('person', row);
    }
    for (const r of b.statusPeriods) this.add('household_status_period', r);
    for (const r of b.incomes) this.add('household_income', r);
    for (const r of b.visits) this.add('household_visit', r);
    for (const r of b.cadreAssignments) this.add('cadre_assignment', r);
    for (const r of b.procedureSteps) this.add('procedure_step', r);
  }

  /** Detaches the rows buffered so far. */
  take(): Chunk {
    const chunk = { lines: this.lines, objects: this.objects };
    this.lines = new Map();
    this.objects = new Map();
    this.pending = 0;
    return chunk;
  }

  async flush(): Promise<void> {
    await this.write(this.take());
  }

  async write(chunk: Chunk): Promise<void> {
    for (const table of REGISTER_TABLES) {
      const spec = TABLE_SPECS[table] as TableSpec;
      const buf = chunk.lines.get(table);
      if (buf && (buf.pieces.length > 0 || buf.current.length > 0)) {
        const pieces = buf.current.length > 0 ? [...buf.pieces, buf.current] : buf.pieces;
        await pipeline(Readable.from(pieces), this.client.query(copyFrom(copyStatement(spec))));
      }
      const list = chunk.objects.get(table);
      if (list && list.length > 0) {
        for (let i = 0; i < list.length; i += this.batchRows) {
          const batch = list.slice(i, i + this.batchRows) as Array<RegisterRows[RegisterTable]>;
          const { text, values } = unnestInsert(spec, batch as never);
          await this.client.query(text, values);
        }
      }
    }
  }
}
