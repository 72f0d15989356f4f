import { getDeps } from '../deps.js';
import { adminRemind as runAdminRemind } from '../endpoints/admin-remind.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST — admins only (see contract-admin.ts for the request and the answer). */
export const adminRemind = httpFunction({ name: 'adminRemind', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const deps = getDeps();
  return runAdminRemind(deps, await authenticate(req, deps), req.body);
});
