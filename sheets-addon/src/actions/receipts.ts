import { LOG_HEADERS, LOG_WIDTHS, receiptRow, type Receipt } from '../sheet/receipt.js';
import { COLOURS, LOG_SHEET_NAME } from '../texts/labels.js';

/** The “Nhật ký gửi” sheet (created on first use) and the result texts of a send. */
function logSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(LOG_SHEET_NAME);
  if (existing) return existing;
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(LOG_SHEET_NAME, spreadsheet.getSheets().length);
  active.activate(); // insertSheet activates the new sheet; the secretary stays on their data
  const header = sheet.getRange(1, 1, 1, LOG_HEADERS.length);
  header.setValues([[...LOG_HEADERS]]);
  header.setBackground(COLOURS.header).setFontWeight('bold');
  sheet.setFrozenRows(1);
  LOG_WIDTHS.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  return sheet;
}

export function recordReceipt(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, receipt: Receipt): void {
  logSheet(spreadsheet).appendRow(receiptRow(receipt));
}

