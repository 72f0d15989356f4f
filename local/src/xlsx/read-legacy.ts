import * as XLSX from '@e965/xlsx';
import type { Cell } from '../../../functions/src/domain/schema.js';
import type { NamedSheet } from '../../../functions/src/domain/workbook.js';

/**
 * Excel 97–2003 (.xls, BIFF8) workbooks of the archive, read with SheetJS Community Edition
 * 0.20.3 (the npm package @e965/xlsx republishes the official release tarballs; the `xlsx` package
 * on npm stopped at 0.18.5, with two known advisories). Used for reading values only: dates come
 * as sheet serials (as from the add-on), formulas as their cached results, error cells as their
 * text (#N/A). Merged ranges keep their value in the top-left cell only, as in Excel itself.
 */
export function readXlsSheets(bytes: Uint8Array): NamedSheet[] {
  const workbook = XLSX.read(bytes, { type: 'buffer', cellDates: false, cellFormula: false, cellStyles: false });
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name];
    const ref = sheet?.['!ref'];
    if (!sheet || ref === undefined) return { name, values: [] };
    const range = XLSX.utils.decode_range(ref);
    const values: Cell[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: Cell[] = [];
      for (let c = 0; c <= range.e.c; c++) row.push(cellOf(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
      values.push(row);
    }
    return { name, values };
  });
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function cellOf(cell: XLSX.CellObject | undefined): Cell {
  if (cell === undefined) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return cell.w ?? '#N/A';
    case 'd':
      return cell.v instanceof Date ? (cell.v.getTime() - EXCEL_EPOCH_MS) / 86_400_000 : null;
    default:
      return null;
  }
}

/** A BIFF8 workbook of the given sheets (test fixtures; merges as ranges like “A1:D1”). */
export function writeXlsWorkbook(sheets: readonly { name: string; values: readonly (readonly Cell[])[]; merges?: readonly string[] }[]): Buffer {
  const workbook = XLSX.utils.book_new();
  for (const { name, values, merges } of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(values.map((row) => [...row]));
    if (merges) sheet['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(workbook, sheet, name);
  }
  return XLSX.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}
