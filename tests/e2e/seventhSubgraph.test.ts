import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, RunningSubgraph, startDepartmentSubgraph, TestDatabase } from '@saf/kit';
import { fetchLiveSdl, runPublish, RunningGateway, startGateway } from '@saf/gateway';
import { syncFederatedDepartments, type FederatedDepartmentsSync } from '../../gateway/src/registry/dutyMatrixSync';
import { analyst, officer } from '../support/auth';
import { graphqlClient } from '../support/graphql';
import { employment } from './support/employment';
import { ok, Platform, POOR_VILLAGE, registerHousehold, RegisteredHousehold, seedRegions, startPlatform } from './support/handMade';

/**
 * Issue 8, "add a seventh subgraph": the six departments behind a gateway with a schema registry;
 * the employment department (就业扶贫, lead HUMAN_RESOURCES_SOCIAL_SECURITY; tests/e2e/support/employment,
 * the executable version of docs/adding-a-department.md) starts, is published with
 * `npm run publish`'s own function, and the duty matrix, the household's records and the sector
 * view follow; a rollback takes it all back.
 */

const HRSS = 'HUMAN_RESOURCES_SOCIAL_SECURITY';
const YEAR = 2019;

let platform: Platform;
let gateway: RunningGateway;
let emp: { subgraph: RunningSubgraph; database: TestDatabase } | undefined;
let dir: string;
let household: RegisteredHousehold;
/** Every duty-matrix sync the registry made, in order, once it finished. */
const syncs: FederatedDepartmentsSync['members'][] = [];

const gql = () => graphqlClient(gateway.url);

async function publish(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), env: { AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET } };
  const code = await runPublish([...args, '--gateway', gateway.url], io);
  return { code, out: lines.join('\n') };
}

/** What the matrix says through the gateway. */
async function federation(): Promise<{ areaFederated: boolean; departmentFederated: boolean }> {
  const data = await ok(gql(), '{ dutyAreas { code leadFederated } departments { code federated } }');
  return {
    areaFederated: data.dutyAreas.find((a: any) => a.code === 'EMPLOYMENT').leadFederated,
    departmentFederated: data.departments.find((d: any) => d.code === HRSS).federated,
  };
}

/** The EMPLOYMENT entry of the household's sector view. */
async function employmentArea(): Promise<any> {
  const data = await ok(
    gql(),
    `query($id: HouseholdId!, $y: Int!) { household(id: $id) { assistance(year: $y) {
      area status statusReason contributions { department role measures { recordType recordId programme personId } verdict { needed met reason } }
    } } }`,
    { id: household.id, y: YEAR },
  );
  return data.household.assistance.find((a: any) => a.area === 'EMPLOYMENT');
}

beforeAll(async () => {
  platform = await startPlatform();
  const po = platform.departments['poverty-office'];
  await seedRegions(po);
  // A head of working age (39 at the end of 2019) and a schoolchild.
  household = await registerHousehold(po, {
    name: '就业',
    village: POOR_VILLAGE,
    members: [
      { birthDate: '1980-05-04', relation: 'HEAD' },
      { birthDate: '2010-09-01', relation: 'SON', schooling: 'IN_SCHOOL' },
    ],
  });

  // The registry's first version: the six running departments (their live SDL), with their duty-matrix codes.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-seventh-'));
  const codes: Record<string, string> = {
    'poverty-office': 'POVERTY_OFFICE', education: 'EDUCATION', health: 'HEALTH', 'civil-affairs': 'CIVIL_AFFAIRS', housing: 'HOUSING', finance: 'FINANCE',
  };
  const list = [];
  for (const [name, { subgraph }] of Object.entries(platform.departments)) {
    fs.writeFileSync(path.join(dir, `${name}.graphql`), await fetchLiveSdl(subgraph.url, 5000));
    list.push({ name, url: subgraph.url, sdl: `${name}.graphql`, department: codes[name] });
  }
  fs.writeFileSync(path.join(dir, 'subgraphs.json'), JSON.stringify(list));
  gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    upstreamTimeoutMs: 30_000,
    watch: false,
    registry: {
      dir: path.join(dir, 'registry'),
      seedFrom: { file: path.join(dir, 'subgraphs.json'), rootDir: dir, env: {} },
      // The real call, noted when it has finished.
      dutyMatrixSync: async (options) => {
        await syncFederatedDepartments(options);
        syncs.push(options.members);
      },
    },
  });
  // The gateway states the seeded membership once it starts; wait for it, so it cannot land after a publish.
  const deadline = Date.now() + 10_000;
  while (syncs.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(syncs).toHaveLength(1);
}, 240_000);

