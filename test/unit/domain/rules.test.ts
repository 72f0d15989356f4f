import { describe, expect, it } from 'vitest';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { grid, validRows, type RowSpec } from '../../fixtures/sheet-grid.js';

const located = (rows: RowSpec[], settings: Parameters<typeof validateSheet>[1]) =>
  validateSheet(grid(rows), settings).issues.map((i) => ({ severity: i.severity, code: i.code, row: i.row, column: i.column, message: i.message }));

describe('rule packs by year', () => {
  it('QĐ 366 (from 2025): a rating contradicting the score band is an error', () => {
    const rows = validRows(2);
    rows[0] = { ...rows[0], 'Điểm': 85, 'Xếp loại': 'HTXSNV' };
    rows[1] = { ...rows[1], 'Điểm': 69.5, 'Xếp loại': 'HTNV' };
    expect(located(rows, { year: 2025 })).toEqual([
      {
        severity: 'error',
        code: 'SCORE_RATING_MISMATCH',
        row: 2,
        column: 'Xếp loại',
        message:
          'Dòng 2, cột “Xếp loại”: Điểm 85 ứng với mức HTTNV (từ 70 đến dưới 90 điểm) nhưng xếp loại là HTXSNV. Hãy sửa điểm hoặc xếp loại cho khớp.',
      },
      // The quota counts what the sheet says, the row with the error included.
      {
        severity: 'warning',
        code: 'QUOTA_EXCEEDED',
        row: 2,
        column: 'Xếp loại',
        message:
          'Dòng 2, cột “Xếp loại”: Có 1 đảng viên HTXSNV, vượt 20% số đảng viên HTTNV (0 đồng chí, tối đa 0 HTXSNV). Hãy xem lại xếp loại, hoặc đề nghị Đảng ủy Khối chấp nhận kèm lý do.',
      },
    ]);
  });

  it('QĐ 366: band edges 90/70/50 belong to the higher level; a classified member needs a score', () => {
    const rows = validRows(6);
    rows[0] = { ...rows[0], 'Điểm': 90, 'Xếp loại': 'HTXSNV' };
    rows[1] = { ...rows[1], 'Điểm': 70, 'Xếp loại': 'HTTNV' };
    rows[2] = { ...rows[2], 'Điểm': 50, 'Xếp loại': 'HTNV' };
    rows[3] = { ...rows[3], 'Điểm': 49.9, 'Xếp loại': 'KHTNV' };
    rows[4] = { ...rows[4], 'Điểm': null };
    rows[5] = { ...rows[5], 'Điểm': null, 'Xếp loại': 'Không xếp loại', 'Lý do không xếp loại': 'Vắng mặt' };
    const issues = located(rows, { year: 2025 });
    expect(issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['QUOTA_EXCEEDED', 2, 'Xếp loại'],
      ['SCORE_REQUIRED', 6, 'Điểm'],
    ]);
  });

  it('QĐ 124 (up to 2024): the score is ignored, even when it contradicts', () => {
    const rows = validRows(1, { 'Điểm': 10, 'Xếp loại': 'HTTNV' });
    const r = validateSheet(grid(rows), { year: 2024 });
    expect(r.issues).toEqual([]);
    expect(r.rows[0]?.evaluation.score).toBeNull();
    expect(r.rulePack.id).toBe('qd124');
  });
});

