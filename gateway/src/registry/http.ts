import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { GraphQLError } from 'graphql';
import type { Identity } from '@saf/kit';
import type { TokenVerifier } from '../auth';
import { assertMayUseRegistry } from './access';
import { badInput, RegistryError } from './errors';
import type { PublishRequest, SchemaRegistry } from './publish';

export const REGISTRY_PATH_PREFIX = '/registry/';

/** SDL files are large but not this large; a bigger body is refused before it is read. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface RegistryEndpointOptions {
  registry: SchemaRegistry;
  /** The gateway's own token check (the same one GraphQL requests go through). */
  verify: TokenVerifier;
  logger: Logger;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, err: RegistryError): void {
  const headers: Record<string, string> = err.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
  sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: err.code, ...err.details } }] }, headers);
}

async function authenticate(req: IncomingMessage, verify: TokenVerifier): Promise<Identity> {
  const header = req.headers.authorization;
  if (!header) throw new RegistryError('UNAUTHENTICATED', 'a token is required: send "Authorization: Bearer <token>"', 401, { reason: 'MISSING_TOKEN' });
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new RegistryError('UNAUTHENTICATED', 'the Authorization header must be "Bearer <token>"', 401, { reason: 'INVALID_TOKEN' });
  try {
    return await verify(match[1]);
  } catch (err) {
    const refusal = err as GraphQLError;
    throw new RegistryError('UNAUTHENTICATED', refusal.message, 401, { reason: refusal.extensions?.reason ?? 'INVALID_TOKEN' });
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RegistryError('PAYLOAD_TOO_LARGE', `the request body is larger than ${MAX_BODY_BYTES} bytes`, 413);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badInput('the request body is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badInput('the request body must be a JSON object');
  return body as Record<string, unknown>;
}

function optionalBoolean(body: Record<string, unknown>, key: string): boolean {
  const value = body[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw badInput(`${key} must be true or false`, { field: key });
  return value;
}

function publishRequestOf(body: Record<string, unknown>): PublishRequest {
  const allowed = new Set(['subgraph', 'url', 'sdl', 'department', 'remove', 'force', 'dryRun']);
  const unknown = Object.keys(body).filter((k) => !allowed.has(k));
  if (unknown.length) throw badInput(`unknown field(s): ${unknown.join(', ')}`, { field: unknown[0] });
  if (typeof body.subgraph !== 'string') throw badInput('subgraph is required', { field: 'subgraph' });
  return {
    subgraph: body.subgraph,
    url: body.url as string | undefined,
    sdl: body.sdl as string | undefined,
    department: body.department as string | undefined,
    remove: optionalBoolean(body, 'remove'),
  };
}

type Route = (req: IncomingMessage, identity: Identity) => Promise<unknown>;

/**
 * The registry's admin endpoint on the gateway's HTTP server (JSON, not GraphQL):
 *   POST /registry/publish   { subgraph, url?, sdl?, department?, remove?, force?, dryRun? }
 *   POST /registry/rollback  { to? }
 *   GET  /registry/history
 *   GET  /registry/subgraphs
 * Returns false for any other path, so the caller passes the request on.
 */
export function registryRequestHandler(options: RegistryEndpointOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { registry, verify, logger } = options;
  const routes: Record<string, { method: 'GET' | 'POST'; run: Route }> = {
    publish: {
      method: 'POST',
      run: async (req, identity) => {
        const body = await readJson(req);
        const request = publishRequestOf(body);
        assertMayUseRegistry(identity, 'publish', request.subgraph);
        return registry.publish(request, {
          force: optionalBoolean(body, 'force'),
          dryRun: optionalBoolean(body, 'dryRun'),
          by: identity.subject,
          mayChangeDepartment: identity.role === 'admin',
        });
      },
    },
    rollback: {
      method: 'POST',
      run: async (req, identity) => {
        assertMayUseRegistry(identity, 'rollback');
        const body = await readJson(req);
        if (body.to !== undefined && typeof body.to !== 'number') throw badInput('to must be a version number', { field: 'to' });
        return registry.rollback({ to: body.to as number | undefined, by: identity.subject });
      },
    },
    history: {
      method: 'GET',
      run: async (_req, identity) => {
        assertMayUseRegistry(identity, 'read');
        return { versions: await registry.history() };
      },
    },
    subgraphs: {
      method: 'GET',
      run: async (_req, identity) => {
        assertMayUseRegistry(identity, 'read');
        return registry.members();
      },
    },
  };

  return (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (!pathname.startsWith(REGISTRY_PATH_PREFIX)) return false;
    const route = routes[pathname.slice(REGISTRY_PATH_PREFIX.length)];
    void (async () => {
      try {
        if (!route) throw new RegistryError('NOT_FOUND', `no registry endpoint ${pathname} (publish, rollback, history, subgraphs)`, 404);
        if (req.method !== route.method) {
          res.setHeader('allow', route.method);
          throw new RegistryError('METHOD_NOT_ALLOWED', `${pathname} takes ${route.method}`, 405);
        }
        const identity = await authenticate(req, verify);
        const result = await route.run(req, identity);
        sendJson(res, 200, result);
      } catch (err) {
        if (err instanceof RegistryError) {
          if (err.status >= 500) logger.error({ err, path: pathname }, 'registry request failed');
          sendError(res, err);
        } else {
          logger.error({ err, path: pathname }, 'registry request failed');
          sendError(res, new RegistryError('INTERNAL_SERVER_ERROR', `the registry could not do it: ${(err as Error).message}`, 500));
        }
      }
    })();
    return true;
  };
}
