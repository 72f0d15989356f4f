import { parseA1 } from './a1.js';
import type { FakeSheet } from './grid.js';
import { DEFAULT_FILL } from './grid.js';

/** A plain copy of a sheet's state (it crosses the worker boundary) and cell look-ups on it. */
export interface ValidationView {
  readonly criteria: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly sheetId: number;
  readonly frozenRows: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Rows × columns of the area (the used area unless the caller asked for more). */
  readonly values: unknown[][];
  readonly notes: string[][];
  readonly backgrounds: string[][];
  readonly validations: (ValidationView | null)[][];
  readonly fontWeights: string[][];
  /** '' automatic, '@' plain text. */
  readonly numberFormats: string[][];
  /** Widths of columns 1…area columns. */
  readonly columnWidths: number[];
  readonly protections: { readonly a1: string; readonly description: string; readonly warningOnly: boolean }[];
}

export function snapshotOf(sheet: FakeSheet, area: { rows?: number; columns?: number } = {}): SheetSnapshot {
  const extents = [sheet.values, sheet.notes, sheet.fills].map((layer) => sheet.extent(layer));
  const rows = area.rows ?? Math.max(1, ...extents.map((e) => e.rows));
  const columns = area.columns ?? Math.max(1, ...extents.map((e) => e.columns));
  const grid = <T>(read: (row: number, column: number) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => read(r + 1, c + 1)));
  return {
    name: sheet.getName(),
    sheetId: sheet.getSheetId(),
    frozenRows: sheet.frozenRows,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    values: grid((r, c) => sheet.get(sheet.values, r, c) ?? ''),
    notes: grid((r, c) => sheet.get(sheet.notes, r, c) ?? ''),
    backgrounds: grid((r, c) => sheet.get(sheet.fills, r, c) ?? DEFAULT_FILL),
    validations: grid((r, c) => {
      const rule = sheet.get(sheet.validations, r, c);
      return rule ? { criteria: rule.criteria, values: [...rule.args], allowInvalid: rule.allowInvalid } : null;
    }),
    fontWeights: grid((r, c) => sheet.get(sheet.fontWeights, r, c) ?? 'normal'),
    numberFormats: grid((r, c) => sheet.get(sheet.numberFormats, r, c) ?? ''),
    columnWidths: Array.from({ length: columns }, (_, c) => sheet.getColumnWidth(c + 1)),
    protections: sheet.protections.map((p) => ({ a1: p.getRange().getA1Notation(), description: p.getDescription(), warningOnly: p.isWarningOnly() })),
  };
}

export interface CellView {
  readonly value: unknown;
  readonly note: string;
  readonly background: string;
  readonly validation: ValidationView | null;
}

/** The cell at an A1 address of a snapshot ('' / '#ffffff' / null outside its area). */
export function cellAt(snapshot: SheetSnapshot, a1: string): CellView {
  const { row, column } = parseA1(a1);
  const at = <T>(grid: T[][], empty: T): T => grid[row - 1]?.[column - 1] ?? empty;
  return {
    value: at<unknown>(snapshot.values, ''),
    note: at(snapshot.notes, ''),
    background: at(snapshot.backgrounds, DEFAULT_FILL),
    validation: at<ValidationView | null>(snapshot.validations, null),
  };
}

/** One column of a snapshot, from a 1-based row on. */
export function columnValues(snapshot: SheetSnapshot, column: number, fromRow = 1): unknown[] {
  return snapshot.values.slice(fromRow - 1).map((line) => line[column - 1] ?? '');
}
