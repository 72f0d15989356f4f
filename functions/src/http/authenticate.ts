import type { Deps } from '../deps.js';
import { isAsciiEmail } from '../domain/primitives.js';
import { problems } from '../domain/problems.js';
import { trustedKeys } from '../identity/keys.js';
import { AuthError, bearerToken, verifyIdToken } from '../identity/verify-id-token.js';
import { loadBloc } from '../store/load-bloc.js';
import type { Bloc } from '../store/records.js';
import { header, type HttpRequest } from './wrap.js';

/** Who is calling, and the bloc as read for checking it: services use this copy, never a second read. */
export interface Caller {
  readonly email: string;
  readonly bloc: Bloc;
}

/**
 * The caller's verified e-mail, from the Google ID token in `Authorization: Bearer …`; the
 * accepted audiences are the OAuth client ids of the bloc's configuration.
 */
export async function authenticate(req: HttpRequest, deps: Deps): Promise<Caller> {
  const token = bearerToken(header(req, 'authorization'));
  if (token === undefined) throw problems.unauthenticated('missing');
  const bloc = await loadBloc(deps.db, deps.blocId);
  try {
    const user = await verifyIdToken(token, { audiences: bloc.oauthClientIds, keys: trustedKeys().getKey });
    if (!isAsciiEmail(user.email)) throw problems.emailNotAscii();
    return { email: user.email, bloc };
  } catch (error) {
    if (error instanceof AuthError) throw problems.unauthenticated(error.reason);
    throw error;
  }
}
