import { STYLE_LOOK, type SummaryCell, type SummaryRow, type SummaryTab } from '../domain/summary-model.js';

/**
 * What the two writers (Google Sheets, .xlsx) share: where a cell lands, its number format, its
 * look, and how user text is made safe. Nothing here decides layout; it only reads the model.
 */

/** Google Sheets refuses a cell longer than 50.000 characters; Excel stops at 32.767. */
export const SHEETS_CELL_LIMIT = 50_000;
export const EXCEL_CELL_LIMIT = 32_767;

export interface PlacedCell {
  /** 0-based column; a cell with a span pushes the next one right by its span. */
  readonly col: number;
  readonly cell: SummaryCell;
}

export function placeCells(row: SummaryRow): PlacedCell[] {
  let col = 0;
  return row.map((cell) => {
    const placed = { col, cell };
    col += Math.max(1, cell.span ?? 1);
    return placed;
  });
}

/** Columns a tab uses: its widths, and every row with its spans. */
export function usedColumns(tab: SummaryTab): number {
  const widest = tab.rows.reduce((max, row) => Math.max(max, row.reduce((n, cell) => n + Math.max(1, cell.span ?? 1), 0)), 0);
  return Math.max(widest, tab.columnWidths.length);
}

export interface NumberFormat {
  readonly type: 'NUMBER' | 'PERCENT' | 'DATE_TIME';
  readonly pattern: string;
}

const hasTenths = (value: number): boolean => !Number.isInteger(Math.round(value * 10) / 10);

/**
 * The number format of a numeric cell, read by the spreadsheet's locale (vi_VN shows “4.617”
 * and “97,9%”). One decimal at most and a trailing “,0” dropped (DOMAIN.md), so decimal and delta
 * pick their pattern from the value: a pattern like “0.#” would leave a dangling separator.
 */
export function numberFormatOf(cell: SummaryCell): NumberFormat | null {
  const { value, format } = cell;
  if (typeof value !== 'number') return null;
  switch (format) {
    case 'int':
      return { type: 'NUMBER', pattern: '#,##0' };
    case 'percent0':
      return { type: 'PERCENT', pattern: '0%' };
    case 'percent1':
      return { type: 'PERCENT', pattern: '0.0%' };
    case 'datetime':
      return { type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' };
    case 'delta':
      return { type: 'NUMBER', pattern: hasTenths(value) ? '+#,##0.0;-#,##0.0;0' : '+#,##0;-#,##0;0' };
    case 'decimal':
    case 'text':
    case undefined:
      return { type: 'NUMBER', pattern: hasTenths(value) ? '#,##0.0' : '#,##0' };
  }
}

export interface CellLook {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly wrap: boolean;
  readonly center: boolean;
  readonly fontSize: number | null;
  /** “#RRGGBB”, or null for no fill. */
  readonly background: string | null;
}

export function lookOf(cell: SummaryCell): CellLook {
  const style = cell.style ? STYLE_LOOK[cell.style] : {};
  return {
    bold: cell.bold ?? false,
    italic: cell.italic ?? false,
    wrap: cell.wrap ?? false,
    center: cell.center ?? style.center ?? false,
    fontSize: style.fontSize ?? null,
    background: style.background ?? null,
  };
}

/** A look with nothing to apply (the writers skip such cells). */
export const isPlain = (look: CellLook): boolean =>
  !look.bold && !look.italic && !look.wrap && !look.center && look.fontSize === null && look.background === null;

/** “#DDEBF7” → its three channels in 0–255. */
export function rgbOf(hex: string): { red: number; green: number; blue: number } {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const channel = (part: string | undefined): number => Number.parseInt(part ?? '0', 16);
  return { red: channel(match[1]), green: channel(match[2]), blue: channel(match[3]) };
}

// C0 controls except tab and line feed, DEL, C1 controls, and the two XML non-characters.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * User text made safe for a cell: CR LF → LF, control characters removed (they break the xlsx
 * XML and show as boxes in Sheets), cut at `limit` without splitting a surrogate pair. Whether a
 * leading = + - @ stays text is the writers' job (RAW input; a string cell in xlsx).
 */
export function cleanText(value: string, limit: number): string {
  const clean = value.replace(/\r\n?/g, '\n').replace(CONTROL, '');
  if (clean.length <= limit) return clean;
  const last = clean.charCodeAt(limit - 1);
  return clean.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}

/** The value a writer stores: cleaned text, a finite number, or nothing. */
export function cellValue(cell: SummaryCell, limit: number): string | number | null {
  const { value } = cell;
  if (typeof value === 'string') return cleanText(value, limit);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return null;
}
