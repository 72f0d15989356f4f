import { YES_NO, type Enumeration } from './enums.js';
import type { FieldKind } from './fields.js';
import { issue, type Issue, type Location } from './messages.js';
import { CARD_PATTERN, type Cell } from './schema.js';
import { fromSerial, isoDate, parseDateText } from './dates.js';
import { cellText, fold, foldLoose } from './text.js';

/**
 * Where cell values are normalised: each field kind turns a raw cell (as getValues() or an
 * .xlsx reader gives it) into the stored value, or a problem to report at that cell.
 * `null` means the cell is blank; whether blank is allowed is decided by the caller.
 */
export type Where = Location;
export type Outcome = { ok: true; value: unknown } | { ok: false; problem: (where: Where) => Issue };
export type Normaliser = (cell: Cell) => Outcome;

const ok = (value: unknown): Outcome => ({ ok: true, value });
const fail = (problem: (where: Where) => Issue): Outcome => ({ ok: false, problem });
const BLANK = ok(null);
const FORMULA_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)/i;

function text(cell: Cell): string | Outcome {
  const value = cellText(cell);
  if (value === '') return BLANK;
  if (FORMULA_ERROR.test(value)) return fail((w) => issue('error', 'CELL_FORMULA_ERROR', w, { value }));
  return value;
}

const LETTER = /\p{L}/u;

function normaliseText(max: number, personName: boolean): Normaliser {
  return (cell) => {
    const value = text(cell);
    if (typeof value !== 'string') return value;
    if (value.length > max) return fail((w) => issue('error', 'TEXT_TOO_LONG', w, { length: value.length, max }));
    if (personName && (typeof cell !== 'string' || !LETTER.test(value))) return fail((w) => issue('error', 'NAME_INVALID', w, { value }));
    return ok(value);
  };
}

function normaliseCard(cell: Cell): Outcome {
  const raw = typeof cell === 'number' && Number.isInteger(cell) ? cell.toFixed(0) : text(cell);
  if (typeof raw !== 'string') return raw;
  // NFKC: full-width digits and dots (as typed with some input methods) are the ASCII ones.
  const card = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return CARD_PATTERN.test(card) ? ok(card) : fail((w) => issue('error', 'CARD_INVALID', w, { value: raw }));
}

function normaliseDate(allowYear: boolean): Normaliser {
  const code = allowYear ? 'BIRTH_INVALID' : 'DATE_INVALID';
  return (cell) => {
    if (typeof cell === 'number') {
      // A number that reads as a year is a year (a birth year, or an error), never the sheet serial of a day in 1902–1908.
      if (Number.isInteger(cell) && cell >= 1000 && cell <= 2999) {
        if (allowYear && cell >= 1900 && cell <= 2100) return ok(String(cell));
        return fail((w) => issue('error', allowYear ? code : 'DATE_YEAR_ONLY', w, { value: String(cell) }));
      }
      const iso = fromSerial(cell);
      return iso ? ok(iso) : fail((w) => issue('error', code, w, { value: String(cell) }));
    }
    const value = text(cell);
    if (typeof value !== 'string') return value;
    if (allowYear && /^\d{4}$/.test(value) && Number(value) >= 1900 && Number(value) <= 2100) return ok(value);
    if (!allowYear && /^\d{4}$/.test(value)) return fail((w) => issue('error', 'DATE_YEAR_ONLY', w, { value }));
    const iso = parseDateText(value);
    return iso ? ok(iso) : fail((w) => issue('error', code, w, { value }));
  };
}

