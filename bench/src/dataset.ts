import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { ROOT } from './platform';
import type { Dataset } from './scenarios';

export interface DatasetInfo {
  databaseUrl: string;
  households: number;
  /** Seconds the generator took, when this run loaded it. */
  loadSeconds: number | null;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The bench's own database per size (saf_bench_<size>) on the PostgreSQL of BENCH_DATABASE_URL,
 * loaded once with `npm run generate` and reused while the marker says it holds that size.
 */
export async function ensureDataset(serverUrl: string, size: number, seed: number, log: (line: string) => void): Promise<DatasetInfo> {
  const database = `saf_bench_${size}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = withDatabase(serverUrl, database);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('CREATE TABLE IF NOT EXISTS public.bench_dataset (size int NOT NULL, seed int NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now(), load_seconds real NOT NULL)');
    const marker = await db.query('SELECT load_seconds FROM public.bench_dataset WHERE size = $1 AND seed = $2', [size, seed]);
    if (marker.rowCount) {
      log(`dataset: ${database} already holds ${size.toLocaleString('en')} households (loaded in ${Math.round(marker.rows[0].load_seconds)} s)`);
      return { databaseUrl, households: size, loadSeconds: null };
    }
    log(`dataset: loading ${size.toLocaleString('en')} households into ${database} (npm run generate)…`);
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/generate.js', '--size', String(size), '--seed', String(seed), '--reset'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: 'inherit',
    });
    if (run.status !== 0) throw new Error('the generator failed; see above');
    const loadSeconds = (Date.now() - started) / 1000;
    await db.query('DELETE FROM public.bench_dataset');
    await db.query('INSERT INTO public.bench_dataset (size, seed, load_seconds) VALUES ($1, $2, $3)', [size, seed, loadSeconds]);
    return { databaseUrl, households: size, loadSeconds };
  } finally {
    await db.end();
  }
}

/** The county, its towns and a random sample of households the scenarios draw from. */
export async function sampleDataset(databaseUrl: string, year: number): Promise<Dataset> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const towns = await db.query<{ town: string }>('SELECT DISTINCT substr(id, 1, 9) AS town FROM poverty_office.household ORDER BY 1');
    const households = await db.query<{ id: string }>('SELECT id FROM poverty_office.household TABLESAMPLE SYSTEM (10) LIMIT 2000');
    const ids = households.rows.length ? households.rows : (await db.query<{ id: string }>('SELECT id FROM poverty_office.household LIMIT 2000')).rows;
    return { county: towns.rows[0].town.slice(0, 6), towns: towns.rows.map((r) => r.town), households: ids.map((r) => r.id), year };
  } finally {
    await db.end();
  }
}
