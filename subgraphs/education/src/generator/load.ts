import type { Pool } from 'pg';
import { bulkLoad, LoadMethod } from '@saf/kit';
import { HouseholdBundle, iterateHouseholds, RegisterPreset, resolveSize } from '@saf/poverty-office';
import { educationRecordsFor } from './records';
import { EDUCATION_TABLE_ORDER, EDUCATION_TABLE_SPECS, EDUCATION_TABLES, EducationTable } from './tables';

export interface EducationLoadOptions {
  /** Households of the register: a number, or a preset ('demo', 'county', 'province'). */
  size: number | RegisterPreset;
  /** The register's seed (the same households and persons as the poverty office's). */
  seed: number;
  onProgress?: (done: number, total: number) => void;
  /** Default 'auto': 'insert' on PGlite, 'copy' on PostgreSQL. */
  method?: LoadMethod | 'auto';
  /** Empty the education tables first. Without it, loading into tables that hold records fails. */
  replace?: boolean;
  chunkHouseholds?: number;
  analyze?: boolean;
}

export interface EducationLoadResult {
  method: LoadMethod;
  households: number;
  rows: Record<EducationTable, number>;
  milliseconds: number;
}

/**
 * Generates the education records of every household of the register (same size and seed) and
 * writes them in one transaction, chunk by chunk (COPY on PostgreSQL, INSERTs on PGlite). Tables are
 * unqualified: the pool's search_path picks the education schema.
 */
export async function loadEducation(pool: Pool, options: EducationLoadOptions): Promise<EducationLoadResult> {
  const size = resolveSize(options.size);
  const T = EDUCATION_TABLES;
  const result = await bulkLoad<HouseholdBundle>(pool, {
    tables: EDUCATION_TABLE_SPECS,
    // Visits and procedure steps are not needed here; skipping them changes nothing else.
    items: { [Symbol.iterator]: () => iterateHouseholds(size, options.seed, { details: false })[Symbol.iterator]() },
    total: size,
    addItem: (sink, bundle) => {
      const r = educationRecordsFor(bundle, options.seed);
      for (const row of r.enrolments) sink.add(T.student_enrolment, row);
      for (const row of r.aid) sink.add(T.student_aid, row);
      for (const row of r.dropoutCases) sink.add(T.dropout_case, row);
      for (const row of r.followUps) sink.add(T.dropout_follow_up, row);
      for (const row of r.homeTeaching) sink.add(T.home_teaching, row);
    },
    replace: options.replace,
    method: options.method,
    chunkItems: options.chunkHouseholds,
    onProgress: options.onProgress,
    analyze: options.analyze,
  });
  return { method: result.method, households: size, rows: result.rows as Record<EducationTable, number>, milliseconds: result.milliseconds };
}
