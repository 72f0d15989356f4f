import { describe, expect, it } from 'vitest';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { grid, validRows } from '../../fixtures/sheet-grid.js';

/** Issue 13: one check finds everything that blocks the sheet. */
const where = (r: ReturnType<typeof validateSheet>) => r.issues.map((i) => [i.severity, i.code, i.row, i.column, i.columnIndex]);
const CARD_COLUMN = 2;
const ADMISSION_COLUMN = 5;
const RATING_COLUMN = 11;

describe('whole-sheet rules on every readable row', () => {
  it('row 6 with a bad date that repeats row 3’s card number gets both errors in one check', () => {
    const rows = validRows(5);
    rows[4] = { ...rows[4], 'Số thẻ đảng viên': '79.000002', 'Ngày vào Đảng': '31/02/2010' };
    const r = validateSheet(grid(rows), { year: 2025 });
    expect(where(r)).toEqual([
      ['error', 'CARD_DUPLICATE', 6, 'Số thẻ đảng viên', CARD_COLUMN],
      ['error', 'DATE_INVALID', 6, 'Ngày vào Đảng', ADMISSION_COLUMN],
    ]);
    expect(r.issues.find((i) => i.code === 'CARD_DUPLICATE')?.message).toBe(
      'Dòng 6, cột “Số thẻ đảng viên”: Số thẻ đảng viên “79.000002” trùng với dòng 3. Mỗi đảng viên chỉ ghi một dòng; hãy xóa dòng trùng hoặc sửa số thẻ.',
    );
    expect(r.rejectedRows).toEqual([6]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4, 5]);
  });

  it('a row with a bad value is still checked across its readable fields (score against rating), not across the unreadable one', () => {
    const rows = validRows(2);
    rows[0] = { ...rows[0], 'Ngày sinh': 'không rõ', 'Điểm': 60, 'Xếp loại': 'HTTNV' };
    rows[1] = { ...rows[1], 'Điểm': 'tám mươi' };
    const r = validateSheet(grid(rows), { year: 2025 });
    expect(where(r)).toEqual([
      ['error', 'BIRTH_INVALID', 2, 'Ngày sinh', 3],
      ['error', 'SCORE_RATING_MISMATCH', 2, 'Xếp loại', RATING_COLUMN],
      // Row 3: the unreadable score is one error, never also “SCORE_REQUIRED”.
      ['error', 'SCORE_INVALID', 3, 'Điểm', 10],
    ]);
  });

  it('the quota counts what the sheet says: 5 HTTNV (4 of them with errors elsewhere) allow 1 HTXSNV', () => {
    const rows = validRows(7);
    for (const i of [0, 1, 2, 3]) rows[i] = { ...rows[i], 'Ngày vào Đảng': 'sai ngày' };
    rows[5] = { ...rows[5], 'Điểm': 95, 'Xếp loại': 'HTXSNV' };
    rows[6] = { ...rows[6], 'Điểm': 92, 'Xếp loại': 'HTXSNV' };
    const r = validateSheet(grid(rows), { year: 2025 });
    const quota = r.issues.filter((i) => i.code === 'QUOTA_EXCEEDED');
    expect(quota.map((i) => [i.severity, i.row, i.column, i.columnIndex, i.message])).toEqual([
      [
        'warning',
        8,
        'Xếp loại',
        RATING_COLUMN,
        'Dòng 8, cột “Xếp loại”: Có 2 đảng viên HTXSNV, vượt 20% số đảng viên HTTNV (5 đồng chí, tối đa 1 HTXSNV). Hãy xem lại xếp loại, hoặc đề nghị Đảng ủy Khối chấp nhận kèm lý do.',
      ],
    ]);
    expect(r.issues.filter((i) => i.code === 'DATE_INVALID').map((i) => i.row)).toEqual([2, 3, 4, 5]);
  });

  it('the expected member count compares every listed row, rejected ones included', () => {
    const rows = validRows(3);
    rows[0] = { ...rows[0], 'Xếp loại': 'Giỏi' };
    const r = validateSheet(grid(rows), { year: 2025, expectedMembers: 4 });
    expect(where(r)).toEqual([
      ['warning', 'ROW_COUNT_DIFFERS', null, null, null],
      ['error', 'VALUE_NOT_IN_LIST', 2, 'Xếp loại', RATING_COLUMN],
    ]);
    expect(r.issues[0]?.message).toBe('Tổ chức đăng ký 4 đảng viên nhưng bảng có 3 dòng. Hãy kiểm tra còn thiếu hoặc thừa đảng viên nào.');
  });
});

describe('a card number that arrives as a number', () => {
  it('is read but warned about at its cell, with how to fix the column', () => {
    const rows = validRows(3);
    rows[1] = { ...rows[1], 'Số thẻ đảng viên': 79.01201 };
    rows[2] = { ...rows[2], 'Số thẻ đảng viên': 79012010 };
    const r = validateSheet(grid(rows), { year: 2025 });
    expect(r.ok).toBe(true);
    expect(where(r)).toEqual([
      ['warning', 'CARD_NUMERIC', 3, 'Số thẻ đảng viên', CARD_COLUMN],
      ['warning', 'CARD_NUMERIC', 4, 'Số thẻ đảng viên', CARD_COLUMN],
    ]);
    expect(r.issues[0]?.message).toBe(
      'Dòng 3, cột “Số thẻ đảng viên”: Ô số thẻ đang là một con số (“79.01201”), không phải chữ: Google Trang tính có thể đã đổi số thẻ (coi dấu chấm là dấu phân cách hàng nghìn, bỏ số 0 ở cuối). Hãy chọn cột “Số thẻ đảng viên”, chọn Định dạng → Số → Văn bản thuần, rồi nhập lại số thẻ đúng như trên thẻ (ví dụ 79.012010).',
    );
    expect(r.rows.map((x) => x.evaluation.cardNumber)).toEqual(['79.000001', '79.01201', '79012010']);
  });

  it('a card typed as text is not warned about', () => {
    const r = validateSheet(grid(validRows(2)), { year: 2025 });
    expect(r.issues).toEqual([]);
  });
});
