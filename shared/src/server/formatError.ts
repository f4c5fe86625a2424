import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors';

const EXPECTED = new Set<string>([...Object.values(ErrorCode), 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST']);

/**
 * Errors with one of our codes go to the client as they are. Anything else is a bug or an outage:
 * it is logged in full and the client gets a generic message, so no SQL or data leaks out.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && EXPECTED.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  log.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error');
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
