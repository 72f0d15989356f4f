import { setGlobalOptions } from 'firebase-functions/v2';
import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { httpHandlers } from './functions/handlers.js';
import { scheduledRollup } from './functions/scheduled-rollup.js';
// Declares BLOC_ID (params.ts) so `firebase deploy` asks for it; deps.ts reads it from the environment.
import './params.js';

/**
 * What `firebase deploy` ships: only wrapping, no logic. The add-on calls these with a Google
 * ID token that the handlers verify themselves, so the functions are publicly invocable.
 */
setGlobalOptions({ region: 'asia-southeast1', maxInstances: 10, labels: { app: 'danh-gia-dang-vien' } });

export const submit = onRequest({ invoker: 'public', memory: '512MiB', timeoutSeconds: 120 }, httpHandlers.submit);
export const status = onRequest({ invoker: 'public' }, httpHandlers.status);
export const orgAction = onRequest({ invoker: 'public' }, httpHandlers.orgAction);
export const runRollup = onRequest({ invoker: 'public', timeoutSeconds: 300 }, httpHandlers.runRollup);

/** Hourly from 07:00 to 22:00 bloc time; Cloud Scheduler may deliver twice: the job is idempotent. */
export const rollupSchedule = onSchedule(
  { schedule: '0 7-22 * * *', timeZone: 'Asia/Ho_Chi_Minh', retryCount: 2, timeoutSeconds: 300 },
  scheduledRollup,
);
