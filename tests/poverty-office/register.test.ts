import { errorCodes, metric } from '../support/graphql';
import { startTestPovertyOffice, TestSubgraph } from '../support/povertyOffice';
import { householdInput, insertHouseholds, OTHER_VILLAGE, POOR_VILLAGE, residentId, seedRegions } from '../support/registerFixtures';

const REGISTER = `
  mutation Register($input: RegisterHouseholdInput!, $key: String!) {
    registerHousehold(input: $input, idempotencyKey: $key) {
      replayed
      household { id regionCode status identificationYear members { id name sex birthDate relation } head { name } }
    }
  }`;

let po: TestSubgraph;
const count = async (table: string) => Number((await po.subgraph.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  po = await startTestPovertyOffice();
  await seedRegions(po.subgraph.database.dataSource);
});
afterAll(() => po?.stop());

describe('registering a household', () => {
  it('allocates household and person IDs under the village, head first, reading sex and birth date from the ID number', async () => {
    const input = householdInput();
    const res = await po.gql(REGISTER, { input, key: 'register-happy-path' });
    expect(res.errors).toBeUndefined();
    const { household, replayed } = res.data.registerHousehold;
    expect(replayed).toBe(false);
    expect(household.id).toMatch(new RegExp(`^${POOR_VILLAGE}[0-9]{4}$`));
    expect(household.status).toBe('NOT_EXITED');
    expect(household.identificationYear).toBe(2014);
    expect(household.members.map((m: { id: string }) => m.id)).toEqual([`${household.id}-01`, `${household.id}-02`, `${household.id}-03`]);
    expect(household.members[1]).toMatchObject({ name: '李秀英', sex: 'FEMALE', birthDate: '1970-11-20', relation: 'SPOUSE' });
    expect(household.head.name).toBe('王建国');
    const events = await po.subgraph.database.dataSource.query('SELECT record, record_id, kind, person_id FROM change_event WHERE household_id = $1 ORDER BY id', [household.id]);
    expect(events).toEqual([
      { record: 'Household', record_id: household.id, kind: 'CREATED', person_id: null },
      ...[1, 2, 3].map((n) => ({ record: 'Person', record_id: `${household.id}-0${n}`, kind: 'CREATED', person_id: `${household.id}-0${n}` })),
    ]);
  });

  it('replays the first result for a repeated idempotency key and writes nothing', async () => {
    const input = householdInput();
    const first = await po.gql(REGISTER, { input, key: 'register-twice-0001' });
    const before = await count('household');
    const again = await po.gql(REGISTER, { input, key: 'register-twice-0001' });
    expect(again.data.registerHousehold.replayed).toBe(true);
    expect(again.data.registerHousehold.household.id).toBe(first.data.registerHousehold.household.id);
    expect(await count('household')).toBe(before);
  });

  it('rejects a key reused for a different request, with no write', async () => {
    await po.gql(REGISTER, { input: householdInput(), key: 'register-reused-01' });
    const [households, people] = [await count('household'), await count('person')];
    const res = await po.gql(REGISTER, { input: householdInput({ mainCause: 'DISASTER', otherCauses: [] }), key: 'register-reused-01' });
    expect(errorCodes(res)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect([await count('household'), await count('person')]).toEqual([households, people]);
  });

  it.each([
    ['a bad resident ID checksum', { members: [{ residentId: '340524198001010013', name: '张三', relation: 'HEAD', healthStatus: 'HEALTHY', labourCapacity: 'ORDINARY' }] }, 'INVALID_RESIDENT_ID'],
    ['a malformed region code', { villageCode: '50015410120X' }, 'INVALID_REGION_CODE'],
    ['a region code of an unknown province', { villageCode: '990154101201' }, 'INVALID_REGION_CODE'],
    ['a village the register does not know', { villageCode: '500154101299' }, 'INVALID_REGION_CODE'],
    ['a township instead of a village', { villageCode: '500154101000' }, 'INVALID_REGION_CODE'],
    ['two heads', { members: [0, 1].map(() => ({ residentId: residentId(), name: '赵四', relation: 'HEAD', healthStatus: 'HEALTHY', labourCapacity: 'ORDINARY' })) }, 'BAD_USER_INPUT'],
    ['an other cause equal to the main cause', { otherCauses: ['ILLNESS'] }, 'BAD_USER_INPUT'],
    ['three other causes', { otherCauses: ['DISASTER', 'LACK_OF_LAND', 'LACK_OF_WATER'] }, 'BAD_USER_INPUT'],
    ['an identification date in the future', { identifiedOn: '2999-01-01' }, 'BAD_USER_INPUT'],
    ['an impossible date', { identifiedOn: '2019-02-29' }, 'INVALID_DATE'],
    ['a malformed phone number', { phone: '12345' }, 'BAD_USER_INPUT'],
    ['an unknown welfare category', { welfareCategory: 'RICH' }, 'BAD_USER_INPUT'],
  ])('rejects %s with a clear code and writes nothing', async (_case, overrides, code) => {
    const before = [await count('household'), await count('person'), await count('idempotency_key'), await count('change_event')];
    const res = await po.gql(REGISTER, { input: householdInput(overrides), key: `bad-input-${code}-${Math.random()}` });
    expect(res.data?.registerHousehold ?? null).toBeNull();
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0].message.length).toBeGreaterThan(10);
    expect([await count('household'), await count('person'), await count('idempotency_key'), await count('change_event')]).toEqual(before);
  });

  it('rejects a resident already registered in another household, atomically', async () => {
    const taken = householdInput().members[0].residentId;
    await po.gql(REGISTER, { input: householdInput({ members: [{ ...householdInput().members[0], residentId: taken }] }), key: 'taken-resident-1' });
    const before = await count('household');
    const res = await po.gql(REGISTER, {
      input: householdInput({ members: [{ residentId: taken, name: '重复', relation: 'HEAD', healthStatus: 'HEALTHY', labourCapacity: 'ORDINARY' }] }),
      key: 'taken-resident-2',
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(await count('household')).toBe(before);
  });
});

describe('updating the register', () => {
  let id: string;
  beforeAll(async () => {
    const res = await po.gql(REGISTER, { input: householdInput({ villageCode: OTHER_VILLAGE }), key: 'update-suite-household' });
    id = res.data.registerHousehold.household.id;
  });

  it('keeps an effective-dated status history', async () => {
    const change = `mutation($id: HouseholdId!, $input: ChangeStatusInput!, $key: String!) {
      changeHouseholdStatus(id: $id, input: $input, idempotencyKey: $key) {
        household { status exitYear statusHistory { status effectiveFrom effectiveTo } before: statusOn(date: "2017-12-31") after: statusOn(date: "2018-01-01") never: statusOn(date: "2010-01-01") }
      }
    }`;
    const res = await po.gql(change, { id, input: { status: 'EXITED_WITH_POLICY', effectiveFrom: '2018-01-01', reason: '两不愁三保障 met' }, key: 'exit-2018-0001' });
    expect(res.errors).toBeUndefined();
    expect(res.data.changeHouseholdStatus.household).toEqual({
      status: 'EXITED_WITH_POLICY',
      exitYear: 2018,
      statusHistory: [
        { status: 'NOT_EXITED', effectiveFrom: '2014-06-01', effectiveTo: '2018-01-01' },
        { status: 'EXITED_WITH_POLICY', effectiveFrom: '2018-01-01', effectiveTo: null },
      ],
      before: 'NOT_EXITED',
      after: 'EXITED_WITH_POLICY',
      never: null,
    });
    const invalid = await po.gql(change, { id, input: { status: 'NOT_EXITED', effectiveFrom: '2019-01-01', reason: 'undo' }, key: 'exit-undo-0001' });
    expect(errorCodes(invalid)).toEqual(['CONFLICT']);
    const backdated = await po.gql(change, { id, input: { status: 'RETURNED_TO_POVERTY', effectiveFrom: '2017-01-01', reason: 'illness' }, key: 'relapse-0001' });
    expect(errorCodes(backdated)).toEqual(['CONFLICT']);
  });

  it('updates fields, adds and retires members', async () => {
    const update = await po.gql(
      `mutation($id: HouseholdId!) { updateHousehold(id: $id, input: { welfareCategory: DIBAO, otherCauses: [] }, idempotencyKey: "update-category-1") { household { welfareCategory otherCauses mainCause } } }`,
      { id },
    );
    expect(update.data.updateHousehold.household).toEqual({ welfareCategory: 'DIBAO', otherCauses: [], mainCause: 'ILLNESS' });

    const add = await po.gql(
      `mutation($id: HouseholdId!, $m: MemberInput!) { addHouseholdMember(householdId: $id, member: $m, idempotencyKey: "add-member-0001") { person { id household { memberCount } } } }`,
      { id, m: { residentId: residentId('2016-04-04', 'MALE'), name: '王小宝', relation: 'GRANDSON', healthStatus: 'HEALTHY', labourCapacity: 'NONE' } },
    );
    expect(add.data.addHouseholdMember.person).toEqual({ id: `${id}-04`, household: { memberCount: 4 } });

    const secondHead = await po.gql(
      `mutation($id: HouseholdId!, $m: MemberInput!) { addHouseholdMember(householdId: $id, member: $m, idempotencyKey: "add-member-0002") { person { id } } }`,
      { id, m: { residentId: residentId(), name: '外来', relation: 'HEAD', healthStatus: 'HEALTHY', labourCapacity: 'ORDINARY' } },
    );
    expect(errorCodes(secondHead)).toEqual(['CONFLICT']);

    const retire = await po.gql(
      `mutation { updateHouseholdMember(personId: "${id}-04", input: { memberStatus: LEFT }, idempotencyKey: "retire-member-1") { person { memberStatus household { memberCount all: members(includeFormer: true) { id } } } } }`,
    );
    expect(retire.data.updateHouseholdMember.person).toEqual({ memberStatus: 'LEFT', household: { memberCount: 3, all: expect.arrayContaining([{ id: `${id}-04` }]) } });
  });

  it('records income against the year\'s poverty line, in exact money', async () => {
    const res = await po.gql(
      `mutation($id: HouseholdId!) { recordHouseholdIncome(householdId: $id, input: { year: 2015, netIncomePerCapita: "2855.01" }, idempotencyKey: "income-2015-01") {
        household { income(year: 2015) { netIncomePerCapita householdSize aboveLine povertyLine { amount } } } } }`,
      { id },
    );
    expect(res.data.recordHouseholdIncome.household.income).toEqual({ netIncomePerCapita: '2855.01', householdSize: 3, aboveLine: true, povertyLine: { amount: '2855.00' } });
    const bad = await po.gql(`mutation($id: HouseholdId!) { recordHouseholdIncome(householdId: $id, input: { year: 2015, netIncomePerCapita: "12.345" }, idempotencyKey: "income-bad-01") { replayed } }`, { id });
    expect(errorCodes(bad)).toEqual(['INVALID_MONEY']);
  });

  it('records procedure steps only in order, with posting periods', async () => {
    const step = (s: string, date: string, extra = '') =>
      po.gql(`mutation($id: HouseholdId!) { recordProcedureStep(householdId: $id, input: { procedure: EXIT, step: ${s}, actor: "村两委", actorLevel: VILLAGE, stepDate: "${date}", evidence: "评议记录"${extra} }, idempotencyKey: "step-${s}-${date}") { step { step stepOrder } } }`, { id });
    expect(errorCodes(await step('VERIFICATION', '2017-11-02'))).toEqual(['CONFLICT']);
    expect((await step('COMMUNITY_REVIEW', '2017-11-01')).data.recordProcedureStep.step).toEqual({ step: 'COMMUNITY_REVIEW', stepOrder: 1 });
    expect(errorCodes(await step('APPLICATION', '2017-11-01'))).toEqual(['BAD_USER_INPUT']);
    await step('VERIFICATION', '2017-11-05');
    await step('HOUSEHOLD_SIGN_OFF', '2017-11-08');
    expect(errorCodes(await step('VILLAGE_POSTING', '2017-11-10'))).toEqual(['BAD_USER_INPUT']);
    const posting = await step('VILLAGE_POSTING', '2017-11-10', ', postingStart: "2017-11-10", postingEnd: "2017-11-17"');
    expect(posting.data.recordProcedureStep.step.stepOrder).toBe(4);
    const steps = await po.gql(`query($id: HouseholdId!) { household(id: $id) { procedureSteps(procedure: EXIT) { step postingEnd } } }`, { id });
    expect(steps.data.household.procedureSteps.map((s: { step: string }) => s.step)).toEqual(['COMMUNITY_REVIEW', 'VERIFICATION', 'HOUSEHOLD_SIGN_OFF', 'VILLAGE_POSTING']);
  });

  it('resolves a resident ID to a person ID in a separate query', async () => {
    const [person] = await po.subgraph.database.dataSource.query('SELECT id, resident_id FROM person WHERE household_id = $1 ORDER BY id LIMIT 1', [id]);
    const res = await po.gql(`query($r: ResidentId!) { personIdByResidentId(residentId: $r) }`, { r: person.resident_id });
    expect(res.data.personIdByResidentId).toBe(person.id);
    expect(errorCodes(await po.gql(`{ personIdByResidentId(residentId: "340524198001010013") }`))).toEqual(['INVALID_RESIDENT_ID']);
  });
});

describe('listing households', () => {
  const VILLAGE = '500154101203';
  beforeAll(async () => {
    const db = po.subgraph.database.dataSource;
    await db.query(`INSERT INTO region (code, name, level, parent_code, is_poor_village) VALUES ('${VILLAGE}', '大坪村', 5, '500154101000', false)`);
    await insertHouseholds(db, VILLAGE, 120);
  });

  it('pages through a village with cursors and a total count', async () => {
    const page = (after: string | null) =>
      po.gql(`query($after: String) { households(filter: { regionPrefix: "${VILLAGE}" }, first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id members { id } } } }`, { after });
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const res: any = await page(after);
      expect(res.data.households.totalCount).toBe(120);
      ids.push(...res.data.households.nodes.map((n: { id: string }) => n.id));
      expect(res.data.households.nodes[0].members).toHaveLength(3);
      after = res.data.households.pageInfo.endCursor;
      expect(res.data.households.pageInfo.hasNextPage).toBe(i < 2);
    }
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    expect([...ids].sort()).toEqual(ids);
  });

  it('filters by status, cause, welfare category and poor village', async () => {
    const total = async (filter: string) => (await po.gql(`{ households(filter: ${filter}) { totalCount } }`)).data.households.totalCount;
    expect(await total(`{ regionPrefix: "${VILLAGE}", cause: SCHOOLING }`)).toBe(120);
    expect(await total(`{ regionPrefix: "${VILLAGE}", cause: ILLNESS }`)).toBe(0);
    expect(await total(`{ regionPrefix: "${VILLAGE}", poorVillage: true }`)).toBe(0);
    expect(await total(`{ regionPrefix: "500154101", poorVillage: false, status: NOT_EXITED }`)).toBeGreaterThanOrEqual(120);
    expect(await total(`{ regionPrefix: "500154101", welfareCategory: DIBAO }`)).toBe(1);
    expect(await total(`{ cause: LACK_OF_SKILLS, poorVillage: true }`)).toBeGreaterThan(0);
    expect(errorCodes(await po.gql(`{ households(filter: { regionPrefix: "5001541" }) { totalCount } }`))).toEqual(['INVALID_REGION_CODE']);
    expect(errorCodes(await po.gql(`{ households(first: 5000) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await po.gql(`{ households(after: "bm9wZQ") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('costs the same number of SQL statements for 10 and 100 households with members', async () => {
    const statementsFor = async (first: number) => {
      const before = await metric(po.subgraph.url, 'saf_sql_statements_total');
      const res = await po.gql(
        `{ households(filter: { regionPrefix: "${VILLAGE}" }, first: ${first}) { nodes { id region { name } members { id name } head { name } statusHistory { status } incomes { year } visits { visitDate } } } }`,
      );
      expect(res.data.households.nodes).toHaveLength(first);
      return (await metric(po.subgraph.url, 'saf_sql_statements_total')) - before;
    };
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(7);
  });
});

describe('regions and the duty matrix', () => {
  it('returns a region with its parent and children', async () => {
    const res = await po.gql(`{ region(code: "500154101000") { name level parent { name } children { code name isPoorVillage } } }`);
    expect(res.data.region).toMatchObject({ name: '汉丰镇', level: 'TOWNSHIP', parent: { name: '开州区' } });
    expect(res.data.region.children.slice(0, 2)).toEqual([
      { code: POOR_VILLAGE, name: '石龙村', isPoorVillage: true },
      { code: OTHER_VILLAGE, name: '东华村', isPoorVillage: false },
    ]);
  });

  it('serves the whole matrix of seed 004', async () => {
    const res = await po.gql(`{
      dutyAreas { code item lead { code } support { code } joint { code } leadFederated }
      departments { code federated subgraph duties { role area { code } } }
    }`);
    const areas = Object.fromEntries(res.data.dutyAreas.map((a: { code: string }) => [a.code, a]));
    expect(res.data.dutyAreas).toHaveLength(19);
    expect(res.data.departments).toHaveLength(42);
    expect(areas.HEALTH.lead).toEqual([{ code: 'HEALTH' }]);
    expect(areas.HEALTH.support.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['FINANCE', 'CIVIL_AFFAIRS', 'EDUCATION', 'POVERTY_OFFICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY']),
    );
    expect(areas.HOUSING_RENOVATION.lead).toEqual([{ code: 'HOUSING' }]);
    expect(areas.FINANCIAL_SERVICES.lead.map((d: { code: string }) => d.code)).toEqual(['FINANCIAL_AFFAIRS_OFFICE', 'CENTRAL_BANK_BRANCH']);
    expect(areas.IDENTIFICATION_EXIT.lead).toEqual([]);
    expect(areas.IDENTIFICATION_EXIT.joint.map((d: { code: string }) => d.code)).toContain('POVERTY_OFFICE');
    expect(areas.INDUSTRY.leadFederated).toBe(false);
    expect(areas.EDUCATION.leadFederated).toBe(true);
    expect(areas.SOCIAL_SAFETY_NET.leadFederated).toBe(true);
    const housing = res.data.departments.find((d: { code: string }) => d.code === 'HOUSING');
    expect(housing).toMatchObject({ federated: true, subgraph: 'housing' });
    expect(housing.duties).toEqual(expect.arrayContaining([{ role: 'LEAD', area: { code: 'HOUSING_RENOVATION' } }, { role: 'SUPPORT', area: { code: 'RELOCATION' } }]));
  });

  it('lists the poverty line per year in exact yuan', async () => {
    const res = await po.gql(`{ povertyLines { year amount verified } povertyLine(year: 2014) { amount } }`);
    expect(res.data.povertyLine).toEqual({ amount: '2800.00' });
    expect(res.data.povertyLines.find((l: { year: number }) => l.year === 2015)).toEqual({ year: 2015, amount: '2855.00', verified: true });
  });
});
