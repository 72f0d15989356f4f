import { grid, TEMPLATE_HEADERS } from '../../fixtures/sheet-grid.js';
import {
  accepted,
  INVALID_SHEET,
  refused,
  rows,
  sheetCase,
  THREE_STORED,
  withCells,
  type HostileCase,
} from './kit.js';

/**
 * Hostile text in cells. The decision (functions/src/domain/text.ts, cleanText): characters
 * nobody can see or type on purpose — C0/C1 control characters (but tab and line breaks), DEL,
 * lone surrogates, zero-width spaces, bidi marks/overrides/isolates, BOM — are STRIPPED from
 * every text cell before validation, so a name is stored as it reads; card numbers are also
 * NFKC-folded (full-width digits) and lose their spaces. A name must contain a letter. What is
 * left is checked as usual (length, list values, card pattern).
 */
const named = (names: readonly string[]) => () => withCells('Họ và tên', names);
const storedNames = (names: readonly string[]) => names.map((fullName, i) => ({ cardNumber: `79.00000${i + 1}`, fullName }));
const withCards = (cards: readonly string[]) => () => withCells('Số thẻ đảng viên', cards);
const storedCards = (cards: readonly string[]) => cards.map((cardNumber, i) => ({ cardNumber, fullName: `Đảng viên ${i + 1}` }));
const same = (name: string) => storedNames([name, name, name]);
const STRIPPED = 'invisible characters are stripped from text cells (cleanText), the rest is stored';

const controlCases: HostileCase[] = [
  sheetCase('control characters', 'NUL inside names', named(['Nguyễn\u0000Văn An', '\u0000Trần Thị Bình', 'Lê Văn Cường\u0000']), accepted(STRIPPED), storedNames(['NguyễnVăn An', 'Trần Thị Bình', 'Lê Văn Cường'])),
  sheetCase('control characters', 'C0 controls, DEL and ESC in a name', named(['Phạm\u0001\u0007\u0008 Văn\u007f Dũng\u001b']), accepted(STRIPPED), same('Phạm Văn Dũng')),
  sheetCase('control characters', 'C1 controls (NEL, CSI) in a name', named(['Hoàng\u0085 Văn\u009b Em']), accepted(STRIPPED), same('Hoàng Văn Em')),
  sheetCase('control characters', 'tabs inside a name', named(['Đỗ\tThị\t\tGiang']), accepted('tabs are spaces (cleanText)'), same('Đỗ Thị Giang')),
  sheetCase('control characters', 'a name of control characters only', named(['\u0000\u0001\u0002', '\u200b\u200f']), INVALID_SHEET),
  sheetCase('control characters', 'NUL inside card numbers', withCards(['79.0000\u000001', '79.000\u0000002', '\u000079.000003']), accepted(STRIPPED), THREE_STORED),
  sheetCase('control characters', 'NUL in “Xếp loại”', () => withCells('Xếp loại', ['Hoàn thành tốt\u0000 nhiệm vụ']), accepted(`${STRIPPED}; the value then matches the list`), THREE_STORED),
  sheetCase('control characters', 'lone surrogates in a name', named(['Ngô\ud800 Văn Hải', 'Ngô Văn\udfff Hải', 'Ngô Văn Hải']), accepted(STRIPPED), storedNames(['Ngô Văn Hải', 'Ngô Văn Hải', 'Ngô Văn Hải'])),
];

