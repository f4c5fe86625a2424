import { ErrorCode, userError } from '../errors';
import { isValidRegionPrefix } from '../identity';

/** The roles a token can carry (issue 6). */
export const ROLES = ['department_officer', 'caseworker', 'analyst', 'dashboard', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the gateway verified it from the caller's token. */
export interface Identity {
  /** The token's `sub`: a person or a system, for the audit trail. */
  subject: string;
  role: Role;
  /** The department an officer belongs to (folder name, e.g. 'civil-affairs'); only for officers. */
  department?: string;
  /**
   * The region code prefix the caller may see and change, e.g. '360729' for a county. Empty for
   * the whole country (a provincial or national role).
   */
  region: string;
  /**
   * Set by the gateway's own sector view when it reads departments' aggregates to combine them:
   * it suppresses small cells in what it returns, so the cells it reads are exact.
   */
  combining?: boolean;
  /** When the caller's token expires (ms since the epoch): the gateway ends its subscriptions then. */
  expiresAt?: number;
}

/** A caller with no valid token: reaches only what is public (reference data), never a household. */
export const ANONYMOUS: Identity = Object.freeze({ subject: 'anonymous', role: 'anonymous' as Role, region: '' });

export function isAnonymous(identity: Identity): boolean {
  return (identity.role as string) === 'anonymous';
}

/** Roles that see personal fields unmasked (in their region). */
const SEES_PERSONAL_DATA: ReadonlySet<string> = new Set(['caseworker', 'department_officer']);
/** Roles whose aggregates have small cells suppressed. */
const SUPPRESSED: ReadonlySet<string> = new Set(['analyst', 'dashboard']);

export const seesPersonalData = (identity: Identity): boolean => SEES_PERSONAL_DATA.has(identity.role);
export const getsSuppressedCells = (identity: Identity): boolean => SUPPRESSED.has(identity.role) && !identity.combining;

/**
 * Turns a token's claims (`sub`, `role`, `department`, `region`) into an identity, or explains
 * what is wrong with them. `forwarded`: the claims come from the gateway's signed forwarding.
 */
export function identityFromClaims(claims: Record<string, unknown>, options: { forwarded?: boolean } = {}): Identity {
  const role = claims.role;
  // The gateway forwards callers without a token (public fields only) as anonymous.
  if (options.forwarded && role === ANONYMOUS.role) return ANONYMOUS;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw userError(ErrorCode.UNAUTHENTICATED, `the token's role must be one of ${ROLES.join(', ')}`, { reason: 'INVALID_CLAIMS' });
  }
  const region = claims.region ?? '';
  if (typeof region !== 'string' || (region !== '' && !isValidRegionPrefix(region))) {
    throw userError(ErrorCode.UNAUTHENTICATED, "the token's region must be a 2, 4, 6, 9 or 12-digit region code prefix", { reason: 'INVALID_CLAIMS' });
  }
  const department = claims.department;
  if (role === 'department_officer' && (typeof department !== 'string' || !/^[a-z][a-z-]{1,40}$/.test(department))) {
    throw userError(ErrorCode.UNAUTHENTICATED, 'a department_officer token must name its department', { reason: 'INVALID_CLAIMS' });
  }
  const subject = typeof claims.sub === 'string' && claims.sub ? claims.sub : 'unknown';
  return {
    subject,
    role: role as Role,
    ...(role === 'department_officer' ? { department: department as string } : {}),
    region,
    // Only the gateway's signed forwarding may say so, never a client's token.
    ...(options.forwarded && claims.combining === true ? { combining: true } : {}),
  };
}