function normaliseScore(cell: Cell): Outcome {
  const value = typeof cell === 'number' ? cell : text(cell);
  if (typeof value === 'object') return value;
  const score = typeof value === 'number' ? value : /^\d{1,3}([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : NaN;
  return Number.isFinite(score) && score >= 0 && score <= 100
    ? ok(score)
    : fail((w) => issue('error', 'SCORE_INVALID', w, { value: String(value) }));
}

function normaliseChoice(match: (text: string) => string | undefined, allowed: readonly string[]): Normaliser {
  return (cell) => {
    const value = text(cell);
    if (typeof value !== 'string') return value;
    const code = match(value);
    return code === undefined ? fail((w) => issue('error', 'VALUE_NOT_IN_LIST', w, { value, allowed })) : ok(code);
  };
}

const enumLabels = (values: Enumeration<string>): string[] => values.choices.map((c) => c.label);

/** Có/Không, where x or ✓ means Có: the result is a boolean. */
function normaliseYesNo(blankMeans: boolean | null): Normaliser {
  const choose = normaliseChoice(YES_NO.match, enumLabels(YES_NO));
  return (cell) => {
    if (typeof cell === 'boolean') return ok(cell);
    const outcome = choose(cell);
    if (!outcome.ok) return outcome;
    return ok(outcome.value === null ? blankMeans : outcome.value === 'yes');
  };
}

/** “NGT”, “NG”, “CNG”: the initials of each level of the bloc's own scale are accepted too. */
function exemplaryMatcher(scale: readonly string[]): (text: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const label of scale) {
    byKey.set(fold(label), label);
    byKey.set(foldLoose(label), label);
  }
  for (const label of scale) {
    const initials = foldLoose(label)
      .split(' ')
      .map((word) => word[0] ?? '')
      .join('');
    if (!byKey.has(initials)) byKey.set(initials, label);
  }
  return (value) => byKey.get(fold(value)) ?? byKey.get(foldLoose(value));
}

const IGNORE: Normaliser = () => BLANK;

export function normaliserFor(kind: FieldKind, exemplaryScale: readonly string[]): Normaliser {
  switch (kind.type) {
    case 'ignored':
      return IGNORE;
    case 'text':
      return normaliseText(kind.max, kind.personName === true);
    case 'card':
      return normaliseCard;
    case 'date':
      return normaliseDate(false);
    case 'birth':
      return normaliseDate(true);
    case 'score':
      return normaliseScore;
    case 'leader':
      return normaliseYesNo(false);
    case 'enum':
      return kind.values === YES_NO ? normaliseYesNo(null) : normaliseChoice(kind.values.match, enumLabels(kind.values));
    case 'exemplary':
      return normaliseChoice(exemplaryMatcher(exemplaryScale), exemplaryScale);
  }
}

/**
 * Closed lists repeat the same few values thousands of times: remember each distinct cell's
 * outcome so a 100.000-row sheet folds each spelling once. A column often repeats the value of
 * the row above: that is checked first, without hashing the cell.
 */
export function memoised(normalise: Normaliser): Normaliser {
  const cache = new Map<Cell, Outcome>();
  let lastCell: Cell | undefined;
  let lastOutcome: Outcome = BLANK;
  return (cell) => {
    if (cell === lastCell) return lastOutcome;
    let outcome = cache.get(cell);
    if (outcome === undefined) {
      outcome = normalise(cell);
      if (cache.size < 10_000) cache.set(cell, outcome);
    }
    lastCell = cell;
    lastOutcome = outcome;
    return outcome;
  };
}

/**
 * The cells nearly every row holds, read without the normaliser: a card number already in
 * upper-case ASCII, a dd/mm/yyyy date, a score that is a number, text of plain Vietnamese
 * letters. A fast path gives the value the field's normaliser (and schema) would give, or
 * undefined when it cannot tell: the normaliser then decides, with its own problem message.
 * test/unit/domain/validation-shortcuts.test.ts checks the two agree.
 */
export type FastPath = (cell: Cell) => unknown;

const CODE_0 = 48;
const CODE_9 = 57;
const isDigitCode = (c: number): boolean => c >= CODE_0 && c <= CODE_9;

/** Digits, upper-case ASCII letters, dots and dashes, with a letter or a digit: what NFKC, trimming and upper-casing leave alone. */
function fastCard(cell: Cell): string | undefined {
  if (typeof cell !== 'string' || cell.length === 0 || cell.length > 20) return undefined;
  let alphanumeric = false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (isDigitCode(c) || (c >= 65 && c <= 90)) alphanumeric = true;
    else if (c !== 46 && c !== 45) return undefined;
  }
  return alphanumeric ? cell : undefined;
}

