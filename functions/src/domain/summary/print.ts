import { localParts } from '../time-zone.js';
import type { BlocRollup } from '../rollup-schema.js';
import type { PrintSetup, SummaryRow, SummaryTab, TabName } from './cells.js';

/**
 * How each tab prints (issue 15): A4, fit to one page wide, the header rows (and the STT/name
 * columns of a wide table) repeated on every page, a header with the data's date and a footer
 * with the bloc, the year and “Trang N/M”. Pure: both writers read it where their format allows.
 */

/** “Chưa nộp” too: its eight columns (1.120 px) printed portrait came out at about 60%, 6 pt. */
const LANDSCAPE: ReadonlySet<TabName> = new Set(['Theo tổ chức', 'Chưa nộp', 'So sánh', 'Nhiệm kỳ']);

/** Columns repeated at the left of each printed page (rows repeated: the tab's frozen header rows). */
const REPEAT_COLUMNS: Partial<Record<TabName, number>> = { 'Theo tổ chức': 2 };

/**
 * A fixed print scale instead of fitting one page wide. “Theo tổ chức” has about 30 printed
 * columns: one page wide makes its text about 3 pt. At 60% (text about 6,5 pt, narrow margins) it prints two
 * pages wide, the STT and name columns repeated on both, and about 40 organisations a page
 * tall: 4 landscape pages for the 74-organisation demo bloc.
 */
/** Tabs printed with narrow side margins (to fit two pages wide). */
const NARROW: ReadonlySet<TabName> = new Set(['Theo tổ chức']);

const SCALE: Partial<Record<TabName, number>> = { 'Theo tổ chức': 60 };

/** Columns a tab's rows reach, so the print area covers the spans too. */
const widthOf = (rows: readonly SummaryRow[], widths: readonly number[]): number =>
  Math.max(widths.length, ...rows.map((row) => row.reduce((n, c) => n + Math.max(1, c.span ?? 1), 0)));

/**
 * Columns printed. “Theo tổ chức” prints its counts and leaves the working columns (last
 * submission, by whom, warnings) to the screen: the warnings alone would make rows pages tall.
 */
function printedColumns(tab: SummaryTab): number {
  const all = widthOf(tab.rows, tab.columnWidths);
  if (tab.name !== 'Theo tổ chức') return all;
  const stop = (tab.rows[0] ?? []).findIndex((c) => c.value === 'Lần nộp cuối');
  return stop > 0 ? stop : all;
}

export function printSetupOf(tab: SummaryTab, r: BlocRollup): PrintSetup {
  const now = localParts(r.generatedAt, r.timeZone);
  return {
    paper: 'A4',
    orientation: LANDSCAPE.has(tab.name) ? 'landscape' : 'portrait',
    fitToWidth: SCALE[tab.name] === undefined,
    scale: SCALE[tab.name] ?? null,
    area: { rows: tab.rows.length, cols: printedColumns(tab) },
    repeatRows: tab.frozenRows,
    repeatColumns: REPEAT_COLUMNS[tab.name] ?? 0,
    // Inches, the unit both Excel and LibreOffice store.
    margins: { left: NARROW.has(tab.name) ? 0.3 : 0.5, right: NARROW.has(tab.name) ? 0.3 : 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    header: `Số liệu tính đến ${now.time} ngày ${now.date}`,
    footer: `${r.blocName} – năm ${String(r.year)}`,
  };
}

export const withPrint = (tab: SummaryTab, r: BlocRollup): SummaryTab => ({
  ...tab,
  rowHeights: { ...tab.rowHeights, ...rowHeightsOf(tab, printedColumns(tab)) },
  print: printSetupOf(tab, r),
});

/**
 * Text width and line height in the default 11 pt font, in pixels. 6,2 px a character is a safe
 * average for Vietnamese names (measured on the printed demo: 7 made most two-word-over names
 * two lines tall on paper while they print on one).
 */
export const PX_PER_CHAR = 6.2;
export const LINE_PX = 20;

/** Lines a wrapped text needs in a column `px` wide. */
export function linesOf(value: string, px: number): number {
  const perLine = Math.max(1, Math.floor((px - 8) / PX_PER_CHAR));
  return value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** Heights of the rows whose wrapped cells (in the first `cols` columns) need more than one line. */
export function rowHeightsOf(tab: SummaryTab, cols: number): Record<number, number> {
  const heights: Record<number, number> = {};
  tab.rows.forEach((row, r) => {
    let col = 0;
    let lines = 1;
    for (const cell of row) {
      const span = Math.max(1, cell.span ?? 1);
      if (cell.wrap && typeof cell.value === 'string' && col < cols) {
        const px = tab.columnWidths.slice(col, col + span).reduce((s, w) => s + w, 0);
        lines = Math.max(lines, linesOf(cell.value, px));
      }
      col += span;
    }
    if (lines > 1) heights[r] = lines * LINE_PX;
  });
  return heights;
}
