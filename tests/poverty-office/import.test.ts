import { Pool } from 'pg';
import { schemaPool } from '../support/pools';
import { HouseholdBundle, iterateHouseholds, loadRegister } from '@saf/poverty-office';
import { incomes } from '../../subgraphs/poverty-office/src/imports';
import { startTestPovertyOffice, TestSubgraph } from '../support/povertyOffice';
import { csvOf, importCsv, ImportTarget, problemTriples, samplePath, sampleRows } from '../support/imports';

/**
 * The poverty office's import kind (issue 8) against the demo county `npm start` loads (2,000
 * households, seed 1): the register checks ask the poverty office itself, as for every department.
 */

const DEMO = { size: 2000, seed: 1 };
let po: TestSubgraph;
let pool: Pool;
let target: ImportTarget;
let households: HouseholdBundle[];

beforeAll(async () => {
  po = await startTestPovertyOffice();
  pool = schemaPool(po.subgraph.database.url, po.subgraph.database.schema);
  await loadRegister(pool, DEMO);
  target = { department: 'poverty-office', pool, registerUrl: po.subgraph.url };
  households = [...iterateHouseholds(DEMO.size, DEMO.seed)];
}, 300_000);
afterAll(async () => {
  await pool?.end();
  await po?.stop();
});

const incomesOf = async (year: number) =>
  (await pool.query('SELECT household_id, year, net_income_per_capita_fen::int, household_size FROM household_income WHERE year = $1 ORDER BY household_id', [year])).rows;

describe('incomes', () => {
  it('imports the sample file into the demo county, income in fen', async () => {
    const sample = sampleRows('poverty-office', incomes);
    const report = await importCsv(target, incomes, { file: samplePath('poverty-office', incomes) });
    expect(report).toMatchObject({ rows: sample.length, written: sample.length, unchanged: 0, rejected: 0, committed: true, problems: [] });
    expect(await incomesOf(2021)).toEqual(
      sample.map((r) => ({
        household_id: r.household_id,
        year: 2021,
        net_income_per_capita_fen: Math.round(Number(r.net_income_per_capita) * 100),
        household_size: Number(r.household_size),
      })),
    );
  });

  it('changes nothing when the sample is imported again', async () => {
    const before = await pool.query('SELECT household_id, recorded_at FROM household_income WHERE year = 2021 ORDER BY household_id');
    const report = await importCsv(target, incomes, { file: samplePath('poverty-office', incomes) });
    expect(report).toMatchObject({ rows: before.rows.length, written: 0, unchanged: before.rows.length, rejected: 0, committed: true });
    expect((await pool.query('SELECT household_id, recorded_at FROM household_income WHERE year = 2021 ORDER BY household_id')).rows).toEqual(before.rows);
  });

  it('reports every broken rule with its row, column and code, and writes only the good rows', async () => {
    const sampled = new Set(sampleRows('poverty-office', incomes).map((r) => r.household_id));
    const [a, b, c, d, e, f, g] = households.filter((x) => !sampled.has(x.household.id) && x.incomes.some((i) => i.year === 2020));
    const stored = g.incomes.find((i) => i.year === 2020)!;
    const row = (x: HouseholdBundle, overrides: Record<string, string> = {}) => ({
      household_id: x.household.id,
      year: '2022',
      net_income_per_capita: '6120.50',
      household_size: String(x.members.length),
      ...overrides,
    });
    const file = csvOf(incomes, [
      row(a), // 1: good
      row(b, { year: '2099' }), // 2: a year to come
      row(c, { year: '2012' }), // 3: before the register
      row(d, { net_income_per_capita: '-5.00' }), // 4: negative
      row(e, { net_income_per_capita: '1000000.01' }), // 5: implausible (yuan typed as fen?)
      row(f, { household_size: '0' }), // 6: nobody
      row(a, { net_income_per_capita: '7000.00' }), // 7: row 1's household and year again
      { ...row(b), household_id: `${b.village.code}9999` }, // 8: not in the register
      row(g, { year: '2020', net_income_per_capita: ((stored.netIncomePerCapitaFen + 100) / 100).toFixed(2), household_size: String(stored.householdSize) }), // 9: stored with another income
      row(c, { net_income_per_capita: '0.00', household_size: '1' }), // 10: good: no income at all
    ]);
    const report = await importCsv(target, incomes, file);
    expect(report).toMatchObject({ rows: 10, written: 2, rejected: 8, committed: true });
    expect(problemTriples(report)).toEqual([
      [2, 'year', 'INVALID_VALUE'],
      [3, 'year', 'INVALID_VALUE'],
      [4, 'net_income_per_capita', 'INVALID_MONEY'],
      [5, 'net_income_per_capita', 'INVALID_MONEY'],
      [6, 'household_size', 'INVALID_VALUE'],
      [7, '', 'DUPLICATE_IN_FILE'],
      [8, 'household_id', 'NOT_IN_REGISTER'],
      [9, 'net_income_per_capita', 'CONFLICTS_WITH_EXISTING'],
    ]);
    expect(await incomesOf(2022)).toEqual(
      [
        { household_id: a.household.id, year: 2022, net_income_per_capita_fen: 612050, household_size: a.members.length },
        { household_id: c.household.id, year: 2022, net_income_per_capita_fen: 0, household_size: 1 },
      ].sort((x, y) => (x.household_id < y.household_id ? -1 : 1)),
    );
    const [kept] = (await pool.query('SELECT net_income_per_capita_fen::int AS fen FROM household_income WHERE household_id = $1 AND year = 2020', [g.household.id])).rows;
    expect(kept.fen).toBe(stored.netIncomePerCapitaFen);
  });

  it('checks the register in its own transaction, within the officer\'s region', async () => {
    const [inside, outside] = [households[10], households.find((x) => x.town.code !== households[10].town.code)!];
    const town = inside.town.code.slice(0, 9);
    const file = csvOf(incomes, [
      { household_id: inside.household.id, year: '2023', net_income_per_capita: '8000.00', household_size: '2' },
      { household_id: outside.household.id, year: '2023', net_income_per_capita: '8000.00', household_size: '2' },
      { household_id: `${inside.village.code}9999`, year: '2023', net_income_per_capita: '8000.00', household_size: '2' },
    ]);
    const report = await importCsv(target, incomes, file, { caller: { role: 'department_officer', department: 'poverty-office', region: town } });
    expect(report).toMatchObject({ rows: 3, written: 1, rejected: 2 });
    expect(problemTriples(report)).toEqual([
      [2, 'household_id', 'OUT_OF_SCOPE'],
      [3, 'household_id', 'NOT_IN_REGISTER'],
    ]);
    expect((await incomesOf(2023)).map((r) => r.household_id)).toEqual([inside.household.id]);
  });

  it('refuses the whole file to an officer of another department, writing nothing', async () => {
    const last = households[households.length - 1].household.id;
    const file = csvOf(incomes, [{ household_id: last, year: '2022', net_income_per_capita: '5000.00', household_size: '3' }]);
    await expect(importCsv(target, incomes, file, { caller: { role: 'department_officer', department: 'education' } })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await pool.query('SELECT count(*)::int AS n FROM household_income WHERE household_id = $1 AND year = 2022', [last])).rows[0].n).toBe(0);
    // The same file as the poverty office's own officer is written.
    expect(await importCsv(target, incomes, file)).toMatchObject({ written: 1, committed: true });
  });
});
