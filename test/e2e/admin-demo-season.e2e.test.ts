import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgsCol, yearRef } from '../../functions/src/store/paths.js';
import { demoBlocConfig } from '../../local/src/demo/bloc-config.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import type { AddonSession } from '../support/addon/session.js';
import { confirmedAlerts, consoleCallRecorder } from '../support/addon/console-calls.js';
import { openAddon } from '../support/addon/flows.js';
import { TEST_AUDIENCE, useLocalStack } from '../support/functions/local-stack.js';

/**
 * The demo bloc's 2025 season driven from the console alone: the YAML file holds only the
 * bloc-level fields and 2024 (as a bloc starts); the admin creates 2025 with its 74
 * organisations from the sheet, then runs progress, actions, reminders, the trail and the
 * rollup. The console's calls do not grow with the organisations (but one orgAction per ticked
 * row and one e-mail per reminded organisation).
 */
const demo = demoBlocConfig();
const years = demo.years as Record<string, { orgs: { id: string; name: string; secretaries: string[]; expectedMembers: number }[] }>;
const orgs2025 = years['2025']?.orgs ?? [];
const CONFIG = JSON.stringify({ ...demo, oauthClientIds: [TEST_AUDIENCE], years: { 2024: years['2024'] } });
const ADMIN = 'van.phong@demo.khoi.vn';
const h = useLocalStack('demo-admin-season', CONFIG);
let admin: AddonSession;
const { calls, measured } = consoleCallRecorder(() => admin);

beforeAll(async () => {
  admin = await openAddon(h, ADMIN);
});
afterAll(async () => {
  await admin?.close();
  console.log(`demo season (74 organisations) service calls: ${JSON.stringify(calls)}`);
});

const lastAlert = async () => (await admin.uiLog()).alerts.at(-1);

describe.sequential('the demo season from the console', () => {
  it('creates year 2025 with its 74 organisations from the sheet', async () => {
    await admin.run('menuOpenSidebar');
    await admin.scriptPrompts({ text: '2025' });
    await measured('Tải cấu hình (năm mới)', () => admin.run('menuAdminLoadConfig'));
    expect((await lastAlert())?.text).toContain('Năm 2025 chưa được cấu hình');
    const sheet = 'Cấu hình 2025';
    expect((await admin.snapshot(sheet))?.values[3]?.slice(0, 2)).toEqual(['Hạn nộp', '15/01/2026 17:00']);
    await admin.edit(sheet, 'B4', [['15/01/2099 17:00'], ['31/12/2025']]);
    await admin.edit(sheet, 'A13', orgs2025.map((o) => [o.id, o.name, o.secretaries.join(', '), o.expectedMembers, '']));
    const [confirm, result] = await confirmedAlerts(admin, () => measured('Áp dụng cấu hình (74 tổ chức)', () => admin.run('menuAdminApplyConfig')));
    expect(confirm?.title).toBe('Áp dụng 80 thay đổi cho năm 2025?');
    expect(confirm?.text.split('\n').slice(0, 7)).toEqual([
      'Đổi hạn nộp: (chưa có) → 17:00 ngày 15/01/2099',
      'Đổi ngày đánh giá: (chưa có) → 31/12/2025',
      'Đổi quy định áp dụng: (chưa có) → Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW',
      'Đổi thang nêu gương: (chưa có) → Nêu gương tốt; Nêu gương; Chưa nêu gương',
      'Đổi chế độ chỉ tiêu: (chưa có) → cảnh báo',
      'Đổi tỉ lệ HTXSNV tối đa: (chưa có) → 20%',
      `Thêm tổ chức: ${orgs2025[0]?.name ?? ''} (org-01)`,
    ]);
    expect(result?.title).toBe('Đã áp dụng cấu hình năm 2025');
    expect((await orgsCol(h.stack.db, h.stack.blocId, 2025).count().get()).data().count).toBe(74);
    expect((await yearRef(h.stack.db, h.stack.blocId, 2025).get()).data()).toMatchObject({ evaluationDate: '2025-12-31', deadline: '2099-01-15T10:00:00.000Z' });
  });

  it('progress, actions on ticked rows, reminders, the trail and the rollup', async () => {
    for (const org of orgs2025.slice(0, 3)) {
      const res = await h.post('submit', { year: 2025, orgId: org.id, submissionId: `season-${org.id}-${Date.now()}`, sheet: { values: grid(validRows(4)) } }, org.secretaries[0] ?? '');
      expect(res.status).toBe(200);
    }
    await admin.scriptPrompts({ text: '2025' });
    await measured('Tiến độ (74 tổ chức)', () => admin.run('menuAdminProgress'));
    const progress = await admin.snapshot('Tiến độ 2025');
    expect(progress?.values.length).toBe(2 + 74);
    const rowOf = (orgId: string) => (progress?.values.findIndex((line) => line[1] === orgId) ?? -1) + 1;
    await admin.edit('Tiến độ 2025', `A${rowOf('org-01')}`, [[true]]);
    await admin.edit('Tiến độ 2025', `A${rowOf('org-02')}`, [[true]]);
    await measured('Duyệt (2 tổ chức)', () => admin.run('menuAdminApprove'));
    expect((await lastAlert())?.title).toBe('Duyệt: 2/2 tổ chức');

    await admin.scriptAlerts('YES');
    await measured('Nhắc nộp (71 tổ chức)', () => admin.run('menuAdminRemind'));
    expect(await admin.mails()).toHaveLength(71);
    await admin.scriptAlerts('YES');
    await admin.run('menuAdminRemind');
    expect(await admin.mails()).toHaveLength(71);

    await admin.scriptPrompts({ text: '' });
    await measured('Nhật ký (cả khối)', () => admin.run('menuAdminAudit'));
    const trail = await admin.snapshot('Nhật ký 2025');
    expect(trail?.values.slice(2).map((line) => line[2]).filter((a) => a === 'Nhắc nộp')).toHaveLength(71);

    await measured('Cập nhật bảng tổng hợp ngay', () => admin.run('menuAdminRollup'));
    expect(await lastAlert()).toEqual({ title: 'Đã cập nhật bảng tổng hợp năm 2025', text: '3/74 tổ chức đã nộp (4,1%): 3 đúng hạn, 0 muộn, 71 chưa nộp.' });
    expect(calls['Tiến độ (74 tổ chức)']?.urlFetch).toBe(1);
    expect(calls['Nhắc nộp (71 tổ chức)']).toMatchObject({ urlFetch: 1, mail: 71 });
  });
});
