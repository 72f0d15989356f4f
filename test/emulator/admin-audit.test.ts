import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adminAuditAnswerSchema, adminProgressAnswerSchema, adminRemindAnswerSchema, type AuditEntryView } from '../../functions/src/domain/contract-admin.js';
import { auditCol } from '../../functions/src/store/paths.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { ADMIN, OPEN_DEADLINE, orgA, orgB, SECRETARY_A, SECRETARY_B, testBloc } from '../fixtures/test-bloc.js';
import { dumpTree } from '../support/firestore/dump.js';
import { useLocalStack } from '../support/functions/local-stack.js';

/**
 * adminAudit (the trail, newest first, paged without losing or repeating an entry), adminProgress
 * (every organisation at a glance) and adminRemind (at most one reminder per organisation per
 * day, recorded in the trail) over HTTP against the emulator.
 */
const orgC = { id: 'cb-c', name: 'Chi bộ Công ty C', secretaries: ['bithu.c@c.vn'], expectedMembers: 4 };
const CONFIG = testBloc('khoi-audit', 'Đảng bộ Khối Nhật ký', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(5), orgC] } });
const h = useLocalStack('demo-admin-audit', CONFIG);
const ROOT = 'blocs/khoi-audit';

let sequence = 0;
const submit = async (email: string, orgId: string, rows: number) => {
  const res = await h.post('submit', { year: 2025, orgId, submissionId: `audit-${++sequence}-${Date.now()}`, sheet: { values: grid(validRows(rows)) } }, email);
  expect(res.status).toBe(200);
  return z.object({ contentHash: z.string() }).parse(res.json).contentHash;
};
const action = async (body: Record<string, unknown>) => {
  const res = await h.post('orgAction', { year: 2025, ...body }, ADMIN);
  expect(res.status).toBe(200);
};
const audit = async (body: Record<string, unknown>) => {
  const res = await h.post('adminAudit', { year: 2025, ...body }, ADMIN);
  expect(res.status).toBe(200);
  return adminAuditAnswerSchema.parse(res.json);
};
const brief = (e: AuditEntryView) => [e.actionLabel, e.orgId, e.by, e.reason];

beforeEach(() => h.reset());

describe('adminAudit', () => {
  it('one organisation and the whole bloc, newest first, with who / when / why; pages neither lose nor repeat entries', async () => {
    const hash = await submit(SECRETARY_A, 'cb-a', 3);
    await submit(SECRETARY_B, 'cb-b', 5);
    await action({ orgId: 'cb-a', action: 'approve', contentHash: hash });
    await action({ orgId: 'cb-a', action: 'lock' });
    await action({ orgId: 'cb-a', action: 'reopen', reason: 'Bổ sung đảng viên chuyển đến', until: '2099-02-01T17:00:00+07:00' });
    await action({ orgId: 'cb-b', action: 'accept_quota', reason: 'Đơn vị đạt thành tích xuất sắc' });

    const a = await audit({ orgId: 'cb-a' });
    expect(a.entries.map(brief)).toEqual([
      ['Mở lại', 'cb-a', ADMIN, 'Bổ sung đảng viên chuyển đến'],
      ['Khóa', 'cb-a', ADMIN, null],
      ['Duyệt', 'cb-a', ADMIN, null],
      ['Nộp dữ liệu', 'cb-a', SECRETARY_A, null],
    ]);
    expect(a.entries[0]?.detail).toBe('Khóa → Đã nộp; hạn nộp riêng: 17:00 ngày 01/02/2099');
    expect(a.entries[3]).toMatchObject({ kind: 'submission', orgName: 'Chi bộ Công ty A', detail: 'Đã ghi nhận: 3 đảng viên — 3 mới thêm, 0 cập nhật, 0 không đổi, 0 xóa, 0 cảnh báo' });
    expect(a.nextPageToken).toBeNull();

    const whole = await audit({});
    expect(whole.entries.map((e) => e.actionLabel)).toEqual(['Chấp nhận vượt chỉ tiêu', 'Mở lại', 'Khóa', 'Duyệt', 'Nộp dữ liệu', 'Nộp dữ liệu', 'Áp dụng cấu hình']);
    expect(whole.entries.at(-1)).toMatchObject({ orgId: null, by: 'test', detail: '5 tài liệu tạo mới, 0 thay đổi, 0 tổ chức ngoài danh sách' });
    const times = whole.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));

    // Pages of 2: the same entries in the same order, each once.
    const paged: AuditEntryView[] = [];
    let token: string | null = null;
    let pages = 0;
    do {
      const page = await audit({ pageSize: 2, ...(token ? { pageToken: token } : {}) });
      paged.push(...page.entries);
      token = page.nextPageToken;
      pages++;
    } while (token !== null);
    expect(pages).toBe(4);
    expect(paged).toEqual(whole.entries);
  });

  it('entries at the very same instant are paged without loss or repetition', async () => {
    const at = '2025-12-01T03:00:00.000Z';
    const col = auditCol(h.stack.db, 'khoi-audit', 2025);
    for (const orgId of ['cb-a', 'cb-b', 'cb-c']) await col.add({ action: 'lock', orgId, by: ADMIN, at, reason: null, details: { from: 'not_submitted', to: 'locked' } });
    const seen: string[] = [];
    let token: string | null = null;
    do {
      const page = await audit({ pageSize: 1, ...(token ? { pageToken: token } : {}) });
      seen.push(...page.entries.map((e) => `${e.actionLabel}:${e.orgId ?? '-'}`));
      token = page.nextPageToken;
    } while (token !== null);
    expect(seen.sort()).toEqual(['Khóa:cb-a', 'Khóa:cb-b', 'Khóa:cb-c', 'Áp dụng cấu hình:-'].sort());
  });

  it('a forged page token or an unknown organisation is refused in Vietnamese', async () => {
    const bad = await h.post('adminAudit', { year: 2025, pageToken: 'not-a-token' }, ADMIN);
    expect([bad.status, (bad.json as { error: { code: string } }).error.code]).toEqual([400, 'BAD_REQUEST']);
    const unknown = await h.post('adminAudit', { year: 2025, orgId: 'cb-x' }, ADMIN);
    expect([unknown.status, unknown.json]).toEqual([404, { error: { code: 'ORG_NOT_FOUND', message: 'Không có tổ chức mã “cb-x” trong năm 2025. Hãy chọn lại tổ chức trong tiện ích.' } }]);
  });
});

