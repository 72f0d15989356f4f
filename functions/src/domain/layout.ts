import type { FieldSpec } from './fields.js';
import type { Cell } from './schema.js';
import { cellText, foldLoose, isBlankCell } from './text.js';

/**
 * The shapes of the bloc's archive files, read from sheet values alone (an .xlsx, an .xls, a
 * .csv or getValues() in the add-on: merge information is not always there, so merges are
 * inferred from the grid, where a merged range keeps its text in its top-left cell only):
 *
 * - a header of one row, or of two rows: group labels (“Thông tin đảng viên”) over the real
 *   headers, header cells merged down over both rows (blank in the lower row), and one-hot
 *   groups (“Xếp loại chất lượng” over HTXSNV / HTTNV / HTNV / KHTNV, marked with an “x”);
 * - the name in two columns (“Họ và tên đệm” + “Tên”);
 * - the end of the list: a total row (“Tổng cộng”, “Cộng”) or a signature block
 *   (“Người lập biểu”, “T/M CHI ỦY”, “BÍ THƯ”, “…, ngày … tháng … năm …”).
 */
export type LogicalColumn =
  | { readonly kind: 'plain'; readonly index: number; readonly text: string }
  /** The name split in two adjacent columns; read as “first second”. */
  | { readonly kind: 'name'; readonly index: number; readonly text: string; readonly parts: readonly [number, number] }
  /** One column per choice under a group label; the choice is the one marked. */
  | { readonly kind: 'onehot'; readonly index: number; readonly text: string; readonly options: readonly { readonly index: number; readonly text: string }[] };

export interface HeaderLayout {
  /** 0-based index of the header's first and last rows (equal for a one-row header). */
  readonly top: number;
  readonly bottom: number;
  readonly columns: readonly LogicalColumn[];
}

export type HeaderMatcher = (text: string) => FieldSpec | undefined;

const label = (cell: Cell | undefined): string => cellText(cell ?? null).replace(/\s+/g, ' ');

/** Field kinds a one-hot group can stand for: a closed list, or Có/Không. */
const ONE_HOT_KINDS: ReadonlySet<string> = new Set(['enum', 'leader', 'exemplary']);

const NAME_FIRST = new Set(['ho va ten dem', 'ho va dem', 'ho dem', 'ho', 'ho va chu dem', 'ho ten dem']);
const NAME_LAST = new Set(['ten']);

/** Adjacent “Họ và tên đệm” + “Tên” become one name column. */
function joinNameParts(columns: readonly LogicalColumn[]): LogicalColumn[] {
  const out: LogicalColumn[] = [];
  for (let i = 0; i < columns.length; i++) {
    const a = columns[i];
    const b = columns[i + 1];
    if (a && b && a.kind === 'plain' && b.kind === 'plain' && b.index === a.index + 1 && NAME_FIRST.has(foldLoose(a.text)) && NAME_LAST.has(foldLoose(b.text))) {
      out.push({ kind: 'name', index: a.index, text: `${a.text} + ${b.text}`, parts: [a.index, b.index] });
      i += 1;
    } else if (a) out.push(a);
  }
  return out;
}

function oneRowColumns(cells: readonly Cell[]): LogicalColumn[] {
  const columns: LogicalColumn[] = [];
  cells.forEach((cell, index) => {
    const text = label(cell);
    if (text !== '') columns.push({ kind: 'plain', index, text });
  });
  return joinNameParts(columns);
}

/** “(1) (2) (3)…” or “1 2 3…” under the header, as in printed forms: not a member. */
export function isColumnNumberingRow(cells: readonly Cell[]): boolean {
  const filled = cells.map((c) => cellText(c)).filter((t) => t !== '');
  return filled.length >= 3 && filled.every((t) => /^\(?[0-9]{1,2}\)?\.?$/.test(t));
}

/**
 * Whether `lower` completes `upper` as the second row of a header: every label of the lower row
 * stands under a blank upper cell (a merge from the left), under a group label, or under a label
 * that is no column of the template. A first member row never does: its name stands under
 * “Họ và tên”, a column of its own.
 */
function isSubHeaderRow(upper: readonly Cell[], lower: readonly Cell[], match: HeaderMatcher): boolean {
  if (isColumnNumberingRow(lower)) return false;
  let labels = 0;
  for (let c = 0; c < lower.length; c++) {
    if (label(lower[c]) === '') continue;
    labels += 1;
    const u = label(upper[c]);
    if (u === '') continue;
    const spanStart = label(upper[c + 1]) === '' && label(lower[c + 1]) !== '';
    if (!spanStart && match(u)) return false;
  }
  return labels > 0;
}

