import { describe, expect, it } from 'vitest';
import { missingOrgFigures, orgFiguresTemplate, readOrgFigures, sumOrgFigures, type OrgFigures } from '../../../functions/src/domain/org-figures.js';
import type { Cell } from '../../../functions/src/domain/schema.js';

/** The template with the given values typed into “Số liệu” (by row label). */
function filled(values: Readonly<Record<string, Cell>>, year = 2025): Cell[][] {
  return orgFiguresTemplate(year, []).map((row) => {
    const label = row[1];
    return typeof label === 'string' && label in values ? [row[0] ?? null, label, values[label] ?? null, row[3] ?? null] : row;
  });
}

const ALL: Record<string, Cell> = {
  'Số quần chúng': 120,
  'Quần chúng tham gia học tập nghị quyết': '112',
  'Công trình, phần việc đăng ký làm theo': 14,
  'Công trình, phần việc hoàn thành': 12,
  'Công trình, phần việc được khen thưởng cấp Khối': 2,
  'Công trình, phần việc được khen thưởng cấp tỉnh, thành phố': 1,
  'Mô hình, điển hình học tập và làm theo': 3,
  'Tập thể được tuyên dương, khen thưởng cấp cơ sở': 4,
  'Tập thể được tuyên dương, khen thưởng cấp Khối': 1,
  'Tập thể được tuyên dương, khen thưởng cấp tỉnh, thành phố': 0,
  'Tập thể được tuyên dương, khen thưởng cấp Trung ương': null,
};

