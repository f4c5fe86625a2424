import { health, HealthRecords, healthRecordsFor, loadHealth } from '@saf/health';
import { HouseholdBundle } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { describeSubgraphCompatibility } from '../support/federationCompatibility';
import { errorCodes, GraphQLResponse, metric } from '../support/graphql';

/**
 * The health subgraph next to a poverty office holding a generated register, with the health
 * generator's records loaded (batched INSERTs on PGlite, COPY on TEST_DATABASE_URL).
 */

const SIZE = 200;
const UNKNOWN_HOUSEHOLD = '5001541012990001';
let h: DepartmentHarness;
let records: HealthRecords[];
const dbIds = { settlements: [] as string[], contracts: [] as string[], treatments: [] as string[] };

beforeAll(async () => {
  h = await startDepartmentHarness(health, { households: SIZE, load: (pool, options) => loadHealth(pool, options) });
  records = h.households.map((b) => healthRecordsFor(b, 1));
  const first = async (table: string) => (await h.pool.query(`SELECT id FROM ${table} ORDER BY id LIMIT 6`)).rows.map((r) => String(r.id));
  dbIds.settlements = await first('hospital_settlement');
  dbIds.contracts = await first('family_doctor_contract');
  dbIds.treatments = await first('serious_illness_treatment');
}, 180_000);
afterAll(() => h?.stop());

