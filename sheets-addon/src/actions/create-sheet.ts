import { ruleHelp, templateColumns, TEMPLATE_DATA_ROWS, type ColumnRule } from '../sheet/template.js';
import { KEYS, targetFromStatus, targetSchema, type Target } from '../sheet/target.js';
import { documentStore, readJson } from '../apps-script/properties.js';
import { COLOURS, evaluationSheetName, NOT_AN_EVALUATION_SHEET } from '../texts/labels.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { chosenTarget } from './choose.js';
import { sheetCreated, sheetExists, sheetLinked, TEMPLATE_PROTECTION } from '../texts/actions.js';
import { offerCarryOver } from './carry-over.js';
import { activeContext, rememberTarget } from './context.js';
import { ensureFiguresTab } from '../sheet/figures-tab.js';

/**
 * “Tạo bảng đánh giá”: a new sheet with the template header (frozen, protected, a note on
 * every header, widths) and dropdowns built from the validator's own lists, remembered as the
 * chosen organisation's sheet for the year.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const PLAIN_TEXT_FORMAT = '@';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function validation(header: string, rule: ColumnRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(ruleHelp(header, rule));
  return rule.type === 'list' ? builder.requireValueInList([...rule.values], true).build() : builder.requireNumberBetween(rule.min, rule.max).build();
}

export function applyTemplate(sheet: Sheet, exemplaryScale: readonly string[]): void {
  const columns = templateColumns(exemplaryScale);
  const n = columns.length;
  if (sheet.getMaxColumns() < n) sheet.insertColumnsAfter(sheet.getMaxColumns(), n - sheet.getMaxColumns());
  const header = sheet.getRange(1, 1, 1, n);
  header.setValues([columns.map((c) => c.header)]);
  header.setNotes([columns.map((c) => c.note)]);
  header.setBackgrounds([columns.map((_, i) => (i === n - 1 ? COLOURS.statusHeader : COLOURS.header))]);
  header.setFontWeight('bold').setWrap(true).setVerticalAlignment('middle');
  sheet.setFrozenRows(1);
  columns.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width));
  const rules = columns.map((c) => (c.rule ? validation(c.header, c.rule) : null));
  const dataRows = Math.min(TEMPLATE_DATA_ROWS, sheet.getMaxRows() - 1);
  sheet.getRange(2, 1, dataRows, n).setDataValidations(Array.from({ length: dataRows }, () => rules));
  columns.forEach((c, i) => {
    if (c.plainText) sheet.getRange(2, i + 1, dataRows, 1).setNumberFormat(PLAIN_TEXT_FORMAT);
  });
  header.protect().setDescription(TEMPLATE_PROTECTION).setWarningOnly(true);
}

function sheetFor(spreadsheet: Spreadsheet, target: Target): Sheet | 'exists' {
  const plain = evaluationSheetName(target.year);
  const candidates = [plain, `${plain} – ${target.orgName}`.slice(0, 90)];
  for (const name of candidates) {
    const existing = spreadsheet.getSheetByName(name);
    if (!existing) return spreadsheet.insertSheet(name);
    const bound = readJson(documentStore(), KEYS.target(existing.getSheetId()), targetSchema);
    if (bound && bound.orgId === target.orgId && bound.year === target.year) {
      existing.activate();
      return 'exists';
    }
  }
  for (let i = 2; ; i++) {
    const name = `${candidates[1]} (${i})`;
    if (!spreadsheet.getSheetByName(name)) return spreadsheet.insertSheet(name);
  }
}

export function createEvaluationSheet(ui: GoogleAppsScript.Base.Ui, year: number, orgId: string): Notice {
  const choice = chosenTarget(year, orgId);
  if (choice.kind === 'failed') return { kind: 'error', ...choice.text };
  const target = targetFromStatus(choice.status, choice.org);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetFor(spreadsheet, target);
  if (sheet === 'exists') return sheetExists(target.orgName, target.year);
  applyTemplate(sheet, choice.status.settings.exemplaryScale);
  ensureFiguresTab(spreadsheet, target.year, choice.status.settings.orgFiguresRequired ?? []);
  rememberTarget(sheet, target);
  sheet.activate();
  const carried = offerCarryOver(ui, sheet, target);
  return sheetCreated({ sheetName: sheet.getName(), orgName: target.orgName, year: target.year, rulePack: choice.status.settings.rulePackTitle, deadline: target.deadlineText, carried });
}

/**
 * “Gắn trang tính này”: a list already typed (or pasted from last year's Excel file) becomes the
 * chosen organisation's sheet as it is, without the template; the check then names what to fix.
 */
export function linkActiveSheet(year: number, orgId: string): Notice {
  const ctx = activeContext();
  if (ctx.isLogSheet) return NOT_AN_EVALUATION_SHEET;
  const choice = chosenTarget(year, orgId);
  if (choice.kind === 'failed') return { kind: 'error', ...choice.text };
  const target = targetFromStatus(choice.status, choice.org);
  rememberTarget(ctx.sheet, target);
  return sheetLinked(ctx.sheet.getName(), target.orgName, target.year);
}
