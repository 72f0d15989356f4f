import type { Issue } from '../domain.js';
import type { Cell } from '../domain.js';
import { toCells } from '../sheet/cells.js';
import { paintIssues, type Background } from '../sheet/marks.js';
import { markAreaSchema, KEYS, type MarkArea } from '../sheet/target.js';
import { COLOURS } from '../texts/labels.js';
import { statusColumn } from '../sheet/status-column.js';
import type { RowStatus } from '../texts/labels.js';
import { documentStore, readJson, writeJson } from './properties.js';

/**
 * The only code that reads or writes the evaluation grid. One getValues per check or send;
 * one getBackgrounds + getNotes and one setBackgrounds + setNotes over the whole marked area
 * (plus one setValues for the status column): the number of calls never grows with rows.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function readValues(sheet: Sheet, timeZone: string): Cell[][] {
  const raw: unknown[][] = sheet.getDataRange().getValues();
  return toCells(raw, (date) => Utilities.formatDate(date, timeZone, 'dd/MM/yyyy'));
}

export interface PaintRequest {
  readonly values: readonly (readonly Cell[])[];
  readonly issues: readonly Issue[];
  readonly headerRow: number | null;
  /** After a send: the status column (0-based index) and each listed row's status. */
  readonly status?: { readonly index: number; readonly headerRow: number; readonly statuses: ReadonlyMap<number, RowStatus> };
}

function ensureColumns(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (columns > max) sheet.insertColumnsAfter(max, columns - max);
}

export function paintSheet(sheet: Sheet, request: PaintRequest): { marked: number } {
  const store = documentStore();
  const previous: MarkArea = readJson(store, KEYS.marks(sheet.getSheetId()), markAreaSchema) ?? { rows: 0, columns: 0 };
  const width = Math.max(0, ...request.values.map((line) => line.length));
  const statusWidth = request.status ? request.status.index + 1 : 0;
  const rows = Math.min(Math.max(request.values.length, previous.rows, 1), sheet.getMaxRows());
  const columns = Math.max(width, statusWidth, previous.columns, 1);
  ensureColumns(sheet, columns);

  const range = sheet.getRange(1, 1, rows, columns);
  const current = { backgrounds: range.getBackgrounds(), notes: range.getNotes() };
  const restore = (row: number): Background => (row === request.headerRow ? COLOURS.header : null);
  const painted = paintIssues(current, request.issues, restore);
  const status = request.status;
  const column = status ? statusColumn(status.headerRow, rows, status.statuses) : null;
  if (status && column) {
    column.fills.forEach((fill, i) => {
      const line = painted.backgrounds[status.headerRow - 1 + i];
      if (line) line[status.index] = fill;
    });
  }
  range.setBackgrounds(painted.backgrounds);
  range.setNotes(painted.notes);
  if (status && column) sheet.getRange(status.headerRow, status.index + 1, column.values.length, 1).setValues(column.values);
  writeJson(store, KEYS.marks(sheet.getSheetId()), { rows, columns } satisfies MarkArea);
  return { marked: painted.marked };
}
