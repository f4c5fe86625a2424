import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase, makeResidentId, RunningSubgraph, startDepartmentSubgraph, TestDatabase } from '@saf/kit';
import { composeSupergraph, fetchLiveSdl, RunningGateway, startGateway } from '@saf/gateway';
import { BASIC_PREMIUM_FEN, CRITICAL_ILLNESS_PREMIUM_FEN } from '@saf/health';
import { DEPARTMENTS } from '../../support/departments';
import { graphqlClient } from '../../support/graphql';
import { officer } from '../../support/auth';

/**
 * The six departments on empty test databases behind the real gateway, and builders that write
 * hand-made records the way each department's own assistance test does: the poverty office and
 * education through their mutations, health, civil affairs, housing and finance mostly by SQL (the
 * civil-affairs suspension through its mutations).
 */

type Gql = ReturnType<typeof graphqlClient>;

export interface Department {
  subgraph: RunningSubgraph;
  database: TestDatabase;
  gql: Gql;
  /** SQL on the department's own schema. */
  sql: (text: string, params?: unknown[]) => Promise<any[]>;
}

export interface Platform {
  departments: Record<string, Department>;
  gateway: RunningGateway;
  /** The composed supergraph the gateway serves (for a second gateway with other options). */
  supergraphPath: string;
  /** GraphQL to the gateway. */
  gql: Gql;
  stop(): Promise<void>;
}

