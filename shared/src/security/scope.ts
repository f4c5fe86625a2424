import { ErrorCode, userError } from '../errors';
import { isValidRegionPrefix } from '../identity';
import { Identity, isAnonymous } from './identity';

/*
 * Household IDs, person IDs and region codes all start with the village code, so a caller's
 * region scope is a prefix test on any of them.
 */

/** Whether a household ID, person ID or region code lies inside the caller's region. */
export function inScope(identity: Identity, id: string): boolean {
  if (isAnonymous(identity)) return false;
  return id.startsWith(identity.region);
}

export function outOfScope(identity: Identity, what: string, details: Record<string, unknown> = {}) {
  const scope = isAnonymous(identity) ? 'none (no token)' : identity.region || 'the whole country';
  return userError(ErrorCode.OUT_OF_SCOPE, `${what} is outside your region (${scope})`, { scope: identity.region, ...details });
}

/** Throws OUT_OF_SCOPE unless the household, person or region is the caller's. */
export function assertInScope(identity: Identity, id: string, field?: string): void {
  if (!inScope(identity, id)) throw outOfScope(identity, `${id}`, field ? { field } : {});
}

/**
 * The region prefix a read may use: the caller's own when none is asked for, the asked one when
 * it lies inside the caller's region. A wider or another region is refused rather than narrowed,
 * so that a total is never silently smaller than what was asked for.
 */
export function scopedRegionPrefix(identity: Identity, requested: string | null | undefined, field = 'regionPrefix'): string | null {
  if (isAnonymous(identity)) throw outOfScope(identity, 'household data', { field });
  if (requested == null || requested === '') return identity.region || (requested ?? null);
  // A malformed prefix is the caller's mistake, not a question of scope: say so first.
  if (!isValidRegionPrefix(requested)) {
    throw userError(ErrorCode.INVALID_REGION_CODE, `Invalid ${field} "${requested}": expected the 2, 4, 6, 9 or 12-digit prefix of a region code`, { field });
  }
  if (!requested.startsWith(identity.region)) throw outOfScope(identity, `region ${requested}`, { field });
  return requested;
}
