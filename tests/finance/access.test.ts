import { finance, loadFinance } from '@saf/finance';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { admin, analyst, caseworker, officer } from '../support/auth';
import { errorCodes, graphqlClient } from '../support/graphql';

/**
 * Issue 6 in the finance subgraph: small cells of the totals, region scope (payments, loans, county
 * funds), write rights. Finance holds no personal field of the kinds the kit masks.
 */

let h: DepartmentHarness;
let town: string; // the township (9 digits) of the generated county
let otherTown: string; // another township, with a payment and a loan copied there
const foreign = { payment: '', loan: '' };
const COUNTY = '500154000000';
const as = (caller: Parameters<typeof graphqlClient>[1]) => graphqlClient(h.department.url, caller);
const rows = async (sql: string, params: unknown[] = []) => (await h.pool.query(sql, params)).rows;

beforeAll(async () => {
  h = await startDepartmentHarness(finance, { households: 300, load: (pool, o) => loadFinance(pool, o) });
  town = h.households[0].household.id.slice(0, 9);
  // The small generated county has one township: copies of a generated payment and loan in another one.
  otherTown = `${town.slice(0, 6)}199`;
  const householdId = `${otherTown}2010001`;
  foreign.loan = `XD2019${householdId}9`;
  await h.pool.query('CREATE TEMP TABLE copied_payment AS SELECT * FROM disbursement ORDER BY id LIMIT 1');
  await h.pool.query(`UPDATE copied_payment SET id = id + 100000000, household_id = $1, person_id = CASE WHEN person_id IS NULL THEN NULL ELSE $1 || '-01' END`, [householdId]);
  foreign.payment = (await rows('INSERT INTO disbursement SELECT * FROM copied_payment RETURNING id::text'))[0].id;
  await h.pool.query('CREATE TEMP TABLE copied_loan AS SELECT * FROM micro_loan ORDER BY id LIMIT 1');
  await h.pool.query(`UPDATE copied_loan SET id = $2, household_id = $1, borrower_id = $1 || '-01'`, [householdId, foreign.loan]);
  await h.pool.query('INSERT INTO micro_loan SELECT * FROM copied_loan');
}, 120_000);
afterAll(() => h?.stop());

