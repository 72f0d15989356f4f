import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { SummaryModel, SummaryTab } from '../../../functions/src/domain/summary-model.js';
import type { PrintSetup } from '../../../functions/src/domain/summary-model.js';
import { columnLetter } from '../../../functions/src/domain/sheet.js';
import { cellValue, EXCEL_CELL_LIMIT, lookOf, numberFormatOf, placeCells } from '../../../functions/src/summary-writers/render.js';
import { addCharts } from './chart-parts.js';

/**
 * Renders the summary model as a local .xlsx (STYLE.md §10): the same tabs in the same order,
 * values, number formats, widths, frozen panes, merges and the look of each style.
 *
 * Print: each tab's page setup from the model (A4, orientation, fit to one page wide, print area and
 * titles, margins, header, footer with “Trang N/M”) and the row heights of wrapped text.
 *
 * Charts: exceljs 4.4 cannot write charts; chart-parts.ts adds the model's three as native
 * DrawingML charts to the package exceljs wrote. Text is written as plain string cells (shared
 * strings): exceljs makes a formula only from a `{ formula }` object, so a user's “=cmd” stays
 * text. Number formats read the reader's Excel locale (a Vietnamese Excel shows “4.617”).
 */

/** Excel measures a column in widths of “0”; about 7 px each in the default font. */
export const PX_PER_CHAR = 7;

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** Header/footer text is a format string in Excel: “&” starts a code, so a literal one is doubled. */
const hf = (value: string): string => value.replace(/&/g, '&&');

/** The model's page setup as Excel's: A4, fit to width, print area and titles, header, footer with “Trang N/M”. */
function applyPrint(sheet: ExcelJS.Worksheet, print: PrintSetup): void {
  const lastCol = columnLetter(print.area.cols - 1);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    // A4. exceljs declares PaperSize as a `const enum` with no runtime object, which esbuild cannot inline.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(print.scale !== null ? { scale: print.scale } : {}),
    horizontalCentered: true,
    margins: print.margins,
    // exceljs prefixes each end with “$” only: “A$1” becomes the absolute “$A$1” LibreOffice needs
    // (it ignores the print area “$A1:$AF76” exceljs would write from “A1:AF76”).
    printArea: `A$1:${lastCol}$${String(Math.max(1, print.area.rows))}`,
    ...(print.repeatRows > 0 ? { printTitlesRow: `1:${String(print.repeatRows)}` } : {}),
    ...(print.repeatColumns > 0 ? { printTitlesColumn: `A:${columnLetter(print.repeatColumns - 1)}` } : {}),
  };
  sheet.headerFooter = {
    oddHeader: `&R&I${hf(print.header)}`,
    oddFooter: `&L${hf(print.footer)}&RTrang &P/&N`,
  };
}

function renderTab(workbook: ExcelJS.Workbook, tab: SummaryTab): void {
  const frozen = tab.frozenRows > 0 || tab.frozenColumns > 0;
  const sheet = workbook.addWorksheet(tab.name, {
    views: frozen ? [{ state: 'frozen', xSplit: tab.frozenColumns, ySplit: tab.frozenRows }] : [{ state: 'normal' }],
  });
  tab.columnWidths.forEach((px, i) => {
    sheet.getColumn(i + 1).width = Math.round((px / PX_PER_CHAR) * 100) / 100;
  });
  for (const [r, px] of Object.entries(tab.rowHeights ?? {})) sheet.getRow(Number(r) + 1).height = Math.round(px * 0.75 * 100) / 100;
  if (tab.print) applyPrint(sheet, tab.print);
  tab.rows.forEach((row, r) => {
    for (const { col, cell } of placeCells(row)) {
      const target = sheet.getCell(r + 1, col + 1);
      const value = cellValue(cell, EXCEL_CELL_LIMIT);
      if (value !== null) target.value = value;
      const number = numberFormatOf(cell);
      if (number) target.numFmt = number.pattern;
      const look = lookOf(cell);
      if (look.bold || look.italic || look.fontSize !== null) {
        target.font = {
          ...(look.bold ? { bold: true } : {}),
          ...(look.italic ? { italic: true } : {}),
          ...(look.fontSize !== null ? { size: look.fontSize } : {}),
        };
      }
      if (look.wrap || look.center) {
        target.alignment = { ...(look.wrap ? { wrapText: true } : {}), ...(look.center ? { horizontal: 'center' } : {}) };
      }
      if (look.background !== null) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(look.background) } };
      const span = cell.span ?? 1;
      if (span > 1) sheet.mergeCells(r + 1, col + 1, r + 1, col + span);
    }
  });
}

export function summaryWorkbook(model: SummaryModel): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.title = model.title;
  workbook.creator = 'danh-gia-dang-vien';
  for (const tab of model.tabs) renderTab(workbook, tab);
  return workbook;
}

/** The workbook with its charts. */
export async function summaryXlsxBuffer(model: SummaryModel): Promise<Buffer> {
  return addCharts(Buffer.from(await summaryWorkbook(model).xlsx.writeBuffer()), model);
}

export async function writeSummaryXlsx(model: SummaryModel, filePath: string): Promise<void> {
  await writeFile(filePath, await summaryXlsxBuffer(model));
}
