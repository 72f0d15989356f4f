import { setGlobalOptions } from 'firebase-functions/v2';
import { onRequest } from 'firebase-functions/v2/https';
import { httpHandlers } from './functions/handlers.js';

/**
 * What `firebase deploy` ships: only wrapping, no logic. The add-on calls these with a Google
 * ID token that the handlers verify themselves, so the functions are publicly invocable.
 */
setGlobalOptions({ region: 'asia-southeast1', maxInstances: 10 });

export const submit = onRequest({ invoker: 'public', memory: '512MiB', timeoutSeconds: 120 }, httpHandlers.submit);
export const status = onRequest({ invoker: 'public' }, httpHandlers.status);
export const orgAction = onRequest({ invoker: 'public' }, httpHandlers.orgAction);
