import { cachedSettingsSchema, KEYS, targetSchema, type Target } from '../sheet/target.js';
import { ruleSettingsFor, type RuleSettingsInput } from '../domain.js';
import { documentStore, readJson, writeJson } from '../apps-script/properties.js';
import { LOG_SHEET_NAME } from '../sidebar-model/labels.js';
import type { StatusAnswer } from '../domain.js';
import { rememberRoles } from '../admin/roles.js';

/**
 * The active sheet and what the document remembers about it: which organisation and year it
 * is for, and that year's settings as the last status call gave them.
 */
export interface SheetContext {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly target: Target | null;
  readonly year: number;
  readonly timeZone: string;
  readonly settings: RuleSettingsInput;
  readonly isLogSheet: boolean;
}

function fallbackYear(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const remembered = Number(documentStore().getProperty(KEYS.lastYear));
  if (Number.isInteger(remembered) && remembered >= 2000) return remembered;
  return Number(Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy'));
}

export function activeContext(): SheetContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getActiveSheet();
  const store = documentStore();
  const target = readJson(store, KEYS.target(sheet.getSheetId()), targetSchema);
  const year = target?.year ?? fallbackYear(spreadsheet);
  const cached = readJson(store, KEYS.settings(year), cachedSettingsSchema);
  return {
    spreadsheet,
    sheet,
    target,
    year,
    timeZone: target?.timeZone ?? spreadsheet.getSpreadsheetTimeZone(),
    settings: ruleSettingsFor(year, cached, target?.expectedMembers ?? null),
    isLogSheet: sheet.getName() === LOG_SHEET_NAME,
  };
}

export function rememberTarget(sheet: GoogleAppsScript.Spreadsheet.Sheet, target: Target): void {
  writeJson(documentStore(), KEYS.target(sheet.getSheetId()), target);
}

/** What a status call says about the year: cached for offline checks and the dropdowns. */
export function rememberStatus(status: StatusAnswer): void {
  const store = documentStore();
  writeJson(store, KEYS.settings(status.settings.year), status.settings);
  store.setProperty(KEYS.lastYear, String(status.year));
  rememberRoles(status);
}

export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : Utilities.formatDate(date, timeZone, 'dd/MM/yyyy HH:mm');
}
