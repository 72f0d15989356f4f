import { getDeps } from '../deps.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/**
 * POST { year?, force? }: an admin rebuilds the summary now instead of waiting for the schedule.
 * The rollup's code (and the Sheets client behind it) loads on the first call only, so the
 * other functions' cold start never pays for it.
 */
export const runRollup = httpFunction({ name: 'runRollup', methods: ['POST'], maxBodyBytes: 16_384, deadlineMs: 270_000 }, async (req) => {
  const deps = getDeps();
  const caller = await authenticate(req, deps);
  const { rollupNow } = await import('../endpoints/run-rollup.js');
  return rollupNow(deps, caller, req.body);
});
