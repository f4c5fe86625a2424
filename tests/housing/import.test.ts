import { housing, HousingRecords, housingRecordsFor, loadHousing } from '@saf/housing';
import { appraisals } from '../../subgraphs/housing/src/imports';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { csvOf, importCsv, ImportTarget, problemTriples, samplePath, sampleRows } from '../support/imports';

/**
 * The housing department's import kind (issue 8) against the demo county `npm start` loads
 * (2,000 households, seed 1) with its generated housing records: the sample file imports cleanly
 * under the department's own record numbers and moves each household's latest appraisal, a re-run
 * changes nothing, and every rule a row can break is reported.
 */

const DEMO = { households: 2000, seed: 1 };
let h: DepartmentHarness;
let target: ImportTarget;
let generated: HousingRecords[];

beforeAll(async () => {
  h = await startDepartmentHarness(housing, { ...DEMO, load: (pool, o) => loadHousing(pool, o) });
  target = { department: 'housing', pool: h.pool, registerUrl: h.register.subgraph.url };
  generated = h.households.map((b) => housingRecordsFor(b, DEMO.seed));
}, 300_000);
afterAll(() => h?.stop());

const appraisalsOf = async (households: string[]) =>
  (
    await h.pool.query(
      `SELECT id, household_id, to_char(appraisal_date, 'YYYY-MM-DD') AS appraisal_date, rating, appraiser, method, structure, floor_area::text, year_built,
              danger_points, is_latest
       FROM dwelling_appraisal WHERE household_id = ANY($1) ORDER BY id`,
      [households],
    )
  ).rows;
const generatedOf = (household: string) => generated.find((g) => g.householdId === household)!.appraisals;

