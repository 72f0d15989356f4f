import { sheets } from '@googleapis/sheets';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/src/deps.js';
import { decodeRollup, runRollup } from '../../functions/src/rollup/rollup-job.js';
import { membersCol, rollupRef } from '../../functions/src/store/paths.js';
import { writeSummaryToSheets } from '../../functions/src/summary-writers/google-sheets.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { startSheetsRecorder, type SheetsRecorder } from '../support/sheets/recorder.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { OPEN_DEADLINE, PAST_DEADLINE, testBloc } from '../fixtures/test-bloc.js';

const org = (id: string, name: string, email: string, expectedMembers: number) => ({ id, name, secretaries: [email], expectedMembers });
const CONFIG = testBloc(
  'khoi-rollup',
  'Đảng bộ Khối Tổng hợp',
  {
    2024: { deadline: PAST_DEADLINE, orgs: [org('cb-a', 'Chi bộ A', 'a@a.vn', 4)] },
    2025: {
      deadline: OPEN_DEADLINE,
      summarySpreadsheetId: 'sheet-2025',
      orgs: [org('cb-a', 'Chi bộ A', 'a@a.vn', 3), org('cb-b', '=HYPERLINK("x")', 'b@b.vn', 2), org('cb-c', 'Chi bộ C', 'c@c.vn', 4)],
    },
  },
  { leaders: [] },
);
const h = useLocalStack('demo-rollup', CONFIG);
let recorder: SheetsRecorder;
let n = 0;

beforeAll(async () => {
  recorder = await startSheetsRecorder();
});
afterAll(() => recorder.close());
beforeEach(async () => {
  await h.reset();
  recorder.clearLog();
});

const deps = (now = new Date('2026-01-20T03:00:00Z')): Deps => {
  const client = sheets({ version: 'v4', rootUrl: recorder.url });
  return { db: h.stack.db, blocId: h.stack.blocId, now: () => now, writeSummary: (id, model) => writeSummaryToSheets(client, id, model, { sleep: async () => undefined }) };
};
const submit = (orgId: string, email: string, rows: number, year = 2025) =>
  h.post('submit', { year, orgId, submissionId: `rollup-${++n}-${Date.now()}`, sheet: { values: grid(validRows(rows)) } }, email);

