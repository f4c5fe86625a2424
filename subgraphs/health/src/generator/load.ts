import type { Pool } from 'pg';
import { bulkLoad, LoadMethod } from '@saf/kit';
import { HouseholdBundle, iterateHouseholds, resolveSize, RegisterPreset } from '@saf/poverty-office';
import { healthRecordsFor } from './records';
import { HEALTH_TABLE_SPECS, HEALTH_TABLES, HealthTable } from './tables';

export interface LoadHealthOptions {
  /** Households of the generated county: a number or a preset ('demo', 'county', 'province'). */
  size: number | RegisterPreset;
  seed: number;
  onProgress?: (done: number, total: number) => void;
  /** Default 'auto': 'insert' on PGlite, 'copy' elsewhere. */
  method?: LoadMethod | 'auto';
  /** Empty the health tables first; without it, loading into tables that hold records fails. */
  replace?: boolean;
  chunkHouseholds?: number;
}

export interface LoadHealthResult {
  method: LoadMethod;
  households: number;
  rows: Record<HealthTable, number>;
  milliseconds: number;
}

/**
 * Generates the health records of the register's households (the same households the poverty
 * office holds for this size and seed) and writes them in one transaction: COPY on PostgreSQL,
 * batched INSERTs on PGlite. The same size and seed always write the same rows.
 */
export async function loadHealth(pool: Pool, options: LoadHealthOptions): Promise<LoadHealthResult> {
  const size = resolveSize(options.size);
  const result = await bulkLoad<HouseholdBundle>(pool, {
    tables: HEALTH_TABLES.map((t) => HEALTH_TABLE_SPECS[t]),
    items: { [Symbol.iterator]: () => iterateHouseholds(size, options.seed, { details: false })[Symbol.iterator]() },
    total: size,
    addItem: (sink, bundle) => {
      const records = healthRecordsFor(bundle, options.seed);
      for (const r of records.enrolments) sink.add(HEALTH_TABLE_SPECS.insurance_enrolment, r);
      for (const r of records.doctorContracts) sink.add(HEALTH_TABLE_SPECS.family_doctor_contract, r);
      for (const r of records.specialTreatments) sink.add(HEALTH_TABLE_SPECS.serious_illness_treatment, r);
      for (const r of records.hospitalSettlements) sink.add(HEALTH_TABLE_SPECS.hospital_settlement, r);
    },
    replace: options.replace,
    method: options.method,
    chunkItems: options.chunkHouseholds,
    onProgress: options.onProgress,
  });
  return { method: result.method, households: size, rows: result.rows as Record<HealthTable, number>, milliseconds: result.milliseconds };
}
