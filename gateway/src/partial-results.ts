import { GraphQLError, type ExecutionResult } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** Upstream details the transports attach to errors: internal URLs and subgraph queries. */
const INTERNAL_EXTENSIONS = ['request', 'response'];

function cleanError(error: GraphQLError, dropHttp: boolean): GraphQLError {
  const ext = { ...(error.extensions ?? {}) } as Record<string, unknown>;
  const hasInternal = INTERNAL_EXTENSIONS.some((k) => k in ext);
  const hasHttp = dropHttp && 'http' in ext;
  if (!hasInternal && !hasHttp) return error;
  for (const k of INTERNAL_EXTENSIONS) delete ext[k];
  if (hasHttp) delete ext.http;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: ext,
  });
}

function clean(result: ExecutionResult): ExecutionResult | undefined {
  if (!result.errors?.length) return undefined;
  // With data, the response is a partial success: a subgraph's 504/502 status on its error
  // would make the whole HTTP response fail and many clients would drop the data.
  const partial = result.data != null;
  const errors = result.errors.map((e) => cleanError(e, partial));
  if (errors.every((e, i) => e === result.errors![i])) return undefined;
  return { ...result, errors };
}

/**
 * Shapes results when a subgraph is slow or down: the other subgraphs' data is served with
 * HTTP 200 and an error (code, serviceName, path) on the missing fields, as GraphQL-over-HTTP
 * asks for partial results, and without the subgraph's internal URL and query in the error.
 */
export function usePartialResults(): GatewayPlugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (result == null || Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const cleaned = clean(result as ExecutionResult);
      if (cleaned) setResult(cleaned as never);
    },
  };
}
