import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import type { Cell } from '../../../functions/src/domain/schema.js';
import { readSheetFile, sheetFiles } from '../../../local/src/xlsx/read-workbooks.js';
import { writeXlsWorkbook } from '../../../local/src/xlsx/read-legacy.js';
import { grid, validRows, type RowSpec } from '../../fixtures/sheet-grid.js';
import { layOut, SHAPES } from '../../fixtures/sheet-shapes.js';

const y2024 = { year: 2024 };
const dir = mkdtempSync(join(tmpdir(), 'archive-'));
const MEMBERS: RowSpec[] = validRows(4).map((s, i) => ({ ...s, 'Họ và tên': ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hoa', 'Phạm Minh Đức'][i] ?? null, 'Xếp loại': i === 1 ? 'HTNV' : 'HTTNV' }));
const expected = validateSheet(grid(MEMBERS), y2024).rows.map((r) => r.evaluation);
const ALL = layOut(MEMBERS, new Set(SHAPES));
const GUIDE: Cell[][] = [['HƯỚNG DẪN NHẬP DANH SÁCH'], ['Ghi “x” vào cột xếp loại của đảng viên.']];

async function writeXlsx(file: string, sheets: readonly { name: string; values: Cell[][]; merges?: readonly string[] }[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const { name, values, merges } of sheets) {
    const sheet = workbook.addWorksheet(name);
    values.forEach((row, r) => row.forEach((value, c) => { if (value !== null) sheet.getCell(r + 1, c + 1).value = value; }));
    for (const range of merges ?? []) sheet.mergeCells(range);
  }
  const path = join(dir, file);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function members(path: string) {
  const source = await readSheetFile(path);
  expect(source.problem).toBeUndefined();
  const r = validateSheet(source.values, y2024);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return { sheet: source.name, rows: r.rows.map((x) => x.row), evaluations: r.rows.map((x) => x.evaluation) };
}

describe('reading the archive files', () => {
  it('.xlsx with real merged ranges (exceljs), an instructions sheet first: the list sheet, exactly the members', async () => {
    const path = await writeXlsx('org-a.xlsx', [{ name: 'Hướng dẫn', values: GUIDE }, { name: 'Danh sách', values: ALL.values, merges: ALL.merges }]);
    expect(await members(path)).toEqual({ sheet: 'Danh sách', rows: ALL.memberRows, evaluations: expected });
  });
  it('.xls (BIFF8, written with the same library) with merges and sheet dates: exactly the members', async () => {
    const values = ALL.values.map((row) => [...row]);
    // A date typed as a date in Excel: the cell holds the serial (31121 = 15/03/1985).
    const birth = ALL.columnIndex.get('Ngày sinh') ?? -1;
    for (const row of ALL.memberRows) (values[row - 1] as Cell[])[birth] = 31121;
    const path = join(dir, 'org-b.xls');
    writeFileSync(path, writeXlsWorkbook([{ name: 'Ghi chú', values: GUIDE }, { name: 'DS 2024', values, merges: ALL.merges }]));
    const read = await members(path);
    expect(read).toEqual({ sheet: 'DS 2024', rows: ALL.memberRows, evaluations: expected });
    expect(read.evaluations.map((e) => e.birthDate)).toEqual(['1985-03-15', '1985-03-15', '1985-03-15', '1985-03-15']);
  });
  it('.csv in UTF-8 with a BOM and semicolons, quoted line breaks in headers: exactly the members', async () => {
    const csv = ALL.values.map((row) => row.map((v) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(';')).join('\r\n');
    const path = join(dir, 'org-c.csv');
    writeFileSync(path, `\ufeff${csv}\r\n`);
    expect(await members(path)).toEqual({ sheet: 'org-c', rows: ALL.memberRows, evaluations: expected });
  });
  it('.csv without a BOM, commas, the one-row template: exactly the members', async () => {
    const csv = grid(MEMBERS).map((row) => row.map((v) => (v === null ? '' : /[,"\n]/.test(String(v)) ? `"${String(v)}"` : String(v))).join(',')).join('\n');
    const path = join(dir, 'org-d.csv');
    writeFileSync(path, csv);
    expect(await members(path)).toEqual({ sheet: 'org-d', rows: [2, 3, 4, 5], evaluations: expected });
  });
  it('a .csv that is not UTF-8 is refused with what to do; two list sheets are refused naming both', async () => {
    const latin = join(dir, 'org-e.csv');
    writeFileSync(latin, Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f, 0x0a]));
    expect((await readSheetFile(latin)).problem).toMatch(/^Tệp CSV không được lưu theo mã UTF-8/);
    const list = grid(MEMBERS);
    const two = await writeXlsx('org-f.xlsx', [{ name: 'Chi bộ 1', values: list }, { name: 'Chi bộ 2', values: list }]);
    expect((await readSheetFile(two)).problem).toBe(
      'Tệp có 2 trang tính đều có dòng tiêu đề của bảng đánh giá: “Chi bộ 1”, “Chi bộ 2”. Không biết trang nào là danh sách nên chưa đọc trang nào. Hãy xóa các trang thừa (hoặc đổi dòng tiêu đề của chúng) để tệp chỉ còn một danh sách.',
    );
  });
  it('a folder mixing formats maps each organisation id to its file', async () => {
    const files = await sheetFiles(dir, 2024);
    expect([...files.keys()].sort()).toEqual(['org-a', 'org-b', 'org-c', 'org-d', 'org-e', 'org-f']);
  });
});
