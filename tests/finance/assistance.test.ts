import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { civilAffairsRecordsFor, monthsOf } from '@saf/civil-affairs';
import { educationRecordsFor } from '@saf/education';
import { finance, financeRecordsFor } from '@saf/finance';
import { healthRecordsFor } from '@saf/health';
import { housingRecordsFor, subsidiesPayable } from '@saf/housing';
import { DutyAreaCode } from '@saf/kit';
import { iterateHouseholds } from '@saf/poverty-office';
import { FINANCE_ROLES } from '../../subgraphs/finance/src/assistance/roles';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, metric } from '../support/graphql';

/*
 * Finance's part of the sector view (AreaAssistance.finance) and its dashboard aggregate
 * (financeMeasureTotals), on a fresh finance database next to a generated register of 120
 * households, with hand-made disbursements and loans inserted by SQL.
 */

let h: DepartmentHarness;
let A: string; // village 500154101201
let B: string; // same village
let C: string; // village 500154101202
let personA: string;
let pupilA: string;
let borrowerB: string;
const LOAN_A = 'XD-2018-A-0001';
const LOAN_B = 'XD-2017-B-0001';

const AREAS = Object.values(DutyAreaCode);
const sql = async (text: string, params: unknown[] = []) => (await h.pool.query(text, params)).rows;

interface Row {
  household: string;
  person?: string | null;
  programme: string;
  area: string;
  department: string;
  payee?: string;
  fen: number;
  paid: string;
  period: string;
  kind: string;
  batch: string;
  status?: 'PAID' | 'RETURNED' | 'FAILED';
  source?: string | null;
}

async function insertDisbursement(r: Row): Promise<string> {
  const status = r.status ?? 'PAID';
  const rows = await sql(
    `INSERT INTO disbursement (household_id, person_id, programme, duty_area, department, payee, amount_fen, payment_date, period, period_kind, year, batch_no, status, status_reason, returned_on, source_record_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, substr($9, 1, 4)::smallint, $11, $12, $13, $14, $15) RETURNING id`,
    [
      r.household, r.person ?? null, r.programme, r.area, r.department, r.payee ?? 'HOUSEHOLD', r.fen, r.paid, r.period, r.kind, r.batch, status,
      status === 'PAID' ? null : '账户冻结', status === 'RETURNED' ? r.paid : null, r.source ?? null,
    ],
  );
  return String(rows[0].id);
}

async function insertLoan(id: string, household: string, borrower: string, fen: number, from: string, maturity: string, status: string, repaidOn: string | null) {
  await sql(
    `INSERT INTO micro_loan (id, household_id, borrower_id, credit_rating, credit_line_fen, bank, amount_fen, disbursement_date, term_months, maturity_date, annual_rate_bp, purpose, status, repaid_on)
     VALUES ($1, $2, $3, 'AAA', 5000000, 'RURAL_COMMERCIAL_BANK', $4, $5, 36, $6, 435, 'LIVESTOCK', $7, $8)`,
    [id, household, borrower, fen, from, maturity, status, repaidOn],
  );
}