describe('runRollup', () => {
  it('reads tallies, not members: totals survive deleting every member document', async () => {
    await submit('cb-a', 'a@a.vn', 3);
    await submit('cb-b', 'b@b.vn', 2);
    for (const orgId of ['cb-a', 'cb-b']) {
      const docs = await membersCol(h.stack.db, h.stack.blocId, 2025, orgId).listDocuments();
      await Promise.all(docs.map((d) => d.delete()));
    }
    const outcome = await runRollup(deps(), 2025);
    expect(outcome.status).toBe('written');
    if (outcome.status !== 'written') return;
    // year, previous rollup, change marker, this rollup, bloc + 3 organisations + the lease read + the 2 cards both list (duplicates)
    expect(outcome.reads).toBe(5 + 3 + 1 + 2);
    expect(outcome.rollup.submission).toMatchObject({ total: 3, submitted: 2, missing: 1 });
    expect(outcome.rollup.totals.listed).toBe(5);
    expect(outcome.rollup.totals.levels).toEqual({ HTXSNV: 0, HTTNV: 5, HTNV: 0, KHTNV: 0 });
    expect(decodeRollup((await rollupRef(h.stack.db, h.stack.blocId, 2025).get()).data())).toEqual(outcome.rollup);
  });

  it('skips when nothing changed, rebuilds after a submission or on a new day', async () => {
    await submit('cb-a', 'a@a.vn', 3);
    expect((await runRollup(deps(), 2025)).status).toBe('written');
    expect(await runRollup(deps(), 2025)).toMatchObject({ status: 'skipped', reason: 'unchanged' });
    expect((await runRollup(deps(new Date('2026-01-21T03:00:00Z')), 2025)).status).toBe('written');
    await submit('cb-c', 'c@c.vn', 4);
    const after = await runRollup(deps(new Date('2026-01-21T03:00:00Z')), 2025);
    expect(after.status === 'written' && after.rollup.totals.listed).toBe(7);
  });

  it('two runs at once: exactly one builds, the other sees the lease', async () => {
    await submit('cb-a', 'a@a.vn', 3);
    const outcomes = await Promise.all([runRollup(deps(), 2025), runRollup(deps(), 2025)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['skipped', 'written']);
    // The loser either sees the lease or, if it ran after the winner finished, the same fingerprint.
    const loser = outcomes.find((o) => o.status === 'skipped');
    expect(loser?.status === 'skipped' && ['running', 'unchanged'].includes(loser.reason)).toBe(true);
    expect(recorder.count('values')).toBe(1);
  });

  it('writes the summary sheet in one get, one batchUpdate and one values update; formula-like names stay text', async () => {
    await submit('cb-a', 'a@a.vn', 3);
    await submit('cb-b', 'b@b.vn', 2);
    const outcome = await runRollup(deps(), 2025);
    expect(outcome.status === 'written' && outcome.sheetsRequests).toBe(3);
    expect([recorder.count('get'), recorder.count('batchUpdate'), recorder.count('values')]).toEqual([1, 1, 1]);
    const titles = recorder.sheets('sheet-2025').map((s) => s.title);
    // The summary's five tabs come first, in order; the spreadsheet's own first tab is left alone after them.
    expect(titles).toEqual(['Tổng hợp', 'Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh', 'Trang tính1']);
    const orgTab = recorder.sheets('sheet-2025').find((s) => s.title === 'Theo tổ chức');
    const values = [...(orgTab?.grid.values() ?? [])];
    expect(values).toContainEqual({ kind: 'string', value: '=HYPERLINK("x")' });
    expect(values.some((c) => c.kind === 'formula')).toBe(false);
    const overdue = [...(recorder.sheets('sheet-2025').find((s) => s.title === 'Chưa nộp')?.grid.values() ?? [])];
    expect(overdue).toContainEqual({ kind: 'string', value: 'Chi bộ C' });
  });

  it('compares with the previous year’s stored rollup', async () => {
    await runRollup(deps(), 2024, { force: true });
    await submit('cb-a', 'a@a.vn', 3);
    const outcome = await runRollup(deps(), 2025);
    expect(outcome.status === 'written' && outcome.rollup.previousYear).toBe(2024);
    expect(outcome.status === 'written' && outcome.rollup.comparison.length).toBeGreaterThan(10);
  });
});

describe('runRollup over HTTP: a lease a crashed run left', () => {
  it('a forced run says until when the lease holds (in the bloc’s time), and runs once it lapses', async () => {
    const now = Date.now();
    const until = new Date(now + 4 * 60_000).toISOString();
    await rollupRef(h.stack.db, h.stack.blocId, 2025).set({ year: 2025, fingerprint: null, builtAt: null, rollupGzip: null, lease: { holder: 'crashed-run', until }, summary: null, changeMark: null });
    const blocked = await h.post('runRollup', { year: 2025, force: true }, 'admin@khoi.vn');
    expect(blocked.status).toBe(200);
    expect(blocked.json).toMatchObject({ status: 'skipped', year: 2025, reason: 'running', until });
    expect((blocked.json as { message: string }).message).toMatch(/^Một lần tổng hợp khác đang chạy \(hoặc vừa bị gián đoạn\); hãy thử lại sau \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\.$/);
    await rollupRef(h.stack.db, h.stack.blocId, 2025).set({ lease: { holder: 'crashed-run', until: new Date(now - 1_000).toISOString() } }, { merge: true });
    const after = await h.post('runRollup', { year: 2025, force: true }, 'admin@khoi.vn');
    expect(after.json).toMatchObject({ status: 'written', year: 2025 });
  });
});
