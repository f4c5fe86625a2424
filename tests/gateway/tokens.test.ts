import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createTokenVerifier, mintToken } from '@saf/gateway';

/*
 * The gateway's token check with each kind of key it can be configured with: an HS256 secret,
 * RS256 PEM public keys (two during a rotation) and a JWKS document.
 */

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An RS256 JWT signed with node:crypto, as an identity provider would issue it. */
function rs256(privateKey: KeyObject, claims: Record<string, unknown>, kid?: string): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) })}.${b64({ exp: Math.floor(Date.now() / 1000) + 600, ...claims })}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(privateKey).toString('base64url')}`;
}

const reasonOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return (error as { extensions: { reason: string } }).extensions.reason;
  }
};

const claims = { sub: 'zhang', role: 'analyst', region: '500154' };
const current = generateKeyPairSync('rsa', { modulusLength: 2048 });
const previous = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

it('accepts HS256 tokens signed with the secret, with issuer and audience when configured', async () => {
  const verify = await createTokenVerifier({ secret: 'hs-secret-0123456789-0123456789' });
  const identity = await verify(await mintToken('hs-secret-0123456789-0123456789', { role: 'caseworker', region: '500154', sub: 'li' }));
  expect(identity).toMatchObject({ subject: 'li', role: 'caseworker', region: '500154' });
  expect(identity.expiresAt).toBeGreaterThan(Date.now());
  expect(await reasonOf(verify(await mintToken('another-secret-0123456789-0123456', { role: 'caseworker' })))).toBe('BAD_SIGNATURE');
  const withAudience = await createTokenVerifier({ secret: 'hs-secret-0123456789-0123456789', audience: 'saf' });
  expect(await reasonOf(withAudience(await mintToken('hs-secret-0123456789-0123456789', { role: 'caseworker' })))).toBe('INVALID_TOKEN');
});

it('accepts RS256 tokens from any of the configured PEM keys (a rotation), and no other', async () => {
  const verify = await createTokenVerifier({ publicKeys: `${pem(current.publicKey)}\n${pem(previous.publicKey)}` });
  expect(await verify(rs256(current.privateKey, claims))).toMatchObject({ subject: 'zhang', role: 'analyst', region: '500154' });
  expect(await verify(rs256(previous.privateKey, claims))).toMatchObject({ subject: 'zhang' });
  expect(await reasonOf(verify(rs256(stranger.privateKey, claims)))).toBe('BAD_SIGNATURE');
  expect(await reasonOf(verify(rs256(current.privateKey, { ...claims, exp: Math.floor(Date.now() / 1000) - 5 })))).toBe('EXPIRED_TOKEN');
  expect(await reasonOf(verify(rs256(current.privateKey, { ...claims, role: 'root' })))).toBe('INVALID_CLAIMS');
});

it('accepts RS256 tokens from a JWKS document by their key ID', async () => {
  const jwk = { ...current.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
  const verify = await createTokenVerifier({ publicKeys: JSON.stringify({ keys: [jwk] }) });
  expect(await verify(rs256(current.privateKey, claims, 'k1'))).toMatchObject({ subject: 'zhang' });
  expect(await reasonOf(verify(rs256(stranger.privateKey, claims, 'k1')))).toBe('BAD_SIGNATURE');
});
