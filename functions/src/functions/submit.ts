import { getDeps } from '../deps.js';
import { MAX_BODY_BYTES } from '../domain/contract.js';
import { submitSheet } from '../endpoints/submit.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST one organisation's whole sheet for a year (see README “Endpoints”). */
export const submit = httpFunction({ name: 'submit', methods: ['POST'], maxBodyBytes: MAX_BODY_BYTES, deadlineMs: 90_000 }, async (req) => {
  const deps = getDeps();
  return submitSheet(deps, await authenticate(req, deps), req.body);
});
