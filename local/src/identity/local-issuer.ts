import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey } from 'jose';
import { z } from 'zod';
import type { PublicJwks } from '../../../functions/src/identity/keys.js';

/**
 * A stand-in for Google's token service in local runs: an RS256 key pair that signs real ID
 * tokens (iss https://accounts.google.com). Its public key is only trusted by a server that
 * runs against the Firestore emulator and points LOCAL_ID_TOKEN_JWKS at the written file.
 */
export const DEFAULT_LOCAL_KEY_FILE = '.data/local-id-token/private-key.json';
export const DEFAULT_LOCAL_JWKS_FILE = '.data/local-id-token/jwks.json';

export interface LocalIssuerOptions {
  /** Load the private key from here, or generate one and save it here (mode 600). In memory when absent. */
  readonly keyFile?: string;
  /** Write the public JWKS here (the value for LOCAL_ID_TOKEN_JWKS). */
  readonly jwksFile?: string;
}

export interface SignIdTokenInput {
  readonly email: string;
  /** The OAuth client id the token is for. */
  readonly aud: string;
  readonly emailVerified?: boolean;
  readonly expiresInSeconds?: number;
  /** Default: now. */
  readonly issuedAt?: Date;
  /** Default: a stable id derived from the e-mail. */
  readonly sub?: string;
  /** Default: https://accounts.google.com (override only to test rejection). */
  readonly issuer?: string;
}

export interface LocalIssuer {
  readonly kid: string;
  readonly publicJwks: PublicJwks;
  signIdToken(input: SignIdTokenInput): Promise<string>;
  writePublicJwks(file: string): void;
}

const privateJwkSchema = z.object({
  kty: z.literal('RSA'),
  n: z.string(),
  e: z.string(),
  d: z.string(),
  p: z.string(),
  q: z.string(),
  dp: z.string(),
  dq: z.string(),
  qi: z.string(),
});

export async function createLocalIssuer(options: LocalIssuerOptions = {}): Promise<LocalIssuer> {
  const jwk = options.keyFile && existsSync(options.keyFile) ? loadKey(options.keyFile) : await newKey(options.keyFile);
  const key = await importJWK({ ...jwk, alg: 'RS256' }, 'RS256');
  if (!isCryptoKey(key)) throw new Error('local issuer: expected an RSA key');
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, n: jwk.n, e: jwk.e });
  const publicJwks: PublicJwks = { keys: [{ kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' }] };
  const issuer: LocalIssuer = {
    kid,
    publicJwks,
    signIdToken: (input) => sign(key, kid, input),
    writePublicJwks: (file) => { writeAtomically(file, JSON.stringify(publicJwks, null, 2), 0o644); },
  };
  if (options.jwksFile !== undefined) issuer.writePublicJwks(options.jwksFile);
  return issuer;
}

async function sign(key: CryptoKey, kid: string, input: SignIdTokenInput): Promise<string> {
  const iat = Math.floor((input.issuedAt ?? new Date()).getTime() / 1000);
  return new SignJWT({ email: input.email, email_verified: input.emailVerified ?? true, azp: input.aud })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(input.issuer ?? 'https://accounts.google.com')
    .setAudience(input.aud)
    .setSubject(input.sub ?? stableSub(input.email))
    .setIssuedAt(iat)
    .setExpirationTime(iat + (input.expiresInSeconds ?? 3600))
    .sign(key);
}

/** Google subs are 21 digits; derive one from the e-mail so a user keeps it across runs. */
function stableSub(email: string): string {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 16);
  return BigInt(`0x${hex}`).toString().padStart(21, '1').slice(-21);
}

function loadKey(file: string): z.infer<typeof privateJwkSchema> {
  const parsed = privateJwkSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`local issuer: ${file} is not an RSA private JWK; delete it to generate a new key`);
  return parsed.data;
}

async function newKey(file: string | undefined): Promise<z.infer<typeof privateJwkSchema>> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = privateJwkSchema.parse(await exportJWK(privateKey));
  if (file !== undefined) writeAtomically(file, JSON.stringify(jwk), 0o600);
  return jwk;
}

function writeAtomically(file: string, text: string, mode: number): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, file);
}

function isCryptoKey(key: CryptoKey | Uint8Array): key is CryptoKey {
  return !(key instanceof Uint8Array);
}
