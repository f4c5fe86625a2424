import { randomUUID } from 'node:crypto';
import { signRequest, type Identity } from '@saf/kit';

/**
 * Tells the poverty office which duty-matrix departments currently have a subgraph, so
 * `Department.federated` and `DutyArea.leadFederated` follow the registry: after a publish the
 * new department's areas are federated, after a rollback that removed it they are not.
 */
export interface FederatedDepartmentsSync {
  /** The poverty-office subgraph's URL. */
  povertyOfficeUrl: string;
  /** SUBGRAPH_SIGNING_SECRET: requests are signed as the gateway signs them. */
  signingSecret: string;
  /** Every current member; those without a department code (outside the matrix) are left out. */
  members: Array<{ subgraph: string; department?: string | null }>;
  /** Default 10 s. */
  timeoutMs?: number;
}

export interface FederatedDepartmentsResult {
  /** Department codes with a subgraph now. */
  federated: string[];
  /** Department codes whose subgraph this call set, changed or cleared. */
  changed: string[];
}

/**
 * The mutation is a poverty-office write and @inaccessible at the gateway: the registry calls the
 * subgraph directly, signed as a poverty-office officer for the whole country (the matrix is
 * provincial), so the write passes the kit's guard and leaves an audit row naming the registry.
 */
export const REGISTRY_IDENTITY: Identity = { subject: 'schema-registry', role: 'department_officer', department: 'poverty-office', region: '' };

const RECORD_FEDERATION = `mutation RecordFederation($members: [FederationMemberInput!]!, $key: String!) {
  recordFederation(members: $members, idempotencyKey: $key) { federated { code } changed { code } }
}`;

interface Answer {
  data?: { recordFederation?: { federated: Array<{ code: string }>; changed: Array<{ code: string }> } | null } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Throws an Error saying why the duty matrix was not updated (unreachable, refused, rejected). */
export async function syncFederatedDepartments(options: FederatedDepartmentsSync): Promise<FederatedDepartmentsResult> {
  // One entry per department; should two subgraphs serve one department, the first listed names it.
  const byDepartment = new Map<string, string>();
  for (const m of options.members) if (m.department && !byDepartment.has(m.department)) byDepartment.set(m.department, m.subgraph);
  const members = [...byDepartment].map(([department, subgraph]) => ({ department, subgraph }));
  // A fresh key per call: the same membership may have to be stated again after a rollback.
  const body = JSON.stringify({ query: RECORD_FEDERATION, variables: { members, key: `schema-registry-${randomUUID()}` } });
  const failed = (why: string) => new Error(`the duty matrix was not updated: ${why}`);

  let response: Response;
  try {
    response = await fetch(options.povertyOfficeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...signRequest(options.signingSecret, REGISTRY_IDENTITY, body) },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw failed(`the poverty office at ${options.povertyOfficeUrl} cannot be reached (${(err as Error).message})`);
  }
  let answer: Answer;
  try {
    answer = (await response.json()) as Answer;
  } catch {
    throw failed(`the poverty office at ${options.povertyOfficeUrl} answered HTTP ${response.status} without a GraphQL response`);
  }
  if (answer.errors?.length) {
    throw failed(`the poverty office refused recordFederation: ${answer.errors.map((e) => `${e.message} (${e.extensions?.code ?? 'no code'})`).join('; ')}`);
  }
  const result = answer.data?.recordFederation;
  if (!result) throw failed(`the poverty office at ${options.povertyOfficeUrl} answered HTTP ${response.status} without a result`);
  return { federated: result.federated.map((d) => d.code), changed: result.changed.map((d) => d.code) };
}
