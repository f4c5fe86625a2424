import * as http from 'node:http';
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Logger as PinoLogger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DocumentNode } from 'graphql';
import {
  createGatewayRuntime,
  getGraphQLWSOptions,
  type GatewayRuntime,
  type TransportEntryAdditions,
} from '@graphql-hive/gateway-runtime';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { unifiedGraphHandler as rustQueryPlanner } from '@graphql-hive/router-runtime';
import { createDefaultLogger, hiveLoggerFromPino } from './logging';
import { handleHealthRequest, type ReadinessState } from './health';
import { handleImportRequest } from './import/route';
import { SupergraphFile, type LoadedSupergraph, type ReloadResult } from './supergraph-file';
import { toWebSocketUrl } from './service-list';
import { usePartialResults } from './partial-results';
import { useServerTiming } from './server-timing';
import { maskError } from './masked-errors';
import { DEFAULT_LIMITS, useQueryLimits, type QueryLimits } from './limits';
import { AssistanceFeed, buildSectorViewSchema, discoverChangeFeeds, inProcessSectorView, IN_PROCESS_KIND, SECTOR_VIEW_NAME } from './sector-view';
import { createTokenVerifier, SIGNED_CONNECTION_PARAMS, tokenConfigFromEnv, useAuth, type TokenConfig } from './auth';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { attachRegistry, openRegistryStore, type RegistryOptions, type SchemaRegistry } from './registry';

export const GRAPHQL_PATH = '/graphql';

export interface GatewayOptions {
  /** TCP port; 0 picks a free one (tests). Default 4000. */
  port?: number;
  /** Interface to bind. Default 0.0.0.0 (all IPv4 interfaces). */
  host?: string;
  /** The composed supergraph written by `npm run compose` (ignored with `registry`). */
  supergraphPath?: string;
  /**
   * Serve the schema registry's current supergraph (seeding an empty registry) and take
   * publishes on /registry/* (registry/http.ts).
   */
  registry?: RegistryOptions;
  /** Per-subgraph-request time limit; past it the subgraph's fields are null with an error. Default 5000. */
  upstreamTimeoutMs?: number;
  /** Stat poll that backs up fs.watch; 0 disables polling. Default 2000. */
  pollIntervalMs?: number;
  /** Watch the supergraph file at all. Default true. */
  watch?: boolean;
  logger?: PinoLogger;
  /** Serve the (offline, no-CDN) GraphiQL explorer on GET /graphql. Default true. */
  graphiql?: boolean;
  /** Development: a token the explorer sends by default (its Headers tab shows it). */
  graphiqlToken?: string;
  /**
   * Subgraph URLs that replace the ones baked into the supergraph at compose time, keyed by
   * subgraph name (e.g. from SUBGRAPH_<NAME>_URL). Subscriptions use the same URL over ws(s).
   */
  subgraphUrls?: Record<string, string>;
  /** How long close() lets in-flight HTTP requests finish before cutting them. Default 3000. */
  shutdownGraceMs?: number;
  /** Depth, aliases, tokens and cost an operation may have; production mode. Default DEFAULT_LIMITS. */
  limits?: QueryLimits;
  /** Households an assistanceChanged subscriber may have waiting before the oldest are dropped. Default 10,000. */
  liveQueueLimit?: number;
  /** 'rust' (Hive Router's planner, default) or 'stitching' (the runtime's JavaScript default). */
  queryPlanner?: 'rust' | 'stitching';
  /** How callers' tokens are checked and how subgraph requests are signed (issue 6). Default: from the environment. */
  auth?: GatewayAuthOptions;
}

export interface GatewayAuthOptions {
  tokens: TokenConfig;
  /** SUBGRAPH_SIGNING_SECRET: subgraphs answer only requests signed with it. */
  signingSecret: string;
  /** Root fields reachable without a token. Default none. */
  publicFields?: readonly string[];
  /**
   * Persisted documents (id → GraphQL document). When set, the dashboard role may run only these;
   * other roles may still send their own documents.
   */
  persistedDocuments?: Record<string, string>;
}

