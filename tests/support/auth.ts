import { signRequest, type Identity, type Role } from '@saf/kit';
import { mintToken } from '@saf/gateway';

/** Who a test acts as. `region` '' is the whole country. */
export interface TestCaller {
  role: Role;
  region?: string;
  department?: string;
  subject?: string;
}

export const caseworker = (region = ''): TestCaller => ({ role: 'caseworker', region });
export const analyst = (region = ''): TestCaller => ({ role: 'analyst', region });
export const dashboard = (region = ''): TestCaller => ({ role: 'dashboard', region });
export const admin = (region = ''): TestCaller => ({ role: 'admin', region });
export const officer = (department: string, region = ''): TestCaller => ({ role: 'department_officer', department, region });

/** The default caller: a caseworker for the whole country (reads everything, writes nothing). */
export const DEFAULT_CALLER = caseworker();

export function identityOf(caller: TestCaller): Identity {
  return {
    subject: caller.subject ?? `test-${caller.role}`,
    role: caller.role,
    region: caller.region ?? '',
    ...(caller.department ? { department: caller.department } : {}),
  };
}

/** A token as the identity provider would issue it, signed with the test run's secret. */
export async function tokenFor(caller: TestCaller, options: { expiresInSeconds?: number; secret?: string } = {}): Promise<string> {
  const claims = { role: caller.role, region: caller.region, department: caller.department, sub: caller.subject ?? `test-${caller.role}` };
  return mintToken(options.secret ?? process.env.AUTH_JWT_SECRET!, claims, options.expiresInSeconds ?? 600);
}

/**
 * Headers for a request as the caller: a bearer token (what the gateway reads) and the gateway's
 * signature over the body (what a subgraph reads), so one client serves both.
 */
export async function callerHeaders(caller: TestCaller, body: string): Promise<Record<string, string>> {
  return {
    authorization: `Bearer ${await tokenFor(caller)}`,
    ...signRequest(process.env.SUBGRAPH_SIGNING_SECRET!, identityOf(caller), body),
  };
}
