import { columnLetter } from '../domain/sheet.js';
import { problems } from '../domain/problems.js';
import type { sheets_v4 } from '@googleapis/sheets';
import type { GridRange, SummaryChart, SummaryModel, SummaryTab, TabName } from '../domain/summary-model.js';
import { formatRanges } from './format-ranges.js';
import { cellValue, placeCells, SHEETS_CELL_LIMIT, usedColumns } from './render.js';

/**
 * The summary model as the two write requests of one refresh (STYLE.md §9), pure:
 * 1. `spreadsheets.batchUpdate` (structure, runs FIRST so every tab exists): locale and time
 *    zone; missing tabs added with sheet ids chosen here; on existing tabs the charts deleted,
 *    merges undone, every cell cleared (values and formats) and column widths reset; then tab
 *    order, grid size, frozen rows/columns, widths, formats (one repeatCell per rectangle of one
 *    format), merges, charts.
 * 2. `spreadsheets.values.batchUpdate` with valueInputOption RAW: numbers stay numbers and no
 *    string is ever parsed, so an organisation named “=IMPORTXML(…)” stays text.
 * Tabs of the spreadsheet that the model does not name are left alone.
 */

export interface ExistingSheet {
  readonly sheetId: number;
  readonly title: string;
  /** Embedded charts on that tab (spreadsheets.get, fields sheets.charts.chartId). */
  readonly chartIds?: readonly number[];
}

export type CellInput = string | number | null;

export interface ValuesBatchUpdate {
  readonly valueInputOption: 'RAW';
  readonly data: { readonly range: string; readonly values: CellInput[][] }[];
}

export interface SheetsRefresh {
  readonly sheetIds: ReadonlyMap<TabName, number>;
  readonly batchUpdate: { readonly requests: sheets_v4.Schema$Request[] };
  readonly valuesBatchUpdate: ValuesBatchUpdate;
}

/** A new tab gets 1000 + its index, moved past any id the spreadsheet already uses. */
export const FIRST_SHEET_ID = 1000;
/** A new sheet's grid in Google Sheets; kept as the minimum so charts and notes have room. */
const MIN_ROWS = 1000;
const MIN_COLUMNS = 26;
/** The width Sheets gives a column by default. */
const DEFAULT_WIDTH = 100;


/** 'Tổng hợp'!A1:H70 — the tab name always quoted, a quote in it doubled. */
export function a1Range(tab: string, rows: number, cols: number): string {
  return `'${tab.replace(/'/g, "''")}'!A1:${columnLetter(Math.max(cols, 1) - 1)}${Math.max(rows, 1)}`;
}

function assignSheetIds(model: SummaryModel, existing: readonly ExistingSheet[]): Map<TabName, number> {
  const taken = new Set(existing.map((s) => s.sheetId));
  const ids = new Map<TabName, number>();
  model.tabs.forEach((tab, index) => {
    const found = existing.find((s) => s.title === tab.name);
    if (found) {
      ids.set(tab.name, found.sheetId);
      return;
    }
    let id = FIRST_SHEET_ID + index;
    while (taken.has(id)) id += model.tabs.length;
    taken.add(id);
    ids.set(tab.name, id);
  });
  return ids;
}

function tabValues(tab: SummaryTab): CellInput[][] {
  return tab.rows.map((row) => {
    const out: CellInput[] = [];
    for (const { col, cell } of placeCells(row)) {
      while (out.length < col) out.push(null);
      out.push(cellValue(cell, SHEETS_CELL_LIMIT));
    }
    return out;
  });
}

/** Consecutive columns of one width become one request. */
function widthRequests(sheetId: number, widths: readonly number[]): sheets_v4.Schema$Request[] {
  const requests: sheets_v4.Schema$Request[] = [];
  let start = 0;
  widths.forEach((width, i) => {
    if (widths[i + 1] === width) return;
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: start, endIndex: i + 1 },
        properties: { pixelSize: width },
        fields: 'pixelSize',
      },
    });
    start = i + 1;
  });
  return requests;
}

/** Google Sheets' default row height in pixels. */
export const DEFAULT_ROW_PX = 21;

