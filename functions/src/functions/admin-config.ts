import { getDeps } from '../deps.js';
import { MAX_CONFIG_BODY_BYTES } from '../domain/contract-admin.js';
import { adminConfig as runAdminConfig } from '../endpoints/admin-config.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST { mode: load | dry_run | apply, year, config?, planHash? } — admins: the year's configuration from the console. */
export const adminConfig = httpFunction({ name: 'adminConfig', methods: ['POST'], maxBodyBytes: MAX_CONFIG_BODY_BYTES }, async (req) => {
  const deps = getDeps();
  return runAdminConfig(deps, await authenticate(req, deps), req.body);
});
