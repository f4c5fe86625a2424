import { GraphQLError } from 'graphql';

/** Machine-readable codes in `errors[].extensions.code`. Clients switch on these, never on messages. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INVALID_RESIDENT_ID = 'INVALID_RESIDENT_ID',
  INVALID_REGION_CODE = 'INVALID_REGION_CODE',
  INVALID_HOUSEHOLD_ID = 'INVALID_HOUSEHOLD_ID',
  INVALID_PERSON_ID = 'INVALID_PERSON_ID',
  INVALID_MONEY = 'INVALID_MONEY',
  INVALID_DATE = 'INVALID_DATE',
  NOT_FOUND = 'NOT_FOUND',
  /** A department record names a household or person the poverty office's register does not have. */
  NOT_IN_REGISTER = 'NOT_IN_REGISTER',
  /** The register could not be asked (poverty-office subgraph down); retry later. */
  REGISTER_UNAVAILABLE = 'REGISTER_UNAVAILABLE',
  CONFLICT = 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** No valid token (gateway), or no valid gateway signature (subgraph). `reason` says which. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller's role may not do this (e.g. a write by someone who is not the department's officer). */
  FORBIDDEN = 'FORBIDDEN',
  /** A household, person or region outside the caller's region scope. */
  OUT_OF_SCOPE = 'OUT_OF_SCOPE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** An error the caller can fix. `field` names the input path that is wrong, when there is one. */
export function userError(code: ErrorCode, message: string, details: { field?: string; [key: string]: unknown } = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export function notFound(what: string, id: string): GraphQLError {
  return userError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });
}
