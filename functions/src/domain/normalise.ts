import { YES_NO, type Enumeration } from './enums.js';
import type { FieldKind } from './fields.js';
import { issue, type Issue, type Location } from './messages.js';
import { CARD_PATTERN, type Cell } from './schema.js';
import { fromSerial, parseDateText } from './dates.js';
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
