import { postJson, type ApiResult } from '../server/client.js';
import { failureText, type FailureText } from '../texts/failures.js';
import { carryOverAnswerSchema, statusAnswerSchema, submitAnswerSchema, type CarryOverAnswer, type StatusAnswer, type SubmitAnswer } from '../domain.js';
import { identityToken, serverUrl, urlFetchTransport } from '../apps-script/http.js';
import { withSupport } from './context.js';
import { NO_SERVER } from '../texts/labels.js';

/** The calls the secretary's actions make, each ONE UrlFetchApp request (plus retries). */
export type Called<T> = ApiResult<T> | { readonly ok: false; readonly failure: null };

export function fetchStatus(year?: number, base: string | null = serverUrl()): Called<StatusAnswer> {
  if (base === null) return { ok: false, failure: null };
  return postJson(urlFetchTransport, { url: `${base}/status`, body: year === undefined ? {} : { year }, token: identityToken() }, statusAnswerSchema);
}

export interface SubmitBody {
  readonly year: number;
  readonly orgId: string;
  readonly submissionId: string;
  /** The server checks and compares without writing anything (the removal confirmation). */
  readonly dryRun?: boolean;
  readonly sheet: { readonly name: string; readonly startRow: 1; readonly values: unknown };
  /** The “Số liệu tổ chức” tab (issue 18), when the file has one for the year. */
  readonly orgFigures?: { readonly name: string; readonly startRow: 1; readonly values: unknown };
}

export function sendSubmission(body: SubmitBody): Called<SubmitAnswer> {
  const base = serverUrl();
  if (base === null) return { ok: false, failure: null };
  return postJson(urlFetchTransport, { url: `${base}/submit`, body, token: identityToken() }, submitAnswerSchema);
}

/** Last year's accepted list of the organisation, for a new template. */
export function fetchCarryOver(year: number, orgId: string): Called<CarryOverAnswer> {
  const base = serverUrl();
  if (base === null) return { ok: false, failure: null };
  return postJson(urlFetchTransport, { url: `${base}/carryOver`, body: { year, orgId }, token: identityToken() }, carryOverAnswerSchema);
}

export function describeFailure(failure: Called<unknown> & { ok: false }): FailureText {
  return withSupport(failure.failure === null ? NO_SERVER : failureText(failure.failure));
}