export interface RunningGateway {
  /** http://host:port/graphql (localhost when bound to all interfaces). */
  url: string;
  /** Same endpoint for graphql-ws clients. */
  wsUrl: string;
  port: number;
  close(): Promise<void>;
  /** Re-reads the supergraph file now instead of waiting for the watcher. */
  reloadNow(): Promise<ReloadResult>;
  /** With the `registry` option: publish, rollback and history in process. */
  registry?: SchemaRegistry;
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

const WARM_QUERY = JSON.stringify({ query: 'query GatewayWarmUp { __typename }' });

/**
 * Subscriptions go to each subgraph over graphql-ws at its own URL: the http transport hands
 * subscription operations to the ws transport, which swaps http(s) for ws(s).
 *
 * lazyCloseTimeout 0: close a subgraph socket as soon as its last subscription ends. The
 * transport's default (3 s) leaves a timer that the graphql-ws client does not clear on
 * dispose, so close() would not really finish until it fired.
 */
function buildTransportEntries(subgraphUrls: Record<string, string> = {}): TransportEntryAdditions {
  const ws = { kind: 'ws', options: { lazyCloseTimeout: 0, connectionParams: SIGNED_CONNECTION_PARAMS } };
  // The HTTP executor would merge identical in-flight queries of different callers into one
  // upstream request, signed for whichever came first: one caller would get another's data.
  const http = { deduplicateInflightRequests: false };
  const entries: TransportEntryAdditions = { '*.http': { options: { ...http, subscriptions: ws } }, [SECTOR_VIEW_NAME]: { kind: IN_PROCESS_KIND } };
  for (const [name, url] of Object.entries(subgraphUrls)) {
    entries[name] = { location: url, options: { ...http, subscriptions: { ...ws, location: toWebSocketUrl(url) } } };
  }
  return entries;
}

/** Token checks and the signing secret from AUTH_JWT_* and SUBGRAPH_SIGNING_SECRET. */
export function authFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayAuthOptions {
  const signingSecret = env.SUBGRAPH_SIGNING_SECRET;
  if (!signingSecret) throw new Error('SUBGRAPH_SIGNING_SECRET is not set (`npm start` creates development secrets in .data/dev-secrets.json)');
  return {
    tokens: tokenConfigFromEnv(env),
    signingSecret,
    publicFields: (env.AUTH_PUBLIC_FIELDS ?? '').split(',').map((f) => f.trim()).filter(Boolean),
  };
}

/** Longest timer Node keeps (about 24.8 days); a later expiry is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Closes a graphql-ws socket with 4401 when its token expires: its subscriptions end with it. */
function closeOnExpiry(socket: WebSocket, expiresAt: number): void {
  const wait = expiresAt - Date.now();
  const timer = setTimeout(() => (wait > MAX_TIMER_MS ? closeOnExpiry(socket, expiresAt) : socket.close(4401, 'Token expired')), Math.min(Math.max(wait, 0), MAX_TIMER_MS));
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/** Runs one trivial query through the runtime so the schema is built before real traffic. */
async function warmUp(gateway: GatewayRuntime): Promise<void> {
  const res = await gateway.fetch(`http://gateway.internal${GRAPHQL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: WARM_QUERY,
  });
  const body = (await res.json()) as { data?: { __typename?: string }; errors?: { message: string }[] };
  if (body.data?.__typename !== 'Query') {
    throw new Error(`warm-up query failed: ${body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${res.status}`}`);
  }
}

function publicUrl(host: string, port: number, scheme: 'http' | 'ws'): string {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${shownHost}:${port}${GRAPHQL_PATH}`;
}

/**
 * Starts the Hive Gateway runtime over node:http with graphql-ws on the same port and path.
 * Rejects (with a message pointing at `npm run compose`) when there is no usable supergraph.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  // One request's query plan fans out to many subgraph fetches (the sector view's reports to a dozen),
  // each listening to the request's abort signal: past Node's default of 10 it warns of a leak.
  setMaxListeners(64);
  const logger = options.logger ?? createDefaultLogger();
  const host = options.host ?? '0.0.0.0';
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 5000;
  const shutdownGraceMs = options.shutdownGraceMs ?? 3000;

  // The runtime pulls the supergraph from this variable; swapping it + invalidating reloads.
  let served: DocumentNode;
  // The sector view's executable schema for the supergraph being served (null if it has none).
  let sectorView: GraphQLSchema | null = null;
  let warmed = false;
  let closing = false;

  const registryStore = options.registry ? await openRegistryStore(options.registry, logger) : undefined;
  const supergraphPath = registryStore?.supergraphPath ?? options.supergraphPath;
  if (!supergraphPath) throw new Error('startGateway needs a supergraphPath or a registry');

  let gateway: GatewayRuntime | undefined;
  const file = new SupergraphFile(supergraphPath, {
    logger,
    apply: async (candidate) => {
      const previous = served;
      const previousView = sectorView;
      served = candidate.document;
      sectorView = buildSectorViewSchema(served);
      try {
        await Promise.resolve(gateway!.invalidateUnifiedGraph());
        await warmUp(gateway!);
        live.setFeeds(discoverChangeFeeds(served, options.subgraphUrls));
      } catch (err) {
        // Put the last good one back; the runtime only swaps generations on success, so this
        // re-invalidation is a no-op in the common case and a repair otherwise.
        served = previous;
        sectorView = previousView;
        await Promise.resolve(gateway!.invalidateUnifiedGraph()).catch(() => undefined);
        throw err;
      }
    },
  });

  // The sector view's reports ask the departments through this same gateway.
  const queryThroughGateway = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const res = await gateway!.fetch(`http://gateway.internal${GRAPHQL_PATH}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    if (body.errors?.length) {
      const first = body.errors[0];
      throw new GraphQLError(body.errors.map((e) => e.message).join('; '), { extensions: { code: first.extensions?.code ?? 'UPSTREAM_ERROR' } });
    }
    return body.data ?? {};
  };

