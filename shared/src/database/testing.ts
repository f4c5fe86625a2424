import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseTarget } from './target';

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/**
 * A throw-away database for one test file: a fresh database on TEST_DATABASE_URL's server when
 * that is set, otherwise an in-memory PGlite.
 */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const serverUrl = env.TEST_DATABASE_URL;
  if (!serverUrl) return { target: { kind: 'embedded', dataDir: 'memory://' }, drop: async () => {} };
  const name = `saf_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'url', url: url.toString() },
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
