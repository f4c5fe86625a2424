import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { ErrorCode } from '@saf/kit';

/** Codes a subgraph or the gateway gives to errors the caller should see as they are. */
const PASSED_THROUGH = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'LEAD_VERDICT_UNAVAILABLE']);

interface CodedError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions: { code: string } & Record<string, unknown>;
}

function coded(value: unknown): CodedError | null {
  const candidate = value as Partial<CodedError> | null;
  const code = candidate?.extensions?.code;
  return typeof candidate?.message === 'string' && typeof code === 'string' && PASSED_THROUGH.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR
    ? (candidate as CodedError)
    : null;
}

/**
 * Yoga masks every error that is not one of its own GraphQLErrors as "Unexpected error". A
 * subscription event whose subgraph refused it (OUT_OF_SCOPE at the start) reaches it that way,
 * as a plain object: an error carrying one of the platform's codes goes to the client as it is
 * (subgraphs have already made it safe to show); anything else is masked as before.
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const known = coded(error) ?? coded((error as { originalError?: unknown } | null)?.originalError);
  if (known) return new GraphQLError(known.message, { path: known.path, extensions: known.extensions });
  return yogaMaskError(error, message, isDev);
}
