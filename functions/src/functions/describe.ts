import '../params.js';
import { onRequest, type HttpsFunction, type HttpsOptions } from 'firebase-functions/v2/https';
import { setGlobalOptions } from 'firebase-functions/v2/options';
import { onSchedule, type ScheduleOptions } from 'firebase-functions/v2/scheduler';
import type { HttpHandler } from '../http/wrap.js';

/**
 * The functions as firebase-tools must see them: loaded only in its discovery process (at
 * deploy and in the emulator), never at run time — see index.ts. Declares BLOC_ID (params.ts)
 * so `firebase deploy` asks for it.
 */
setGlobalOptions({ region: 'asia-southeast1', labels: { app: 'danh-gia-dang-vien' } });

export const describeHttp = (options: HttpsOptions, handler: HttpHandler): HttpsFunction => onRequest({ invoker: 'public', ...options }, handler);

export const describeSchedule = (options: ScheduleOptions, job: () => Promise<void>) => onSchedule(options, job);
