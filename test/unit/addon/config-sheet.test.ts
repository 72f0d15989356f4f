import { describe, expect, it } from 'vitest';
import { checkConfigSheet, configGrid, HEADER_ROW, locate, readConfigSheet } from '../../../sheets-addon/src/admin/config-sheet.js';

/** The console's configuration sheet, pure: grid ↔ request, issues of the server's schema located to their cells. */
const LOADED = {
  deadline: '15/01/2026 17:00',
  evaluationDate: '31/12/2025',
  rulePack: null,
  exemplaryScale: ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'],
  quotaMode: 'error' as const,
  quotaPercent: 20,
  summarySpreadsheetId: null,
  orgs: [
    { id: 'cb-a', name: 'Chi bộ A', secretaries: ['a@a.vn', 'b@a.vn'], expectedMembers: 1200 },
    { id: 'cb-b', name: 'Chi bộ B', secretaries: ['c@b.vn'], expectedMembers: 4 },
  ],
  mergedInto: { 'cb-x': 'cb-a' },
};
const format = (date: Date, pattern: string) => `${pattern}@${date.toISOString()}`;

describe('the configuration sheet', () => {
  it('reads back what it wrote, merges included; the server schema finds nothing', () => {
    const { values } = configGrid(2025, 'Khối', LOADED);
    const parsed = readConfigSheet(values, format);
    expect(parsed.config).toEqual({
      deadline: '15/01/2026 17:00',
      evaluationDate: '31/12/2025',
      exemplaryScale: ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'],
      quotaMode: 'error',
      quotaPercent: 20,
      orgs: [
        { id: 'cb-a', name: 'Chi bộ A', secretaries: ['a@a.vn', 'b@a.vn'], expectedMembers: 1200 },
        { id: 'cb-b', name: 'Chi bộ B', secretaries: ['c@b.vn'], expectedMembers: 4 },
      ],
      mergedInto: { 'cb-x': 'cb-a' },
    });
    expect(parsed.orgRows).toEqual([HEADER_ROW + 1, HEADER_ROW + 2]);
    expect(checkConfigSheet(parsed, 2025, 'Asia/Ho_Chi_Minh')).toEqual([]);
  });

  it('date cells, “1.200” and blank rows read as an admin means them', () => {
    const { values } = configGrid(2025, 'Khối', LOADED);
    const deadline = new Date('2026-01-15T10:00:00Z');
    values[3] = ['Hạn nộp', deadline as unknown as string, '', '', ''];
    values.splice(HEADER_ROW + 1, 0, ['', '', '', '', '']);
    const row = values[HEADER_ROW];
    if (row) row[3] = '1.200';
    const parsed = readConfigSheet(values, format);
    expect(parsed.config.deadline).toBe(`dd/MM/yyyy HH:mm@${deadline.toISOString()}`);
    expect(parsed.orgRows).toEqual([HEADER_ROW + 1, HEADER_ROW + 3]);
    expect(parsed.config.orgs).toMatchObject([{ id: 'cb-a', expectedMembers: 1200 }, { id: 'cb-b' }]);
  });

  it('each issue at its cell: a bad e-mail, a duplicate id (case only), a bad deadline, a merge into nobody', () => {
    const { values } = configGrid(2025, 'Khối', LOADED);
    values[3] = ['Hạn nộp', '31/02/2026 17:00', '', '', ''];
    values.push(['CB-B', 'Chi bộ B trùng', 'x@', 3, ''], ['cb-y', '', '', '', 'cb-z']);
    const issues = checkConfigSheet(readConfigSheet(values, format), 2025, 'Asia/Ho_Chi_Minh');
    expect(issues.map((i) => [i.row, i.column])).toEqual(
      expect.arrayContaining([
        [4, 2],
        [HEADER_ROW + 4, 3],
        [HEADER_ROW + 4, 1],
        [HEADER_ROW + 5, 5],
      ]),
    );
    expect(issues.find((i) => i.row === HEADER_ROW + 4 && i.column === 1)?.message).toContain('chỉ khác "cb-b"');
    expect(locate(['orgs', 0, 'secretaries', 1], readConfigSheet(values, format))).toEqual({ row: HEADER_ROW + 1, column: 3 });
  });
});
