import { parseJson } from './properties.js';
import { progressSchema, RUN_ID_PATTERN, type Progress, type ProgressPhase } from '../sidebar-model/sidebar-state.js';

/**
 * A server call cannot stream to the sidebar, so a check or send started from the sidebar
 * leaves where it is in the user's cache and the sidebar polls for it (sidebarProgress).
 * The callers report at phase changes and at most every tenth of the rows: a fixed number of
 * cache writes whatever the sheet's size. Without a run id (the menu, where nothing polls)
 * nothing is written.
 */
export type Report = (phase: ProgressPhase, done: number, total: number) => void;

/** Long enough for the slowest send (five attempts with backoff), short enough to leave no litter. */
const TTL_SECONDS = 600;
const keyOf = (runId: string): string => `progress:${runId}`;

export const silent: Report = () => undefined;

export function progressReporter(runId: unknown): Report {
  if (typeof runId !== 'string' || !RUN_ID_PATTERN.test(runId)) return silent;
  const cache = CacheService.getUserCache();
  const key = keyOf(runId);
  return (phase, done, total) => {
    const progress: Progress = { phase, done, total };
    cache.put(key, JSON.stringify(progress), TTL_SECONDS);
  };
}

/** The sidebar's poll: the run's last report, or null before the first one. */
export function readProgress(runId: unknown): Progress | null {
  if (typeof runId !== 'string' || !RUN_ID_PATTERN.test(runId)) return null;
  return parseJson(CacheService.getUserCache().get(keyOf(runId)), progressSchema);
}
