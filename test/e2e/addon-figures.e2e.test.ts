import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgRef, submissionsCol } from '../../functions/src/store/paths.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { sidebarStateSchema } from '../../sheets-addon/src/sidebar-model/sidebar-state.js';
import { sidebarJson } from '../support/addon/apps-script-fakes.js';
import { createSheetThroughAddon, openAddon, submitThroughAddon } from '../support/addon/flows.js';
import type { AddonSession } from '../support/addon/session.js';
import { TEST_AUDIENCE, useLocalStack } from '../support/functions/local-stack.js';

/**
 * Issue 18 through the BUILT add-on: “Tạo bảng đánh giá” also creates the tab “Số liệu tổ chức
 * 2025” (notes, number-only cells); “Gửi dữ liệu” sends it with the list, the server stores it;
 * a figure error found offline stops the send.
 */
const CONFIG = `
id: khoi-addon-so-lieu
name: Đảng bộ Khối Thử nghiệm
admins: [admin@khoi.vn]
oauthClientIds: [${TEST_AUDIENCE}]
years:
  2025:
    deadline: 15/01/2099 17:00
    orgs:
      - { id: cb-a, name: Chi bộ Công ty A, secretaries: [bithu.a@a.vn], expectedMembers: 3 }
`;
const SECRETARY = 'bithu.a@a.vn';
const TAB = 'Số liệu tổ chức 2025';
const h = useLocalStack('demo-addon-figures', CONFIG);
let session: AddonSession;
beforeAll(async () => {
  session = await openAddon(h, SECRETARY);
});
afterAll(() => session?.close());
const audits = async () => (await submissionsCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).size;

describe.sequential('the “Số liệu tổ chức” tab in the add-on', () => {
  it('the template creates it: title, header, one row per figure, a note and a number rule on each value cell', async () => {
    expect(await createSheetThroughAddon(session)).toBe('Đánh giá 2025');
    expect(await session.sheetNames()).toContain(TAB);
    const snap = await session.snapshot(TAB, { rows: 13, columns: 4 });
    if (!snap) throw new Error('no figures tab');
    expect(snap.values.slice(0, 3)).toEqual([
      ['Số liệu của tổ chức cơ sở đảng năm 2025', '', '', ''],
      ['STT', 'Chỉ tiêu', 'Số liệu', 'Ghi chú'],
      [1, 'Số quần chúng', '', 'Số cán bộ, công chức, viên chức, người lao động của cơ quan, đơn vị không phải là đảng viên, tính đến cuối năm.'],
    ]);
    expect(snap.values.map((r) => r[1]).slice(2)).toHaveLength(11);
    expect(snap.notes[3]?.[2]).toBe(
      'Quần chúng tham gia học tập nghị quyết: Số quần chúng tham gia học tập, quán triệt nghị quyết trong năm; không lớn hơn số quần chúng. Để trống nếu không báo cáo (không phải 0).',
    );
    expect(snap.validations[2]?.[2]).toMatchObject({ criteria: 'NUMBER_BETWEEN', values: [0, 10_000_000] });
  });

  it('Gửi dữ liệu sends the tab with the list; the organisation stores the figures, blank as not reported', async () => {
    await session.edit(TAB, 'C3', [[40], [36], [5], [4]]);
    const { alert } = await submitThroughAddon(session, 'Đánh giá 2025', grid(validRows(3)));
    expect(alert.title).toBe('Đã gửi dữ liệu');
    const org = (await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data();
    expect(org?.orgFigures).toMatchObject({ massesTotal: 40, massesStudied: 36, worksRegistered: 5, worksCompleted: 4, models: null, collectivesCentral: null });
    expect(org?.tally?.listed).toBe(3);
  });

  it('a figure error found offline stops the send, with the located Vietnamese message', async () => {
    const before = await audits();
    await session.edit(TAB, 'C4', [[41]]);
    const { alert } = await submitThroughAddon(session, 'Đánh giá 2025', null);
    expect(alert).toEqual({
      title: 'Trang “Số liệu tổ chức 2025” có 1 lỗi',
      text: 'Trang “Số liệu tổ chức”, dòng 4, cột “Số liệu”: “Quần chúng tham gia học tập nghị quyết” là 41, lớn hơn “Số quần chúng” (40). Hãy kiểm tra lại hai số liệu này. Chưa gửi dữ liệu.',
    });
    expect(await audits()).toBe(before);
    // “Kiểm tra dữ liệu” reads the tab too, offline: the sidebar names the error.
    const fetches = (await session.fetchLog()).length;
    await session.activate('Đánh giá 2025');
    await session.run('menuCheck');
    expect((await session.fetchLog()).length).toBe(fetches);
    const state = sidebarStateSchema.parse(sidebarJson((await session.uiLog()).sidebars.at(-1)?.html ?? ''));
    expect(state.notice).toMatchObject({ kind: 'error', title: 'Trang “Số liệu tổ chức 2025” có 1 lỗi' });
    expect((await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data()?.orgFigures?.massesStudied).toBe(36);
  });
});
