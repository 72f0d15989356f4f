import { z } from 'zod';
import { documentStore, readJson, writeJson } from '../apps-script/properties.js';
import { KEYS } from '../sheet/target.js';
import { COLOURS } from '../texts/labels.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { describeFailure, type Called } from '../actions/backend.js';
import { CONSOLE_TEXTS, consoleKey } from './labels.js';

/**
 * What the console's sheets share: which sheet is which (kind and year, in the document's
 * properties), writing a whole grid in one call over what was there, the year to work on,
 * and alerts. Apps Script services only here and in the action files.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const consoleSchema = z.object({ kind: z.enum(['config', 'progress', 'audit']), year: z.number().int(), timeZone: z.string() });
export type ConsoleSheet = z.infer<typeof consoleSchema>;

export function consoleSheetOf(sheet: Sheet): ConsoleSheet | null {
  return readJson(documentStore(), consoleKey(sheet.getSheetId()), consoleSchema);
}

/** The sheet of that name (created when missing), remembered as a console sheet of that kind. */
export function consoleSheet(name: string, meta: ConsoleSheet): Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName(name) ?? spreadsheet.insertSheet(name);
  writeJson(documentStore(), consoleKey(sheet.getSheetId()), meta);
  return sheet;
}

/** Writes values (and notes, fills) in ONE call each over the grid and whatever was below or right of it. */
export function writeGrid(sheet: Sheet, grid: { values: unknown[][]; notes?: string[][]; fills?: (string | null)[][] }): void {
  const width = Math.max(1, ...grid.values.map((line) => line.length));
  const rows = Math.max(grid.values.length, sheet.getLastRow(), 1);
  const columns = Math.max(width, Math.min(sheet.getLastColumn(), 30));
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  const pad = <T>(matrix: readonly (readonly T[])[] | undefined, blank: T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => matrix?.[r]?.[c] ?? blank));
  const range = sheet.getRange(1, 1, rows, columns);
  range.setValues(pad(grid.values, ''));
  if (grid.notes) range.setNotes(pad(grid.notes, ''));
  if (grid.fills) range.setBackgrounds(pad(grid.fills, null));
}

export const headerFills = (rows: number, columns: number, headerRows: readonly number[]): (string | null)[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, () => (headerRows.includes(r + 1) ? COLOURS.header : null)));

/** The year to work on: typed by the admin, or (blank) the year the last status named. */
export function askYear(ui: GoogleAppsScript.Base.Ui, title: string): number | null {
  const remembered = Number(documentStore().getProperty(KEYS.lastYear));
  const fallback = Number.isInteger(remembered) && remembered >= 2000 ? remembered : new Date().getFullYear();
  const reply = ui.prompt(title, CONSOLE_TEXTS.askYear(fallback), ui.ButtonSet.OK_CANCEL);
  if (reply.getSelectedButton() !== ui.Button.OK) return null;
  const text = reply.getResponseText().trim();
  if (text === '') return fallback;
  const year = Number(text);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

export function alert(notice: Notice): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(notice.title, notice.text, ui.ButtonSet.OK);
}

export function failed(reply: Called<unknown> & { ok: false }): Notice {
  return { kind: 'error', ...describeFailure(reply) };
}

export const formatDate = (timeZone: string) => (date: Date, pattern: string) => Utilities.formatDate(date, timeZone, pattern);
