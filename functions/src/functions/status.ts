import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';
import { callerStatus } from '../ingest/status.js';
import { getRuntime } from '../runtime.js';

/** POST { year? }: the caller's organisations, their state, deadline and last submission. */
export const status = httpFunction({ name: 'status', methods: ['POST', 'GET'], maxBodyBytes: 16_384 }, async (req) => {
  const runtime = getRuntime();
  const email = await authenticate(req, runtime);
  return callerStatus(runtime, email, req.method === 'GET' ? {} : req.body);
});
