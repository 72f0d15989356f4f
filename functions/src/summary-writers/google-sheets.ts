import { auth as googleAuth, sheets, type sheets_v4 } from '@googleapis/sheets';
import { z } from 'zod';
import type { SummaryModel } from '../domain/summary-model.js';
import { logs } from '../logs.js';
import { sheetsRequests, type ExistingSheet } from './sheets-requests.js';

/**
 * Writes the summary model to a Google spreadsheet (STYLE.md §9): one spreadsheets.get (the
 * existing tabs and charts), one spreadsheets.batchUpdate (structure and formats), one
 * spreadsheets.values.batchUpdate (RAW values). gaxios does not retry POSTs, so its own retry is
 * off and every call is retried here with exponential backoff and jitter on 429, 5xx, network
 * errors and timeouts. A failed batchUpdate is retried together with a fresh get: after a timeout
 * it may have been applied, and its requests (add this tab, delete that chart) depend on what
 * the spreadsheet holds.
 */

export interface WriteOptions {
  /** Tries per step (get + batchUpdate; values). Default 5. */
  readonly maxAttempts?: number;
  /** First backoff; doubled on each retry, with jitter. Default 500 ms. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Per HTTP call. Default 30 s. */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1; tests pass a constant. */
  readonly random?: () => number;
  /** Named in the not-shared log line and error. */
  readonly serviceAccount?: string;
}

export interface WriteResult {
  /** Calls that succeeded: 3 on a clean refresh (one more per re-read before a retried batchUpdate). */
  readonly requests: number;
  /** Calls sent, failed ones included. */
  readonly attempts: number;
}

export class SheetNotSharedError extends Error {
  constructor(
    readonly spreadsheetId: string,
    readonly serviceAccount: string,
    readonly status: number,
  ) {
    super(
      `Spreadsheet ${spreadsheetId} answered ${status}: it is not shared with ${serviceAccount} (or does not exist). ` +
        `Share the spreadsheet with ${serviceAccount} as Editor.`,
    );
    this.name = 'SheetNotSharedError';
  }
}

/**
 * What the writer reads from a gaxios error, each field on its own (a field of another shape is
 * just absent: `cause` is the API's error body on an HTTP error, a fetch error on a network one).
 */
const ApiFailure = z.object({
  status: z.number().optional().catch(undefined),
  response: z.object({ status: z.number() }).optional().catch(undefined),
  code: z.union([z.string(), z.number()]).optional().catch(undefined),
  cause: z.object({ name: z.string(), code: z.string().optional().catch(undefined) }).optional().catch(undefined),
});

type Failure = { kind: 'retry'; label: number | string } | { kind: 'notShared'; status: number } | { kind: 'fatal' };

const NETWORK_CAUSES = new Set(['AbortError', 'TimeoutError', 'FetchError']);

export function classifyFailure(error: unknown): Failure {
  const parsed = ApiFailure.safeParse(error);
  if (!parsed.success) return { kind: 'fatal' };
  const { status: direct, response, code, cause } = parsed.data;
  const status = direct ?? response?.status;
  if (status === 403 || status === 404) return { kind: 'notShared', status };
  if (status === 429 || (status !== undefined && status >= 500)) return { kind: 'retry', label: status };
  if (status !== undefined) return { kind: 'fatal' };
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return { kind: 'retry', label: code };
  if (cause && NETWORK_CAUSES.has(cause.name)) return { kind: 'retry', label: cause.code ?? cause.name };
  return { kind: 'fatal' };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const SheetList = z.object({
  sheets: z
    .array(
      z.object({
        properties: z.object({ sheetId: z.number().int(), title: z.string() }),
        charts: z.array(z.object({ chartId: z.number().int() })).optional(),
      }),
    )
    .optional(),
});

export function existingSheetsOf(data: unknown): ExistingSheet[] {
  return (SheetList.parse(data).sheets ?? []).map((s) => ({
    sheetId: s.properties.sheetId,
    title: s.properties.title,
    chartIds: (s.charts ?? []).map((c) => c.chartId),
  }));
}

export async function writeSummaryToSheets(
  client: sheets_v4.Sheets,
  spreadsheetId: string,
  model: SummaryModel,
  opts: WriteOptions = {},
): Promise<WriteResult> {
  const maxAttempts = opts.maxAttempts ?? 5;
  const baseDelayMs = opts.baseDelayMs ?? 500;
  const maxDelayMs = opts.maxDelayMs ?? 32_000;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const serviceAccount = opts.serviceAccount ?? 'the service account of the functions';
  const call = { retry: false, timeout: opts.timeoutMs ?? 30_000 };
  const started = Date.now();
  let requests = 0;
  let attempts = 0;

  /** One HTTP call, counted. */
  const send = async <T>(fn: () => Promise<T>): Promise<T> => {
    attempts += 1;
    const result = await fn();
    requests += 1;
    return result;
  };

  /** A step retried as a whole until it succeeds, fails for good, or runs out of attempts. */
  const step = async <T>(fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await fn();
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.kind === 'notShared') {
          logs.sheetNotShared({ spreadsheetId, serviceAccount });
          throw new SheetNotSharedError(spreadsheetId, serviceAccount, failure.status);
        }
        if (failure.kind === 'fatal' || attempt >= maxAttempts) throw error;
        const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        const delayMs = Math.round(cap / 2 + (random() * cap) / 2);
        logs.sheetsRetry({ attempt, status: failure.label, delayMs });
        await sleep(delayMs);
      }
    }
  };

  const refresh = await step(async () => {
    const got = await send(() => client.spreadsheets.get({ spreadsheetId, fields: 'sheets.properties,sheets.charts.chartId' }, call));
    const built = sheetsRequests(model, existingSheetsOf(got.data));
    await send(() => client.spreadsheets.batchUpdate({ spreadsheetId, requestBody: built.batchUpdate }, call));
    return built;
  });
  await step(() => send(() => client.spreadsheets.values.batchUpdate({ spreadsheetId, requestBody: refresh.valuesBatchUpdate }, call)));

  logs.sheetsWritten({ spreadsheetId, tabs: model.tabs.length, charts: model.charts.length, requests, attempts, ms: Date.now() - started });
  return { requests, attempts };
}

export interface SheetsTarget {
  readonly client: sheets_v4.Sheets;
  /** The service account's e-mail, for the not-shared message. */
  readonly serviceAccount: string;
}

/** Deployed use: Application Default Credentials (the function's service account). */
export async function sheetsClientFromEnv(): Promise<SheetsTarget> {
  const auth = new googleAuth.GoogleAuth({ scopes: ['https://www.googleapis.com/auth/spreadsheets'] });
  const credentials = await auth.getCredentials().catch(() => ({ client_email: undefined }));
  return {
    client: sheets({ version: 'v4', auth }),
    serviceAccount: credentials.client_email ?? 'the service account of the functions',
  };
}

let fromEnv: Promise<SheetsTarget> | undefined;

/** The deployed writer: one client per process, with the functions' own service account. */
export async function writeSummaryFromEnv(spreadsheetId: string, model: SummaryModel): Promise<{ requests: number }> {
  fromEnv ??= sheetsClientFromEnv();
  const target = await fromEnv;
  return writeSummaryToSheets(target.client, spreadsheetId, model, { serviceAccount: target.serviceAccount });
}
