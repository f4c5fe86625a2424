import type { Pool } from 'pg';
import { bulkLoad, LoadMethod, RowSink } from '@saf/kit';
import { iterateHouseholds, RegisterPreset, resolveSize } from '@saf/poverty-office';
import { civilAffairsRecordsFor } from './records';
import { CIVIL_AFFAIRS_TABLES, CivilAffairsRecords, CivilAffairsTable } from './rows';
import { TABLE_SPECS } from './tables';
import { unregisteredCount, unregisteredRosterFor } from './unregistered';

export interface CivilAffairsLoadOptions {
  /** Households of the register: a number up to 2,000,000, or a preset ('demo', 'county', 'province'). */
  size: number | RegisterPreset;
  seed: number;
  /** Called with households done so far and the total (register households plus legacy roster entries). */
  onProgress?: (done: number, total: number) => void;
  /** Default 'auto': 'insert' on PGlite, else 'copy'. */
  method?: LoadMethod | 'auto';
  /** Empty the civil-affairs tables first; without it, loading into tables that hold records fails. */
  replace?: boolean;
  /** Households per chunk (default 5,000). */
  chunkHouseholds?: number;
}

export interface CivilAffairsLoadResult {
  method: LoadMethod;
  households: number;
  /** Legacy roster households not in the register (unregisteredRosterFor). */
  unregisteredHouseholds: number;
  rows: Record<CivilAffairsTable, number>;
  milliseconds: number;
}

/**
 * Writes civil affairs' records for the register's households (the same size and seed as the
 * register) plus the legacy roster entries for households the register does not have, in one
 * transaction, chunk by chunk: COPY on PostgreSQL, batched INSERTs on PGlite. Tables are unqualified:
 * the pool's search_path chooses the schema.
 */
export async function loadCivilAffairs(pool: Pool, options: CivilAffairsLoadOptions): Promise<CivilAffairsLoadResult> {
  const size = resolveSize(options.size);
  const extra = unregisteredCount(size);
  function* items(): Generator<CivilAffairsRecords> {
    for (const bundle of iterateHouseholds(size, options.seed, { details: false })) yield civilAffairsRecordsFor(bundle, options.seed, { payables: false });
    yield* unregisteredRosterFor(size, options.seed, { payables: false });
  }
  const result = await bulkLoad<CivilAffairsRecords>(pool, {
    tables: CIVIL_AFFAIRS_TABLES.map((t) => TABLE_SPECS[t]),
    items: { [Symbol.iterator]: items },
    total: size + extra,
    addItem: addRecords,
    replace: options.replace,
    method: options.method,
    chunkItems: options.chunkHouseholds,
    onProgress: options.onProgress,
  });
  return { method: result.method, households: size, unregisteredHouseholds: extra, rows: result.rows as Record<CivilAffairsTable, number>, milliseconds: result.milliseconds };
}

/** The rows of one household's records, parents first. */
export function addRecords(sink: RowSink, r: CivilAffairsRecords): void {
  for (const row of r.dibaoEnrolments) sink.add(TABLE_SPECS.dibao_enrolment, row);
  for (const row of r.dibaoCoveredPersons) sink.add(TABLE_SPECS.dibao_covered_person, row);
  for (const row of r.dibaoRechecks) sink.add(TABLE_SPECS.dibao_recheck, row);
  for (const row of r.destituteSupports) sink.add(TABLE_SPECS.destitute_support, row);
  for (const row of r.temporaryAssistance) sink.add(TABLE_SPECS.temporary_assistance, row);
  for (const row of r.disabilityAllowances) sink.add(TABLE_SPECS.disability_allowance, row);
  for (const row of r.medicalAssistance) sink.add(TABLE_SPECS.medical_assistance, row);
}
