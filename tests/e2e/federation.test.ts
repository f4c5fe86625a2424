import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, RunningSubgraph, startDepartmentSubgraph, TestDatabase } from '@saf/kit';
import { composeSupergraph, fetchLiveSdl, RunningGateway, startGateway } from '@saf/gateway';
import { errorCodes, graphqlClient, metric } from '../support/graphql';
import { startTestPovertyOffice, TestSubgraph } from '../support/povertyOffice';
import { insertHouseholds, POOR_VILLAGE, seedRegions } from '../support/registerFixtures';
import { testDibaoDepartment } from '../support/testSubgraph';

/** The poverty office and a second department behind the real gateway, as a client sees them. */
let po: TestSubgraph;
let dibaoDb: TestDatabase;
let dibao: RunningSubgraph;
let gateway: RunningGateway;
let gql: ReturnType<typeof graphqlClient>;
const VILLAGE = POOR_VILLAGE;

beforeAll(async () => {
  po = await startTestPovertyOffice();
  await seedRegions(po.subgraph.database.dataSource);
  await insertHouseholds(po.subgraph.database.dataSource, VILLAGE, 120);
  dibaoDb = await createTestDatabase();
  dibao = await startDepartmentSubgraph(testDibaoDepartment, { port: 0, host: '127.0.0.1', target: dibaoDb.target });
  await dibao.database.dataSource.query(`INSERT INTO dibao VALUES ('${VILLAGE}0001', 45000), ('${VILLAGE}0002', 38050)`);

  const services = await Promise.all(
    [po.subgraph, dibao].map(async (s) => ({ name: s.name, url: s.url, typeDefs: await fetchLiveSdl(s.url, 5000) })),
  );
  const composed = composeSupergraph(services);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saf-e2e-'));
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), composed.supergraphSdl);
  gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphPath: path.join(dir, 'supergraph.graphql'), upstreamTimeoutMs: 2000, watch: false });
  gql = graphqlClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
  await dibao?.close();
  await dibaoDb?.drop();
  await po?.stop();
});

describe('through the gateway', () => {
  it('pages through the households of a village with their members and another department\'s fields', async () => {
    const res = await gql(`query($v: String!) { households(filter: { regionPrefix: $v }, first: 3) { totalCount nodes { id members { id name } dibaoMonthly region { name } } } }`, {
      v: VILLAGE,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.households.totalCount).toBe(120);
    expect(res.data.households.nodes.map((n: { dibaoMonthly: string | null }) => n.dibaoMonthly)).toEqual(['450.00', '380.50', null]);
    expect(res.data.households.nodes[0].members).toHaveLength(3);
    expect(res.data.households.nodes[0].region.name).toBe('石龙村');
  });

  it('shows the duty matrix', async () => {
    const res = await gql(`{ dutyAreas { code leadFederated lead { code nameZh } } departments { code } }`);
    expect(res.data.dutyAreas).toHaveLength(19);
    expect(res.data.departments).toHaveLength(42);
    expect(res.data.dutyAreas.find((a: { code: string }) => a.code === 'EDUCATION')).toMatchObject({ leadFederated: true, lead: [{ code: 'EDUCATION', nameZh: '省教育厅' }] });
  });

  it('passes the subgraphs\' validation codes through', async () => {
    const bad = await gql(`query($id: HouseholdId!) { household(id: $id) { id } }`, { id: '5001541012010' });
    expect(errorCodes(bad)).toEqual(['INVALID_HOUSEHOLD_ID']);
    const literal = await gql(`{ personIdByResidentId(residentId: "340524198001010013") }`);
    expect(errorCodes(literal)).toEqual(['INVALID_RESIDENT_ID']);
  });

  it('costs each subgraph a constant number of SQL statements for 10 or 100 households', async () => {
    const statements = async (first: number) => {
      const before = [await metric(po.subgraph.url, 'saf_sql_statements_total'), await metric(dibao.url, 'saf_sql_statements_total')];
      const res = await gql(`{ households(filter: { regionPrefix: "${VILLAGE}" }, first: ${first}) { nodes { id dibaoMonthly members { id name } statusHistory { status } } } }`);
      expect(res.data.households.nodes).toHaveLength(first);
      return [(await metric(po.subgraph.url, 'saf_sql_statements_total')) - before[0], (await metric(dibao.url, 'saf_sql_statements_total')) - before[1]];
    };
    const ten = await statements(10);
    expect(await statements(100)).toEqual(ten);
    expect(ten[1]).toBe(1);
  });

  it('still answers with the other departments\' data when one subgraph is stopped', async () => {
    await dibao.close();
    const res = await gql(`query($v: String!) { households(filter: { regionPrefix: $v }, first: 2) { nodes { id dibaoMonthly members { name } } } }`, { v: VILLAGE });
    expect(res.data.households.nodes).toHaveLength(2);
    expect(res.data.households.nodes[0].members).toHaveLength(3);
    expect(res.data.households.nodes.map((n: { dibaoMonthly: unknown }) => n.dibaoMonthly)).toEqual([null, null]);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors![0].path).toEqual(expect.arrayContaining(['households', 'nodes']));
  });
});
