import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { sidebarStateSchema } from '../../../sheets-addon/src/sidebar-model/sidebar-state.js';
import { groupText } from '../../../sheets-addon/src/sidebar-model/issue-groups.js';
import { COLOURS } from '../../../sheets-addon/src/texts/labels.js';
import { MARK_PREFIX } from '../../../sheets-addon/src/sheet/marks.js';
import { ADDON_DIST, AppsScriptEnvironment, cellAt, columnValues, serviceCallCounts, sidebarJson } from '../../support/addon/apps-script-fakes.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { problems } from '../../../functions/src/domain/problems.js';
import { problemBody } from '../../../functions/src/http/wrap.js';
import { grid, validRows, type RowSpec } from '../../fixtures/sheet-grid.js';

/** The BUILT dist/Code.js in a vm with Apps Script fakes, offline (no transport). */
const SHEET = 'Trang tính1';
let env: AppsScriptEnvironment;
beforeEach(() => {
  env = new AppsScriptEnvironment({ user: 'bithu.a@a.vn', identityToken: 'unused-offline' });
});

const lastSidebar = () => {
  const sidebars = env.uiLog().sidebars;
  return sidebarStateSchema.parse(sidebarJson(sidebars[sidebars.length - 1]?.html ?? ''));
};

describe('the bundle', () => {
  it('is at most 300 KB: Apps Script parses it on every menu click (minified, without zod’s unused translations)', () => {
    const code = readFileSync(join(ADDON_DIST, 'Code.js'), 'utf8');
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(300_000);
    expect(code).not.toContain('Ungültige Eingabe'); // zod's German messages: one of the translations left out
  });

  it('declares a top-level function for every entry, refers to no Node module, and asks only the six scopes (send_mail for Nhắc nộp)', () => {
    const code = readFileSync(join(ADDON_DIST, 'Code.js'), 'utf8');
    for (const name of ['onOpen', 'onInstall', 'menuCreateSheet', 'menuCheck', 'menuSubmit', 'menuSetServerUrl', 'menuOpenSidebar', 'sidebarCheck', 'sidebarSubmit', 'sidebarRefresh', 'sidebarState', 'sidebarCreate', 'sidebarLink', 'sidebarProgress', 'selectCell']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(code).not.toMatch(/\brequire\(|node:/);
    const manifest: unknown = JSON.parse(readFileSync(join(ADDON_DIST, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({
      runtimeVersion: 'V8',
      oauthScopes: [
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.external_request',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.send_mail',
        'openid',
        'https://www.googleapis.com/auth/userinfo.email',
      ],
    });
  });

  it('onOpen builds the “Đánh giá đảng viên” menu and touches nothing else (AuthMode.NONE)', async () => {
    env.run('onOpen', { authMode: 'NONE' });
    expect(env.uiLog().menus).toEqual([
      {
        title: 'Đánh giá đảng viên',
        items: [
          { caption: 'Mở bảng điều khiển', functionName: 'menuOpenSidebar' },
          { caption: 'Tạo bảng đánh giá', functionName: 'menuCreateSheet' },
          { caption: 'Kiểm tra dữ liệu', functionName: 'menuCheck' },
          { caption: 'Gửi dữ liệu', functionName: 'menuSubmit' },
          { caption: '---', functionName: '' },
          { caption: 'Cài đặt địa chỉ máy chủ', functionName: 'menuSetServerUrl' },
        ],
      },
    ]);
    expect((await serviceCallCounts(env)).byMethod).toEqual({ 'SpreadsheetApp.getUi': 1, 'Ui.createAddonMenu': 1 });
  });
});

describe('Kiểm tra dữ liệu, offline', () => {
  const badRows = (): RowSpec[] => {
    const rows = validRows(4);
    rows[0] = { ...rows[0], 'Xếp loại': 'Giỏi' }; // row 2, column L
    rows[2] = { ...rows[2], 'Số thẻ đảng viên': '', 'Giới tính': 'Khác' }; // row 4, columns C and E
    return rows;
  };

  it('marks exactly the bad cells with a note, lists them in the sidebar, then clears them once fixed', () => {
    env.edit(SHEET, 'A1', grid(badRows()));
    env.run('menuCheck');
    const snap = env.snapshot(SHEET);
    if (!snap) throw new Error('no sheet');
    const marked = snap.backgrounds.flatMap((line, r) => line.flatMap((fill, c) => (fill === COLOURS.error ? [`${r + 1}:${c}`] : [])));
    expect(marked).toEqual(['2:11', '4:2', '4:4']);
    expect(cellAt(snap, 'L2').note).toBe(`${MARK_PREFIX.error}Giá trị “Giỏi” không hợp lệ. Hãy chọn một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ, Không xếp loại.`);
    expect(cellAt(snap, 'C4').note).toBe(`${MARK_PREFIX.error}Chưa nhập “Số thẻ đảng viên”. Đây là thông tin bắt buộc.`);
    const state = lastSidebar();
    expect(state.notice).toMatchObject({ kind: 'error', title: 'Có 3 lỗi' });
    expect(state.issues?.list.map((i) => [i.rows, i.columnIndex])).toEqual([[[2], 11], [[4], 2], [[4], 4]]);
    expect(env.uiLog().toasts.at(-1)?.title).toBe('Có 3 lỗi');

    env.edit(SHEET, 'A1', grid(validRows(4)));
    env.run('menuCheck');
    const fixed = env.snapshot(SHEET);
    expect(fixed?.backgrounds.flat().every((fill) => fill === '#ffffff')).toBe(true);
    expect(fixed?.notes.flat().every((note) => note === '')).toBe(true);
    expect(lastSidebar().notice).toMatchObject({ kind: 'success', title: 'Không có lỗi' });
  });

  it('40 identical problems are one sidebar entry whose 40 rows are links; the notes stay one per cell', () => {
    const rows = validRows(45);
    for (let i = 0; i < 40; i++) rows[i] = { ...rows[i], 'Xếp loại': 'Giỏi' };
    rows[44] = { ...rows[44], 'Số thẻ đảng viên': '79.000001' };
    env.edit(SHEET, 'A1', grid(rows));
    env.run('menuCheck');
    const state = lastSidebar();
    expect(state.issues).toMatchObject({ errors: 41, warnings: 0, more: 0 });
    expect(state.issues?.list.map((g) => [g.severity, g.rows.length, g.rows[0], g.rows.at(-1), g.columnIndex, g.moreText])).toEqual([
      ['error', 40, 2, 41, 11, 'và 37 dòng khác'],
      ['error', 1, 46, 46, 2, null],
    ]);
    expect(state.issues?.list[0]?.rows).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    expect(state.issues?.list.map(groupText)).toEqual([
      'Dòng 2, 3, 4 và 37 dòng khác, cột “Xếp loại”: Giá trị “Giỏi” không hợp lệ. Hãy chọn một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ, Không xếp loại.',
      'Dòng 46, cột “Số thẻ đảng viên”: Số thẻ đảng viên “79.000001” trùng với dòng 2. Mỗi đảng viên chỉ ghi một dòng; hãy xóa dòng trùng hoặc sửa số thẻ.',
    ]);
    const snap = env.snapshot(SHEET);
    if (!snap) throw new Error('no sheet');
    const notedRows = snap.notes.flatMap((line, r) => (line[11]?.startsWith(MARK_PREFIX.error) === true ? [r + 1] : []));
    expect(notedRows).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
    env.run('selectCell', SHEET, 37, 11);
    expect(env.activeRange()).toEqual({ sheet: SHEET, a1: 'L37' });
  });

  it('a card number Google Sheets turned into a number (a sheet without the template’s plain-text column) is warned about at its cell', () => {
    env.edit(SHEET, 'A1', grid(validRows(3)));
    env.type(SHEET, 'C3', [['79.012010']]);
    expect(env.snapshot(SHEET)?.values[2]?.[2]).toBe(79012010);
    env.run('menuCheck');
    const snap = env.snapshot(SHEET);
    if (!snap) throw new Error('no sheet');
    expect(cellAt(snap, 'C3')).toMatchObject({
      background: COLOURS.warning,
      note: `${MARK_PREFIX.warning}Ô số thẻ đang là một con số (“79012010”), không phải chữ: Google Trang tính có thể đã đổi số thẻ (coi dấu chấm là dấu phân cách hàng nghìn, bỏ số 0 ở cuối). Hãy chọn cột “Số thẻ đảng viên”, chọn Định dạng → Số → Văn bản thuần, rồi nhập lại số thẻ đúng như trên thẻ (ví dụ 79.012010).`,
    });
    expect(lastSidebar().issues?.list.map((g) => [g.severity, g.rows, g.columnIndex])).toEqual([['warning', [3], 2]]);
  });

  it('reads Date cells as their day in the spreadsheet time zone', () => {
    const values: unknown[][] = grid(validRows(2));
    values[1]![5] = new Date(Date.UTC(2010, 1, 2, 17)); // “03/02/2010” typed in a Vietnam-time sheet
    values[2]![3] = new Date(Date.UTC(1899, 11, 29, 17)); // a time-only cell: day 30/12/1899 → invalid birth date
    env.edit(SHEET, 'A1', values);
    env.run('menuCheck');
    expect(lastSidebar().issues?.list.map(groupText)).toEqual([
      'Dòng 3, cột “Ngày sinh”: Ngày sinh “30/12/1899” không hợp lệ. Hãy nhập ngày/tháng/năm (15/03/1985) hoặc năm sinh (1985).',
    ]);
  });

  it('the sidebar’s “Kiểm tra dữ liệu” button gets the same result as its state', () => {
    env.edit(SHEET, 'A1', grid(badRows()));
    const state = sidebarStateSchema.parse(env.run('sidebarCheck'));
    expect(state.issues).toMatchObject({ errors: 3, warnings: 0, more: 0 });
    expect(env.uiLog().sidebars).toEqual([]);
  });

  it('jumps to the cell of an issue clicked in the sidebar', () => {
    env.edit(SHEET, 'A1', grid(badRows()));
    env.run('selectCell', SHEET, 4, 2);
    expect(env.activeRange()).toEqual({ sheet: SHEET, a1: 'C4' });
  });

  it('the number of spreadsheet calls does not grow with rows (100 vs 500)', async () => {
    const measure = async (n: number) => {
      const fresh = new AppsScriptEnvironment({ user: 'a@b.vn', identityToken: 'x' });
      const rows = validRows(n);
      rows[n - 1] = { ...rows[n - 1], 'Xếp loại': 'Giỏi' };
      fresh.edit(SHEET, 'A1', grid(rows));
      fresh.resetCalls();
      fresh.run('menuCheck');
      return serviceCallCounts(fresh);
    };
    const [small, large] = [await measure(100), await measure(500)];
    expect(large).toEqual(small);
    expect(small.urlFetch).toBe(0);
    expect(small.byMethod).toMatchObject({ 'Range.getValues': 1, 'Range.setBackgrounds': 1, 'Range.setNotes': 1 });
  });
});

describe('the progress a sidebar run leaves for the sidebar’s poll', () => {
  const checkWithProgress = (n: number) => {
    const fresh = new AppsScriptEnvironment({ user: 'a@b.vn', identityToken: 'x' });
    fresh.edit(SHEET, 'A1', grid(validRows(n)));
    fresh.resetCalls();
    const runId = `run-${n}-abcdefgh`;
    fresh.run('sidebarCheck', runId);
    return { env: fresh, runId, calls: fresh.calls(), puts: fresh.cachePuts() };
  };

  it('Kiểm tra dữ liệu: read, every tenth of the rows, then the marks; as many cache writes at 50 rows as at 500', () => {
    const small = checkWithProgress(50);
    const large = checkWithProgress(500);
    const progressOf = (run: typeof small) => run.puts.map((p) => [p.key, JSON.parse(p.value), p.seconds]);
    const steps = (n: number) => [
      { phase: 'read', done: 0, total: 0 },
      ...Array.from({ length: 11 }, (_, i) => ({ phase: 'check', done: (n / 10) * i, total: n })),
      { phase: 'write', done: n, total: n },
    ];
    expect(progressOf(small)).toEqual(steps(50).map((p) => ['progress:run-50-abcdefgh', p, 600]));
    expect(progressOf(large).map(([, p]) => p)).toEqual(steps(500));
    expect([small.calls.cache, large.calls.cache]).toEqual([13, 13]);
    expect(large.calls.spreadsheet).toBe(small.calls.spreadsheet);
    // The poll reads the run's last report, and nothing for a run it does not know.
    expect(small.env.run('sidebarProgress', small.runId)).toEqual({ phase: 'write', done: 50, total: 50 });
    expect(small.env.run('sidebarProgress', 'run-unknown-1')).toBeNull();
    expect(small.env.run('sidebarProgress', 'not an id')).toBeNull();
  });

  it('the menu’s check (nothing polls it) writes no progress', () => {
    env.edit(SHEET, 'A1', grid(validRows(20)));
    env.resetCalls();
    env.run('menuCheck');
    expect([env.calls().cache, env.cachePuts()]).toEqual([0, []]);
  });
});

describe('Tạo bảng đánh giá from the menu', () => {
  it('opens the sidebar in its create view (dropdowns), asks no typed question', () => {
    env.documentProps.setProperty('choices', JSON.stringify({ year: 2025, years: [2025], orgs: [{ orgId: 'cb-a', name: 'Chi bộ Công ty A', stateLabel: 'Chưa nộp' }] }));
    env.run('menuCreateSheet'); // offline: the choices the last status call left
    expect(env.uiLog().prompts).toEqual([]);
    expect(lastSidebar()).toMatchObject({ nextStep: 'create', choices: { year: 2025, orgs: [{ orgId: 'cb-a' }] }, target: null });
  });
});

describe('without a server', () => {
  it('Gửi dữ liệu says the admin must set the server address and sends nothing', () => {
    env.edit(SHEET, 'A1', grid(validRows(2)));
    env.run('menuSubmit');
    expect(env.uiLog().alerts).toEqual([
      { title: 'Chưa cài đặt địa chỉ máy chủ', text: expect.stringContaining('Hãy báo quản trị viên dùng mục “Cài đặt địa chỉ máy chủ”') },
    ]);
    expect(env.fetchLog()).toEqual([]);
  });

  it('the sidebar page carries its script and a state the shared schema accepts', () => {
    env.run('menuOpenSidebar');
    const html = env.uiLog().sidebars[0]?.html ?? '';
    const script = /<script>\n([\s\S]*)\n<\/script>/.exec(html)?.[1] ?? '';
    expect(script).toContain('google.script.run');
    expect(() => new vm.Script(script)).not.toThrow(); // the inlined sidebar bundle is valid JavaScript
    expect(lastSidebar()).toEqual({ sheetName: SHEET, serverConfigured: false, nextStep: 'create', support: null, choices: null, target: null, notice: null, issues: null });
  });
});

describe('answers the server may give (replies scripted on the fake UrlFetchApp)', () => {
  const bind = () => {
    env.setScriptProperty('SERVER_URL', 'https://khoi.example');
    const target = {
      year: 2025, orgId: 'cb-a', orgName: 'Chi bộ Công ty A', expectedMembers: 3, blocName: 'Đảng bộ Khối', timeZone: 'Asia/Ho_Chi_Minh',
      state: 'not_submitted', deadline: '2099-01-15T10:00:00.000Z', deadlineText: '17:00 ngày 15/01/2099', canSubmit: true, lockMessage: null, lastSubmission: null,
    };
    env.documentProps.setProperty('target:0', JSON.stringify(target));
    env.edit(SHEET, 'A1', grid(validRows(3)));
  };

  it('each state its own badge; not submitted past the deadline is “Quá hạn”; the primary button follows the check', () => {
    bind();
    const badge = () => lastSidebar().target?.badge;
    env.run('menuCheck');
    expect([badge(), lastSidebar().nextStep]).toEqual([{ label: 'Chưa nộp', tone: 'not_submitted' }, 'submit']);
    env.edit(SHEET, 'L2', [['Giỏi']]);
    env.run('menuCheck');
    expect(lastSidebar().nextStep).toBe('check');
    const stored = JSON.parse(env.documentProps.getProperty('target:0') ?? '{}') as Record<string, unknown>;
    const tones: [string, string, string][] = [];
    for (const [state, deadline] of [['not_submitted', '2020-01-15T10:00:00.000Z'], ['submitted', '2020-01-15T10:00:00.000Z'], ['approved', '2099-01-15T10:00:00.000Z'], ['locked', '2099-01-15T10:00:00.000Z']] as const) {
      env.documentProps.setProperty('target:0', JSON.stringify({ ...stored, state, deadline }));
      env.run('menuCheck');
      tones.push([state, badge()?.label ?? '', badge()?.tone ?? '']);
    }
    expect(tones).toEqual([
      ['not_submitted', 'Quá hạn', 'overdue'],
      ['submitted', 'Đã nộp', 'submitted'],
      ['approved', 'Đã duyệt', 'approved'],
      ['locked', 'Khóa', 'locked'],
    ]);
  });

  it('422 (the server found errors the offline check did not): marks, “Bị từ chối” / “Chưa ghi nhận”, a receipt', () => {
    bind();
    const rows = validRows(3);
    rows[1] = { ...rows[1], 'Xếp loại': 'Giỏi' };
    const server = validateSheet(grid(rows), { year: 2025 });
    const body = problemBody(problems.validationFailed(server.errorCount, {
      counts: { listed: server.listed, rejected: server.rejectedRows.length, errors: server.errorCount, warnings: server.warningCount },
      rows: server.rejectedRows.map((row) => ({ row, cardNumber: null, status: 'rejected' })),
      issues: server.issues,
      issuesTruncated: false,
    }));
    env.failNextFetch({ kind: 'reply', status: 422, body: JSON.stringify(body) });
    env.run('menuSubmit');
    expect(env.uiLog().alerts.at(-1)?.title).toBe('Bảng còn lỗi');
    const snap = env.snapshot(SHEET);
    if (!snap) throw new Error('no sheet');
    expect(columnValues(snap, 24)).toEqual(['Trạng thái', 'Chưa ghi nhận', 'Bị từ chối', 'Chưa ghi nhận']);
    expect(cellAt(snap, 'L3').background).toBe(COLOURS.error);
    expect(env.snapshot('Nhật ký gửi')?.values[1]?.slice(4, 6)).toEqual(['Bị từ chối (bảng có lỗi)', 3]);
  });

  it('5xx every time: five attempts with backoff (about 37 s, past a stale transaction lock), the same submission id, then a Vietnamese message', () => {
    bind();
    const down = { kind: 'reply', status: 503, body: '<html>Service Unavailable</html>' } as const;
    env.failNextFetch(down, down, down, down, down);
    env.run('menuSubmit');
    const ids = env.fetchLog().map((f) => JSON.stringify(f.body).match(/"submissionId":"([^"]+)"/)?.[1]);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(1);
    expect(env.sleeps()).toEqual([2_000, 5_000, 10_000, 20_000]);
    expect(env.uiLog().alerts.at(-1)).toEqual({
      title: 'Máy chủ đang gặp sự cố',
      text: 'Dữ liệu chưa được ghi nhận. Máy chủ đang gặp sự cố tạm thời. Đã thử 5 lần. Hãy thử lại sau ít phút.',
    });
    expect(env.snapshot('Nhật ký gửi')?.values[1]?.[4]).toBe('Chưa gửi được');
    expect(env.snapshot(SHEET)?.values[0]).toHaveLength(23);
  });
});
