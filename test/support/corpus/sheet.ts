import type { Cell } from '../../../functions/src/domain/schema.js';
import { grid, TEMPLATE_HEADERS } from '../../fixtures/sheet-grid.js';
import {
  accepted,
  BAD_REQUEST,
  INVALID_SHEET,
  rows,
  seeded,
  sheetCase,
  THREE_STORED,
  withCells,
  withHeaders,
  withRawCell,
  type HostileCase,
} from './kit.js';

/**
 * Broken sheets: headers missing, doubled or misspelt; merged-cell blanks; formula errors;
 * cells of the wrong type; title rows only; junk columns. The sheet is the caller's data, so a
 * sheet the validator refuses is a 422 that locates every problem; a body that is not a grid
 * of cells at all is a 400.
 */
const REQUIRED_2025 = ['Họ và tên', 'Số thẻ đảng viên', 'Lãnh đạo, quản lý', 'Xếp loại', 'Nêu gương', 'Điểm'];
const rename = (from: string, to: string | null) => (headers: (string | null)[]) => {
  headers[headers.indexOf(from)] = to;
};

const headerCases: HostileCase[] = [
  ...REQUIRED_2025.map((header) => sheetCase('headers', `missing required column “${header}”`, () => withHeaders(rename(header, null)), INVALID_SHEET)),
  ...['Họ và tên', 'Số thẻ đảng viên', 'Xếp loại', 'STT'].map((header) =>
    sheetCase('headers', `column “${header}” twice`, () => withHeaders((h) => h.push(header)), INVALID_SHEET),
  ),
  sheetCase('headers', 'misspelt required header “Ho va tne”', () => withHeaders(rename('Họ và tên', 'Ho va tne')), INVALID_SHEET),
  sheetCase('headers', 'misspelt required header “Sô thẻ đảng vin”', () => withHeaders(rename('Số thẻ đảng viên', 'Sô thẻ đảng vin')), INVALID_SHEET),
  sheetCase('headers', 'misspelt required header “Xếp loai chat luong xx”', () => withHeaders(rename('Xếp loại', 'Xếp loai chat luong xx')), INVALID_SHEET),
  sheetCase(
    'headers',
    'headers without diacritics, upper case, doubled spaces',
    () => withHeaders((h) => h.forEach((x, i) => (h[i] = x === null ? null : `  ${x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toUpperCase().replace(/ /g, '   ')}  `))),
    accepted('DOMAIN.md: headers match ignoring case, extra spaces and diacritics'),
    THREE_STORED,
  ),
  sheetCase(
    'headers',
    'headers in NFD with “(*)” marks and line breaks',
    () => withHeaders((h) => h.forEach((x, i) => (h[i] = x === null ? null : `${x.normalize('NFD').replace(' ', '\n')} (*)`))),
    accepted('headers match ignoring Unicode form, line breaks and the “(*)” required mark'),
    THREE_STORED,
  ),
  sheetCase('headers', 'the header row below 15 title rows', () => [...Array.from({ length: 15 }, (_, i) => [`Tiêu đề ${i + 1}`]), ...grid(rows())], INVALID_SHEET),
  sheetCase('headers', 'a sheet of only headers', () => [[...TEMPLATE_HEADERS]], INVALID_SHEET),
  sheetCase('headers', 'headers followed only by blank rows', () => [[...TEMPLATE_HEADERS], ...Array.from({ length: 40 }, () => TEMPLATE_HEADERS.map(() => ''))], INVALID_SHEET),
  sheetCase('headers', 'only title rows', () => [['ĐẢNG BỘ KHỐI DOANH NGHIỆP'], ['CHI BỘ CÔNG TY A'], ['BẢNG TỔNG HỢP ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025']], INVALID_SHEET),
  sheetCase('headers', 'an empty grid', () => [], INVALID_SHEET),
  sheetCase('headers', 'one empty row', () => [[]], INVALID_SHEET),
  sheetCase('headers', 'rows of nulls and empty strings', () => Array.from({ length: 20 }, () => [null, '', '   ', null]), INVALID_SHEET),
];

/** A merged cell reads as its value in the first row and blanks below it. */
const mergedBlank = (header: string) => () => withCells(header, ['GIÁ TRỊ-ĐẦU', null, null, null].map((v, i) => (i === 0 ? (rows()[0]?.[header] ?? v) : v)), 4);

const mergedCases: HostileCase[] = [
  ...['Họ và tên', 'Số thẻ đảng viên', 'Xếp loại', 'Nêu gương', 'Điểm'].map((header) =>
    sheetCase('merged cells', `required “${header}” blank in rows 3–5 (merged)`, mergedBlank(header), INVALID_SHEET),
  ),
  sheetCase(
    'merged cells',
    '“Lãnh đạo, quản lý” blank in rows 3–5 (merged)',
    mergedBlank('Lãnh đạo, quản lý'),
    accepted('DOMAIN.md: a blank “Lãnh đạo, quản lý” means Không'),
  ),
  sheetCase('merged cells', 'optional “Giới tính” blank in rows 3–5 (merged)', mergedBlank('Giới tính'), accepted('optional columns may be blank')),
];

