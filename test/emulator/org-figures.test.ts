import { beforeEach, describe, expect, it } from 'vitest';
import { orgFiguresTemplate } from '../../functions/src/domain/org-figures.js';
import type { Cell } from '../../functions/src/domain/schema.js';
import { orgRef, submissionsCol } from '../../functions/src/store/paths.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { OPEN_DEADLINE, orgA, SECRETARY_A, testBloc } from '../fixtures/test-bloc.js';
import { dumpTree } from '../support/firestore/dump.js';
import { useLocalStack } from '../support/functions/local-stack.js';

/**
 * Issue 18: the organisation's own figures travel with the member list and are written in the
 * same transaction; an error in them rejects the whole submission and nothing is written.
 */
const CONFIG = testBloc('khoi-so-lieu', 'Đảng bộ Khối Số liệu', {
  2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3)], orgFiguresRequired: ['massesTotal', 'worksRegistered'] },
});
const ROOT = 'blocs/khoi-so-lieu';
const h = useLocalStack('demo-org-figures', CONFIG);
beforeEach(() => h.reset());

/** The template tab with “Số liệu” filled by figure label. */
function tab(values: Readonly<Record<string, Cell>>): Cell[][] {
  return orgFiguresTemplate(2025, []).map((row) => (typeof row[1] === 'string' && row[1] in values ? [row[0] ?? null, row[1], values[row[1]] ?? null, row[3] ?? null] : row));
}
const GOOD = { 'Số quần chúng': 40, 'Quần chúng tham gia học tập nghị quyết': 36, 'Công trình, phần việc đăng ký làm theo': 5, 'Công trình, phần việc hoàn thành': 4 };
let sequence = 0;
const request = (figures: Cell[][] | null) => ({
  year: 2025,
  orgId: 'cb-a',
  submissionId: `figures-${++sequence}-${Date.now()}`,
  sheet: { values: grid(validRows(3)) },
  ...(figures ? { orgFigures: { name: 'Số liệu tổ chức', values: figures } } : {}),
});
const org = async () => (await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data();

describe('submit with the organisation figures', () => {
  it('stores the figures on the organisation with the members, in one submission; blank stays null', async () => {
    const res = await h.post('submit', request(tab(GOOD)), SECRETARY_A);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ result: 'accepted', counts: { imported: 3, warnings: 0 } });
    const stored = await org();
    expect(stored?.orgFigures).toEqual({
      massesTotal: 40,
      massesStudied: 36,
      worksRegistered: 5,
      worksCompleted: 4,
      worksCommendedBloc: null,
      worksCommendedProvince: null,
      models: null,
      collectivesGrassroots: null,
      collectivesBloc: null,
      collectivesProvince: null,
      collectivesCentral: null,
    });
    expect(stored?.tally?.listed).toBe(3);

    // The same list and figures again: unchanged. Changed figures alone: accepted, members unchanged.
    const again = await h.post('submit', request(tab(GOOD)), SECRETARY_A);
    expect(again.json).toMatchObject({ result: 'unchanged' });
    const changed = await h.post('submit', request(tab({ ...GOOD, 'Mô hình, điển hình học tập và làm theo': 2 })), SECRETARY_A);
    expect(changed.json).toMatchObject({ result: 'accepted', counts: { unchanged: 3, imported: 0, updated: 0 } });
    expect((await org())?.orgFigures?.models).toBe(2);
  });

  it('a rejected figure rejects the whole submission: 422 with the located message, nothing written', async () => {
    const before = await dumpTree(h.stack.db, `${ROOT}/years/2025/orgs/cb-a`);
    const res = await h.post('submit', request(tab({ ...GOOD, 'Quần chúng tham gia học tập nghị quyết': 41 })), SECRETARY_A);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
      counts: { listed: 3, rejected: 0, errors: 1, warnings: 0 },
      issues: [
        {
          severity: 'error',
          code: 'ORG_FIGURE_EXCEEDS',
          row: 4,
          column: 'Số liệu',
          columnIndex: 2,
          message:
            'Trang “Số liệu tổ chức”, dòng 4, cột “Số liệu”: “Quần chúng tham gia học tập nghị quyết” là 41, lớn hơn “Số quần chúng” (40). Hãy kiểm tra lại hai số liệu này.',
        },
      ],
    });
    const after = await dumpTree(h.stack.db, `${ROOT}/years/2025/orgs/cb-a`);
    expect(after).toEqual(before);
    expect((await submissionsCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).size).toBe(0);
  });

  it('the year requires figures: a submission without the tab, or with a required figure blank, is refused', async () => {
    const none = await h.post('submit', request(null), SECRETARY_A);
    expect(none.status).toBe(422);
    expect((none.json as { issues: { code: string; message: string }[] }).issues.map((i) => i.message)).toEqual([
      'Chưa có trang “Số liệu tổ chức”. Năm 2025, Đảng bộ Khối yêu cầu báo cáo: “Số quần chúng”, “Công trình, phần việc đăng ký làm theo”. Hãy dùng “Tạo bảng đánh giá” để tạo trang rồi nhập số liệu.',
    ]);
    const blank = await h.post('submit', request(tab({ 'Số quần chúng': 40 })), SECRETARY_A);
    expect(blank.status).toBe(422);
    expect((blank.json as { issues: { code: string; row: number }[] }).issues.map((i) => [i.code, i.row])).toEqual([['ORG_FIGURE_REQUIRED', 5]]);
    expect(await org()).toMatchObject({ state: 'not_submitted', orgFigures: null, tally: null });
  });

  it('status tells the add-on which figures are required', async () => {
    const res = await h.post('status', { year: 2025 }, SECRETARY_A);
    expect((res.json as { settings: { orgFiguresRequired?: string[] } }).settings.orgFiguresRequired).toEqual(['massesTotal', 'worksRegistered']);
  });
});