  const initial: LoadedSupergraph = await file.readInitial();
  served = initial.document;
  sectorView = buildSectorViewSchema(served);

  const timing = useServerTiming();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const authOptions = options.auth ?? authFromEnv();
  const live = new AssistanceFeed({
    signingSecret: authOptions.signingSecret,
    queueLimit: options.liveQueueLimit,
    log: (msg, extra) => logger.warn(extra ?? {}, msg),
  });
  const verify = await createTokenVerifier(authOptions.tokens);
  const auth = useAuth({ verify, signingSecret: authOptions.signingSecret, publicFields: authOptions.publicFields });
  const sectorViewTransport = inProcessSectorView({
    schema: () => sectorView,
    gatewayFetch: (query, variables, headers) => queryThroughGateway(query, variables, { ...headers, ...auth.combiningHeader }),
    live,
    onExecuted: timing.recordUpstream,
  });
  const persisted = authOptions.persistedDocuments;

  gateway = createGatewayRuntime({
    supergraph: () => served,
    logging: hiveLoggerFromPino(logger),
    // A slow or dead subgraph costs at most this long; its fields come back null with an
    // error while the other subgraphs' fields are still returned. Not for subscriptions: the
    // runtime would end every subscription stream after this long (the entity fetches made
    // for each event are queries and still get the limit).
    upstreamTimeout: ({ executionRequest }) =>
      executionRequest?.operationType === 'subscription' ? undefined : upstreamTimeoutMs,
    transportEntries: buildTransportEntries(options.subgraphUrls),
    transports: (kind) => (kind === IN_PROCESS_KIND ? sectorViewTransport : import(`@graphql-mesh/transport-${kind}`)),
    // Operations running when the supergraph changes finish on the schema they started on.
    gracefulSchemaReload: { drainTimeout: Math.max(30_000, upstreamTimeoutMs * 4) },
    // x-request-id: taken from the client or generated, logged, echoed, and sent to subgraphs.
    requestId: { headerName: 'x-request-id' },
    graphqlEndpoint: GRAPHQL_PATH,
    // render-graphiql inlines its JS/CSS: the explorer works with no internet (no CDN).
    graphiql:
      options.graphiql === false
        ? false
        : {
            title: 'Sector Assistance Federation',
            ...(options.graphiqlToken ? { headers: JSON.stringify({ Authorization: `Bearer ${options.graphiqlToken}` }) } : {}),
          },
    renderGraphiQL,
    // The default landing page (404s) pulls highlight.js from a CDN.
    landingPage: false,
    // Hive Router's query planner (Rust, native addon) and its executor instead of the default
    // stitching runtime: several times less gateway time on the large entity batches of the view.
    ...(options.queryPlanner === 'stitching' ? {} : { unifiedGraphHandler: rustQueryPlanner }),
    ...(limits.production ? { disableIntrospection: {} } : {}),
    ...(persisted
      ? {
          persistedDocuments: {
            getPersistedOperation: (id: string) => persisted[id] ?? null,
            allowArbitraryDocuments: (request: Request) => auth.identityOf(request).role !== 'dashboard',
            customErrors: {
              persistedQueryOnly: {
                message: 'the dashboard role runs persisted documents only: send {"documentId": "<id>"} instead of a query',
                extensions: { code: 'PERSISTED_DOCUMENTS_ONLY', http: { status: 403 } },
              },
              notFound: { message: 'no persisted document has that id', extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND' } },
            },
          },
        }
      : {}),
    maskedErrors: { maskError },
    plugins: () => [auth.plugin, timing.plugin, usePartialResults(), useQueryLimits(limits)],
  });

  try {
    await warmUp(gateway);
  } catch (err) {
    await gateway.dispose();
    throw new Error(
      `Supergraph at ${initial.path} was read but the gateway could not serve it (${(err as Error).message}). ` +
        'Run `npm run compose` to regenerate it.',
    );
  }
  file.setCurrent(initial);
  live.setFeeds(discoverChangeFeeds(served, options.subgraphUrls));
  warmed = true;

  const readiness = (): ReadinessState => {
    const cur = file.current;
    const state: ReadinessState = {
      ready: warmed && !closing && cur != null,
      lastReloadError: file.lastError,
    };
    if (cur) {
      state.supergraph = {
        path: cur.path,
        hash: cur.hash,
        loadedAt: cur.loadedAt.toISOString(),
        subgraphs: cur.subgraphs.map((s) => s.name),
      };
    }
    if (!state.ready) state.reason = closing ? 'shutting down' : 'supergraph not loaded';
    return state;
  };

  const runtime = gateway;
  const registry = registryStore
    ? attachRegistry({
        store: registryStore,
        options: options.registry!,
        reload: () => file.reload(),
        servedHash: () => file.current?.hash,
        verify,
        signingSecret: authOptions.signingSecret,
        subgraphUrls: options.subgraphUrls,
        logger,
      })
    : undefined;
  const httpServer = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    // Assign the id at the edge when the client sent none, so the access log, the runtime's
    // logs, the response header and the subgraph requests all carry the same one.
    // A client's id is kept only if it looks like an id (it ends up in logs and upstream headers).
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    req.headers['x-request-id'] = requestId;
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const path = (req.url ?? '/').split('?')[0];
      const entry = {
        requestId,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      };
      if (path === '/health' || path === '/ready') logger.debug(entry, 'request');
      else logger.info(entry, 'request');
    });
    if (handleHealthRequest(req, res, readiness)) return;
    if (handleImportRequest(req, res, { authenticate: auth.authenticateConnection, signingSecret: authOptions.signingSecret, supergraph: () => served, subgraphUrls: options.subgraphUrls, logger })) return;
    if (registry?.handleRegistryRequest(req, res)) return;
    void runtime.requestListener(req, res);
  });

  // graphql-ws on the same port and path. Created only now, after warm-up, so no early
  // subscription can hit the runtime before its schema exists.
  const wsServer = new WebSocketServer({ server: httpServer, path: GRAPHQL_PATH });
  const wsHandle = useServer(
    {
      ...getGraphQLWSOptions(runtime, (ctx) => ({
        req: (ctx.extra as { request?: http.IncomingMessage } | undefined)?.request,
        socket: (ctx.extra as { socket?: unknown } | undefined)?.socket,
      })),
      // A bad token refuses the connection; a good one ends it when it expires (4401).
      onConnect: async (ctx) => {
        try {
          const identity = await auth.authenticateConnection(ctx.connectionParams);
          if (identity.expiresAt) closeOnExpiry((ctx.extra as { socket: WebSocket }).socket, identity.expiresAt);
          return true;
        } catch {
          return false;
        }
      },
    },
    wsServer,
  );

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 4000, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await wsHandle.dispose();
    wsServer.close();
    await runtime.dispose();
    const e = err as NodeJS.ErrnoException;
    throw new Error(
      e.code === 'EADDRINUSE' ? `Port ${options.port} on ${host} is already in use` : `Cannot listen: ${e.message}`,
    );
  }

  if (options.watch !== false) file.watch(options.pollIntervalMs ?? 2000);
  // The poverty office learns the registry's departments once per start (and after each change).
  if (registry) void registry.registry.syncCurrent().then((dutyMatrix) => logger.info({ dutyMatrix }, 'duty matrix sync after start'), (err: Error) => logger.warn({ err }, 'duty matrix sync after start failed'));

  const port = (httpServer.address() as AddressInfo).port;
  const url = publicUrl(host, port, 'http');
  logger.info(
    { url, supergraph: initial.path, hash: initial.hash, subgraphs: initial.subgraphs, upstreamTimeoutMs },
    'gateway listening',
  );

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      closing = true;
      file.close();
      registry?.stop();
      for (const client of wsServer.clients) client.terminate();
      await wsHandle.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      // Let requests in flight finish, but not forever.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => httpServer.closeAllConnections(), shutdownGraceMs);
        timer.unref();
        httpServer.close(() => {
          clearTimeout(timer);
          resolve();
        });
        httpServer.closeIdleConnections();
      });
      await live.close();
      await runtime.dispose();
      logger.info({ url }, 'gateway stopped');
    })());

  return {
    url,
    wsUrl: publicUrl(host, port, 'ws'),
    port,
    close,
    reloadNow: () => file.reload(),
    registry: registry?.registry,
  };
}
