import { columnLetter } from '../../functions/src/domain/sheet.js';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRollup } from '../../functions/src/rollup/rollup-job.js';
import { summaryXlsxBuffer } from '../../local/src/xlsx/write-summary.js';
import { FIELDS } from '../../functions/src/domain/fields.js';
import { RATING } from '../../functions/src/domain/enums.js';
import { membersCol, orgRef, submissionsCol } from '../../functions/src/store/paths.js';
import { COLOURS } from '../../sheets-addon/src/texts/labels.js';
import { MARK_PREFIX } from '../../sheets-addon/src/sheet/marks.js';
import { sidebarStateSchema } from '../../sheets-addon/src/sidebar-model/sidebar-state.js';
import { groupText } from '../../sheets-addon/src/sidebar-model/issue-groups.js';
import { z } from 'zod';
import { cellAt, columnValues, serviceCallCounts, sidebarJson, type FetchRecord, type SheetSnapshot } from '../support/addon/apps-script-fakes.js';
import type { AddonSession } from '../support/addon/session.js';
import { createSheetThroughAddon, createThroughAddon, openAddon, submitThroughAddon } from '../support/addon/flows.js';
import { TEST_AUDIENCE, useLocalStack } from '../support/functions/local-stack.js';
import { grid, validRows, type RowSpec } from '../fixtures/sheet-grid.js';

/**
 * The secretary's whole path through the BUILT add-on (dist/Code.js in a worker thread, its
 * UrlFetchApp calls really reaching the functions served here on the emulator): server
 * address → template → check → fix → send → retry after a lost reply → refused when locked.
 */
const SCALE = ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương', 'Không nêu gương'];
const CONFIG = `
id: khoi-addon
name: Đảng bộ Khối Thử nghiệm
admins: [admin@khoi.vn]
support: "Văn phòng Đảng ủy Khối, 0236 3822 111"
oauthClientIds: [${TEST_AUDIENCE}]
years:
  2025:
    deadline: 15/01/2099 17:00
    exemplaryScale: [${SCALE.join(', ')}]
    orgs:
      - { id: cb-a, name: Chi bộ Công ty A, secretaries: [bithu.a@a.vn], expectedMembers: 6 }
      - { id: cb-c, name: Chi bộ Công ty C, secretaries: [bithu.a@a.vn], expectedMembers: 2 }
      - { id: cb-b, name: Chi bộ Công ty B, secretaries: [bithu.b@b.vn], expectedMembers: 500 }
  2024:
    deadline: 15/01/2025 17:00
    orgs:
      - { id: cb-a, name: Chi bộ Công ty A, secretaries: [bithu.a@a.vn], expectedMembers: 6 }
`;
const SECRETARY = 'bithu.a@a.vn';
const ADMIN = 'admin@khoi.vn';
const SHEET = 'Đánh giá 2025';
const h = useLocalStack('demo-addon-e2e', CONFIG);
const column = (header: string): number => FIELDS.findIndex((f) => f.header === header) + 1;
const STATUS_COLUMN = FIELDS.length + 1;

let session: AddonSession;
beforeAll(async () => {
  session = await openAddon(h, SECRETARY);
  await session.setScriptProperty('SERVER_URL', '');
});
afterAll(() => session?.close());

const lastSidebarOf = async (s: AddonSession) => sidebarStateSchema.parse(sidebarJson((await s.uiLog()).sidebars.at(-1)?.html ?? ''));
const lastSidebar = async () => sidebarStateSchema.parse(sidebarJson((await session.uiLog()).sidebars.at(-1)?.html ?? ''));
const lastAlert = async () => (await session.uiLog()).alerts.at(-1);
const snapshot = async (): Promise<SheetSnapshot> => {
  const snap = await session.snapshot(SHEET);
  if (!snap) throw new Error(`no sheet ${SHEET}`);
  return snap;
};
const submissionIdOf = (record: FetchRecord | undefined): string => z.object({ submissionId: z.string() }).parse(record?.body).submissionId;
const fills = (snap: SheetSnapshot, colour: string) =>
  snap.backgrounds.flatMap((line, r) => line.flatMap((fill, c) => (fill === colour ? [`${columnLetter(c)}${r + 1}`] : [])));

/** 6 members; errors at L3 (not a rating), L5 (score contradicts rating), C6 (card of row 2); a warning at L4 (new member rated). */
function rowsWithMistakes(): RowSpec[] {
  const rows = validRows(6);
  rows[1] = { ...rows[1], 'Xếp loại': 'Giỏi' };
  rows[2] = { ...rows[2], 'Ngày vào Đảng': '01/10/2025' };
  rows[3] = { ...rows[3], 'Điểm': 95 };
  rows[4] = { ...rows[4], 'Số thẻ đảng viên': '79.000001' };
  return rows;
}

