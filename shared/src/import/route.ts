import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { RegisterClient } from '../federation/registerClient';
import { BODY_HASH_HEADER, verifySignedRequestWithBodyHash } from '../security/signing';
import { describeKind } from './describe';
import { importRefused, ImportErrorCode } from './errors';
import type { ImportKind } from './kind';
import type { ImportFormat } from './rows';
import { runImport } from './run';

/**
 * The subgraph's import endpoint (the import runs where the department's database is: PGlite has
 * one owner, the subgraph's process):
 *
 * - `GET /import`: the department's kinds and their columns;
 * - `POST /import/<kind>?format=csv|jsonl&allOrNothing=1&dryRun=1`, body = the file, streamed.
 *   The gateway signs the request over the hash the client declares (x-saf-body-sha256); the body
 *   is hashed while it is read, and a different hash rolls the import back (BODY_HASH_MISMATCH).
 *
 * The answer is NDJSON: `{"type":"progress",…}` about once a second, `{"type":"problems",
 * "problems":[…]}` pages (every problem, in row order), then one `{"type":"report",…}` — or
 * `{"type":"error","code",…}`, with an HTTP status when nothing was sent before it.
 */

export const IMPORT_PATH = '/import';

export interface ImportRouteOptions {
  department: string;
  kinds: readonly ImportKind[];
  pool: Pool;
  register: RegisterClient;
  signingSecret: string;
  log: Logger;
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_KIND: 404,
  WRITE_FAILED: 409,
  REGISTER_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** Whether a request is for the import endpoint. */
export function isImportPath(path: string): boolean {
  return path === IMPORT_PATH || path.startsWith(`${IMPORT_PATH}/`);
}

export async function serveImport(req: IncomingMessage, res: ServerResponse, requestId: string, options: ImportRouteOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://subgraph.internal');
  const out = new NdjsonWriter(res);
  try {
    const headers = req.headers as Record<string, string | undefined>;
    if (req.method === 'GET' && url.pathname === IMPORT_PATH) {
      verifySignedRequestWithBodyHash(options.signingSecret, headers, EMPTY_SHA256, url.search);
      await out.send({ department: options.department, kinds: options.kinds.map(describeKind) });
      return out.end();
    }
    if (req.method !== 'POST') throw importRefused(ImportErrorCode.UNKNOWN_KIND, 'POST a file to /import/<kind>, or GET /import for the kinds');
    const declared = headers[BODY_HASH_HEADER];
    if (!declared || !/^[0-9a-f]{64}$/.test(declared)) {
      throw new GraphQLError(`an import states its body's SHA-256 (hex) in ${BODY_HASH_HEADER}, and the gateway signs it`, { extensions: { code: 'UNAUTHENTICATED', reason: 'UNSIGNED' } });
    }
    const identity = verifySignedRequestWithBodyHash(options.signingSecret, headers, declared, url.search);
    const name = decodeURIComponent(url.pathname.slice(IMPORT_PATH.length + 1));
    const kind = options.kinds.find((k) => k.name === name);
    if (!kind) {
      const known = options.kinds.map((k) => k.name).join(', ') || 'none';
      throw importRefused(ImportErrorCode.UNKNOWN_KIND, `${options.department} has no import kind "${name}" (its kinds: ${known})`);
    }
    const format = (url.searchParams.get('format') ?? 'csv') as ImportFormat;
    if (format !== 'csv' && format !== 'jsonl') throw importRefused(ImportErrorCode.UNKNOWN_FORMAT, `unknown format "${format}": csv or jsonl`);

    const hash = createHash('sha256');
    const body = hashing(req, hash);
    const report = await runImport({
      pool: options.pool,
      department: options.department,
      kind,
      source: body,
      format,
      identity,
      register: options.register.forCaller(options.signingSecret, identity, requestId),
      allOrNothing: flag(url, 'allOrNothing'),
      dryRun: flag(url, 'dryRun'),
      requestId,
      // A progress line before the first row would commit the HTTP status before a header refusal.
      onProgress: (p) => {
        if (p.rows > 0 || p.phase !== 'reading') void out.send({ type: 'progress', ...p });
      },
      onProblems: (page) => out.send({ type: 'problems', problems: page }),
      beforeWrite: () => {
        const actual = hash.digest('hex');
        if (actual !== declared) throw importRefused(ImportErrorCode.BODY_HASH_MISMATCH, 'the file received is not the one whose hash was signed; nothing was written', { declared, actual });
      },
    });
    options.log.info({ requestId, ...report, problems: undefined }, 'import finished');
    await out.send({ type: 'report', ...report });
    out.end();
  } catch (error) {
    const e = error instanceof GraphQLError ? error : null;
    const code = String(e?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (!e) options.log.error({ err: error, requestId }, 'import failed');
    else options.log.warn({ requestId, code, message: e.message }, 'import refused');
    // Read the rest of an upload we refused, so that the client sees the answer rather than a reset.
    req.resume();
    const message = e ? e.message : 'internal error: the import was rolled back';
    await out.send({ type: 'error', code, message, ...(e ? detailsOf(e) : {}) }, STATUS[code] ?? 400).catch(() => undefined);
    out.end();
  }
}

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

function flag(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  return value === '1' || value === 'true';
}

function detailsOf(error: GraphQLError): Record<string, unknown> {
  const { code: _code, ...details } = error.extensions ?? {};
  return details;
}

/** The request body, hashed as it is read. */
async function* hashing(req: IncomingMessage, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const chunk of req) {
    hash.update(chunk as Buffer);
    yield chunk as Buffer;
  }
}

/** Writes NDJSON lines, waiting for the client to drain; the status goes with the first line. */
class NdjsonWriter {
  constructor(private readonly res: ServerResponse) {}

  async send(value: unknown, status = 200): Promise<void> {
    if (!this.res.headersSent) {
      this.res.statusCode = status;
      this.res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
    }
    if (this.res.writableEnded || this.res.destroyed) return;
    if (!this.res.write(`${JSON.stringify(value)}\n`)) await new Promise<void>((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }

  end(): void {
    if (!this.res.writableEnded) this.res.end();
  }
}
