import { civilAffairs, civilAffairsRecordsFor, CivilAffairsRecords, loadCivilAffairs, unregisteredRosterFor } from '@saf/civil-affairs';
import { HouseholdBundle, WelfareCategory } from '@saf/poverty-office';
import { DepartmentHarness, startDepartmentHarness } from '../support/departmentHarness';
import { errorCodes, GraphQLResponse } from '../support/graphql';

/** Civil-affairs mutations: validated, checked against the register, transactional, idempotent. */

const SIZE = 200;
const SEED = 1;
const TABLES = [
  'dibao_enrolment', 'dibao_covered_person', 'dibao_recheck', 'destitute_support', 'temporary_assistance', 'disability_allowance',
  'medical_assistance', 'change_event', 'idempotency_key',
];

let h: DepartmentHarness;
let records: Map<string, CivilAffairsRecords>;
let roster: CivilAffairsRecords[];
// Households picked from the generated county.
let fresh: HouseholdBundle; // GENERAL, no civil-affairs dibao: gets a new enrolment
let fresh2: HouseholdBundle; // another one, for ending
let enrolled: HouseholdBundle; // has an enrolment in force
let other: HouseholdBundle; // a third household, for person/household mismatches

beforeAll(async () => {
  h = await startDepartmentHarness(civilAffairs, { households: SIZE, seed: SEED, load: (pool, o) => loadCivilAffairs(pool, o) });
  records = new Map(h.households.map((b) => [b.household.id, civilAffairsRecordsFor(b, SEED)]));
  roster = unregisteredRosterFor(SIZE, SEED);
  const plain = h.households.filter((b) => b.household.welfareCategory === WelfareCategory.GENERAL && b.members.length >= 3 && records.get(b.household.id)!.dibaoEnrolments.length === 0);
  [fresh, fresh2, other] = plain;
  enrolled = h.households.find((b) => records.get(b.household.id)!.dibaoEnrolments.some((e) => e.endDate === null))!;
});
afterAll(() => h?.stop());

