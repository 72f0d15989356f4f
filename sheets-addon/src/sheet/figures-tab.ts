import { ORG_FIGURES, ORG_FIGURES_TAB, orgFiguresTemplate, readOrgFigures, type Cell, type Issue, type OrgFigureKey } from '../domain.js';
import { readValues } from '../apps-script/sheet-io.js';
import { COLOURS } from '../texts/labels.js';
import { FIGURES_TAB } from '../texts/sheet.js';

/**
 * The tab “Số liệu tổ chức <năm>” (issue 18): the organisation's own figures, created with the
 * member template (one row per figure, a note on each value cell, numbers only), read and sent
 * with the list by “Gửi dữ liệu”.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const figuresSheetName = (year: number): string => `${ORG_FIGURES_TAB} ${year}`;
const FIRST_FIGURE_ROW = 3;
const MAX_FIGURE = 10_000_000;

export function applyFiguresTemplate(sheet: Sheet, year: number, required: readonly OrgFigureKey[]): void {
  const rows = orgFiguresTemplate(year, required);
  sheet.getRange(1, 1, rows.length, 4).setValues(rows);
  const header = sheet.getRange(2, 1, 1, 4);
  header.setBackgrounds([[COLOURS.header, COLOURS.header, COLOURS.header, COLOURS.header]]).setFontWeight('bold');
  sheet.getRange(1, 1, 1, 1).setFontWeight('bold');
  const values = sheet.getRange(FIRST_FIGURE_ROW, 3, ORG_FIGURES.length, 1);
  values.setNotes(ORG_FIGURES.map((f) => [FIGURES_TAB.note(f.label, f.note)]));
  const rule = SpreadsheetApp.newDataValidation()
    .setAllowInvalid(true)
    .setHelpText(FIGURES_TAB.help)
    .requireNumberBetween(0, MAX_FIGURE)
    .build();
  values.setDataValidations(ORG_FIGURES.map(() => [rule]));
  [50, 420, 100, 520].forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  sheet.setFrozenRows(2);
  header.protect().setDescription(FIGURES_TAB.protection).setWarningOnly(true);
}

/** Creates the year's figures tab when the file has none (an existing one keeps what was typed). */
export function ensureFiguresTab(spreadsheet: Spreadsheet, year: number, required: readonly OrgFigureKey[]): void {
  const name = figuresSheetName(year);
  if (spreadsheet.getSheetByName(name)) return;
  applyFiguresTemplate(spreadsheet.insertSheet(name), year, required);
}

/** The year's figures tab as sent, with the offline check's issues; null when the file has none. */
export function readFiguresTab(spreadsheet: Spreadsheet, year: number, timeZone: string, required: readonly OrgFigureKey[]): { name: string; values: Cell[][]; issues: readonly Issue[]; ok: boolean } | null {
  const name = figuresSheetName(year);
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return null;
  const values = readValues(sheet, timeZone);
  const checked = readOrgFigures(values, { year, required });
  return { name, values, issues: checked.issues, ok: checked.ok };
}

/** Issues of the figures tab are not cells of the member sheet: never painted there. */
export const isFigureIssue = (i: Issue): boolean => i.code.startsWith('ORG_FIGURE');
