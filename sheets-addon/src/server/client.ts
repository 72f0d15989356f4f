import type { z } from 'zod';
import { errorBodySchema, type ErrorBody } from '../domain.js';

/**
 * One POST to the backend, retried on network failures, 429 and 5xx with backoff. The body
 * (and so its submission id) is built once by the caller, so every retry is the same request
 * and the backend recognises it. The transport is injected: UrlFetchApp in Apps Script
 * (gas/http.ts), plain functions in unit tests.
 */
export interface Transport {
  /** Throws when the request did not complete (no connection, DNS, timeout). */
  post(url: string, jsonBody: string, token: string): { status: number; text: string };
  sleep(ms: number): void;
}

export interface RetryPolicy {
  readonly attempts: number;
  /** Wait before retry n (1-based): delays[n - 1], the last one repeated. */
  readonly delaysMs: readonly number[];
}

/** About 37 s of waiting in all: long enough for a lock a killed function process left to lapse (the server answers 503 meanwhile). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, delaysMs: [2_000, 5_000, 10_000, 20_000] };

export type Failure =
  | { readonly kind: 'network'; readonly attempts: number; readonly detail: string }
  | { readonly kind: 'http'; readonly status: number; readonly attempts: number; readonly body: ErrorBody | null }
  | { readonly kind: 'bad_reply'; readonly status: number; readonly attempts: number };

export type ApiResult<T> = { readonly ok: true; readonly data: T; readonly attempts: number } | { readonly ok: false; readonly failure: Failure };

const retryable = (status: number): boolean => status === 429 || status >= 500;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function postJson<S extends z.ZodType>(
  transport: Transport,
  request: { url: string; body: unknown; token: string },
  schema: S,
  policy: RetryPolicy = DEFAULT_RETRY,
): ApiResult<z.output<S>> {
  const payload = JSON.stringify(request.body);
  let last: Failure = { kind: 'network', attempts: 0, detail: '' };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    if (attempt > 1) transport.sleep(policy.delaysMs[Math.min(attempt - 2, policy.delaysMs.length - 1)] ?? 1_000);
    let reply: { status: number; text: string };
    try {
      reply = transport.post(request.url, payload, request.token);
    } catch (error) {
      last = { kind: 'network', attempts: attempt, detail: error instanceof Error ? error.message : String(error) };
      continue;
    }
    const json = parseJson(reply.text);
    if (reply.status >= 200 && reply.status < 300) {
      const parsed = schema.safeParse(json);
      return parsed.success ? { ok: true, data: parsed.data, attempts: attempt } : { ok: false, failure: { kind: 'bad_reply', status: reply.status, attempts: attempt } };
    }
    const body = errorBodySchema.safeParse(json);
    last = { kind: 'http', status: reply.status, attempts: attempt, body: body.success ? body.data : null };
    if (!retryable(reply.status)) break;
  }
  return { ok: false, failure: last };
}
