import { describe, expect, it } from 'vitest';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { grid, VALID_ROW, validRows } from '../../fixtures/sheet-grid.js';

const y2024 = { year: 2024 };
const y2025 = { year: 2025 };
const codes = (r: ReturnType<typeof validateSheet>) => r.issues.map((i) => [i.severity, i.code, i.row, i.column]);

describe('validateSheet: messy real-world sheets', () => {
  it('finds the header under title rows, matches NFD/case/spacing/punctuation variants, skips numbering and blank rows', () => {
    const values = [
      ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH', null, null, null],
      ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
      [],
      ['TT', '  HỌ   VÀ TÊN ', 'Số thẻ\nđảng viên'.normalize('NFD'), 'Lãnh đạo quản lý', 'xep loai (*)', 'NÊU GƯƠNG', 'Ngày sinh', 'Ghi chú riêng'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
      [1, 'Nguyễn Thị Hoa'.normalize('NFD'), ' 79.123 456 ', 'x', 'httnv', 'NGT', 1985, 'abc'],
      [2, 'Trần Văn Bình', 79123457, '', 'Hoàn thành nhiệm vụ'.normalize('NFD'), 'nêu gương', '05/11/1990', null],
      [3, null, '', null, null, null, null, null],
      [null, 'Lê Văn Cường', 'ab-12', 'Không', 'HTNV', 'Chưa nêu gương', 31412, null],
    ];
    const r = validateSheet(values, y2024);
    expect(r.headerRow).toBe(4);
    expect(r.listed).toBe(3);
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual([
      ['warning', 'COLUMN_UNKNOWN', 4, 'Ghi chú riêng'],
      ['warning', 'CARD_NUMERIC', 7, 'Số thẻ đảng viên'],
    ]);
    expect(r.issues[0]?.message).toBe(
      'Dòng tiêu đề (dòng 4): cột “Ghi chú riêng” (cột H) không có trong mẫu đánh giá nên sẽ được bỏ qua. Nếu đây là một cột của mẫu, hãy sửa tên cột cho đúng.',
    );
    expect(r.rows.map((x) => [x.row, x.evaluation.fullName, x.evaluation.cardNumber, x.evaluation.isLeader, x.evaluation.rating, x.evaluation.exemplary, x.evaluation.birthDate])).toEqual([
      [6, 'Nguyễn Thị Hoa', '79.123456', true, 'HTTNV', 'Nêu gương tốt', '1985'],
      [7, 'Trần Văn Bình', '79123457', false, 'HTNV', 'Nêu gương', '1990-11-05'],
      [9, 'Lê Văn Cường', 'AB-12', false, 'HTNV', 'Chưa nêu gương', '1985-12-31'],
    ]);
    expect(r.rows[0]?.evaluation.fullName).toBe('Nguyễn Thị Hoa'.normalize('NFC'));
  });

  it('reads the template row into the exact evaluation', () => {
    const r = validateSheet(grid([VALID_ROW]), y2025);
    expect(r.ok).toBe(true);
    expect(r.rows).toEqual([
      {
        row: 2,
        evaluation: {
          fullName: 'Nguyễn Văn An',
          cardNumber: '79.012345',
          birthDate: '1985-03-15',
          gender: 'male',
          admissionDate: '2010-02-03',
          position: 'Trưởng phòng',
          isLeader: true,
          leaderTier: null,
          education: 'bachelor',
          politicalTheory: 'intermediate',
          score: 80,
          rating: 'HTTNV',
          unratedReason: null,
          exemplary: 'Nêu gương tốt',
          residenceFeedback: 'good',
          studiedResolution: true,
          pledge: 'Giữ gìn đạo đức, lối sống',
          pledgeResult: 'completed',
          discipline: 'none',
          selfCorrected: null,
          commendation: 'none',
          note: null,
        },
      },
    ]);
  });

  it('names every missing required column, and the score column only from 2025', () => {
    const headers = ['STT', 'Họ và tên', 'Số thẻ đảng viên', 'Xếp loại', 'Ghi chú'];
    const r2024 = validateSheet(grid([VALID_ROW], headers), y2024);
    expect(codes(r2024).filter((c) => c[1] === 'COLUMN_MISSING')).toEqual([
      ['error', 'COLUMN_MISSING', 1, 'Lãnh đạo, quản lý'],
      ['error', 'COLUMN_MISSING', 1, 'Nêu gương'],
    ]);
    expect(r2024.issues[0]?.message).toBe(
      'Dòng tiêu đề (dòng 1): thiếu cột bắt buộc “Lãnh đạo, quản lý”. Hãy thêm cột này vào dòng tiêu đề (dòng 1).',
    );
    const r2025 = validateSheet(grid([VALID_ROW], headers), y2025);
    expect(r2025.issues.filter((i) => i.code === 'COLUMN_MISSING').map((i) => i.column)).toEqual(['Lãnh đạo, quản lý', 'Điểm', 'Nêu gương']);
  });

  it('rejects a sheet with no recognisable header, and an empty sheet', () => {
    const r = validateSheet([['a', 'b'], ['c', 'd']], y2024);
    expect(r.headerRow).toBeNull();
    expect(codes(r)).toEqual([['error', 'HEADER_NOT_FOUND', null, null]]);
    expect(r.issues[0]?.message).toContain('“Họ và tên”, “Số thẻ đảng viên”, “Lãnh đạo, quản lý”, “Xếp loại”, “Nêu gương”');
    expect(codes(validateSheet([[null, ''], []], y2024))).toEqual([['error', 'SHEET_EMPTY', null, null]]);
    expect(codes(validateSheet(grid([]), y2024))).toEqual([['error', 'NO_DATA_ROWS', 1, null]]);
  });

  it('flags a duplicated column', () => {
    const headers = ['Họ và tên', 'Số thẻ đảng viên', 'Lãnh đạo, quản lý', 'Xếp loại', 'Nêu gương', 'Họ tên'];
    const r = validateSheet(grid([VALID_ROW], headers), y2024);
    expect(codes(r)).toContainEqual(['error', 'COLUMN_DUPLICATE', 1, 'Họ tên']);
  });
});

describe('validateSheet: cell values', () => {
  it('reports each bad cell with its row, column as written, code and a Vietnamese fix', () => {
    const rows = validRows(3);
    rows[0] = { ...rows[0], 'Giới tính': 'nam/nữ', 'Ngày vào Đảng': '31/02/2010' };
    rows[1] = { ...rows[1], 'Họ và tên': '', 'Số thẻ đảng viên': 'AB/12', 'Điểm': 'chín mươi' };
    rows[2] = { ...rows[2], 'Xếp loại': '#N/A', 'Ghi chú': 'x'.repeat(1001) };
    const r = validateSheet(grid(rows), y2025);
    expect(r.ok).toBe(false);
    expect(r.rejectedRows).toEqual([2, 3, 4]);
    expect(r.rows).toEqual([]);
    expect(codes(r)).toEqual([
      ['error', 'VALUE_NOT_IN_LIST', 2, 'Giới tính'],
      ['error', 'DATE_INVALID', 2, 'Ngày vào Đảng'],
      ['error', 'VALUE_REQUIRED', 3, 'Họ và tên'],
      ['error', 'CARD_INVALID', 3, 'Số thẻ đảng viên'],
      ['error', 'SCORE_INVALID', 3, 'Điểm'],
      ['error', 'CELL_FORMULA_ERROR', 4, 'Xếp loại'],
      ['error', 'TEXT_TOO_LONG', 4, 'Ghi chú'],
    ]);
    const messages = r.issues.map((i) => i.message);
    expect(messages[0]).toBe('Dòng 2, cột “Giới tính”: Giá trị “nam/nữ” không hợp lệ. Hãy chọn một trong: Nam, Nữ.');
    expect(messages[1]).toBe('Dòng 2, cột “Ngày vào Đảng”: Ngày “31/02/2010” không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2010.');
    expect(messages[6]).toBe('Dòng 4, cột “Ghi chú”: Nội dung dài 1.001 ký tự, vượt quá 1.000 ký tự cho phép. Hãy rút gọn.');
  });

  it('accepts abbreviations, x for Có, sheet date serials, ISO instants and numbers as text', () => {
    const row = {
      ...VALID_ROW,
      'Lãnh đạo, quản lý': 'X',
      'Xếp loại': 'htxsnv',
      Điểm: '92,5',
      'Ngày vào Đảng': 40212, // 03/02/2010 as a sheet serial
      'Ngày sinh': '1985-03-14T17:00:00.000Z', // a sheet date serialised in UTC: 15/03 in Vietnam
      'Trình độ chuyên môn': 'ThS',
      'Lý luận chính trị': 'cao cap',
      'Khen thưởng': 'cấp tỉnh thành phố',
      'Nhận xét nơi cư trú': 'KHÔNG THUỘC DIỆN',
    };
    const rows = [row, ...validRows(6).slice(1)]; // 5 HTTNV allow 1 HTXSNV
    const r = validateSheet(grid(rows), y2025);
    expect(r.issues).toEqual([]);
    const e = r.rows[0]?.evaluation;
    expect([e?.isLeader, e?.rating, e?.score, e?.admissionDate, e?.birthDate, e?.education, e?.politicalTheory, e?.commendation, e?.residenceFeedback]).toEqual([
      true, 'HTXSNV', 92.5, '2010-02-03', '1985-03-15', 'master', 'advanced', 'province', 'not_applicable',
    ]);
  });

  it('uses the bloc’s own nêu gương scale and its initials', () => {
    const scale = ['Gương mẫu tiêu biểu', 'Gương mẫu', 'Chưa gương mẫu'];
    const rows = validRows(3);
    rows[0] = { ...rows[0], 'Nêu gương': 'GMTB' };
    rows[1] = { ...rows[1], 'Nêu gương': 'gương mẫu' };
    rows[2] = { ...rows[2], 'Nêu gương': 'Nêu gương tốt' };
    const r = validateSheet(grid(rows), { year: 2024, exemplaryScale: scale });
    expect(r.rows.map((x) => x.evaluation.exemplary)).toEqual(['Gương mẫu tiêu biểu', 'Gương mẫu']);
    expect(r.issues.map((i) => i.message)).toEqual([
      'Dòng 4, cột “Nêu gương”: Giá trị “Nêu gương tốt” không hợp lệ. Hãy chọn một trong: Gương mẫu tiêu biểu, Gương mẫu, Chưa gương mẫu.',
    ]);
  });
});

describe('validateSheet: progress for the add-on’s sidebar', () => {
  const heard = (n: number): [number, number][] => {
    const calls: [number, number][] = [];
    validateSheet(grid(validRows(n)), y2025, { onProgress: (done, total) => calls.push([done, total]) });
    return calls;
  };

  it('hears the start and at most ten steps, whatever the rows: 4, 37 and 2.000 data rows', () => {
    expect(heard(4)).toEqual([[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]]);
    expect(heard(37)).toEqual([[0, 37], [4, 37], [8, 37], [12, 37], [16, 37], [20, 37], [24, 37], [28, 37], [32, 37], [36, 37], [37, 37]]);
    const large = heard(2000);
    expect([large.length, large[1], large.at(-1)]).toEqual([11, [200, 2000], [2000, 2000]]);
  });

  it('a sheet without data rows hears only the start', () => {
    expect(heard(0)).toEqual([[0, 0]]);
  });
});
