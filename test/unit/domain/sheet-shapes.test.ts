import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXEMPLARY_SCALE } from '../../../functions/src/domain/enums.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { chooseSheet } from '../../../functions/src/domain/workbook.js';
import type { Cell } from '../../../functions/src/domain/schema.js';
import { grid, validRows, type RowSpec } from '../../fixtures/sheet-grid.js';
import { layOut, SHAPES, type Shape } from '../../fixtures/sheet-shapes.js';

const y2024 = { year: 2024 };
const evaluations = (values: Cell[][]) => validateSheet(values, y2024).rows.map((r) => r.evaluation);
const errors = (values: Cell[][]) =>
  validateSheet(values, y2024)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => [i.code, i.row, i.column]);

/** Five members with every choice the one-hot groups have to carry. */
const MEMBERS: RowSpec[] = validRows(5).map((spec, i) => ({
  ...spec,
  'Họ và tên': ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoa', 'Phạm Minh Đức', 'Võ Thị Mai'][i] ?? null,
  'Xếp loại': ['Hoàn thành tốt nhiệm vụ', 'HTXSNV', 'Hoàn thành nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'][i] ?? null,
  'Nêu gương': DEFAULT_EXEMPLARY_SCALE[i % 3] ?? null,
  'Lãnh đạo, quản lý': i % 2 === 0 ? 'Có' : 'Không',
}));

