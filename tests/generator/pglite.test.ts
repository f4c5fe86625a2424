import { Pool } from 'pg';
import { EmbeddedPostgres, startEmbeddedPostgres } from '@saf/kit';
import { detectLoadMethod, iterateHouseholds, loadRegister } from '../../subgraphs/poverty-office/src/generator';
import { migrateRegister } from './database';

/**
 * The embedded default: PGlite served over pglite-socket, where COPY FROM STDIN is not available.
 * The loader detects it and falls back to multi-row INSERTs.
 */
jest.setTimeout(120_000);

let embedded: EmbeddedPostgres;
let pool: Pool;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres('memory://', 'poverty_office');
  // pglite-socket ignores startup options such as search_path; the kit set it for everyone.
  pool = new Pool({ connectionString: embedded.url, max: 1 });
  await migrateRegister(pool);
});

afterAll(async () => {
  await pool?.end();
  await embedded?.stop();
});

describe('loadRegister on PGlite', () => {
  it('detects PGlite and loads through batched INSERTs', async () => {
    const client = await pool.connect();
    try {
      expect(await detectLoadMethod(client)).toBe('insert');
    } finally {
      client.release();
    }
    const result = await loadRegister(pool, { size: 200, seed: 11 });
    expect(result.method).toBe('insert');
    const bundles = [...iterateHouseholds(200, 11)];
    const persons = bundles.flatMap((b) => b.members);
    const n = async (sql: string) => Number((await pool.query(sql)).rows[0].n);
    expect(await n('SELECT count(*) n FROM household')).toBe(200);
    expect(await n('SELECT count(*) n FROM person')).toBe(persons.length);
    expect(await n('SELECT count(*) n FROM procedure_step')).toBe(bundles.reduce((s, b) => s + b.procedureSteps.length, 0));
    expect(await n('SELECT count(*) n FROM cadre_assignment')).toBe(bundles.reduce((s, b) => s + b.cadreAssignments.length, 0));
    const { rows } = await pool.query('SELECT p.id, p.resident_id, h.other_causes FROM person p JOIN household h ON h.id = p.household_id ORDER BY p.id');
    expect(rows.map((r) => [r.id, r.resident_id])).toEqual(persons.map((p) => [p.id, p.residentId]));
    const causes = await pool.query('SELECT other_causes FROM household ORDER BY id');
    expect(causes.rows.map((r) => r.other_causes)).toEqual(bundles.map((b) => b.household.otherCauses));
    // The connection still works after the load (nothing went wrong at the protocol level).
    expect(await n('SELECT 1 n')).toBe(1);
  });
});
