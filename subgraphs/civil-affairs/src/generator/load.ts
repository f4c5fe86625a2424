import type { Pool } from 'pg';
import { bulkLoad, LoadMethod, RowSink } from '@saf/kit';
import { iterateHouseholds, RegisterLoadOptions, resolveSize } from '@saf/poverty-office';
import { civilAffairsRecordsFor } from './records';
import { CIVIL_AFFAIRS_TABLES, CivilAffairsRecords, CivilAffairsTable } from './rows';
import { TABLE_SPECS } from './tables';
import { unregisteredCount, unregisteredRosterFor } from './unregistered';

/** `onProgress` counts the register's households plus the legacy roster entries. */
export type CivilAffairsLoadOptions = RegisterLoadOptions;

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
