import { grid, TEMPLATE_HEADERS, validRows } from '../../fixtures/sheet-grid.js';
import { accepted, bodyCase, invalidWith, refused, sheetCase, submitBody, THREE_STORED, withCells, type HostileCase } from './kit.js';

/**
 * The classes the second outside attack found (issue “Trust, second round”, 3 and 13–14), as
 * corpus cases with their exact issue codes: dates typed as numbers or implausible, and
 * requests built to make the server do unbounded work.
 */
const admitted = (value: string | number) => () => withCells('Ngày vào Đảng', [value]);
const born = (value: string | number) => () => withCells('Ngày sinh', [value]);

const dates: HostileCase[] = [
  sheetCase('dates', '“Ngày vào Đảng” = 2010 typed as a number', admitted(2010), invalidWith('DATE_YEAR_ONLY')),
  sheetCase('dates', '“Ngày vào Đảng” = "2010" typed as text', admitted('2010'), invalidWith('DATE_YEAR_ONLY')),
  sheetCase('dates', '“Ngày sinh” = 1899 typed as a number', born(1899), invalidWith('BIRTH_INVALID')),
  sheetCase('dates', '“Ngày sinh” = 2101 typed as a number', born(2101), invalidWith('BIRTH_INVALID')),
  sheetCase('dates', '“Ngày sinh” = 2100, after the evaluation date', born(2100), invalidWith('ADMISSION_BEFORE_BIRTH', 'DATE_IN_FUTURE')),
  sheetCase('dates', '“Ngày vào Đảng” 01/01/2099', admitted('01/01/2099'), invalidWith('DATE_IN_FUTURE')),
  sheetCase('dates', '“Ngày vào Đảng” a serial of 1900 (100)', admitted(100), invalidWith('ADMISSION_BEFORE_FOUNDING')),
  sheetCase('dates', '“Ngày vào Đảng” 02/02/1930, before the Party was founded', admitted('02/02/1930'), invalidWith('ADMISSION_BEFORE_FOUNDING')),
  sheetCase('dates', '“Ngày vào Đảng” a serial past 2100 (99.999)', admitted(99_999), invalidWith('DATE_INVALID')),
  sheetCase('dates', '“Ngày vào Đảng” before the birth date', admitted('14/03/1985'), invalidWith('ADMISSION_BEFORE_BIRTH')),
  sheetCase('dates', '“Ngày vào Đảng” 29/02/2023 (no such day)', admitted('29/02/2023'), invalidWith('DATE_INVALID')),
  sheetCase(
    'dates',
    'admitted at 17 (born 15/03/1985, admitted 14/03/2003)',
    admitted('14/03/2003'),
    { ...accepted('the Party’s minimum age is a warning: records of unusual cases exist'), issues: ['ADMISSION_UNDER_18'] },
    THREE_STORED,
  ),
];

const wide = (columns: number) => {
  const header = [...TEMPLATE_HEADERS, ...Array.from({ length: columns - TEMPLATE_HEADERS.length }, (_, i) => `Cột thêm ${String(i + 1)}`)];
  return grid(validRows(3), header);
};

const work: HostileCase[] = [
  sheetCase('unbounded work', 'a row of 201 columns', () => wide(201), refused(413, 'TOO_MANY_COLUMNS')),
  sheetCase(
    'unbounded work',
    'a row of 200 columns (the limit)',
    () => wide(200),
    { ...accepted('up to 200 columns are read; unknown ones are ignored with a warning'), issues: ['COLUMN_UNKNOWN'] },
    THREE_STORED,
  ),
  bodyCase('unbounded work', '4,9 million header cells in 9,8 MB', (id) => submitBody(id, [Array.from({ length: 4_900_000 }, () => 0), ['x']]), refused(413, 'TOO_MANY_COLUMNS')),
  bodyCase('unbounded work', '4,9 million cells in one data row', (id) => submitBody(id, [...grid(validRows(3)), Array.from({ length: 4_900_000 }, () => 0)]), refused(413, 'TOO_MANY_COLUMNS')),
  bodyCase(
    'unbounded work',
    '600 members each admitted at 17: the answer keeps 20 of the warning and counts the rest',
    (id) => submitBody(id, grid(validRows(600, { 'Ngày vào Đảng': '14/03/2003' }))),
    {
      ...accepted('a warning per row is allowed; the answer carries a few of each kind (the add-on marks every cell itself)'),
      issues: ['ADMISSION_UNDER_18', 'ROW_COUNT_DIFFERS'],
      omitted: [{ code: 'ADMISSION_UNDER_18', severity: 'warning', count: 580 }],
    },
  ),
  bodyCase(
    'unbounded work',
    '5.000 rows, every field invalid: refused with the first 1.000 errors',
    (id) => submitBody(id, [[...TEMPLATE_HEADERS], ...Array.from({ length: 4_999 }, (_, r) => TEMPLATE_HEADERS.map((_, c) => `Giỏi ${String(r)}-${String(c)}`))]),
    refused(422, 'VALIDATION_FAILED'),
  ),
];

export const datesAndLimitsCases: HostileCase[] = [...dates, ...work];