/**
 * Every row back to the default height (a refresh must not keep the heights of last time's
 * rows), then the model's taller rows (wrapped text), consecutive rows of one height together.
 */
function heightRequests(sheetId: number, rowCount: number, heights: Readonly<Record<number, number>>): sheets_v4.Schema$Request[] {
  const request = (startIndex: number, endIndex: number, pixelSize: number): sheets_v4.Schema$Request => ({
    updateDimensionProperties: { range: { sheetId, dimension: 'ROWS', startIndex, endIndex }, properties: { pixelSize }, fields: 'pixelSize' },
  });
  const requests = [request(0, rowCount, DEFAULT_ROW_PX)];
  let run: { start: number; end: number; px: number } | null = null;
  for (const row of Object.keys(heights).map(Number).sort((x, y) => x - y)) {
    const px = heights[row] ?? DEFAULT_ROW_PX;
    if (run && row === run.end && px === run.px) run.end = row + 1;
    else {
      if (run) requests.push(request(run.start, run.end, run.px));
      run = { start: row, end: row + 1, px };
    }
  }
  if (run) requests.push(request(run.start, run.end, run.px));
  return requests;
}

/** A spreadsheet holds at most 10 million cells (all its tabs). */
const SHEETS_MAX_CELLS = 10_000_000;

function gridSize(tab: SummaryTab, model: SummaryModel): { rowCount: number; columnCount: number } {
  const charts = model.charts.filter((c) => c.tab === tab.name);
  return {
    rowCount: Math.max(MIN_ROWS, tab.rows.length, ...charts.map((c) => c.anchor.row + 1)),
    columnCount: Math.max(MIN_COLUMNS, usedColumns(tab), ...charts.map((c) => c.anchor.col + 1)),
  };
}

function tabRequests(tab: SummaryTab, index: number, sheetId: number, model: SummaryModel): sheets_v4.Schema$Request[] {
  const { rowCount, columnCount } = gridSize(tab, model);
  const merges: sheets_v4.Schema$Request[] = tab.rows.flatMap((row, r) =>
    placeCells(row)
      .filter(({ cell }) => (cell.span ?? 1) > 1)
      .map(({ col, cell }) => ({
        mergeCells: {
          range: { sheetId, startRowIndex: r, endRowIndex: r + 1, startColumnIndex: col, endColumnIndex: col + (cell.span ?? 1) },
          mergeType: 'MERGE_ALL',
        },
      })),
  );
  return [
    {
      updateSheetProperties: {
        properties: {
          sheetId,
          index,
          gridProperties: { rowCount, columnCount, frozenRowCount: tab.frozenRows, frozenColumnCount: tab.frozenColumns },
        },
        fields: 'index,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount,gridProperties.frozenColumnCount',
      },
    },
    ...widthRequests(sheetId, tab.columnWidths),
    ...heightRequests(sheetId, rowCount, tab.rowHeights ?? {}),
    ...formatRanges(tab).map((range) => ({
      repeatCell: {
        range: { sheetId, startRowIndex: range.startRow, endRowIndex: range.endRow, startColumnIndex: range.startCol, endColumnIndex: range.endCol },
        cell: { userEnteredFormat: range.format },
        fields: range.fields,
      },
    })),
    ...merges,
  ];
}

function gridRange(range: GridRange, ids: ReadonlyMap<TabName, number>, rowsAbove = 0): sheets_v4.Schema$GridRange {
  const sheetId = ids.get(range.tab);
  if (sheetId === undefined) throw new Error(`chart range on a tab the model lacks: ${range.tab}`);
  if (range.startRow - rowsAbove < 0) throw new Error(`chart names above row 0 on ${range.tab}`);
  return {
    sheetId,
    startRowIndex: range.startRow - rowsAbove,
    endRowIndex: range.endRow,
    startColumnIndex: range.startCol,
    endColumnIndex: range.endCol,
  };
}

const source = (range: sheets_v4.Schema$GridRange): sheets_v4.Schema$ChartData => ({ sourceRange: { sources: [range] } });

