import { YES_NO } from './enums.js';
import { FIELDS, STATUS_HEADER, type FieldKey, type FieldSpec } from './fields.js';
import { issue, shorten, type Issue } from './messages.js';
import type { Cell } from './schema.js';
import { findHeaderLayout, isColumnNumberingRow, isListEnd, markOf, type LogicalColumn } from './layout.js';
import { cellText, foldLoose, isBlankCell } from './text.js';

/**
 * Finds the header row (it may sit under a few title rows, as in the bloc's Excel files) and
 * maps columns to fields by name. Row numbers are the ones the user sees in the sheet.
 */
export interface Column {
  readonly index: number;
  readonly letter: string;
  /** The header as the user wrote it (cleaned), used in every message about this column. */
  readonly header: string;
  readonly field: FieldKey | null;
}

export interface DataRow {
  readonly row: number;
  /** The row's cells; a name in two columns and a one-hot group are read into their column's index. */
  readonly cells: readonly Cell[];
  /** Problems of the row found while reading its layout (one-hot groups). */
  readonly issues?: readonly Issue[];
  /** Column indexes whose value could not be read (their problem is in `issues`). */
  readonly unread?: ReadonlySet<number>;
}

export interface ParsedSheet {
  readonly headerRow: number | null;
  readonly columns: readonly Column[];
  readonly byField: ReadonlyMap<FieldKey, Column>;
  readonly dataRows: readonly DataRow[];
  readonly issues: readonly Issue[];
}

export const HEADER_SCAN_ROWS = 15;
/** A header is matched whole but shown (in messages and answers) at most this long. */
const HEADER_SHOWN = 200;
export const MIN_HEADER_MATCHES = 3;

const headerKey = (text: string): string => foldLoose(text.replace(/\([^)]*\)/g, ' ').replace(/\*/g, ' '));

const FIELD_BY_HEADER: ReadonlyMap<string, FieldSpec> = new Map(
  FIELDS.flatMap((spec) => [spec.header, ...spec.aliases].map((h) => [headerKey(h), spec] as const)),
);
const STATUS_KEY = headerKey(STATUS_HEADER);

/** A 0-based column's letters (0 → A, 26 → AA): the one A1 helper of the add-on, the writers and the tests. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  }
  return letter;
}

export function matchHeader(text: string): FieldSpec | undefined {
  return FIELD_BY_HEADER.get(headerKey(text));
}

export function parseSheet(
  values: readonly (readonly Cell[])[],
  requiredFields: ReadonlySet<FieldKey>,
  startRow = 1,
): ParsedSheet {
  const issues: Issue[] = [];
  const empty = { headerRow: null, columns: [], byField: new Map(), dataRows: [], issues };
  if (values.every((cells) => cells.every((c) => cellText(c) === ''))) {
    issues.push(issue('error', 'SHEET_EMPTY', { row: null, column: null }));
    return empty;
  }
  const scanned = Math.min(values.length, HEADER_SCAN_ROWS);
  const layout = findHeaderLayout(values, matchHeader, HEADER_SCAN_ROWS, MIN_HEADER_MATCHES);
  if (layout === null) {
    const required = FIELDS.filter((f) => requiredFields.has(f.key)).map((f) => f.header);
    issues.push(issue('error', 'HEADER_NOT_FOUND', { row: null, column: null }, { required, scanned }));
    return empty;
  }
  const headerIndex = layout.bottom;
  const headerRow = startRow + headerIndex;
  const columns: Column[] = [];
  const byField = new Map<FieldKey, Column>();
  const logicalOf = new Map<number, LogicalColumn>();
  for (const logical of layout.columns) {
    const { index, text } = logical;
    const header = shorten(text, HEADER_SHOWN);
    const spec = matchHeader(logical.kind === 'name' ? 'Họ và tên' : text);
    const column: Column = { index, letter: columnLetter(index), header, field: spec?.key ?? null };
    columns.push(column);
    if (!spec) {
      if (headerKey(text) !== STATUS_KEY) {
        issues.push(issue('warning', 'COLUMN_UNKNOWN', { row: headerRow, column: header, columnIndex: index }, { header, letter: column.letter }));
      }
      continue;
    }
    const first = byField.get(spec.key);
    if (first) {
      issues.push(
        issue('error', 'COLUMN_DUPLICATE', { row: headerRow, column: header, columnIndex: index }, { header: spec.header, first: first.letter, second: column.letter }),
      );
      continue;
    }
    byField.set(spec.key, column);
    if (logical.kind !== 'plain') logicalOf.set(index, logical);
    if (logical.kind === 'onehot') issues.push(...unknownChoices(logical, spec, header, headerRow));
  }
  for (const spec of FIELDS) {
    if (requiredFields.has(spec.key) && !byField.has(spec.key)) {
      issues.push(issue('error', 'COLUMN_MISSING', { row: headerRow, column: spec.header }, { header: spec.header, headerRow }));
    }
  }

  const physical = (c: Column): number[] => {
    const logical = logicalOf.get(c.index);
    return logical?.kind === 'name' ? [...logical.parts] : logical?.kind === 'onehot' ? logical.options.map((o) => o.index) : [c.index];
  };
  const meaningful = [...byField.values()].filter((c) => c.field !== 'stt').flatMap(physical);
  const cardIndexes = new Set(byField.get('cardNumber') ? physical(byField.get('cardNumber') as Column) : []);
  const composite = [...logicalOf.values()];
  const dataRows: DataRow[] = [];
  let endRow: number | null = null;
  for (let i = headerIndex + 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    if (i === headerIndex + 1 && isColumnNumberingRow(cells)) continue;
    const row = startRow + i;
    if (endRow === null) {
      const few = filledUpTo(cells, meaningful, 3);
      if (few === 0) continue;
      if (isListEnd(cells, few < 3)) {
        endRow = row;
        continue;
      }
      dataRows.push(composite.length === 0 ? { row, cells } : readComposite(row, cells, composite, byField));
      continue;
    }
    // Under the total row or the signature block only names, titles and a date may follow (the
    // two signers' names side by side): a row with a card number, or with three columns of the
    // list filled, is a member out of place.
    const few = filledUpTo(cells, meaningful, 3);
    const memberLike = few >= 3 || [...cardIndexes].some((index) => !isBlankCell(cells[index] ?? null));
    if (memberLike && !isListEnd(cells, few < 3)) issues.push(issue('error', 'LIST_AFTER_END', { row, column: null }, { endRow }));
  }
  return { headerRow, columns, byField, dataRows, issues };
}

/** The choices of a one-hot group over a closed list (or Có/Không) must be its values; the bloc's nêu gương scale is checked per row. */
function unknownChoices(group: Extract<LogicalColumn, { kind: 'onehot' }>, spec: FieldSpec, header: string, headerRow: number): Issue[] {
  const values = spec.kind.type === 'enum' ? spec.kind.values : spec.kind.type === 'leader' ? YES_NO : null;
  if (values === null) return [];
  const allowed = values.choices.map((c) => c.label);
  return group.options
    .filter((option) => values.match(option.text) === undefined)
    .map((option) => issue('error', 'CHOICE_OPTION_UNKNOWN', { row: headerRow, column: option.text, columnIndex: option.index }, { group: header, option: option.text, allowed }));
}