describe.sequential('the add-on, end to end', () => {
  it('only an admin of the bloc may set the server address, from the menu; a foreign token audience is named', async () => {
    await session.scriptPrompts({ text: `${h.stack.baseUrl}/` });
    await session.run('menuSetServerUrl');
    expect(await lastAlert()).toEqual({ title: 'Chưa lưu địa chỉ máy chủ', text: 'Tài khoản bithu.a@a.vn không phải quản trị viên của Đảng bộ Khối Thử nghiệm nên không được đổi địa chỉ máy chủ.' });
    await session.setIdentity(ADMIN, await h.stack.token(ADMIN, { aud: 'other-client.apps.googleusercontent.com' }));
    await session.scriptPrompts({ text: h.stack.baseUrl });
    await session.run('menuSetServerUrl');
    expect((await lastAlert())?.text).toContain(
      'Mã ứng dụng (OAuth client ID) của tiện ích này là other-client.apps.googleusercontent.com. Hãy thêm mã này vào mục oauthClientIds',
    );
    await session.setIdentity(ADMIN, await h.stack.token(ADMIN));
    await session.scriptPrompts({ text: `${h.stack.baseUrl}/` });
    await session.run('menuSetServerUrl');
    expect(await lastAlert()).toEqual({ title: 'Đã lưu địa chỉ máy chủ', text: `Tiện ích sẽ gửi dữ liệu tới ${h.stack.baseUrl} (Đảng bộ Khối Thử nghiệm).` });
    expect((await session.properties('script')).SERVER_URL).toBe(h.stack.baseUrl);
    await session.setIdentity(SECRETARY, await h.stack.token(SECRETARY));
  });

  it('Tạo bảng đánh giá: the menu opens the sidebar’s dropdowns (no typed question); the chosen organisation’s template, with header notes, widths, protection and dropdowns', async () => {
    const created = await createThroughAddon(session, { orgNumber: 1 });
    expect(created.sheet).toBe(SHEET);
    expect((await session.uiLog()).prompts.map((p) => p.title)).toEqual(['Cài đặt địa chỉ máy chủ (dành cho quản trị viên)', 'Cài đặt địa chỉ máy chủ (dành cho quản trị viên)', 'Cài đặt địa chỉ máy chủ (dành cho quản trị viên)']);
    expect([created.view.nextStep, created.view.choices]).toEqual([
      'create',
      { year: 2025, years: [2025, 2024], orgs: [{ orgId: 'cb-a', name: 'Chi bộ Công ty A', stateLabel: 'Chưa nộp' }, { orgId: 'cb-c', name: 'Chi bộ Công ty C', stateLabel: 'Chưa nộp' }] },
    ]);
    const snap = (await session.snapshot(SHEET, { rows: 1000, columns: STATUS_COLUMN })) ?? (await snapshot());
    expect(snap.values[0]).toEqual([...FIELDS.map((f) => f.header), 'Trạng thái']);
    expect(snap.notes[0]?.slice(0, FIELDS.length).map((note, i) => note.startsWith(FIELDS[i]?.note ?? '?'))).toEqual(FIELDS.map(() => true));
    expect(snap.columnWidths.slice(0, FIELDS.length)).toEqual(FIELDS.map((f) => f.width));
    expect(snap.frozenRows).toBe(1);
    expect(snap.protections).toEqual([{ a1: 'A1:X1', description: expect.stringContaining('Dòng tiêu đề'), warningOnly: true }]);
    const rule = (row: number, header: string) => snap.validations[row - 1]?.[column(header) - 1];
    expect(rule(2, 'Xếp loại')).toEqual({ criteria: 'VALUE_IN_LIST', values: [RATING.choices.map((c) => c.label), true], allowInvalid: true });
    expect(rule(1000, 'Nêu gương')?.values[0]).toEqual(SCALE);
    expect(rule(2, 'Lãnh đạo, quản lý')?.values[0]).toEqual(['Có', 'Không']);
    // Issue 18: the leadership tier's dropdown is the validator's own list.
    expect(rule(2, 'Cấp lãnh đạo')?.values[0]).toEqual([
      'Bí thư đảng ủy, người đứng đầu cơ quan, đơn vị',
      'Bí thư chi bộ, người đứng đầu phòng, ban, đoàn thể và tương đương',
      'Không',
    ]);
    expect(rule(2, 'Điểm')).toMatchObject({ criteria: 'NUMBER_BETWEEN', values: [0, 100] });
    expect(rule(2, 'Họ và tên')).toBeNull();
    // Card number and date columns are plain text on every data row, the header and other columns automatic.
    const plainColumns = (row: number) => (snap.numberFormats[row - 1] ?? []).flatMap((format, i) => (format === '@' ? [FIELDS[i]?.header] : []));
    expect([plainColumns(1), plainColumns(2), plainColumns(1000)]).toEqual([[], ['Số thẻ đảng viên', 'Ngày sinh', 'Ngày vào Đảng'], ['Số thẻ đảng viên', 'Ngày sinh', 'Ngày vào Đảng']]);
    await session.type(SHEET, 'C2', [['79.012010', '1985']]);
    expect((await snapshot()).values[1]?.slice(2, 4)).toEqual(['79.012010', '1985']); // typed text stays text
    await session.edit(SHEET, 'C2', [['', '']]);
    expect(created.state.notice).toMatchObject({ kind: 'success', title: 'Đã tạo bảng đánh giá' });
    expect(created.state.target).toMatchObject({ orgName: 'Chi bộ Công ty A', year: 2025, stateLabel: 'Chưa nộp', deadlineText: '17:00 ngày 15/01/2099' });
  });

  it('Kiểm tra dữ liệu marks exactly the bad cells, offline, and lists them in the sidebar', async () => {
    await session.edit(SHEET, 'A1', grid(rowsWithMistakes()));
    const fetchesBefore = (await session.fetchLog()).length;
    await session.run('menuCheck');
    expect((await session.fetchLog()).length).toBe(fetchesBefore);
    const snap = await snapshot();
    expect(fills(snap, COLOURS.error)).toEqual(['L3', 'L5', 'C6']);
    expect(fills(snap, COLOURS.warning)).toEqual(['L4']);
    expect(cellAt(snap, 'C6').note).toBe(`${MARK_PREFIX.error}Số thẻ đảng viên “79.000001” trùng với dòng 2. Mỗi đảng viên chỉ ghi một dòng; hãy xóa dòng trùng hoặc sửa số thẻ.`);
    expect(cellAt(snap, 'L5').note).toMatch(/^⛔ Lỗi: Điểm 95 ứng với mức HTXSNV/);
    expect(cellAt(snap, 'L4').note).toMatch(/^⚠️ Cảnh báo: Đảng viên vào Đảng ngày 01\/10\/2025/);
    expect(cellAt(snap, 'L1').note).toBe(`${FIELDS[column('Xếp loại') - 1]?.note} (Bắt buộc.)`);
    const state = await lastSidebar();
    expect(state.notice).toMatchObject({ kind: 'error', title: 'Có 3 lỗi' });
    expect(state.issues?.list.map((i) => [i.severity, i.rows, i.columnIndex])).toEqual([
      ['error', [3], 11],
      ['warning', [4], 11],
      ['error', [5], 11],
      ['error', [6], 2],
    ]);
  });

  it('after the fixes only the warning stays marked', async () => {
    await session.edit(SHEET, 'L3', [['Hoàn thành tốt nhiệm vụ']]);
    await session.edit(SHEET, `${columnLetter(column('Điểm') - 1)}5`, [[85]]);
    await session.edit(SHEET, 'C6', [['79.000005']]);
    await session.run('menuCheck');
    const snap = await snapshot();
    expect(fills(snap, COLOURS.error)).toEqual([]);
    expect(fills(snap, COLOURS.warning)).toEqual(['L4']);
    expect([cellAt(snap, 'L3').note, cellAt(snap, 'C6').note]).toEqual(['', '']);
    expect((await lastSidebar()).notice).toMatchObject({ kind: 'warning', title: 'Không có lỗi, có cảnh báo' });
  });

  it('Gửi dữ liệu: one request; per-row status, the receipt, the members in Firestore and the new state', async () => {
    const before = (await session.fetchLog()).length;
    const { alert, snapshot: snap } = await submitThroughAddon(session, SHEET, null);
    const fetches = (await session.fetchLog()).slice(before);
    expect(fetches.map((f) => [f.url, f.outcome])).toEqual([[`${h.stack.baseUrl}/submit`, 200]]);
    expect(fetches[0]?.authorization).toMatch(/^Bearer ey/);
    const submissionId = submissionIdOf(fetches[0]);
    expect(alert.title).toBe('Đã gửi dữ liệu');
    expect(alert.text).toContain('Đảng ủy Khối đã ghi nhận danh sách 6 đảng viên của Chi bộ Công ty A năm 2025: 6 mới thêm, 0 cập nhật, 0 không đổi, 0 xóa khỏi danh sách.');
    expect(columnValues(snap, STATUS_COLUMN)).toEqual(['Trạng thái', ...Array(6).fill('Mới thêm')]);
    expect(fills(snap, COLOURS.warning)).toEqual(['L4']);
    const log = await session.snapshot('Nhật ký gửi');
    expect(log?.values[1]?.slice(1)).toEqual([2025, 'Chi bộ Công ty A', submissionId, 'Đã ghi nhận', 6, 6, 0, 0, 0, 0, 1, SECRETARY, '']);
    const members = (await membersCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).docs.map((d) => d.data());
    expect(members.map((m) => [m.row, m.cardNumber, m.fullName]).sort()).toEqual(validRows(6).map((r, i) => [i + 2, r['Số thẻ đảng viên'], r['Họ và tên']]).sort());
    const org = (await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data();
    expect([org?.state, org?.lastSubmission?.by, org?.lastSubmission?.submissionId]).toEqual(['submitted', SECRETARY, submissionId]);
    expect((await lastSidebar()).target).toMatchObject({ stateLabel: 'Đã nộp', lastSubmission: { by: SECRETARY, submissionId } });
  });

  it('a lost reply is retried with the SAME submission id, which the server recognises', async () => {
    await session.edit(SHEET, 'K3', [[60, 'Hoàn thành nhiệm vụ']]);
    // The first fetch is the dry run (the list is already stored: might it remove anyone?).
    await session.failNextFetch({ kind: 'pass' }, { kind: 'throw-after' });
    const before = (await session.fetchLog()).length;
    const { alert, snapshot: snap } = await submitThroughAddon(session, SHEET, null);
    const dryRun = (await session.fetchLog()).slice(before, before + 1);
    expect(dryRun.map((f) => [f.outcome, z.object({ dryRun: z.boolean() }).parse(f.body).dryRun])).toEqual([[200, true]]);
    const fetches = (await session.fetchLog()).slice(before + 1);
    expect(fetches.map((f) => f.outcome)).toEqual(['network-error', 200]);
    const ids = fetches.map(submissionIdOf);
    expect(ids[0]).toBe(ids[1]);
    expect(await session.sleeps()).toEqual([2_000]);
    expect(alert.text).toContain('0 mới thêm, 1 cập nhật, 5 không đổi');
    expect(columnValues(snap, STATUS_COLUMN, 2)).toEqual(['Không đổi', 'Đã cập nhật', 'Không đổi', 'Không đổi', 'Không đổi', 'Không đổi']);
    const audits = (await submissionsCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).docs.map((d) => d.id);
    expect(audits.filter((id) => id === ids[0])).toHaveLength(1);
    const member = (await membersCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').doc('79.000002').get()).data();
    expect([member?.rating, member?.score]).toEqual(['HTNV', 60]);
    expect((await session.snapshot('Nhật ký gửi'))?.values[2]?.[13]).toBe('Gửi thành công ở lần thử thứ 2.');
  });

  it('a locked organisation: the Vietnamese lock message, naming who can reopen, and nothing written', async () => {
    expect((await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'lock' }, ADMIN)).status).toBe(200);
    await session.edit(SHEET, 'B2', [['Đảng viên Một (sửa)']]);
    const { alert } = await submitThroughAddon(session, SHEET, null);
    expect(alert.title).toBe('Tổ chức đang khóa nhận dữ liệu');
    expect(alert.text).toMatch(/^Dữ liệu chưa được ghi nhận\. Tổ chức không nhận thêm dữ liệu vào lúc này\.\n\nDữ liệu của tổ chức đã bị khóa \(lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\)\. Chỉ quản trị viên \(admin@khoi\.vn\) mới có thể mở khóa\.\n\nCần hỗ trợ: Văn phòng Đảng ủy Khối, 0236 3822 111$/);
    expect((await membersCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').doc('79.000001').get()).data()?.fullName).toBe('Đảng viên 1');
    expect((await session.snapshot('Nhật ký gửi'))?.values[3]?.[4]).toBe('Bị từ chối');
    expect((await lastSidebar()).target).toMatchObject({ canSubmit: false, lockMessage: expect.stringContaining('mới có thể mở khóa') });
    await session.run('menuOpenSidebar'); // re-reads the state from the server
    expect((await lastSidebar()).target).toMatchObject({ stateLabel: 'Khóa', canSubmit: false, lastSubmission: { by: SECRETARY } });
  });

  it('the rollup turns what the add-on sent into the summary workbook', async () => {
    const outcome = await runRollup({ db: h.stack.db, blocId: h.stack.blocId, now: () => new Date() }, 2025, { force: true });
    if (outcome.status !== 'written') throw new Error(`rollup skipped: ${outcome.reason}`);
    const workbook = new ExcelJS.Workbook();
    const buffer = await summaryXlsxBuffer(outcome.model);
    const bytes = new ArrayBuffer(buffer.byteLength);
    new Uint8Array(bytes).set(buffer);
    await workbook.xlsx.load(bytes);
    const byOrg = workbook.getWorksheet('Theo tổ chức');
    const header = byOrg?.getRow(1).values;
    const rowOf = (name: string) => {
      let found: ExcelJS.CellValue[] = [];
      byOrg?.eachRow((row) => {
        if (row.getCell(2).value === name) found = Array.isArray(row.values) ? row.values : [];
      });
      return found;
    };
    const cell = (values: ExcelJS.CellValue[], title: string) => values[Array.isArray(header) ? header.indexOf(title) : -1];
    const orgA = rowOf('Chi bộ Công ty A');
    // What the secretary sent through the add-on: 6 members, one changed to HTNV by the retried send, then locked.
    expect([cell(orgA, 'Trạng thái'), cell(orgA, 'Số đảng viên trong danh sách'), cell(orgA, 'HTTNV'), cell(orgA, 'HTNV')]).toEqual(['Khóa', 6, 5, 1]);
    expect(cell(rowOf('Chi bộ Công ty C'), 'Trạng thái')).toBe('Chưa nộp');
    expect(outcome.rollup.submission).toMatchObject({ total: 3, submitted: 1, missing: 2 });
  });
});

describe.sequential('removals are confirmed before they are sent', () => {
  const ORG_C = 'Chi bộ Công ty C';
  let c: AddonSession;
  let sheet = '';
  const width = STATUS_COLUMN;
  /** The first n members, the rows below blanked (the secretary deleted them). */
  const firstMembers = (n: number, total = 10): unknown[][] => [...grid(validRows(n)), ...Array.from({ length: total - n }, () => Array<string>(width).fill(''))];
  const storedCards = async () => (await membersCol(h.stack.db, h.stack.blocId, 2025, 'cb-c').get()).docs.map((d) => d.id).sort();
  const audits = async () => (await submissionsCol(h.stack.db, h.stack.blocId, 2025, 'cb-c').get()).size;
  const send = async (values: unknown[][], ...replies: ('YES' | 'NO')[]) => {
    await c.edit(sheet, 'A1', values);
    await c.activate(sheet);
    const [alerts, fetches] = [(await c.uiLog()).alerts.length, (await c.fetchLog()).length];
    await c.scriptAlerts(...replies);
    await c.run('menuSubmit');
    return { alerts: (await c.uiLog()).alerts.slice(alerts), fetches: (await c.fetchLog()).slice(fetches) };
  };
  const bodyOf = (record: FetchRecord | undefined) => z.object({ dryRun: z.boolean().optional(), submissionId: z.string() }).parse(record?.body);

  beforeAll(async () => {
    c = await openAddon(h, SECRETARY);
    sheet = await createSheetThroughAddon(c, { orgNumber: 2 });
  });
  afterAll(() => c?.close());

  it('a first send removes nobody and asks nothing: one request', async () => {
    const { alerts, fetches } = await send(grid(validRows(10)));
    expect(fetches.map((f) => [f.url, f.outcome])).toEqual([[`${h.stack.baseUrl}/submit`, 200]]);
    expect(alerts.map((a) => a.title)).toEqual(['Đã gửi dữ liệu']);
    expect(await storedCards()).toHaveLength(10);
  });

  it('one member removed: the dry run names them, the secretary confirms, the send removes them', async () => {
    const { alerts, fetches } = await send(firstMembers(9), 'YES');
    expect(fetches.map((f) => [f.url, f.outcome, bodyOf(f).dryRun])).toEqual([
      [`${h.stack.baseUrl}/submit`, 200, true],
      [`${h.stack.baseUrl}/submit`, 200, undefined],
    ]);
    expect(bodyOf(fetches[0]).submissionId).not.toBe(bodyOf(fetches[1]).submissionId);
    expect(alerts).toEqual([
      {
        title: 'Xác nhận xóa đảng viên khỏi danh sách',
        text: `Bảng lần này không còn 1 đảng viên có trong danh sách đã nộp của ${ORG_C} năm 2025. Nếu gửi, các đồng chí sau sẽ bị xóa khỏi danh sách:\n• Đảng viên 10 (79.000010)\n\nBấm “Có” để gửi, “Không” để xem lại bảng (chưa có gì được gửi).`,
      },
      expect.objectContaining({ title: 'Đã gửi dữ liệu', text: expect.stringContaining('0 mới thêm, 0 cập nhật, 9 không đổi, 1 xóa khỏi danh sách.') }),
    ]);
    expect(await storedCards()).toEqual(validRows(9).map((r) => r['Số thẻ đảng viên']).sort());
  });

  it('more than a fifth removed (5 of 9): a second question; answered “Không”, nothing is sent or written', async () => {
    const auditsBefore = await audits();
    const { alerts, fetches } = await send(firstMembers(4, 9), 'YES', 'NO');
    expect(fetches.map((f) => bodyOf(f).dryRun)).toEqual([true]);
    expect(alerts.map((a) => a.title)).toEqual(['Xác nhận xóa đảng viên khỏi danh sách', 'Xác nhận lần hai: xóa nhiều đảng viên', 'Chưa gửi dữ liệu']);
    expect(alerts[0]?.text).toContain('• Đảng viên 5 (79.000005)\n• Đảng viên 6 (79.000006)\n• Đảng viên 7 (79.000007)\n• Đảng viên 8 (79.000008)\n• Đảng viên 9 (79.000009)\n\n');
    expect(alerts[1]?.text).toBe(
      'Lần gửi này xóa 5 trong số 9 đảng viên đã nộp (55,6%), hơn một phần năm danh sách. Nếu bảng bị thiếu dòng (lọc, ẩn hoặc xóa nhầm), hãy bấm “Không” rồi kiểm tra lại. Bấm “Có” nếu đồng chí chắc chắn muốn xóa.',
    );
    expect(await storedCards()).toHaveLength(9);
    expect(await audits()).toBe(auditsBefore);
    expect((await c.snapshot('Nhật ký gửi'))?.values).toHaveLength(3); // header + the two sends above: no receipt for a send that never left
  });

  it('answered “Không” at the first question: only the dry run, nothing written', async () => {
    const auditsBefore = await audits();
    const { alerts, fetches } = await send(firstMembers(8, 9), 'NO');
    expect(fetches.map((f) => bodyOf(f).dryRun)).toEqual([true]);
    expect(alerts.map((a) => a.title)).toEqual(['Xác nhận xóa đảng viên khỏi danh sách', 'Chưa gửi dữ liệu']);
    expect([await storedCards(), await audits()]).toEqual([validRows(9).map((r) => r['Số thẻ đảng viên']).sort(), auditsBefore]);
  });
});

describe.sequential('the sidebar shows the next step', () => {
  it('no sheet linked: the organisation dropdown and “Tạo bảng đánh giá” first; then check, then send; an 8-character receipt code', async () => {
    const d = await openAddon(h, SECRETARY);
    try {
      await d.run('menuOpenSidebar');
      const opened = await lastSidebarOf(d);
      expect([opened.support, opened.nextStep, opened.target, opened.choices]).toEqual([
        'Văn phòng Đảng ủy Khối, 0236 3822 111',
        'create',
        null,
        { year: 2025, years: [2025, 2024], orgs: [{ orgId: 'cb-a', name: 'Chi bộ Công ty A', stateLabel: 'Khóa' }, { orgId: 'cb-c', name: 'Chi bộ Công ty C', stateLabel: 'Đã nộp' }] },
      ]);
      const before = (await d.sheetNames()).length;
      const created = sidebarStateSchema.parse(await d.run('sidebarCreate', 2025, 'cb-c'));
      expect((await d.sheetNames()).length).toBe(before + 2); // the list and its “Số liệu tổ chức” tab
      expect([created.nextStep, created.choices, created.target?.orgName, created.target?.badge]).toEqual(['check', null, 'Chi bộ Công ty C', { label: 'Đã nộp', tone: 'submitted' }]);
      await d.edit(created.sheetName, 'A1', grid(validRows(9)));
      expect(sidebarStateSchema.parse(await d.run('sidebarCheck')).nextStep).toBe('submit');
      const sent = sidebarStateSchema.parse(await d.run('sidebarSubmit'));
      const id = sent.target?.lastSubmission?.submissionId ?? '';
      expect(sent.target?.lastSubmission?.receiptCode).toBe(id.replace(/-/g, '').slice(0, 8).toUpperCase());
      expect(sent.target?.lastSubmission?.receiptCode).toMatch(/^[0-9A-F]{8}$/);
      expect(sent.notice?.text).toContain(`Mã biên nhận: ${sent.target?.lastSubmission?.receiptCode ?? '?'} (mã đầy đủ ở trang tính “Nhật ký gửi”).`);
      expect((await d.snapshot('Nhật ký gửi'))?.values[1]?.[3]).toBe(id);
      expect(sent.nextStep).toBe('check');
      expect(await d.run('sidebarCreate', 2025, 'cb-b')).toMatchObject({ nextStep: 'create', choices: { year: 2025 }, notice: { kind: 'error', title: 'Không chọn được tổ chức' } });
    } finally {
      await d.close();
    }
  });

  it('a list typed into a sheet the template did not make: “Gắn trang tính này” links it as it is, and it is checked and sent', async () => {
    const d = await openAddon(h, SECRETARY);
    try {
      const [plain] = await d.sheetNames();
      if (plain === undefined) throw new Error('the spreadsheet has no sheet');
      await d.edit(plain, 'A1', grid(validRows(9)));
      await d.activate(plain);
      await d.run('menuOpenSidebar');
      expect((await lastSidebarOf(d)).target).toBeNull();
      const sheetsBefore = await d.sheetNames();
      expect(await d.run('sidebarLink', 2025, 'cb-b')).toMatchObject({ target: null, notice: { kind: 'error', title: 'Không chọn được tổ chức' } });
      const linked = sidebarStateSchema.parse(await d.run('sidebarLink', 2025, 'cb-c'));
      expect([linked.sheetName, linked.target?.orgName, linked.nextStep, linked.choices, linked.notice?.title]).toEqual([plain, 'Chi bộ Công ty C', 'check', null, 'Đã gắn trang tính']);
      expect(await d.sheetNames()).toEqual(sheetsBefore); // no new sheet, no template
      expect((await d.snapshot(plain))?.values[1]?.[1]).toBe(validRows(9)[0]?.['Họ và tên']);
      expect(sidebarStateSchema.parse(await d.run('sidebarCheck')).nextStep).toBe('submit');
      const posts = (await d.fetchLog()).length;
      const sent = sidebarStateSchema.parse(await d.run('sidebarSubmit'));
      expect((await d.fetchLog()).slice(posts).map((f) => new URL(f.url).pathname)).toContain('/submit');
      expect(sent.notice?.kind).not.toBe('error');
      expect(sent.target?.orgId).toBe('cb-c');
    } finally {
      await d.close();
    }
  });
});

describe('service calls do not grow with rows', () => {
  it('Kiểm tra dữ liệu and Gửi dữ liệu of 50 and of 500 members: the same spreadsheet calls; a resubmission is two UrlFetch (the dry run, the send)', async () => {
    const other = await openAddon(h, 'bithu.b@b.vn');
    try {
      const sheet = await createSheetThroughAddon(other);
      await submitThroughAddon(other, sheet, grid(validRows(10))); // the first send also creates “Nhật ký gửi”
      const measure = async (n: number) => {
        await other.edit(sheet, 'A1', grid(validRows(n)));
        await other.activate(sheet);
        await other.resetCalls();
        await other.run('menuCheck');
        const check = await serviceCallCounts(other);
        await other.resetCalls();
        const { alert } = await submitThroughAddon(other, sheet, null);
        expect(alert.title).toBe('Đã gửi dữ liệu');
        return { check, submit: await serviceCallCounts(other) };
      };
      // From the sidebar, right after the menu's send of the same rows: the progress its poll reads, as many writes at 50 rows as at 500.
      const fromSidebar = async (n: number) => {
        await other.edit(sheet, 'A1', grid(validRows(n)));
        await other.activate(sheet);
        await other.resetCalls();
        const puts = (await other.cachePuts()).length;
        const sent = sidebarStateSchema.parse(await other.run('sidebarSubmit', `send-${n}-abcdefgh`));
        expect(sent.notice?.title).toBe('Dữ liệu không thay đổi'); // the menu's send just stored these rows
        const progress = (await other.cachePuts()).slice(puts).map((p) => JSON.parse(p.value) as { phase: string; done: number; total: number });
        return { calls: await serviceCallCounts(other), progress };
      };
      const small = await measure(50);
      const sidebar50 = await fromSidebar(50);
      const large = await measure(500);
      const sidebar500 = await fromSidebar(500);
      expect(large).toEqual(small);
      expect([small.check.cache, small.submit.cache]).toEqual([0, 0]); // the menu: nothing polls, nothing is written
      expect(sidebar500.calls).toEqual(sidebar50.calls);
      expect([sidebar50.calls.cache, sidebar50.calls.urlFetch]).toEqual([15, 2]);
      expect(sidebar500.progress.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
        'read 0/0',
        ...Array.from({ length: 11 }, (_, i) => `check ${i * 50}/500`),
        'compare 500/500',
        'send 500/500',
        'write 500/500',
      ]);
      expect([small.check.spreadsheet, small.submit.spreadsheet]).toEqual([22, 32]); // 3 of them read the “Số liệu tổ chức” tab
      expect(small.submit.urlFetch).toBe(2);
      expect(small.check.urlFetch).toBe(0);
      expect(small.submit.byMethod).toMatchObject({ 'Range.getValues': 2, 'Range.setBackgrounds': 1, 'Range.setNotes': 1, 'Range.setValues': 1 });
      // One read of the list and one of the “Số liệu tổ chức 2025” tab the template created (issue 18).
      expect((await membersCol(h.stack.db, h.stack.blocId, 2025, 'cb-b').count().get()).data().count).toBe(500);
    } finally {
      await other.close();
    }
  });
});

describe('an answer that carries only a few warnings of a kind', () => {
  it('after Gửi dữ liệu every warned cell is still marked: the add-on completes the answer with its own check', async () => {
    const other = await openAddon(h, 'bithu.b@b.vn');
    try {
      const sheet = await createSheetThroughAddon(other);
      await other.scriptAlerts('YES', 'YES'); // the 500 members sent above are removed: confirmed twice
      const shown = (await other.uiLog()).alerts.length;
      await submitThroughAddon(other, sheet, grid(validRows(60, { 'Ngày sinh': '15/03/1985', 'Ngày vào Đảng': '14/03/2003' })));
      // The answer held 20 of the 60 (test/support/corpus/dates-limits.ts checks the counts).
      expect((await other.uiLog()).alerts.slice(shown).at(-1)?.title).toBe('Đã gửi dữ liệu');
      const snap = await other.snapshot(sheet);
      if (!snap) throw new Error('no sheet');
      const letter = columnLetter(column('Ngày vào Đảng') - 1);
      const marked = Array.from({ length: 60 }, (_, i) => cellAt(snap, `${letter}${String(i + 2)}`).note).filter((note) => note.startsWith(MARK_PREFIX.warning));
      expect(marked).toHaveLength(60);
    } finally {
      await other.close();
    }
  });
});

describe.sequential('Tạo bảng đánh giá from last year’s accepted list', () => {
  let c: AddonSession;
  beforeAll(async () => {
    // 2024 is past its deadline: the admin reopens it and the secretary sends last year's list.
    const reopen = await h.post('orgAction', { year: 2024, orgId: 'cb-a', action: 'reopen', reason: 'Nhập danh sách năm trước', until: '2099-01-15T17:00:00+07:00' }, ADMIN);
    expect(reopen.status).toBe(200);
    const rows = validRows(3);
    rows[2] = { ...rows[2], 'Ngày sinh': 1990, 'Lãnh đạo, quản lý': 'Không', 'Giới tính': 'Nữ', 'Xếp loại': 'Không hoàn thành nhiệm vụ', 'Kỷ luật trong năm': 'Khiển trách' };
    expect((await h.post('submit', { year: 2024, orgId: 'cb-a', submissionId: 'carry-2024-cb-a', sheet: { values: grid(rows) } }, SECRETARY)).status).toBe(200);
    c = await openAddon(h, SECRETARY);
  });
  afterAll(() => c?.close());

  it('“Có”: the 2024 members are copied with who they are, the 2025 evaluation columns empty; one check lists the missing ratings as one entry', async () => {
    const before = (await c.fetchLog()).length;
    await c.scriptAlerts('YES');
    const { sheet, state } = await createThroughAddon(c, { orgNumber: 1 });
    const fetches = (await c.fetchLog()).slice(before);
    // The create view's dropdowns, the check of the choice, last year's list.
    expect(fetches.map((f) => [f.url.slice(h.stack.baseUrl.length), f.outcome, f.body])).toEqual([
      ['/status', 200, {}],
      ['/status', 200, { year: 2025 }],
      ['/carryOver', 200, { year: 2025, orgId: 'cb-a' }],
    ]);
    const question = (await c.uiLog()).alerts.at(-1);
    expect(question).toEqual({
      title: 'Bắt đầu từ danh sách năm 2024?',
      text: 'Đảng ủy Khối có danh sách 3 đảng viên của Chi bộ Công ty A năm 2024. Bấm “Có” để chép sang bảng mới họ và tên, số thẻ, ngày sinh, giới tính, ngày vào Đảng, chức vụ, lãnh đạo quản lý, trình độ chuyên môn và lý luận chính trị; các cột đánh giá năm 2025 (điểm, xếp loại, nêu gương, nhận xét nơi cư trú, học tập, làm theo, kỷ luật, khen thưởng) để trống. Bấm “Không” để bắt đầu với bảng trống.',
    });
    const snap = await c.snapshot(sheet);
    const empty = Array<string>(STATUS_COLUMN - 10).fill('');
    expect(snap?.values.slice(1)).toEqual([
      [1, 'Đảng viên 1', '79.000001', '15/03/1985', 'Nam', '03/02/2010', 'Trưởng phòng', 'Có', 'Đại học', 'Trung cấp', ...empty],
      [2, 'Đảng viên 2', '79.000002', '15/03/1985', 'Nam', '03/02/2010', 'Trưởng phòng', 'Có', 'Đại học', 'Trung cấp', ...empty],
      [3, 'Đảng viên 3', '79.000003', '1990', 'Nữ', '03/02/2010', 'Trưởng phòng', 'Không', 'Đại học', 'Trung cấp', ...empty],
    ]);
    expect(state.notice?.text).toContain('Đã chép 3 đảng viên từ danh sách năm 2024.');
    await c.run('menuCheck');
    const groups = (await lastSidebarOf(c)).issues?.list.map(groupText) ?? [];
    expect(groups).toContain('Dòng 2, 3, 4, cột “Xếp loại”: Chưa nhập “Xếp loại”. Đây là thông tin bắt buộc.');
  });

  it('“Không”: the template stays empty; an organisation without a 2024 list is not asked', async () => {
    const other = await openAddon(h, SECRETARY);
    try {
      await other.scriptAlerts('NO');
      const sheet = await createSheetThroughAddon(other, { orgNumber: 1 });
      expect((await other.uiLog()).alerts.map((a) => a.title)).toEqual(['Bắt đầu từ danh sách năm 2024?']);
      expect((await other.snapshot(sheet))?.values.length).toBe(1);
      const asked = (await c.uiLog()).alerts.length;
      const sheetC = await createSheetThroughAddon(c, { orgNumber: 2 });
      expect([(await c.uiLog()).alerts.length - asked, (await c.fetchLog()).at(-1)?.outcome, (await c.snapshot(sheetC))?.values.length]).toEqual([0, 200, 1]);
    } finally {
      await other.close();
    }
  });
});