describe('readOrgFigures: the “Số liệu tổ chức” tab', () => {
  it('reads every figure of the template; blank is not reported (null), 0 is zero', () => {
    const r = readOrgFigures(filled(ALL), { year: 2025, required: [] });
    expect(r.issues).toEqual([]);
    expect(r.figures).toEqual({
      massesTotal: 120,
      massesStudied: 112,
      worksRegistered: 14,
      worksCompleted: 12,
      worksCommendedBloc: 2,
      worksCommendedProvince: 1,
      models: 3,
      collectivesGrassroots: 4,
      collectivesBloc: 1,
      collectivesProvince: 0,
      collectivesCentral: null,
    });
  });

  it('the template: a title row, the header, one numbered row per figure with its note', () => {
    const t = orgFiguresTemplate(2025, ['massesTotal']);
    expect(t[0]).toEqual(['Số liệu của tổ chức cơ sở đảng năm 2025', null, null, null]);
    expect(t[1]).toEqual(['STT', 'Chỉ tiêu', 'Số liệu', 'Ghi chú']);
    expect(t).toHaveLength(13);
    expect(t[2]).toEqual([1, 'Số quần chúng', null, 'Bắt buộc. Số cán bộ, công chức, viên chức, người lao động của cơ quan, đơn vị không phải là đảng viên, tính đến cuối năm.']);
    expect(t[3]?.[3]).toBe('Số quần chúng tham gia học tập, quán triệt nghị quyết trong năm; không lớn hơn số quần chúng.');
  });

  it('matches labels loosely (case, diacritics, numbering, aliases) and reads “1.234” as a number', () => {
    const values: Cell[][] = [
      ['Chỉ tiêu'.toUpperCase(), 'SO LIEU'],
      ['1. so quan chung', '1.234'],
      ['Quần chúng học tập nghị quyết', 1200],
    ];
    const r = readOrgFigures(values, { year: 2025, required: [] });
    expect(r.ok).toBe(true);
    expect(r.figures?.massesTotal).toBe(1234);
    expect(r.figures?.massesStudied).toBe(1200);
    expect(r.figures?.models).toBeNull();
  });

  it('located Vietnamese errors: not a whole number, more than the figure it is part of, required, duplicate', () => {
    const values = filled({
      ...ALL,
      'Số quần chúng': 100,
      'Quần chúng tham gia học tập nghị quyết': 101,
      'Công trình, phần việc hoàn thành': 15,
      'Công trình, phần việc được khen thưởng cấp Khối': 'hai',
      'Mô hình, điển hình học tập và làm theo': 2.5,
      'Tập thể được tuyên dương, khen thưởng cấp cơ sở': -1,
    });
    values.push([13, 'Số quần chúng', 99, null]);
    const r = readOrgFigures(values, { year: 2025, required: ['collectivesCentral'] });
    expect(r.ok).toBe(false);
    expect(r.figures).toBeNull();
    expect(r.issues.map((i) => [i.severity, i.code, i.row, i.column, i.columnIndex])).toEqual([
      ['error', 'ORG_FIGURE_EXCEEDS', 4, 'Số liệu', 2],
      ['error', 'ORG_FIGURE_EXCEEDS', 6, 'Số liệu', 2],
      ['error', 'ORG_FIGURE_INVALID', 7, 'Số liệu', 2],
      ['error', 'ORG_FIGURE_INVALID', 9, 'Số liệu', 2],
      ['error', 'ORG_FIGURE_INVALID', 10, 'Số liệu', 2],
      ['error', 'ORG_FIGURE_REQUIRED', 13, 'Số liệu', 2],
      ['error', 'ORG_FIGURE_DUPLICATE', 14, 'Chỉ tiêu', 1],
    ]);
    expect(r.issues.map((i) => i.message)).toEqual([
      'Trang “Số liệu tổ chức”, dòng 4, cột “Số liệu”: “Quần chúng tham gia học tập nghị quyết” là 101, lớn hơn “Số quần chúng” (100). Hãy kiểm tra lại hai số liệu này.',
      'Trang “Số liệu tổ chức”, dòng 6, cột “Số liệu”: “Công trình, phần việc hoàn thành” là 15, lớn hơn “Công trình, phần việc đăng ký làm theo” (14). Hãy kiểm tra lại hai số liệu này.',
      'Trang “Số liệu tổ chức”, dòng 7, cột “Số liệu”: “Công trình, phần việc được khen thưởng cấp Khối” ghi “hai”, không phải một số nguyên không âm. Hãy nhập một số nguyên, ví dụ 12, hoặc để trống nếu không báo cáo.',
      'Trang “Số liệu tổ chức”, dòng 9, cột “Số liệu”: “Mô hình, điển hình học tập và làm theo” ghi “2.5”, không phải một số nguyên không âm. Hãy nhập một số nguyên, ví dụ 12, hoặc để trống nếu không báo cáo.',
      'Trang “Số liệu tổ chức”, dòng 10, cột “Số liệu”: “Tập thể được tuyên dương, khen thưởng cấp cơ sở” ghi “-1”, không phải một số nguyên không âm. Hãy nhập một số nguyên, ví dụ 12, hoặc để trống nếu không báo cáo.',
      'Trang “Số liệu tổ chức”, dòng 13, cột “Số liệu”: Chưa nhập “Tập thể được tuyên dương, khen thưởng cấp Trung ương”. Năm 2025, Đảng bộ Khối yêu cầu báo cáo số liệu này; nếu không có, hãy ghi 0.',
      'Trang “Số liệu tổ chức”, dòng 14, cột “Chỉ tiêu”: Chỉ tiêu “Số quần chúng” đã có ở dòng 3. Hãy xóa một trong hai dòng.',
    ]);
  });

  it('commended works are checked against completed ones only when both are reported', () => {
    const r = readOrgFigures(filled({ 'Công trình, phần việc được khen thưởng cấp Khối': 5 }), { year: 2025, required: [] });
    expect(r.ok).toBe(true);
    expect(r.figures?.worksCommendedBloc).toBe(5);
  });

  it('an unknown row with a value is a warning; no header is an error naming the two columns', () => {
    const r = readOrgFigures([['Chỉ tiêu', 'Số liệu'], ['Số đoàn viên thanh niên', 12], ['Ghi chú cuối trang', null]], { year: 2025, required: [] });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => i.message)).toEqual([
      'Trang “Số liệu tổ chức”, dòng 2, cột “Chỉ tiêu”: Chỉ tiêu “Số đoàn viên thanh niên” không có trong mẫu số liệu tổ chức nên sẽ được bỏ qua. Nếu đây là một chỉ tiêu của mẫu, hãy sửa tên cho đúng.',
    ]);
    const none = readOrgFigures([['Tên', 'Giá trị']], { year: 2025, required: [] });
    expect(none.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'ORG_FIGURES_HEADER_NOT_FOUND',
        'Trang “Số liệu tổ chức”: Không tìm thấy dòng tiêu đề có hai cột “Chỉ tiêu” và “Số liệu” trong 15 dòng đầu. Hãy dùng “Tạo bảng đánh giá” để tạo lại trang này.',
      ],
    ]);
  });

  it('a block not sent is fine unless the year requires figures', () => {
    expect(missingOrgFigures({ year: 2025, required: [] }).ok).toBe(true);
    const r = missingOrgFigures({ year: 2025, required: ['massesTotal', 'worksRegistered'] });
    expect(r.issues.map((i) => i.message)).toEqual([
      'Chưa có trang “Số liệu tổ chức”. Năm 2025, Đảng bộ Khối yêu cầu báo cáo: “Số quần chúng”, “Công trình, phần việc đăng ký làm theo”. Hãy dùng “Tạo bảng đánh giá” để tạo trang rồi nhập số liệu.',
    ]);
  });
});

describe('sumOrgFigures: sums over the organisations that reported, and how many did', () => {
  const block = (values: Partial<OrgFigures>): OrgFigures => ({ ...readOrgFigures(filled({}), { year: 2025, required: [] }).figures!, ...values });

  it('adds reported figures, counts reporters, and keeps the study-rate base to organisations that reported both', () => {
    const t = sumOrgFigures([
      block({ massesTotal: 100, massesStudied: 90, worksRegistered: 10, worksCompleted: 9, models: 0 }),
      block({ massesTotal: 50, worksRegistered: 4 }),
      null,
      block({ massesTotal: 20, massesStudied: 20, collectivesBloc: 2 }),
    ]);
    expect(t.orgs).toBe(4);
    expect(t.totals.massesTotal).toBe(170);
    expect(t.reported.massesTotal).toBe(3);
    expect(t.totals.massesStudied).toBe(110);
    expect(t.reported.massesStudied).toBe(2);
    expect(t.massesBoth).toEqual({ total: 120, studied: 110 });
    expect(t.totals.worksRegistered).toBe(14);
    expect(t.reported.worksCompleted).toBe(1);
    expect([t.totals.models, t.reported.models]).toEqual([0, 1]);
    expect([t.totals.collectivesBloc, t.reported.collectivesBloc, t.reported.collectivesCentral]).toEqual([2, 1, 0]);
  });
});
