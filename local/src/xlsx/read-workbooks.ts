import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell } from '../../../functions/src/domain/schema.js';
import { chooseSheet, type NamedSheet } from '../../../functions/src/domain/workbook.js';
import type { SheetSource } from '../stack/pipeline.js';
import { CsvEncodingError, parseCsv } from './read-csv.js';
import { readXlsSheets } from './read-legacy.js';

/**
 * Reads a bloc's existing files: one per organisation, named after the organisation id
 * (`org-07.xlsx`, `org-08.xls`, `org-09.csv`); the sheet whose header matches is the evaluation
 * sheet (an instructions sheet may come first). Cells come out as the add-on would send them
 * (dates as sheet serials, formula results, error codes as text, a merged range's value in its
 * top-left cell only).
 */
export const SHEET_FILE_EXTENSIONS = ['.xlsx', '.xls', '.csv'] as const;

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

async function readXlsxSheets(file: string): Promise<NamedSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const values: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        // exceljs repeats a merged range's value in every cell of it: the sheet shows it once.
        cells[col - 1] = cell.type === ExcelJS.ValueType.Merge ? null : cellOf(cell.value);
      });
      values[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    return { name: sheet.name, values: Array.from(values, (row: Cell[] | undefined) => row ?? []) };
  });
}

/** Every sheet of a file (a .csv is one sheet named after the file). */
export async function readSheets(file: string): Promise<NamedSheet[]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return [{ name: basename(file, extname(file)), values: parseCsv(await readFile(file)) }];
  if (ext === '.xls') return readXlsSheets(await readFile(file));
  return readXlsxSheets(file);
}

/** The evaluation sheet of a file, or the problem that keeps it from being read. */
export async function readSheetFile(file: string): Promise<SheetSource> {
  let sheets: NamedSheet[];
  try {
    sheets = await readSheets(file);
  } catch (error) {
    if (error instanceof CsvEncodingError) return { name: basename(file), values: [], problem: error.message };
    throw error;
  }
  const choice = chooseSheet(sheets);
  if (!choice.ok) return { name: basename(file), values: [], problem: choice.issue.message };
  const sheet = sheets[choice.index];
  if (!sheet) return { name: basename(file), values: [] };
  return { name: sheet.name, values: sheet.values.map((row) => [...row]) };
}

/** organisation id → file, from `DIR/*.xlsx|xls|csv` (or `DIR/<year>/…` when the folder has year folders). */
export async function sheetFiles(dir: string, year: number): Promise<Map<string, string>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const yearDir = entries.find((e) => e.isDirectory() && e.name === String(year));
  const hasYearDirs = entries.some((e) => e.isDirectory() && /^\d{4}$/.test(e.name));
  const folder = yearDir ? join(dir, yearDir.name) : hasYearDirs ? null : dir;
  if (folder === null) return new Map();
  const extensions: readonly string[] = SHEET_FILE_EXTENSIONS;
  const files = (await readdir(folder)).filter((f) => extensions.includes(extname(f).toLowerCase()) && !f.startsWith('~$')).sort();
  const byOrg = new Map<string, string>();
  for (const f of files) {
    const org = basename(f, extname(f));
    const other = byOrg.get(org);
    if (other !== undefined) throw new Error(`Tổ chức ${org} có hai tệp: ${basename(other)} và ${f}. Hãy chỉ để lại một tệp cho mỗi tổ chức.`);
    byOrg.set(org, join(folder, f));
  }
  return byOrg;
}
