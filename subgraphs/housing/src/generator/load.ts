import type { Pool } from 'pg';
import { bulkLoad, LoadMethod } from '@saf/kit';
import { HouseholdBundle, iterateHouseholds, RegisterPreset, resolveSize } from '@saf/poverty-office';
import { housingRecordsFor } from './records';
import { HOUSING_TABLE_SPECS, HOUSING_TABLES, HousingTable } from './tables';

export interface HousingLoadOptions {
  /** Households of the register: a number or a preset ('demo', 'county', 'province'). */
  size: number | RegisterPreset;
  /** The register's seed: the same households the poverty office holds. */
  seed: number;
  onProgress?: (done: number, total: number) => void;
  /** Default 'auto': 'insert' on PGlite, else 'copy'. */
  method?: LoadMethod | 'auto';
  /** Empty the housing tables first. Without it, loading into tables that hold records fails. */
  replace?: boolean;
  chunkHouseholds?: number;
  insertBatchRows?: number;
  analyze?: boolean;
}

export interface HousingLoadResult {
  method: LoadMethod;
  households: number;
  rows: Record<HousingTable, number>;
  milliseconds: number;
}

/**
 * Generates the housing records of every household of the register (`iterateHouseholds(size, seed)`)
 * and writes them into the housing tables (unqualified names: the pool's search_path chooses the
 * schema) in one transaction, chunk by chunk: COPY on PostgreSQL, batched INSERTs on PGlite.
 */
export async function loadHousing(pool: Pool, options: HousingLoadOptions): Promise<HousingLoadResult> {
  const size = resolveSize(options.size);
  const result = await bulkLoad<HouseholdBundle>(pool, {
    tables: HOUSING_TABLES.map((t) => HOUSING_TABLE_SPECS[t]),
    // Visits and procedure steps of the register are not needed here (and change nothing else).
    items: { [Symbol.iterator]: () => iterateHouseholds(size, options.seed, { details: false })[Symbol.iterator]() },
    total: size,
    addItem: (sink, bundle) => {
      const records = housingRecordsFor(bundle, options.seed);
      for (const r of records.appraisals) sink.add(HOUSING_TABLE_SPECS.dwelling_appraisal, r);
      for (const r of records.renovations) sink.add(HOUSING_TABLE_SPECS.renovation_project, r);
      if (records.relocation) sink.add(HOUSING_TABLE_SPECS.relocation_housing, records.relocation);
      for (const r of records.relocationMembers) sink.add(HOUSING_TABLE_SPECS.relocation_member, r);
    },
    replace: options.replace,
    method: options.method,
    chunkItems: options.chunkHouseholds,
    insertBatchRows: options.insertBatchRows,
    onProgress: options.onProgress,
    analyze: options.analyze,
  });
  return { method: result.method, households: size, rows: result.rows as Record<HousingTable, number>, milliseconds: result.milliseconds };
}
