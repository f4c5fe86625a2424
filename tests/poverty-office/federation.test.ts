import { syncFederatedDepartments } from '../../gateway/src/registry/dutyMatrixSync';
import { admin, caseworker, officer, type TestCaller } from '../support/auth';
import { errorCodes, graphqlClient, ok } from '../support/graphql';
import { startTestPovertyOffice, TestSubgraph } from '../support/povertyOffice';

/**
 * recordFederation (issue 8): the schema registry tells the poverty office which departments have a
 * subgraph after every supergraph version it serves, and the duty matrix follows at once.
 */

let po: TestSubgraph;
const as = (caller: TestCaller) => graphqlClient(po.subgraph.url, caller);
/** How the registry signs (gateway/src/registry/dutyMatrixSync.ts). */
const registry: TestCaller = { role: 'department_officer', department: 'poverty-office', region: '', subject: 'schema-registry' };

const SIX = [
  { department: 'POVERTY_OFFICE', subgraph: 'poverty-office' },
  { department: 'EDUCATION', subgraph: 'education' },
  { department: 'HEALTH', subgraph: 'health' },
  { department: 'CIVIL_AFFAIRS', subgraph: 'civil-affairs' },
  { department: 'HOUSING', subgraph: 'housing' },
  { department: 'FINANCE', subgraph: 'finance' },
];
const EMPLOYMENT = { department: 'HUMAN_RESOURCES_SOCIAL_SECURITY', subgraph: 'employment' };

const RECORD = `mutation($members: [FederationMemberInput!]!, $key: String!) {
  recordFederation(members: $members, idempotencyKey: $key) { federated { code subgraph federated } changed { code subgraph } replayed }
}`;
let keys = 0;
const record = (members: unknown[], caller: TestCaller = registry, key = `federation-test-${++keys}`) => as(caller)(RECORD, { members, key });

/** What the matrix says now, as any reader sees it. */
async function matrix(): Promise<{ federated: string[]; employmentLeadFederated: boolean; hrss: { federated: boolean; subgraph: string | null } }> {
  const data = await ok(as(caseworker()), '{ departments { code subgraph federated } dutyAreas { code leadFederated } }');
  const hrss = data.departments.find((d: any) => d.code === EMPLOYMENT.department);
  return {
    federated: data.departments.filter((d: any) => d.federated).map((d: any) => d.code).sort(),
    employmentLeadFederated: data.dutyAreas.find((a: any) => a.code === 'EMPLOYMENT').leadFederated,
    hrss: { federated: hrss.federated, subgraph: hrss.subgraph },
  };
}

const SIX_CODES = SIX.map((m) => m.department).sort();
const db = () => po.subgraph.database.dataSource;
const federationEvents = () => db().query("SELECT record_id, kind, household_id FROM change_event WHERE record = 'Department' ORDER BY id");
const federationAudit = () => db().query("SELECT subject, role, action, operation, record, record_id FROM audit_event WHERE record = 'Department' ORDER BY id");

beforeAll(async () => {
  po = await startTestPovertyOffice();
}, 120_000);
afterAll(() => po?.stop());