const NFD = (text: string) => text.normalize('NFD');
const unicodeCases: HostileCase[] = [
  sheetCase('unicode', 'names in NFD', named(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].map(NFD)), accepted('text is stored in NFC'), storedNames(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'])),
  sheetCase('unicode', 'zero-width spaces in names', named(['Nguyễn\u200b Văn\u200b An', '\u200bBùi Thị Lan']), accepted(STRIPPED), storedNames(['Nguyễn Văn An', 'Bùi Thị Lan', 'Nguyễn Văn An'])),
  sheetCase('unicode', 'RTL/LTR marks and overrides in names', named(['\u202eNguyễn Văn An\u202c', 'Trần\u200f Thị\u200e Bình', '\u2067Lê Văn Cường\u2069']), accepted(STRIPPED), storedNames(['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'])),
  sheetCase('unicode', 'a BOM before a name', named(['\ufeffVũ Thị Mai']), accepted(STRIPPED), same('Vũ Thị Mai')),
  sheetCase('unicode', 'emoji in names', named(['Nguyễn Văn An 🌟', 'Trần Thị Bình 👨‍👩‍👧', 'Lê Văn Cường']), accepted('emoji are text; the name still has letters'), storedNames(['Nguyễn Văn An 🌟', 'Trần Thị Bình 👨‍👩‍👧', 'Lê Văn Cường'])),
  sheetCase('unicode', 'a name of emoji only', named(['🌟🌟🌟', 'Trần Thị Bình']), INVALID_SHEET),
  sheetCase('unicode', 'stacked combining marks (short)', named(['A\u0301\u0302\u0303n Văn']), accepted('combining marks are text (NFC where they compose)'), same('A\u0301\u0302\u0303n Văn'.normalize('NFC'))),
  sheetCase('unicode', 'stacked combining marks over 100 characters', named([`Ngô${'\u0334\u0335\u0336\u0337\u0338'.repeat(25)}`]), INVALID_SHEET),
  sheetCase('unicode', 'zero-width spaces in card numbers', withCards(['79.000\u200b001', '\u200b79.000002', '79.000003\u200b']), accepted(STRIPPED), THREE_STORED),
  sheetCase('unicode', 'RTL marks in card numbers', withCards(['\u200f79.000001', '79.000002\u202e', '79.\u2066000003\u2069']), accepted(STRIPPED), THREE_STORED),
  sheetCase('unicode', 'full-width digits in card numbers', withCards(['７９.０００００１', '７９．０００００２', '79.000003']), accepted('card numbers are NFKC-folded: full-width digits and dots are the ASCII ones'), THREE_STORED),
  sheetCase('unicode', 'NBSP and spaces inside card numbers', withCards(['79.000\u00a0001', ' 79. 000 002 ', '79.000003']), accepted('spaces inside card numbers are removed'), THREE_STORED),
  sheetCase('unicode', 'emoji in card numbers', withCards(['79.000001🌟', '79.000002', '79.000003']), INVALID_SHEET),
  sheetCase('unicode', 'NFD letters in card numbers', withCards(['ĂN.000001'.normalize('NFD'), 'ĂN.000002', 'ĂN.000003']), accepted('card numbers are NFC: the NFD and NFC spellings are one card'), storedCards(['ĂN.000001', 'ĂN.000002', 'ĂN.000003'])),
  sheetCase('unicode', 'the same card in NFD and NFC', withCards(['ĂN.000001'.normalize('NFD'), 'ĂN.000001', 'ĂN.000003']), INVALID_SHEET),
  sheetCase('unicode', 'the same card with and without a zero-width space', withCards(['79.000001', '79.000\u200b001', '79.000003']), INVALID_SHEET),
];

const MB = 1_048_576;
const long = (n: number) => 'Nguyễn Văn An '.repeat(Math.ceil(n / 14)).slice(0, n);
/** Exactly n characters that cleanText leaves as they are. */
const textOf = (n: number) => `${long(n - 1)}x`;
const CARD_20 = `79.${'0'.repeat(16)}1`;
const CARD_21 = `79.${'0'.repeat(17)}1`;
const AT_MAX: Readonly<Record<string, number>> = { 'Họ và tên': 100, 'Chức vụ': 200, 'Đăng ký làm theo': 1000, 'Ghi chú': 1000 };

const longCases: HostileCase[] = [
  sheetCase('long strings', 'a name of exactly 100 characters', named([textOf(100)]), accepted('the name limit is 100 characters (DOMAIN.md)'), same(textOf(100))),
  sheetCase('long strings', 'a name of 101 characters', named([textOf(101)]), INVALID_SHEET),
  sheetCase('long strings', 'a card number of 20 characters', withCards([CARD_20, '79.000002', '79.000003']), accepted('card numbers may have 20 characters'), storedCards([CARD_20, '79.000002', '79.000003'])),
  sheetCase('long strings', 'a card number of 21 characters', withCards([CARD_21, '79.000002', '79.000003']), INVALID_SHEET),
  sheetCase(
    'long strings',
    'every free-text column at its limit',
    () => grid(rows((list) => list.forEach((r, i) => Object.entries(AT_MAX).forEach(([h, max]) => (r[h] = `${i}${textOf(max - 1)}`))))),
    accepted('name 100, Chức vụ 200, Đăng ký làm theo and Ghi chú 1.000 characters are within the limits'),
  ),
  sheetCase('long strings', '10.000 characters in every column', () => grid(rows((list) => list.forEach((r) => TEMPLATE_HEADERS.forEach((h) => (r[h] = long(10_000)))))), INVALID_SHEET),
  sheetCase('long strings', '100.000 characters in every column of 20 rows', () => grid(rows((list) => list.forEach((r) => TEMPLATE_HEADERS.forEach((h) => (r[h] = long(100_000)))), 20)), refused(413, 'BODY_TOO_LARGE')),
  sheetCase('long strings', 'a 1 MB name', named([long(MB)]), INVALID_SHEET),
  sheetCase('long strings', 'a 1 MB card number', withCards(['7'.repeat(MB)]), INVALID_SHEET),
  sheetCase('long strings', 'a 1 MB “Xếp loại”', () => withCells('Xếp loại', [long(MB)]), INVALID_SHEET),
  sheetCase('long strings', 'five 1 MB notes', () => withCells('Ghi chú', [long(MB)], 5), INVALID_SHEET),
  sheetCase('long strings', 'a 1 MB “STT”', () => withCells('STT', [long(MB)]), accepted('STT is ignored whatever it holds'), THREE_STORED),
  sheetCase(
    'long strings',
    'a 1 MB cell in an unknown column',
    () => grid(rows()).map((row, r) => [...row, r === 0 ? 'Cột thêm' : long(MB)]),
    accepted('DOMAIN.md: unknown columns are ignored with a warning'),
    THREE_STORED,
  ),
  sheetCase(
    'long strings',
    'a 1 MB header of an unknown column',
    () => grid(rows()).map((row, r) => [...row, r === 0 ? long(MB) : 'x']),
    accepted('an unknown column (its header shortened in the warning) is ignored'),
    THREE_STORED,
  ),
];

export const textCases: readonly HostileCase[] = [...controlCases, ...unicodeCases, ...longCases];
