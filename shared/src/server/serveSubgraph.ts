import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { SubgraphContext } from '../context';
import { Loaders } from '../loaders';
import { RegisterClient } from '../federation/registerClient';
import { SqlMetrics } from '../database/sqlMetrics';
import { handleGraphQLRequest, readBody } from './httpGraphQL';
import { formatError } from './formatError';
import { AuditTrail, Identity, verifySignedRequest } from '../security';
import { GraphQLError } from 'graphql';
import type { Pool } from 'pg';
import type { ImportKind } from '../import/kind';
import { isImportPath, serveImport } from '../import/route';

export interface ServeOptions {
  name: string;
  schema: GraphQLSchema;
  db: DataSource;
  metrics: SqlMetrics;
  log: Logger;
  port: number;
  host?: string;
  register: RegisterClient;
  /** The secret shared with the gateway (SUBGRAPH_SIGNING_SECRET): requests must be signed with it. */
  signingSecret: string;
  /** Batch files the department accepts at /import (issue 8). */
  imports?: readonly ImportKind[];
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves a subgraph on one port: GraphQL over HTTP at /graphql (Apollo Server 5), GraphQL over
 * WebSocket (graphql-ws) on the same path, /import (batch files, import/route.ts), /health (the
 * process is up), /ready (the database answers) and /metrics (Prometheus text).
 */
export async function serveSubgraph(options: ServeOptions): Promise<RunningServer> {
  const { log, metrics } = options;
  const httpServer = createServer();
  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    formatError: (formatted, error) => formatError(formatted, error, log),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Personal reads are on record before their data leaves.
      { requestDidStart: async () => ({ willSendResponse: ({ contextValue }) => contextValue.audit.flush(options.db) }) },
    ],
  });
  await apollo.start();

  const makeContext = (requestId: string, identity: Identity): SubgraphContext => ({
    department: options.name,
    register: options.register.forCaller(options.signingSecret, identity, requestId),
    requestId,
    log: log.child({ requestId }),
    db: options.db,
    loaders: new Loaders(options.db),
    identity,
    audit: new AuditTrail(identity, requestId),
  });

  /** Reads the body, checks the gateway's signature over it (401 if wrong), then runs GraphQL. */
  const serveGraphQL = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const body = await readBody(req);
    let identity: Identity;
    try {
      identity = verifySignedRequest(options.signingSecret, req.headers as Record<string, string | undefined>, body, searchOf(req));
    } catch (error) {
      const refusal = error as GraphQLError;
      log.warn({ requestId, reason: refusal.extensions?.reason, remote: req.socket.remoteAddress }, 'unsigned or badly signed request refused');
      return sendJson(res, 401, { errors: [{ message: refusal.message, extensions: refusal.extensions }] });
    }
    return handleGraphQLRequest(apollo, req, res, body, async () => makeContext(requestId, identity));
  };

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const requestId = headerValue(req, 'x-request-id') ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const route = ROUTES[path];
    const handler = route
      ? route(options, res)
      : path === '/graphql'
        ? metrics.track(() => serveGraphQL(req, res, requestId))
        : isImportPath(path)
          ? serveImport(req, res, requestId, {
              department: options.name,
              kinds: options.imports ?? [],
              // The DataSource's own pool: the import's transaction is one of its connections.
              pool: (options.db.driver as unknown as { master: Pool }).master,
              register: options.register,
              signingSecret: options.signingSecret,
              log,
            })
          : notFound(res);
    Promise.resolve(handler).catch((error: Error & { status?: number }) => {
      log.error({ err: error, requestId }, 'request failed');
      if (!res.headersSent) sendJson(res, error.status ?? 500, { error: error.status ? error.message : 'Internal server error' });
      else res.end();
    });
  });

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  // A subscription's connection carries the same signed headers in its connection parameters.
  const wsCleanup = useServer(
    {
      schema: options.schema,
      onConnect: (ctx) => {
        try {
          const params = (ctx.connectionParams ?? {}) as Record<string, string | undefined>;
          (ctx.extra as unknown as { identity?: Identity }).identity = verifySignedRequest(options.signingSecret, params, '');
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => makeContext(randomUUID(), (ctx.extra as unknown as { identity: Identity }).identity),
      // Personal reads are on record before each result leaves (a subscription's, change by change).
      onNext: async (_ctx, _id, _payload, args) => {
        await (args.contextValue as SubgraphContext).audit.flush(options.db);
      },
    },
    wsServer,
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    async close() {
      await wsCleanup.dispose();
      wsServer.close();
      await apollo.stop();
    },
  };
}

type Route = (options: ServeOptions, res: ServerResponse) => Promise<void> | void;

const ROUTES: Record<string, Route> = {
  '/health': (options, res) => sendJson(res, 200, { status: 'ok', service: options.name }),
  '/ready': async (options, res) => {
    try {
      await options.db.query('SELECT 1');
      sendJson(res, 200, { status: 'ready', service: options.name });
    } catch (error) {
      sendJson(res, 503, { status: 'unavailable', service: options.name, reason: (error as Error).message });
    }
  },
  '/metrics': (options, res) => {
    const labels = `{subgraph="${options.name}"}`;
    res.setHeader('content-type', 'text/plain; version=0.0.4');
    res.end(
      [
        '# HELP saf_sql_statements_total SQL statements sent to the database.',
        '# TYPE saf_sql_statements_total counter',
        `saf_sql_statements_total${labels} ${options.metrics.statementsTotal}`,
        '# HELP saf_graphql_requests_total GraphQL requests received over HTTP.',
        '# TYPE saf_graphql_requests_total counter',
        `saf_graphql_requests_total${labels} ${options.metrics.requestsTotal}`,
        `# HELP saf_process_resident_memory_bytes Resident memory.`,
        '# TYPE saf_process_resident_memory_bytes gauge',
        `saf_process_resident_memory_bytes${labels} ${process.memoryUsage().rss}`,
        '',
      ].join('\n'),
    );
  },
};

function notFound(res: ServerResponse): void {
  sendJson(res, 404, { error: 'Not found. GraphQL is served at /graphql.' });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

function searchOf(req: IncomingMessage): string {
  const url = req.url ?? '';
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
