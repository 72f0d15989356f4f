import { createRequire } from 'node:module';
import type { HttpsFunction, HttpsOptions } from 'firebase-functions/v2/https';
import type { ScheduleOptions } from 'firebase-functions/v2/scheduler';
import type { HttpHandler } from '../http/wrap.js';

type Https = typeof import('firebase-functions/v2/https');
type Scheduler = typeof import('firebase-functions/v2/scheduler');
type Options = typeof import('firebase-functions/v2/options');
type Params = typeof import('firebase-functions/params');

/**
 * The functions as firebase-tools must see them, called only in its discovery process (at
 * deploy and in the emulator), never at run time — see index.ts. firebase-tools loads the
 * entry with require() and reads the CommonJS build of firebase-functions, so the SDK is
 * required here (synchronously: a top-level await would make the entry un-require-able).
 */
export interface Describer {
  readonly http: (options: HttpsOptions, handler: HttpHandler) => HttpsFunction;
  readonly schedule: (options: ScheduleOptions, job: () => Promise<void>) => ReturnType<Scheduler['onSchedule']>;
}

export function describer(): Describer {
  const requireSdk = createRequire(import.meta.url);
  const { onRequest } = requireSdk('firebase-functions/v2/https') as Https;
  const { onSchedule } = requireSdk('firebase-functions/v2/scheduler') as Scheduler;
  const { setGlobalOptions } = requireSdk('firebase-functions/v2/options') as Options;
  const { defineString } = requireSdk('firebase-functions/params') as Params;
  // Deploy-time settings: `firebase deploy` asks for them once and keeps them in
  // functions/dist/.env.<project>; at run time they are environment variables, which deps.ts
  // reads. No secret is needed: ID tokens are checked with Google's public keys and the Sheets
  // API is called with the functions' own service account.
  defineString('BLOC_ID', { description: 'Id of the bloc, as in its configuration file (e.g. dang-bo-khoi-doanh-nghiep)' });
  setGlobalOptions({ region: 'asia-southeast1', labels: { app: 'danh-gia-dang-vien' } });
  return {
    http: (options, handler) => onRequest({ invoker: 'public', ...options }, handler),
    schedule: (options, job) => onSchedule(options, job),
  };
}
