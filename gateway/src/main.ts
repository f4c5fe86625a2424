import { authFromEnv, startGateway, type GatewayOptions } from './server';
import { loadServiceList } from './service-list';
import { registryDirFromEnv } from './paths';
import { limitsFromEnv } from './limits';
import { readFileSync } from 'node:fs';

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw == null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/**
 * Gateway options from the environment: GATEWAY_PORT (4000), GATEWAY_HOST (0.0.0.0),
 * SCHEMA_REGISTRY_DIR (DATA_DIR/registry, default .data/registry: the schema registry, seeded from gateway/subgraphs.json
 * when empty, whose current supergraph is served and which takes publishes), or instead
 * SUPERGRAPH_PATH (a supergraph file served as it is, e.g. gateway/supergraph.graphql written by
 * `npm run compose`; no registry), GATEWAY_UPSTREAM_TIMEOUT_MS (5000),
 * GATEWAY_GRAPHIQL (on unless "false"), SUBGRAPH_<NAME>_URL, which also re-points a running
 * gateway at a subgraph without recomposing, the query limits (limits.ts), and access control:
 * AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEYS (+ AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE),
 * SUBGRAPH_SIGNING_SECRET, AUTH_PUBLIC_FIELDS (comma-separated root fields open without a token)
 * and GATEWAY_PERSISTED_DOCUMENTS (a JSON file of id → document; dashboards may run only these).
 */
export function gatewayOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayOptions {
  const subgraphUrls: Record<string, string> = {};
  try {
    for (const s of loadServiceList({ env })) if (s.urlFromEnv) subgraphUrls[s.name] = s.url;
  } catch {
    // No or bad subgraphs.json: only the URL overrides are lost; the supergraph has its own URLs.
  }
  return {
    port: intFromEnv(env, 'GATEWAY_PORT', 4000),
    host: env.GATEWAY_HOST || '0.0.0.0',
    ...(env.SUPERGRAPH_PATH ? { supergraphPath: env.SUPERGRAPH_PATH } : { registry: { dir: registryDirFromEnv(env), seedFrom: { env } } }),
    upstreamTimeoutMs: intFromEnv(env, 'GATEWAY_UPSTREAM_TIMEOUT_MS', 5000),
    graphiql: env.GATEWAY_GRAPHIQL !== 'false',
    graphiqlToken: env.GATEWAY_GRAPHIQL_TOKEN || undefined,
    liveQueueLimit: intFromEnv(env, 'LIVE_QUEUE_LIMIT', 10_000),
    subgraphUrls,
    limits: limitsFromEnv(env),
    auth: {
      ...authFromEnv(env),
      persistedDocuments: env.GATEWAY_PERSISTED_DOCUMENTS ? JSON.parse(readFileSync(env.GATEWAY_PERSISTED_DOCUMENTS, 'utf8')) : undefined,
    },
  };
}

async function main(): Promise<void> {
  const gateway = await startGateway(gatewayOptionsFromEnv());
  console.log(`Gateway ready at ${gateway.url}`);
  const stop = () => {
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`Gateway failed to start: ${err.message}`);
    process.exit(1);
  });
}
