import type { Pool } from 'pg';
import { bulkLoad, LoadMethod, RowSink, TableSpec } from '@saf/kit';
import type { HouseholdBundle } from './household';
import type { RegisterPreset } from './params';
import { iterateHouseholds, resolveSize } from './register';

/** How a department loads records that follow the register's generated households. */
export interface RegisterLoadOptions {
  /** Households of the register: a number, or a preset ('demo', 'county', 'province'). */
  size: number | RegisterPreset;
  /** The register's seed: the same households and persons the poverty office holds. */
  seed: number;
  onProgress?: (done: number, total: number) => void;
  /** Default 'auto': 'insert' on PGlite, 'copy' on PostgreSQL. */
  method?: LoadMethod | 'auto';
  /** Empty the department's tables first. Without it, loading into tables that hold records fails. */
  replace?: boolean;
  chunkHouseholds?: number;
  insertBatchRows?: number;
  analyze?: boolean;
}

export interface RegisterLoadResult<Table extends string> {
  method: LoadMethod;
  households: number;
  rows: Record<Table, number>;
  milliseconds: number;
}

/**
 * Walks the register's households (without visits and procedure steps, which change nothing else)
 * and writes each one's rows in one transaction, chunk by chunk: COPY on PostgreSQL, batched INSERTs
 * on PGlite. Tables are unqualified: the pool's search_path picks the department's schema.
 */
export async function loadFollowingRegister<Table extends string>(
  pool: Pool,
  options: RegisterLoadOptions,
  spec: { tables: ReadonlyArray<TableSpec>; addHousehold: (sink: RowSink, bundle: HouseholdBundle) => void },
): Promise<RegisterLoadResult<Table>> {
  const size = resolveSize(options.size);
  const result = await bulkLoad<HouseholdBundle>(pool, {
    tables: spec.tables,
    items: { [Symbol.iterator]: () => iterateHouseholds(size, options.seed, { details: false })[Symbol.iterator]() },
    total: size,
    addItem: spec.addHousehold,
    replace: options.replace,
    method: options.method,
    chunkItems: options.chunkHouseholds,
    insertBatchRows: options.insertBatchRows,
    onProgress: options.onProgress,
    analyze: options.analyze,
  });
  return { method: result.method, households: size, rows: result.rows as Record<Table, number>, milliseconds: result.milliseconds };
}
