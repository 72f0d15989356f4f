// Declares BLOC_ID (params.ts) so `firebase deploy` asks for it; deps.ts reads it from the environment.
import './params.js';
import { setGlobalOptions } from 'firebase-functions/v2/options';
import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { httpHandlers } from './functions/handlers.js';
import { scheduledRollup } from './functions/scheduled-rollup.js';

/**
 * What `firebase deploy` ships: only wrapping, no logic. The add-on calls these with a Google
 * ID token that the handlers verify themselves, so the functions are publicly invocable.
 * `firebase-functions/v2/options`, not the package root: the root loads every trigger type
 * (firebase-admin among them) and doubles the cold start.
 *
 * Sizes, from `npm run bench`: a 2.000-row submission peaks well under 256 MiB of heap, so
 * submit has 512 MiB for a 5.000-row sheet with headroom; status and orgAction read a handful
 * of documents; the rollup of 5.000 organisations peaked at ~510 MiB RSS, so both rollup
 * functions get 1 GiB (≥ 1,25× that) and one instance each at most (the lease serialises them).
 */
setGlobalOptions({ region: 'asia-southeast1', labels: { app: 'danh-gia-dang-vien' } });

export const submit = onRequest({ invoker: 'public', memory: '512MiB', timeoutSeconds: 120, maxInstances: 10 }, httpHandlers.submit);
export const status = onRequest({ invoker: 'public', memory: '256MiB', timeoutSeconds: 30, maxInstances: 10 }, httpHandlers.status);
export const orgAction = onRequest({ invoker: 'public', memory: '256MiB', timeoutSeconds: 30, maxInstances: 5 }, httpHandlers.orgAction);
export const runRollup = onRequest({ invoker: 'public', memory: '1GiB', timeoutSeconds: 300, maxInstances: 2 }, httpHandlers.runRollup);

/** Hourly from 07:00 to 22:00 bloc time; Cloud Scheduler may deliver twice: the job is idempotent. */
export const rollupSchedule = onSchedule(
  { schedule: '0 7-22 * * *', timeZone: 'Asia/Ho_Chi_Minh', retryCount: 2, memory: '1GiB', timeoutSeconds: 300, maxInstances: 1 },
  scheduledRollup,
);
