import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCol, orgRef, yearRef } from '../../functions/src/store/paths.js';
import { COLOURS } from '../../sheets-addon/src/texts/labels.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { ADMIN, LEADER, OPEN_DEADLINE, SECRETARY_A, SECRETARY_B, testBloc } from '../fixtures/test-bloc.js';
import { cellAt, serviceCallCounts } from '../support/addon/apps-script-fakes.js';
import type { AddonSession } from '../support/addon/session.js';
import { confirmedAlerts, consoleCallRecorder } from '../support/addon/console-calls.js';
import { openAddon } from '../support/addon/flows.js';
import { useLocalStack } from '../support/functions/local-stack.js';

/**
 * The admin console, end to end in the BUILT add-on (vm + Apps Script fakes, its UrlFetchApp
 * calls really reaching the functions on the emulator): a season driven without YAML or curl —
 * configuration sheet, check, diff and apply; progress with actions on ticked rows; the audit
 * trail; reminders through MailApp; the rollup. Then the menus of a leader and a secretary, and
 * the secretary refused (403, Vietnamese) by every admin endpoint the console calls.
 */
const CONFIG = testBloc('khoi-console', 'Đảng bộ Khối Bảng điều khiển', {
  2025: {
    deadline: OPEN_DEADLINE,
    orgs: [
      { id: 'cb-a', name: 'Chi bộ Công ty A', secretaries: [SECRETARY_A], expectedMembers: 3 },
      { id: 'cb-b', name: 'Chi bộ Công ty B', secretaries: [SECRETARY_B], expectedMembers: 4 },
      { id: 'cb-c', name: 'Chi bộ Công ty C', secretaries: ['bithu.c@c.vn'], expectedMembers: 2 },
    ],
  },
});
const h = useLocalStack('demo-admin-console', CONFIG);
const CONFIG_SHEET = 'Cấu hình 2025';
const PROGRESS_SHEET = 'Tiến độ 2025';

let admin: AddonSession;
const { calls, measured } = consoleCallRecorder(() => admin);

beforeAll(async () => {
  admin = await openAddon(h, ADMIN);
});
afterAll(async () => {
  await admin?.close();
  console.log(`admin console service calls: ${JSON.stringify(calls)}`);
});

const lastAlert = async (session: AddonSession = admin) => (await session.uiLog()).alerts.at(-1);
const lastMenu = async (session: AddonSession) => (await session.uiLog()).menus.at(-1)?.items.map((i) => i.caption) ?? [];

async function rowOf(sheet: string, orgId: string): Promise<number> {
  const snap = await admin.snapshot(sheet);
  const index = snap?.values.findIndex((line) => line[0] === orgId || line[1] === orgId) ?? -1;
  if (index < 0) throw new Error(`no row for ${orgId} in ${sheet}`);
  return index + 1;
}

const ADMIN_ITEMS = [
  'Quản trị: Tải cấu hình',
  'Quản trị: Kiểm tra cấu hình',
  'Quản trị: Áp dụng cấu hình',
  'Quản trị: Tiến độ',
  'Quản trị: Duyệt các tổ chức đã chọn',
  'Quản trị: Khóa các tổ chức đã chọn',
  'Quản trị: Mở lại các tổ chức đã chọn',
  'Quản trị: Chấp nhận vượt chỉ tiêu (đã chọn)',
  'Quản trị: Nhắc nộp',
  'Quản trị: Nhật ký',
  'Quản trị: Cập nhật bảng tổng hợp ngay',
];