function chartSpec(chart: SummaryChart, ids: ReadonlyMap<TabName, number>): sheets_v4.Schema$ChartSpec {
  if (chart.type === 'pie') {
    const [only, ...more] = chart.series;
    if (!only || more.length > 0) throw new Error(`a pie chart takes exactly one series: ${chart.title}`);
    return {
      title: chart.title,
      pieChart: { legendPosition: 'RIGHT_LEGEND', domain: source(gridRange(chart.domain, ids)), series: source(gridRange(only.range, ids)) },
    };
  }
  const above = chart.namesAbove ? 1 : 0;
  return {
    title: chart.title,
    basicChart: {
      chartType: chart.type === 'bar' ? 'BAR' : 'COLUMN',
      legendPosition: 'BOTTOM_LEGEND',
      headerCount: above,
      domains: [{ domain: source(gridRange(chart.domain, ids, above)) }],
      series: chart.series.map((s) => ({
        series: source(gridRange(s.range, ids, above)),
        targetAxis: chart.type === 'bar' ? 'BOTTOM_AXIS' : 'LEFT_AXIS',
      })),
    },
  };
}

function chartRequest(chart: SummaryChart, ids: ReadonlyMap<TabName, number>): sheets_v4.Schema$Request {
  const sheetId = ids.get(chart.tab);
  if (sheetId === undefined) throw new Error(`chart on a tab the model lacks: ${chart.tab}`);
  return {
    addChart: {
      chart: {
        spec: chartSpec(chart, ids),
        position: { overlayPosition: { anchorCell: { sheetId, rowIndex: chart.anchor.row, columnIndex: chart.anchor.col }, widthPixels: chart.size.width, heightPixels: chart.size.height } },
      },
    },
  };
}

export function sheetsRequests(model: SummaryModel, existingSheets: readonly ExistingSheet[]): SheetsRefresh {
  const ids = assignSheetIds(model, existingSheets);
  const idOf = (tab: SummaryTab): number => {
    const id = ids.get(tab.name);
    if (id === undefined) throw new Error(`no sheet id for ${tab.name}`);
    return id;
  };
  const ours = existingSheets.filter((s) => model.tabs.some((t) => t.name === s.title));

  const cells = model.tabs.reduce((n, tab) => {
    const { rowCount, columnCount } = gridSize(tab, model);
    return n + rowCount * columnCount;
  }, 0);
  if (cells > SHEETS_MAX_CELLS) throw problems.summaryTooLarge(cells, SHEETS_MAX_CELLS);
  const requests: sheets_v4.Schema$Request[] = [
    { updateSpreadsheetProperties: { properties: { locale: model.locale, timeZone: model.timeZone }, fields: 'locale,timeZone' } },
    ...model.tabs
      .filter((tab) => !existingSheets.some((s) => s.title === tab.name))
      .map((tab): sheets_v4.Schema$Request => ({ addSheet: { properties: { sheetId: idOf(tab), title: tab.name } } })),
    ...ours.flatMap((sheet): sheets_v4.Schema$Request[] => [
      ...(sheet.chartIds ?? []).map((objectId) => ({ deleteEmbeddedObject: { objectId } })),
      { unmergeCells: { range: { sheetId: sheet.sheetId } } },
      { updateCells: { range: { sheetId: sheet.sheetId }, fields: '*' } },
      {
        updateDimensionProperties: {
          range: { sheetId: sheet.sheetId, dimension: 'COLUMNS' },
          properties: { pixelSize: DEFAULT_WIDTH },
          fields: 'pixelSize',
        },
      },
    ]),
    ...model.tabs.flatMap((tab, index) => tabRequests(tab, index, idOf(tab), model)),
    ...model.charts.map((chart) => chartRequest(chart, ids)),
  ];

  return {
    sheetIds: ids,
    batchUpdate: { requests },
    valuesBatchUpdate: {
      valueInputOption: 'RAW',
      data: model.tabs.map((tab) => ({ range: a1Range(tab.name, tab.rows.length, usedColumns(tab)), values: tabValues(tab) })),
    },
  };
}