describe('finance: access rules', () => {
  it('suppresses small cells of the payment and loan totals for an analyst, not for a caseworker or a large cell', async () => {
    // One programme in one village and year, paid to 1 to 4 households (however many payments each got).
    const [small] = await rows(`SELECT left(household_id, 12) AS village, programme, year, count(DISTINCT household_id)::int AS households, count(*)::int AS n,
        sum(amount_fen)::bigint AS fen
      FROM disbursement GROUP BY 1, 2, 3 HAVING count(DISTINCT household_id) BETWEEN 1 AND 4 ORDER BY count(*) DESC, 1, 2, 3 LIMIT 1`);
    const [loanCell] = await rows(`SELECT left(household_id, 12) AS village, extract(year FROM disbursement_date)::int AS year, count(*)::int AS n FROM micro_loan
      GROUP BY 1, 2 HAVING count(DISTINCT household_id) BETWEEN 1 AND 4 ORDER BY 1, 2 LIMIT 1`);
    const query = `query($village: String!, $programme: DisbursementProgramme!, $year: Int!, $loanVillage: String!, $loanYear: Int!) {
      totals: disbursementTotals(filter: { regionPrefix: $village, programme: $programme, year: $year }) { households count amount paidCount paidAmount unpaidCount unpaidAmount suppressed }
      county: disbursementTotals(filter: { programme: $programme, year: $year }) { households count suppressed }
      loans: microLoanTotals(filter: { regionPrefix: $loanVillage, year: $loanYear }) { households count amount principalOutstanding suppressed } }`;
    const vars = { village: small.village, programme: small.programme, year: small.year, loanVillage: loanCell.village, loanYear: loanCell.year };

    const hidden = await as(analyst())(query, vars);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data.totals).toEqual([
      { households: null, count: null, amount: null, paidCount: null, paidAmount: null, unpaidCount: null, unpaidAmount: null, suppressed: true },
    ]);
    expect(hidden.data.loans).toEqual([{ households: null, count: null, amount: null, principalOutstanding: null, suppressed: true }]);
    expect(hidden.data.county[0].suppressed).toBe(false);
    expect(hidden.data.county[0].households).toBeGreaterThanOrEqual(5);

    const exact = await as(caseworker())(query, vars);
    expect(exact.data.totals).toEqual([expect.objectContaining({ households: small.households, count: small.n, suppressed: false })]);
    expect(BigInt(exact.data.totals[0].amount.replace('.', ''))).toBe(BigInt(small.fen));
    expect(exact.data.loans[0]).toMatchObject({ count: loanCell.n, suppressed: false });
  });

  it("lists only a township caseworker's township and refuses another township's payment, loan or county fund", async () => {
    const gql = as(caseworker(town));
    const [{ year }] = await rows('SELECT max(year) AS year FROM disbursement');
    const res = await gql(`{ disbursements(filter: { year: ${year} }, first: 1000) { totalCount nodes { id householdId } } microLoans(first: 1000) { nodes { householdId } } }`);
    expect(res.errors).toBeUndefined();
    const [{ n }] = await rows('SELECT count(*)::int AS n FROM disbursement WHERE year = $1 AND household_id LIKE $2', [year, `${town}%`]);
    expect(res.data.disbursements.totalCount).toBe(n);
    for (const node of [...res.data.disbursements.nodes, ...res.data.microLoans.nodes]) expect(node.householdId.startsWith(town)).toBe(true);

    expect(errorCodes(await gql(`{ disbursement(id: "${foreign.payment}") { amount } }`))).toEqual(['OUT_OF_SCOPE']);
    expect(errorCodes(await gql(`{ microLoan(id: "${foreign.loan}") { amount } }`))).toEqual(['OUT_OF_SCOPE']);
    // County funds list their defaulted loans: a township caller sees no county's fund, a county caller its own.
    const fund = `{ microcreditRiskFund(countyCode: "${COUNTY}", year: 2019) { countyCode } }`;
    expect(errorCodes(await gql(fund))).toEqual(['OUT_OF_SCOPE']);
    expect((await as(caseworker('500154'))(fund)).data.microcreditRiskFund).toEqual({ countyCode: COUNTY });

    // Entity lookups (the gateway's path) answer null outside the region, in place.
    const own = res.data.disbursements.nodes[0].id;
    const entities = await gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Disbursement { id } ... on MicroLoan { id } } }', {
      r: [{ __typename: 'Disbursement', id: foreign.payment }, { __typename: 'Disbursement', id: own }, { __typename: 'MicroLoan', id: foreign.loan }],
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([null, { id: own }, null]);
  });

  it('lets only its own officers write, inside their region, and audits the write', async () => {
    const b = h.households.find((x) => x.household.id.startsWith(town))!;
    const mutation = `mutation($input: DisbursementInput!, $key: String!) { recordDisbursement(input: $input, idempotencyKey: $key) { disbursement { id householdId } } }`;
    const input = {
      householdId: b.household.id, programme: 'HOUSING_RENOVATION_SUBSIDY', amount: '25000.00', paymentDate: '2019-08-15', period: '2019',
      batchNo: '500154-WG-201908-31', sourceRecordId: 'WG-2019-ACCESS',
    };
    const contribute = `mutation { contributeToRiskFund(input: { countyCode: "${COUNTY}", date: "2020-06-01", amount: "1000.00", source: COUNTY_BUDGET }, idempotencyKey: "access-fund") {
      contribution { id } } }`;
    const written = async () =>
      (await rows(`SELECT (SELECT count(*) FROM disbursement)::int AS d, (SELECT count(*) FROM risk_fund_contribution)::int AS c,
        (SELECT count(*) FROM audit_event WHERE action = 'WRITE')::int AS w`))[0];
    const before = await written();

    expect(errorCodes(await as(officer('housing', town))(mutation, { input, key: 'access-housing-officer' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await as(officer('finance', otherTown))(mutation, { input, key: 'access-other-town' }))).toEqual(['OUT_OF_SCOPE']);
    expect(errorCodes(await as(officer('finance', town))(contribute))).toEqual(['OUT_OF_SCOPE']);
    expect(await written()).toEqual(before);

    const inside = await as(officer('finance', town))(mutation, { input, key: 'access-own-town' });
    expect(inside.errors).toBeUndefined();
    const id = inside.data.recordDisbursement.disbursement.id;
    expect(await written()).toEqual({ ...before, d: before.d + 1, w: before.w + 1 });
    const audit = await as(admin(town))(`{ financeAuditEvents(householdId: "${b.household.id}", first: 5) { action operation record recordId role } }`);
    expect(audit.data.financeAuditEvents[0]).toEqual({ action: 'WRITE', operation: 'recordDisbursement (created)', record: 'Disbursement', recordId: id, role: 'department_officer' });
  });
});