describe.sequential('the admin console, as an admin', () => {
  it('the menu follows the server: an admin sees the console once status names the role', async () => {
    await admin.run('onOpen', { authMode: 'LIMITED' });
    expect(await lastMenu(admin)).not.toContain('Quản trị: Tải cấu hình');
    await admin.run('menuOpenSidebar');
    expect(await lastMenu(admin)).toEqual([
      'Mở bảng điều khiển',
      'Tạo bảng đánh giá',
      'Kiểm tra dữ liệu',
      'Gửi dữ liệu',
      '---',
      'Mở bảng tổng hợp',
      '---',
      ...ADMIN_ITEMS,
      '---',
      'Cài đặt địa chỉ máy chủ',
    ]);
    // The next time the file opens, the menu comes from the remembered roles (no request).
    await admin.resetCalls();
    await admin.run('onOpen', { authMode: 'LIMITED' });
    expect((await serviceCallCounts(admin)).urlFetch).toBe(0);
    expect(await lastMenu(admin)).toContain('Quản trị: Nhắc nộp');
  });

  it('Tải cấu hình writes the year as a sheet with header notes and dropdowns', async () => {
    await admin.scriptPrompts({ text: '2025' });
    await measured('Tải cấu hình', () => admin.run('menuAdminLoadConfig'));
    expect((await lastAlert())?.title).toBe('Đã tải cấu hình năm 2025');
    const snap = await admin.snapshot(CONFIG_SHEET);
    if (!snap) throw new Error('no config sheet');
    expect(snap.values.slice(3, 10).map((line) => line.slice(0, 2))).toEqual([
      ['Hạn nộp', '15/01/2099 17:00'],
      ['Ngày đánh giá', ''],
      ['Quy định áp dụng', ''],
      ['Thang nêu gương', 'Nêu gương tốt; Nêu gương; Chưa nêu gương'],
      ['Chế độ chỉ tiêu HTXSNV', 'Cảnh báo'],
      ['Tỉ lệ HTXSNV tối đa (%)', 20],
      ['Bảng tổng hợp (mã trang tính)', ''],
    ]);
    expect(snap.values[11]?.slice(0, 5)).toEqual(['Mã tổ chức', 'Tên tổ chức', 'E-mail bí thư', 'Số đảng viên dự kiến', 'Sáp nhập vào']);
    expect(snap.values.slice(12, 15).map((line) => line.slice(0, 4))).toEqual([
      ['cb-a', 'Chi bộ Công ty A', SECRETARY_A, 3],
      ['cb-b', 'Chi bộ Công ty B', SECRETARY_B, 4],
      ['cb-c', 'Chi bộ Công ty C', 'bithu.c@c.vn', 2],
    ]);
    expect(cellAt(snap, 'C12').note).toContain('nhiều địa chỉ cách nhau bằng dấu phẩy');
    expect(cellAt(snap, 'A4').note).toContain('ngày/tháng/năm giờ:phút');
    expect(snap.validations[7]?.[1]).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [['Cảnh báo', 'Chặn'], true] });
    expect(snap.values[1]?.[0]).toContain('chỉ sửa trong tệp cấu hình YAML');
  });

  it('a bad e-mail: located (red cell, note saying how to fix), nothing sent or applied', async () => {
    await admin.edit(CONFIG_SHEET, 'C14', [['bithu.b@']]);
    const before = (await admin.fetchLog()).length;
    await admin.run('menuAdminApplyConfig');
    expect((await admin.fetchLog()).length).toBe(before);
    const alert = await lastAlert();
    expect(alert?.title).toBe('Cấu hình có 1 lỗi');
    expect(alert?.text).toContain('Chưa gửi gì lên máy chủ.');
    expect(alert?.text).toContain('Dòng 14, cột C: không phải địa chỉ e-mail hợp lệ');
    const snap = await admin.snapshot(CONFIG_SHEET);
    if (!snap) throw new Error('no config sheet');
    expect(cellAt(snap, 'C14').background).toBe(COLOURS.error);
    expect(cellAt(snap, 'C14').note).toContain('⛔ không phải địa chỉ e-mail hợp lệ');
    expect((await orgRef(h.stack.db, 'khoi-console', 2025, 'cb-b').get()).data()?.secretaries).toEqual([SECRETARY_B]);
  });

  it('change a secretary and the deadline, add an organisation, name the summary: check, see the diff, confirm, applied and audited', async () => {
    await admin.edit(CONFIG_SHEET, 'C14', [['pho.bithu.b@b.vn, bithu.b@b.vn']]);
    await admin.edit(CONFIG_SHEET, 'B4', [['20/01/2099 17:00']]);
    await admin.edit(CONFIG_SHEET, 'B10', [['summary-sheet-2025']]);
    await admin.edit(CONFIG_SHEET, 'A16', [['cb-d', 'Chi bộ Công ty D', 'bithu.d@d.vn', 5, '']]);
    await measured('Kiểm tra cấu hình', () => admin.run('menuAdminCheckConfig'));
    expect(await lastAlert()).toEqual({ title: 'Cấu hình không có lỗi', text: expect.stringContaining('Đã kiểm tra 4 tổ chức') });
    expect(cellAt((await admin.snapshot(CONFIG_SHEET)) ?? (() => { throw new Error('no sheet'); })(), 'C14').background).not.toBe(COLOURS.error);

    const [confirm, result] = await confirmedAlerts(admin, () => measured('Áp dụng cấu hình (kiểm tra, xem thay đổi, xác nhận)', () => admin.run('menuAdminApplyConfig')));
    expect(confirm?.title).toBe('Áp dụng 4 thay đổi cho năm 2025?');
    expect(confirm?.text.split('\n').slice(0, 4)).toEqual([
      'Đổi hạn nộp: 17:00 ngày 15/01/2099 → 17:00 ngày 20/01/2099',
      'Đổi bảng tổng hợp: (chưa có) → summary-sheet-2025',
      'Thêm tổ chức: Chi bộ Công ty D (cb-d)',
      'Đổi bí thư của Chi bộ Công ty B (cb-b): bithu.b@b.vn → bithu.b@b.vn, pho.bithu.b@b.vn',
    ]);
    expect(result?.title).toBe('Đã áp dụng cấu hình năm 2025');
    expect(calls['Áp dụng cấu hình (kiểm tra, xem thay đổi, xác nhận)']?.urlFetch).toBe(2);
    expect((await orgRef(h.stack.db, 'khoi-console', 2025, 'cb-b').get()).data()?.secretaries).toEqual(['bithu.b@b.vn', 'pho.bithu.b@b.vn']);
    expect((await orgRef(h.stack.db, 'khoi-console', 2025, 'cb-d').get()).data()?.state).toBe('not_submitted');
    expect((await yearRef(h.stack.db, 'khoi-console', 2025).get()).data()).toMatchObject({ deadline: '2099-01-20T10:00:00.000Z', summarySpreadsheetId: 'summary-sheet-2025' });
    const audited = (await auditCol(h.stack.db, 'khoi-console', 2025).where('by', '==', ADMIN).get()).docs.map((d) => d.data().action);
    expect(audited).toEqual(['config']);
  });

  it('Tiến độ; approve two ticked (one refused with the server’s message), lock, reopen with reason and a new deadline, accept a quota', async () => {
    for (const [email, orgId, rows] of [[SECRETARY_A, 'cb-a', 3], [SECRETARY_B, 'cb-b', 4]] as const) {
      const res = await h.post('submit', { year: 2025, orgId, submissionId: `console-${orgId}-${Date.now()}`, sheet: { values: grid(validRows(rows)) } }, email);
      expect(res.status).toBe(200);
    }
    await admin.scriptPrompts({ text: '' });
    await measured('Tiến độ', () => admin.run('menuAdminProgress'));
    let snap = await admin.snapshot(PROGRESS_SHEET);
    expect(snap?.values[1]?.slice(0, 10)).toEqual(['Chọn', 'Mã', 'Tổ chức', 'Trạng thái', 'Lần nộp gần nhất', 'Người nộp', 'Đảng viên (nộp / dự kiến)', 'Cảnh báo', 'Hạn nộp', 'Nhắc hôm nay']);
    expect(snap?.values.slice(2).map((line) => [line[1], line[3], line[5], line[6], line[8]])).toEqual([
      ['cb-a', 'Đã nộp', SECRETARY_A, '3 / 3', '17:00 ngày 20/01/2099'],
      ['cb-b', 'Đã nộp', SECRETARY_B, '4 / 4', '17:00 ngày 20/01/2099'],
      ['cb-c', 'Chưa nộp', '', '– / 2', '17:00 ngày 20/01/2099'],
      ['cb-d', 'Chưa nộp', '', '– / 5', '17:00 ngày 20/01/2099'],
    ]);
    expect(snap?.validations[2]?.[0]).toMatchObject({ criteria: 'CHECKBOX' });
    expect(snap?.values[0]?.[0]).toBe('Tiến độ năm 2025 — Đảng bộ Khối Bảng điều khiển: 2/4 tổ chức đã nộp; hạn nộp chung 17:00 ngày 20/01/2099');

    const tick = async (...orgIds: string[]) => {
      for (const orgId of orgIds) await admin.edit(PROGRESS_SHEET, `A${await rowOf(PROGRESS_SHEET, orgId)}`, [[true]]);
    };
    await tick('cb-a', 'cb-c');
    await measured('Duyệt (2 tổ chức đã chọn)', () => admin.run('menuAdminApprove'));
    expect(await lastAlert()).toEqual({
      title: 'Duyệt: 1/2 tổ chức',
      text: 'Chi bộ Công ty A: Đã duyệt\nChi bộ Công ty C: không thực hiện được — Không thể “Duyệt” khi tổ chức đang ở trạng thái “Chưa nộp”.',
    });
    snap = await admin.snapshot(PROGRESS_SHEET);
    expect(snap?.values.slice(2).map((line) => [line[0], line[3]])).toEqual([[false, 'Đã duyệt'], [false, 'Đã nộp'], [false, 'Chưa nộp'], [false, 'Chưa nộp']]);

    await tick('cb-a', 'cb-b');
    await admin.scriptPrompts({ text: 'Kết thúc đợt nộp' });
    await measured('Khóa (2 tổ chức đã chọn)', () => admin.run('menuAdminLock'));
    expect((await lastAlert())?.title).toBe('Khóa: 2/2 tổ chức');

    await tick('cb-b');
    await admin.scriptPrompts({ text: 'Bổ sung đảng viên chuyển đến' }, { text: '25/01/2099 17:00' });
    await measured('Mở lại (lý do, hạn mới)', () => admin.run('menuAdminReopen'));
    expect(await lastAlert()).toEqual({ title: 'Mở lại: 1/1 tổ chức', text: 'Chi bộ Công ty B: Đã nộp' });
    expect((await orgRef(h.stack.db, 'khoi-console', 2025, 'cb-b').get()).data()?.deadlineOverride).toBe('2099-01-25T10:00:00.000Z');
    snap = await admin.snapshot(PROGRESS_SHEET);
    expect(snap?.values[(await rowOf(PROGRESS_SHEET, 'cb-b')) - 1]?.[8]).toBe('17:00 ngày 25/01/2099 (hạn riêng)');

    await tick('cb-b');
    await admin.scriptPrompts({ text: '' });
    await admin.run('menuAdminAcceptQuota');
    expect(await lastAlert()).toEqual({ title: 'Cần lý do', text: 'Thao tác “Chấp nhận vượt chỉ tiêu” cần ghi lý do. Chưa thực hiện thao tác nào.' });
    await admin.scriptPrompts({ text: 'Đơn vị có thành tích xuất sắc trong năm' });
    await admin.run('menuAdminAcceptQuota');
    expect((await lastAlert())?.title).toBe('Chấp nhận vượt chỉ tiêu: 1/1 tổ chức');
    expect((await orgRef(h.stack.db, 'khoi-console', 2025, 'cb-b').get()).data()?.acceptedQuotaReason).toBe('Đơn vị có thành tích xuất sắc trong năm');
  });

  it('Nhật ký shows each action with who, when and why, newest first', async () => {
    await admin.activate(PROGRESS_SHEET);
    await admin.scriptPrompts({ text: 'cb-b' });
    await measured('Nhật ký (một tổ chức)', () => admin.run('menuAdminAudit'));
    const snap = await admin.snapshot('Nhật ký 2025');
    expect(snap?.values[1]).toEqual(['Thời gian', 'Tổ chức', 'Việc', 'Người thực hiện', 'Lý do', 'Chi tiết']);
    expect(snap?.values.slice(2).map((line) => [line[1], line[2], line[3], line[4]])).toEqual([
      ['Chi bộ Công ty B', 'Chấp nhận vượt chỉ tiêu', ADMIN, 'Đơn vị có thành tích xuất sắc trong năm'],
      ['Chi bộ Công ty B', 'Mở lại', ADMIN, 'Bổ sung đảng viên chuyển đến'],
      ['Chi bộ Công ty B', 'Khóa', ADMIN, 'Kết thúc đợt nộp'],
      ['Chi bộ Công ty B', 'Nộp dữ liệu', SECRETARY_B, ''],
    ]);
    expect(snap?.values[3]?.[5]).toBe('Khóa → Đã nộp; hạn nộp riêng: 17:00 ngày 25/01/2099');
    expect(String(snap?.values[2]?.[0])).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
    await admin.activate(PROGRESS_SHEET);
    await admin.scriptPrompts({ text: '' });
    await measured('Nhật ký (cả khối)', () => admin.run('menuAdminAudit'));
    const whole = await admin.snapshot('Nhật ký 2025');
    expect(whole?.values.slice(2).map((line) => line[2])).toEqual(['Chấp nhận vượt chỉ tiêu', 'Mở lại', 'Khóa', 'Khóa', 'Duyệt', 'Nộp dữ liệu', 'Nộp dữ liệu', 'Áp dụng cấu hình', 'Áp dụng cấu hình']);
  });

  it('Nhắc nộp e-mails the secretaries of the organisations not submitted, once a day, recorded', async () => {
    await admin.activate(PROGRESS_SHEET);
    await admin.scriptAlerts('YES');
    await measured('Nhắc nộp', () => admin.run('menuAdminRemind'));
    const mails = await admin.mails();
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ['bithu.c@c.vn', '[Đảng bộ Khối Bảng điều khiển] Nhắc nộp kết quả đánh giá đảng viên năm 2025 — Chi bộ Công ty C'],
      ['bithu.d@d.vn', '[Đảng bộ Khối Bảng điều khiển] Nhắc nộp kết quả đánh giá đảng viên năm 2025 — Chi bộ Công ty D'],
    ]);
    expect(mails[0]?.body).toContain('Hạn nộp: 17:00 ngày 20/01/2099.');
    expect(mails[0]?.body).toContain('Tiện ích mở rộng → Đánh giá đảng viên → Tạo bảng đánh giá');
    expect((await lastAlert())?.text).toBe('Đã gửi nhắc nộp tới 2 tổ chức:\nChi bộ Công ty C (bithu.c@c.vn)\nChi bộ Công ty D (bithu.d@d.vn)');
    await admin.scriptAlerts('YES');
    await measured('Nhắc nộp (lần 2 trong ngày)', () => admin.run('menuAdminRemind'));
    expect(await admin.mails()).toHaveLength(2);
    expect((await lastAlert())?.text).toBe(`Không gửi e-mail nào.\n\nĐã được nhắc hôm nay, không gửi lại: Chi bộ Công ty C (bởi ${ADMIN}), Chi bộ Công ty D (bởi ${ADMIN}).`);
    const reminded = (await auditCol(h.stack.db, 'khoi-console', 2025).where('action', '==', 'remind').get()).docs.map((d) => d.data().orgId).sort();
    expect(reminded).toEqual(['cb-c', 'cb-d']);
  });

  it('Cập nhật bảng tổng hợp ngay: the answer shown; a second run says nothing changed', async () => {
    await measured('Cập nhật bảng tổng hợp ngay', () => admin.run('menuAdminRollup'));
    expect(await lastAlert()).toEqual({ title: 'Đã cập nhật bảng tổng hợp năm 2025', text: '2/4 tổ chức đã nộp (50%): 2 đúng hạn, 0 muộn, 2 chưa nộp.' });
    await admin.run('menuAdminRollup');
    expect(await lastAlert()).toEqual({ title: 'Chưa cập nhật bảng tổng hợp', text: 'Bảng tổng hợp năm 2025 đã cập nhật: không có dữ liệu mới kể từ lần tổng hợp trước.' });
  });
});

