import type { Pool } from 'pg';
import { bulkLoad, LoadMethod } from '@saf/kit';
import { cadreRows, regionRows } from './county';
import { HouseholdBundle } from './household';
import { GenerateOptions, countyModel, householdsOf, resolveSize } from './register';
import { REGISTER_TABLES, RegisterTable } from './rows';
import { TABLE_SPECS } from './tables';
import type { RegisterLoadOptions } from './followRegister';

export type { LoadMethod };

/** The common load options; `replace` also deletes the county's towns and villages. */
export interface LoadOptions extends GenerateOptions, RegisterLoadOptions {}

export interface LoadResult {
  method: LoadMethod;
  households: number;
  /** Rows written per table (regions: inserted or brought up to date). */
  rows: Record<RegisterTable, number>;
  milliseconds: number;
}

/**
 * Generates the register and writes it into the register tables (unqualified names: the caller's
 * connection chooses the schema through its search_path) in one transaction, in foreign-key order,
 * chunk by chunk so that memory stays constant. The same size and seed always write the same rows.
 */
export async function loadRegister(pool: Pool, options: LoadOptions): Promise<LoadResult> {
  const size = resolveSize(options.size);
  const county = countyModel(size, options.seed);
  let povertyLines: Record<number, number> = {};
  const result = await bulkLoad<HouseholdBundle>(pool, {
    tables: REGISTER_TABLES.map((t) => TABLE_SPECS[t]),
    // Lazy: the poverty lines are read from the database in `before`, then the households generated.
    items: { [Symbol.iterator]: () => householdsOf(county, { ...options, povertyLines })[Symbol.iterator]() },
    total: size,
    addItem: (sink, b) => {
      sink.add(TABLE_SPECS.household, b.household);
      for (const { age: _age, ...person } of b.members) sink.add(TABLE_SPECS.person, person);
      for (const r of b.statusPeriods) sink.add(TABLE_SPECS.household_status_period, r);
      for (const r of b.incomes) sink.add(TABLE_SPECS.household_income, r);
      for (const r of b.visits) sink.add(TABLE_SPECS.household_visit, r);
      for (const r of b.cadreAssignments) sink.add(TABLE_SPECS.cadre_assignment, r);
      for (const r of b.procedureSteps) sink.add(TABLE_SPECS.procedure_step, r);
    },
    before: async (client, sink) => {
      povertyLines = { ...(await readPovertyLines(client)), ...(options.povertyLines ?? {}) };
      // Regions may already exist (e.g. the province): their spec upserts.
      for (const r of regionRows(county)) sink.add(TABLE_SPECS.region, r);
      for (const c of cadreRows(county)) sink.add(TABLE_SPECS.cadre, c);
    },
    replace: options.replace,
    method: options.method,
    chunkItems: options.chunkHouseholds,
    insertBatchRows: options.insertBatchRows,
    onProgress: options.onProgress,
    analyze: options.analyze,
  });
  return { method: result.method, households: size, rows: result.rows as Record<RegisterTable, number>, milliseconds: result.milliseconds };
}

/** The poverty_line table as yuan by year, or {} when it is missing or empty. */
async function readPovertyLines(client: { query: Pool['query'] }): Promise<Record<number, number>> {
  const { rows: exists } = await client.query("SELECT to_regclass('poverty_line') IS NOT NULL AS ok");
  if (!exists[0].ok) return {};
  const { rows } = await client.query('SELECT year, amount_fen FROM poverty_line');
  return Object.fromEntries(rows.map((r: { year: number; amount_fen: string }) => [Number(r.year), Number(r.amount_fen) / 100]));
}
