import { execute, subscribe, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Transport } from '@graphql-mesh/transport-common';
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { ANONYMOUS, type Identity } from '@saf/kit';
import type { GatewayQuery, SectorViewContext } from './reports';
import type { AssistanceFeed } from './live';

/** Runs a GraphQL document through the gateway with the given upstream headers. */
export type GatewayFetch = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => Promise<Record<string, any>>;

/** The transport kind the gateway maps the sector view to. */
export const IN_PROCESS_KIND = 'sector-view-in-process';

/** Headers the sector view's own queries pass on: the request ID and the caller's token. */
const FORWARDED = ['x-request-id', 'authorization'];

function forwardedHeaders(context: unknown): Record<string, string> {
  const headers = (context as { request?: Request } | undefined)?.request?.headers;
  const out: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = headers?.get(name);
    if (value) out[name] = value;
  }
  return out;
}

export interface InProcessHooks {
  /** The schema for the supergraph being served (null when it has no sector view). */
  schema(): GraphQLSchema | null;
  /** Queries the departments back through the gateway. */
  gatewayFetch: GatewayFetch;
  /** The departments' change feeds (assistanceChanged). */
  live: AssistanceFeed;
  /** Told how long each execution took, for Server-Timing. */
  onExecuted?(context: unknown, began: number, ended: number): void;
}

/**
 * Serves the sector view inside the gateway process as a transport: the planner's requests are
 * executed on its schema directly, with no HTTP, JSON or form-data scanning of the (large)
 * representations in between.
 */
export function inProcessSectorView(hooks: InProcessHooks): Transport {
  return {
    getSubgraphExecutor() {
      const executor = async (request: ExecutionRequest): Promise<ExecutionResult> => {
        const schema = hooks.schema();
        if (!schema) return { errors: [{ message: 'The sector view is not available for this supergraph' } as never] };
        const began = performance.now();
        const headers = forwardedHeaders(request.context);
        const query: GatewayQuery = (document, variables) => hooks.gatewayFetch(document, variables, headers);
        const identity = (request.context as { identity?: Identity } | undefined)?.identity ?? ANONYMOUS;
        const contextValue: SectorViewContext = { query, identity, live: hooks.live };
        if (request.operationType === 'subscription') {
          return subscribe({ schema, document: request.document, variableValues: request.variables, operationName: request.operationName, contextValue }) as never;
        }
        try {
          return await execute({ schema, document: request.document, variableValues: request.variables, operationName: request.operationName, contextValue });
        } finally {
          hooks.onExecuted?.(request.context, began, performance.now());
        }
      };
      return executor as Executor;
    },
  };
}
