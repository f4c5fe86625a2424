import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ErrorCode, userError } from '../errors';
import { Identity, identityFromClaims } from './identity';

/** Headers on every gateway→subgraph request: who the caller is, when, and the gateway's HMAC. */
export const IDENTITY_HEADER = 'x-saf-identity';
export const TIMESTAMP_HEADER = 'x-saf-timestamp';
export const SIGNATURE_HEADER = 'x-saf-signature';
export const SIGNED_HEADERS = [IDENTITY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER] as const;

/** How old a signature may be (also absorbs clock skew between gateway and subgraph hosts). */
export const MAX_SIGNATURE_AGE_MS = 60_000;

/**
 * What is signed: the time, the identity and the request itself (the body's hash and the URL's
 * query string, which carries the operation for GET). A captured signature cannot be replayed
 * with another identity or another operation, nor after a minute.
 */
function message(timestamp: string, encodedIdentity: string, bodyHash: string, search: string): string {
  return `${timestamp}\n${encodedIdentity}\n${bodyHash}\n${search}`;
}

/** The hex SHA-256 of a body: what the signature covers. */
export function bodySha256(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * A streamed body (an import file) is signed over the hash its sender declares in this header;
 * the receiver hashes the stream as it reads and refuses the request when they differ.
 */
export const BODY_HASH_HEADER = 'x-saf-body-sha256';

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/** The headers with which the gateway (or a subgraph asking another) signs a request. */
export function signRequest(secret: string, identity: Identity, body: string, search = '', now = Date.now()): Record<string, string> {
  return signRequestWithBodyHash(secret, identity, bodySha256(body), search, now);
}

/** signRequest for a body the signer does not hold: over its declared hash (BODY_HASH_HEADER). */
export function signRequestWithBodyHash(secret: string, identity: Identity, bodyHash: string, search = '', now = Date.now()): Record<string, string> {
  const encodedIdentity = Buffer.from(JSON.stringify(identity)).toString('base64url');
  const timestamp = String(now);
  return {
    [IDENTITY_HEADER]: encodedIdentity,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: hmac(secret, message(timestamp, encodedIdentity, bodyHash, search)),
  };
}

const refused = (reason: string, message: string) => userError(ErrorCode.UNAUTHENTICATED, message, { reason });

/**
 * Checks a request's signature and returns the identity it carries. Throws UNAUTHENTICATED with a
 * `reason` (UNSIGNED, STALE_SIGNATURE, BAD_SIGNATURE, INVALID_CLAIMS) otherwise.
 */
export function verifySignedRequest(
  secret: string,
  headers: Record<string, string | undefined>,
  body: string,
  search = '',
  now = Date.now(),
): Identity {
  return verifySignedRequestWithBodyHash(secret, headers, bodySha256(body), search, now);
}

/**
 * verifySignedRequest for a body not read yet: checks the signature over the declared hash. The
 * caller must then check that the body it reads has that hash before acting on it.
 */
export function verifySignedRequestWithBodyHash(
  secret: string,
  headers: Record<string, string | undefined>,
  bodyHash: string,
  search = '',
  now = Date.now(),
): Identity {
  const encodedIdentity = headers[IDENTITY_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (!encodedIdentity || !timestamp || !signature) {
    throw refused('UNSIGNED', 'subgraphs answer only requests signed by the gateway; send your query to the gateway');
  }
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > MAX_SIGNATURE_AGE_MS) throw refused('STALE_SIGNATURE', 'the request signature has expired');
  const expected = Buffer.from(hmac(secret, message(timestamp, encodedIdentity, bodyHash, search)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused('BAD_SIGNATURE', 'the request signature does not match');
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(encodedIdentity, 'base64url').toString('utf8'));
  } catch {
    throw refused('INVALID_CLAIMS', 'the signed identity is not readable');
  }
  return identityFromClaims({ ...claims, sub: claims.subject }, { forwarded: true });
}
