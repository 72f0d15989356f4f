import { getDeps } from '../deps.js';
import { orgAction as runOrgAction } from '../endpoints/org-action.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST { year, orgId, action: approve | lock | reopen | accept_quota, reason?, until? } — admins only. */
export const orgAction = httpFunction({ name: 'orgAction', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const deps = getDeps();
  return runOrgAction(deps, await authenticate(req, deps), req.body);
});
