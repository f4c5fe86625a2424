/**
 * A tiny real Federation 2 subgraph for gateway tests: @apollo/server + @apollo/subgraph on a
 * node:http server (port 0), optionally with graphql-ws on the same port and path.
 */
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ANONYMOUS, AuditTrail, verifySignedRequest } from '@saf/kit';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';

export interface TestSubgraph {
  url: string;
  /** Headers of every HTTP request received, in order. */
  requests: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export type TestSubgraphOptions =
  | { typeDefs: string; resolvers: Record<string, unknown>; websocket?: boolean }
  /** An executable subgraph schema built elsewhere (e.g. with the kit's buildDepartmentSchema). */
  | { schema: GraphQLSchema; websocket?: boolean };

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startTestSubgraph(options: TestSubgraphOptions): Promise<TestSubgraph> {
  const schema = 'schema' in options ? options.schema : buildSubgraphSchema([{ typeDefs: parse(options.typeDefs), resolvers: options.resolvers as never }]);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const requests: http.IncomingHttpHeaders[] = [];

  const httpServer = http.createServer(async (req, res) => {
    try {
      requests.push(req.headers);
      const text = await readBody(req);
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: new URL(req.url ?? '/', 'http://x').search,
          body: text ? JSON.parse(text) : undefined,
        },
        // The caller the gateway signed for (kit-built schemas apply the access rules with it).
        context: async () => {
          const identity = req.headers['x-saf-identity'] ? verifySignedRequest(process.env.SUBGRAPH_SIGNING_SECRET!, req.headers as Record<string, string>, text) : ANONYMOUS;
          return { identity, audit: new AuditTrail(identity, 'test') };
        },
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') res.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (err) {
      if (!res.headersSent) res.statusCode = 500;
      res.end(String(err));
    }
  });

  let wss: WebSocketServer | undefined;
  let wsHandle: { dispose(): void | Promise<void> } | undefined;
  if (options.websocket) {
    wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
    wsHandle = useServer({ schema }, wss);
  }

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: () =>
      (closed ??= (async () => {
        if (wss) {
          for (const c of wss.clients) c.terminate();
          await wsHandle?.dispose();
          await new Promise<void>((r) => wss!.close(() => r()));
        }
        await new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        });
        await apollo.stop();
      })()),
  };
}