afterAll(async () => {
  await gateway?.close();
  await emp?.subgraph.close();
  await emp?.database.drop();
  await platform?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a seventh department joins through the schema registry', () => {
  it('before: the employment area and its lead are not federated, and the sector view says LEAD_NOT_FEDERATED', async () => {
    expect(await federation()).toEqual({ areaFederated: false, departmentFederated: false });
    const area = await employmentArea();
    expect(area.status).toBe('LEAD_NOT_FEDERATED');
    expect(area.contributions.map((c: any) => c.department)).not.toContain(HRSS);
    // The registry's write into the duty matrix is not part of the gateway's API.
    const mutations = (await ok(gql(), '{ __type(name: "Mutation") { fields { name } } }')).__type.fields.map((f: any) => f.name);
    expect(mutations).not.toContain('recordFederation');
    expect(mutations).not.toContain('recordEmploymentMeasure');
  });

  it('publishes the running employment subgraph with `npm run publish` and the duty matrix follows', async () => {
    const database = await createTestDatabase();
    const subgraph = await startDepartmentSubgraph(employment, {
      port: 0,
      host: '127.0.0.1',
      target: database.target,
      registerUrl: platform.departments['poverty-office'].subgraph.url,
    });
    emp = { subgraph, database };

    const published = await publish(['--subgraph', 'employment', '--url', subgraph.url, '--department', HRSS]);
    expect(published.out).toMatch(/employment: published as version 2, live/);
    expect(published.out).toContain('duty matrix: updated');
    expect(published.code).toBe(0);
    expect(syncs.at(-1)).toContainEqual({ subgraph: 'employment', department: HRSS });

    expect(await federation()).toEqual({ areaFederated: true, departmentFederated: true });
  });

  it("after: the household's employment records come with the poverty office's fields, and the sector view judges the area", async () => {
    // The lead has a subgraph now: a working-age member and no job is a gap.
    const gap = await employmentArea();
    expect(gap.status).toBe('GAP');
    expect(gap.contributions).toContainEqual({
      department: HRSS,
      role: 'LEAD',
      measures: [],
      verdict: { needed: true, met: false, reason: expect.stringContaining('nobody holds a job placement') },
    });

    // The department's own write, through the gateway, as its officer.
    const written = await ok(
      graphqlClient(gateway.url, officer('employment')),
      `mutation($input: RecordEmploymentMeasureInput!, $key: String!) { recordEmploymentMeasure(input: $input, idempotencyKey: $key) { measure { id } replayed } }`,
      { key: 'seventh-job-1', input: { householdId: household.id, personId: household.persons[0], measure: 'JOB_PLACEMENT', startDate: '2019-03-01', monthlyIncome: '2800.00' } },
    );
    const measureId = written.recordEmploymentMeasure.measure.id;
    expect(measureId).toBe(`${household.persons[0]}-E01`);

    const query = `query($id: HouseholdId!) { household(id: $id) {
      id welfareCategory status region { code isPoorVillage }
      members { id relation employmentMeasures { id measure } }
      employmentMeasures { id personId measure startDate endDate monthlyIncome }
    } }`;
    const data = await ok(gql(), query, { id: household.id });
    expect(data.household).toEqual({
      id: household.id,
      welfareCategory: 'GENERAL',
      status: 'NOT_EXITED',
      region: { code: POOR_VILLAGE, isPoorVillage: true },
      members: [
        { id: household.persons[0], relation: 'HEAD', employmentMeasures: [{ id: measureId, measure: 'JOB_PLACEMENT' }] },
        { id: household.persons[1], relation: 'SON', employmentMeasures: [] },
      ],
      employmentMeasures: [{ id: measureId, personId: household.persons[0], measure: 'JOB_PLACEMENT', startDate: '2019-03-01', endDate: null, monthlyIncome: '2800.00' }],
    });
    // The kit's guard applies to the new department too: income is masked for an analyst.
    const masked = await ok(graphqlClient(gateway.url, analyst()), query, { id: household.id });
    expect(masked.household.employmentMeasures[0].monthlyIncome).toBeNull();

    const covered = await employmentArea();
    expect(covered.status).toBe('COVERED');
    expect(covered.contributions[0]).toEqual({
      department: HRSS,
      role: 'LEAD',
      measures: [{ recordType: 'EmploymentMeasure', recordId: measureId, programme: 'JOB_PLACEMENT', personId: household.persons[0] }],
      verdict: { needed: true, met: true, reason: expect.stringContaining(`${household.persons[0]} has a JOB_PLACEMENT`) },
    });
  });

  it("refuses bad input with the kit's codes and writes nothing: a schoolchild, income for training, a stranger, another department's officer", async () => {
    const write = (caller: ReturnType<typeof officer>, input: Record<string, unknown>, key: string) =>
      graphqlClient(gateway.url, caller)(
        `mutation($input: RecordEmploymentMeasureInput!, $key: String!) { recordEmploymentMeasure(input: $input, idempotencyKey: $key) { measure { id } } }`,
        { key, input: { householdId: household.id, personId: household.persons[0], measure: 'VOCATIONAL_TRAINING', startDate: '2019-06-01', ...input } },
      );
    const refusal = (res: Awaited<ReturnType<typeof write>>) => ({ code: res.errors?.[0].extensions?.code, field: res.errors?.[0].extensions?.field });
    const own = officer('employment');
    expect(refusal(await write(own, { personId: household.persons[1] }, 'seventh-bad-1'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.startDate' });
    expect(refusal(await write(own, { monthlyIncome: '100.00' }, 'seventh-bad-2'))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.monthlyIncome' });
    expect(refusal(await write(own, { personId: `${household.id.slice(0, 12)}9999-01`, householdId: `${household.id.slice(0, 12)}9999` }, 'seventh-bad-3'))).toEqual({
      code: 'NOT_IN_REGISTER',
      field: 'input.personId',
    });
    expect((await write(officer('education'), {}, 'seventh-bad-4')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await emp!.subgraph.database.dataSource.query('SELECT count(*)::int AS n FROM employment_measure'))[0].n).toBe(1);
  });

  it('the rest of the sector view still answers, and the dashboards count the new measures', async () => {
    const data = await ok(
      gql(),
      `query($id: HouseholdId!, $y: Int!) {
        household(id: $id) { exitAssessment(year: $y) { mayStartExit predicates { predicate status } } assistance(year: $y) { area status } }
        measureTotals(regionPrefix: "500154", year: $y, groupBy: COUNTY) { department area role programme measures households }
      }`,
      { id: household.id, y: YEAR },
    );
    expect(data.household.exitAssessment.predicates.map((p: any) => p.predicate)).toEqual(
      expect.arrayContaining(['INCOME', 'FOOD_AND_CLOTHING', 'COMPULSORY_EDUCATION', 'BASIC_MEDICAL_CARE', 'HOUSING_SAFETY', 'DRINKING_WATER']),
    );
    expect(data.household.assistance).toHaveLength(19);
    expect(data.household.assistance.every((a: any) => ['NOT_NEEDED', 'COVERED', 'GAP', 'LEAD_NOT_FEDERATED'].includes(a.status))).toBe(true);
    expect(data.measureTotals).toContainEqual({ department: HRSS, area: 'EMPLOYMENT', role: 'LEAD', programme: 'JOB_PLACEMENT', measures: 1, households: 1 });
  });

  it('rolls back: the area is not federated again and the department leaves the graph', async () => {
    const rolledBack = await publish(['--rollback']);
    expect(rolledBack.out).toMatch(/rolled back to version 1: now version 3, live/);
    expect(rolledBack.out).toContain('duty matrix: updated');
    expect(rolledBack.code).toBe(0);
    expect(syncs.at(-1)!.map((m) => m.department)).not.toContain(HRSS);

    expect(await federation()).toEqual({ areaFederated: false, departmentFederated: false });
    expect((await employmentArea()).status).toBe('LEAD_NOT_FEDERATED');
    const gone = await gql()(`query($id: HouseholdId!) { household(id: $id) { employmentMeasures { id } } }`, { id: household.id });
    expect(gone.errors?.[0].message).toContain('employmentMeasures');
  });
});

describe('docs/adding-a-department.md', () => {
  it("shows the test department's code verbatim, every file of it", () => {
    const root = path.join(__dirname, '..', '..');
    const doc = fs.readFileSync(path.join(root, 'docs', 'adding-a-department.md'), 'utf8');
    const blocks = [...doc.matchAll(/```ts\n\/\/ subgraphs\/employment\/src\/(\S+)\n([\s\S]*?)```/g)];
    const shown = new Set<string>();
    for (const [, file, code] of blocks) {
      const source = fs.readFileSync(path.join(__dirname, 'support', 'employment', file), 'utf8');
      expect({ file, contained: source.includes(code.trimEnd()) }).toEqual({ file, contained: true });
      shown.add(file);
    }
    const files = fs.readdirSync(path.join(__dirname, 'support', 'employment'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect([...shown].sort()).toEqual(files.sort());
  });
});
