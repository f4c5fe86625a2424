import { Pool } from 'pg';
import type { DepartmentDatabase, Logger } from '@saf/kit';
import { loadRegister, PRESETS, progressReporter } from './generator';

/**
 * First start on an empty database: loads the demo county (DEMO_HOUSEHOLDS households, default
 * the demo preset; 0 skips it) so that a new user has something to explore.
 */
export async function loadDemoRegister(database: DepartmentDatabase, log: Logger): Promise<void> {
  const size = Number(process.env.DEMO_HOUSEHOLDS ?? PRESETS.demo);
  if (size <= 0) return;
  log.info({ households: size }, 'empty register: loading demo data (first start only)');
  const pool = new Pool({ connectionString: database.url, max: 1, options: `-c search_path=${database.schema},public` });
  try {
    await loadRegister(pool, { size, seed: 1, onProgress: progressReporter('demo register') });
  } finally {
    await pool.end();
  }
}
