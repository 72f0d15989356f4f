import { getDeps } from '../deps.js';
import { callerStatus } from '../endpoints/status.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST { year? }: the caller's organisations, their state, deadline and last submission. */
export const status = httpFunction({ name: 'status', methods: ['POST', 'GET'], maxBodyBytes: 16_384 }, async (req) => {
  const deps = getDeps();
  return callerStatus(deps, await authenticate(req, deps), req.method === 'GET' ? {} : req.body);
});
