import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_JWKS_URL, LOCAL_JWKS_ENV, trustedKeys } from '../../../functions/src/identity/keys.js';
import { createLocalIssuer, type LocalIssuer } from '../../../local/src/identity/local-issuer.js';
import { AuthError, bearerToken, verifyIdToken, type AuthFailure } from '../../../functions/src/identity/verify-id-token.js';

const CLIENT = '123-abc.apps.googleusercontent.com';
const scratch = mkdtempSync(join(tmpdir(), 'auth-test-'));
let issuer: LocalIssuer;
let other: LocalIssuer;

beforeAll(async () => {
  issuer = await createLocalIssuer({ keyFile: join(scratch, 'key.json') });
  other = await createLocalIssuer();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const verify = (token: string | undefined) =>
  verifyIdToken(token, { audiences: ['other-client', CLIENT], keys: createLocalJWKSet(issuer.publicJwks) });

async function reasonOf(token: string | undefined): Promise<AuthFailure> {
  const error: unknown = await verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error.reason;
}

describe('verifyIdToken', () => {
  it('accepts a valid token and lower-cases the e-mail', async () => {
    const token = await issuer.signIdToken({ email: 'Bi.Thu@Example.VN', aud: CLIENT, sub: '1234' });
    await expect(verify(token)).resolves.toEqual({ email: 'bi.thu@example.vn', sub: '1234' });
    await expect(verify(` ${token} `)).resolves.toMatchObject({ email: 'bi.thu@example.vn' });
  });

  it('reloads the same key from its file', async () => {
    const again = await createLocalIssuer({ keyFile: join(scratch, 'key.json') });
    expect(again.kid).toBe(issuer.kid);
    await expect(verify(await again.signIdToken({ email: 'a@b.vn', aud: CLIENT }))).resolves.toMatchObject({ email: 'a@b.vn' });
  });

  it.each<[AuthFailure, () => Promise<string | undefined>]>([
    ['missing', async () => undefined],
    ['missing', async () => '  '],
    ['malformed', async () => 'not.a.jwt'],
    ['malformed', async () => 'abc'],
    ['bad_signature', () => other.signIdToken({ email: 'a@b.vn', aud: CLIENT })],
    ['bad_signature', async () => withoutKid(await other.signIdToken({ email: 'a@b.vn', aud: CLIENT }))],
    ['wrong_audience', () => issuer.signIdToken({ email: 'a@b.vn', aud: 'someone-else' })],
    ['expired', () => issuer.signIdToken({ email: 'a@b.vn', aud: CLIENT, issuedAt: new Date(Date.now() - 7200_000) })],
    ['unverified_email', () => issuer.signIdToken({ email: 'a@b.vn', aud: CLIENT, emailVerified: false })],
    ['wrong_issuer', () => issuer.signIdToken({ email: 'a@b.vn', aud: CLIENT, issuer: 'https://evil.example' })],
  ])('rejects with %s', async (reason, make) => {
    expect(await reasonOf(await make())).toBe(reason);
  });

  it('accepts the short issuer spelling and a token within the clock tolerance', async () => {
    const short = await issuer.signIdToken({ email: 'a@b.vn', aud: CLIENT, issuer: 'accounts.google.com' });
    await expect(verify(short)).resolves.toMatchObject({ email: 'a@b.vn' });
    const justExpired = await issuer.signIdToken({ email: 'a@b.vn', aud: CLIENT, issuedAt: new Date(Date.now() - 3610_000) });
    await expect(verify(justExpired)).resolves.toMatchObject({ email: 'a@b.vn' });
  });

  it('rejects an HS256 token as a bad signature and a token without e-mail as malformed', async () => {
    const hs = await new SignJWT({ email: 'a@b.vn', email_verified: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://accounts.google.com')
      .setAudience(CLIENT)
      .setSubject('1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('secret'));
    expect(await reasonOf(hs)).toBe('bad_signature');
    const noEmail = await issuer.signIdToken({ email: '', aud: CLIENT });
    expect(await reasonOf(noEmail)).toBe('malformed');
  });

  it('reads a bearer header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  x ')).toBe('x');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('trustedKeys', () => {
  it('trusts the local issuer only against the emulator', async () => {
    const jwksFile = join(scratch, 'jwks.json');
    issuer.writePublicJwks(jwksFile);
    const local = trustedKeys({ FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080', [LOCAL_JWKS_ENV]: jwksFile });
    expect(local).toMatchObject({ source: 'local', location: jwksFile });
    const token = await issuer.signIdToken({ email: 'a@b.vn', aud: CLIENT });
    await expect(verifyIdToken(token, { audiences: [CLIENT], keys: local.getKey })).resolves.toMatchObject({ email: 'a@b.vn' });

    expect(trustedKeys({ [LOCAL_JWKS_ENV]: jwksFile })).toMatchObject({ source: 'google', location: GOOGLE_JWKS_URL });
    expect(trustedKeys({ FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' })).toMatchObject({ source: 'google' });
  });

  it('says when the local JWKS file is missing', async () => {
    const keys = trustedKeys({ FIRESTORE_EMULATOR_HOST: 'h:1', [LOCAL_JWKS_ENV]: join(scratch, 'none.json') });
    const token = await issuer.signIdToken({ email: 'a@b.vn', aud: CLIENT });
    await expect(verifyIdToken(token, { audiences: [CLIENT], keys: keys.getKey })).rejects.toThrow(/does not exist: start the local ID-token issuer/);
  });
});

/** Re-signing is impossible without the key: strip the kid so the verifier must try its own key. */
function withoutKid(token: string): string {
  const [header, payload, signature] = token.split('.');
  const decoded = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as Record<string, unknown>;
  delete decoded.kid;
  return [Buffer.from(JSON.stringify(decoded)).toString('base64url'), payload, signature].join('.');
}
