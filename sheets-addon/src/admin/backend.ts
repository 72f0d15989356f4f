import type { z } from 'zod';
import {
  adminAuditAnswerSchema,
  adminConfigChangeAnswerSchema,
  adminConfigLoadAnswerSchema,
  adminProgressAnswerSchema,
  adminRemindAnswerSchema,
  orgActionAnswerSchema,
  runRollupAnswerSchema,
} from '../domain.js';
import { identityToken, serverUrl, urlFetchTransport } from '../apps-script/http.js';
import { postJson } from '../server/client.js';
import type { Called } from '../actions/backend.js';

/** The console's calls: each ONE UrlFetchApp request (plus the client's retries), parsed with the contract's schemas. */
function call<S extends z.ZodType>(fn: string, body: unknown, schema: S): Called<z.output<S>> {
  const base = serverUrl();
  if (base === null) return { ok: false, failure: null };
  return postJson(urlFetchTransport, { url: `${base}/${fn}`, body, token: identityToken() }, schema);
}

export const loadConfig = (year: number) => call('adminConfig', { mode: 'load', year }, adminConfigLoadAnswerSchema);
export const dryRunConfig = (year: number, config: unknown) => call('adminConfig', { mode: 'dry_run', year, config }, adminConfigChangeAnswerSchema);
export const applyConfig = (year: number, config: unknown, planHash: string) => call('adminConfig', { mode: 'apply', year, config, planHash }, adminConfigChangeAnswerSchema);
export const fetchProgress = (year?: number) => call('adminProgress', year === undefined ? {} : { year }, adminProgressAnswerSchema);
export const fetchAudit = (body: { year: number; orgId?: string; pageSize: number; pageToken?: string }) => call('adminAudit', body, adminAuditAnswerSchema);
export const claimReminders = (year: number) => call('adminRemind', { year }, adminRemindAnswerSchema);
export const orgAction = (body: { year: number; orgId: string; action: string; reason?: string; until?: string; contentHash?: string }) => call('orgAction', body, orgActionAnswerSchema);
export const rollupNow = (year: number) => call('runRollup', { year }, runRollupAnswerSchema);
