import { getDeps } from '../deps.js';
import { carryOver as carryOverList } from '../endpoints/carry-over.js';
import { authenticate } from '../http/authenticate.js';
import { httpFunction } from '../http/wrap.js';

/** POST { year, orgId }: the organisation's accepted list of the year before, for the new template. */
export const carryOver = httpFunction({ name: 'carryOver', methods: ['POST'], maxBodyBytes: 16_384 }, async (req) => {
  const deps = getDeps();
  return carryOverList(deps, await authenticate(req, deps), req.body);
});