const isDateSeparator = (c: number): boolean => c === 47 || c === 46 || c === 45;

/** d/m/yyyy with one- or two-digit day and month (“/”, “.” or “-”), as parseDateText reads it. */
function fastDayMonthYear(text: string): string | undefined {
  const n = text.length;
  if (n < 8 || n > 10) return undefined;
  let i = 0;
  let day = 0;
  while (i < 2 && isDigitCode(text.charCodeAt(i))) day = day * 10 + text.charCodeAt(i++) - CODE_0;
  if (i === 0 || !isDateSeparator(text.charCodeAt(i++))) return undefined;
  const monthStart = i;
  let month = 0;
  while (i - monthStart < 2 && isDigitCode(text.charCodeAt(i))) month = month * 10 + text.charCodeAt(i++) - CODE_0;
  if (i === monthStart || !isDateSeparator(text.charCodeAt(i++)) || n - i !== 4) return undefined;
  let year = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isDigitCode(c)) return undefined;
    year = year * 10 + c - CODE_0;
  }
  return isoDate(year, month, day) ?? undefined;
}

/** A four-digit year from 1900 to 2100, the birth year alone. */
function isBirthYearText(text: string): boolean {
  if (text.length !== 4) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i);
    if (!isDigitCode(c)) return false;
    year = year * 10 + c - CODE_0;
  }
  return year >= 1900 && year <= 2100;
}

const fastDate: FastPath = (cell) => (typeof cell === 'string' ? fastDayMonthYear(cell) : undefined);

const fastBirth: FastPath = (cell) => {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1900 && cell <= 2100 ? String(cell) : undefined;
  if (typeof cell !== 'string') return undefined;
  return isBirthYearText(cell) ? cell : fastDayMonthYear(cell);
};

/** NaN fails both comparisons; ±Infinity fails one. */
const fastScore: FastPath = (cell) => (typeof cell === 'number' && cell >= 0 && cell <= 100 ? cell : undefined);

/**
 * Printable ASCII, Latin-1 letters and Latin Extended-A/B, Latin Extended Additional (every
 * precomposed Vietnamese letter): characters that are already NFC in any sequence, with no
 * space, control or invisible mark among them (a test checks every pair).
 */
export const isPlainTextCode = (c: number): boolean => (c > 0x20 && c < 0x7f) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
/** Among the plain characters: the letters (all but ASCII signs and digits, × and ÷). */
export const isPlainLetterCode = (c: number): boolean => (c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : (c >= 65 && c <= 90) || (c >= 97 && c <= 122));

/** Text cleanText leaves as it is (plain characters, single spaces inside), within `max` and no formula error. */
function fastText(max: number, personName: boolean): FastPath {
  // A column often repeats the cell above (one pledge copied down the list): accepted once, it is not scanned again.
  let lastAccepted: string | undefined;
  return (cell) => {
    if (cell === lastAccepted) return cell;
    if (typeof cell !== 'string') return undefined;
    const n = cell.length;
    // “#” could start a formula error; a space at either end is trimmed.
    if (n === 0 || n > max || cell.charCodeAt(0) === 35 || cell.charCodeAt(n - 1) === 32) return undefined;
    let letter = !personName;
    let previous = 32;
    for (let i = 0; i < n; i++) {
      const c = cell.charCodeAt(i);
      if (c === 32) {
        if (previous === 32) return undefined;
      } else if (!isPlainTextCode(c)) return undefined;
      else if (!letter && isPlainLetterCode(c)) letter = true;
      previous = c;
    }
    if (!letter) return undefined;
    lastAccepted = cell;
    return cell;
  };
}

/** The fast path of a field kind, or null when every cell goes through its normaliser. */
export function fastPathFor(kind: FieldKind): FastPath | null {
  switch (kind.type) {
    case 'card':
      return fastCard;
    case 'date':
      return fastDate;
    case 'birth':
      return fastBirth;
    case 'score':
      return fastScore;
    case 'text':
      return fastText(kind.max, kind.personName === true);
    default:
      return null;
  }
}