const FORMULA_ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?'];
const formulaCases: HostileCase[] = [
  ...['#N/A', '#REF!', '#VALUE!'].flatMap((error) =>
    ['Họ và tên', 'Số thẻ đảng viên', 'Xếp loại', 'Điểm', 'Ngày sinh'].map((header) =>
      sheetCase('formula errors', `${error} in “${header}”`, () => withCells(header, [error]), INVALID_SHEET),
    ),
  ),
  sheetCase('formula errors', 'every error value in “Nêu gương”', () => withCells('Nêu gương', FORMULA_ERRORS, 5), INVALID_SHEET),
  sheetCase('formula errors', '#REF! as a header', () => withHeaders(rename('Xếp loại', '#REF!')), INVALID_SHEET),
  sheetCase('formula errors', '#N/A in the ignored “STT”', () => withCells('STT', ['#N/A']), accepted('STT is ignored whatever it holds (DOMAIN.md)'), THREE_STORED),
];

const typeCases: HostileCase[] = [
  sheetCase('wrong types', 'an object as a cell', () => withRawCell('Họ và tên', { name: 'An' }), BAD_REQUEST),
  sheetCase('wrong types', 'an array as a cell', () => withRawCell('Xếp loại', ['HTTNV']), BAD_REQUEST),
  sheetCase('wrong types', 'a row that is a string', () => [TEMPLATE_HEADERS, 'Nguyễn Văn An, 79.000001'], BAD_REQUEST),
  sheetCase('wrong types', 'a row that is an object', () => [TEMPLATE_HEADERS, { 'Họ và tên': 'Nguyễn Văn An' }], BAD_REQUEST),
  sheetCase('wrong types', 'values as an object of rows', () => ({ 0: TEMPLATE_HEADERS }), BAD_REQUEST),
  sheetCase('wrong types', 'values as a string', () => 'STT\tHọ và tên', BAD_REQUEST),
  sheetCase('wrong types', 'cells nested 1.000 deep', () => [TEMPLATE_HEADERS, JSON.parse(`${'['.repeat(1_000)}${']'.repeat(1_000)}`)], BAD_REQUEST),
  sheetCase('wrong types', 'a number as the name', () => withCells('Họ và tên', [12345, 67890, 13579]), INVALID_SHEET),
  sheetCase('wrong types', 'booleans as the name', () => withCells('Họ và tên', [true, false]), INVALID_SHEET),
  sheetCase('wrong types', 'a number as “Xếp loại”', () => withCells('Xếp loại', [2]), INVALID_SHEET),
  sheetCase('wrong types', 'a boolean as “Điểm”', () => withCells('Điểm', [true]), INVALID_SHEET),
  sheetCase('wrong types', 'a negative serial as “Ngày vào Đảng”', () => withCells('Ngày vào Đảng', [-5]), INVALID_SHEET),
  sheetCase('wrong types', 'a huge number as “Ngày sinh”', () => withCells('Ngày sinh', [1e308]), INVALID_SHEET),
  sheetCase('wrong types', 'text as “Điểm”', () => withCells('Điểm', ['tám mươi']), INVALID_SHEET),
  sheetCase(
    'wrong types',
    'checkbox booleans as “Lãnh đạo, quản lý”',
    () => withCells('Lãnh đạo, quản lý', [true, false]),
    accepted('a checkbox column reads TRUE/FALSE: Có/Không'),
  ),
  sheetCase(
    'wrong types',
    'card numbers as integers',
    () => withCells('Số thẻ đảng viên', [79000001, 79000002, 79000003]),
    accepted('getValues() gives digit-only card numbers as numbers: kept as their digits'),
    [1, 2, 3].map((i) => ({ cardNumber: `7900000${i}`, fullName: `Đảng viên ${i}` })),
  ),
];

/** 50 extra columns of junk headers and junk cells, from a fixed seed. */
function junkColumns(withTemplate: boolean): Cell[][] {
  const random = seeded(50);
  const junk = (): Cell => {
    const pick = Math.floor(random() * 5);
    if (pick === 0) return null;
    if (pick === 1) return Math.round(random() * 1e6) / 100;
    if (pick === 2) return random() < 0.5;
    return Array.from({ length: 1 + Math.floor(random() * 30) }, () => String.fromCharCode(33 + Math.floor(random() * 94))).join('');
  };
  const extra = Array.from({ length: 50 }, (_, i) => `Cột rác ${i + 1} ${String(junk())}`);
  const base = withTemplate ? grid(rows()) : Array.from({ length: 4 }, () => []);
  return base.map((row, r) => [...row, ...extra.map((header) => (r === 0 ? header : junk()))]);
}

const junkCases: HostileCase[] = [
  sheetCase('junk columns', '50 extra columns of junk', () => junkColumns(true), accepted('DOMAIN.md: unknown extra columns are ignored with a warning'), THREE_STORED),
  sheetCase('junk columns', '50 columns of junk and no template header', () => junkColumns(false), INVALID_SHEET),
];

export const sheetCases: readonly HostileCase[] = [...headerCases, ...mergedCases, ...formulaCases, ...typeCases, ...junkCases];
