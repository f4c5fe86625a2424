import { finance, loadFinance } from '@saf/finance';
import type { HouseholdBundle } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { describeSubgraphCompatibility } from '../support/federationCompatibility';
import { errorCodes, metric } from '../support/graphql';

/** The finance subgraph on a generated county of 200 households, next to the register. */
let h: DepartmentHarness;
let disbursementIds: string[] = [];
let loanIds: string[] = [];
beforeAll(async () => {
  h = await startDepartmentHarness(finance, { households: 200, load: (pool, o) => loadFinance(pool, o) });
  disbursementIds = (await h.pool.query('SELECT id FROM disbursement ORDER BY id LIMIT 10')).rows.map((r) => String(r.id));
  loanIds = (await h.pool.query('SELECT id FROM micro_loan ORDER BY id LIMIT 10')).rows.map((r) => r.id);
}, 120_000);
afterAll(() => h?.stop());

const UNKNOWN_HOUSEHOLD = '5001541012990001';
const sql = async (text: string, params: unknown[] = []) => (await h.pool.query(text, params)).rows;
const count = async (table: string) => Number((await sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
const TABLES = ['disbursement', 'micro_loan', 'micro_loan_repayment', 'risk_fund_contribution', 'risk_fund_compensation', 'change_event', 'idempotency_key'];
const counts = () => Promise.all(TABLES.map(count));
const yuan = (fen: number | string) => `${BigInt(fen) / 100n}.${String(BigInt(fen) % 100n).padStart(2, '0')}`;
let keySeq = 0;
const key = (name: string) => `${name}-${++keySeq}-${Date.now()}`;

describeSubgraphCompatibility('finance', () => h.department.url, [
  {
    typename: 'Household',
    selection: '... on Household { disbursements { id amount } microcredit { id repayments { principal } interestSubsidies { id } } }',
    known: () => h.households.slice(0, 10).map((b) => ({ id: b.household.id })),
    unknown: { id: UNKNOWN_HOUSEHOLD },
    unknownIsNull: false,
    statements: 4,
  },
  {
    typename: 'Person',
    selection: '... on Person { disbursements { id programme } microLoans { id } }',
    known: () => h.households.slice(0, 10).flatMap((b) => b.members.map((m) => ({ id: m.id }))),
    unknown: { id: `${UNKNOWN_HOUSEHOLD}-01` },
    unknownIsNull: false,
    statements: 2,
  },
  {
    typename: 'Disbursement',
    selection: '... on Disbursement { id amount programme dutyArea department }',
    known: () => disbursementIds.map((id) => ({ id })),
    unknown: { id: '999999999' },
  },
  {
    typename: 'MicroLoan',
    selection: '... on MicroLoan { id amount status annualRate }',
    known: () => loanIds.map((id) => ({ id })),
    unknown: { id: 'XD2099NOTALOAN1' },
  },
]);

describe('batching', () => {
  it('costs the same number of SQL statements for 10 and 100 households', async () => {
    const statementsFor = async (n: number) => {
      const reps = h.households.slice(0, n).map((b) => ({ __typename: 'Household', id: b.household.id }));
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const res = await h.gql(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household {
          disbursements(year: 2018) { id amount person { id } }
          disbursementTotals(year: 2018) { dutyArea paidAmount }
          microcredit { id borrower { id } repayments { date } interestSubsidised compensation { amount } }
          openMicroLoan { id }
        } } }`,
        { r: reps },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data._entities).toHaveLength(n);
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
  });
});

describe('root queries', () => {
  it('pages disbursements by region and year with an exact count and total', async () => {
    const town = h.households[0].household.id.slice(0, 9);
    const query = `query($f: DisbursementFilter, $after: String) {
      disbursements(filter: $f, first: 7, after: $after) {
        totalCount summary { count totalAmount } pageInfo { hasNextPage endCursor } nodes { id householdId year amount }
      } }`;
    const filter = { regionPrefix: town, year: 2018 };
    const first = await h.gql(query, { f: filter });
    expect(first.errors).toBeUndefined();
    const [expected] = await sql(
      'SELECT count(*)::int AS n, sum(amount_fen)::bigint AS total FROM disbursement WHERE household_id LIKE $1 AND year = 2018',
      [`${town}%`],
    );
    const page = first.data.disbursements;
    expect(page.totalCount).toBe(expected.n);
    expect(page.totalCount).toBeGreaterThan(7);
    expect(page.summary).toEqual({ count: expected.n, totalAmount: yuan(expected.total) });
    expect(page.nodes).toHaveLength(7);
    expect(page.pageInfo.hasNextPage).toBe(true);
    for (const n of page.nodes) {
      expect(n.householdId.startsWith(town)).toBe(true);
      expect(n.year).toBe(2018);
    }
    const second = await h.gql(query, { f: filter, after: page.pageInfo.endCursor });
    const ids = [...page.nodes, ...second.data.disbursements.nodes].map((n: { householdId: string; id: string }) => [n.householdId, Number(n.id)] as const);
    const sorted = [...ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(ids).toEqual(sorted);
    expect(new Set(ids.map((i) => i[1])).size).toBe(14);
  });

  it('filters by programme, duty area, department and status, and sums by group', async () => {
    const res = await h.gql(`{
      housing: disbursements(filter: { dutyArea: HOUSING_RENOVATION, department: HOUSING }, first: 3) { totalCount nodes { programme dutyArea department } }
      returned: disbursements(filter: { status: RETURNED, year: 2017 }, first: 1000) { totalCount nodes { status statusReason returnedOn year } }
      totals: disbursementTotals(filter: { year: 2019 }, groupBy: [DUTY_AREA, DEPARTMENT]) { dutyArea department count amount paidAmount unpaidAmount programme }
      rules: financeProgrammeRules { programme dutyArea department isDefault }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.housing.nodes.every((n: any) => n.programme === 'HOUSING_RENOVATION_SUBSIDY' && n.department === 'HOUSING')).toBe(true);
    expect(res.data.returned.totalCount).toBeGreaterThan(0);
    expect(res.data.returned.nodes.every((n: any) => n.status === 'RETURNED' && n.statusReason && n.returnedOn && n.year === 2017)).toBe(true);
    const expected = await sql(
      `SELECT duty_area, department, count(*)::int AS n, sum(amount_fen)::bigint AS total, sum(amount_fen) FILTER (WHERE status = 'PAID')::bigint AS paid
       FROM disbursement WHERE year = 2019 GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(res.data.totals).toEqual(
      expected.map((r) => ({ dutyArea: r.duty_area, department: r.department, programme: null, count: r.n, amount: yuan(r.total), paidAmount: yuan(r.paid), unpaidAmount: yuan(Number(r.total) - Number(r.paid)) })),
    );
    expect(res.data.rules.filter((r: any) => r.programme === 'INSURANCE_PREMIUM_SUBSIDY').map((r: any) => [r.department, r.isDefault])).toEqual([
      ['HEALTH', true],
      ['CIVIL_AFFAIRS', false],
    ]);
  });

  it('lists loans by region, status and year with totals, and the county risk fund with its leverage', async () => {
    const res = await h.gql(`{
      loans: microLoans(filter: { regionPrefix: "500154", year: 2016 }, first: 2) { totalCount summary { count totalAmount } pageInfo { hasNextPage } nodes { id disbursementDate annualRate annualRateBasisPoints } }
      byStatus: microLoanTotals(filter: { regionPrefix: "500154" }, groupBy: [STATUS]) { status count amount principalOutstanding interestSubsidised }
      funds: microcreditRiskFunds(regionPrefix: "500154") { countyCode year openingBalance contributions compensations closingBalance principalOutstanding loansOutstanding leverage contributionRecords { amount } }
    }`);
    expect(res.errors).toBeUndefined();
    const [loans] = await sql(`SELECT count(*)::int AS n, sum(amount_fen)::bigint AS total FROM micro_loan WHERE disbursement_date BETWEEN '2016-01-01' AND '2016-12-31'`);
    expect(res.data.loans.totalCount).toBe(loans.n);
    expect(res.data.loans.summary).toEqual({ count: loans.n, totalAmount: yuan(loans.total) });
    for (const l of res.data.loans.nodes) {
      expect(l.disbursementDate.startsWith('2016')).toBe(true);
      expect(l.annualRate).toBe((l.annualRateBasisPoints / 100).toFixed(2));
    }
    const statuses = await sql('SELECT status, count(*)::int AS n FROM micro_loan GROUP BY 1 ORDER BY 1');
    expect(res.data.byStatus.map((t: any) => [t.status, t.count])).toEqual(statuses.map((s) => [s.status, s.n]));
    const repaid = res.data.byStatus.find((t: any) => t.status === 'REPAID');
    expect(repaid.principalOutstanding).toBe('0.00');
    expect(Number(repaid.interestSubsidised)).toBeGreaterThan(0);

    const funds = res.data.funds;
    expect(funds.length).toBeGreaterThanOrEqual(5);
    for (const [i, f] of funds.entries()) {
      expect(f.countyCode).toBe('500154000000');
      if (i > 0) expect(f.openingBalance).toBe(funds[i - 1].closingBalance);
      const closing = Number(f.openingBalance) + Number(f.contributions) - Number(f.compensations);
      expect(Number(f.closingBalance)).toBeCloseTo(closing, 2);
      if (Number(f.closingBalance) > 0) expect(Number(f.leverage)).toBeCloseTo(Number(f.principalOutstanding) / Number(f.closingBalance), 2);
      expect(f.contributionRecords.reduce((s: number, c: any) => s + Number(c.amount), 0)).toBeCloseTo(Number(f.contributions), 2);
    }
    // Outstanding at the end of 2017, recomputed from the tables.
    const [book] = await sql(`
      SELECT count(*)::int AS n, COALESCE(sum(l.amount_fen - COALESCE((SELECT sum(principal_fen) FROM micro_loan_repayment r WHERE r.loan_id = l.id AND r.repayment_date <= '2017-12-31'), 0)), 0)::bigint AS outstanding
      FROM micro_loan l WHERE l.disbursement_date <= '2017-12-31' AND (l.repaid_on IS NULL OR l.repaid_on > '2017-12-31') AND (l.defaulted_on IS NULL OR l.defaulted_on > '2017-12-31')`);
    const f2017 = funds.find((f: any) => f.year === 2017);
    expect(f2017.loansOutstanding).toBe(book.n);
    expect(f2017.principalOutstanding).toBe(yuan(book.outstanding));
    expect(Number(f2017.leverage)).toBeGreaterThan(3);
  });

  it('rejects bad filters with clear codes', async () => {
    const res = await Promise.all([
      h.gql('{ disbursements(filter: { regionPrefix: "5001" }) { totalCount } }'),
      h.gql('{ disbursements(filter: { regionPrefix: "50015" }) { totalCount } }'),
      h.gql('{ disbursements(filter: { year: 1999 }) { totalCount } }'),
      h.gql('{ disbursements(first: 5000) { totalCount } }'),
      h.gql('{ disbursements(after: "bm9wZQ") { totalCount } }'),
      h.gql('{ microLoans(filter: { status: LATE }) { totalCount } }'),
      h.gql('{ microcreditRiskFunds(regionPrefix: "500154101") { year } }'),
    ]);
    expect(res.map((r) => errorCodes(r)[0])).toEqual([undefined, 'INVALID_REGION_CODE', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'INVALID_REGION_CODE']);
    expect(res[0].errors).toBeUndefined();
    expect(res[2].errors![0].extensions!.field).toBe('filter.year');
  });
});

describe('household and person fields', () => {
  it('gives a household its payments by year and programme, totals by duty area, and loans', async () => {
    const [row] = await sql(`SELECT household_id FROM micro_loan GROUP BY household_id ORDER BY household_id LIMIT 1`);
    const id = row.household_id;
    const res = await h.gql(
      `query($id: HouseholdId!) { _entities(representations: [{ __typename: "Household", id: $id }]) { ... on Household {
        all: disbursements { id }
        y2018: disbursements(year: 2018) { year }
        subsidies: disbursements(programme: MICROCREDIT_INTEREST_SUBSIDY) { sourceRecordId dutyArea department }
        totals: disbursementTotals(year: 2018) { dutyArea department programme count paidAmount }
        microcredit { id householdId borrower { id } interestSubsidies { id } interestSubsidised }
      } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const hh = res.data._entities[0];
    const [n] = await sql('SELECT count(*)::int AS n FROM disbursement WHERE household_id = $1', [id]);
    expect(hh.all).toHaveLength(n.n);
    expect(hh.y2018.every((d: any) => d.year === 2018)).toBe(true);
    expect(hh.microcredit.length).toBeGreaterThan(0);
    const loanIdsOfHousehold = hh.microcredit.map((l: any) => l.id);
    expect(hh.subsidies.every((d: any) => loanIdsOfHousehold.includes(d.sourceRecordId) && d.dutyArea === 'FINANCIAL_SERVICES' && d.department === 'FINANCE')).toBe(true);
    expect(hh.microcredit.reduce((s: number, l: any) => s + l.interestSubsidies.length, 0)).toBe(hh.subsidies.length);
    const sum2018 = await sql(`SELECT duty_area, sum(amount_fen) FILTER (WHERE status = 'PAID')::bigint AS paid FROM disbursement WHERE household_id = $1 AND year = 2018 GROUP BY 1`, [id]);
    for (const s of sum2018) {
      const mine = hh.totals.filter((t: any) => t.dutyArea === s.duty_area).reduce((acc: number, t: any) => acc + Math.round(Number(t.paidAmount) * 100), 0);
      expect(mine).toBe(Number(s.paid ?? 0));
    }
  });

  it('gives a person the payments made for them', async () => {
    const [row] = await sql(`SELECT person_id, count(*)::int AS n FROM disbursement WHERE programme = 'EDUCATION_AID' GROUP BY 1 ORDER BY 1 LIMIT 1`);
    const res = await h.gql(`query($id: PersonId!) { _entities(representations: [{ __typename: "Person", id: $id }]) { ... on Person { aid: disbursements(programme: EDUCATION_AID) { personId periodKind } } } }`, {
      id: row.person_id,
    });
    expect(res.data._entities[0].aid).toHaveLength(row.n);
    expect(res.data._entities[0].aid.every((d: any) => d.personId === row.person_id && ['SEMESTER', 'YEAR'].includes(d.periodKind))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations

const RECORD = `mutation($input: DisbursementInput!, $key: String!) {
  recordDisbursement(input: $input, idempotencyKey: $key) {
    replayed
    disbursement { id householdId personId programme dutyArea department payee amount paymentDate period periodKind year batchNo status sourceRecordId household { id } }
  } }`;

function householdWith(pred: (b: HouseholdBundle) => boolean): HouseholdBundle {
  const found = h.households.find(pred);
  if (!found) throw new Error('no generated household matches');
  return found;
}

const renovation = (householdId: string, overrides: Record<string, unknown> = {}) => ({
  householdId,
  programme: 'HOUSING_RENOVATION_SUBSIDY',
  amount: '25000.00',
  paymentDate: '2019-08-15',
  period: '2019',
  batchNo: '500154-WG-201908-09',
  sourceRecordId: 'WG-2019-000123',
  ...overrides,
});

describe('recording disbursements', () => {
  it('records a renovation subsidy for housing, with its change event', async () => {
    const b = h.households[3];
    const res = await h.gql(RECORD, { input: renovation(b.household.id), key: 'renovation-subsidy-1' });
    expect(res.errors).toBeUndefined();
    const d = res.data.recordDisbursement.disbursement;
    expect(res.data.recordDisbursement.replayed).toBe(false);
    expect(d).toMatchObject({
      householdId: b.household.id, personId: null, programme: 'HOUSING_RENOVATION_SUBSIDY', dutyArea: 'HOUSING_RENOVATION', department: 'HOUSING', payee: 'HOUSEHOLD',
      amount: '25000.00', period: '2019', periodKind: 'YEAR', year: 2019, status: 'PAID', sourceRecordId: 'WG-2019-000123', household: { id: b.household.id },
    });
    const events = await sql('SELECT record, record_id, kind, household_id FROM change_event WHERE record_id = $1', [d.id]);
    expect(events).toEqual([{ record: 'Disbursement', record_id: d.id, kind: 'CREATED', household_id: b.household.id }]);
  });

  it('replays a repeated key without writing, and refuses a key reused for another request', async () => {
    const input = renovation(h.households[4].household.id, { batchNo: '500154-WG-201908-10' });
    const first = await h.gql(RECORD, { input, key: 'replay-disbursement' });
    const before = await counts();
    const again = await h.gql(RECORD, { input, key: 'replay-disbursement' });
    expect(again.data.recordDisbursement.replayed).toBe(true);
    expect(again.data.recordDisbursement.disbursement.id).toBe(first.data.recordDisbursement.disbursement.id);
    expect(await counts()).toEqual(before);
    const reused = await h.gql(RECORD, { input: { ...input, amount: '26000.00' }, key: 'replay-disbursement' });
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await counts()).toEqual(before);
  });

  it('records a payment batch all or nothing, and a bank return', async () => {
    const b = householdWith((x) => x.members.length >= 2);
    const aid = (p: string) => ({ householdId: b.household.id, personId: p, programme: 'EDUCATION_AID', amount: '625.00', paymentDate: '2019-10-20', period: '2019-S2', batchNo: '500154-JY-201910-07' });
    const res = await h.gql(
      `mutation($inputs: [DisbursementInput!]!) { recordDisbursements(inputs: $inputs, idempotencyKey: "batch-education-1") { disbursements { id personId dutyArea department } } }`,
      { inputs: [aid(b.members[0].id), aid(b.members[1].id)] },
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data.recordDisbursements.disbursements;
    expect(rows.map((r: any) => [r.personId, r.dutyArea, r.department])).toEqual([
      [b.members[0].id, 'EDUCATION', 'EDUCATION'],
      [b.members[1].id, 'EDUCATION', 'EDUCATION'],
    ]);
    expect(await sql('SELECT kind FROM change_event WHERE record = $1 AND record_id = ANY($2)', ['Disbursement', rows.map((r: any) => r.id)])).toHaveLength(2);

    // One bad item (a member of another household) rejects the whole batch.
    const other = h.households.find((x) => x.household.id !== b.household.id)!.members[0].id;
    const before = await counts();
    const bad = await h.gql(`mutation($inputs: [DisbursementInput!]!) { recordDisbursements(inputs: $inputs, idempotencyKey: "batch-education-2") { disbursements { id } } }`, {
      inputs: [{ ...aid(b.members[0].id), batchNo: '500154-JY-201910-08' }, { ...aid(other), batchNo: '500154-JY-201910-08' }],
    });
    expect(errorCodes(bad)).toEqual(['CONFLICT']);
    expect(bad.errors![0].extensions!.field).toBe('inputs[1].personId');
    expect(await counts()).toEqual(before);

    const ret = `mutation($id: ID!, $key: String!) { returnDisbursement(id: $id, input: { returnedOn: "2019-10-28", reason: "账户已销户" }, idempotencyKey: $key) { disbursement { status statusReason returnedOn } } }`;
    const returned = await h.gql(ret, { id: rows[0].id, key: 'return-1' });
    expect(returned.data.returnDisbursement.disbursement).toEqual({ status: 'RETURNED', statusReason: '账户已销户', returnedOn: '2019-10-28' });
    expect(errorCodes(await h.gql(ret, { id: rows[0].id, key: 'return-2' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.gql(ret, { id: '999999999', key: 'return-3' }))).toEqual(['NOT_FOUND']);
  });

  it('rejects a payment that repeats a recorded one (same programme, period, member and batch)', async () => {
    const [row] = await sql(`SELECT * FROM disbursement WHERE programme = 'DIBAO_ALLOWANCE' AND status = 'PAID' ORDER BY id LIMIT 1`);
    const before = await counts();
    const res = await h.gql(RECORD, {
      input: { householdId: row.household_id, programme: 'DIBAO_ALLOWANCE', amount: yuan(row.amount_fen), paymentDate: row.payment_date, period: row.period, batchNo: row.batch_no, sourceRecordId: row.source_record_id },
      key: key('dup'),
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(await counts()).toEqual(before);
  });

  const hid = () => h.households[5].household.id;
  it.each([
    ['a duty area the programme does not pay for', () => renovation(hid(), { dutyArea: 'HEALTH' }), 'BAD_USER_INPUT', 'input.dutyArea'],
    ['a department the programme does not pay for', () => renovation(hid(), { department: 'CIVIL_AFFAIRS' }), 'BAD_USER_INPUT', 'input.department'],
    ['a per-person programme without a person', () => ({ ...renovation(hid()), programme: 'EDUCATION_AID', period: '2019-S2', amount: '500.00', paymentDate: '2019-10-10' }), 'BAD_USER_INPUT', 'input.personId'],
    ['a zero amount', () => renovation(hid(), { amount: '0.00' }), 'BAD_USER_INPUT', 'input.amount'],
    ['an amount above the programme cap', () => renovation(hid(), { amount: '600000.00' }), 'BAD_USER_INPUT', 'input.amount'],
    ['an amount with three decimals', () => renovation(hid(), { amount: '100.005' }), 'INVALID_MONEY', undefined],
    ['a period kind the programme does not use', () => renovation(hid(), { period: '2019-08' }), 'BAD_USER_INPUT', 'input.period'],
    ['a malformed period', () => renovation(hid(), { period: 'spring 2019' }), 'BAD_USER_INPUT', 'input.period'],
    ['a period before the register', () => renovation(hid(), { period: '2005', paymentDate: '2005-06-01' }), 'BAD_USER_INPUT', 'input.paymentDate'],
    ['a payment date in the future', () => renovation(hid(), { paymentDate: '2999-01-01' }), 'BAD_USER_INPUT', 'input.paymentDate'],
    ['a payment long before its period', () => renovation(hid(), { paymentDate: '2018-03-01' }), 'BAD_USER_INPUT', 'input.paymentDate'],
    ['an impossible date', () => renovation(hid(), { paymentDate: '2019-02-30' }), 'INVALID_DATE', undefined],
    ['a payee the programme does not pay', () => renovation(hid(), { payee: 'HOSPITAL' }), 'BAD_USER_INPUT', 'input.payee'],
    ['a payment to a member\'s account without the member', () => ({ householdId: hid(), programme: 'EMPLOYMENT_SUBSIDY', payee: 'PERSON', amount: '300.00', paymentDate: '2019-12-10', period: '2019', batchNo: '500154-JB-201912-09' }), 'BAD_USER_INPUT', 'input.personId'],
    ['a malformed batch number', () => renovation(hid(), { batchNo: 'batch 1' }), 'BAD_USER_INPUT', 'input.batchNo'],
    ['a returned payment without a reason', () => renovation(hid(), { status: 'RETURNED', returnedOn: '2019-08-20' }), 'BAD_USER_INPUT', 'input.statusReason'],
    ['a returned payment without a return date', () => renovation(hid(), { status: 'RETURNED', statusReason: '账户冻结' }), 'BAD_USER_INPUT', 'input.returnedOn'],
    ['an interest subsidy without its loan', () => ({ householdId: hid(), programme: 'MICROCREDIT_INTEREST_SUBSIDY', amount: '500.00', paymentDate: '2019-04-15', period: '2019-Q1', batchNo: '500154-TX-201904-09' }), 'BAD_USER_INPUT', 'input.sourceRecordId'],
    ['an interest subsidy for an unknown loan', () => ({ householdId: hid(), programme: 'MICROCREDIT_INTEREST_SUBSIDY', amount: '500.00', paymentDate: '2019-04-15', period: '2019-Q1', batchNo: '500154-TX-201904-09', sourceRecordId: 'XD2019NOSUCHLOAN' }), 'CONFLICT', 'input.sourceRecordId'],
    ['a malformed household ID', () => renovation('50015410120X0001'), 'INVALID_HOUSEHOLD_ID', undefined],
    ['a household the register does not know', () => renovation(UNKNOWN_HOUSEHOLD), 'NOT_IN_REGISTER', 'input.householdId'],
    ['a person the register does not know', () => ({ ...renovation(hid()), personId: `${hid()}-97` }), 'NOT_IN_REGISTER', 'input.personId'],
    ['a person of another household', () => ({ ...renovation(hid()), personId: h.households[6].members[0].id }), 'CONFLICT', 'input.personId'],
    ['an unknown programme', () => renovation(hid(), { programme: 'LOTTERY' }), 'BAD_USER_INPUT', undefined],
  ])('rejects %s and writes nothing', async (_case, input, code, field) => {
    const before = await counts();
    const res = await h.gql(RECORD, { input: input(), key: key('bad-disbursement') });
    expect(res.data?.recordDisbursement ?? null).toBeNull();
    expect(errorCodes(res)).toEqual([code]);
    if (field) expect(res.errors![0].extensions!.field).toBe(field);
    expect(res.errors![0].message.length).toBeGreaterThan(10);
    expect(await counts()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Microcredit

const DISBURSE = `mutation($input: MicroLoanInput!, $key: String!) {
  disburseMicroLoan(input: $input, idempotencyKey: $key) {
    replayed
    loan { id householdId borrowerId status amount creditLine maturityDate annualRate countyCode principalOutstanding borrower { id } }
  } }`;
const REPAY = `mutation($id: ID!, $input: MicroLoanRepaymentInput!, $key: String!) {
  repayMicroLoan(loanId: $id, input: $input, idempotencyKey: $key) { repayment { date principal interest } loan { status repaidOn principalRepaid principalOutstanding overdueAmount } } }`;
const OVERDUE = `mutation($id: ID!, $input: MarkMicroLoanOverdueInput!, $key: String!) {
  markMicroLoanOverdue(loanId: $id, input: $input, idempotencyKey: $key) { loan { status overdueSince overdueAmount overdueDays(asOf: "2020-03-12") } } }`;
const DEFAULT = `mutation($id: ID!, $input: DefaultMicroLoanInput!, $key: String!) {
  defaultMicroLoan(loanId: $id, input: $input, idempotencyKey: $key) { loan { status defaultedOn overdueDays compensation { amount fundShare countyCode date } } } }`;

/** Households without generated loans whose head is 30–60 and able on 2019-03-01. */
let borrowers: HouseholdBundle[] = [];
beforeAll(async () => {
  const withLoans = new Set((await sql('SELECT DISTINCT household_id FROM micro_loan')).map((r) => r.household_id));
  borrowers = h.households.filter((b) => {
    const head = b.members[0];
    const age = 2019 - Number(head.birthDate.slice(0, 4));
    return !withLoans.has(b.household.id) && head.memberStatus === 'ACTIVE' && age >= 30 && age <= 60 && ['ORDINARY', 'SKILLED'].includes(head.labourCapacity);
  });
});

const loan = (b: HouseholdBundle, overrides: Record<string, unknown> = {}) => ({
  id: `XD2019${b.household.id}9`,
  householdId: b.household.id,
  borrowerId: b.members[0].id,
  creditRating: 'AAA',
  creditLine: '50000.00',
  bank: 'RURAL_COMMERCIAL_BANK',
  amount: '50000.00',
  disbursementDate: '2019-03-01',
  termMonths: 12,
  annualRateBasisPoints: 435,
  purpose: 'LIVESTOCK',
  purposeDetail: '养殖生猪20头',
  ...overrides,
});

describe('microcredit lifecycle', () => {
  it('disburses, takes interest, falls overdue, defaults and is compensated by the county fund', async () => {
    const b = borrowers[0];
    const res = await h.gql(DISBURSE, { input: loan(b), key: 'loan-lifecycle-1' });
    expect(res.errors).toBeUndefined();
    expect(res.data.disburseMicroLoan.loan).toEqual({
      id: `XD2019${b.household.id}9`, householdId: b.household.id, borrowerId: b.members[0].id, status: 'ACTIVE', amount: '50000.00', creditLine: '50000.00',
      maturityDate: '2020-03-01', annualRate: '4.35', countyCode: '500154000000', principalOutstanding: '50000.00', borrower: { id: b.members[0].id },
    });
    expect(await sql('SELECT record, kind, person_id FROM change_event WHERE record_id = $1', [`XD2019${b.household.id}9`])).toEqual([
      { record: 'MicroLoan', kind: 'CREATED', person_id: b.members[0].id },
    ]);
    // 户借户用户还: a second open loan for the same household is refused.
    const second = await h.gql(DISBURSE, { input: loan(b, { id: `XD2019${b.household.id}8` }), key: 'loan-lifecycle-2' });
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    expect(second.errors![0].extensions!.field).toBe('input.householdId');

    const id = `XD2019${b.household.id}9`;
    const interest = await h.gql(REPAY, { id, input: { date: '2019-06-20', principal: '0.00', interest: '664.58' }, key: 'loan-lifecycle-3' });
    expect(interest.data.repayMicroLoan.loan).toMatchObject({ status: 'ACTIVE', principalRepaid: '0.00', principalOutstanding: '50000.00' });

    // The interest subsidy for the quarter is a disbursement naming the loan.
    const subsidy = await h.gql(RECORD, {
      input: { householdId: b.household.id, personId: b.members[0].id, programme: 'MICROCREDIT_INTEREST_SUBSIDY', amount: '664.58', paymentDate: '2019-07-15', period: '2019-Q2', batchNo: '500154-TX-201907-05', sourceRecordId: id },
      key: 'loan-lifecycle-subsidy',
    });
    expect(subsidy.data.recordDisbursement.disbursement).toMatchObject({ dutyArea: 'FINANCIAL_SERVICES', department: 'FINANCE', sourceRecordId: id });

    const overdue = await h.gql(OVERDUE, { id, input: { overdueSince: '2020-03-02', overdueAmount: '50000.00' }, key: 'loan-lifecycle-4' });
    expect(overdue.data.markMicroLoanOverdue.loan).toEqual({ status: 'OVERDUE', overdueSince: '2020-03-02', overdueAmount: '50000.00', overdueDays: 10 });

    const fundBefore = (await h.gql('{ microcreditRiskFund(countyCode: "500154000000", year: 2020) { compensations } }')).data.microcreditRiskFund.compensations;
    const defaulted = await h.gql(DEFAULT, { id, input: { defaultedOn: '2020-09-01', compensation: '35000.00', fundShare: 70, compensatedOn: '2020-10-01' }, key: 'loan-lifecycle-5' });
    expect(defaulted.errors).toBeUndefined();
    expect(defaulted.data.defaultMicroLoan.loan).toEqual({
      status: 'DEFAULTED', defaultedOn: '2020-09-01', overdueDays: 183, compensation: { amount: '35000.00', fundShare: 70, countyCode: '500154000000', date: '2020-10-01' },
    });
    const fundAfter = (await h.gql('{ microcreditRiskFund(countyCode: "500154000000", year: 2020) { compensations } }')).data.microcreditRiskFund.compensations;
    expect(Math.round(Number(fundAfter) * 100) - Math.round(Number(fundBefore) * 100)).toBe(3_500_000);

    // A defaulted loan takes no more repayments, and its interest subsidy is cancelled.
    expect(errorCodes(await h.gql(REPAY, { id, input: { date: '2020-10-05', principal: '100.00', interest: '0.00' }, key: 'loan-lifecycle-6' }))).toEqual(['CONFLICT']);
    const late = await h.gql(RECORD, {
      input: { householdId: b.household.id, programme: 'MICROCREDIT_INTEREST_SUBSIDY', amount: '600.00', paymentDate: '2020-01-15', period: '2019-Q4', batchNo: '500154-TX-202001-05', sourceRecordId: id },
      key: 'loan-lifecycle-7',
    });
    expect(errorCodes(late)).toEqual(['CONFLICT']);
  });

  it('closes a loan when the principal is paid off, cures an overdue loan, and replays', async () => {
    const b = borrowers[1];
    const id = `XD2019${b.household.id}9`;
    const input = loan(b, { amount: '20000.00', creditRating: 'AA', creditLine: '30000.00', termMonths: 24, annualRateBasisPoints: 475 });
    const first = await h.gql(DISBURSE, { input, key: 'loan-close-1' });
    expect(first.data.disburseMicroLoan.loan.maturityDate).toBe('2021-03-01');
    const before = await counts();
    const again = await h.gql(DISBURSE, { input, key: 'loan-close-1' });
    expect(again.data.disburseMicroLoan.replayed).toBe(true);
    expect(await counts()).toEqual(before);

    await h.gql(OVERDUE, { id, input: { overdueSince: '2020-03-02', overdueAmount: '5000.00' }, key: 'loan-close-2' });
    const cured = await h.gql(REPAY, { id, input: { date: '2020-04-01', principal: '5000.00', interest: '120.00' }, key: 'loan-close-3' });
    expect(cured.data.repayMicroLoan.loan).toMatchObject({ status: 'ACTIVE', overdueAmount: '0.00', principalOutstanding: '15000.00' });
    const tooMuch = await h.gql(REPAY, { id, input: { date: '2020-05-01', principal: '15000.01', interest: '0.00' }, key: 'loan-close-4' });
    expect(errorCodes(tooMuch)).toEqual(['BAD_USER_INPUT']);
    const sameDay = await h.gql(REPAY, { id, input: { date: '2020-04-01', principal: '1.00', interest: '0.00' }, key: 'loan-close-5' });
    expect(errorCodes(sameDay)).toEqual(['CONFLICT']);
    const closed = await h.gql(REPAY, { id, input: { date: '2020-06-20', principal: '15000.00', interest: '178.13' }, key: 'loan-close-6' });
    expect(closed.data.repayMicroLoan).toEqual({
      repayment: { date: '2020-06-20', principal: '15000.00', interest: '178.13' },
      loan: { status: 'REPAID', repaidOn: '2020-06-20', principalRepaid: '20000.00', principalOutstanding: '0.00', overdueAmount: '0.00' },
    });
    const events = await sql(`SELECT record, kind FROM change_event WHERE household_id = $1 ORDER BY id`, [b.household.id]);
    expect(events.filter((e) => e.record === 'MicroLoanRepayment')).toHaveLength(2);
    // Paid off: the household may borrow again.
    const renewal = await h.gql(DISBURSE, { input: loan(b, { id: `XD2020${b.household.id}9`, disbursementDate: '2020-07-01' }), key: 'loan-close-7' });
    expect(renewal.data.disburseMicroLoan.loan.status).toBe('ACTIVE');
  });

  it('records a contribution to the county fund', async () => {
    const res = await h.gql(`mutation { contributeToRiskFund(input: { countyCode: "500154000000", date: "2020-05-06", amount: "1000000.00", source: PROVINCIAL_BUDGET, documentNo: "渝财农〔2020〕12号" }, idempotencyKey: "fund-2020-1") {
      contribution { countyCode amount source } } }`);
    expect(res.data.contributeToRiskFund.contribution).toEqual({ countyCode: '500154000000', amount: '1000000.00', source: 'PROVINCIAL_BUDGET' });
    const dup = await h.gql(`mutation { contributeToRiskFund(input: { countyCode: "500154000000", date: "2020-05-06", amount: "5.00", source: PROVINCIAL_BUDGET }, idempotencyKey: "fund-2020-2") { contribution { id } } }`);
    expect(errorCodes(dup)).toEqual(['CONFLICT']);
    const village = await h.gql(`mutation { contributeToRiskFund(input: { countyCode: "${h.households[0].household.regionCode}", date: "2020-05-07", amount: "5.00", source: COUNTY_BUDGET }, idempotencyKey: "fund-2020-3") { contribution { id } } }`);
    expect(errorCodes(village)).toEqual(['INVALID_REGION_CODE']);
  });

  const elderly = () => householdWith((b) => b.members.some((m) => 2019 - Number(m.birthDate.slice(0, 4)) > 66));
  const oldMember = () => elderly().members.find((m) => 2019 - Number(m.birthDate.slice(0, 4)) > 66)!;
  it.each([
    ['an amount above 50,000', () => loan(borrowers[2], { amount: '60000.00' }), 'BAD_USER_INPUT', 'input.amount'],
    ['an amount above the credit line', () => loan(borrowers[2], { amount: '40000.00', creditLine: '30000.00' }), 'BAD_USER_INPUT', 'input.amount'],
    ['a credit line above the rating', () => loan(borrowers[2], { creditRating: 'A', creditLine: '30000.00', amount: '10000.00' }), 'BAD_USER_INPUT', 'input.creditLine'],
    ['a term over three years', () => loan(borrowers[2], { termMonths: 48 }), 'BAD_USER_INPUT', 'input.termMonths'],
    ['a zero rate', () => loan(borrowers[2], { annualRateBasisPoints: 0 }), 'BAD_USER_INPUT', 'input.annualRateBasisPoints'],
    ['a subsidy share above 100 %', () => loan(borrowers[2], { interestSubsidyShare: 120 }), 'BAD_USER_INPUT', 'input.interestSubsidyShare'],
    ['a disbursement before the policy', () => loan(borrowers[2], { disbursementDate: '2013-06-01' }), 'BAD_USER_INPUT', 'input.disbursementDate'],
    ['a malformed contract number', () => loan(borrowers[2], { id: 'xd 2019' }), 'BAD_USER_INPUT', 'input.id'],
    ['an unknown purpose', () => loan(borrowers[2], { purpose: 'GAMBLING' }), 'BAD_USER_INPUT', undefined],
    ['a borrower over 65', () => loan(elderly(), { borrowerId: oldMember().id }), 'BAD_USER_INPUT', 'input.borrowerId'],
    ['a borrower of another household', () => loan(borrowers[2], { borrowerId: borrowers[3].members[0].id }), 'CONFLICT', 'input.borrowerId'],
    ['a borrower the register does not know', () => loan(borrowers[2], { borrowerId: `${borrowers[2].household.id}-98` }), 'NOT_IN_REGISTER', 'input.borrowerId'],
    ['a household the register does not know', () => ({ ...loan(borrowers[2]), householdId: UNKNOWN_HOUSEHOLD, borrowerId: `${UNKNOWN_HOUSEHOLD}-01` }), 'NOT_IN_REGISTER', 'input.borrowerId'],
    ['a contract number already recorded', () => loan(borrowers[2], { id: loanIds[0] }), 'CONFLICT', 'input.id'],
  ])('rejects a loan with %s and writes nothing', async (_case, input, code, field) => {
    const before = await counts();
    const res = await h.gql(DISBURSE, { input: input(), key: key('bad-loan') });
    expect(res.data?.disburseMicroLoan ?? null).toBeNull();
    expect(errorCodes(res)).toEqual([code]);
    if (field) expect(res.errors![0].extensions!.field).toBe(field);
    expect(await counts()).toEqual(before);
  });

  it('rejects impossible lifecycle steps and writes nothing', async () => {
    const [active] = await sql(`SELECT id, disbursement_date FROM micro_loan WHERE status = 'ACTIVE' ORDER BY id LIMIT 1`);
    const before = await counts();
    const cases = await Promise.all([
      h.gql(REPAY, { id: active.id, input: { date: '2014-01-02', principal: '1.00', interest: '0.00' }, key: key('bad-step') }),
      h.gql(REPAY, { id: active.id, input: { date: '2020-01-02', principal: '0.00', interest: '0.00' }, key: key('bad-step') }),
      h.gql(REPAY, { id: 'XD2099NOTALOAN1', input: { date: '2020-01-02', principal: '1.00', interest: '0.00' }, key: key('bad-step') }),
      h.gql(DEFAULT, { id: active.id, input: { defaultedOn: '2020-09-01', compensation: '100.00', fundShare: 70, compensatedOn: '2020-10-01' }, key: key('bad-step') }),
      h.gql(OVERDUE, { id: active.id, input: { overdueSince: active.disbursement_date, overdueAmount: '100.00' }, key: key('bad-step') }),
      h.gql(OVERDUE, { id: active.id, input: { overdueSince: '2020-12-01', overdueAmount: '99999.00' }, key: key('bad-step') }),
    ]);
    expect(cases.map((r) => errorCodes(r)[0])).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(await counts()).toEqual(before);
  });
});
