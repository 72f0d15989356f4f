import { getDeps } from '../deps.js';
import { adminProgress as runAdminProgress } from '../endpoints/admin-progress.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST — admins only (see contract-admin.ts for the request and the answer). */
export const adminProgress = httpFunction({ name: 'adminProgress', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const deps = getDeps();
  return runAdminProgress(deps, await authenticate(req, deps), req.body);
});
