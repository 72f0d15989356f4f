import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AuthFailure } from '../domain/contract.js';
import { asciiLower, isAsciiEmail } from '../domain/primitives.js';

/**
 * Verifies the Google-signed OpenID ID token the add-on sends (`ScriptApp.getIdentityToken()`).
 * Every failure is an AuthError with a stable reason; key-fetch problems (network, a bad
 * JWKS) are not auth failures and propagate as they are.
 */
export { AUTH_FAILURES, type AuthFailure } from '../domain/contract.js';

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly reason: AuthFailure,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Both spellings Google uses for the `iss` claim. */
export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'] as const;

export interface VerifyIdTokenOptions {
  /** The OAuth client ids whose tokens are accepted (the Apps Script project's client id). */
  readonly audiences: readonly string[];
  readonly keys: JWTVerifyGetKey;
  readonly clockToleranceSeconds?: number;
  /** For tests: the instant to check expiry against. */
  readonly now?: Date;
}

export interface VerifiedUser {
  /** Lower-cased. */
  readonly email: string;
  readonly sub: string;
}

export async function verifyIdToken(token: string | null | undefined, options: VerifyIdTokenOptions): Promise<VerifiedUser> {
  if (options.audiences.length === 0) throw new Error('verifyIdToken: no OAuth client ids configured as audiences');
  if (token === undefined || token === null || token.trim() === '') throw new AuthError('missing', 'no ID token');
  let payload;
  try {
    ({ payload } = await jwtVerify(token.trim(), options.keys, {
      algorithms: ['RS256'],
      issuer: [...GOOGLE_ISSUERS],
      audience: [...options.audiences],
      requiredClaims: ['exp', 'iat', 'sub'],
      clockTolerance: options.clockToleranceSeconds ?? 30,
      ...(options.now ? { currentDate: options.now } : {}),
    }));
  } catch (error) {
    throw toAuthError(error);
  }
  if (payload.email_verified !== true) throw new AuthError('unverified_email', 'email_verified is not true');
  const { email, sub } = payload;
  if (typeof email !== 'string' || !email.includes('@')) {
    throw new AuthError('malformed', 'no email claim (the add-on needs the userinfo.email scope)');
  }
  if (typeof sub !== 'string' || sub === '') throw new AuthError('malformed', 'no sub claim');
  // Compared as issued (ASCII, lower-cased in ASCII); a look-alike is refused by authenticate().
  return { email: isAsciiEmail(email) ? asciiLower(email) : email, sub };
}

/** `Authorization: Bearer <token>` → the token, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function toAuthError(error: unknown): unknown {
  if (error instanceof errors.JWTExpired) return new AuthError('expired', error.message);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return new AuthError('wrong_audience', error.message);
    if (error.claim === 'iss') return new AuthError('wrong_issuer', error.message);
    if (error.claim === 'nbf' && error.reason === 'check_failed') return new AuthError('expired', 'not valid yet');
    return new AuthError('malformed', `${error.claim}: ${error.message}`);
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSEAlgNotAllowed
  ) {
    return new AuthError('bad_signature', error.message);
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) {
    return new AuthError('malformed', error.message);
  }
  return error;
}
