import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SignJWT } from 'jose';
import { REPO_ROOT } from '../paths';

/** Development only: the JWT and signing secrets `npm start` shares with every process. */
export const DEV_SECRETS_PATH = path.join(REPO_ROOT, '.data', 'dev-secrets.json');

export interface DevSecrets {
  jwtSecret: string;
  signingSecret: string;
}

/** Reads the development secrets, creating them (random, owner-only file) on first use. */
export function loadOrCreateDevSecrets(file = DEV_SECRETS_PATH): DevSecrets {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = { jwtSecret: randomBytes(32).toString('base64url'), signingSecret: randomBytes(32).toString('base64url') };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

export interface TokenClaims {
  role: string;
  region?: string;
  department?: string;
  sub?: string;
}

/** An HS256 token with the platform's claims, valid for `ttlSeconds` (default 12 hours). */
export async function mintToken(secret: string, claims: TokenClaims, ttlSeconds = 12 * 3600): Promise<string> {
  const { sub, ...rest } = claims;
  const payload = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''));
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub ?? `dev-${claims.role}`)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}
