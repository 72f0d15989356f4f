import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell } from '../../../functions/src/domain/schema.js';
import type { SheetSource } from '../stack/pipeline.js';

/**
 * Reads a bloc's existing Excel files: one workbook per organisation, named after the
 * organisation id (`org-07.xlsx`); the first worksheet is the evaluation sheet. Cells come out
 * as the add-on would send them (dates as sheet serials, formula results, error codes as text).
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // exceljs gives dates as UTC instants of the wall-clock time typed in the sheet.
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? null : cellOf(value.result);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}

export async function readSheetFile(file: string): Promise<SheetSource> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { name: basename(file), values: [] };
  const values: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    values[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { name: sheet.name, values: Array.from(values, (row: Cell[] | undefined) => row ?? []) };
}

/** organisation id → file, from `DIR/*.xlsx` (or `DIR/<year>/*.xlsx` when the folder has year folders). */
export async function sheetFiles(dir: string, year: number): Promise<Map<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const yearDir = entries.find((e) => e.isDirectory() && e.name === String(year));
  const hasYearDirs = entries.some((e) => e.isDirectory() && /^\d{4}$/.test(e.name));
  const folder = yearDir ? join(dir, yearDir.name) : hasYearDirs ? null : dir;
  if (folder === null) return new Map();
  const files = (await readdir(folder)).filter((f) => extname(f).toLowerCase() === '.xlsx' && !f.startsWith('~$'));
  return new Map(files.map((f) => [basename(f, extname(f)), join(folder, f)]));
}
