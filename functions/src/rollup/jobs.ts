import { requireAdmin } from '../ingest/access.js';
import { parseBody } from '../http/wrap.js';
import { loadBloc } from '../ingest/context.js';
import { z } from 'zod';
import { yearsCol } from '../store/collections.js';
import { runRollup, type RollupDeps, type RollupOutcome } from './run-rollup.js';

/** The two ways a rollup starts: the hourly schedule, and an admin asking for it now. */
export async function latestYear(deps: RollupDeps): Promise<number | null> {
  const years = (await yearsCol(deps.db, deps.blocId).get()).docs.map((d) => d.data().year);
  return years.length === 0 ? null : Math.max(...years);
}

/** The schedule rolls up the latest configured year (the one being evaluated). */
export async function scheduledRollup(deps: RollupDeps): Promise<RollupOutcome | null> {
  const year = await latestYear(deps);
  return year === null ? null : runRollup(deps, year);
}

const runNowSchema = z.object({ year: z.number().int().min(2000).max(2100).optional(), force: z.boolean().default(false) });

export async function rollupNow(deps: RollupDeps, email: string, body: unknown) {
  const request = parseBody(runNowSchema, body ?? {});
  requireAdmin(email, await loadBloc(deps.db, deps.blocId));
  const year = request.year ?? (await latestYear(deps));
  if (year === null) return { status: 200, body: { status: 'skipped', reason: 'no_year' } };
  const outcome = await runRollup(deps, year, { force: request.force });
  const answer =
    outcome.status === 'written'
      ? { status: 'written', year, reads: outcome.reads, sheetsRequests: outcome.sheetsRequests, headline: outcome.rollup.submission }
      : { status: 'skipped', year, reason: outcome.reason };
  return { status: 200, body: answer };
}
