import { trustedKeys } from '../auth/keys.js';
import { AuthError, bearerToken, verifyIdToken } from '../auth/verify-id-token.js';
import { loadBloc } from '../ingest/context.js';
import type { Runtime } from '../runtime.js';
import { problems } from './problems.js';
import { header, type HttpRequest } from './wrap.js';

/**
 * The caller's verified e-mail, from the Google ID token in `Authorization: Bearer …`; the
 * accepted audiences are the OAuth client ids of the bloc's configuration.
 */
export async function authenticate(req: HttpRequest, runtime: Runtime): Promise<string> {
  const token = bearerToken(header(req, 'authorization'));
  if (token === undefined) throw problems.unauthenticated('missing');
  const bloc = await loadBloc(runtime.db, runtime.blocId);
  try {
    const user = await verifyIdToken(token, { audiences: bloc.oauthClientIds, keys: trustedKeys().getKey });
    return user.email;
  } catch (error) {
    if (error instanceof AuthError) throw problems.unauthenticated(error.reason);
    throw error;
  }
}
