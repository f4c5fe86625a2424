import { civilAffairs, civilAffairsParams, civilAffairsRecordsFor, CivilAffairsRecords, loadCivilAffairs, unregisteredRosterFor } from '@saf/civil-affairs';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { describeSubgraphCompatibility } from '../support/federationCompatibility';
import { errorCodes, metric } from '../support/graphql';

/** The civil-affairs subgraph over its generated records, next to a generated register. */

const SIZE = 300;
const SEED = 1;
const REF = civilAffairsParams.REFERENCE_DATE;
const UNKNOWN_HOUSEHOLD = '5001541012990001';

let h: DepartmentHarness;
let records: CivilAffairsRecords[];
let roster: CivilAffairsRecords[];

beforeAll(async () => {
  h = await startDepartmentHarness(civilAffairs, { households: SIZE, seed: SEED, load: (pool, o) => loadCivilAffairs(pool, o) });
  records = h.households.map((b) => civilAffairsRecordsFor(b, SEED));
  roster = unregisteredRosterFor(SIZE, SEED);
});
afterAll(() => h?.stop());

const all = () => [...records, ...roster];
const activeOn = (p: { startDate: string; endDate: string | null }, d: string) => p.startDate <= d && (p.endDate === null || d <= p.endDate);
const withDibao = () => records.filter((r) => r.dibaoEnrolments.length > 0);
const first = <T>(list: T[], n: number) => list.slice(0, n);

describeSubgraphCompatibility('civil-affairs', () => h.department.url, [
  {
    typename: 'Household',
    selection: '... on Household { dibaoEnrolments { id certificateNo } }',
    known: () => first(withDibao(), 10).map((r) => ({ id: r.householdId })),
    unknown: { id: UNKNOWN_HOUSEHOLD },
    unknownIsNull: false,
  },
  {
    typename: 'Person',
    selection: `... on Person { dibaoCovered(on: "${REF}") }`,
    known: () => first(records.flatMap((r) => r.dibaoCoveredPersons), 10).map((c) => ({ id: c.personId })),
    unknown: { id: `${UNKNOWN_HOUSEHOLD}-01` },
    unknownIsNull: false,
  },
  {
    typename: 'DibaoEnrolment',
    selection: '... on DibaoEnrolment { id householdId currentMonthlyAmount category }',
    known: () => first(all().flatMap((r) => r.dibaoEnrolments), 10).map((e) => ({ id: e.id })),
    unknown: { id: `DB-${UNKNOWN_HOUSEHOLD}-01` },
  },
  {
    typename: 'DestituteSupport',
    selection: '... on DestituteSupport { id personId mode monthlyTotal }',
    known: () => first(all().flatMap((r) => r.destituteSupports), 5).map((s) => ({ id: s.id })),
    unknown: { id: `TK-${UNKNOWN_HOUSEHOLD}-01` },
  },
  {
    typename: 'TemporaryAssistanceEvent',
    selection: '... on TemporaryAssistanceEvent { id cause cashAmount }',
    known: () => first(records.flatMap((r) => r.temporaryAssistance), 10).map((t) => ({ id: t.id })),
    unknown: { id: `LS-${UNKNOWN_HOUSEHOLD}-001` },
  },
  {
    typename: 'DisabilityAllowance',
    selection: '... on DisabilityAllowance { id type monthlyAmount }',
    known: () => first(records.flatMap((r) => r.disabilityAllowances), 5).map((a) => ({ id: a.id })),
    unknown: { id: `CB-${UNKNOWN_HOUSEHOLD}-01` },
  },
  {
    typename: 'MedicalAssistanceGrant',
    selection: '... on MedicalAssistanceGrant { id type amount dutyArea dutyRole }',
    known: () => first(records.flatMap((r) => r.medicalAssistance), 10).map((m) => ({ id: m.id })),
    unknown: { id: `YJ-${UNKNOWN_HOUSEHOLD}-0001` },
  },
]);

