import { formatSheetSerial, toSheetSerial } from '../time-zone.js';
import type { Percent } from '../derive.js';
import { formatDecimal, formatInt, formatPercent } from '../format.js';
import type { ReportPage } from './report-page.js';

/**
 * The summary workbook as plain data (STYLE.md §10): tabs of rows of cells, plus charts.
 * The Google Sheets and .xlsx writers only render it. Percentages are stored as fractions
 * (0.979) so the spreadsheet's vi_VN locale formats them; a date-time is a spreadsheet serial
 * of the bloc's local wall-clock time.
 */
export const TAB_NAMES = ['Tổng hợp', 'Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh', 'Số liệu tổ chức', 'Nhiệm kỳ'] as const;
export type TabName = (typeof TAB_NAMES)[number];

/**
 * int “4.617”; percent0 “99%”; percent1 “97,9%”; decimal “1,2”; delta: a signed change, one
 * decimal at most (“+2,5”, “-1”, “0”); datetime “dd/MM/yyyy HH:mm”.
 */
export type CellFormat = 'int' | 'percent0' | 'percent1' | 'decimal' | 'delta' | 'text' | 'datetime';

/** title: the tab's heading; section: a table's heading; header: column headings; total: a sum row. */
export type CellStyle = 'title' | 'section' | 'header' | 'total';

/** How each style looks, in both writers: font size in points, fill as “#RRGGBB”. */
export interface StyleLook {
  readonly fontSize?: number;
  readonly background?: string;
  readonly center?: boolean;
}
export const STYLE_LOOK: Readonly<Record<CellStyle, StyleLook>> = {
  title: { fontSize: 14 },
  section: { background: '#DDEBF7' },
  header: { background: '#D9D9D9', center: true },
  total: { background: '#F2F2F2' },
};

export interface SummaryCell {
  readonly value: string | number | null;
  readonly format?: CellFormat;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly wrap?: boolean;
  /** Centred horizontally (header cells are centred by their style). */
  readonly center?: boolean;
  readonly style?: CellStyle;
  /** Merge this cell with the next span − 1 cells of its row. */
  readonly span?: number;
}
export type SummaryRow = readonly SummaryCell[];

export interface SummaryTab {
  readonly name: TabName;
  /** Pixels, one per column. */
  readonly columnWidths: readonly number[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  readonly rows: readonly SummaryRow[];
  /** Heights in pixels of the rows that need more than one line (wrapped text), by 0-based row. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** How the tab prints; set by buildSummaryModel for every tab. */
  readonly print?: PrintSetup;
}

/**
 * A tab's page setup. The footer gets “Trang N/M” from the writer (page fields are a format's
 * own syntax); header and footer are plain text here.
 */
export interface PrintSetup {
  readonly paper: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  /** One page wide, as many pages tall as needed. */
  readonly fitToWidth: boolean;
  /** Percent, when the tab prints at a fixed scale instead (fitToWidth false). */
  readonly scale: number | null;
  /** The printed range from A1: rows × columns. */
  readonly area: { readonly rows: number; readonly cols: number };
  /** The first N rows / columns repeated on every page. */
  readonly repeatRows: number;
  readonly repeatColumns: number;
  /** Inches. */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly header: string;
  readonly footer: string;
}

/** 0-based, end exclusive (the Sheets GridRange convention). */
export interface GridRange {
  readonly tab: TabName;
  readonly startRow: number;
  readonly endRow: number;
  readonly startCol: number;
  readonly endCol: number;
}

export interface SummaryChart {
  readonly tab: TabName;
  readonly title: string;
  readonly type: 'column' | 'bar' | 'pie';
  /** Top-left cell the chart is placed over (0-based). */
  readonly anchor: { readonly row: number; readonly col: number };
  /** Pixels: the chart covers the columns beside its table, over the table's rows. */
  readonly size: { readonly width: number; readonly height: number };
  readonly domain: GridRange;
  readonly series: readonly { readonly name: string; readonly range: GridRange }[];
  /**
   * The row just above the domain and series ranges holds the series names (a header row);
   * Sheets reads a chart's legend from there, it has no other place for a series name.
   */
  readonly namesAbove: boolean;
}

export interface SummaryModel {
  readonly title: string;
  /** The spreadsheet's locale and time zone (numbers as “4.617”, dates in the bloc's zone). */
  readonly locale: 'vi_VN';
  readonly timeZone: string;
  readonly tabs: readonly SummaryTab[];
  readonly charts: readonly SummaryChart[];
  /** The “Báo cáo” as a document (the tab and the Word report are made from it). */
  readonly report: ReportPage;
  /** The printed pages' footer text: the bloc and the year. */
  readonly footer: string;
}

export const EMPTY: SummaryCell = { value: null };

export const text = (value: string, extra: Omit<SummaryCell, 'value' | 'format'> = {}): SummaryCell => ({
  value,
  format: 'text',
  ...extra,
});
export const int = (value: number | null, extra: Omit<SummaryCell, 'value' | 'format'> = {}): SummaryCell =>
  value === null ? { value: null, ...extra } : { value, format: 'int', ...extra };
export const decimal = (value: number | null): SummaryCell => (value === null ? EMPTY : { value, format: 'decimal' });
export const delta = (value: number | null): SummaryCell => (value === null ? EMPTY : { value, format: 'delta' });
export const title = (value: string, span: number): SummaryCell => ({ value, format: 'text', bold: true, style: 'title', span });
export const section = (value: string, span: number): SummaryCell => ({ value, format: 'text', bold: true, style: 'section', span });
export const header = (value: string): SummaryCell => ({ value, format: 'text', bold: true, wrap: true, style: 'header' });

/**
 * A percentage in 0–100 (format.ts) as a fraction; “–” when there is no base to divide by.
 * Always one decimal in a table (“98,0%” under “97,3%”: one number format per column, so the
 * figures align); the report's sentences keep “bằng 98%” (report.ts).
 */
export function percent(value: Percent, extra: Omit<SummaryCell, 'value' | 'format'> = {}): SummaryCell {
  if (value === null) return { value: '–', format: 'text', ...extra };
  // Tenths of a percent → an exact-looking fraction (4,1% → 0.041, not 0.040999…).
  return { value: Math.round(value * 10) / 1000, format: 'percent1', ...extra };
}

export const dateTime = (iso: string | null, zone: string): SummaryCell =>
  iso === null ? EMPTY : { value: toSheetSerial(iso, zone), format: 'datetime' };

/** The text a Vietnamese spreadsheet would show (tests, CLI). */
export function displayCell(cell: SummaryCell): string {
  const { value, format } = cell;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'int':
      return formatInt(value);
    case 'percent0':
      return formatPercent(Math.round(value * 100));
    case 'percent1': {
      // Always one decimal, as the cell's “0.0%” pattern shows it: 98,0%.
      const shown = formatPercent(Math.round(value * 1000) / 10);
      return /,\d%$/.test(shown) ? shown : shown.replace('%', ',0%');
    }
    case 'delta':
      return (value > 0 ? '+' : '') + formatDecimal(value);
    case 'datetime':
      return formatSheetSerial(value);
    default:
      return formatDecimal(value);
  }
}

/** A tab's rows as display text, for tests and the CLI. */
export const displayRows = (tab: SummaryTab): string[][] => tab.rows.map((row) => row.map(displayCell));