/** The hand-made records, by name, with their database IDs. */
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await startDepartmentHarness(finance, { households: 120 });
  A = h.households[0].household.id;
  B = h.households[1].household.id;
  C = h.households[45].household.id;
  personA = h.households[0].members[0].id;
  pupilA = h.households[0].members[4].id;
  borrowerB = h.households[1].members[0].id;
  expect(A.slice(0, 12)).toBe(B.slice(0, 12));
  expect(C.slice(0, 12)).not.toBe(A.slice(0, 12));
  expect(C.slice(0, 9)).toBe(A.slice(0, 9));

  // Household A: dibao 2019 (March paid; April returned, then re-issued), December 2018 dibao paid in January 2019.
  ids.dibaoMarch = await insertDisbursement({ household: A, programme: 'DIBAO_ALLOWANCE', area: 'SOCIAL_SAFETY_NET', department: 'CIVIL_AFFAIRS', fen: 60000, paid: '2019-03-10', period: '2019-03', kind: 'MONTH', batch: '500154-DB-201903-01', source: `DB-${A}-01` });
  ids.dibaoAprilReturned = await insertDisbursement({ household: A, programme: 'DIBAO_ALLOWANCE', area: 'SOCIAL_SAFETY_NET', department: 'CIVIL_AFFAIRS', fen: 60000, paid: '2019-04-10', period: '2019-04', kind: 'MONTH', batch: '500154-DB-201904-01', status: 'RETURNED', source: `DB-${A}-01` });
  ids.dibaoAprilReissued = await insertDisbursement({ household: A, programme: 'DIBAO_ALLOWANCE', area: 'SOCIAL_SAFETY_NET', department: 'CIVIL_AFFAIRS', fen: 60000, paid: '2019-05-24', period: '2019-04', kind: 'MONTH', batch: '500154-DB-201905-02', source: `DB-${A}-01` });
  ids.dibaoDecember2018 = await insertDisbursement({ household: A, programme: 'DIBAO_ALLOWANCE', area: 'SOCIAL_SAFETY_NET', department: 'CIVIL_AFFAIRS', fen: 55000, paid: '2019-01-24', period: '2018-12', kind: 'MONTH', batch: '500154-DB-201901-02', source: `DB-${A}-01` });
  // A's 2019 basic-insurance premium, collected in advance in September 2018.
  ids.premium = await insertDisbursement({ household: A, person: personA, programme: 'INSURANCE_PREMIUM_SUBSIDY', area: 'HEALTH', department: 'HEALTH', payee: 'INSURANCE_FUND', fen: 22000, paid: '2018-09-20', period: '2019', kind: 'YEAR', batch: '500154-YB-201809-01', source: `${personA}:2019:BASIC` });
  // A's pupil: spring 2019 aid item paid to the school; a failed payment for autumn (not a measure).
  ids.aid = await insertDisbursement({ household: A, person: pupilA, programme: 'EDUCATION_AID', area: 'EDUCATION', department: 'EDUCATION', payee: 'SCHOOL', fen: 25000, paid: '2019-05-12', period: '2019-S1', kind: 'SEMESTER', batch: '500154-JY-201905-01', source: `${pupilA}/2019-SPRING/PRE_SCHOOL_AID` });
  ids.aidFailed = await insertDisbursement({ household: A, person: pupilA, programme: 'EDUCATION_AID', area: 'EDUCATION', department: 'EDUCATION', payee: 'SCHOOL', fen: 25000, paid: '2019-11-12', period: '2019-S2', kind: 'SEMESTER', batch: '500154-JY-201911-01', status: 'FAILED', source: `${pupilA}/2019-AUTUMN/PRE_SCHOOL_AID` });
  // A's renovation accepted in December 2019, subsidy paid in February 2020 (period 2019).
  ids.renovation = await insertDisbursement({ household: A, programme: 'HOUSING_RENOVATION_SUBSIDY', area: 'HOUSING_RENOVATION', department: 'HOUSING', fen: 3500000, paid: '2020-02-10', period: '2019', kind: 'YEAR', batch: '500154-WG-202002-01', source: `${A}-R01` });
  // A's microcredit: a loan from May 2018, open; its 2019 Q1 interest subsidy.
  await insertLoan(LOAN_A, A, personA, 5000000, '2018-05-01', '2021-05-01', 'ACTIVE', null);
  ids.interest = await insertDisbursement({ household: A, person: personA, programme: 'MICROCREDIT_INTEREST_SUBSIDY', area: 'FINANCIAL_SERVICES', department: 'FINANCE', payee: 'PERSON', fen: 54375, paid: '2019-03-21', period: '2019-Q1', kind: 'QUARTER', batch: '500154-TX-201903-01', source: LOAN_A });

  // Household B: a loan repaid in June 2018; rainbow-plan aid for autumn 2019 (paid for the poverty office); an industry subsidy 2019.
  await insertLoan(LOAN_B, B, borrowerB, 3000000, '2017-06-01', '2020-06-01', 'REPAID', '2018-06-30');
  ids.rainbow = await insertDisbursement({ household: B, person: borrowerB, programme: 'RAINBOW_PLAN', area: 'EDUCATION', department: 'POVERTY_OFFICE', payee: 'PERSON', fen: 150000, paid: '2019-11-05', period: '2019-S2', kind: 'SEMESTER', batch: '500154-YL-201911-01', source: `${borrowerB}/2019-AUTUMN/RAINBOW_PLAN` });
  ids.industry = await insertDisbursement({ household: B, programme: 'INDUSTRY_SUBSIDY', area: 'INDUSTRY', department: 'AGRICULTURE', fen: 300000, paid: '2019-06-15', period: '2019', kind: 'YEAR', batch: '500154-CY-201906-01' });

  // Household C (the other village): dibao May 2019.
  ids.dibaoC = await insertDisbursement({ household: C, programme: 'DIBAO_ALLOWANCE', area: 'SOCIAL_SAFETY_NET', department: 'CIVIL_AFFAIRS', fen: 45000, paid: '2019-05-10', period: '2019-05', kind: 'MONTH', batch: '500154-DB-201905-01', source: `DB-${C}-01` });

  // Every household: one 2016 industry subsidy, so that the batching test below reads real rows.
  await sql(
    `INSERT INTO disbursement (household_id, programme, duty_area, department, payee, amount_fen, payment_date, period, period_kind, year, batch_no, status)
     SELECT id, 'INDUSTRY_SUBSIDY', 'INDUSTRY', 'AGRICULTURE', 'HOUSEHOLD', 100000, DATE '2016-06-15', '2016', 'YEAR', 2016, '500154-CY-201606-01', 'PAID'
       FROM unnest($1::text[]) AS id`,
    [h.households.map((b) => b.household.id)],
  );
}, 120_000);
afterAll(() => h?.stop());