describe('cross-field rules', () => {
  it('discipline requires KHTNV unless self-detected', () => {
    const rows = validRows(3, { 'Kỷ luật trong năm': 'Cảnh cáo', 'Điểm': null });
    rows[1] = { ...rows[1], 'Tự phát hiện, khắc phục': 'Có' };
    rows[2] = { ...rows[2], 'Xếp loại': 'KHTNV' };
    const issues = located(rows, { year: 2024 });
    expect(issues.map((i) => [i.severity, i.code, i.row, i.column])).toEqual([['error', 'DISCIPLINE_NOT_KHTNV', 2, 'Xếp loại']]);
    expect(issues[0]?.message).toContain('(Cảnh cáo) phải xếp loại Không hoàn thành nhiệm vụ, nhưng đang xếp loại HTTNV');
  });

  it('not classified needs a reason, and a reason needs not classified', () => {
    const rows = validRows(2);
    rows[0] = { ...rows[0], 'Xếp loại': 'Không xếp loại' };
    rows[1] = { ...rows[1], 'Lý do không xếp loại': 'Đình chỉ sinh hoạt đảng' };
    expect(located(rows, { year: 2024 })).toEqual([
      {
        severity: 'error',
        code: 'UNRATED_REASON_MISSING',
        row: 2,
        column: 'Lý do không xếp loại',
        message: 'Dòng 2, cột “Lý do không xếp loại”: Xếp loại “Không xếp loại” cần có lý do. Hãy chọn lý do ở cột “Lý do không xếp loại”.',
      },
      {
        severity: 'error',
        code: 'UNRATED_REASON_UNEXPECTED',
        row: 3,
        column: 'Lý do không xếp loại',
        message:
          'Dòng 3, cột “Lý do không xếp loại”: Chỉ ghi lý do khi xếp loại là “Không xếp loại”, nhưng dòng này xếp loại Hoàn thành tốt nhiệm vụ. Hãy xóa lý do hoặc sửa Xếp loại.',
      },
    ]);
  });

  it('a member admitted within 6 months of the evaluation date should not be classified (warning)', () => {
    const rows = validRows(3);
    rows[0] = { ...rows[0], 'Ngày vào Đảng': '30/06/2024' }; // 6 full months by 31/12: may be classified
    rows[1] = { ...rows[1], 'Ngày vào Đảng': '02/07/2024' };
    rows[2] = { ...rows[2], 'Ngày vào Đảng': '02/07/2024', 'Xếp loại': 'Không xếp loại', 'Lý do không xếp loại': 'Mới kết nạp dưới 6 tháng' };
    const issues = located(rows, { year: 2024 });
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'NEW_MEMBER_RATED',
        row: 3,
        column: 'Xếp loại',
        message:
          'Dòng 3, cột “Xếp loại”: Đảng viên vào Đảng ngày 02/07/2024, chưa đủ 6 tháng tính đến ngày đánh giá 31/12/2024: thường không xếp loại (lý do “Mới kết nạp dưới 6 tháng”). Hãy kiểm tra lại.',
      },
    ]);
    expect(validateSheet(grid(rows), { year: 2024 }).ok).toBe(true);
  });

  it('HTXSNV with the lowest nêu gương level warns', () => {
    const rows = validRows(6);
    rows[0] = { ...rows[0], 'Xếp loại': 'HTXSNV', 'Nêu gương': 'Chưa nêu gương' };
    expect(located(rows, { year: 2024 }).map((i) => [i.severity, i.code, i.row, i.column])).toEqual([
      ['warning', 'EXCELLENT_LOW_EXEMPLARY', 2, 'Nêu gương'],
    ]);
  });

  it('a card number used twice in one sheet is an error on the second row, naming the first', () => {
    const rows = validRows(3);
    rows[2] = { ...rows[2], 'Số thẻ đảng viên': ' 79.000001 ' };
    expect(located(rows, { year: 2024 }).map((i) => [i.code, i.row, i.message])).toEqual([
      ['CARD_DUPLICATE', 4, 'Dòng 4, cột “Số thẻ đảng viên”: Số thẻ đảng viên “79.000001” trùng với dòng 2. Mỗi đảng viên chỉ ghi một dòng; hãy xóa dòng trùng hoặc sửa số thẻ.'],
    ]);
  });
});

describe('quota: HTXSNV ≤ 20% of HTTNV per organisation', () => {
  const withExcellent = (excellent: number, good: number) => [
    ...validRows(excellent, { 'Xếp loại': 'HTXSNV', 'Điểm': 95 }),
    ...validRows(good).map((r, i) => ({ ...r, 'Số thẻ đảng viên': `80.${i}` })),
  ];

  it('2 HTXSNV with 10 HTTNV is within the quota; 3 is a warning by default on the first row over it', () => {
    expect(located(withExcellent(2, 10), { year: 2025 })).toEqual([]);
    const issues = located(withExcellent(3, 10), { year: 2025 });
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'QUOTA_EXCEEDED',
        row: 4,
        column: 'Xếp loại',
        message:
          'Dòng 4, cột “Xếp loại”: Có 3 đảng viên HTXSNV, vượt 20% số đảng viên HTTNV (10 đồng chí, tối đa 2 HTXSNV). Hãy xem lại xếp loại, hoặc đề nghị Đảng ủy Khối chấp nhận kèm lý do.',
      },
    ]);
  });

  it('is an error when the bloc says so, and honours its own percentage', () => {
    const r = validateSheet(grid(withExcellent(3, 10)), { year: 2025, quotaMode: 'error' });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'QUOTA_EXCEEDED']]);
    expect(located(withExcellent(3, 10), { year: 2025, quotaPercent: 30 })).toEqual([]);
  });

  it('warns when the listed members differ from the expected count', () => {
    expect(located(validRows(4), { year: 2024, expectedMembers: 5 })).toEqual([
      {
        severity: 'warning',
        code: 'ROW_COUNT_DIFFERS',
        row: null,
        column: null,
        message: 'Tổ chức đăng ký 5 đảng viên nhưng bảng có 4 dòng. Hãy kiểm tra còn thiếu hoặc thừa đảng viên nào.',
      },
    ]);
  });
});