describe('recordFederation', () => {
  it('federates a department that joins and un-federates it when it leaves, seen by the next read (the cached matrix is dropped)', async () => {
    // The shipped matrix: the six departments, and the employment area's lead not federated.
    // Reading it first also fills this process's cache, which the write must drop.
    expect(await matrix()).toEqual({ federated: SIX_CODES, employmentLeadFederated: false, hrss: { federated: false, subgraph: null } });

    const joined = await record([...SIX, EMPLOYMENT]);
    expect(joined.errors).toBeUndefined();
    expect(joined.data.recordFederation).toEqual({
      federated: [...SIX, EMPLOYMENT]
        .sort((a, b) => a.department.localeCompare(b.department))
        .map((m) => ({ code: m.department, subgraph: m.subgraph, federated: true })),
      changed: [{ code: EMPLOYMENT.department, subgraph: 'employment' }],
      replayed: false,
    });
    expect(await matrix()).toEqual({ federated: [...SIX_CODES, EMPLOYMENT.department].sort(), employmentLeadFederated: true, hrss: { federated: true, subgraph: 'employment' } });

    // A rollback to the six: the registry lists the members without employment.
    const left = await record(SIX);
    expect(left.data.recordFederation.changed).toEqual([{ code: EMPLOYMENT.department, subgraph: null }]);
    expect(await matrix()).toEqual({ federated: SIX_CODES, employmentLeadFederated: false, hrss: { federated: false, subgraph: null } });
  });

  it('writes a change event and an audit row per department changed, none when nothing changes, and replays a repeated key', async () => {
    const eventsBefore = (await federationEvents()).length;
    const auditBefore = (await federationAudit()).length;

    const renamed = await record([...SIX.filter((m) => m.department !== 'FINANCE'), { department: 'FINANCE', subgraph: 'finance-v2' }], registry, 'federation-audit-1');
    expect(renamed.data.recordFederation.changed).toEqual([{ code: 'FINANCE', subgraph: 'finance-v2' }]);
    expect((await federationEvents()).slice(eventsBefore)).toEqual([{ record_id: 'FINANCE', kind: 'UPDATED', household_id: null }]);
    expect((await federationAudit()).slice(auditBefore)).toEqual([
      { subject: 'schema-registry', role: 'department_officer', action: 'WRITE', operation: 'recordFederation (updated)', record: 'Department', record_id: 'FINANCE' },
    ]);

    // The same key again: the first result, nothing written.
    const replay = await record([...SIX.filter((m) => m.department !== 'FINANCE'), { department: 'FINANCE', subgraph: 'finance-v2' }], registry, 'federation-audit-1');
    expect(replay.data.recordFederation).toMatchObject({ changed: [{ code: 'FINANCE' }], replayed: true });
    // A new key with the same members: nothing changes, so no event and no audit row.
    const same = await record([...SIX.filter((m) => m.department !== 'FINANCE'), { department: 'FINANCE', subgraph: 'finance-v2' }]);
    expect(same.data.recordFederation).toMatchObject({ changed: [], replayed: false });
    expect(await federationEvents()).toHaveLength(eventsBefore + 1);
    expect(await federationAudit()).toHaveLength(auditBefore + 1);

    // The admin reads the row through the audit query like any other write.
    const audit = await ok(as(admin()), '{ povertyOfficeAuditEvents(first: 5) { subject action operation record recordId } }');
    expect(audit.povertyOfficeAuditEvents[0]).toEqual({ subject: 'schema-registry', action: 'WRITE', operation: 'recordFederation (updated)', record: 'Department', recordId: 'FINANCE' });

    expect((await record(SIX)).data.recordFederation.changed).toEqual([{ code: 'FINANCE', subgraph: 'finance' }]);
  });

  it('rejects an unknown department code with BAD_USER_INPUT naming it, and writes nothing of the rest', async () => {
    const auditBefore = (await federationAudit()).length;
    const res = await record([...SIX, EMPLOYMENT, { department: 'MINISTRY_OF_MAGIC', subgraph: 'magic' }]);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toContain('MINISTRY_OF_MAGIC');
    expect(res.errors![0].extensions).toMatchObject({ field: 'members[7].department', department: 'MINISTRY_OF_MAGIC' });
    // The valid part (employment joining) was not written either.
    expect(await matrix()).toEqual({ federated: SIX_CODES, employmentLeadFederated: false, hrss: { federated: false, subgraph: null } });
    expect(await federationAudit()).toHaveLength(auditBefore);
  });

  it('rejects an empty list, a department listed twice and a malformed subgraph name, naming the field', async () => {
    const cases: Array<[unknown[], string]> = [
      [[], 'members'],
      [[...SIX, { department: 'EDUCATION', subgraph: 'education-2' }], 'members[6].department'],
      [[...SIX, { department: EMPLOYMENT.department, subgraph: 'bad name' }], 'members[6].subgraph'],
    ];
    for (const [members, field] of cases) {
      const res = await record(members);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe(field);
    }
    expect((await matrix()).federated).toEqual(SIX_CODES);
  });

  it('is written only by a national poverty-office officer: not by a county officer, another department or a caseworker', async () => {
    const county = await record([...SIX, EMPLOYMENT], officer('poverty-office', '500154'));
    expect(errorCodes(county)).toEqual(['OUT_OF_SCOPE']);
    expect(errorCodes(await record([...SIX, EMPLOYMENT], officer('education')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await record([...SIX, EMPLOYMENT], caseworker()))).toEqual(['FORBIDDEN']);
    expect((await matrix()).federated).toEqual(SIX_CODES);
  });
});

describe('syncFederatedDepartments (the registry side)', () => {
  const sync = (members: Array<{ subgraph: string; department?: string }>, overrides: { povertyOfficeUrl?: string; signingSecret?: string } = {}) =>
    syncFederatedDepartments({ povertyOfficeUrl: po.subgraph.url, signingSecret: process.env.SUBGRAPH_SIGNING_SECRET!, members, ...overrides });
  const registryMembers = (list: typeof SIX) => list.map((m) => ({ subgraph: m.subgraph, department: m.department }));

  it('states the membership signed as the schema registry; a member without a department code is left out', async () => {
    const joined = await sync([...registryMembers([...SIX, EMPLOYMENT]), { subgraph: 'sector-view-extras' }]);
    expect(joined).toEqual({ federated: [...SIX_CODES, EMPLOYMENT.department].sort(), changed: [EMPLOYMENT.department] });
    expect((await matrix()).employmentLeadFederated).toBe(true);
    const [row] = (await federationAudit()).slice(-1);
    expect(row).toMatchObject({ subject: 'schema-registry', role: 'department_officer', record_id: EMPLOYMENT.department });

    expect(await sync(registryMembers(SIX))).toEqual({ federated: SIX_CODES, changed: [EMPLOYMENT.department] });
    expect((await matrix()).employmentLeadFederated).toBe(false);
  });

  it('throws saying why when the poverty office rejects the list, refuses the signature or cannot be reached', async () => {
    await expect(sync([...registryMembers(SIX), { subgraph: 'magic', department: 'MINISTRY_OF_MAGIC' }])).rejects.toThrow(
      /duty matrix was not updated: .*MINISTRY_OF_MAGIC is not a department of the duty matrix \(BAD_USER_INPUT\)/,
    );
    await expect(sync(registryMembers([...SIX, EMPLOYMENT]), { signingSecret: 'not-the-gateway-secret' })).rejects.toThrow(/refused recordFederation: .*\(UNAUTHENTICATED\)/);
    await expect(sync(registryMembers([...SIX, EMPLOYMENT]), { povertyOfficeUrl: 'http://127.0.0.1:1/graphql' })).rejects.toThrow(/cannot be reached/);
    expect((await matrix()).federated).toEqual(SIX_CODES);
  });
});
