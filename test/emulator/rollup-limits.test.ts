import { randomBytes } from 'node:crypto';
import { sheets } from '@googleapis/sheets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/src/deps.js';
import { runRollup } from '../../functions/src/rollup/rollup-job.js';
import { orgRef, rollupRef } from '../../functions/src/store/paths.js';
import { writeSummaryToSheets } from '../../functions/src/summary-writers/google-sheets.js';
import { startSheetsRecorder, type SheetsRecorder } from '../support/sheets/recorder.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { OPEN_DEADLINE, testBloc } from '../fixtures/test-bloc.js';

/**
 * A rollup whose stored document would pass the 1 MiB a Firestore document holds is refused
 * with an admin-facing message BEFORE the summary sheet is touched: never a summary without its
 * stored rollup, never half a summary.
 */
const ORGS = ['cb-a', 'cb-b', 'cb-c'];
const CONFIG = testBloc('khoi-limits', 'Đảng bộ Khối Giới hạn', {
  2025: { deadline: OPEN_DEADLINE, summarySpreadsheetId: 'sheet-limits', orgs: ORGS.map((id) => ({ id, name: `Chi bộ ${id}`, secretaries: [`${id}@khoi.vn`], expectedMembers: 3 })) },
});
const h = useLocalStack('demo-rollup-limits', CONFIG);
let recorder: SheetsRecorder;
beforeAll(async () => {
  recorder = await startSheetsRecorder();
});
afterAll(() => recorder.close());

describe('rollup limits', () => {
  it('a rollup over the 1 MiB a document holds: ROLLUP_TOO_LARGE, no Sheets request, the stored rollup untouched', async () => {
    const client = sheets({ version: 'v4', rootUrl: recorder.url });
    const deps: Deps = { db: h.stack.db, blocId: h.stack.blocId, now: () => new Date('2026-01-20T03:00:00Z'), writeSummary: (id, model) => writeSummaryToSheets(client, id, model, { sleep: async () => undefined }) };
    expect((await runRollup(deps, 2025, { force: true })).status).toBe('written');
    const before = (await rollupRef(h.stack.db, h.stack.blocId, 2025).get()).data();
    // Names no compression shrinks (400 KB each): the rollup repeats them past 1 MiB gzipped.
    for (const orgId of ORGS) await orgRef(h.stack.db, h.stack.blocId, 2025, orgId).update({ name: randomBytes(300_000).toString('base64') });
    recorder.clearLog();
    await expect(runRollup(deps, 2025, { force: true })).rejects.toMatchObject({
      code: 'ROLLUP_TOO_LARGE',
      message: expect.stringMatching(/^Bản tổng hợp của 3 tổ chức cần khoảng [\d,]+ MB, vượt quá 1 MB mà một tài liệu được phép lưu\. Bảng tổng hợp chưa được ghi; bản trước vẫn giữ nguyên\./),
    });
    expect(recorder.requests).toEqual([]);
    const after = (await rollupRef(h.stack.db, h.stack.blocId, 2025).get()).data();
    expect(after).toEqual({ ...before, lease: null });
  });
});