const TABLES = ['insurance_enrolment', 'family_doctor_contract', 'serious_illness_treatment', 'hospital_settlement', 'change_event', 'idempotency_key'];
async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) result[table] = Number((await h.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  return result;
}
const allSettlements = () => records.flatMap((r) => r.hospitalSettlements);
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const sum = (values: number[]) => values.reduce((a, v) => a + v, 0);
const townOf = (b: HouseholdBundle) => b.household.regionCode.slice(0, 9);

it('loads exactly the generated records', async () => {
  const c = await counts();
  expect(c.insurance_enrolment).toBe(sum(records.map((r) => r.enrolments.length)));
  expect(c.family_doctor_contract).toBe(sum(records.map((r) => r.doctorContracts.length)));
  expect(c.serious_illness_treatment).toBe(sum(records.map((r) => r.specialTreatments.length)));
  expect(c.hospital_settlement).toBe(allSettlements().length);
  expect(c.hospital_settlement).toBeGreaterThan(SIZE * 2);
  expect(c.change_event).toBe(0);
});

describeSubgraphCompatibility('health', () => h.department.url, [
  {
    typename: 'Household',
    selection: '... on Household { hospitalSettlements { id totalCost } }',
    known: () => h.households.slice(0, 10).map((b) => ({ id: b.household.id })),
    unknown: { id: UNKNOWN_HOUSEHOLD },
    unknownIsNull: false,
  },
  {
    typename: 'Person',
    selection: '... on Person { insuranceEnrolments { id scheme } }',
    known: () => h.households.slice(0, 4).flatMap((b) => b.members.map((m) => ({ id: m.id }))),
    unknown: { id: `${UNKNOWN_HOUSEHOLD}-01` },
    unknownIsNull: false,
  },
  {
    typename: 'HealthInsuranceEnrolment',
    selection: '... on HealthInsuranceEnrolment { id year premium subsidyStatus }',
    known: () => records.slice(0, 3).flatMap((r) => r.enrolments.slice(0, 4).map((e) => ({ id: e.id }))),
    unknown: { id: `${UNKNOWN_HOUSEHOLD}-01:2020:BASIC` },
  },
  {
    typename: 'HospitalSettlement',
    selection: '... on HospitalSettlement { id outOfPocketRatio }',
    known: () => dbIds.settlements.map((id) => ({ id })),
    unknown: { id: '999999999' },
  },
  {
    typename: 'FamilyDoctorContract',
    selection: '... on FamilyDoctorContract { id disease followUpsDone }',
    known: () => dbIds.contracts.map((id) => ({ id })),
    unknown: { id: '999999999' },
    statements: 2, // the read, and the audit row for the personal field `disease`
  },
  {
    typename: 'SeriousIllnessTreatment',
    selection: '... on SeriousIllnessTreatment { id disease status }',
    known: () => dbIds.treatments.map((id) => ({ id })),
    unknown: { id: '999999999' },
    statements: 2, // the read, and the audit row for the personal field `disease`
  },
]);

describe('federation', () => {
  const ENTITIES = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) {
    ... on Household {
      id
      hospitalSettlements { id person { id } }
      insuranceEnrolments(year: $year) { id }
      doctorContracts(year: $year) { id }
      specialTreatments { id }
      basicMedicalCover(year: $year) { allKnownMembersCovered members { personId basicEnrolment { id } } }
    }
  } }`;

  it('resolves a page of households with all health fields in a constant number of SQL statements', async () => {
    const run = async (n: number) => {
      const before = await metric(h.department.url, 'saf_sql_statements_total');
      const res = await h.gql(ENTITIES, { r: h.households.slice(0, n).map((b) => ({ __typename: 'Household', id: b.household.id })), year: 2019 });
      expect(res.errors).toBeUndefined();
      expect(res.data._entities).toHaveLength(n);
      return (await metric(h.department.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await run(10);
    const hundred = await run(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(5);
  });

  it('gives unknown or malformed keys of its own entities null, without an error', async () => {
    const res = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on HospitalSettlement { id } ... on FamilyDoctorContract { id } } }`, {
      r: [{ __typename: 'HospitalSettlement', id: 'not-a-number' }, { __typename: 'FamilyDoctorContract', id: '-5' }, { __typename: 'HospitalSettlement', id: dbIds.settlements[0] }],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([null, null, { id: dbIds.settlements[0] }]);
  });

  /** A member-year without basic + critical-illness insurance, of someone health knows. */
  function findGap(): { b: HouseholdBundle; year: number; personId: string } {
    for (const [i, b] of h.households.entries()) {
      const r = records[i];
      const active = new Set(r.enrolments.filter((e) => e.cancelledOn === null).map((e) => `${e.personId}:${e.year}:${e.scheme}`));
      for (let year = 2014; year <= 2020; year++) {
        for (const m of b.members) {
          const known = r.enrolments.some((e) => e.personId === m.id) || r.hospitalSettlements.some((s) => s.personId === m.id);
          if (known && m.birthDate < `${year}-01-01` && !(active.has(`${m.id}:${year}:BASIC`) && active.has(`${m.id}:${year}:CRITICAL_ILLNESS`))) return { b, year, personId: m.id };
        }
      }
    }
    throw new Error('no insurance gap in the generated households');
  }

  it('summarises basic medical cover for the exit rule, with the gaps and the evidence', async () => {
    const gap = findGap();
    const query = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Household {
      basicMedicalCover(year: $year) { householdId year knownMemberCount uncoveredMemberCount allKnownMembersCovered department
        members { personId person { id } basicEnrolled criticalIllnessEnrolled covered basicEnrolment { id enrolledOn } criticalIllnessEnrolment { id } } }
    } } }`;
    const res = await h.gql(query, { r: [{ __typename: 'Household', id: gap.b.household.id }, { __typename: 'Household', id: UNKNOWN_HOUSEHOLD }], year: gap.year });
    expect(res.errors).toBeUndefined();
    const [cover, unknown] = res.data._entities.map((e: { basicMedicalCover: unknown }) => e.basicMedicalCover);
    expect(cover).toMatchObject({ householdId: gap.b.household.id, year: gap.year, allKnownMembersCovered: false, department: 'HEALTH' });
    expect(cover.uncoveredMemberCount).toBeGreaterThanOrEqual(1);
    const member = cover.members.find((m: { personId: string }) => m.personId === gap.personId);
    expect(member).toMatchObject({ person: { id: gap.personId }, covered: false });
    for (const m of cover.members.filter((x: { covered: boolean }) => x.covered)) {
      expect(m.basicEnrolment.id).toBe(`${m.personId}:${gap.year}:BASIC`);
      expect(m.criticalIllnessEnrolment.id).toBe(`${m.personId}:${gap.year}:CRITICAL_ILLNESS`);
    }
    expect(unknown).toEqual({ householdId: UNKNOWN_HOUSEHOLD, year: gap.year, knownMemberCount: 0, uncoveredMemberCount: 0, allKnownMembersCovered: false, department: 'HEALTH', members: [] });

    const person = await h.gql(`query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on Person {
      healthInsurance(year: $year) { personId year basicEnrolled criticalIllnessEnrolled covered enrolments { id } } } } }`, {
      r: [{ __typename: 'Person', id: gap.personId }],
      year: gap.year,
    });
    expect(person.data._entities[0].healthInsurance).toMatchObject({ personId: gap.personId, year: gap.year, covered: false });
  });

  it('reports a fully insured household as covered', async () => {
    const i = records.findIndex((r, k) => {
      const active = new Set(r.enrolments.filter((e) => e.cancelledOn === null).map((e) => e.id));
      return h.households[k].members.every((m) => active.has(`${m.id}:2020:BASIC`) && active.has(`${m.id}:2020:CRITICAL_ILLNESS`));
    });
    const b = h.households[i];
    const res = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { basicMedicalCover(year: 2020) { allKnownMembersCovered knownMemberCount } } } }`, {
      r: [{ __typename: 'Household', id: b.household.id }],
    });
    expect(res.data._entities[0].basicMedicalCover).toEqual({ allKnownMembersCovered: true, knownMemberCount: b.members.length });
  });

  it('lists a person\'s records through the Person entity', async () => {
    const i = records.findIndex((r) => r.hospitalSettlements.length > 0 && r.doctorContracts.length > 0);
    const s = records[i].hospitalSettlements[0];
    const res = await h.gql(`query($r: [_Any!]!, $year: Int) { _entities(representations: $r) { ... on Person {
      hospitalSettlements(year: $year) { settlementNumber year totalCost outOfPocket } insuranceEnrolments { id } doctorContracts { id } specialTreatments { id } } } }`, {
      r: [{ __typename: 'Person', id: s.personId }],
      year: s.year,
    });
    expect(res.errors).toBeUndefined();
    const mine = records[i].hospitalSettlements.filter((x) => x.personId === s.personId && x.year === s.year);
    expect(res.data._entities[0].hospitalSettlements).toEqual(
      mine.map((x) => ({ settlementNumber: x.settlementNumber, year: x.year, totalCost: yuan(x.totalCostFen), outOfPocket: yuan(x.outOfPocketFen) })),
    );
    expect(res.data._entities[0].insuranceEnrolments).toHaveLength(records[i].enrolments.filter((e) => e.personId === s.personId).length);
  });
});

