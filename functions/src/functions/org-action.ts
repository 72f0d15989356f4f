import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';
import { orgAction as runOrgAction } from '../ingest/org-actions.js';
import { getRuntime } from '../runtime.js';

/** POST { year, orgId, action: approve | lock | reopen | accept_quota, reason?, until? } — admins only. */
export const orgAction = httpFunction({ name: 'orgAction', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const runtime = getRuntime();
  const email = await authenticate(req, runtime);
  return runOrgAction(runtime, email, req.body);
});
