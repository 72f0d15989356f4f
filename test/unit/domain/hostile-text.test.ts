import { describe, expect, it } from 'vitest';
import { shorten } from '../../../functions/src/domain/messages.js';
import { cleanText } from '../../../functions/src/domain/text.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { grid, TEMPLATE_HEADERS, validRows, type RowSpec } from '../../fixtures/sheet-grid.js';

/** The pure side of the hostile-input decisions (the HTTP side: test/emulator/hostile-input.test.ts). */
const y2025 = { year: 2025 };
const validate = (edit: (rows: RowSpec[]) => void) => {
  const rows = validRows(3);
  edit(rows);
  return validateSheet(grid(rows), y2025);
};

describe('cleanText strips what nobody can see', () => {
  it.each([
    ['NUL and C0 controls', 'Nguyễn\u0000 Văn\u0007 An\u001b', 'Nguyễn Văn An'],
    ['DEL and C1 controls', 'Trần\u007f Thị\u0085 Bình\u009b', 'Trần Thị Bình'],
    ['bidi marks, overrides and isolates', '\u202eLê\u200f Văn\u200e \u2067Cường\u2069\u202c', 'Lê Văn Cường'],
    ['BOM and word joiner', '\ufeffVũ\u2060 Thị Mai', 'Vũ Thị Mai'],
    ['a zero-width space is a space', 'Đỗ\u200bThị\u200b\u200bGiang', 'Đỗ Thị Giang'],
    ['lone surrogates', 'Ngô\ud800 Văn\udfff Hải', 'Ngô Văn Hải'],
    ['NFD to NFC', 'Nguyễn'.normalize('NFD'), 'Nguyễn'],
  ])('%s', (_, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps emoji (surrogate pairs, ZWJ sequences), tabs as spaces and line breaks', () => {
    expect(cleanText('An 🌟 👨‍👩‍👧')).toBe('An 🌟 👨‍👩‍👧');
    expect(cleanText('Dòng 1\nDòng\t2')).toBe('Dòng 1\nDòng 2');
  });
});

describe('the validator on hostile cells', () => {
  it('folds card numbers: spaces, zero-width spaces, full-width digits are one card', () => {
    const r = validate((rows) => {
      rows[0]!['Số thẻ đảng viên'] = '７９．０００００１';
      rows[1]!['Số thẻ đảng viên'] = '79.000\u200b002';
      rows[2]!['Số thẻ đảng viên'] = ' 79. 000 001 ';
    });
    expect(r.rows.map((x) => x.evaluation.cardNumber)).toEqual(['79.000001', '79.000002']);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row])).toEqual([['CARD_DUPLICATE', 4]]);
  });

  it('a name must be text with a letter', () => {
    const r = validate((rows) => {
      rows[0]!['Họ và tên'] = 12345;
      rows[1]!['Họ và tên'] = true;
      rows[2]!['Họ và tên'] = '🌟 1 🌟';
    });
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row])).toEqual([
      ['NAME_INVALID', 2],
      ['NAME_INVALID', 3],
      ['NAME_INVALID', 4],
    ]);
    expect(r.issues.find((i) => i.code === 'NAME_INVALID')?.message).toBe(
      'Dòng 2, cột “Họ và tên”: “12345” không phải họ tên. Hãy nhập họ và tên đầy đủ bằng chữ (và kiểm tra các cột có bị lệch không).',
    );
  });

  it('a 1 MB value or header is quoted short in messages and shown short as a column', () => {
    const huge = 'Hoàn thành '.repeat(100_000);
    const values = grid(validRows(1)).map((row, r) => [...row, r === 0 ? huge : 'x']);
    values[1]![TEMPLATE_HEADERS.indexOf('Xếp loại')] = huge;
    const r = validateSheet(values, y2025);
    const unknown = r.issues.find((i) => i.code === 'COLUMN_UNKNOWN');
    const notInList = r.issues.find((i) => i.code === 'VALUE_NOT_IN_LIST');
    expect(unknown?.column).toHaveLength(200);
    expect(unknown?.message.length).toBeLessThan(400);
    expect(notInList?.message.length).toBeLessThan(400);
    expect(notInList?.message).toContain(`“${huge.slice(0, 59)}…”`);
  });

  it('shorten never cuts a surrogate pair in half', () => {
    expect(shorten('ab🌟cd', 4)).toBe('ab…');
    expect(shorten('abc', 4)).toBe('abc');
  });
});
