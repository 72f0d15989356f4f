import { FIELDS, STATUS_HEADER, type FieldKey, type FieldSpec } from './fields.js';
import { issue, shorten, type Issue } from './messages.js';
import type { Cell } from './schema.js';
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
  readonly cells: readonly Cell[];
}

export interface ParsedSheet {
  readonly headerRow: number | null;
  readonly columns: readonly Column[];
  readonly byField: ReadonlyMap<FieldKey, Column>;
  readonly dataRows: readonly DataRow[];
  readonly issues: readonly Issue[];
}

const HEADER_SCAN_ROWS = 15;
/** A header is matched whole but shown (in messages and answers) at most this long. */
const HEADER_SHOWN = 200;
const MIN_HEADER_MATCHES = 3;

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

function countMatches(cells: readonly Cell[]): number {
  const seen = new Set<FieldKey>();
  for (const cell of cells) {
    const spec = matchHeader(cellText(cell));
    if (spec) seen.add(spec.key);
  }
  return seen.size;
}

/** “(1) (2) (3)…” or “1 2 3…” under the header, as in printed forms: not a member. */
function isColumnNumberingRow(cells: readonly Cell[]): boolean {
  const filled = cells.map(cellText).filter((t) => t !== '');
  return filled.length >= 3 && filled.every((t) => /^\(?[0-9]{1,2}\)?$/.test(t));
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
  let headerIndex = -1;
  for (let i = 0; i < scanned; i++) {
    if (countMatches(values[i] ?? []) >= MIN_HEADER_MATCHES) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) {
    const required = FIELDS.filter((f) => requiredFields.has(f.key)).map((f) => f.header);
    issues.push(issue('error', 'HEADER_NOT_FOUND', { row: null, column: null }, { required, scanned }));
    return empty;
  }
  const headerRow = startRow + headerIndex;
  const headerCells = values[headerIndex] ?? [];
  const columns: Column[] = [];
  const byField = new Map<FieldKey, Column>();
  headerCells.forEach((cell, index) => {
    const text = cellText(cell).replace(/\s+/g, ' ');
    if (text === '') return;
    const header = shorten(text, HEADER_SHOWN);
    const spec = matchHeader(text);
    const column: Column = { index, letter: columnLetter(index), header, field: spec?.key ?? null };
    columns.push(column);
    if (!spec) {
      if (headerKey(text) !== STATUS_KEY) {
        issues.push(issue('warning', 'COLUMN_UNKNOWN', { row: headerRow, column: header, columnIndex: index }, { header, letter: column.letter }));
      }
      return;
    }
    const first = byField.get(spec.key);
    if (first) {
      issues.push(
        issue('error', 'COLUMN_DUPLICATE', { row: headerRow, column: header, columnIndex: index }, { header: spec.header, first: first.letter, second: column.letter }),
      );
      return;
    }
    byField.set(spec.key, column);
  });
  for (const spec of FIELDS) {
    if (requiredFields.has(spec.key) && !byField.has(spec.key)) {
      issues.push(issue('error', 'COLUMN_MISSING', { row: headerRow, column: spec.header }, { header: spec.header, headerRow }));
    }
  }

  const meaningful = [...byField.values()].filter((c) => c.field !== 'stt').map((c) => c.index);
  const dataRows: DataRow[] = [];
  for (let i = headerIndex + 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    if (i === headerIndex + 1 && isColumnNumberingRow(cells)) continue;
    if (meaningful.every((index) => isBlankCell(cells[index] ?? null))) continue;
    dataRows.push({ row: startRow + i, cells });
  }
  return { headerRow, columns, byField, dataRows, issues };
}
