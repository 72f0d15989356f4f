import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';
import { MAX_BODY_BYTES } from '../ingest/request.js';
import { submitSheet } from '../ingest/submit.js';
import { getRuntime } from '../runtime.js';

/** POST one organisation's whole sheet for a year (see README “Endpoints”). */
export const submit = httpFunction({ name: 'submit', methods: ['POST'], maxBodyBytes: MAX_BODY_BYTES }, async (req) => {
  const runtime = getRuntime();
  const email = await authenticate(req, runtime);
  return submitSheet(runtime, email, req.body);
});