describe('adminProgress and adminRemind', () => {
  it('progress: state, last submission, listed vs expected, warnings, own deadline; reminders once a day, recorded', async () => {
    await submit(SECRETARY_A, 'cb-a', 3);
    await action({ orgId: 'cb-a', action: 'reopen', reason: 'Gia hạn', until: '2099-02-01T17:00:00+07:00' });
    await submit(SECRETARY_B, 'cb-b', 4);
    const res = await h.post('adminProgress', { year: 2025 }, ADMIN);
    const progress = adminProgressAnswerSchema.parse(res.json);
    expect(progress.orgs.map((o) => [o.orgId, o.stateLabel, o.listed, o.expectedMembers, o.ownDeadline, o.deadlineText, o.lastSubmission?.by ?? null])).toEqual([
      ['cb-a', 'Đã nộp', 3, 3, true, '17:00 ngày 01/02/2099', SECRETARY_A],
      ['cb-b', 'Đã nộp', 4, 5, false, '17:00 ngày 15/01/2099', SECRETARY_B],
      ['cb-c', 'Chưa nộp', null, 4, false, '17:00 ngày 15/01/2099', null],
    ]);
    expect(progress.orgs[1]?.warnings).toEqual(['Danh sách có 4 đảng viên, khác số đảng viên dự kiến (5).']);

    const first = adminRemindAnswerSchema.parse((await h.post('adminRemind', { year: 2025 }, ADMIN)).json);
    expect(first.reminders).toEqual([{ orgId: 'cb-c', name: 'Chi bộ Công ty C', to: ['bithu.c@c.vn'], deadlineText: '17:00 ngày 15/01/2099' }]);
    expect(first.alreadyToday).toEqual([]);
    const before = await dumpTree(h.stack.db, ROOT);
    const second = adminRemindAnswerSchema.parse((await h.post('adminRemind', { year: 2025 }, ADMIN)).json);
    expect(second.reminders).toEqual([]);
    expect(second.alreadyToday).toEqual([{ orgId: 'cb-c', name: 'Chi bộ Công ty C', by: ADMIN, at: expect.any(String) }]);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
    const trail = await audit({ orgId: 'cb-c' });
    expect(trail.entries.map((e) => [e.actionLabel, e.by, e.detail])).toEqual([['Nhắc nộp', ADMIN, 'Gửi tới: bithu.c@c.vn']]);
    expect(adminProgressAnswerSchema.parse((await h.post('adminProgress', { year: 2025 }, ADMIN)).json).orgs.map((o) => o.remindedToday)).toEqual([false, false, true]);
  });
});
