import { describe, expect, it } from 'vitest';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { grid, VALID_ROW, type RowSpec } from '../../fixtures/sheet-grid.js';

/** Dates typed as numbers and implausible dates (issue “Trust, second round”, 13 and 14). */
const check = (spec: RowSpec) => {
  const result = validateSheet(grid([{ ...VALID_ROW, ...spec }]), { year: 2025, exemplaryScale: ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'] });
  return result.issues.filter((i) => i.row === 2).map((i) => [i.severity, i.code, i.column, i.message]);
};

describe('a number that reads as a year is a year, never a sheet serial of 1905', () => {
  it('“Ngày vào Đảng” = 2010 typed as a number → DATE_YEAR_ONLY, not 02/07/1905', () => {
    expect(check({ 'Ngày vào Đảng': 2010 })).toEqual([
      ['error', 'DATE_YEAR_ONLY', 'Ngày vào Đảng', 'Dòng 2, cột “Ngày vào Đảng”: “2010” là một năm, không phải một ngày. Hãy nhập đủ ngày/tháng/năm, ví dụ 15/03/2010.'],
    ]);
    expect(check({ 'Ngày vào Đảng': '2010' })[0]?.[1]).toBe('DATE_YEAR_ONLY');
  });

  it('a birth year 1899 or 2101 (as a number) is an invalid birth date, not a serial', () => {
    for (const year of [1899, 2101]) {
      expect(check({ 'Ngày sinh': year })).toEqual([
        ['error', 'BIRTH_INVALID', 'Ngày sinh', `Dòng 2, cột “Ngày sinh”: Ngày sinh “${year}” không hợp lệ. Hãy nhập ngày/tháng/năm (15/03/1985) hoặc năm sinh (1985).`],
      ]);
    }
    expect(check({ 'Ngày sinh': 1985 })).toEqual([]);
    // A real sheet serial still reads as its day: 40212 is 03/02/2010.
    expect(check({ 'Ngày vào Đảng': 40212 })).toEqual([]);
  });
});

describe('dates checked against the evaluation date and each other', () => {
  it('admission 01/01/2099 and birth year 2100 are after the evaluation date (31/12/2025) → DATE_IN_FUTURE', () => {
    expect(check({ 'Ngày vào Đảng': '01/01/2099' })).toEqual([
      ['error', 'DATE_IN_FUTURE', 'Ngày vào Đảng', 'Dòng 2, cột “Ngày vào Đảng”: Ngày “01/01/2099” ở sau ngày đánh giá. Hãy kiểm tra lại năm.'],
    ]);
    expect(check({ 'Ngày sinh': 2100, 'Ngày vào Đảng': '03/02/2010' }).map((i) => i.slice(0, 3))).toEqual([
      ['error', 'DATE_IN_FUTURE', 'Ngày sinh'],
      ['error', 'ADMISSION_BEFORE_BIRTH', 'Ngày vào Đảng'],
    ]);
  });

  it('admission before birth is an error; admission under 18 a warning (by years when only the birth year is known)', () => {
    expect(check({ 'Ngày sinh': '15/03/1985', 'Ngày vào Đảng': '14/03/1985' })).toEqual([
      ['error', 'ADMISSION_BEFORE_BIRTH', 'Ngày vào Đảng', 'Dòng 2, cột “Ngày vào Đảng”: Ngày vào Đảng 14/03/1985 ở trước ngày sinh 15/03/1985. Hãy kiểm tra lại hai ngày này.'],
    ]);
    expect(check({ 'Ngày sinh': '15/03/1985', 'Ngày vào Đảng': '14/03/2003' })).toEqual([
      [
        'warning',
        'ADMISSION_UNDER_18',
        'Ngày vào Đảng',
        'Dòng 2, cột “Ngày vào Đảng”: Đảng viên vào Đảng ngày 14/03/2003 khi chưa đủ 18 tuổi (sinh 15/03/1985). Hãy kiểm tra lại ngày sinh và ngày vào Đảng.',
      ],
    ]);
    expect(check({ 'Ngày sinh': '15/03/1985', 'Ngày vào Đảng': '15/03/2003' })).toEqual([]);
    expect(check({ 'Ngày sinh': 1985, 'Ngày vào Đảng': '31/12/2002' })[0]?.slice(0, 2)).toEqual(['warning', 'ADMISSION_UNDER_18']);
    expect(check({ 'Ngày sinh': 1985, 'Ngày vào Đảng': '01/01/2003' })).toEqual([]);
  });
});

describe('no admission before the Party was founded (03/02/1930)', () => {
  it('a small number in “Ngày vào Đảng” (a sheet serial of 1900) is an error even with no birth date', () => {
    expect(check({ 'Ngày sinh': null, 'Ngày vào Đảng': 100 })).toEqual([
      [
        'error',
        'ADMISSION_BEFORE_FOUNDING',
        'Ngày vào Đảng',
        'Dòng 2, cột “Ngày vào Đảng”: Ngày vào Đảng “09/04/1900” ở trước ngày thành lập Đảng (03/02/1930). Hãy kiểm tra lại năm; nếu ô hiện một con số, hãy nhập lại theo dạng ngày/tháng/năm, ví dụ 15/03/2010.',
      ],
    ]);
    // Said once: not also “before birth”.
    expect(check({ 'Ngày vào Đảng': '02/02/1930' }).map((i) => i[1])).toEqual(['ADMISSION_BEFORE_FOUNDING']);
    expect(check({ 'Ngày sinh': 1912, 'Ngày vào Đảng': '03/02/1930' })).toEqual([]);
  });
});