describe('root queries', () => {
  const SETTLEMENTS = `query($filter: HospitalSettlementFilter, $first: Int, $after: String) {
    hospitalSettlements(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { id settlementNumber householdId year hospitalLevel totalCost basicInsurance criticalIllness medicalAssistance safetyNet commercialTopUp outOfPocket
              outOfPocketRatio reimbursementRatio deferredPayment oneStopSettled dutyArea household { id } }
    } }`;

  it('pages through a township\'s settlements of a year with cursors and a total count', async () => {
    const town = townOf(h.households[0]);
    const expected = allSettlements().filter((s) => s.householdId.startsWith(town) && s.year === 2019);
    expect(expected.length).toBeGreaterThan(7);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: GraphQLResponse = await h.gql(SETTLEMENTS, { filter: { regionPrefix: town, year: 2019 }, first: 7, after });
      expect(res.errors).toBeUndefined();
      const page = res.data.hospitalSettlements;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.nodes.map((n: { settlementNumber: string }) => n.settlementNumber));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.nodes).toHaveLength(7);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(seen).toEqual(expected.map((s) => s.settlementNumber));
  });

  it('computes each settlement\'s ratios exactly from fen', async () => {
    const res = await h.gql(SETTLEMENTS, { filter: { regionPrefix: townOf(h.households[0]) }, first: 50 });
    for (const n of res.data.hospitalSettlements.nodes) {
      const total = Math.round(Number(n.totalCost) * 100);
      const oop = Math.round(Number(n.outOfPocket) * 100);
      const q = (2n * BigInt(oop) * 10000n + BigInt(total)) / (2n * BigInt(total));
      expect(n.outOfPocketRatio).toBe(`${q / 10000n}.${String(q % 10000n).padStart(4, '0')}`);
      expect(Number(n.outOfPocketRatio) + Number(n.reimbursementRatio)).toBeCloseTo(1, 10);
      expect(n.dutyArea).toBe('HEALTH');
      expect(n.household.id).toBe(n.householdId);
    }
  });

  it('filters settlements by hospital level and deferred payment, and sums them in a separate query', async () => {
    const county = h.households[0].household.regionCode.slice(0, 6);
    const filter = { regionPrefix: county, year: 2018, hospitalLevel: 'COUNTY', deferredPayment: true };
    const expected = allSettlements().filter((s) => s.year === 2018 && s.hospitalLevel === 'COUNTY' && s.deferredPayment);
    expect(expected.length).toBeGreaterThan(5);
    const res = await h.gql(`query($filter: HospitalSettlementFilter) {
      hospitalSettlements(filter: $filter, first: 1000) { totalCount nodes { hospitalLevel deferredPayment year } }
      hospitalSettlementTotals(filter: $filter) { settlements persons households totalCost basicInsurance criticalIllness medicalAssistance safetyNet commercialTopUp outOfPocket
        averageOutOfPocketRatio overallOutOfPocketRatio deferredPayments deferredUnpaid oneStopSettled }
    }`, { filter });
    expect(res.errors).toBeUndefined();
    expect(res.data.hospitalSettlements.totalCount).toBe(expected.length);
    expect(res.data.hospitalSettlements.nodes.every((n: { hospitalLevel: string; deferredPayment: boolean; year: number }) => n.hospitalLevel === 'COUNTY' && n.deferredPayment && n.year === 2018)).toBe(true);
    const totals = res.data.hospitalSettlementTotals;
    const oop = sum(expected.map((s) => s.outOfPocketFen));
    const total = sum(expected.map((s) => s.totalCostFen));
    expect(totals).toMatchObject({
      settlements: expected.length,
      persons: new Set(expected.map((s) => s.personId)).size,
      households: new Set(expected.map((s) => s.householdId)).size,
      totalCost: yuan(total),
      basicInsurance: yuan(sum(expected.map((s) => s.basicInsuranceFen))),
      criticalIllness: yuan(sum(expected.map((s) => s.criticalIllnessFen))),
      medicalAssistance: yuan(sum(expected.map((s) => s.medicalAssistanceFen))),
      safetyNet: yuan(sum(expected.map((s) => s.safetyNetFen))),
      commercialTopUp: yuan(sum(expected.map((s) => s.commercialTopUpFen))),
      outOfPocket: yuan(oop),
      deferredPayments: expected.length,
      deferredUnpaid: expected.filter((s) => s.deferredPaidOn === null).length,
      oneStopSettled: expected.filter((s) => s.oneStopSettled).length,
    });
    const q = (2n * BigInt(oop) * 10000n + BigInt(total)) / (2n * BigInt(total));
    expect(totals.overallOutOfPocketRatio).toBe(`0.${String(q).padStart(4, '0')}`);
    expect(Number(totals.averageOutOfPocketRatio)).toBeCloseTo(sum(expected.map((s) => s.outOfPocketFen / s.totalCostFen)) / expected.length, 4);
    // Registered poor after 2017 pay little: the district's average own share stays low.
    expect(Number(totals.averageOutOfPocketRatio)).toBeLessThan(0.15);
  });

  it('counts enrolment coverage and subsidies by year and scheme', async () => {
    const res = await h.gql(`{ healthInsuranceCoverage(filter: { regionPrefix: "500154", year: 2020 }) {
      year scheme enrolledPersons enrolledHouseholds cancelledEnrolments fullySubsidised partiallySubsidised unsubsidised premiumTotal subsidyTotal individualContributionTotal
      subsidiesByDepartment { department enrolments amount } } }`);
    expect(res.errors).toBeUndefined();
    const rows = records.flatMap((r) => r.enrolments).filter((e) => e.year === 2020);
    for (const scheme of ['BASIC', 'CRITICAL_ILLNESS', 'COMMERCIAL_TOP_UP']) {
      const mine = rows.filter((e) => e.scheme === scheme && e.cancelledOn === null);
      const got = res.data.healthInsuranceCoverage.find((c: { scheme: string }) => c.scheme === scheme);
      expect(got).toMatchObject({
        year: 2020,
        enrolledPersons: mine.length,
        enrolledHouseholds: new Set(mine.map((e) => e.householdId)).size,
        cancelledEnrolments: rows.filter((e) => e.scheme === scheme && e.cancelledOn !== null).length,
        fullySubsidised: mine.filter((e) => e.subsidyStatus === 'FULL').length,
        premiumTotal: yuan(sum(mine.map((e) => e.premiumFen))),
        subsidyTotal: yuan(sum(mine.map((e) => e.subsidyFen))),
      });
      const departments = [...new Set(mine.filter((e) => e.subsidisingDepartment).map((e) => e.subsidisingDepartment!))];
      expect(got.subsidiesByDepartment.map((d: { department: string }) => d.department).sort()).toEqual(departments.sort());
      for (const d of got.subsidiesByDepartment) {
        const paid = mine.filter((e) => e.subsidisingDepartment === d.department);
        expect(d).toEqual({ department: d.department, enrolments: paid.length, amount: yuan(sum(paid.map((e) => e.subsidyFen))) });
      }
    }
  });

  it('lists enrolments, contracts and treatments by region and year with their filters', async () => {
    const village = h.households[0].household.regionCode;
    const res = await h.gql(`query($village: String!, $town: String!) {
      healthInsuranceEnrolments(filter: { regionPrefix: $village, year: 2018, scheme: BASIC, subsidisingDepartment: FINANCE }, first: 1000) { totalCount nodes { id householdId subsidyStatus } }
      familyDoctorContracts(filter: { regionPrefix: $town, year: 2019, chronicDisease: true }, first: 1000) { totalCount nodes { id disease startDate endDate } }
      seriousIllnessTreatments(filter: { regionPrefix: "500154", status: IN_TREATMENT }, first: 1000) { totalCount nodes { status treatmentStartedOn treatmentEndedOn } }
    }`, { village, town: townOf(h.households[0]) });
    expect(res.errors).toBeUndefined();
    const enrolments = records.flatMap((r) => r.enrolments).filter((e) => e.householdId.startsWith(village) && e.year === 2018 && e.scheme === 'BASIC' && e.subsidisingDepartment === 'FINANCE');
    expect(enrolments.length).toBeGreaterThan(0);
    expect(res.data.healthInsuranceEnrolments.totalCount).toBe(enrolments.length);
    expect(res.data.healthInsuranceEnrolments.nodes.map((n: { id: string }) => n.id)).toEqual(enrolments.map((e) => e.id).sort());
    const contracts = records.flatMap((r) => r.doctorContracts).filter((c) => c.householdId.startsWith(townOf(h.households[0])) && c.disease && c.startDate <= '2019-12-31' && c.endDate >= '2019-01-01');
    expect(contracts.length).toBeGreaterThan(0);
    expect(res.data.familyDoctorContracts.totalCount).toBe(contracts.length);
    const treatments = records.flatMap((r) => r.specialTreatments).filter((t) => t.status === 'IN_TREATMENT');
    expect(res.data.seriousIllnessTreatments.totalCount).toBe(treatments.length);
    expect(res.data.seriousIllnessTreatments.nodes.every((n: { treatmentEndedOn: string | null }) => n.treatmentEndedOn === null)).toBe(true);
  });

  it.each([
    ['a malformed region prefix', { filter: { regionPrefix: '50015' } }, 'INVALID_REGION_CODE', 'filter.regionPrefix'],
    ['a year out of range', { filter: { year: 1999 } }, 'BAD_USER_INPUT', 'filter.year'],
    ['a page too large', { first: 5000 }, 'BAD_USER_INPUT', 'first'],
    ['a forged cursor', { after: 'bm90LWEtY3Vyc29y' }, 'BAD_USER_INPUT', 'after'],
    ['a cursor with a non-numeric id', { after: Buffer.from('k:["5001541012010001","x1"]', 'utf8').toString('base64url') }, 'BAD_USER_INPUT', 'after'],
    ['a cursor with a fractional id', { after: Buffer.from('k:["5001541012010001",1.5]', 'utf8').toString('base64url') }, 'BAD_USER_INPUT', 'after'],
    ['a cursor with a key of the wrong length', { after: Buffer.from('k:["5001541012010001",3,4]', 'utf8').toString('base64url') }, 'BAD_USER_INPUT', 'after'],
  ])('rejects %s', async (_case, variables, code, field) => {
    const res = await h.gql(SETTLEMENTS, variables);
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0].extensions!.field).toBe(field);
  });
});

