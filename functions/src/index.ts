import { httpHandlers, type FunctionName } from './functions/handlers.js';
import { scheduledRollup } from './functions/scheduled-rollup.js';
import { describer } from './functions/describe.js';
import { scheduledFunction } from './http/wrap.js';

/**
 * What `firebase deploy` ships: only wrapping, no logic. The add-on calls these with a Google
 * ID token that the handlers verify themselves, so the functions are publicly invocable.
 *
 * Cold start: firebase-functions is needed only to DESCRIBE the functions to firebase-tools, which
 * loads this module in a discovery process with FUNCTIONS_CONTROL_API=true (at deploy and in the
 * emulator); its https module alone pulls in the callable-function stack (firebase-admin,
 * jwks-rsa: ~275 modules) that these handlers never use. At run time Cloud Functions (and the
 * emulator) call each export as (req, res): the plain handlers, which answer every error
 * themselves; the scheduled one answers as onSchedule does (200, or 500 to be retried).
 *
 * Sizes, from `npm run bench`: a 2.000-row submission peaks well under 256 MiB of heap, so
 * submit has 512 MiB for a 5.000-row sheet with headroom; status and orgAction read a handful
 * of documents; the rollup of 5.000 organisations peaked at ~510 MiB RSS, so both rollup
 * functions get 1 GiB (≥ 1,25× that) and at most one or two instances (a lease serialises them).
 */
const sdk = process.env.FUNCTIONS_CONTROL_API === 'true' ? describer() : null;

const http = <N extends FunctionName>(name: N, options: { memory: '256MiB' | '512MiB' | '1GiB'; timeoutSeconds: number; maxInstances: number }) =>
  sdk ? sdk.http(options, httpHandlers[name]) : httpHandlers[name];

export const submit = http('submit', { memory: '512MiB', timeoutSeconds: 120, maxInstances: 10 });
export const status = http('status', { memory: '256MiB', timeoutSeconds: 30, maxInstances: 10 });
export const orgAction = http('orgAction', { memory: '256MiB', timeoutSeconds: 30, maxInstances: 5 });
export const runRollup = http('runRollup', { memory: '1GiB', timeoutSeconds: 300, maxInstances: 2 });
export const carryOver = http('carryOver', { memory: '256MiB', timeoutSeconds: 30, maxInstances: 5 });
// The admin console: a year's configuration (≤ 1.000 organisations, read and written in one
// transaction), the audit trail (a page of projections), progress and reminders (a few documents per organisation).
export const adminConfig = http('adminConfig', { memory: '512MiB', timeoutSeconds: 60, maxInstances: 2 });
export const adminAudit = http('adminAudit', { memory: '256MiB', timeoutSeconds: 30, maxInstances: 2 });
export const adminProgress = http('adminProgress', { memory: '256MiB', timeoutSeconds: 30, maxInstances: 2 });
export const adminRemind = http('adminRemind', { memory: '256MiB', timeoutSeconds: 30, maxInstances: 2 });

/**
 * Every 5 minutes from 07:00 to 21:55 bloc time (leadership's sheet at most ~5 minutes behind on
 * deadline day): a run with nothing changed reads 5 documents (the year's change marker), so this
 * costs about what the hourly one did. Cloud Scheduler may deliver twice: the job is idempotent.
 */
export const rollupSchedule = sdk
  ? sdk.schedule(
      { schedule: '*/5 7-21 * * *', timeZone: 'Asia/Ho_Chi_Minh', retryCount: 2, memory: '1GiB', timeoutSeconds: 300, maxInstances: 1 },
      scheduledRollup,
    )
  : scheduledFunction('rollupSchedule', scheduledRollup);
