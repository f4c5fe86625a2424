import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors';

const OURS = new Set<string>(Object.values(ErrorCode));
const EXPECTED = new Set<string>([...OURS, 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * Errors with one of our codes go to the client as they are. A scalar's code (INVALID_MONEY…)
 * wins over Apollo's generic GRAPHQL_VALIDATION_FAILED for inline literals, so that a value is
 * reported the same way whether it came as a variable or in the document. Anything else is a bug
 * or an outage: logged in full, and the client gets a generic message so no SQL or data leaks.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const scalarCode = originalCode(error);
  if (code === 'GRAPHQL_VALIDATION_FAILED' && scalarCode && OURS.has(scalarCode)) {
    return { ...formatted, extensions: { ...formatted.extensions, code: scalarCode } };
  }
  if (code && EXPECTED.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  log.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

function originalCode(error: unknown): string | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  return original instanceof GraphQLError ? (original.extensions?.code as string | undefined) : undefined;
}
