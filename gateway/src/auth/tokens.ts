import { readFileSync } from 'node:fs';
import { createLocalJWKSet, errors, importSPKI, jwtVerify, type JWTPayload } from 'jose';
import { GraphQLError } from 'graphql';
import { identityFromClaims, type Identity } from '@saf/kit';

/** How the gateway checks callers' tokens (from AUTH_JWT_* or the dev secrets file). */
export interface TokenConfig {
  /** HS256 shared secret. */
  secret?: string;
  /** RS256: PEM public keys (SPKI), or a JWKS JSON document. */
  publicKeys?: string;
  issuer?: string;
  audience?: string;
}

export type TokenVerifier = (token: string) => Promise<Identity>;

export function unauthenticated(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });
}

/** Reads AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEYS (a file path or the keys themselves), issuer and audience. */
export function tokenConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TokenConfig {
  const keys = env.AUTH_JWT_PUBLIC_KEYS;
  return {
    secret: env.AUTH_JWT_SECRET || undefined,
    publicKeys: keys ? (keys.trim().startsWith('-----') || keys.trim().startsWith('{') ? keys : readFileSync(keys, 'utf8')) : undefined,
    issuer: env.AUTH_JWT_ISSUER || undefined,
    audience: env.AUTH_JWT_AUDIENCE || undefined,
  };
}

type PayloadCheck = (token: string) => Promise<JWTPayload>;

/** The signature and claim check for the configured keys. */
async function payloadCheck(config: TokenConfig): Promise<PayloadCheck> {
  const claims = { issuer: config.issuer, audience: config.audience, requiredClaims: ['exp'] };
  if (config.publicKeys) {
    const text = config.publicKeys.trim();
    const options = { ...claims, algorithms: ['RS256'] };
    if (text.startsWith('{')) {
      const jwks = createLocalJWKSet(JSON.parse(text));
      return async (token) => (await jwtVerify(token, jwks, options)).payload;
    }
    const pems = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
    const keys = await Promise.all(pems.map((pem) => importSPKI(pem, 'RS256')));
    if (keys.length === 0) throw new Error('AUTH_JWT_PUBLIC_KEYS holds no PEM public key');
    // Several keys during a rotation, and a token need not name its key: try each.
    return async (token) => {
      let last: unknown;
      for (const key of keys) {
        try {
          return (await jwtVerify(token, key, options)).payload;
        } catch (error) {
          last = error;
          if (!(error instanceof errors.JWSSignatureVerificationFailed)) throw error;
        }
      }
      throw last;
    };
  }
  if (config.secret) {
    const key = new TextEncoder().encode(config.secret);
    const options = { ...claims, algorithms: ['HS256'] };
    return async (token) => (await jwtVerify(token, key, options)).payload;
  }
  throw new Error('No token verification configured: set AUTH_JWT_SECRET (HS256) or AUTH_JWT_PUBLIC_KEYS (RS256). `npm start` creates a development secret.');
}

/**
 * A verifier: the token's signature, expiry (`exp` is required), issuer and audience, then its
 * claims. Every failure is UNAUTHENTICATED with a reason: EXPIRED_TOKEN, BAD_SIGNATURE or
 * INVALID_TOKEN (and INVALID_CLAIMS from the claims check).
 */
export async function createTokenVerifier(config: TokenConfig): Promise<TokenVerifier> {
  const verifyPayload = await payloadCheck(config);
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verifyPayload(token);
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('EXPIRED_TOKEN', 'the token has expired');
      if (error instanceof errors.JWSSignatureVerificationFailed) throw unauthenticated('BAD_SIGNATURE', 'the token is not signed by a key the gateway trusts');
      throw unauthenticated('INVALID_TOKEN', `the token is not valid: ${(error as Error).message}`);
    }
    try {
      const identity = identityFromClaims(payload as Record<string, unknown>);
      return payload.exp ? { ...identity, expiresAt: payload.exp * 1000 } : identity;
    } catch (error) {
      throw unauthenticated('INVALID_CLAIMS', (error as Error).message);
    }
  };
}
