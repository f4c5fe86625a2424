/**
 * Apollo Gateway (`@apollo/gateway` on `@apollo/server`) serving the same supergraph over the same
 * subgraphs, for comparison. The platform's sector view runs in process here too, as a
 * LocalGraphQLDataSource; its reports query back through this gateway. It adds the same
 * Server-Timing header as ours, so the gateway overhead is measured the same way.
 *
 * Like ours it verifies the caller's token and signs every subgraph request with the caller's
 * identity (the subgraphs refuse anything else), so both gateways do the same security work.
 *
 * Env: SUPERGRAPH_PATH, PORT, AUTH_JWT_SECRET, SUBGRAPH_SIGNING_SECRET.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import { parse } from 'graphql';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { buildSectorViewSchema, coveredLength, createTokenVerifier, SECTOR_VIEW_NAME } from '@saf/gateway';
import { ANONYMOUS, signRequest, type Identity } from '@saf/kit';

interface TimedContext {
  start: number;
  upstream: Array<[number, number]>;
  query: (q: string, v: Record<string, unknown>) => Promise<Record<string, unknown>>;
  identity: Identity;
  authorization?: string;
}

const signingSecret = process.env.SUBGRAPH_SIGNING_SECRET!;
const IDENTITY_CARRIER = 'x-bench-identity';

/** A subgraph source that signs each request's body with the caller's identity, as our gateway does. */
class SigningDataSource extends RemoteGraphQLDataSource<TimedContext> {
  constructor(url: string) {
    super({
      url,
      fetcher: (input, init) => {
        const headers = new Headers(init?.headers as Record<string, string>);
        const identity = JSON.parse(headers.get(IDENTITY_CARRIER) ?? 'null') ?? ANONYMOUS;
        headers.delete(IDENTITY_CARRIER);
        for (const [name, value] of Object.entries(signRequest(signingSecret, identity, String(init?.body ?? '')))) headers.set(name, value);
        return fetch(input as string, { ...(init as RequestInit), headers });
      },
    });
  }
  willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<TimedContext>) {
    request.http?.headers.set(IDENTITY_CARRIER, JSON.stringify((context as Partial<TimedContext>).identity ?? ANONYMOUS));
  }
}

const port = Number(process.env.PORT ?? 4150);
const selfUrl = `http://127.0.0.1:${port}/graphql`;
// Apollo Gateway refuses a supergraph with a SECURITY feature it does not implement without an
// enterprise licence (@requiresScopes). The subgraphs enforce those rules themselves, so the
// comparison loses nothing by reading the feature as documentation.
const supergraphSdl = fs
  .readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8')
  .replace(/(@link\(url: "https:\/\/specs\.apollo\.dev\/requiresScopes\/v[0-9.]+"), for: SECURITY\)/, '$1)');

/** Times every subgraph fetch into the request's context. */
function timed<T extends GraphQLDataSource<TimedContext>>(source: T): GraphQLDataSource<TimedContext> {
  return {
    async process(options: GraphQLDataSourceProcessOptions<TimedContext>) {
      const began = performance.now();
      try {
        return await source.process(options);
      } finally {
        (options.context as TimedContext).upstream?.push([began, performance.now()]);
      }
    },
  };
}

const serverTiming: ApolloServerPlugin<TimedContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const total = performance.now() - contextValue.start;
        const upstream = coveredLength(contextValue.upstream);
        response.http.headers.set('server-timing', `total;dur=${total.toFixed(1)}, upstream;dur=${upstream.toFixed(1)}, gateway;dur=${(total - upstream).toFixed(1)}`);
      },
    };
  },
};

async function main() {
  const sectorView = buildSectorViewSchema(parse(supergraphSdl));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      timed(name === SECTOR_VIEW_NAME && sectorView ? new LocalGraphQLDataSource(sectorView) : new SigningDataSource(url!)),
  });
  const server = new ApolloServer<TimedContext>({ gateway, plugins: [serverTiming], introspection: false });
  await server.start();

  const verify = await createTokenVerifier({ secret: process.env.AUTH_JWT_SECRET });
  const query = (authorization: string | undefined) => async (q: string, variables: Record<string, unknown>) => {
    const res = await fetch(selfUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ query: q, variables }) });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data ?? {};
  };

  http
    .createServer(async (req, res) => {
      if (req.url === '/ready') {
        res.end('ok');
        return;
      }
      const start = performance.now();
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'POST', headers, search: new URL(req.url ?? '/', 'http://x').search, body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined },
        context: async () => {
          const authorization = req.headers.authorization;
          const identity = authorization ? await verify(authorization.replace(/^Bearer\s+/i, '')) : ANONYMOUS;
          return { start, upstream: [], query: query(authorization), identity };
        },
      });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') res.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    })
    .listen(port, '127.0.0.1', () => console.log(`apollo gateway at ${selfUrl}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
