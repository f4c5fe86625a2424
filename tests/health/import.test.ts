import { health, HealthRecords, healthRecordsFor, loadHealth } from '@saf/health';
import { insurance, settlements } from '../../subgraphs/health/src/imports';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { csvOf, importCsv, ImportTarget, problemTriples, samplePath, sampleRows } from '../support/imports';

/**
 * The health department's import kinds (issue 8) against the demo county `npm start` loads
 * (2,000 households, seed 1) with its generated health records: the sample files import cleanly,
 * a re-run changes nothing, and every rule a row can break is reported.
 */

const DEMO = { households: 2000, seed: 1 };
let h: DepartmentHarness;
let target: ImportTarget;
let generated: HealthRecords[];

beforeAll(async () => {
  h = await startDepartmentHarness(health, { ...DEMO, load: (pool, o) => loadHealth(pool, o) });
  target = { department: 'health', pool: h.pool, registerUrl: h.register.subgraph.url };
  generated = h.households.map((b) => healthRecordsFor(b, DEMO.seed));
}, 300_000);
afterAll(() => h?.stop());

const query = async (sql: string, params: unknown[] = []) => (await h.pool.query(sql, params)).rows;
/** Demo persons (with their households), from the n-th household on. */
const personsFrom = (n: number, count: number) =>
  h.households.slice(n).flatMap((b) => b.members.map((m) => ({ household_id: b.household.id, person_id: m.id }))).slice(0, count);
const fen = (yuan: string) => Math.round(Number(yuan) * 100);

