import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { logs } from '../logs.js';

/**
 * Which keys sign trustworthy ID tokens. Deployed: Google's JWKS, always. Only when the process
 * runs against the Firestore emulator (FIRESTORE_EMULATOR_HOST) is a local issuer's public key
 * trusted, read from the file named by LOCAL_ID_TOKEN_JWKS. There is no bypass.
 */
export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
export const LOCAL_JWKS_ENV = 'LOCAL_ID_TOKEN_JWKS';

export interface TrustedKeys {
  readonly source: 'google' | 'local';
  /** The JWKS URL or the local file. */
  readonly location: string;
  readonly getKey: JWTVerifyGetKey;
}

/** The public RSA keys a local issuer publishes (see local-issuer.ts). */
export const publicJwksSchema = z.object({
  keys: z
    .array(z.object({ kty: z.literal('RSA'), n: z.string(), e: z.string(), kid: z.string(), alg: z.literal('RS256'), use: z.literal('sig') }))
    .min(1),
});
export type PublicJwks = z.infer<typeof publicJwksSchema>;

let google: JWTVerifyGetKey | undefined;
let warned = false;

export function trustedKeys(env: NodeJS.ProcessEnv = process.env): TrustedKeys {
  const file = env[LOCAL_JWKS_ENV];
  if (env.FIRESTORE_EMULATOR_HOST && file) return { source: 'local', location: file, getKey: localKeys(file) };
  if (file && !warned) {
    warned = true;
    logs.localKeysIgnored({ variable: LOCAL_JWKS_ENV });
  }
  // One remote set per process: it caches Google's keys and refreshes them on an unknown kid.
  google ??= createRemoteJWKSet(new URL(GOOGLE_JWKS_URL));
  return { source: 'google', location: GOOGLE_JWKS_URL, getKey: google };
}

/** Re-reads the file when it changes, so a local issuer may (re)start after the server. */
function localKeys(file: string): JWTVerifyGetKey {
  let cached: { mtimeMs: number; getKey: JWTVerifyGetKey } | undefined;
  return (header, token) => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      throw new Error(`${LOCAL_JWKS_ENV}=${file} does not exist: start the local ID-token issuer first`);
    }
    if (cached?.mtimeMs !== mtimeMs) {
      const jwks = publicJwksSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      cached = { mtimeMs, getKey: createLocalJWKSet(jwks) };
    }
    return cached.getKey(header, token);
  };
}