const counts = async () => Promise.all(TABLES.map(async (t) => Number((await h.pool.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n)));
const events = async (recordId: string) => (await h.pool.query('SELECT record, kind, household_id, person_id FROM change_event WHERE record_id = $1 ORDER BY id', [recordId])).rows;
let keys = 0;
const key = (name: string) => `${name}-${++keys}-${Date.now()}`;

const CREATE_DIBAO = `mutation($input: CreateDibaoEnrolmentInput!, $key: String!) { createDibaoEnrolment(input: $input, idempotencyKey: $key) {
  replayed dibaoEnrolment { id householdId classification certificateNo startDate endDate endReason recheckIntervalMonths approvedMonthlyAmount currentMonthlyAmount
    personsCovered(on: "2021-06-01") coveredPersons { personId coveredFrom coveredTo } rechecks { recheckDate result newMonthlyAmount personsCovered } } } }`;
const RECHECK = `mutation($id: ID!, $input: DibaoRecheckInput!, $key: String!) { recordDibaoRecheck(enrolmentId: $id, input: $input, idempotencyKey: $key) {
  replayed dibaoEnrolment { id endDate endReason currentMonthlyAmount nextRecheckDue coveredPersons { personId coveredTo } rechecks { recheckDate result newMonthlyAmount personsCovered } } } }`;
const END_DIBAO = `mutation($id: ID!, $input: EndCivilAffairsRecordInput!, $key: String!) { endDibaoEnrolment(id: $id, input: $input, idempotencyKey: $key) {
  replayed dibaoEnrolment { id endDate endReason coveredPersons { coveredTo } } } }`;
const CREATE_DESTITUTE = `mutation($input: CreateDestituteSupportInput!, $key: String!) { createDestituteSupport(input: $input, idempotencyKey: $key) {
  replayed destituteSupport { id personId mode selfCareAbility basicLivingMonthly careMonthly monthlyTotal institutionName startDate endDate } } }`;
const CHANGE_DESTITUTE = `mutation($id: ID!, $input: ChangeDestituteSupportInput!, $key: String!) { changeDestituteSupport(id: $id, input: $input, idempotencyKey: $key) {
  destituteSupport { id mode institutionName selfCareAbility careMonthly } } }`;
const END_DESTITUTE = `mutation($id: ID!, $input: EndCivilAffairsRecordInput!, $key: String!) { endDestituteSupport(id: $id, input: $input, idempotencyKey: $key) {
  destituteSupport { id endDate endReason } } }`;
const TEMPORARY = `mutation($input: GrantTemporaryAssistanceInput!, $key: String!) { grantTemporaryAssistance(input: $input, idempotencyKey: $key) {
  replayed temporaryAssistanceEvent { id householdId personId cause reason procedure cashAmount inKindDescription inKindValue year } } }`;
const DISABILITY = `mutation($input: GrantDisabilityAllowanceInput!, $key: String!) { grantDisabilityAllowance(input: $input, idempotencyKey: $key) {
  replayed disabilityAllowance { id personId type disabilityGrade monthlyAmount startDate endDate } } }`;
const END_DISABILITY = `mutation($id: ID!, $input: EndCivilAffairsRecordInput!, $key: String!) { endDisabilityAllowance(id: $id, input: $input, idempotencyKey: $key) {
  disabilityAllowance { id endDate endReason } } }`;
const MEDICAL = `mutation($input: GrantMedicalAssistanceInput!, $key: String!) { grantMedicalAssistance(input: $input, idempotencyKey: $key) {
  replayed medicalAssistanceGrant { id personId type grantDate year amount selfPaidCost settlementNumber insuranceEnrolmentId dutyArea dutyRole } } }`;

function dibaoInput(b: HouseholdBundle, overrides: Record<string, unknown> = {}) {
  const persons = ((overrides.personIds as string[] | undefined) ?? b.members).length;
  return {
    householdId: b.household.id,
    classification: 'B',
    certificateNo: `500154DB2021${b.household.id.slice(6)}`,
    personIds: b.members.map((m) => m.id),
    assessedIncomeMonthly: '120.00',
    dibaoLineMonthly: '380.00',
    monthlyAmount: (Math.max(1, persons) * 260).toFixed(2),
    applicationDate: '2021-03-01',
    approvalDate: '2021-03-20',
    startDate: '2021-04-01',
    ...overrides,
  };
}

/** Runs a request that must fail: the given code (and field), and no row written anywhere. */
async function rejects(run: () => Promise<GraphQLResponse>, code: string, field?: string) {
  const before = await counts();
  const res = await run();
  expect(errorCodes(res)).toEqual([code]);
  if (field !== undefined) expect(res.errors![0].extensions!.field).toBe(field);
  expect(res.errors![0].message.length).toBeGreaterThan(10);
  expect(await counts()).toEqual(before);
  return res;
}

describe('dibao enrolments', () => {
  let id: string;

  it('creates an enrolment covering the household\'s members, with its change event', async () => {
    const res = await h.gql(CREATE_DIBAO, { input: dibaoInput(fresh), key: key('dibao-create') });
    expect(res.errors).toBeUndefined();
    const e = res.data.createDibaoEnrolment.dibaoEnrolment;
    id = e.id;
    expect(res.data.createDibaoEnrolment.replayed).toBe(false);
    expect(e).toMatchObject({
      id: `DB-${fresh.household.id}-01`, householdId: fresh.household.id, classification: 'B', startDate: '2021-04-01', endDate: null, recheckIntervalMonths: 12,
      approvedMonthlyAmount: (fresh.members.length * 260).toFixed(2), currentMonthlyAmount: (fresh.members.length * 260).toFixed(2),
      personsCovered: fresh.members.length, rechecks: [],
    });
    expect(e.coveredPersons).toEqual(fresh.members.map((m) => ({ personId: m.id, coveredFrom: '2021-04-01', coveredTo: null })));
    expect(await events(id)).toEqual([{ record: 'DibaoEnrolment', kind: 'CREATED', household_id: fresh.household.id, person_id: null }]);
  });

  it('replays a repeated key without writing, and refuses the key for another request', async () => {
    const input = dibaoInput(fresh2, { classification: 'C' });
    const k = key('dibao-twice');
    const first = await h.gql(CREATE_DIBAO, { input, key: k });
    expect(first.errors).toBeUndefined();
    const before = await counts();
    const again = await h.gql(CREATE_DIBAO, { input, key: k });
    expect(again.data.createDibaoEnrolment.replayed).toBe(true);
    expect(again.data.createDibaoEnrolment.dibaoEnrolment.id).toBe(first.data.createDibaoEnrolment.dibaoEnrolment.id);
    expect(first.data.createDibaoEnrolment.dibaoEnrolment.recheckIntervalMonths).toBe(6);
    expect(await counts()).toEqual(before);
    await rejects(() => h.gql(CREATE_DIBAO, { input: { ...input, classification: 'A' }, key: k }), 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
  });

  it('re-checks: CONTINUE keeps the amount, ADJUST changes amount and persons, STOP ends the enrolment', async () => {
    const cont = await h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2021-10-08', result: 'CONTINUE', assessedIncomeMonthly: '120.00', dibaoLineMonthly: '380.00' } });
    expect(cont.errors).toBeUndefined();
    expect(cont.data.recordDibaoRecheck.dibaoEnrolment.currentMonthlyAmount).toBe((fresh.members.length * 260).toFixed(2));
    expect(cont.data.recordDibaoRecheck.dibaoEnrolment.nextRecheckDue).toBe('2022-10-08');

    const leaving = fresh.members[1].id;
    const adjust = await h.gql(RECHECK, {
      id, key: key('recheck'),
      input: { recheckDate: '2022-04-02', result: 'ADJUST', assessedIncomeMonthly: '150.00', dibaoLineMonthly: '390.00', newMonthlyAmount: '480.00', removePersonIds: [leaving], notes: '外出务工，单列' },
    });
    expect(adjust.errors).toBeUndefined();
    const adjusted = adjust.data.recordDibaoRecheck.dibaoEnrolment;
    expect(adjusted.currentMonthlyAmount).toBe('480.00');
    expect(adjusted.coveredPersons.find((c: { personId: string }) => c.personId === leaving).coveredTo).toBe('2022-04-01');
    expect(adjusted.rechecks.at(-1)).toEqual({ recheckDate: '2022-04-02', result: 'ADJUST', newMonthlyAmount: '480.00', personsCovered: fresh.members.length - 1 });
    expect((await events(`${id}/2022-04-02`))[0]).toMatchObject({ record: 'DibaoRecheck', kind: 'CREATED' });

    await rejects(() => h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2022-05-01', result: 'ADJUST', assessedIncomeMonthly: '150.00', dibaoLineMonthly: '390.00', newMonthlyAmount: '480.00', addPersonIds: [leaving] } }), 'CONFLICT', 'input.addPersonIds');
    await rejects(() => h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2022-03-01', result: 'CONTINUE', assessedIncomeMonthly: '150.00', dibaoLineMonthly: '390.00' } }), 'CONFLICT', 'input.recheckDate');
    await rejects(() => h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2022-06-01', result: 'ADJUST', assessedIncomeMonthly: '150.00', dibaoLineMonthly: '390.00' } }), 'BAD_USER_INPUT', 'input.newMonthlyAmount');
    await rejects(() => h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2022-06-01', result: 'ADJUST', assessedIncomeMonthly: '150.00', dibaoLineMonthly: '390.00', newMonthlyAmount: '9000.00' } }), 'BAD_USER_INPUT', 'input.newMonthlyAmount');
    await rejects(() => h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2022-06-01', result: 'CONTINUE', assessedIncomeMonthly: '400.00', dibaoLineMonthly: '390.00' } }), 'BAD_USER_INPUT', 'input.assessedIncomeMonthly');

    const stop = await h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2022-10-09', result: 'STOP', assessedIncomeMonthly: '420.00', dibaoLineMonthly: '390.00' } });
    expect(stop.errors).toBeUndefined();
    const stopped = stop.data.recordDibaoRecheck.dibaoEnrolment;
    expect(stopped).toMatchObject({ endDate: '2022-10-09', endReason: 'INCOME_ABOVE_LINE', nextRecheckDue: null });
    expect(stopped.coveredPersons.every((c: { coveredTo: string }) => c.coveredTo !== null)).toBe(true);
    await rejects(() => h.gql(RECHECK, { id, key: key('recheck'), input: { recheckDate: '2023-01-09', result: 'CONTINUE', assessedIncomeMonthly: '100.00', dibaoLineMonthly: '390.00' } }), 'CONFLICT', 'enrolmentId');
    const household = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Household { now: dibao(on: "2022-12-01") { id } then: dibao(on: "2022-01-01") { id } } } }`, {
      r: [{ __typename: 'Household', id: fresh.household.id }],
    });
    expect(household.data._entities[0]).toEqual({ now: null, then: { id } });
  });

  it('ends an enrolment once, and closes a legacy roster entry for a household the register does not have', async () => {
    const e = records.get(enrolled.household.id)!.dibaoEnrolments.find((x) => x.endDate === null)!;
    const res = await h.gql(END_DIBAO, { id: e.id, key: key('end'), input: { endDate: '2021-06-30', reason: 'MOVED_AWAY' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.endDibaoEnrolment.dibaoEnrolment).toMatchObject({ endDate: '2021-06-30', endReason: 'MOVED_AWAY' });
    expect(res.data.endDibaoEnrolment.dibaoEnrolment.coveredPersons.every((c: { coveredTo: string }) => c.coveredTo !== null && c.coveredTo <= '2021-06-30')).toBe(true);
    expect((await events(e.id)).at(-1)).toEqual({ record: 'DibaoEnrolment', kind: 'UPDATED', household_id: enrolled.household.id, person_id: null });
    await rejects(() => h.gql(END_DIBAO, { id: e.id, key: key('end'), input: { endDate: '2021-07-31', reason: 'MOVED_AWAY' } }), 'CONFLICT', 'id');
    await rejects(() => h.gql(END_DIBAO, { id: `DB-${fresh.household.id}-77`, key: key('end'), input: { endDate: '2021-07-31', reason: 'MOVED_AWAY' } }), 'NOT_FOUND');

    const legacy = roster.find((r) => r.dibaoEnrolments.length > 0)!.dibaoEnrolments[0];
    await rejects(
      () => h.gql(RECHECK, { id: legacy.id, key: key('legacy'), input: { recheckDate: '2021-02-01', result: 'CONTINUE', assessedIncomeMonthly: '100.00', dibaoLineMonthly: '380.00' } }),
      'NOT_IN_REGISTER',
      'enrolmentId',
    );
    const closed = await h.gql(END_DIBAO, { id: legacy.id, key: key('legacy'), input: { endDate: '2021-01-31', reason: 'ROSTER_CORRECTION' } });
    expect(closed.data.endDibaoEnrolment.dibaoEnrolment).toMatchObject({ endDate: '2021-01-31', endReason: 'ROSTER_CORRECTION' });
  });

  const overlapping = () => dibaoInput(enrolled, { certificateNo: 'NEW-CERT-0001', applicationDate: '2021-05-01', approvalDate: '2021-05-10', startDate: '2021-06-01' });
  it.each<[string, () => Record<string, unknown>, string, string | undefined]>([
    ['a household not in the register', () => dibaoInput(other, { householdId: roster[0].householdId, personIds: [`${roster[0].householdId}-01`] }), 'NOT_IN_REGISTER', 'input.householdId'],
    ['a person not in the register', () => dibaoInput(other, { personIds: [other.members[0].id, `${other.household.id}-97`] }), 'NOT_IN_REGISTER', 'input.personIds'],
    ['a person of another household', () => dibaoInput(other, { personIds: [other.members[0].id, fresh.members[0].id] }), 'CONFLICT', 'input.personIds'],
    ['a malformed person ID', () => dibaoInput(other, { personIds: ['5001541012010001-1'] }), 'INVALID_PERSON_ID', undefined],
    ['a malformed household ID', () => dibaoInput(other, { householdId: '500154101201000' }), 'INVALID_HOUSEHOLD_ID', undefined],
    ['an income not below the line', () => dibaoInput(other, { assessedIncomeMonthly: '380.00' }), 'BAD_USER_INPUT', 'input.assessedIncomeMonthly'],
    ['an amount above the line for every person', () => dibaoInput(other, { monthlyAmount: '5000.00' }), 'BAD_USER_INPUT', 'input.monthlyAmount'],
    ['a negative amount', () => dibaoInput(other, { monthlyAmount: '-5.00' }), 'INVALID_MONEY', 'input.monthlyAmount'],
    ['an amount with three decimals', () => dibaoInput(other, { monthlyAmount: '500.005' }), 'INVALID_MONEY', undefined],
    ['an implausible line', () => dibaoInput(other, { dibaoLineMonthly: '20.00', assessedIncomeMonthly: '10.00', monthlyAmount: '10.00' }), 'BAD_USER_INPUT', 'input.dibaoLineMonthly'],
    ['an approval before the application', () => dibaoInput(other, { approvalDate: '2021-02-01' }), 'BAD_USER_INPUT', 'input.approvalDate'],
    ['a date in the future', () => dibaoInput(other, { approvalDate: '2999-01-01' }), 'BAD_USER_INPUT', 'input.approvalDate'],
    ['an impossible date', () => dibaoInput(other, { applicationDate: '2021-02-30' }), 'INVALID_DATE', undefined],
    ['a person listed twice', () => dibaoInput(other, { personIds: [other.members[0].id, other.members[0].id] }), 'BAD_USER_INPUT', 'input.personIds'],
    ['no persons', () => dibaoInput(other, { personIds: [] }), 'BAD_USER_INPUT', 'input.personIds'],
    ['a malformed certificate', () => dibaoInput(other, { certificateNo: 'db 2021' }), 'BAD_USER_INPUT', 'input.certificateNo'],
    ['a certificate already issued', () => dibaoInput(other, { certificateNo: dibaoInput(fresh).certificateNo }), 'CONFLICT', 'input.certificateNo'],
    ['an unknown classification', () => dibaoInput(other, { classification: 'D' }), 'BAD_USER_INPUT', undefined],
    ['a re-check interval of 5 months', () => dibaoInput(other, { recheckIntervalMonths: 5 }), 'BAD_USER_INPUT', 'input.recheckIntervalMonths'],
    ['an enrolment overlapping the one in force', overlapping, 'CONFLICT', 'input.startDate'],
  ])('rejects %s and writes nothing', async (_case, input, code, field) => {
    await rejects(() => h.gql(CREATE_DIBAO, { input: input(), key: key('bad-dibao') }), code, field);
  });

  it('rejects a too short idempotency key', async () => {
    await rejects(() => h.gql(CREATE_DIBAO, { input: dibaoInput(other), key: 'short' }), 'BAD_USER_INPUT', 'idempotencyKey');
  });
});

describe('destitute support', () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    householdId: other.household.id, personId: other.members[0].id, mode: 'AT_HOME', selfCareAbility: 'PART', basicLivingMonthly: '494.00', careMonthly: '300.00',
    certificateNo: `500154TK2021${other.members[0].id.slice(6).replace('-', '')}`, applicationDate: '2021-02-01', approvalDate: '2021-02-20', ...overrides,
  });

  it('creates, changes and ends a support, one at a time per person', async () => {
    const res = await h.gql(CREATE_DESTITUTE, { input: input(), key: key('destitute') });
    expect(res.errors).toBeUndefined();
    const s = res.data.createDestituteSupport.destituteSupport;
    expect(s).toMatchObject({ personId: other.members[0].id, mode: 'AT_HOME', basicLivingMonthly: '494.00', monthlyTotal: '794.00', startDate: '2021-02-20', endDate: null, institutionName: null });
    expect(await events(s.id)).toEqual([{ record: 'DestituteSupport', kind: 'CREATED', household_id: other.household.id, person_id: other.members[0].id }]);
    await rejects(() => h.gql(CREATE_DESTITUTE, { input: input({ certificateNo: 'OTHER-CERT-01', approvalDate: '2021-03-01', applicationDate: '2021-03-01' }), key: key('destitute') }), 'CONFLICT', 'input.personId');

    await rejects(() => h.gql(CHANGE_DESTITUTE, { id: s.id, input: { mode: 'INSTITUTIONAL' }, key: key('destitute') }), 'BAD_USER_INPUT', 'input.institutionName');
    const moved = await h.gql(CHANGE_DESTITUTE, { id: s.id, input: { mode: 'INSTITUTIONAL', institutionName: '汉丰镇敬老院', selfCareAbility: 'NONE', careMonthly: '600.00' }, key: key('destitute') });
    expect(moved.data.changeDestituteSupport.destituteSupport).toMatchObject({ mode: 'INSTITUTIONAL', institutionName: '汉丰镇敬老院', selfCareAbility: 'NONE', careMonthly: '600.00' });

    const ended = await h.gql(END_DESTITUTE, { id: s.id, input: { endDate: '2021-12-31', reason: 'DECEASED' }, key: key('destitute') });
    expect(ended.data.endDestituteSupport.destituteSupport).toEqual({ id: s.id, endDate: '2021-12-31', endReason: 'DECEASED' });
    expect((await events(s.id)).map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'UPDATED', 'UPDATED']);
    await rejects(() => h.gql(END_DESTITUTE, { id: s.id, input: { endDate: '2021-12-31', reason: 'DECEASED' }, key: key('destitute') }), 'CONFLICT', 'id');
    await rejects(() => h.gql(CHANGE_DESTITUTE, { id: s.id, input: { careMonthly: '100.00' }, key: key('destitute') }), 'CONFLICT', 'id');
  });

  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['institutional support without an institution', { mode: 'INSTITUTIONAL' }, 'BAD_USER_INPUT', 'input.institutionName'],
    ['support at home with an institution', { institutionName: '敬老院' }, 'BAD_USER_INPUT', 'input.institutionName'],
    ['a zero basic living standard', { basicLivingMonthly: '0.00' }, 'BAD_USER_INPUT', 'input.basicLivingMonthly'],
    ['an unknown self-care ability', { selfCareAbility: 'SOME' }, 'BAD_USER_INPUT', undefined],
  ])('rejects %s', async (_case, overrides, code, field) => {
    await rejects(() => h.gql(CREATE_DESTITUTE, { input: input({ personId: other.members[1].id, certificateNo: 'CERT-TK-0002', ...overrides }), key: key('bad-destitute') }), code, field);
  });

  it('rejects a person of another household', async () => {
    await rejects(() => h.gql(CREATE_DESTITUTE, { input: input({ personId: fresh.members[2].id, certificateNo: 'CERT-TK-0003' }), key: key('bad-destitute') }), 'CONFLICT', 'input.personId');
  });
});

describe('temporary assistance', () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    householdId: other.household.id, personId: other.members[0].id, cause: 'EMERGENCY', reason: 'FIRE', procedure: 'EMERGENCY', cashAmount: '3000.00',
    inKindDescription: '棉被2床、大米50斤', inKindValue: '400.00', eventDate: '2021-01-10', approvalDate: '2021-01-11', ...overrides,
  });

  it('records a grant once per household, date and reason, and replays a repeated key', async () => {
    const firstKey = key('temporary');
    const res = await h.gql(TEMPORARY, { input: input(), key: firstKey });
    expect(res.errors).toBeUndefined();
    const t = res.data.grantTemporaryAssistance.temporaryAssistanceEvent;
    expect(t).toMatchObject({ householdId: other.household.id, cause: 'EMERGENCY', cashAmount: '3000.00', inKindValue: '400.00', year: 2021 });
    expect(await events(t.id)).toEqual([{ record: 'TemporaryAssistanceEvent', kind: 'CREATED', household_id: other.household.id, person_id: other.members[0].id }]);
    const before = await counts();
    const replay = await h.gql(TEMPORARY, { input: input(), key: firstKey });
    expect(replay.data.grantTemporaryAssistance).toMatchObject({ replayed: true, temporaryAssistanceEvent: { id: t.id } });
    expect(await counts()).toEqual(before);
    await rejects(() => h.gql(TEMPORARY, { input: input({ cashAmount: '100.00' }), key: firstKey }), 'IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
    await rejects(() => h.gql(TEMPORARY, { input: input({ cashAmount: '100.00' }), key: key('temporary') }), 'CONFLICT', 'input.eventDate');
    const goodsOnly = await h.gql(TEMPORARY, { input: input({ personId: null, cashAmount: null, reason: 'DISASTER', eventDate: '2021-07-01', approvalDate: '2021-07-02' }), key: key('temporary') });
    expect(goodsOnly.data.grantTemporaryAssistance.temporaryAssistanceEvent).toMatchObject({ cashAmount: '0.00', personId: null });
  });

  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['the emergency procedure for an expense', { cause: 'EXPENSE', reason: 'ILLNESS' }, 'BAD_USER_INPUT', 'input.procedure'],
    ['neither cash nor goods', { cashAmount: '0.00', inKindDescription: null, inKindValue: null }, 'BAD_USER_INPUT', 'input.cashAmount'],
    ['goods without a value', { inKindValue: null }, 'BAD_USER_INPUT', 'input.inKindValue'],
    ['an implausible amount', { cashAmount: '80000.00' }, 'BAD_USER_INPUT', 'input.cashAmount'],
    ['an approval before the event', { approvalDate: '2021-01-01' }, 'BAD_USER_INPUT', 'input.approvalDate'],
    ['a person of another household', { personId: 'OTHER_HOUSEHOLD' }, 'CONFLICT', 'input.personId'],
  ])('rejects %s', async (_case, overrides, code, field) => {
    const resolved = { ...overrides, personId: overrides.personId === 'OTHER_HOUSEHOLD' ? fresh.members[0].id : other.members[0].id };
    await rejects(() => h.gql(TEMPORARY, { input: input({ reason: 'ACCIDENT', eventDate: '2021-03-03', approvalDate: '2021-03-04', ...resolved }), key: key('bad-temporary') }), code, field);
  });
});

describe('disability allowances', () => {
  it('grants the nursing subsidy for grades 1–2 and the living allowance only to a dibao recipient, then ends one', async () => {
    const all = [...records.values()];
    const covered = all.flatMap((r) => r.dibaoCoveredPersons).find((c) => c.coveredTo === null && c.coveredFrom < '2020-01-01' && c.householdId !== enrolled.household.id && !all.some((r) => r.disabilityAllowances.some((a) => a.personId === c.personId)))!;
    const base = { householdId: covered.householdId, personId: covered.personId, disabilityGrade: 2, monthlyAmount: '80.00', startDate: '2021-01-01' };
    const nursing = await h.gql(DISABILITY, { input: { ...base, type: 'NURSING_SUBSIDY' }, key: key('disability') });
    expect(nursing.errors).toBeUndefined();
    const a = nursing.data.grantDisabilityAllowance.disabilityAllowance;
    expect(a).toMatchObject({ type: 'NURSING_SUBSIDY', disabilityGrade: 2, monthlyAmount: '80.00', endDate: null });
    expect(await events(a.id)).toEqual([{ record: 'DisabilityAllowance', kind: 'CREATED', household_id: covered.householdId, person_id: covered.personId }]);
    await rejects(() => h.gql(DISABILITY, { input: { ...base, type: 'NURSING_SUBSIDY', startDate: '2021-02-01' }, key: key('disability') }), 'CONFLICT', 'input.type');
    const living = await h.gql(DISABILITY, { input: { ...base, type: 'LIVING_ALLOWANCE', monthlyAmount: '70.00' }, key: key('disability') });
    expect(living.errors).toBeUndefined();

    const notDibao = { householdId: other.household.id, personId: other.members[2].id, disabilityGrade: 3, monthlyAmount: '70.00', startDate: '2021-01-01', type: 'LIVING_ALLOWANCE' };
    await rejects(() => h.gql(DISABILITY, { input: notDibao, key: key('disability') }), 'CONFLICT', 'input.type');
    await rejects(() => h.gql(DISABILITY, { input: { ...notDibao, type: 'NURSING_SUBSIDY' }, key: key('disability') }), 'BAD_USER_INPUT', 'input.disabilityGrade');
    await rejects(() => h.gql(DISABILITY, { input: { ...notDibao, type: 'NURSING_SUBSIDY', disabilityGrade: 1, startDate: '2015-06-01' }, key: key('disability') }), 'BAD_USER_INPUT', 'input.startDate');
    await rejects(() => h.gql(DISABILITY, { input: { ...notDibao, type: 'NURSING_SUBSIDY', disabilityGrade: 5 }, key: key('disability') }), 'BAD_USER_INPUT', 'input.disabilityGrade');

    const ended = await h.gql(END_DISABILITY, { id: a.id, input: { endDate: '2020-12-31', reason: 'DECEASED' }, key: key('disability') });
    expect(errorCodes(ended)).toEqual(['BAD_USER_INPUT']);
    const ok = await h.gql(END_DISABILITY, { id: a.id, input: { endDate: '2021-08-31', reason: 'DECEASED' }, key: key('disability') });
    expect(ok.data.endDisabilityAllowance.disabilityAllowance).toEqual({ id: a.id, endDate: '2021-08-31', endReason: 'DECEASED' });
    expect((await events(a.id)).map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'UPDATED']);
  });
});

describe('medical assistance', () => {
  it('grants one premium subsidy per person and year, and treatment grants tied to a hospital settlement', async () => {
    const person = other.members[1];
    const premium = { householdId: other.household.id, personId: person.id, type: 'PREMIUM_SUBSIDY', grantDate: '2021-01-20', amount: '280.00' };
    const res = await h.gql(MEDICAL, { input: premium, key: key('medical') });
    expect(res.errors).toBeUndefined();
    const m = res.data.grantMedicalAssistance.medicalAssistanceGrant;
    expect(m).toMatchObject({ personId: person.id, type: 'PREMIUM_SUBSIDY', year: 2021, amount: '280.00', dutyArea: 'HEALTH', dutyRole: 'SUPPORT' });
    expect(await events(m.id)).toEqual([{ record: 'MedicalAssistanceGrant', kind: 'CREATED', household_id: other.household.id, person_id: person.id }]);
    await rejects(() => h.gql(MEDICAL, { input: { ...premium, grantDate: '2021-03-01' }, key: key('medical') }), 'CONFLICT', 'input.type');

    // Granted in the collection period of the year before the insurance year.
    const next = await h.gql(MEDICAL, { input: { ...premium, grantDate: '2021-11-20', insuranceYear: 2022, insuranceEnrolmentId: `${person.id}:2022:BASIC` }, key: key('medical') });
    expect(next.data.grantMedicalAssistance.medicalAssistanceGrant).toMatchObject({ year: 2022, grantDate: '2021-11-20', insuranceEnrolmentId: `${person.id}:2022:BASIC` });

    const treatment = await h.gql(MEDICAL, {
      input: { ...premium, type: 'TREATMENT', grantDate: '2021-05-05', amount: '3500.00', selfPaidCost: '5000.00', settlementNumber: 'ZY20215001541012010001' },
      key: key('medical'),
    });
    expect(treatment.data.grantMedicalAssistance.medicalAssistanceGrant).toMatchObject({ type: 'TREATMENT', year: 2021, selfPaidCost: '5000.00', settlementNumber: 'ZY20215001541012010001' });
  });

  it.each<[string, Record<string, unknown>, string, string | undefined]>([
    ['a settlement on a premium subsidy', { settlementNumber: 'ZY2021-1234' }, 'BAD_USER_INPUT', 'input.settlementNumber'],
    ['an insurance year two years ahead', { insuranceYear: 2023 }, 'BAD_USER_INPUT', 'input.insuranceYear'],
    ['an insurance year on a treatment grant', { type: 'TREATMENT', insuranceYear: 2021 }, 'BAD_USER_INPUT', 'input.insuranceYear'],
    ['a treatment grant above the cost', { type: 'TREATMENT', amount: '6000.00', selfPaidCost: '5000.00' }, 'BAD_USER_INPUT', 'input.amount'],
    ['a zero grant', { amount: '0.00' }, 'BAD_USER_INPUT', 'input.amount'],
    ['an implausible premium', { amount: '5000.00' }, 'BAD_USER_INPUT', 'input.amount'],
    ['an unknown person', { personId: 'UNKNOWN' }, 'NOT_IN_REGISTER', 'input.personId'],
  ])('rejects %s', async (_case, overrides, code, field) => {
    const personId = overrides.personId === 'UNKNOWN' ? `${other.household.id}-98` : other.members[2].id;
    await rejects(() => h.gql(MEDICAL, { input: { householdId: other.household.id, type: 'PREMIUM_SUBSIDY', grantDate: '2021-02-02', amount: '200.00', ...overrides, personId }, key: key('bad-medical') }), code, field);
  });
});
