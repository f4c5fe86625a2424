import { callerHeaders, DEFAULT_CALLER, type TestCaller } from './auth';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

/**
 * A GraphQL-over-HTTP client for tests, acting as `caller` (default: a caseworker for the whole
 * country) towards a gateway (token) or a subgraph (the gateway's signature) alike.
 */
export function graphqlClient(url: string, caller: TestCaller = DEFAULT_CALLER) {
  return async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await callerHeaders(caller, body)) },
      body,
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}

export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
}

/** Reads a counter from a subgraph's Prometheus /metrics. */
export async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', baseUrl))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`));
  if (!line) throw new Error(`metric ${name} not found`);
  return Number(line.split(' ').pop());
}

/** The data of a response that must have no errors (else the test fails with them). */
export async function ok<T = any>(gql: ReturnType<typeof graphqlClient>, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await gql<T>(query, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}
