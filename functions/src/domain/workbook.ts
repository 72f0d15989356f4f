import { HEADER_SCAN_ROWS, MIN_HEADER_MATCHES, matchHeader } from './sheet.js';
import { findHeaderLayout } from './layout.js';
import { issue, type Issue } from './messages.js';
import type { Cell } from './schema.js';

/**
 * Which sheet of an uploaded workbook is the list: the one whose header matches. A workbook of
 * the archive often has an instructions sheet (“Hướng dẫn”, “Ghi chú”) before the list. When
 * several sheets have the header, none is taken: guessing could send the wrong list.
 */
export interface NamedSheet {
  readonly name: string;
  readonly values: readonly (readonly Cell[])[];
}

export type SheetChoice = { readonly ok: true; readonly index: number } | { readonly ok: false; readonly issue: Issue };

export function hasListHeader(values: readonly (readonly Cell[])[]): boolean {
  return findHeaderLayout(values, matchHeader, HEADER_SCAN_ROWS, MIN_HEADER_MATCHES) !== null;
}

export function chooseSheet(sheets: readonly NamedSheet[]): SheetChoice {
  const matching = sheets.flatMap((sheet, index) => (hasListHeader(sheet.values) ? [index] : []));
  if (matching.length === 1) return { ok: true, index: matching[0] ?? 0 };
  if (matching.length === 0) return { ok: true, index: 0 }; // the validator says what the header lacks
  const names = matching.map((index) => sheets[index]?.name ?? String(index + 1));
  return { ok: false, issue: issue('error', 'SHEET_AMBIGUOUS', { row: null, column: null }, { names }) };
}
