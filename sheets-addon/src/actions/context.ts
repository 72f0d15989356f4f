import { cachedSettingsSchema, KEYS, targetSchema, type Target } from '../sheet/target.js';
import { ruleSettingsFor, type RuleSettingsInput } from '../domain.js';
import { documentStore, readJson, writeJson } from '../apps-script/properties.js';
import { LOG_SHEET_NAME, supportLine } from '../texts/labels.js';
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
  if (status.bloc.support === null) store.deleteProperty(KEYS.support);
  else store.setProperty(KEYS.support, status.bloc.support);
  writeJson(store, KEYS.choices, { year: status.year, years: status.years, orgs: status.orgs.map((o) => ({ orgId: o.orgId, name: o.name, stateLabel: o.stateLabel })) });
}

/** The bloc office's contact (bloc config `support`) as the last status call gave it, or null. */
export function supportContact(): string | null {
  return documentStore().getProperty(KEYS.support);
}

/** A text that sends the secretary to an admin ends with who to call, when the bloc configured it. */
export function withSupport<T extends { readonly text: string }>(message: T, contact: string | null = supportContact()): T {
  return contact !== null && /quản trị viên/.test(message.text) ? { ...message, text: `${message.text}\n\n${supportLine(contact)}` } : message;
}

export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : Utilities.formatDate(date, timeZone, 'dd/MM/yyyy HH:mm');
}
