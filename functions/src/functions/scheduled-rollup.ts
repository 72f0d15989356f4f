import { scheduledRollup as rollupLatest } from '../rollup/jobs.js';
import { getRuntime } from '../runtime.js';

/** Runs hourly (index.ts): rebuilds the latest year's summary when anything changed. */
export async function scheduledRollup(): Promise<void> {
  await rollupLatest(getRuntime());
}