describe.sequential('a leader and a secretary', () => {
  it('a leader sees “Mở bảng tổng hợp” (which opens the summary) and no admin item', async () => {
    const leader = await openAddon(h, LEADER);
    try {
      await leader.run('menuOpenSidebar');
      expect(await lastMenu(leader)).toEqual(['Mở bảng điều khiển', '---', 'Mở bảng tổng hợp']);
      await leader.run('menuOpenSummary');
      const dialog = (await leader.uiLog()).sidebars.at(-1);
      expect(dialog?.title).toBe('Bảng tổng hợp');
      expect(dialog?.html).toContain('href="https://docs.google.com/spreadsheets/d/summary-sheet-2025/edit"');
    } finally {
      await leader.close();
    }
  });

  it('a secretary sees no admin item, and every admin endpoint the console calls answers 403 in Vietnamese', async () => {
    const secretary = await openAddon(h, SECRETARY_A);
    try {
      await secretary.run('menuOpenSidebar');
      expect(await lastMenu(secretary)).toEqual(['Mở bảng điều khiển', 'Tạo bảng đánh giá', 'Kiểm tra dữ liệu', 'Gửi dữ liệu']);
      const refusal = `Chỉ quản trị viên của Đảng ủy Khối mới được thực hiện thao tác này; tài khoản ${SECRETARY_A} không có quyền.`;
      const attempts: [string, () => Promise<void>][] = [
        ['menuAdminLoadConfig', () => secretary.scriptPrompts({ text: '2025' })],
        ['menuAdminProgress', () => secretary.scriptPrompts({ text: '2025' })],
        ['menuAdminAudit', () => secretary.scriptPrompts({ text: '2025' }, { text: '' })],
        ['menuAdminRemind', async () => { await secretary.scriptPrompts({ text: '2025' }); await secretary.scriptAlerts('YES'); }],
        ['menuAdminRollup', async () => undefined],
      ];
      for (const [entry, script] of attempts) {
        await script();
        const before = (await secretary.fetchLog()).length;
        await secretary.run(entry);
        const fetched = (await secretary.fetchLog()).slice(before);
        expect([entry, fetched.map((f) => f.outcome)]).toEqual([entry, [403]]);
        expect([entry, await lastAlert(secretary)]).toEqual([entry, { title: 'Không có quyền', text: `Tài khoản này không có quyền thực hiện thao tác với tổ chức đã chọn.\n\n${refusal}` }]);
      }
      expect(await secretary.mails()).toEqual([]);
      expect((await auditCol(h.stack.db, 'khoi-console', 2025).where('by', '==', SECRETARY_A).get()).size).toBe(0);
    } finally {
      await secretary.close();
    }
  });
});
