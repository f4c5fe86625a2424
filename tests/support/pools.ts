import { Pool } from 'pg';

/**
 * A pool on one department's schema, for assertions and loads in tests.
 *
 * `pool.end()` resolves before its connections have closed, and the test database is then dropped
 * WITH (FORCE): a connection still closing reports 57P01, which an unheard pool 'error' would turn
 * into a crash of whichever test file runs next. Errors after end() are that and nothing else.
 */
export function schemaPool(url: string, schema: string, max = 1): Pool {
  const pool = new Pool({ connectionString: url, max, options: `-c search_path=${schema}` });
  pool.on('error', (error) => {
    if (!pool.ending) throw error;
  });
  return pool;
}