describe('the archive shapes (issue 14), each alone', () => {
  const expected = evaluations(grid(MEMBERS));
  it('the template list itself has the 5 members', () => {
    expect(expected.map((e) => [e.fullName, e.rating, e.exemplary, e.isLeader])).toEqual([
      ['Nguyễn Văn An', 'HTTNV', 'Nêu gương tốt', true],
      ['Trần Thị Bích Ngọc', 'HTXSNV', 'Nêu gương', false],
      ['Lê Hoa', 'HTNV', 'Chưa nêu gương', true],
      ['Phạm Minh Đức', 'HTTNV', 'Nêu gương tốt', false],
      ['Võ Thị Mai', 'HTTNV', 'Nêu gương', true],
    ]);
  });
  for (const shape of SHAPES) {
    it(`${shape}: the same members, at the rows the user sees`, () => {
      const laid = layOut(MEMBERS, new Set([shape]));
      const r = validateSheet(laid.values, y2024);
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(r.rows.map((x) => x.evaluation)).toEqual(expected);
      expect(r.rows.map((x) => x.row)).toEqual(laid.memberRows);
      expect(r.listed).toBe(5);
    });
  }
  it('all five at once: a three-row header (groups, headers, choices) with line breaks, a split name and a signature block', () => {
    const laid = layOut(MEMBERS, new Set(SHAPES));
    const r = validateSheet(laid.values, y2024);
    expect(r.headerRow).toBe(5);
    expect(r.rows.map((x) => x.row)).toEqual([7, 8, 9, 10, 11]);
    expect(r.rows.map((x) => x.evaluation)).toEqual(expected);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('broken variants say where and what', () => {
  const laid = layOut(MEMBERS, new Set<Shape>(['oneHot', 'signature']));
  const at = (name: string): number => laid.columnIndex.get(name) ?? -1;
  const copy = (): Cell[][] => laid.values.map((row) => [...row]);

  it('two marks in “Xếp loại chất lượng” → CHOICE_MANY on that row, the member rejected', () => {
    const values = copy();
    const row = laid.memberRows[1] ?? 0;
    (values[row - 1] as Cell[])[at('HTNV')] = 'x';
    const r = validateSheet(values, y2024);
    expect(errors(values)).toEqual([['CHOICE_MANY', row, 'Xếp loại chất lượng']]);
    expect(r.issues.find((i) => i.code === 'CHOICE_MANY')?.message).toBe(
      `Dòng ${row}, cột “Xếp loại chất lượng”: nhóm “Xếp loại chất lượng” có 2 ô được đánh dấu (“HTXSNV”, “HTNV”). Hãy chỉ để “x” ở một cột.`,
    );
    expect(r.rejectedRows).toEqual([row]);
    expect(r.rows).toHaveLength(4);
  });
  it('no mark in “Nêu gương” → CHOICE_NONE; a stray word in a choice cell → CHOICE_MARK_INVALID', () => {
    const values = copy();
    const [first = 0, second = 0] = laid.memberRows;
    for (const level of DEFAULT_EXEMPLARY_SCALE) (values[first - 1] as Cell[])[at(level)] = null;
    (values[second - 1] as Cell[])[at('Có')] = 'có lẽ';
    expect(errors(values)).toEqual([
      ['CHOICE_NONE', first, 'Nêu gương'],
      ['CHOICE_MARK_INVALID', second, 'Có'],
    ]);
    expect(validateSheet(values, y2024).issues.find((i) => i.code === 'CHOICE_NONE')?.message).toBe(
      `Dòng ${first}, cột “Nêu gương”: chưa đánh dấu ô nào trong nhóm “Nêu gương”. Hãy ghi “x” vào đúng một cột: “Nêu gương tốt”, “Nêu gương”, “Chưa nêu gương”.`,
    );
  });
  it('a member after the signature block → LIST_AFTER_END naming the total row; the names of the signers are not members', () => {
    const values = copy();
    const member = values[(laid.memberRows[0] ?? 0) - 1] as Cell[];
    values.push([...member]);
    const row = values.length;
    const r = validateSheet(values, y2024);
    expect(errors(values)).toEqual([['LIST_AFTER_END', row, null]]);
    expect(r.issues.find((i) => i.code === 'LIST_AFTER_END')?.message).toBe(
      `Dòng ${row}: dòng này có dữ liệu đảng viên nhưng nằm dưới dòng tổng cộng hoặc phần chữ ký (dòng ${laid.endRow ?? 0}), nơi danh sách đã kết thúc. Hãy chuyển dòng này lên trên dòng ${laid.endRow ?? 0}, hoặc xóa nó nếu không phải đảng viên.`,
    );
    expect(r.listed).toBe(5);
  });
  it('a choice column that is no value of its group → CHOICE_OPTION_UNKNOWN on the header row, naming the column', () => {
    const values = copy();
    const headerRow = (laid.memberRows[0] ?? 0) - 2; // the choices' row (a numbering row follows)
    (values[headerRow - 1] as Cell[])[at('HTNV')] = 'Khá';
    const r = validateSheet(values, y2024);
    expect(errors(values).filter(([code]) => code === 'CHOICE_OPTION_UNKNOWN')).toEqual([['CHOICE_OPTION_UNKNOWN', headerRow, 'Khá']]);
    expect(r.issues.find((i) => i.code === 'CHOICE_OPTION_UNKNOWN')?.message).toBe(
      `Dòng tiêu đề (dòng ${headerRow}): cột “Khá” nằm dưới nhóm “Xếp loại chất lượng” nhưng không phải một lựa chọn của nhóm này. Hãy đổi tên cột thành một trong: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ, Không xếp loại.`,
    );
  });
  it('a total row alone (“Cộng”, with formula counts) ends the list; “Bí thư” as a member’s position does not', () => {
    const rows = validRows(3).map((s, i) => (i === 1 ? { ...s, 'Chức vụ': 'Bí thư' } : s));
    const values = grid(rows);
    values.push(['Cộng', null, 3, null]);
    const r = validateSheet(values, y2024);
    expect(r.listed).toBe(3);
    expect(r.ok).toBe(true);
    expect(r.rows[1]?.evaluation.position).toBe('Bí thư');
  });
  it('two sheets with the list header → SHEET_AMBIGUOUS naming both, none taken; an instructions sheet is passed over', () => {
    const list = grid(validRows(2));
    const guide: Cell[][] = [['HƯỚNG DẪN'], ['Cột “Họ và tên”: ghi đầy đủ họ tên'], ['Cột “Số thẻ đảng viên”: …']];
    expect(chooseSheet([{ name: 'Hướng dẫn', values: guide }, { name: 'Danh sách', values: list }])).toEqual({ ok: true, index: 1 });
    const both = chooseSheet([{ name: 'Hướng dẫn', values: guide }, { name: 'Chi bộ 1', values: list }, { name: 'Chi bộ 2', values: list }]);
    expect(both.ok).toBe(false);
    if (!both.ok) {
      expect([both.issue.code, both.issue.row, both.issue.column]).toEqual(['SHEET_AMBIGUOUS', null, null]);
      expect(both.issue.message).toBe(
        'Tệp có 2 trang tính đều có dòng tiêu đề của bảng đánh giá: “Chi bộ 1”, “Chi bộ 2”. Không biết trang nào là danh sách nên chưa đọc trang nào. Hãy xóa các trang thừa (hoặc đổi dòng tiêu đề của chúng) để tệp chỉ còn một danh sách.',
      );
    }
  });
  it('dates 5/3/1985, 05-03-1985, 5.3.1985 and a year; a card with spaces; STT “1.”; numbering “1 2 3…”', () => {
    const rows: RowSpec[] = validRows(4).map((s, i) => ({ ...s, STT: `${i + 1}.`, 'Ngày sinh': ['5/3/1985', '05-03-1985', '5.3.1985', 1985][i] ?? null }));
    rows[0] = { ...rows[0], 'Số thẻ đảng viên': '15 100167' };
    const values = grid(rows);
    values.splice(1, 0, values[0]?.map((_, i) => i + 1) ?? []);
    const r = validateSheet(values, y2024);
    expect(r.ok).toBe(true);
    expect(r.rows.map((x) => [x.row, x.evaluation.birthDate])).toEqual([
      [3, '1985-03-05'],
      [4, '1985-03-05'],
      [5, '1985-03-05'],
      [6, '1985'],
    ]);
    expect(r.rows[0]?.evaluation.cardNumber).toBe('15100167');
  });
});

describe('property: any template list, re-laid-out as any of the shapes, parses to the same evaluations', () => {
  const member = fc.record({
    name: fc.constantFrom('Nguyễn Văn An', 'Lan', 'Trần Thị Bích Ngọc', 'Hồ Xuân Hương', 'Phan Đức'),
    rating: fc.constantFrom('Hoàn thành tốt nhiệm vụ', 'HTNV', 'HTXSNV', 'Không hoàn thành nhiệm vụ', 'httnv'),
    exemplary: fc.constantFrom(...DEFAULT_EXEMPLARY_SCALE, 'NGT'),
    leader: fc.constantFrom('Có', 'Không', 'x', null),
  });
  it('holds for 150 random lists and layouts', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 8 }), fc.subarray([...SHAPES]), (members, shapes) => {
        const rows = validRows(members.length).map((spec, i) => {
          const m = members[i];
          return m ? { ...spec, 'Họ và tên': m.name, 'Xếp loại': m.rating, 'Nêu gương': m.exemplary, 'Lãnh đạo, quản lý': m.leader } : spec;
        });
        const laid = layOut(rows, new Set(shapes));
        const r = validateSheet(laid.values, y2024);
        expect(r.rows.map((x) => x.evaluation)).toEqual(evaluations(grid(rows)));
        expect(r.rows.map((x) => x.row)).toEqual(laid.memberRows);
      }),
      { numRuns: 150 },
    );
  });
});
