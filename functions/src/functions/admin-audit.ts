import { getDeps } from '../deps.js';
import { adminAudit as runAdminAudit } from '../endpoints/admin-audit.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST — admins only (see contract-admin.ts for the request and the answer). */
export const adminAudit = httpFunction({ name: 'adminAudit', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const deps = getDeps();
  return runAdminAudit(deps, await authenticate(req, deps), req.body);
});
