import path from 'node:path';

/** Where a department's database lives: a PostgreSQL URL, or the embedded PGlite default. */
export type DatabaseTarget =
  | { kind: 'url'; url: string }
  | { kind: 'embedded'; dataDir: string }; // a folder, or 'memory://' for throw-away databases

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** 'poverty-office' -> 'poverty_office': the department's PostgreSQL schema. */
export function schemaName(department: string): string {
  return department.replace(/-/g, '_');
}

/**
 * POVERTY_OFFICE_DATABASE_URL (one database per department) wins over DATABASE_URL (one shared
 * database, one schema per department); without either, the embedded PGlite under DATA_DIR.
 */
export function resolveDatabaseTarget(department: string, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env[`${schemaName(department).toUpperCase()}_DATABASE_URL`] || env.DATABASE_URL;
  if (url) return { kind: 'url', url };
  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(REPO_ROOT, '.data');
  return { kind: 'embedded', dataDir: path.join(dataDir, department) };
}