const CONTRIBUTION = `finance { department role measures { department role recordType recordId programme year date amount personId onBehalfOf sourceRecordId } verdict { needed } }`;

async function contributions(reps: Array<{ householdId: string; area: string; year: number }>) {
  const res = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AreaAssistance { householdId area year ${CONTRIBUTION} } } }`, {
    r: reps.map((r) => ({ __typename: 'AreaAssistance', ...r })),
  });
  expect(res.errors).toBeUndefined();
  return res.data._entities as Array<{ householdId: string; area: string; year: number; finance: any }>;
}
const contributionOf = async (householdId: string, area: string, year: number) => (await contributions([{ householdId, area, year }]))[0].finance;

describe('the duty matrix', () => {
  it("gives finance's role in every area as duty-matrix.json does (SUPPORT in eleven, JOINT in FUND_SUPERVISION, none elsewhere)", () => {
    const matrix = JSON.parse(readFileSync(join(__dirname, '../../subgraphs/poverty-office/src/reference/duty-matrix.json'), 'utf8')) as {
      areas: Array<{ code: string; lead?: string[]; support?: string[]; joint?: string[] }>;
    };
    for (const a of matrix.areas) {
      const expected = a.lead?.includes('FINANCE') ? 'LEAD' : a.support?.includes('FINANCE') ? 'SUPPORT' : a.joint?.includes('FINANCE') ? 'JOINT' : undefined;
      expect([a.code, FINANCE_ROLES[a.code as DutyAreaCode]]).toEqual([a.code, expected]);
    }
  });
});

describe('AreaAssistance.finance', () => {
  it("lists the PAID payments of the year in the area, with the department paid for and that department's record; never a verdict", async () => {
    const c = await contributionOf(A, 'SOCIAL_SAFETY_NET', 2019);
    expect(c).toMatchObject({ department: 'FINANCE', role: 'SUPPORT', verdict: null });
    // The returned April payment is not a measure; its re-issue is. December 2018 (paid January 2019) belongs to 2018.
    expect(c.measures).toEqual([
      { department: 'FINANCE', role: 'SUPPORT', recordType: 'Disbursement', recordId: ids.dibaoMarch, programme: 'DIBAO_ALLOWANCE', year: 2019, date: '2019-03-10', amount: '600.00', personId: null, onBehalfOf: 'CIVIL_AFFAIRS', sourceRecordId: `DB-${A}-01` },
      { department: 'FINANCE', role: 'SUPPORT', recordType: 'Disbursement', recordId: ids.dibaoAprilReissued, programme: 'DIBAO_ALLOWANCE', year: 2019, date: '2019-05-24', amount: '600.00', personId: null, onBehalfOf: 'CIVIL_AFFAIRS', sourceRecordId: `DB-${A}-01` },
    ]);
  });

  it('counts a payment in the year of the period it pays for, not the year it was paid in', async () => {
    const [dibao2018, health2019, health2018, housing2019, housing2020] = await contributions([
      { householdId: A, area: 'SOCIAL_SAFETY_NET', year: 2018 },
      { householdId: A, area: 'HEALTH', year: 2019 },
      { householdId: A, area: 'HEALTH', year: 2018 },
      { householdId: A, area: 'HOUSING_RENOVATION', year: 2019 },
      { householdId: A, area: 'HOUSING_RENOVATION', year: 2020 },
    ]);
    expect(dibao2018.finance.measures.map((m: any) => [m.recordId, m.date, m.year])).toEqual([[ids.dibaoDecember2018, '2019-01-24', 2018]]);
    // The 2019 premium collected in September 2018 counts in 2019 (the insurance year), not in 2018.
    expect(health2019.finance.measures).toEqual([
      expect.objectContaining({ recordId: ids.premium, programme: 'INSURANCE_PREMIUM_SUBSIDY', personId: personA, onBehalfOf: 'HEALTH', sourceRecordId: `${personA}:2019:BASIC`, date: '2018-09-20', amount: '220.00' }),
    ]);
    expect(health2018.finance).toBeNull();
    // The subsidy of a renovation accepted in 2019 and paid in February 2020 counts in 2019 only.
    expect(housing2019.finance).toMatchObject({ role: 'SUPPORT', measures: [{ recordId: ids.renovation, onBehalfOf: 'HOUSING', sourceRecordId: `${A}-R01`, date: '2020-02-10', year: 2019, amount: '35000.00' }] });
    expect(housing2020.finance).toBeNull();
  });

  it('leaves out returned and failed payments (an area with only a failed payment in the year has no contribution)', async () => {
    // The failed autumn payment is not there.
    expect((await contributionOf(A, 'EDUCATION', 2019)).measures).toEqual([
      expect.objectContaining({ recordId: ids.aid, programme: 'EDUCATION_AID', personId: pupilA, onBehalfOf: 'EDUCATION', sourceRecordId: `${pupilA}/2019-SPRING/PRE_SCHOOL_AID` }),
    ]);
    await sql(`UPDATE disbursement SET status = 'FAILED', status_reason = '账号不存在' WHERE id = $1`, [ids.aid]);
    try {
      expect(await contributionOf(A, 'EDUCATION', 2019)).toBeNull();
    } finally {
      await sql(`UPDATE disbursement SET status = 'PAID', status_reason = NULL WHERE id = $1`, [ids.aid]);
    }
  });

  it('names the department a payment is for: rainbow-plan aid is paid for the poverty office against an education StudentAid', async () => {
    const c = await contributionOf(B, 'EDUCATION', 2019);
    expect(c.measures).toEqual([
      expect.objectContaining({ recordId: ids.rainbow, programme: 'RAINBOW_PLAN', onBehalfOf: 'POVERTY_OFFICE', sourceRecordId: `${borrowerB}/2019-AUTUMN/RAINBOW_PLAN`, personId: borrowerB }),
    ]);
    const industry = await contributionOf(B, 'INDUSTRY', 2019);
    expect(industry.measures).toEqual([expect.objectContaining({ recordId: ids.industry, onBehalfOf: 'AGRICULTURE', sourceRecordId: null, amount: '3000.00' })]);
  });

  it('shows microcredit loans outstanding in the year, and their interest subsidies, in FINANCIAL_SERVICES', async () => {
    const [a2019, b2019, b2018, b2017, b2016] = await contributions([
      { householdId: A, area: 'FINANCIAL_SERVICES', year: 2019 },
      { householdId: B, area: 'FINANCIAL_SERVICES', year: 2019 },
      { householdId: B, area: 'FINANCIAL_SERVICES', year: 2018 },
      { householdId: B, area: 'FINANCIAL_SERVICES', year: 2017 },
      { householdId: B, area: 'FINANCIAL_SERVICES', year: 2016 },
    ]);
    expect(a2019.finance).toMatchObject({ department: 'FINANCE', role: 'SUPPORT', verdict: null });
    // By date: the loan (disbursed May 2018) before the 2019 Q1 interest subsidy that refers to it.
    expect(a2019.finance.measures).toEqual([
      { department: 'FINANCE', role: 'SUPPORT', recordType: 'MicroLoan', recordId: LOAN_A, programme: 'MICROCREDIT_LOAN', year: 2019, date: '2018-05-01', amount: '50000.00', personId: personA, onBehalfOf: null, sourceRecordId: null },
      { department: 'FINANCE', role: 'SUPPORT', recordType: 'Disbursement', recordId: ids.interest, programme: 'MICROCREDIT_INTEREST_SUBSIDY', year: 2019, date: '2019-03-21', amount: '543.75', personId: personA, onBehalfOf: 'FINANCE', sourceRecordId: LOAN_A },
    ]);
    // B's loan ran from June 2017 to June 2018: a measure in 2017 and 2018, not in 2016 or 2019.
    expect(b2019.finance).toBeNull();
    expect(b2018.finance.measures).toEqual([expect.objectContaining({ recordType: 'MicroLoan', recordId: LOAN_B, year: 2018, date: '2017-06-01', amount: '30000.00', personId: borrowerB })]);
    expect(b2017.finance.measures.map((m: any) => m.recordId)).toEqual([LOAN_B]);
    expect(b2016.finance).toBeNull();
  });

  it('gives null where finance has no part or no measure: FUND_SUPERVISION (joint, programme-level), areas outside its duties, unknown households', async () => {
    const res = await contributions([
      { householdId: A, area: 'FUND_SUPERVISION', year: 2019 },
      { householdId: A, area: 'IDENTIFICATION_EXIT', year: 2019 },
      { householdId: A, area: 'TRANSPORT', year: 2019 },
      { householdId: C, area: 'EDUCATION', year: 2019 },
      { householdId: '5001541012029999', area: 'SOCIAL_SAFETY_NET', year: 2019 },
    ]);
    expect(res.map((r) => r.finance)).toEqual([null, null, null, null, null]);
    expect(res.map((r) => [r.householdId, r.area, r.year])).toEqual([
      [A, 'FUND_SUPERVISION', 2019], [A, 'IDENTIFICATION_EXIT', 2019], [A, 'TRANSPORT', 2019], [C, 'EDUCATION', 2019], ['5001541012029999', 'SOCIAL_SAFETY_NET', 2019],
    ]);
  });
});

describe('financeMeasureTotals', () => {
  const TOTALS = `query($p: String!, $y: Int!, $g: RegionGrouping) { financeMeasureTotals(regionPrefix: $p, year: $y, groupBy: $g) { regionCode department role area programme measures households amount } }`;
  const totals = async (p: string, y: number, g?: string) => {
    const res = await h.gql(TOTALS, { p, y, g });
    expect(res.errors).toBeUndefined();
    return res.data.financeMeasureTotals as any[];
  };
  const row = (regionCode: string, area: string, programme: string, measures: number, households: number, amount: string) => ({ regionCode, department: 'FINANCE', role: 'SUPPORT', area, programme, measures, households, amount });

  it('sums the hand-made 2019 measures per village, area and programme (PAID only, by period year, loans outstanding)', async () => {
    const v1 = A.slice(0, 12);
    const v2 = C.slice(0, 12);
    expect(await totals(A.slice(0, 6), 2019, 'VILLAGE')).toEqual([
      row(v1, 'EDUCATION', 'EDUCATION_AID', 1, 1, '250.00'),
      row(v1, 'EDUCATION', 'RAINBOW_PLAN', 1, 1, '1500.00'),
      row(v1, 'FINANCIAL_SERVICES', 'MICROCREDIT_INTEREST_SUBSIDY', 1, 1, '543.75'),
      row(v1, 'FINANCIAL_SERVICES', 'MICROCREDIT_LOAN', 1, 1, '50000.00'),
      row(v1, 'HEALTH', 'INSURANCE_PREMIUM_SUBSIDY', 1, 1, '220.00'),
      row(v1, 'HOUSING_RENOVATION', 'HOUSING_RENOVATION_SUBSIDY', 1, 1, '35000.00'),
      row(v1, 'INDUSTRY', 'INDUSTRY_SUBSIDY', 1, 1, '3000.00'),
      row(v1, 'SOCIAL_SAFETY_NET', 'DIBAO_ALLOWANCE', 2, 1, '1200.00'),
      row(v2, 'SOCIAL_SAFETY_NET', 'DIBAO_ALLOWANCE', 1, 1, '450.00'),
    ]);
  });

  it('groups by town by default, and counts distinct households', async () => {
    const town = A.slice(0, 9);
    const rows = await totals(A.slice(0, 6), 2019);
    expect(rows.find((r) => r.area === 'SOCIAL_SAFETY_NET')).toEqual(row(town, 'SOCIAL_SAFETY_NET', 'DIBAO_ALLOWANCE', 3, 2, '1650.00'));
    expect(rows.every((r) => r.regionCode === town)).toBe(true);
    // A village prefix keeps only its households.
    expect((await totals(C.slice(0, 12), 2019)).map((r) => [r.regionCode, r.programme, r.measures])).toEqual([[C.slice(0, 12), 'DIBAO_ALLOWANCE', 1]]);
  });

  it('follows the year: 2018 has the December dibao paid in January 2019 and the loans then outstanding', async () => {
    const v1 = A.slice(0, 12);
    expect(await totals(v1, 2018, 'VILLAGE')).toEqual([
      row(v1, 'FINANCIAL_SERVICES', 'MICROCREDIT_LOAN', 2, 2, '80000.00'),
      row(v1, 'SOCIAL_SAFETY_NET', 'DIBAO_ALLOWANCE', 1, 1, '550.00'),
    ]);
    expect(await totals(A.slice(0, 6), 2013)).toEqual([]);
  });

  it('agrees with the sum of the AreaAssistance.finance measures of every household', async () => {
    const reps = h.households.flatMap((b) => AREAS.map((area) => ({ householdId: b.household.id, area, year: 2019 })));
    const sums = new Map<string, { measures: number; households: Set<string>; fen: number }>();
    for (const e of await contributions(reps)) {
      for (const m of e.finance?.measures ?? []) {
        const k = `${e.householdId.slice(0, 9)}|${e.area}|${m.programme}`;
        const s = sums.get(k) ?? { measures: 0, households: new Set<string>(), fen: 0 };
        s.measures++;
        s.households.add(e.householdId);
        s.fen += Math.round(Number(m.amount) * 100);
        sums.set(k, s);
      }
    }
    const rows = await totals(A.slice(0, 6), 2019);
    expect(rows.map((r) => [r.regionCode, r.area, r.programme, r.measures, r.households, Math.round(Number(r.amount) * 100)])).toEqual(
      [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, s]) => [...k.split('|'), s.measures, s.households.size, s.fen]),
    );
  });

  it("rejects a bad region prefix or year with the kit's error codes", async () => {
    expect(errorCodes(await h.gql(TOTALS, { p: '5001', y: 2019 }))).toEqual([]); // a city prefix is fine
    expect(errorCodes(await h.gql(TOTALS, { p: '50015', y: 2019 }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(TOTALS, { p: 'abcdef', y: 2019 }))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await h.gql(TOTALS, { p: '500154', y: 1999 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('batching', () => {
  it('costs the same number of SQL statements for 10 and 100 households (19 areas each), and one for the totals', async () => {
    const statementsFor = async (n: number) => {
      const reps = h.households.slice(0, n).flatMap((b) => AREAS.map((area) => ({ householdId: b.household.id, area, year: 2016 })));
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const res = await contributions(reps);
      expect(res).toHaveLength(n * AREAS.length);
      expect(res.filter((e) => e.finance !== null)).toHaveLength(n); // each household's 2016 industry subsidy
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(ten).toBe(2); // the households' disbursements and their loans
    expect(hundred).toBe(ten);

    const before = await metric(h.department.url, 'saf_sql_statements_total');
    await totals(A.slice(0, 6), 2016);
    expect((await metric(h.department.url, 'saf_sql_statements_total')) - before).toBe(1);
  });

  async function totals(p: string, y: number) {
    const res = await h.gql(`query($p: String!, $y: Int!) { financeMeasureTotals(regionPrefix: $p, year: $y) { regionCode } }`, { p, y });
    expect(res.errors).toBeUndefined();
    return res.data.financeMeasureTotals;
  }
});

/*
 * What the lead departments can expect of finance in the generated data (README "Sector assistance"):
 * for each of their records, a PAID finance measure with sourceRecordId = the record's ID in the
 * record's year. The few misses are the generator's deliberate gaps (about 1-3 %).
 */
describe('sourceRecordId in the generated data', () => {
  const households = [...iterateHouseholds(400, 1, { details: false })];
  const paidFor = households.map((b) => {
    const paid = new Set<string>();
    for (const d of financeRecordsFor(b, 1).disbursements) if (d.status === 'PAID' && d.sourceRecordId) paid.add(`${d.sourceRecordId}|${d.year}`);
    return paid;
  });
  /** Share of (record ID, year) pairs with a PAID payment. */
  const share = (pick: (b: (typeof households)[number]) => Array<[string, number]>) => {
    let n = 0;
    let hit = 0;
    households.forEach((b, i) => {
      for (const [id, year] of pick(b)) {
        n++;
        if (paidFor[i].has(`${id}|${year}`)) hit++;
      }
    });
    return { n, share: hit / Math.max(1, n) };
  };

  it('pays housing renovations that passed acceptance, against the RenovationProject ID, in the acceptance year', () => {
    const s = share((b) => subsidiesPayable(housingRecordsFor(b, 1)).map((r) => [r.renovationId, Number(r.acceptanceDate.slice(0, 4))]));
    expect(s.n).toBeGreaterThan(50);
    expect(s.share).toBeGreaterThan(0.95);
    const unaccepted = share((b) => housingRecordsFor(b, 1).renovations.filter((r) => r.acceptanceResult !== 'PASSED').flatMap((r) => [2014, 2015, 2016, 2017, 2018, 2019, 2020].map((y): [string, number] => [r.id, y])));
    expect(unaccepted.share).toBe(0);
  });

  it('pays education StudentAid items against their ID in the calendar year of the semester', () => {
    const s = share((b) => educationRecordsFor(b, 1).aid.filter((a) => a.status !== 'REVOKED').map((a) => [a.id, a.year]));
    expect(s.n).toBeGreaterThan(1000);
    expect(s.share).toBeGreaterThan(0.95);
  });

  it('pays dibao against the DibaoEnrolment ID in every year the enrolment is in force', () => {
    const s = share((b) =>
      civilAffairsRecordsFor(b, 1).dibaoEnrolments.flatMap((e) => [...new Set(monthsOf(e.startDate, e.endDate).map((m) => Number(m.slice(0, 4))))].map((y): [string, number] => [e.id, y])),
    );
    expect(s.n).toBeGreaterThan(100);
    expect(s.share).toBeGreaterThan(0.99);
  });

  it('pays the premiums health says finance subsidises against the InsuranceEnrolment ID (insurance year), and never those civil affairs funds', () => {
    const subsidies = (b: (typeof households)[number], by: string) => healthRecordsFor(b, 1).premiumSubsidies.filter((p) => p.subsidisingDepartment === by).map((p): [string, number] => [p.enrolmentId, p.year]);
    const byFinance = share((b) => subsidies(b, 'FINANCE'));
    expect(byFinance.n).toBeGreaterThan(1000);
    expect(byFinance.share).toBeGreaterThan(0.97);
    expect(share((b) => subsidies(b, 'CIVIL_AFFAIRS')).share).toBe(0);
  });
});
