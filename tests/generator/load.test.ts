import { Pool } from 'pg';
import { isValidResidentId } from '@saf/kit';
import { HouseholdBundle, PRESETS, iterateHouseholds, loadRegister } from '../../subgraphs/poverty-office/src/generator';
import { ScratchDatabase, createScratchDatabase, migrateRegister, tableDigests } from './database';

/** Loads the generator into real PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432). */
jest.setTimeout(120_000);

const SEED = 7;
let db: ScratchDatabase;
let demo: Pool;
let loaded: Awaited<ReturnType<typeof loadRegister>>;
const expected: HouseholdBundle[] = [];

beforeAll(async () => {
  db = await createScratchDatabase();
  demo = await db.pool('register_a');
  await migrateRegister(demo);
  const progress: Array<[number, number]> = [];
  loaded = await loadRegister(demo, { size: 'demo', seed: SEED, onProgress: (d, t) => progress.push([d, t]) });
  expect(progress[0]).toEqual([0, PRESETS.demo]);
  expect(progress[progress.length - 1]).toEqual([PRESETS.demo, PRESETS.demo]);
  for (const b of iterateHouseholds('demo', SEED)) expected.push(b);
});

afterAll(async () => {
  await db?.drop();
});

const count = async (pool: Pool, sql: string) => Number((await pool.query(sql)).rows[0].n);

describe('loadRegister on PostgreSQL', () => {
  it('loads the demo preset with COPY, the same rows the iterator yields', async () => {
    expect(loaded.method).toBe('copy');
    expect(loaded.households).toBe(PRESETS.demo);
    expect(await count(demo, 'SELECT count(*) n FROM household')).toBe(PRESETS.demo);
    const persons = expected.flatMap((b) => b.members);
    expect(await count(demo, 'SELECT count(*) n FROM person')).toBe(persons.length);
    expect(loaded.rows.person).toBe(persons.length);
    expect(await count(demo, 'SELECT count(*) n FROM procedure_step')).toBe(expected.reduce((s, b) => s + b.procedureSteps.length, 0));
    expect(await count(demo, 'SELECT count(*) n FROM household_visit')).toBe(expected.reduce((s, b) => s + b.visits.length, 0));
    const { rows } = await demo.query('SELECT id, resident_id, name, birth_date::text AS birth FROM person ORDER BY id');
    expect(rows.map((r) => [r.id, r.resident_id, r.name, r.birth])).toEqual(persons.map((p) => [p.id, p.residentId, p.name, p.birthDate]));
  });

  it('stores valid resident IDs and region-prefixed household IDs', async () => {
    const { rows } = await demo.query('SELECT resident_id FROM person');
    expect(rows.filter((r) => !isValidResidentId(r.resident_id))).toEqual([]);
    expect(await count(demo, 'SELECT count(*) n FROM household WHERE left(id, 12) <> region_code')).toBe(0);
    expect(await count(demo, "SELECT count(*) n FROM household h JOIN region r ON r.code = h.region_code WHERE r.level <> 5 OR r.parent_code IS NULL")).toBe(0);
    expect(await count(demo, "SELECT count(*) n FROM region WHERE level = 5 AND is_poor_village")).toBeGreaterThan(0);
  });

  it('keeps status periods without overlaps and exactly one open period per household', async () => {
    expect(await count(demo, `
      SELECT count(*) n FROM household_status_period a JOIN household_status_period b
        ON a.household_id = b.household_id AND a.effective_from < b.effective_from
       AND (a.effective_to IS NULL OR a.effective_to > b.effective_from)`)).toBe(0);
    expect(await count(demo, `
      SELECT count(*) n FROM household h
       WHERE (SELECT count(*) FROM household_status_period p WHERE p.household_id = h.id AND p.effective_to IS NULL) <> 1`)).toBe(0);
    expect(await count(demo, `
      SELECT count(*) n FROM household h JOIN household_status_period p ON p.household_id = h.id AND p.effective_to IS NULL
       WHERE p.status <> h.status`)).toBe(0);
  });

  it('matches the Kaizhou cause mix and keeps incomes on the right side of the line', async () => {
    const { rows } = await demo.query('SELECT main_cause, count(*)::float / sum(count(*)) OVER () * 100 AS pct FROM household GROUP BY main_cause');
    const pct = Object.fromEntries(rows.map((r) => [r.main_cause, Number(r.pct)]));
    expect(Math.abs(pct.ILLNESS - 36.39)).toBeLessThan(3);
    expect(Math.abs(pct.SCHOOLING - 24.68)).toBeLessThan(3);
    // Exited households are above their year's line from the exit year on (until any return).
    expect(await count(demo, `
      SELECT count(*) n FROM household h JOIN household_income i ON i.household_id = h.id
        JOIN poverty_line l ON l.year = i.year
       WHERE h.status = 'EXITED_WITH_POLICY' AND i.year >= h.exit_year AND i.net_income_per_capita_fen <= l.amount_fen`)).toBe(0);
    const below = await count(demo, `
      SELECT count(*) n FROM household h JOIN household_income i ON i.household_id = h.id AND i.year = 2020
        JOIN poverty_line l ON l.year = 2020
       WHERE h.status = 'NOT_EXITED' AND i.net_income_per_capita_fen < l.amount_fen`);
    expect(below / (await count(demo, "SELECT count(*) n FROM household WHERE status = 'NOT_EXITED'"))).toBeGreaterThan(0.75);
  });

  it('writes byte-identical tables for the same seed, and different ones for another seed', async () => {
    const again = await db.pool('register_b');
    await migrateRegister(again);
    await loadRegister(again, { size: 'demo', seed: SEED, analyze: false });
    const a = await tableDigests(demo);
    expect(await tableDigests(again)).toEqual(a);

    const other = await db.pool('register_c');
    await migrateRegister(other);
    await loadRegister(other, { size: 'demo', seed: SEED + 1, analyze: false });
    const c = await tableDigests(other);
    expect(c.person).not.toBe(a.person);
    expect(c.household).not.toBe(a.household);
  });

  it('writes the same rows through the INSERT fallback as through COPY', async () => {
    const viaCopy = await db.pool('register_copy');
    const viaInsert = await db.pool('register_insert');
    await migrateRegister(viaCopy);
    await migrateRegister(viaInsert);
    await loadRegister(viaCopy, { size: 300, seed: 3, method: 'copy', chunkHouseholds: 120 });
    const result = await loadRegister(viaInsert, { size: 300, seed: 3, method: 'insert', insertBatchRows: 500 });
    expect(result.method).toBe('insert');
    expect(await tableDigests(viaInsert)).toEqual(await tableDigests(viaCopy));
  });

  it('refuses to load over an existing register unless asked to replace it', async () => {
    const pool = await db.pool('register_replace');
    await migrateRegister(pool);
    await loadRegister(pool, { size: 150, seed: 1, analyze: false });
    await expect(loadRegister(pool, { size: 150, seed: 1 })).rejects.toThrow(/already holds rows; load with replace/);
    expect(await count(pool, 'SELECT count(*) n FROM household')).toBe(150);
    await loadRegister(pool, { size: 80, seed: 2, replace: true, analyze: false });
    expect(await count(pool, 'SELECT count(*) n FROM household')).toBe(80);
    expect(await count(pool, 'SELECT min(id) n FROM household_visit')).toBe(1);
    expect(await count(pool, 'SELECT count(*) n FROM region r WHERE level = 5 AND NOT EXISTS (SELECT 1 FROM household h WHERE h.region_code = r.code)')).toBe(0);
  });
});