describe('mutations', () => {
  const A = () => h.households[0];
  const B = () => h.households[1];
  // A member without generated special-treatment cases (generated records end in 2020/2021).
  const personA = () => A().members.find((m) => !records[0].specialTreatments.some((t) => t.personId === m.id))!.id;

  const ENROL = `mutation($input: RecordHealthInsuranceEnrolmentInput!, $key: String!) { recordHealthInsuranceEnrolment(input: $input, idempotencyKey: $key) {
    replayed enrolment { id householdId personId year scheme premium individualContribution subsidy subsidyStatus subsidisingDepartment pooledFundShare enrolledOn active cancelledOn dutyArea person { id } } } }`;
  const CANCEL = `mutation($id: ID!, $input: CancelHealthInsuranceEnrolmentInput!, $key: String!) { cancelHealthInsuranceEnrolment(id: $id, input: $input, idempotencyKey: $key) {
    replayed enrolment { id active cancelledOn cancellationReason } } }`;
  const CONTRACT = `mutation($input: SignFamilyDoctorContractInput!, $key: String!) { signFamilyDoctorContract(input: $input, idempotencyKey: $key) {
    replayed contract { id personId disease startDate endDate followUpsRequired followUpsDone lastFollowUpOn terminationReason } } }`;
  const FOLLOW_UP = `mutation($id: ID!, $input: FamilyDoctorFollowUpInput!, $key: String!) { recordFamilyDoctorFollowUp(id: $id, input: $input, idempotencyKey: $key) {
    replayed contract { id followUpsDone lastFollowUpOn } } }`;
  const END = `mutation($id: ID!, $input: EndFamilyDoctorContractInput!, $key: String!) { endFamilyDoctorContract(id: $id, input: $input, idempotencyKey: $key) {
    replayed contract { id endDate terminationReason } } }`;
  const TREATMENT = `mutation($input: RegisterSeriousIllnessTreatmentInput!, $key: String!) { registerSeriousIllnessTreatment(input: $input, idempotencyKey: $key) {
    replayed treatment { id disease status diagnosedOn treatmentStartedOn treatmentEndedOn } } }`;
  const UPDATE_TREATMENT = `mutation($id: ID!, $input: UpdateSeriousIllnessTreatmentInput!, $key: String!) { updateSeriousIllnessTreatment(id: $id, input: $input, idempotencyKey: $key) {
    replayed treatment { id status treatmentStartedOn treatmentEndedOn } } }`;
  const SETTLE = `mutation($input: RecordHospitalSettlementInput!, $key: String!) { recordHospitalSettlement(input: $input, idempotencyKey: $key) {
    replayed settlement { id settlementNumber year totalCost outOfPocket outOfPocketRatio reimbursementRatio lengthOfStay deferredPayment deferredPaidOn oneStopSettled } } }`;
  const PAY = `mutation($id: ID!, $input: HospitalSettlementPaymentInput!, $key: String!) { recordHospitalSettlementPayment(id: $id, input: $input, idempotencyKey: $key) {
    replayed settlement { id deferredPaidOn } } }`;

  const enrolment = (o: Record<string, unknown> = {}) => ({
    householdId: A().household.id, personId: personA(), year: 2021, scheme: 'BASIC', premium: '320.00', individualContribution: '0.00', subsidy: '320.00',
    subsidisingDepartment: 'FINANCE', enrolledOn: '2020-11-20', ...o,
  });
  const contract = (o: Record<string, unknown> = {}) => ({
    householdId: A().household.id, personId: personA(), doctorName: '谭明华', facilityName: '柑山镇卫生院', facilityLevel: 'TOWNSHIP_HEALTH_CENTRE',
    disease: 'HYPERTENSION', startDate: '2022-03-01', endDate: '2023-02-28', ...o,
  });
  const treatment = (o: Record<string, unknown> = {}) => ({
    householdId: A().household.id, personId: personA(), disease: 'GASTRIC_CANCER', designatedHospital: '重庆大学附属肿瘤医院', hospitalLevel: 'PROVINCE',
    diagnosedOn: '2021-01-10', status: 'IN_TREATMENT', treatmentStartedOn: '2021-01-20', ...o,
  });
  let settlementSeq = 0;
  const settlement = (o: Record<string, unknown> = {}) => ({
    settlementNumber: `TEST-${Date.now()}-${++settlementSeq}`, householdId: A().household.id, personId: personA(), hospitalName: '开州区人民医院', hospitalLevel: 'COUNTY',
    diagnosis: '肺炎', admittedOn: '2021-03-01', dischargedOn: '2021-03-09', totalCost: '10000.00', basicInsurance: '6000.00', criticalIllness: '0.00',
    medicalAssistance: '1000.00', safetyNet: '2000.00', commercialTopUp: '0.00', deferredPayment: true, oneStopSettled: true, ...o,
  });
  const events = (recordId: string) => h.pool.query('SELECT record, record_id, kind, household_id, person_id FROM change_event WHERE record_id = $1 ORDER BY id', [recordId]).then((r) => r.rows);

  describe('insurance enrolment', () => {
    it('records an enrolment with its subsidy and a change event', async () => {
      const res = await h.gql(ENROL, { input: enrolment(), key: 'health-enrol-basic-2021' });
      expect(res.errors).toBeUndefined();
      const id = `${personA()}:2021:BASIC`;
      expect(res.data.recordHealthInsuranceEnrolment).toEqual({
        replayed: false,
        enrolment: {
          id, householdId: A().household.id, personId: personA(), year: 2021, scheme: 'BASIC', premium: '320.00', individualContribution: '0.00', subsidy: '320.00',
          subsidyStatus: 'FULL', subsidisingDepartment: 'FINANCE', pooledFundShare: '0.00', enrolledOn: '2020-11-20', active: true, cancelledOn: null, dutyArea: 'HEALTH',
          person: { id: personA() },
        },
      });
      expect(await events(id)).toEqual([{ record: 'HealthInsuranceEnrolment', record_id: id, kind: 'CREATED', household_id: A().household.id, person_id: personA() }]);
      const critical = await h.gql(ENROL, { input: enrolment({ scheme: 'CRITICAL_ILLNESS', premium: '65.00', subsidy: null, subsidisingDepartment: null }), key: 'health-enrol-critical-2021' });
      expect(critical.data.recordHealthInsuranceEnrolment.enrolment).toMatchObject({ subsidyStatus: 'NONE', pooledFundShare: '65.00', subsidy: '0.00' });
    });

    it('replays a repeated key without writing, and rejects a key reused for another request', async () => {
      const before = await counts();
      const again = await h.gql(ENROL, { input: enrolment(), key: 'health-enrol-basic-2021' });
      expect(again.data.recordHealthInsuranceEnrolment.replayed).toBe(true);
      expect(again.data.recordHealthInsuranceEnrolment.enrolment.id).toBe(`${personA()}:2021:BASIC`);
      expect(await counts()).toEqual(before);
      const reused = await h.gql(ENROL, { input: enrolment({ year: 2022, enrolledOn: '2021-10-01' }), key: 'health-enrol-basic-2021' });
      expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      expect(await counts()).toEqual(before);
    });

    it('rejects a second enrolment in the same scheme and year, and critical illness without basic insurance', async () => {
      const before = await counts();
      const duplicate = await h.gql(ENROL, { input: enrolment({ premium: '320.00', subsidy: '160.00', individualContribution: '160.00' }), key: 'health-enrol-duplicate' });
      expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
      const critical = await h.gql(ENROL, { input: enrolment({ year: 2022, scheme: 'CRITICAL_ILLNESS', premium: '70.00', subsidy: null, subsidisingDepartment: null, enrolledOn: '2021-10-01' }), key: 'health-enrol-no-basic' });
      expect(errorCodes(critical)).toEqual(['CONFLICT']);
      expect(critical.errors![0].extensions!.field).toBe('input.scheme');
      expect(await counts()).toEqual(before);
    });

    it('cancels basic insurance together with the year\'s critical-illness insurance', async () => {
      const id = `${personA()}:2021:BASIC`;
      const res = await h.gql(CANCEL, { id, input: { cancelledOn: '2021-06-30', reason: '在务工地参加职工医保' }, key: 'health-cancel-2021' });
      expect(res.errors).toBeUndefined();
      expect(res.data.cancelHealthInsuranceEnrolment.enrolment).toEqual({ id, active: false, cancelledOn: '2021-06-30', cancellationReason: '在务工地参加职工医保' });
      const critical = `${personA()}:2021:CRITICAL_ILLNESS`;
      expect((await events(critical)).map((e) => e.kind)).toEqual(['CREATED', 'UPDATED']);
      const again = await h.gql(CANCEL, { id, input: { cancelledOn: '2021-07-01', reason: 'twice' }, key: 'health-cancel-2021-again' });
      expect(errorCodes(again)).toEqual(['CONFLICT']);
      const missing = await h.gql(CANCEL, { id: `${personA()}:2030:BASIC`, input: { cancelledOn: '2021-07-01', reason: 'none' }, key: 'health-cancel-missing' });
      expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
    });
  });

  describe('family-doctor contracts', () => {
    let id: string;
    it('signs a contract with the follow-ups its disease requires', async () => {
      const res = await h.gql(CONTRACT, { input: contract(), key: 'health-contract-2021' });
      expect(res.errors).toBeUndefined();
      id = res.data.signFamilyDoctorContract.contract.id;
      expect(res.data.signFamilyDoctorContract.contract).toMatchObject({ disease: 'HYPERTENSION', followUpsRequired: 4, followUpsDone: 0, lastFollowUpOn: null, terminationReason: null });
      expect((await events(id)).map((e) => [e.record, e.kind, e.person_id])).toEqual([['FamilyDoctorContract', 'CREATED', personA()]]);
    });

    it('rejects an overlapping contract for the same person', async () => {
      const res = await h.gql(CONTRACT, { input: contract({ startDate: '2022-06-01', endDate: '2023-05-31' }), key: 'health-contract-overlap' });
      expect(errorCodes(res)).toEqual(['CONFLICT']);
      expect(res.errors![0].extensions!.field).toBe('input.startDate');
    });

    it('records follow-ups in order and ends the contract early', async () => {
      const first = await h.gql(FOLLOW_UP, { id, input: { followedUpOn: '2022-05-01' }, key: 'health-follow-up-1' });
      expect(first.data.recordFamilyDoctorFollowUp.contract).toEqual({ id, followUpsDone: 1, lastFollowUpOn: '2022-05-01' });
      const replay = await h.gql(FOLLOW_UP, { id, input: { followedUpOn: '2022-05-01' }, key: 'health-follow-up-1' });
      expect(replay.data.recordFamilyDoctorFollowUp).toMatchObject({ replayed: true, contract: { followUpsDone: 1 } });
      const earlier = await h.gql(FOLLOW_UP, { id, input: { followedUpOn: '2022-04-01' }, key: 'health-follow-up-0' });
      expect(errorCodes(earlier)).toEqual(['CONFLICT']);
      const outside = await h.gql(FOLLOW_UP, { id, input: { followedUpOn: '2023-06-01' }, key: 'health-follow-up-9' });
      expect(errorCodes(outside)).toEqual(['CONFLICT']);
      const end = await h.gql(END, { id, input: { endedOn: '2022-09-30', reason: '迁出本村' }, key: 'health-contract-end' });
      expect(end.data.endFamilyDoctorContract.contract).toEqual({ id, endDate: '2022-09-30', terminationReason: '迁出本村' });
      const endAgain = await h.gql(END, { id, input: { endedOn: '2022-08-30', reason: 'again' }, key: 'health-contract-end-2' });
      expect(errorCodes(endAgain)).toEqual(['CONFLICT']);
      expect((await events(id)).map((e) => e.kind)).toEqual(['CREATED', 'UPDATED', 'UPDATED']);
    });
  });

  describe('serious-illness special treatment', () => {
    it('registers a case and moves it on, refusing to go back', async () => {
      const res = await h.gql(TREATMENT, { input: treatment(), key: 'health-treatment-2021' });
      expect(res.errors).toBeUndefined();
      const { id } = res.data.registerSeriousIllnessTreatment.treatment;
      expect(res.data.registerSeriousIllnessTreatment.treatment).toMatchObject({ status: 'IN_TREATMENT', treatmentStartedOn: '2021-01-20', treatmentEndedOn: null });
      const open = await h.gql(TREATMENT, { input: treatment({ diagnosedOn: '2021-02-01', treatmentStartedOn: '2021-02-05' }), key: 'health-treatment-open' });
      expect(errorCodes(open)).toEqual(['CONFLICT']);
      const done = await h.gql(UPDATE_TREATMENT, { id, input: { status: 'TREATED', treatmentEndedOn: '2021-05-01' }, key: 'health-treatment-done' });
      expect(done.data.updateSeriousIllnessTreatment.treatment).toEqual({ id, status: 'TREATED', treatmentStartedOn: '2021-01-20', treatmentEndedOn: '2021-05-01' });
      const back = await h.gql(UPDATE_TREATMENT, { id, input: { status: 'IN_TREATMENT' }, key: 'health-treatment-back' });
      expect(errorCodes(back)).toEqual(['CONFLICT']);
      expect((await events(id)).map((e) => [e.record, e.kind])).toEqual([['SeriousIllnessTreatment', 'CREATED'], ['SeriousIllnessTreatment', 'UPDATED']]);
    });
  });

  describe('hospital settlements', () => {
    let id: string;
    it('records a settlement, computing the out-of-pocket amount and ratio', async () => {
      const input = settlement({ settlementNumber: 'TEST-SETTLEMENT-0001' });
      const res = await h.gql(SETTLE, { input, key: 'health-settlement-0001' });
      expect(res.errors).toBeUndefined();
      id = res.data.recordHospitalSettlement.settlement.id;
      expect(res.data.recordHospitalSettlement).toEqual({
        replayed: false,
        settlement: {
          id, settlementNumber: 'TEST-SETTLEMENT-0001', year: 2021, totalCost: '10000.00', outOfPocket: '1000.00', outOfPocketRatio: '0.1000', reimbursementRatio: '0.9000',
          lengthOfStay: 8, deferredPayment: true, deferredPaidOn: null, oneStopSettled: true,
        },
      });
      expect(await events(id)).toEqual([{ record: 'HospitalSettlement', record_id: id, kind: 'CREATED', household_id: A().household.id, person_id: personA() }]);
    });

    it('replays the same request and rejects the same key for another settlement', async () => {
      const before = await counts();
      const again = await h.gql(SETTLE, { input: settlement({ settlementNumber: 'TEST-SETTLEMENT-0001' }), key: 'health-settlement-0001' });
      expect(again.data.recordHospitalSettlement).toMatchObject({ replayed: true, settlement: { id } });
      const reused = await h.gql(SETTLE, { input: settlement({ settlementNumber: 'TEST-SETTLEMENT-0002' }), key: 'health-settlement-0001' });
      expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
      expect(await counts()).toEqual(before);
    });

    it('rejects a duplicate settlement number and an overlapping stay', async () => {
      const before = await counts();
      const duplicate = await h.gql(SETTLE, { input: settlement({ settlementNumber: 'TEST-SETTLEMENT-0001', admittedOn: '2021-05-01', dischargedOn: '2021-05-03' }), key: 'health-settlement-dup' });
      expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
      expect(duplicate.errors![0].extensions!.field).toBe('input.settlementNumber');
      const overlap = await h.gql(SETTLE, { input: settlement({ admittedOn: '2021-03-05', dischargedOn: '2021-03-12' }), key: 'health-settlement-overlap' });
      expect(errorCodes(overlap)).toEqual(['CONFLICT']);
      expect(overlap.errors![0].extensions!.field).toBe('input.admittedOn');
      expect(await counts()).toEqual(before);
      // A transfer: discharged and admitted elsewhere the same day.
      const transfer = await h.gql(SETTLE, { input: settlement({ admittedOn: '2021-03-09', dischargedOn: '2021-03-20', hospitalLevel: 'CITY', hospitalName: '重庆三峡中心医院' }), key: 'health-settlement-transfer' });
      expect(transfer.errors).toBeUndefined();
    });

    it('records the deferred payment once', async () => {
      const paid = await h.gql(PAY, { id, input: { paidOn: '2021-03-25' }, key: 'health-settlement-paid' });
      expect(paid.data.recordHospitalSettlementPayment).toEqual({ replayed: false, settlement: { id, deferredPaidOn: '2021-03-25' } });
      const twice = await h.gql(PAY, { id, input: { paidOn: '2021-03-26' }, key: 'health-settlement-paid-2' });
      expect(errorCodes(twice)).toEqual(['CONFLICT']);
      const unknown = await h.gql(PAY, { id: '999999999', input: { paidOn: '2021-03-26' }, key: 'health-settlement-paid-3' });
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    });
  });

  describe('validation: each bad input has its code and writes nothing', () => {
    type Case = [string, string, () => Record<string, unknown>, string, string | undefined];
    const cases: Case[] = [
      ['settlement parts above the total', SETTLE, () => ({ input: settlement({ basicInsurance: '9500.00' }) }), 'BAD_USER_INPUT', 'input.totalCost'],
      ['a wrong out-of-pocket amount', SETTLE, () => ({ input: settlement({ outOfPocket: '500.00' }) }), 'BAD_USER_INPUT', 'input.outOfPocket'],
      ['a negative part', SETTLE, () => ({ input: settlement({ medicalAssistance: '-1.00' }) }), 'BAD_USER_INPUT', 'input.medicalAssistance'],
      ['a zero total', SETTLE, () => ({ input: settlement({ totalCost: '0.00', basicInsurance: '0.00', medicalAssistance: '0.00', safetyNet: '0.00' }) }), 'BAD_USER_INPUT', 'input.totalCost'],
      ['a discharge before admission', SETTLE, () => ({ input: settlement({ dischargedOn: '2021-02-01' }) }), 'BAD_USER_INPUT', 'input.dischargedOn'],
      ['an admission in the future', SETTLE, () => ({ input: settlement({ admittedOn: '2999-01-01', dischargedOn: '2999-01-05' }) }), 'BAD_USER_INPUT', 'input.admittedOn'],
      ['a malformed settlement number', SETTLE, () => ({ input: settlement({ settlementNumber: 'a b' }) }), 'BAD_USER_INPUT', 'input.settlementNumber'],
      ['a payment date without deferred payment', SETTLE, () => ({ input: settlement({ deferredPayment: false, deferredPaidOn: '2021-03-10' }) }), 'BAD_USER_INPUT', 'input.deferredPaidOn'],
      ['money with three decimals', SETTLE, () => ({ input: settlement({ totalCost: '12.345' }) }), 'INVALID_MONEY', undefined],
      ['an impossible date', SETTLE, () => ({ input: settlement({ admittedOn: '2021-02-30' }) }), 'INVALID_DATE', undefined],
      ['a malformed person ID', SETTLE, () => ({ input: settlement({ personId: 'P-1' }) }), 'INVALID_PERSON_ID', undefined],
      ['an unknown hospital level', SETTLE, () => ({ input: settlement({ hospitalLevel: 'VILLAGE' }) }), 'BAD_USER_INPUT', undefined],
      ['a person not in the register', SETTLE, () => ({ input: settlement({ personId: `${A().household.id}-99` }) }), 'NOT_IN_REGISTER', 'input.personId'],
      ['a household not in the register', SETTLE, () => ({ input: settlement({ householdId: UNKNOWN_HOUSEHOLD, personId: `${UNKNOWN_HOUSEHOLD}-01` }) }), 'NOT_IN_REGISTER', 'input.personId'],
      ['a person of another household', SETTLE, () => ({ input: settlement({ personId: B().members[0].id }) }), 'CONFLICT', 'input.personId'],
      ['an idempotency key too short', SETTLE, () => ({ input: settlement({ admittedOn: '2021-10-01', dischargedOn: '2021-10-02' }), key: 'short' }), 'BAD_USER_INPUT', 'idempotencyKey'],
      ['an enrolment year out of range', ENROL, () => ({ input: enrolment({ year: 2010, enrolledOn: '2009-10-01' }) }), 'BAD_USER_INPUT', 'input.year'],
      ['basic contributions not adding up to the premium', ENROL, () => ({ input: enrolment({ year: 2023, enrolledOn: '2022-10-01', subsidy: '100.00' }) }), 'BAD_USER_INPUT', 'input.individualContribution'],
      ['a subsidy without its department', ENROL, () => ({ input: enrolment({ year: 2023, enrolledOn: '2022-10-01', subsidisingDepartment: null }) }), 'BAD_USER_INPUT', 'input.subsidisingDepartment'],
      ['a department without a subsidy', ENROL, () => ({ input: enrolment({ year: 2023, enrolledOn: '2022-10-01', subsidy: null, individualContribution: '320.00' }) }), 'BAD_USER_INPUT', 'input.subsidisingDepartment'],
      ['an enrolment outside the collection period', ENROL, () => ({ input: enrolment({ year: 2023, enrolledOn: '2021-05-01' }) }), 'BAD_USER_INPUT', 'input.enrolledOn'],
      ['a negative premium', ENROL, () => ({ input: enrolment({ year: 2023, enrolledOn: '2022-10-01', premium: '-320.00' }) }), 'BAD_USER_INPUT', 'input.premium'],
      ['an unknown subsidising department', ENROL, () => ({ input: enrolment({ year: 2023, enrolledOn: '2022-10-01', subsidisingDepartment: 'BANK' }) }), 'BAD_USER_INPUT', undefined],
      ['a contract ending before it starts', CONTRACT, () => ({ input: contract({ startDate: '2023-03-01', endDate: '2023-01-01' }) }), 'BAD_USER_INPUT', 'input.endDate'],
      ['a contract starting in the future', CONTRACT, () => ({ input: contract({ startDate: '2999-03-01', endDate: '2999-12-01' }) }), 'BAD_USER_INPUT', 'input.startDate'],
      ['a contract longer than three years', CONTRACT, () => ({ input: contract({ startDate: '2023-03-01', endDate: '2027-03-01' }) }), 'BAD_USER_INPUT', 'input.endDate'],
      ['a contract without a doctor', CONTRACT, () => ({ input: contract({ startDate: '2023-03-01', endDate: '2024-02-28', doctorName: ' ' }) }), 'BAD_USER_INPUT', 'input.doctorName'],
      ['a case in treatment without a start date', TREATMENT, () => ({ input: treatment({ disease: 'LUNG_CANCER', treatmentStartedOn: null }) }), 'BAD_USER_INPUT', 'input.status'],
      ['treatment before the disease was listed', TREATMENT, () => ({ input: treatment({ disease: 'LUNG_CANCER', diagnosedOn: '2017-03-01', treatmentStartedOn: '2017-04-01' }) }), 'BAD_USER_INPUT', 'input.treatmentStartedOn'],
      ['treatment before the diagnosis', TREATMENT, () => ({ input: treatment({ disease: 'LUNG_CANCER', treatmentStartedOn: '2020-12-01' }) }), 'BAD_USER_INPUT', 'input.treatmentStartedOn'],
      ['a disease not on the special list', TREATMENT, () => ({ input: treatment({ disease: 'FLU' }) }), 'BAD_USER_INPUT', undefined],
    ];

    it.each(cases)('rejects %s', async (_case, mutation, variables, code, field) => {
      const before = await counts();
      const res = await h.gql(mutation, { key: `health-bad-${Math.random().toString(36).slice(2)}`, ...variables() });
      expect(errorCodes(res)).toEqual([code]);
      expect(res.errors![0].message.length).toBeGreaterThan(10);
      if (field) expect(res.errors![0].extensions!.field).toBe(field);
      expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
      expect(await counts()).toEqual(before);
    });
  });
});
