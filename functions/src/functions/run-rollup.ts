import { getDeps } from '../deps.js';
import { rollupNow } from '../endpoints/run-rollup.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST { year?, force? }: an admin rebuilds the summary now instead of waiting for the schedule. */
export const runRollup = httpFunction({ name: 'runRollup', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const deps = getDeps();
  return rollupNow(deps, await authenticate(req, deps), req.body);
});
