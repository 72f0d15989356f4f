import { getDeps } from '../deps.js';

/** Runs on the schedule (index.ts): rebuilds the latest year's summary when anything changed. Loaded lazily, as runRollup is. */
export async function scheduledRollup(): Promise<void> {
  const { scheduledRollup: rollupLatest } = await import('../rollup/rollup-job.js');
  await rollupLatest(getDeps());
}
