import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { BODY_HASH_HEADER, isAnonymous, signRequestWithBodyHash, type Identity } from '@saf/kit';
import { joinGraphsOf } from '../join-graphs';

/**
 * The gateway's import endpoint (issue 8): the caller's token is checked here, and the file is
 * streamed on to the department's subgraph, which runs the import next to its database:
 *
 * - `GET /import`: the departments (subgraphs) that may take files;
 * - `GET /import/<department>`: that department's kinds and their columns;
 * - `POST /import/<department>/<kind>?format=csv|jsonl&allOrNothing=1&dryRun=1`: the file as the
 *   body, its SHA-256 in x-saf-body-sha256. The gateway signs the request over that hash (it never
 *   holds the file); the subgraph hashes what it reads and rolls back if they differ. The answer
 *   (NDJSON: progress, problems, the report) streams back as the subgraph writes it.
 */

export const IMPORT_PREFIX = '/import';

export interface ImportRouteOptions {
  /** Verifies the bearer token (the gateway's useAuth): the identity, ANONYMOUS without a token; throws UNAUTHENTICATED. */
  authenticate: (headers: Record<string, unknown>) => Promise<Identity>;
  signingSecret: string;
  /** The supergraph being served: the departments' URLs come from its join__graph values. */
  supergraph: () => DocumentNode;
  /** SUBGRAPH_<NAME>_URL overrides, as for queries. */
  subgraphUrls?: Record<string, string>;
  logger: Logger;
}

/** Handles /import requests (returns false for any other path). */
export function handleImportRequest(req: IncomingMessage, res: ServerResponse, options: ImportRouteOptions): boolean {
  const path = (req.url ?? '/').split('?')[0];
  if (path !== IMPORT_PREFIX && !path.startsWith(`${IMPORT_PREFIX}/`)) return false;
  proxy(req, res, options).catch((error: Error) => {
    options.logger.error({ err: error, requestId: req.headers['x-request-id'] }, 'import request failed');
    if (!res.headersSent) sendError(res, 502, 'UPSTREAM_ERROR', `the department could not be reached: ${error.message}`);
    else res.destroy(error);
  });
  return true;
}

/** The subgraphs of a supergraph by name, with their URLs (after overrides). */
export function subgraphsOf(supergraph: DocumentNode, overrides: Record<string, string> = {}): Map<string, string> {
  return new Map(joinGraphsOf(supergraph).map((g) => [g.name, overrides[g.name] ?? g.url]));
}

async function proxy(req: IncomingMessage, res: ServerResponse, options: ImportRouteOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway.internal');
  const [department, kind, ...rest] = url.pathname.slice(IMPORT_PREFIX.length + 1).split('/').filter(Boolean).map(decodeURIComponent);
  let identity: Identity;
  try {
    identity = await options.authenticate({ authorization: req.headers.authorization });
  } catch (error) {
    const e = error as { message: string; extensions?: { reason?: string } };
    return sendError(res, 401, 'UNAUTHENTICATED', e.message, { reason: e.extensions?.reason });
  }
  if (isAnonymous(identity)) {
    return sendError(res, 401, 'UNAUTHENTICATED', 'a token is required: send "Authorization: Bearer <token>" (in development, `npm run token` prints one)', { reason: 'MISSING_TOKEN' });
  }
  const subgraphs = subgraphsOf(options.supergraph(), options.subgraphUrls);
  if (!department) {
    if (req.method !== 'GET') return sendError(res, 404, 'UNKNOWN_DEPARTMENT', 'POST a file to /import/<department>/<kind>');
    return sendJson(res, 200, { departments: [...subgraphs.keys()].sort() });
  }
  const base = subgraphs.get(department);
  if (!base || rest.length > 0) {
    req.resume();
    return sendError(res, 404, 'UNKNOWN_DEPARTMENT', `no department "${department}" is served (departments: ${[...subgraphs.keys()].sort().join(', ')})`);
  }
  const target = new URL(kind ? `${IMPORT_PREFIX}/${encodeURIComponent(kind)}` : IMPORT_PREFIX, base);
  target.search = kind ? url.search : '';
  const post = req.method === 'POST' && kind !== undefined;
  if (!post && (req.method !== 'GET' || kind !== undefined)) {
    req.resume();
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET /import/<department> lists the kinds; POST /import/<department>/<kind> imports a file');
  }
  const declared = post ? String(req.headers[BODY_HASH_HEADER] ?? '') : EMPTY_SHA256;
  if (!/^[0-9a-f]{64}$/.test(declared)) {
    req.resume();
    return sendError(res, 400, 'BODY_HASH_REQUIRED', `send the file's SHA-256 (hex) in ${BODY_HASH_HEADER}: the gateway signs it, and the department checks the file against it`);
  }
  const headers: Record<string, string> = {
    ...signRequestWithBodyHash(options.signingSecret, identity, declared, target.search),
    [BODY_HASH_HEADER]: declared,
    'x-request-id': String(req.headers['x-request-id'] ?? ''),
  };
  if (post) headers['content-type'] = String(req.headers['content-type'] ?? 'application/octet-stream');
  await forward(req, res, target, post ? 'POST' : 'GET', headers);
}

/** Streams the request body to the subgraph and its answer back, both ways with backpressure. */
function forward(req: IncomingMessage, res: ServerResponse, target: URL, method: string, headers: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http;
    const upstream = client.request(target, { method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'application/x-ndjson', 'cache-control': 'no-store' });
      answer.pipe(res);
      answer.on('end', resolve);
      answer.on('error', reject);
    });
    upstream.on('error', reject);
    // A client that goes away mid-upload aborts the import (the subgraph rolls back).
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (method === 'POST') req.pipe(upstream);
    else upstream.end();
  });
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Errors in the endpoint's NDJSON form, so that a client reads every answer the same way. */
function sendError(res: ServerResponse, status: number, code: string, message: string, details: Record<string, unknown> = {}): void {
  const text = `${JSON.stringify({ type: 'error', code, message, ...details })}\n`;
  res.writeHead(status, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