describe('appraisals', () => {
  it('imports the sample file into the demo county under the next record numbers, and moves each household\'s latest appraisal', async () => {
    const sample = sampleRows('housing', appraisals);
    const households = sample.map((r) => r.household_id);
    const report = await importCsv(target, appraisals, { file: samplePath('housing', appraisals) });
    expect(report).toMatchObject({ rows: sample.length, written: sample.length, unchanged: 0, rejected: 0, committed: true, problems: [] });

    const stored = await appraisalsOf(households);
    for (const r of sample) {
      const before = generatedOf(r.household_id);
      const number = String(before.length + 1).padStart(2, '0');
      expect(stored.filter((a) => a.household_id === r.household_id)).toEqual([
        ...before.map((a) => expect.objectContaining({ id: a.id, appraisal_date: a.appraisalDate, is_latest: false })),
        {
          id: `${r.household_id}-A${number}`,
          household_id: r.household_id,
          appraisal_date: r.appraisal_date,
          rating: r.rating,
          appraiser: r.appraiser,
          method: r.method,
          structure: r.structure,
          floor_area: Number(r.floor_area).toFixed(2),
          year_built: r.year_built ? Number(r.year_built) : null,
          danger_points: r.danger_points || null,
          is_latest: true,
        },
      ]);
    }
  });

  it('changes nothing when the sample is imported again', async () => {
    const households = sampleRows('housing', appraisals).map((r) => r.household_id);
    const before = await appraisalsOf(households);
    const report = await importCsv(target, appraisals, { file: samplePath('housing', appraisals) });
    expect(report).toMatchObject({ rows: households.length, written: 0, unchanged: households.length, rejected: 0, committed: true });
    expect(await appraisalsOf(households)).toEqual(before);
  });

  it('reports every broken rule with its row, column and code, and writes only the good rows', async () => {
    const sampled = new Set(sampleRows('housing', appraisals).map((r) => r.household_id));
    const fresh = generated.filter((g) => !sampled.has(g.householdId) && g.appraisals.length > 0).slice(0, 12);
    const [backDated, twice, ...others] = fresh;
    const stored = others[9].appraisals[0];
    const row = (g: HousingRecords, overrides: Record<string, string> = {}) => ({
      household_id: g.householdId,
      appraisal_date: '2022-04-18',
      rating: 'B',
      appraiser: '开州区住房和城乡建设委员会鉴定组',
      method: 'COUNTY_HOUSING_BUREAU',
      structure: 'BRICK_CONCRETE',
      floor_area: '85.5',
      year_built: '1998',
      danger_points: '屋面瓦片局部破损',
      ...overrides,
    });
    const file = csvOf(appraisals, [
      row(backDated, { appraisal_date: '2013-03-02', rating: 'D' }), // 1: good, older than the household's latest
      row(twice, { appraisal_date: '2022-05-20', rating: 'A' }), // 2: good
      row(twice, { appraisal_date: '2022-03-01', rating: 'C' }), // 3: good, the earlier of the two
      row(others[0], { year_built: '2023' }), // 4: built after the appraisal
      row(others[1], { floor_area: '85.555' }), // 5: three decimals
      row(others[2], { floor_area: '4.99' }), // 6: too small
      row(others[3], { appraisal_date: '2099-01-01' }), // 7: in the future
      row(others[4], { appraisal_date: '2012-12-31' }), // 8: before the data
      row(others[5], { rating: 'E' }), // 9: no such rating
      row(others[6], { appraiser: '' }), // 10: no appraiser
      row(others[7], { appraiser: '鉴'.repeat(61) }), // 11: too long
      row(others[8], { method: 'SELF' }), // 12: no such method
      row(twice, { appraisal_date: '2022-05-20', rating: 'B' }), // 13: row 2's household and day again
      row(others[9], { appraisal_date: stored.appraisalDate, rating: stored.rating === 'A' ? 'D' : 'A' }), // 14: a stored appraisal, another rating
    ]);
    const report = await importCsv(target, appraisals, file);
    expect(report).toMatchObject({ rows: 14, written: 3, rejected: 11, committed: true });
    expect(problemTriples(report)).toEqual([
      [4, 'year_built', 'INVALID_VALUE'],
      [5, 'floor_area', 'INVALID_VALUE'],
      [6, 'floor_area', 'INVALID_VALUE'],
      [7, 'appraisal_date', 'INVALID_DATE'],
      [8, 'appraisal_date', 'INVALID_DATE'],
      [9, 'rating', 'INVALID_VALUE'],
      [10, 'appraiser', 'MISSING_VALUE'],
      [11, 'appraiser', 'INVALID_VALUE'],
      [12, 'method', 'INVALID_VALUE'],
      [13, '', 'DUPLICATE_IN_FILE'], // a two-column key: the row as a whole
      [14, 'rating', 'CONFLICTS_WITH_EXISTING'],
    ]);

    // Back-dated: a new number, but the latest appraisal stays the one it was.
    const back = await appraisalsOf([backDated.householdId]);
    const n = backDated.appraisals.length;
    expect(back.map((a) => [a.id, a.appraisal_date, a.is_latest])).toEqual([
      ...backDated.appraisals.map((a) => [a.id, a.appraisalDate, a.isLatest]),
      [`${backDated.householdId}-A${String(n + 1).padStart(2, '0')}`, '2013-03-02', false],
    ]);
    // Two in one file: numbered in file order; the later date is the latest.
    const two = await appraisalsOf([twice.householdId]);
    const m = twice.appraisals.length;
    expect(two.slice(-2).map((a) => [a.id, a.appraisal_date, a.rating, a.floor_area, a.is_latest])).toEqual([
      [`${twice.householdId}-A${String(m + 1).padStart(2, '0')}`, '2022-05-20', 'A', '85.50', true],
      [`${twice.householdId}-A${String(m + 2).padStart(2, '0')}`, '2022-03-01', 'C', '85.50', false],
    ]);
    expect(two.filter((a) => a.is_latest)).toHaveLength(1);
    expect(await appraisalsOf(others.map((g) => g.householdId))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ appraisal_date: '2022-04-18' })]),
    );
  });
});