/** How many of the columns are filled, counting no further than `limit`. */
function filledUpTo(cells: readonly Cell[], indexes: readonly number[], limit: number): number {
  let n = 0;
  for (const index of indexes) if (!isBlankCell(cells[index] ?? null) && ++n >= limit) return n;
  return n;
}

/** A row's name parts joined, and each one-hot group's marked choice, at their column's index. */
function readComposite(row: number, source: readonly Cell[], composite: readonly LogicalColumn[], byField: ReadonlyMap<FieldKey, Column>): DataRow {
  const cells = [...source];
  const rowIssues: Issue[] = [];
  const unread = new Set<number>();
  for (const logical of composite) {
    if (logical.kind === 'name') {
      const parts = logical.parts.map((index) => cellText(source[index] ?? null)).filter((t) => t !== '');
      const first = source[logical.parts[0]];
      // A number in a name part stays a number, so the name check refuses it.
      cells[logical.index] = parts.length === 0 ? null : parts.length === 1 && typeof first === 'number' ? first : parts.join(' ');
      continue;
    }
    if (logical.kind !== 'onehot') continue;
    const column = [...byField.values()].find((c) => c.index === logical.index);
    const group = column?.header ?? logical.text;
    const marked = logical.options.filter((o) => markOf(source[o.index]) === 'mark');
    const other = logical.options.find((o) => markOf(source[o.index]) === 'other');
    cells[logical.index] = marked.length === 1 ? (marked[0]?.text ?? null) : null;
    if (other) {
      rowIssues.push(issue('error', 'CHOICE_MARK_INVALID', { row, column: other.text, columnIndex: other.index }, { group, value: cellText(source[other.index] ?? null) }));
    } else if (marked.length === 0) {
      rowIssues.push(issue('error', 'CHOICE_NONE', { row, column: group, columnIndex: logical.index }, { group, options: logical.options.map((o) => o.text) }));
    } else if (marked.length > 1) {
      rowIssues.push(issue('error', 'CHOICE_MANY', { row, column: group, columnIndex: marked[1]?.index ?? logical.index }, { group, marked: marked.map((o) => o.text) }));
    } else continue;
    unread.add(logical.index);
  }
  return rowIssues.length === 0 ? { row, cells } : { row, cells, issues: rowIssues, unread };
}
