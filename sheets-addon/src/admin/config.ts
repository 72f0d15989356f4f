import { fieldProblemSchema, RULE_PACKS } from '../domain.js';
import { COLOURS } from '../texts/labels.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { applyConfig, dryRunConfig, loadConfig } from './backend.js';
import { CONFIG_COLUMNS, checkConfigSheet, configGrid, configNotes, HEADER_ROW, locate, QUOTA_MODE_LABELS, readConfigSheet, settingRow, type LocatedIssue, type ParsedConfigSheet } from './config-sheet.js';
import { alert, askYear, consoleSheet, consoleSheetOf, failed, formatDate, headerFills, writeGrid, type ConsoleSheet } from './console-sheet.js';
import { CANCELLED_TITLE, CONFIG_TEXTS as T, configSheetName } from './labels.js';

/**
 * “Tải cấu hình”, “Kiểm tra cấu hình”, “Áp dụng cấu hình”: the year's configuration as a
 * sheet, checked offline with the server's schema (bad cells red, with a note saying how to
 * fix), then sent as a dry run whose changes the admin confirms before they are applied.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const NOT_A_CONFIG_SHEET: Notice = {
  kind: 'warning',
  title: T.notAConfigSheetTitle,
  text: T.notAConfigSheet,
};

export function loadConfigSheet(): Notice {
  const ui = SpreadsheetApp.getUi();
  const year = askYear(ui, T.askYear);
  if (year === null) return { kind: 'info', title: CANCELLED_TITLE, text: T.notLoaded };
  const reply = loadConfig(year);
  if (!reply.ok) return failed(reply);
  const { config, bloc, exists } = reply.data;
  const grid = configGrid(year, bloc.name, config);
  const sheet = consoleSheet(configSheetName(year), { kind: 'config', year, timeZone: bloc.timeZone });
  writeGrid(sheet, { values: grid.values, notes: grid.notes, fills: headerFills(grid.values.length, CONFIG_COLUMNS, [1, HEADER_ROW]) });
  const list = (values: readonly string[]) => SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(false).build();
  sheet.getRange(settingRow('quotaMode'), 2).setDataValidation(list([QUOTA_MODE_LABELS.warning, QUOTA_MODE_LABELS.error]));
  sheet.getRange(settingRow('rulePack'), 2).setDataValidation(list([...RULE_PACKS]));
  sheet.setFrozenRows(HEADER_ROW);
  sheet.activate();
  return {
    kind: 'success',
    title: T.loadedTitle(year),
    text: exists ? T.loaded(sheet.getName(), config.orgs.length) : T.loadedNew(year, sheet.getName()),
  };
}

function paint(sheet: Sheet, rows: number, issues: readonly LocatedIssue[]): void {
  const fills = headerFills(rows, CONFIG_COLUMNS, [1, HEADER_ROW]);
  const notes = configNotes(rows);
  for (const issue of issues) {
    const line = fills[issue.row - 1];
    const noteLine = notes[issue.row - 1];
    if (line) line[issue.column - 1] = COLOURS.error;
    if (noteLine) noteLine[issue.column - 1] = `${noteLine[issue.column - 1] ? `${noteLine[issue.column - 1] ?? ''}\n` : ''}⛔ ${issue.message}`;
  }
  const range = sheet.getRange(1, 1, rows, CONFIG_COLUMNS);
  range.setBackgrounds(fills);
  range.setNotes(notes);
}

const where = (issue: LocatedIssue) => T.where(issue.row, 'ABCDE'[issue.column - 1] ?? '?', issue.message);

function issuesNotice(issues: readonly LocatedIssue[], sent: boolean): Notice {
  return {
    kind: 'error',
    title: T.issuesTitle(issues.length),
    text: T.issues(sent, issues.slice(0, 10).map(where), issues.length - 10),
  };
}

interface Checked {
  readonly sheet: Sheet;
  readonly meta: ConsoleSheet;
  readonly parsed: ParsedConfigSheet;
  readonly rows: number;
  readonly issues: LocatedIssue[];
}

function check(): Checked | Notice {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const meta = consoleSheetOf(sheet);
  if (meta?.kind !== 'config') return NOT_A_CONFIG_SHEET;
  const values: unknown[][] = sheet.getDataRange().getValues();
  const parsed = readConfigSheet(values, formatDate(meta.timeZone));
  const issues = checkConfigSheet(parsed, meta.year, meta.timeZone);
  const rows = Math.max(values.length, HEADER_ROW);
  paint(sheet, rows, issues);
  return { sheet, meta, parsed, rows, issues };
}

export function checkConfig(): Notice {
  const checked = check();
  if (!('parsed' in checked)) return checked;
  if (checked.issues.length > 0) return issuesNotice(checked.issues, false);
  return { kind: 'success', title: T.cleanTitle, text: T.clean(checked.parsed.orgCount, checked.meta.year) };
}

/** The server's 400 names `config.orgs.3.name`: the same cells the offline check marks. */
function serverIssues(body: unknown, parsed: ParsedConfigSheet): LocatedIssue[] {
  const fields = fieldProblemSchema.array().safeParse(body);
  if (!fields.success) return [];
  return fields.data.map((f) => {
    const path = f.path.split('.').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return { ...locate(path, parsed), message: f.message };
  });
}

export function applyConfigSheet(): Notice {
  const checked = check();
  if (!('parsed' in checked)) return checked;
  const { sheet, meta, parsed, rows } = checked;
  if (checked.issues.length > 0) return issuesNotice(checked.issues, false);
  const dry = dryRunConfig(meta.year, parsed.config);
  if (!dry.ok) {
    const located = dry.failure?.kind === 'http' ? serverIssues(dry.failure.body?.fields, parsed) : [];
    if (located.length > 0) {
      paint(sheet, rows, located);
      return issuesNotice(located, true);
    }
    return failed(dry);
  }
  if (dry.data.lines.length === 0) return { kind: 'info', title: T.noChangeTitle, text: T.noChange(meta.year) };
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(T.confirmTitle(dry.data.lines.length, meta.year), T.confirm(dry.data.lines), ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return { kind: 'info', title: CANCELLED_TITLE, text: T.notApplied };
  const applied = applyConfig(meta.year, parsed.config, dry.data.planHash);
  if (!applied.ok) return failed(applied);
  return { kind: 'success', title: T.appliedTitle(meta.year), text: T.applied(applied.data.lines) };
}

export const menuAdminLoadConfig = (): void => { alert(loadConfigSheet()); };
export const menuAdminCheckConfig = (): void => { alert(checkConfig()); };
export const menuAdminApplyConfig = (): void => { alert(applyConfigSheet()); };
