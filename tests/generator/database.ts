import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { schemaPool } from '../support/pools';
import type { QueryRunner } from 'typeorm';
import { Register1700000000001 } from '../../subgraphs/poverty-office/src/migrations/1700000000001-Register';
import { DEFAULT_POVERTY_LINES_YUAN, REGISTER_TABLES } from '../../subgraphs/poverty-office/src/generator';

/** The PostgreSQL server for generator tests: TEST_DATABASE_URL, else the local server. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  /** A pool whose connections use `schema` (created on first use). */
  pool(schema: string): Promise<Pool>;
  drop(): Promise<void>;
}

/** A fresh database on SERVER_URL. The generator's COPY path needs a real server, so none is a failure. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const admin = new Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  const name = `saf_gen_test_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const pools: Pool[] = [];
  return {
    url: url.toString(),
    async pool(schema: string) {
      const pool = schemaPool(url.toString(), schema, 2);
      pool.on('error', () => undefined);
      pools.push(pool);
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      return pool;
    },
    async drop() {
      await Promise.all(pools.map((p) => p.end()));
      const c = new Client({ connectionString: SERVER_URL });
      c.on('error', () => undefined);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs the register migration's DDL (and fills poverty_line as the reference data does). */
export async function migrateRegister(pool: Pool, povertyLines = true): Promise<void> {
  const runner = { query: (sql: string, params?: unknown[]) => pool.query(sql, params) } as unknown as QueryRunner;
  await new Register1700000000001().up(runner);
  if (povertyLines) {
    for (const [year, yuan] of Object.entries(DEFAULT_POVERTY_LINES_YUAN)) {
      await pool.query("INSERT INTO poverty_line (year, amount_fen, verified, source) VALUES ($1, $2, true, 'test')", [Number(year), yuan * 100]);
    }
  }
}

/** md5 of each register table's full contents, for byte-for-byte comparisons. */
export async function tableDigests(pool: Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of REGISTER_TABLES) {
    const { rows } = await pool.query(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM ${table} t`);
    out[table] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}
