import { getDeps } from '../deps.js';
import { scheduledRollup as rollupLatest } from '../rollup/rollup-job.js';

/** Runs on the schedule (index.ts): rebuilds the latest year's summary when anything changed. */
export async function scheduledRollup(): Promise<void> {
  await rollupLatest(getDeps());
}