describe('loading', () => {
  it('wrote exactly the generated records, including the legacy roster entries', async () => {
    const count = async (table: string) => Number((await h.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    expect(await count('dibao_enrolment')).toBe(all().reduce((s, r) => s + r.dibaoEnrolments.length, 0));
    expect(await count('dibao_recheck')).toBe(all().reduce((s, r) => s + r.dibaoRechecks.length, 0));
    expect(await count('medical_assistance')).toBe(all().reduce((s, r) => s + r.medicalAssistance.length, 0));
    expect(await count('temporary_assistance')).toBe(all().reduce((s, r) => s + r.temporaryAssistance.length, 0));
    expect(roster.length).toBeGreaterThan(0);
    await expect(loadCivilAffairs(h.pool, { size: SIZE, seed: SEED })).rejects.toThrow(/replace/);
  });
});

describe('Household and Person fields', () => {
  it('returns a household\'s dibao in force with its covered persons, re-checks and amount on a date', async () => {
    const r = withDibao().find((x) => x.dibaoEnrolments.some((e) => activeOn(e, REF) && e.startDate < '2015-01-01'))!;
    const e = r.dibaoEnrolments.find((x) => activeOn(x, REF))!;
    const rechecks = r.dibaoRechecks.filter((c) => c.enrolmentId === e.id);
    const res = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household {
        dibao(on: "${REF}") { id certificateNo startDate endDate household { id } personsCovered(on: "${REF}") coveredPersons { person { id } coveredFrom }
          rechecks { recheckDate result newMonthlyAmount } monthlyAmount(on: "${REF}") first: monthlyAmount(on: "${e.startDate}") dutyArea dutyRole }
        before: dibao(on: "2012-06-30") { id }
        dibaoEnrolments { id }
      } } }`,
      { r: [{ __typename: 'Household', id: r.householdId }] },
    );
    expect(res.errors).toBeUndefined();
    const got = res.data._entities[0];
    expect(got.before).toBeNull();
    expect(got.dibaoEnrolments.map((x: { id: string }) => x.id)).toEqual(r.dibaoEnrolments.map((x) => x.id));
    expect(got.dibao).toMatchObject({ id: e.id, certificateNo: e.certificateNo, startDate: e.startDate, endDate: null, household: { id: r.householdId }, dutyArea: 'SOCIAL_SAFETY_NET', dutyRole: 'LEAD' });
    expect(got.dibao.personsCovered).toBe(r.dibaoCoveredPersons.filter((c) => c.enrolmentId === e.id).length);
    expect(got.dibao.rechecks.map((c: { recheckDate: string }) => c.recheckDate)).toEqual(rechecks.map((c) => c.recheckDate));
    expect(got.dibao.monthlyAmount).toBe((e.monthlyAmountFen / 100).toFixed(2));
    expect(got.dibao.first).toBe((e.approvedMonthlyAmountFen / 100).toFixed(2));
  });

  it('answers for a person whether dibao covers them, and their destitute support, allowances and medical assistance', async () => {
    const r = records.find((x) => x.destituteSupports.length > 0 && x.medicalAssistance.length > 0)!;
    const s = r.destituteSupports[0];
    const covered = records.flatMap((x) => x.dibaoCoveredPersons).find((c) => c.coveredTo === null)!;
    const res = await h.gql(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
        id dibaoCovered(on: "${REF}") never: dibaoCovered(on: "2013-01-01") destituteSupport(on: "${REF}") { id person { id } mode selfCareAbility institutionName }
        disabilityAllowances { id } medicalAssistance { id type } y2019: medicalAssistance(year: 2019) { year }
      } } }`,
      { r: [{ __typename: 'Person', id: s.personId }, { __typename: 'Person', id: covered.personId }] },
    );
    expect(res.errors).toBeUndefined();
    const [destitute, dibao] = res.data._entities;
    expect(destitute.destituteSupport).toEqual({ id: s.id, person: { id: s.personId }, mode: s.mode, selfCareAbility: s.selfCare, institutionName: s.institutionName });
    expect(destitute.medicalAssistance.length).toBe(r.medicalAssistance.filter((m) => m.personId === s.personId).length);
    expect(destitute.y2019.every((m: { year: number }) => m.year === 2019)).toBe(true);
    expect(dibao.dibaoCovered).toBe(true);
    expect(dibao.never).toBe(false);
  });

  it('costs the same number of SQL statements for 10 and for 100 households', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Household {
      dibao(on: "${REF}") { id rechecks { result } coveredPersons { personId person { id } } }
      dibaoEnrolments { id } destituteSupports { id person { id } } temporaryAssistance(year: 2018) { id }
      disabilityAllowances { id } medicalAssistance(year: 2019) { id amount }
    } } }`;
    const cost = async (n: number) => {
      const reps = h.households.slice(0, n).map((b) => ({ __typename: 'Household', id: b.household.id }));
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const res = await h.gql(query, { r: reps });
      expect(res.errors).toBeUndefined();
      expect(res.data._entities).toHaveLength(n);
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await cost(10);
    const hundred = await cost(100);
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(7);
  });
});

describe('root queries for staff', () => {
  const COUNTY = '500154';

  it('pages through the dibao enrolments in force with cursors, a total count and totals', async () => {
    const expected = all().flatMap((r) => r.dibaoEnrolments.filter((e) => activeOn(e, REF)));
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const res: any = await h.gql(
        `query($after: String) { dibaoEnrolments(filter: { regionPrefix: "${COUNTY}", activeOn: "${REF}" }, first: 40, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } nodes { id householdId } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      const c = res.data.dibaoEnrolments;
      total = c.totalCount;
      ids.push(...c.nodes.map((n: { id: string }) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      expect(c.nodes).toHaveLength(40);
      after = c.pageInfo.endCursor;
    }
    expect(total).toBe(expected.length);
    expect(ids).toEqual(expected.map((e) => e.id).sort());
  });

  it('sums the persons covered and the monthly amounts in force on a date', async () => {
    const on = '2019-06-30';
    const enrolments = all().flatMap((r) => r.dibaoEnrolments.filter((e) => activeOn(e, on)).map((e) => ({ e, r })));
    const persons = enrolments.reduce(
      (s, { e, r }) => s + r.dibaoCoveredPersons.filter((c) => c.enrolmentId === e.id && c.coveredFrom <= on && (c.coveredTo === null || on <= c.coveredTo)).length,
      0,
    );
    const amount = enrolments.reduce((s, { e, r }) => {
      let a = e.approvedMonthlyAmountFen;
      for (const c of r.dibaoRechecks) if (c.enrolmentId === e.id && c.recheckDate <= on && c.newMonthlyAmountFen !== null) a = c.newMonthlyAmountFen;
      return s + a;
    }, 0);
    const res = await h.gql(`{ dibaoEnrolments(filter: { activeOn: "${on}" }, first: 0) { totalCount summary { enrolments households personsCovered totalMonthlyAmount } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.dibaoEnrolments.summary).toEqual({
      enrolments: enrolments.length,
      households: new Set(enrolments.map(({ e }) => e.householdId)).size,
      personsCovered: persons,
      totalMonthlyAmount: (amount / 100).toFixed(2),
    });
    expect(res.data.dibaoEnrolments.totalCount).toBe(enrolments.length);
  });

  it('filters dibao enrolments by village, year, category and classification', async () => {
    const in2016 = (e: { startDate: string; endDate: string | null }) => e.startDate <= '2016-12-31' && (e.endDate === null || e.endDate >= '2016-01-01');
    const village = all().flatMap((r) => r.dibaoEnrolments).find((e) => in2016(e) && e.classification === 'A' && e.category === 'RURAL')!.householdId.slice(0, 12);
    const expected = all().flatMap((r) => r.dibaoEnrolments).filter((e) => e.householdId.startsWith(village) && in2016(e) && e.classification === 'A');
    expect(expected.length).toBeGreaterThan(0);
    const res = await h.gql(`{ dibaoEnrolments(filter: { regionPrefix: "${village}", year: 2016, classification: A, category: RURAL }, first: 1000) { totalCount nodes { id } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.dibaoEnrolments.nodes.map((n: { id: string }) => n.id)).toEqual(expected.filter((e) => e.category === 'RURAL').map((e) => e.id));
  });

  it('lists temporary assistance and medical assistance by region and year, with totals', async () => {
    const temporary = all().flatMap((r) => r.temporaryAssistance).filter((t) => t.year === 2018);
    const treatment = all().flatMap((r) => r.medicalAssistance).filter((m) => m.year === 2019 && m.type === 'TREATMENT');
    const res = await h.gql(`{
      temporaryAssistanceEvents(filter: { regionPrefix: "500154", year: 2018 }, first: 5) { totalCount pageInfo { hasNextPage } summary { events totalCash } }
      medicalAssistanceGrants(filter: { year: 2019, type: TREATMENT }, first: 1000) { totalCount nodes { id dutyArea dutyRole } summary { grants totalAmount treatmentAmount premiumSubsidyAmount } }
      destituteSupports(filter: { activeOn: "${REF}" }) { totalCount summary { supports institutional atHome } }
      disabilityAllowances(filter: { type: NURSING_SUBSIDY, year: 2020 }) { totalCount }
      dibaoLines(category: RURAL) { year monthlyAmount annualAmount }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data;
    expect(d.temporaryAssistanceEvents.totalCount).toBe(temporary.length);
    expect(d.temporaryAssistanceEvents.pageInfo.hasNextPage).toBe(temporary.length > 5);
    expect(d.temporaryAssistanceEvents.summary).toEqual({ events: temporary.length, totalCash: (temporary.reduce((s, t) => s + t.cashAmountFen, 0) / 100).toFixed(2) });
    expect(d.medicalAssistanceGrants.nodes.map((n: { id: string }) => n.id)).toEqual(treatment.map((m) => m.id).sort());
    expect(d.medicalAssistanceGrants.nodes.every((n: { dutyArea: string; dutyRole: string }) => n.dutyArea === 'HEALTH' && n.dutyRole === 'SUPPORT')).toBe(true);
    const treated = (treatment.reduce((s, m) => s + m.amountFen, 0) / 100).toFixed(2);
    expect(d.medicalAssistanceGrants.summary).toEqual({ grants: treatment.length, totalAmount: treated, treatmentAmount: treated, premiumSubsidyAmount: '0.00' });
    const supports = all().flatMap((r) => r.destituteSupports).filter((s) => activeOn(s, REF));
    expect(d.destituteSupports.summary).toEqual({
      supports: supports.length,
      institutional: supports.filter((s) => s.mode === 'INSTITUTIONAL').length,
      atHome: supports.filter((s) => s.mode === 'AT_HOME').length,
    });
    expect(d.disabilityAllowances.totalCount).toBe(all().flatMap((r) => r.disabilityAllowances).filter((a) => a.type === 'NURSING_SUBSIDY' && a.startDate <= '2020-12-31').length);
    expect(d.dibaoLines.find((l: { year: number }) => l.year === 2020)).toEqual({ year: 2020, monthlyAmount: '370.00', annualAmount: '4440.00' });
  });

  it.each([
    ['a malformed region prefix', '{ dibaoEnrolments(filter: { regionPrefix: "50015" }) { totalCount } }', 'INVALID_REGION_CODE', 'filter.regionPrefix'],
    ['a year out of range', '{ medicalAssistanceGrants(filter: { year: 1999 }) { totalCount } }', 'BAD_USER_INPUT', 'filter.year'],
    ['too large a page', '{ temporaryAssistanceEvents(first: 5000) { totalCount } }', 'BAD_USER_INPUT', 'first'],
    ['a foreign cursor', '{ destituteSupports(after: "bm9wZQ") { totalCount } }', 'BAD_USER_INPUT', 'after'],
    ['an impossible date', '{ dibaoEnrolments(filter: { activeOn: "2019-02-30" }) { totalCount } }', 'INVALID_DATE', undefined],
  ])('rejects %s', async (_case, query, code, field) => {
    const res = await h.gql(query);
    expect(errorCodes(res)).toEqual([code]);
    if (field) expect(res.errors![0].extensions!.field).toBe(field);
  });
});