/** Starts every department of gateway/subgraphs.json (the register first) and a gateway on the composed supergraph (with the sector view). */
export async function startPlatform(): Promise<Platform> {
  const departments: Record<string, Department> = {};
  const [povertyOffice, ...others] = Object.entries(DEPARTMENTS);
  const start = async ([name, definition]: (typeof others)[number], registerUrl?: string) => {
    const database = await createTestDatabase();
    const subgraph = await startDepartmentSubgraph(definition, { port: 0, host: '127.0.0.1', target: database.target, registerUrl });
    const dataSource: DataSource = subgraph.database.dataSource;
    departments[name] = { subgraph, database, gql: graphqlClient(subgraph.url, officer(name)), sql: (text, params = []) => dataSource.query(text, params) };
    return subgraph;
  };
  const register = await start(povertyOffice);
  await Promise.all(others.map((d) => start(d, register.url)));

  const composed = composeSupergraph(
    await Promise.all(Object.values(departments).map(async ({ subgraph }) => ({ name: subgraph.name, url: subgraph.url, typeDefs: await fetchLiveSdl(subgraph.url, 5000) }))),
  );
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-hand-made-'));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  const gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path.join(dir, 'supergraph.graphql'), upstreamTimeoutMs: 30_000, watch: false });
  return {
    departments,
    gateway,
    supergraphPath: path.join(dir, 'supergraph.graphql'),
    gql: graphqlClient(gateway.url),
    async stop() {
      await gateway.close();
      for (const { subgraph, database } of Object.values(departments).reverse()) {
        await subgraph.close();
        await database.drop();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Throws with the GraphQL errors, else gives the data. */
export async function ok(gql: Gql, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await gql(query, variables);
  if (res.errors) throw new Error(`${JSON.stringify(res.errors)}\nin ${query.slice(0, 200)}`);
  return res.data;
}

let keyCounter = 0;
const key = (what: string) => `hand-made-${what}-${++keyCounter}`;

// ---------------------------------------------------------------------------------------------
// Poverty office (the register): regions by SQL (reference data), the rest through its mutations.
// ---------------------------------------------------------------------------------------------

export const COUNTY = '500154';
export const TOWNSHIP = '500154101000';
export const POOR_VILLAGE = '500154101201';
export const OTHER_VILLAGE = '500154101202';

/** Chongqing > municipal districts > Kaizhou (500154) > one town > a poor and a non-poor village. */
export async function seedRegions(po: Department): Promise<void> {
  await po.sql(`INSERT INTO region (code, name, level, parent_code, is_poor_village) VALUES
    ('500000000000', '重庆市', 1, NULL, false),
    ('500100000000', '市辖区', 2, '500000000000', false),
    ('${COUNTY}000000', '开州区', 3, '500100000000', false),
    ('${TOWNSHIP}', '汉丰镇', 4, '${COUNTY}000000', false),
    ('${POOR_VILLAGE}', '石龙村', 5, '${TOWNSHIP}', true),
    ('${OTHER_VILLAGE}', '东华村', 5, '${TOWNSHIP}', false)`);
}

export interface MemberSpec {
  birthDate: string;
  sex?: 'MALE' | 'FEMALE';
  relation: string;
  health?: string;
  schooling?: string;
}

export interface RegisteredHousehold {
  id: string;
  village: string;
  /** Person IDs in member order (`<household>-01`, …). */
  persons: string[];
  birthDates: string[];
}

let residentSequence = 0;
const residentId = (birthDate: string, sex: 'MALE' | 'FEMALE') => makeResidentId('500234', birthDate, (residentSequence += 2), sex);

export async function registerHousehold(
  po: Department,
  options: { name: string; village: string; identifiedOn?: string; welfareCategory?: string; mainCause?: string; members: MemberSpec[] },
): Promise<RegisteredHousehold> {
  const data = await ok(po.gql, `mutation($input: RegisterHouseholdInput!, $key: String!) { registerHousehold(input: $input, idempotencyKey: $key) { household { id members { id birthDate } } } }`, {
    key: key(`register-${options.name}`),
    input: {
      villageCode: options.village,
      identifiedOn: options.identifiedOn ?? '2014-06-01',
      welfareCategory: options.welfareCategory ?? 'GENERAL',
      mainCause: options.mainCause ?? 'ILLNESS',
      otherCauses: [],
      phone: '13812345678',
      members: options.members.map((m, i) => ({
        residentId: residentId(m.birthDate, m.sex ?? (i % 2 ? 'FEMALE' : 'MALE')),
        name: `${options.name}${i + 1}`,
        relation: m.relation,
        healthStatus: m.health ?? 'HEALTHY',
        labourCapacity: i === 0 ? 'ORDINARY' : 'NONE',
        ...(m.schooling ? { schoolingStatus: m.schooling } : {}),
      })),
    },
  });
  const h = data.registerHousehold.household;
  return { id: h.id, village: options.village, persons: h.members.map((m: { id: string }) => m.id), birthDates: h.members.map((m: { birthDate: string }) => m.birthDate) };
}

export const recordIncome = (po: Department, householdId: string, year: number, yuan: string) =>
  ok(po.gql, `mutation($id: HouseholdId!, $input: IncomeInput!, $key: String!) { recordHouseholdIncome(householdId: $id, input: $input, idempotencyKey: $key) { replayed } }`, {
    id: householdId,
    input: { year, netIncomePerCapita: yuan },
    key: key('income'),
  });

export const recordVisit = (po: Department, householdId: string, visitDate: string, found: { food: boolean; clothing: boolean; water: boolean }) =>
  ok(po.gql, `mutation($id: HouseholdId!, $input: VisitInput!, $key: String!) { recordHouseholdVisit(householdId: $id, input: $input, idempotencyKey: $key) { visit { id } } }`, {
    id: householdId,
    input: { visitDate, visitor: '帮扶干部', foodSecure: found.food, clothingSecure: found.clothing, drinkingWaterSafe: found.water },
    key: key('visit'),
  });

export const IDENTIFICATION_STEPS = ['APPLICATION', 'GROUP_REVIEW', 'VILLAGE_VERIFICATION', 'FIRST_POSTING', 'TOWNSHIP_REVIEW', 'SECOND_POSTING', 'COUNTY_APPROVAL', 'ANNOUNCEMENT', 'SYSTEM_ENTRY', 'FILE_CREATED'];
const POSTINGS = new Set(['FIRST_POSTING', 'SECOND_POSTING', 'ANNOUNCEMENT', 'VILLAGE_POSTING', 'EXIT_ANNOUNCEMENT']);

/** Records procedure steps ten days apart from `firstDate`. */
export async function recordSteps(po: Department, householdId: string, procedure: 'IDENTIFICATION' | 'EXIT', steps: string[], firstDate: string): Promise<void> {
  let date = new Date(`${firstDate}T00:00:00Z`);
  for (const step of steps) {
    const stepDate = date.toISOString().slice(0, 10);
    const end = new Date(date.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await ok(po.gql, `mutation($id: HouseholdId!, $input: ProcedureStepInput!, $key: String!) { recordProcedureStep(householdId: $id, input: $input, idempotencyKey: $key) { step { id } } }`, {
      id: householdId,
      input: { procedure, step, actor: '村委会', actorLevel: 'VILLAGE', stepDate, evidence: `${step} 记录`, ...(POSTINGS.has(step) ? { postingStart: stepDate, postingEnd: end } : {}) },
      key: key('step'),
    });
    date = new Date(date.getTime() + 10 * 86_400_000);
  }
}

export const setMemberStatus = (po: Department, personId: string, status: 'LEFT' | 'DECEASED') =>
  ok(po.gql, `mutation($p: PersonId!, $key: String!) { updateHouseholdMember(personId: $p, input: { memberStatus: ${status} }, idempotencyKey: $key) { person { id } } }`, {
    p: personId,
    key: key('member'),
  });

export const changeStatus = (po: Department, householdId: string, status: string, effectiveFrom: string) =>
  ok(po.gql, `mutation($id: HouseholdId!, $input: ChangeStatusInput!, $key: String!) { changeHouseholdStatus(id: $id, input: $input, idempotencyKey: $key) { household { id } } }`, {
    id: householdId,
    input: { status, effectiveFrom, reason: '两不愁三保障' },
    key: key('status'),
  });

// ---------------------------------------------------------------------------------------------
// Education: through its mutations (tests/education/assistance.test.ts).
// ---------------------------------------------------------------------------------------------

export async function enrolPupil(edu: Department, h: RegisteredHousehold, member: number, schoolYear: number, stage: string, grade: number): Promise<void> {
  const personId = h.persons[member - 1];
  await ok(edu.gql, `mutation($input: CreateStudentEnrolmentInput!, $key: String!) { createStudentEnrolment(input: $input, idempotencyKey: $key) { student { id } } }`, {
    key: key('enrol'),
    input: {
      householdId: h.id, personId, schoolYear, schoolName: stage === 'PRIMARY' ? '汉丰镇中心小学' : '汉丰镇初级中学', stage, grade, className: '1班',
      studentNumber: `J${personId.replace('-', '')}`, studyMode: 'DAY', enrolledOn: `${schoolYear}-09-01`,
    },
  });
}

/** Grants an aid item; gives the StudentAid ID (`<person>/<semester>/<item>`), which finance pays under. */
export async function grantAid(edu: Department, h: RegisteredHousehold, member: number, semester: string, item: string, amount: string): Promise<string> {
  const grantedOn = semester.endsWith('SPRING') ? `${semester.slice(0, 4)}-05-10` : `${semester.slice(0, 4)}-10-20`;
  const data = await ok(edu.gql, `mutation($input: GrantStudentAidInput!, $key: String!) { grantStudentAid(input: $input, idempotencyKey: $key) { aid { id } } }`, {
    key: key('aid'),
    input: { householdId: h.id, personId: h.persons[member - 1], semester, item, amount, grantedOn },
  });
  return data.grantStudentAid.aid.id;
}

export async function reportDropout(edu: Department, h: RegisteredHousehold, member: number, schoolYear: number, reportedOn: string): Promise<void> {
  await ok(edu.gql, `mutation($input: ReportDropoutInput!, $key: String!) { reportDropout(input: $input, idempotencyKey: $key) { dropoutCase { id } } }`, {
    key: key('dropout'),
    input: { householdId: h.id, personId: h.persons[member - 1], schoolYear, birthDate: h.birthDates[member - 1], reason: 'WORK', reportedOn, responsiblePerson: '村委会 张书记' },
  });
}

// ---------------------------------------------------------------------------------------------
// Health: insurance enrolments by SQL (tests/health/assistance.test.ts).
// ---------------------------------------------------------------------------------------------

/** Enrols a member in a scheme for a year; gives the enrolment ID `<person>:<year>:<scheme>`. */
export async function enrolInsurance(
  health: Department, h: RegisteredHousehold, member: number, year: number, scheme: 'BASIC' | 'CRITICAL_ILLNESS',
  options: { financeSubsidised?: boolean; cancelledOn?: string } = {},
): Promise<string> {
  const personId = h.persons[member - 1];
  const premium = (scheme === 'BASIC' ? BASIC_PREMIUM_FEN : CRITICAL_ILLNESS_PREMIUM_FEN)[year];
  const finance = options.financeSubsidised === true;
  const id = `${personId}:${year}:${scheme}`;
  await health.sql(
    `INSERT INTO insurance_enrolment (id, household_id, person_id, year, scheme, premium_fen, individual_contribution_fen, subsidy_status, subsidy_fen,
       subsidising_department, enrolled_on, cancelled_on, cancellation_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [id, h.id, personId, year, scheme, premium, finance || scheme === 'CRITICAL_ILLNESS' ? 0 : premium, finance ? 'FULL' : 'NONE', finance ? premium : 0,
      finance ? 'FINANCE' : null, `${year - 1}-10-15`, options.cancelledOn ?? null, options.cancelledOn ? '重复参保核查，终止参保' : null],
  );
  return id;
}

/** Every listed member (default: all) in basic and critical-illness insurance for the year. */
export async function insureMembers(health: Department, h: RegisteredHousehold, year: number, members = h.persons.map((_, i) => i + 1)): Promise<void> {
  for (const m of members) {
    await enrolInsurance(health, h, m, year, 'BASIC');
    await enrolInsurance(health, h, m, year, 'CRITICAL_ILLNESS');
  }
}

// ---------------------------------------------------------------------------------------------
// Civil affairs: dibao and medical assistance by SQL, a suspension through its mutations
// (tests/civil-affairs/assistance.test.ts), county dibao lines by SQL.
// ---------------------------------------------------------------------------------------------

let certificate = 0;

/** A dibao enrolment `DB-<household>-01` covering the given persons from `start`. */
export async function insertDibao(ca: Department, householdId: string, d: { approval: string; start: string; monthlyFen: number; persons: string[] }): Promise<string> {
  const id = `DB-${householdId}-01`;
  await ca.sql(
    `INSERT INTO dibao_enrolment (id, household_id, category, classification, certificate_no, assessed_income_monthly_fen, dibao_line_monthly_fen,
       approved_monthly_amount_fen, monthly_amount_fen, recheck_interval_months, application_date, approval_date, start_date, end_date, end_reason)
     VALUES ($1, $2, 'RURAL', 'B', $3, 10000, 31000, $4, $4, 12, $5, $5, $6, NULL, NULL)`,
    [id, householdId, `HANDDB${++certificate}`, d.monthlyFen, d.approval, d.start],
  );
  for (const p of d.persons) {
    await ca.sql('INSERT INTO dibao_covered_person (enrolment_id, person_id, household_id, covered_from, covered_to) VALUES ($1, $2, $3, $4, NULL)', [id, p, householdId, d.start]);
  }
  return id;
}

/** A dibao enrolled in 2016 and stopped by a 2019 re-check while the income was still below the line (RECHECK_STOPPED). */
export async function dibaoStoppedWithNeedOpen(ca: Department, h: RegisteredHousehold, stopOn: string): Promise<string> {
  const created = await ok(ca.gql, `mutation($input: CreateDibaoEnrolmentInput!, $key: String!) { createDibaoEnrolment(input: $input, idempotencyKey: $key) { dibaoEnrolment { id } } }`, {
    key: key('dibao'),
    input: {
      householdId: h.id, classification: 'B', certificateNo: `HANDSTOP${++certificate}`, personIds: h.persons, assessedIncomeMonthly: '100.00', dibaoLineMonthly: '250.00',
      monthlyAmount: (h.persons.length * 150).toFixed(2), applicationDate: '2016-04-01', approvalDate: '2016-04-20', startDate: '2016-05-01',
    },
  });
  const id = created.createDibaoEnrolment.dibaoEnrolment.id;
  await ok(ca.gql, `mutation($id: ID!, $input: DibaoRecheckInput!, $key: String!) { recordDibaoRecheck(enrolmentId: $id, input: $input, idempotencyKey: $key) { dibaoEnrolment { endDate } } }`, {
    id,
    key: key('recheck'),
    input: { recheckDate: stopOn, result: 'STOP', assessedIncomeMonthly: '120.00', dibaoLineMonthly: '365.00', notes: '未配合复核，暂停发放' },
  });
  return id;
}

/** A medical-assistance premium grant paying into a health insurance enrolment. */
export async function medicalAssistancePremium(ca: Department, h: RegisteredHousehold, member: number, enrolmentId: string, grantDate: string, year: number, fen: number): Promise<string> {
  const id = `YJ-${h.id}-0001`;
  await ca.sql(
    `INSERT INTO medical_assistance (id, household_id, person_id, type, grant_date, year, amount_fen, self_paid_cost_fen, settlement_number, insurance_enrolment_id)
     VALUES ($1, $2, $3, 'PREMIUM_SUBSIDY', $4, $5, $6, NULL, NULL, $7)`,
    [id, h.id, h.persons[member - 1], grantDate, year, fen, enrolmentId],
  );
  return id;
}

export async function insertCountyDibaoLine(ca: Department, countyCode: string, year: number, monthlyFen: number): Promise<void> {
  await ca.sql(`INSERT INTO county_dibao_line VALUES ($1, $2, 'RURAL', $3, $4, false, 'test: hand-made county line')`, [countyCode, year, monthlyFen, 12 * monthlyFen]);
}

// ---------------------------------------------------------------------------------------------
// Housing: appraisals and renovations by SQL (tests/housing/assistance.test.ts).
// ---------------------------------------------------------------------------------------------

export async function appraise(housing: Department, householdId: string, n: number, rating: string, date: string, latest = true): Promise<string> {
  const id = `${householdId}-A0${n}`;
  await housing.sql(
    `INSERT INTO dwelling_appraisal (id, household_id, rating, appraisal_date, appraiser, method, structure, floor_area, year_built, is_latest)
     VALUES ($1, $2, $3, $4, '开州区住房和城乡建设委员会鉴定组', 'COUNTY_HOUSING_BUREAU', 'EARTH', 80, 1980, $5)`,
    [id, householdId, rating, date, latest],
  );
  return id;
}

export interface RenovationSpec {
  type: 'REBUILD' | 'REINFORCE';
  status: string;
  approval: string;
  start?: string;
  completion?: string;
  acceptance?: string;
  result?: 'PASSED' | 'FAILED';
  subsidyYuan: number;
}

/** Renovation `<household>-R01` of an appraisal. */
export async function renovate(housing: Department, householdId: string, appraisalId: string, r: RenovationSpec): Promise<string> {
  const id = `${householdId}-R01`;
  await housing.sql(
    `INSERT INTO renovation_project (id, household_id, appraisal_id, renovation_type, status, plan_year, approval_date, start_date, completion_date,
       acceptance_date, acceptance_result, acceptance_note, move_in_date, floor_area, subsidy_fen, self_raised_fen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL, NULL, 60, $12, 0)`,
    [id, householdId, appraisalId, r.type, r.status, Number(r.approval.slice(0, 4)), r.approval, r.start ?? null, r.completion ?? null, r.acceptance ?? null, r.result ?? null, r.subsidyYuan * 100],
  );
  return id;
}

// ---------------------------------------------------------------------------------------------
// Finance: PAID disbursements by SQL (tests/finance/assistance.test.ts).
// ---------------------------------------------------------------------------------------------

export interface Payment {
  household: string;
  person?: string | null;
  programme: string;
  area: string;
  /** The department paid for (onBehalfOf). */
  department: string;
  payee?: string;
  fen: number;
  paid: string;
  period: string;
  kind: 'MONTH' | 'QUARTER' | 'SEMESTER' | 'YEAR';
  source?: string | null;
}

let batch = 0;
/** A PAID disbursement; gives its ID. */
export async function pay(fin: Department, p: Payment): Promise<string> {
  const rows = await fin.sql(
    `INSERT INTO disbursement (household_id, person_id, programme, duty_area, department, payee, amount_fen, payment_date, period, period_kind, year, batch_no, status, status_reason, returned_on, source_record_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, substr($9, 1, 4)::smallint, $11, 'PAID', NULL, NULL, $12) RETURNING id`,
    [p.household, p.person ?? null, p.programme, p.area, p.department, p.payee ?? 'HOUSEHOLD', p.fen, p.paid, p.period, p.kind, `500154-HM-${String(++batch).padStart(4, '0')}`, p.source ?? null],
  );
  return String(rows[0].id);
}