describe('insurance', () => {
  const stored = () =>
    query(`SELECT id, household_id, person_id, year, scheme, premium_fen::int, individual_contribution_fen::int, subsidy_status, subsidy_fen::int,
                  subsidising_department, to_char(enrolled_on, 'YYYY-MM-DD') AS enrolled_on, to_char(cancelled_on, 'YYYY-MM-DD') AS cancelled_on, cancellation_reason
           FROM insurance_enrolment WHERE year = 2021 ORDER BY id`);

  it('imports the sample file into the demo county, with the derived ID and subsidy status, money in fen', async () => {
    const sample = sampleRows('health', insurance);
    const report = await importCsv(target, insurance, { file: samplePath('health', insurance) });
    expect(report).toMatchObject({ rows: sample.length, written: sample.length, unchanged: 0, rejected: 0, committed: true, problems: [] });

    const status = (individual: number, subsidy: number) => (subsidy === 0 ? 'NONE' : individual === 0 ? 'FULL' : 'PARTIAL');
    expect(await stored()).toEqual(
      sample
        .map((r) => ({
          id: `${r.person_id}:2021:${r.scheme}`,
          household_id: r.household_id,
          person_id: r.person_id,
          year: 2021,
          scheme: r.scheme,
          premium_fen: fen(r.premium),
          individual_contribution_fen: fen(r.individual_contribution),
          subsidy_status: status(fen(r.individual_contribution), fen(r.subsidy)),
          subsidy_fen: fen(r.subsidy),
          subsidising_department: r.subsidising_department || null,
          enrolled_on: r.enrolled_on,
          cancelled_on: r.cancelled_on || null,
          cancellation_reason: r.cancellation_reason || null,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // The sample has every subsidy status.
    expect(new Set((await stored()).map((r) => r.subsidy_status))).toEqual(new Set(['FULL', 'PARTIAL', 'NONE']));
    expect(await query(`SELECT premium_fen::int, subsidy_fen::int, subsidy_status FROM insurance_enrolment WHERE subsidy_status = 'PARTIAL' AND year = 2021`)).toEqual([
      { premium_fen: 32000, subsidy_fen: 22400, subsidy_status: 'PARTIAL' },
    ]);
  });

  it('changes nothing when the sample is imported again', async () => {
    const before = await stored();
    const report = await importCsv(target, insurance, { file: samplePath('health', insurance) });
    expect(report).toMatchObject({ rows: before.length, written: 0, unchanged: before.length, rejected: 0, committed: true });
    expect(await stored()).toEqual(before);
  });

  it('reports every broken rule with its row, column and code, and writes only the good rows', async () => {
    const p = personsFrom(300, 14);
    const basic2020 = generated.flatMap((g) => g.enrolments).find((e) => e.year === 2020 && e.scheme === 'BASIC')!;
    const row = (i: number, overrides: Record<string, string> = {}) => ({
      ...p[i],
      year: '2022',
      scheme: 'BASIC',
      premium: '350.00',
      individual_contribution: '0.00',
      subsidy: '350.00',
      subsidising_department: 'FINANCE',
      enrolled_on: '2021-11-02',
      cancelled_on: '',
      cancellation_reason: '',
      ...overrides,
    });
    const critical = { scheme: 'CRITICAL_ILLNESS', premium: '70.00', subsidy: '0.00', subsidising_department: '' };
    const file = csvOf(insurance, [
      row(0), // 1: good BASIC, fully subsidised
      row(0, critical), // 2: good: its BASIC is row 1
      row(1, { individual_contribution: '100.00' }), // 3: contribution + subsidy above the premium
      row(2, { subsidy: '300.00' }), // 4: BASIC parts do not add up to the premium
      row(3, { individual_contribution: '350.00', subsidy: '0.00' }), // 5: a department without a subsidy
      row(4, { individual_contribution: '100.00', subsidy: '250.00', subsidising_department: '' }), // 6: a subsidy without its department
      row(5, { enrolled_on: '2021-06-30' }), // 7: before the enrolment window of 2022
      row(6, { cancelled_on: '2022-03-01' }), // 8: cancelled without a reason
      row(7, { cancelled_on: '2021-10-01', cancellation_reason: '死亡' }), // 9: cancelled before the enrolment
      row(8, critical), // 10: CRITICAL_ILLNESS with no BASIC enrolment anywhere
      row(3, critical), // 11: its BASIC (row 5) was rejected
      row(9, { premium: '12.345' }), // 12: not yuan with 2 decimals
      row(10, { premium: '5000.01' }), // 13: above the plausible premium
      { ...row(11), household_id: basic2020.householdId, person_id: basic2020.personId, year: '2020', enrolled_on: '2019-12-01' }, // 14: stored with other values
      row(12, { individual_contribution: '350.00', subsidy: '0.00', subsidising_department: '' }), // 15: good, unsubsidised
    ]);
    const report = await importCsv(target, insurance, file);
    expect(report).toMatchObject({ rows: 15, written: 3, rejected: 12, committed: true });
    expect(problemTriples(report)).toEqual([
      [3, 'subsidy', 'INVALID_VALUE'],
      [4, 'individual_contribution', 'INVALID_VALUE'],
      [5, 'subsidising_department', 'INVALID_VALUE'],
      [6, 'subsidising_department', 'MISSING_VALUE'],
      [7, 'enrolled_on', 'INVALID_VALUE'],
      [8, 'cancellation_reason', 'MISSING_VALUE'],
      [9, 'cancelled_on', 'INVALID_VALUE'],
      [10, 'scheme', 'NO_BASIC_ENROLMENT'],
      [11, 'scheme', 'NO_BASIC_ENROLMENT'],
      [12, 'premium', 'INVALID_MONEY'],
      [13, 'premium', 'INVALID_MONEY'],
      [14, 'premium', 'CONFLICTS_WITH_EXISTING'],
    ]);
    expect(report.problems.find((x) => x.row === 7)!.reason).toMatch(/between 2021-07-01 and 2022-12-31/);

    const written = await query(`SELECT id, subsidy_status, premium_fen::int FROM insurance_enrolment WHERE year = 2022 ORDER BY id`);
    expect(written).toEqual([
      { id: `${p[0].person_id}:2022:BASIC`, subsidy_status: 'FULL', premium_fen: 35000 },
      { id: `${p[0].person_id}:2022:CRITICAL_ILLNESS`, subsidy_status: 'NONE', premium_fen: 7000 },
      { id: `${p[12].person_id}:2022:BASIC`, subsidy_status: 'NONE', premium_fen: 35000 },
    ]);
    expect(await query('SELECT premium_fen::int FROM insurance_enrolment WHERE id = $1', [basic2020.id])).toEqual([{ premium_fen: basic2020.premiumFen }]);
  });
});

describe('settlements', () => {
  const stored = (year: number) =>
    query(
      `SELECT settlement_number, household_id, person_id, hospital_name, hospital_level, diagnosis, to_char(admitted_on, 'YYYY-MM-DD') AS admitted_on,
              to_char(discharged_on, 'YYYY-MM-DD') AS discharged_on, year, total_cost_fen::int, basic_insurance_fen::int, critical_illness_fen::int,
              medical_assistance_fen::int, safety_net_fen::int, commercial_top_up_fen::int, out_of_pocket_fen::int, deferred_payment,
              to_char(deferred_paid_on, 'YYYY-MM-DD') AS deferred_paid_on, one_stop_settled
       FROM hospital_settlement WHERE year = $1 ORDER BY settlement_number`,
      [year],
    );

  it('imports the sample file into the demo county, the settlement year from the discharge date, money in fen', async () => {
    const sample = sampleRows('health', settlements);
    const report = await importCsv(target, settlements, { file: samplePath('health', settlements) });
    expect(report).toMatchObject({ rows: sample.length, written: sample.length, unchanged: 0, rejected: 0, committed: true, problems: [] });
    expect(await stored(2021)).toEqual(
      sample
        .map((r) => ({
          settlement_number: r.settlement_number,
          household_id: r.household_id,
          person_id: r.person_id,
          hospital_name: r.hospital_name,
          hospital_level: r.hospital_level,
          diagnosis: r.diagnosis || null,
          admitted_on: r.admitted_on,
          discharged_on: r.discharged_on,
          year: 2021,
          total_cost_fen: fen(r.total_cost),
          basic_insurance_fen: fen(r.basic_insurance),
          critical_illness_fen: fen(r.critical_illness),
          medical_assistance_fen: fen(r.medical_assistance),
          safety_net_fen: fen(r.safety_net),
          commercial_top_up_fen: fen(r.commercial_top_up),
          out_of_pocket_fen: fen(r.out_of_pocket),
          deferred_payment: r.deferred_payment === 'true',
          deferred_paid_on: r.deferred_paid_on || null,
          one_stop_settled: r.one_stop_settled === 'true',
        }))
        .sort((a, b) => (a.settlement_number < b.settlement_number ? -1 : 1)),
    );
  });

  it('changes nothing when the sample is imported again', async () => {
    const before = await stored(2021);
    const report = await importCsv(target, settlements, { file: samplePath('health', settlements) });
    expect(report).toMatchObject({ rows: before.length, written: 0, unchanged: before.length, rejected: 0, committed: true });
    expect(await stored(2021)).toEqual(before);
  });

  it('reports every broken rule with its row, column and code, and writes only the good rows', async () => {
    const p = personsFrom(600, 14);
    const past = generated.flatMap((g) => g.hospitalSettlements).find((s) => s.year === 2019 && s.dischargedOn > s.admittedOn)!;
    const row = (i: number, number: string, overrides: Record<string, string> = {}) => ({
      ...p[i],
      settlement_number: `ZY2022TEST${number}`,
      hospital_name: '重庆市开州区人民医院',
      hospital_level: 'COUNTY',
      diagnosis: '肺炎',
      admitted_on: '2022-03-01',
      discharged_on: '2022-03-08',
      total_cost: '5000.00',
      basic_insurance: '3500.00',
      critical_illness: '0.00',
      medical_assistance: '500.00',
      safety_net: '250.00',
      commercial_top_up: '0.00',
      out_of_pocket: '750.00',
      deferred_payment: 'false',
      deferred_paid_on: '',
      one_stop_settled: 'true',
      ...overrides,
    });
    const file = csvOf(settlements, [
      row(0, '01'), // 1: good
      row(0, '02', { admitted_on: '2022-03-08', discharged_on: '2022-03-20' }), // 2: good: admitted the day row 1 was discharged (a transfer)
      row(0, '03', { admitted_on: '2022-03-10', discharged_on: '2022-03-12' }), // 3: overlaps row 2's stay
      row(1, '04', { out_of_pocket: '700.00' }), // 4: the parts do not add up to the total
      row(2, '05', { basic_insurance: '4800.00', out_of_pocket: '0.00' }), // 5: the paid parts exceed the total
      row(3, '06', { discharged_on: '2022-02-27' }), // 6: discharged before admission
      row(4, '07', { admitted_on: '2021-01-01', discharged_on: '2022-03-08' }), // 7: a stay of more than 366 days
      row(5, '08', { deferred_paid_on: '2022-04-01' }), // 8: paid later, but not a deferred payment
      row(6, '09', { deferred_payment: 'true', deferred_paid_on: '2022-03-07' }), // 9: paid before discharge
      row(7, '1 0'), // 10: not a settlement number
      row(8, '11', { total_cost: '0.00', basic_insurance: '0.00', medical_assistance: '0.00', safety_net: '0.00', out_of_pocket: '0.00' }), // 11: no cost
      row(9, '12', { one_stop_settled: 'maybe' }), // 12: not a boolean
      { ...row(10, '13'), household_id: past.householdId, person_id: past.personId, admitted_on: past.admittedOn, discharged_on: past.dischargedOn }, // 13: overlaps a stored stay
      { ...row(11, '14', { hospital_name: '另一家医院' }), settlement_number: past.settlementNumber, household_id: past.householdId, person_id: past.personId }, // 14: a stored settlement, other values
      { ...row(12, '15'), household_id: past.householdId, person_id: past.personId, admitted_on: past.dischargedOn, discharged_on: past.dischargedOn }, // 15: good: touches the stored stay
    ]);
    const report = await importCsv(target, settlements, file);
    expect(report).toMatchObject({ rows: 15, written: 3, rejected: 12, committed: true });
    expect(problemTriples(report)).toEqual([
      [3, 'admitted_on', 'OVERLAPPING_STAY'],
      [4, 'out_of_pocket', 'INVALID_VALUE'],
      [5, 'total_cost', 'INVALID_VALUE'],
      [6, 'discharged_on', 'INVALID_VALUE'],
      [7, 'discharged_on', 'INVALID_VALUE'],
      [8, 'deferred_paid_on', 'INVALID_VALUE'],
      [9, 'deferred_paid_on', 'INVALID_VALUE'],
      [10, 'settlement_number', 'INVALID_VALUE'],
      [11, 'total_cost', 'INVALID_VALUE'],
      [12, 'one_stop_settled', 'INVALID_VALUE'],
      [13, 'admitted_on', 'OVERLAPPING_STAY'],
      [14, 'hospital_name', 'CONFLICTS_WITH_EXISTING'],
    ]);
    expect(report.problems.find((x) => x.row === 3)!.reason).toMatch(/in row 2/);
    expect(report.problems.find((x) => x.row === 13)!.reason).toContain(past.settlementNumber);

    expect((await stored(2022)).map((r) => [r.settlement_number, r.year, r.total_cost_fen, r.out_of_pocket_fen])).toEqual([
      ['ZY2022TEST01', 2022, 500000, 75000],
      ['ZY2022TEST02', 2022, 500000, 75000],
    ]);
    expect(await query(`SELECT person_id, year FROM hospital_settlement WHERE settlement_number = 'ZY2022TEST15'`)).toEqual([{ person_id: past.personId, year: past.year }]);
  });
});
