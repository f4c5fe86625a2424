import { graphql, type GraphQLSchema } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { SECTOR_VIEW_URL } from './derive';
import type { GatewayQuery, SectorViewContext } from './reports';

/** Runs a GraphQL document through the gateway with the given upstream headers. */
export type GatewayFetch = (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => Promise<Record<string, any>>;

function plainHeaders(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (typeof (headers as Headers).forEach === 'function') {
    const out: Record<string, string> = {};
    (headers as Headers).forEach((value, key) => (out[key] = value));
    return out;
  }
  return { ...(headers as Record<string, string>) };
}

/**
 * Serves the sector view inside the gateway process: requests the query planner sends to its URL
 * are executed here instead of going over the network. Its schema follows the supergraph. Its
 * reports query the departments through the gateway, with the headers the planner forwarded
 * (request ID; the caller's identity once there is one).
 */
export function useInProcessSectorView(current: () => GraphQLSchema | null, gatewayFetch: GatewayFetch): GatewayPlugin {
  return {
    onFetch({ url, setFetchFn }) {
      if (url !== SECTOR_VIEW_URL) return;
      setFetchFn(async (_url, init) => {
        const schema = current();
        const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables?: Record<string, unknown>; operationName?: string };
        const forwarded = plainHeaders(init?.headers);
        delete forwarded['content-type'];
        delete forwarded['content-length'];
        delete forwarded['accept'];
        const query: GatewayQuery = (document, variables) => gatewayFetch(document, variables, forwarded);
        const contextValue: SectorViewContext = { query };
        const result = schema
          ? await graphql({ schema, source: body.query, variableValues: body.variables, operationName: body.operationName, contextValue })
          : { errors: [{ message: 'The sector view is not available for this supergraph' }] };
        return new Response(JSON.stringify(result), { status: 200, headers: { 'content-type': 'application/json' } }) as never;
      });
    },
  };
}
