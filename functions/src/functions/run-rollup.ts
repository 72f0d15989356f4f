import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';
import { rollupNow } from '../rollup/jobs.js';
import { getRuntime } from '../runtime.js';

/** POST { year?, force? }: an admin rebuilds the summary now instead of waiting for the hour. */
export const runRollup = httpFunction({ name: 'runRollup', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const runtime = getRuntime();
  const email = await authenticate(req, runtime);
  return rollupNow(runtime, email, req.body);
});
