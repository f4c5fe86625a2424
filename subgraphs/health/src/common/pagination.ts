import { decodeCursor, ErrorCode, userError } from '@saf/kit';

/**
 * Checks an `after` cursor of a list in (household_id, id) order before it reaches the kit's
 * `paginate`, which binds the cursor's values as they are: a forged cursor whose id is not an
 * integer would otherwise fail in SQL against a bigint column instead of as BAD_USER_INPUT.
 */
export function householdCursor(after: string | null | undefined, idKind: 'numeric' | 'text'): string | null | undefined {
  if (!after) return after;
  let key: unknown;
  try {
    key = JSON.parse(decodeCursor(after));
  } catch {
    key = null;
  }
  const [householdId, id] = Array.isArray(key) && key.length === 2 ? key : [];
  const validId = idKind === 'numeric' ? Number.isSafeInteger(id) && id >= 0 : typeof id === 'string' && id.length > 0;
  if (typeof householdId !== 'string' || !/^[0-9]{16}$/.test(householdId) || !validId) {
    throw userError(ErrorCode.BAD_USER_INPUT, 'Invalid cursor: pass an endCursor from a previous page', { field: 'after' });
  }
  return after;
}
