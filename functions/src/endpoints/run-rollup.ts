import type { Deps } from '../deps.js';
import { requireAdmin } from '../domain/access.js';
import { runRollupRequestSchema, type RunRollupAnswer } from '../domain/contract.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { latestYear, runRollup } from '../rollup/rollup-job.js';

/** An admin asks for the summary now instead of waiting for the schedule. */
export async function rollupNow(deps: Deps, caller: Caller, body: unknown): Promise<RunRollupAnswer> {
  const request = parseBody(runRollupRequestSchema, body ?? {});
  requireAdmin(caller.email, caller.bloc);
  const year = request.year ?? (await latestYear(deps));
  if (year === null) return { status: 'skipped', reason: 'no_year' };
  const outcome = await runRollup(deps, year, { force: request.force, bloc: caller.bloc });
  return outcome.status === 'written'
    ? { status: 'written', year, reads: outcome.reads, sheetsRequests: outcome.sheetsRequests, headline: outcome.rollup.submission }
    : { status: 'skipped', year, reason: outcome.reason };
}