function twoRowColumns(upper: readonly Cell[], lower: readonly Cell[], match: HeaderMatcher): LogicalColumn[] {
  const width = Math.max(upper.length, lower.length);
  const columns: LogicalColumn[] = [];
  for (let c = 0; c < width; c++) {
    const u = label(upper[c]);
    const l = label(lower[c]);
    if (u === '') {
      if (l !== '') columns.push({ kind: 'plain', index: c, text: l });
      continue;
    }
    // A label over sub-labels spans to the right over blank upper cells (a merged range).
    let end = c;
    if (l !== '') while (end + 1 < width && label(upper[end + 1]) === '' && label(lower[end + 1]) !== '') end++;
    if (end === c) {
      columns.push({ kind: 'plain', index: c, text: l !== '' && (match(l) || !match(u)) ? l : u });
      continue;
    }
    const subs = Array.from({ length: end - c + 1 }, (_, k) => ({ index: c + k, text: label(lower[c + k]) }));
    const spec = match(u);
    const asPlain = joinNameParts(subs.map((s) => ({ kind: 'plain' as const, ...s })));
    const named = asPlain.length === 1 && asPlain[0]?.kind === 'name';
    // A choice may read like its group's own header (“Nêu gương” is a level of the “Nêu gương” scale).
    const choices = spec !== undefined && subs.every((s) => (match(s.text)?.key ?? spec.key) === spec.key);
    if (spec && ONE_HOT_KINDS.has(spec.kind.type) && !named && choices) {
      columns.push({ kind: 'onehot', index: c, text: u, options: subs });
    } else {
      columns.push(...asPlain);
    }
    c = end;
  }
  return joinNameParts(columns);
}

function score(columns: readonly LogicalColumn[], match: HeaderMatcher): number {
  const seen = new Set<string>();
  for (const column of columns) {
    const spec = match(column.kind === 'name' ? 'Họ và tên' : column.text);
    if (spec) seen.add(spec.key);
  }
  return seen.size;
}

/**
 * The first header (one or two rows) among the first `scanRows` rows with at least `minMatches`
 * template columns. A header of three rows (group labels, headers, one-hot choices) is read as
 * its last two rows: the group labels say nothing about the columns.
 */
export function findHeaderLayout(values: readonly (readonly Cell[])[], match: HeaderMatcher, scanRows: number, minMatches: number): HeaderLayout | null {
  const rowAt = (i: number): readonly Cell[] => values[i] ?? [];
  const scanned = Math.min(values.length, scanRows);
  // A header's rows all lie within the scanned rows.
  const twoRow = (i: number): LogicalColumn[] | null =>
    i + 1 < scanned && isSubHeaderRow(rowAt(i), rowAt(i + 1), match) ? twoRowColumns(rowAt(i), rowAt(i + 1), match) : null;
  for (let i = 0; i < scanned; i++) {
    const single = oneRowColumns(rowAt(i));
    const double = twoRow(i);
    const singleScore = score(single, match);
    const doubleScore = double ? score(double, match) : -1;
    if (double && doubleScore >= minMatches && doubleScore >= singleScore) {
      const next = twoRow(i + 1);
      if (next && score(next, match) >= doubleScore) return { top: i + 1, bottom: i + 2, columns: next };
      return { top: i, bottom: i + 1, columns: double };
    }
    if (singleScore >= minMatches) return { top: i, bottom: i, columns: single };
  }
  return null;
}

// ---- the end of the list ----

const TOTAL_WORDS = new Set(['tong cong', 'cong', 'tong', 'tong so', 'cong so', 'tong so dang vien', 'trong do']);
const SIGNATURE_WORDS = new Set([
  'nguoi lap bieu',
  'nguoi lap',
  'nguoi lap danh sach',
  'nguoi lap bang',
  'bi thu',
  'pho bi thu',
  'xac nhan',
  'chi uy',
  'dang uy',
  'ky ten',
  'ky ghi ro ho ten',
  'ky va ghi ro ho ten',
  'ky ghi ro ho va ten',
]);
const DATE_LINE = /(^| )ngay( .*)? thang( .*)? nam( |$)/;

function isSignatureText(text: string): boolean {
  const key = foldLoose(text);
  return SIGNATURE_WORDS.has(key) || /^t ?m /.test(key) || DATE_LINE.test(key);
}

/**
 * A total row (its first filled cell is “Tổng cộng”, “Cộng”…) or, when `fewFilled` (under three
 * of the list's columns filled), a signature line (every filled cell is a signature word or a
 * date line): the list ends above it. Cheap for member rows (validation throughput): their first
 * cell is an STT number, or one text folded.
 */
export function isListEnd(cells: readonly Cell[], fewFilled: boolean): boolean {
  const first = cells.find((c) => !isBlankCell(c));
  if (first === undefined) return false;
  if (typeof first === 'string') {
    const key = foldLoose(first);
    if (TOTAL_WORDS.has(key) || key.startsWith('tong cong ') || key.startsWith('trong do ')) return true;
  }
  if (!fewFilled) return false;
  return cells.every((c) => isBlankCell(c) || isSignatureText(cellText(c)));
}

const MARKS = new Set(['x', 'v', '1', 'co', 'true', '✓', '✔', '☑', '●', '•', '+']);

/** A one-hot cell: 'mark', 'blank', or 'other' (text that is no mark: the row cannot be read). */
export function markOf(cell: Cell | undefined): 'mark' | 'blank' | 'other' {
  if (cell === true) return 'mark';
  const text = cellText(cell ?? null);
  if (text === '' || cell === false) return 'blank';
  return MARKS.has(foldLoose(text) || text.trim().toLowerCase()) ? 'mark' : 'other';
}
