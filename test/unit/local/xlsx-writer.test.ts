import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSentences } from '../../../functions/src/domain/report.js';
import type { RollupInput } from '../../../functions/src/domain/rollup.js';
import { buildSummaryModel, text, type SummaryModel } from '../../../functions/src/domain/summary-model.js';
import { summaryXlsxBuffer, writeSummaryXlsx } from '../../../local/src/xlsx/write-summary.js';
import { blocInput, blocRollup } from '../../fixtures/bloc.js';

const FORMULA_NAME = '=cmd|\' /C calc\'!A0';
const modelOf = (overrides: Partial<RollupInput> = {}): SummaryModel => {
  const r = blocRollup(overrides);
  return buildSummaryModel(r, reportSentences(r));
};
/** The fixture bloc with a formula-like first organisation and user text starting with + - @ on “Báo cáo”. */
function hostileModel(): SummaryModel {
  const base = modelOf({ orgs: blocInput().orgs.map((o, i) => (i === 0 ? { ...o, name: FORMULA_NAME } : o)) });
  return {
    ...base,
    tabs: base.tabs.map((t) => (t.name === 'Báo cáo' ? { ...t, rows: [...t.rows, [text('+1+1')], [text('-2')], [text('@SUM(A1)\u0000\u0008')]] } : t)),
  };
}

let dir: string;
let workbook: ExcelJS.Workbook;
const sheet = (name: string): ExcelJS.Worksheet => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no worksheet ${name}`);
  return found;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'summary-xlsx-'));
  const file = join(dir, 'tong-hop.xlsx');
  await writeSummaryXlsx(hostileModel(), file);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeSummaryXlsx', () => {
  it('writes the tabs in the model order, with the title in the properties', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh']);
    expect(workbook.title).toBe('Tổng hợp kết quả đánh giá, xếp loại đảng viên năm 2025 – Đảng bộ Khối Cơ quan tỉnh');
  });

  it('stores the values as numbers and text, percentages as fractions', () => {
    const overview = sheet('Tổng hợp');
    expect(overview.getCell('A1').value).toBe('TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025');
    expect([overview.getCell('A8').value, overview.getCell('B8').value, overview.getCell('C8').value]).toEqual(['Đã nộp', 3, 0.75]);
    expect(overview.getCell('C19').value).toBe(0.063);
    expect(overview.getCell('H32').value).toBe(18);
    expect(overview.getCell('C7').value).toBeNull();
    expect(sheet('So sánh').getCell('D12').value).toBe(-13.7);
    expect(sheet('Chưa nộp').getCell('B3').value).toBe('Đảng bộ Bệnh viện');
  });

  it('sets the number format of each cell', () => {
    const overview = sheet('Tổng hợp');
    expect(overview.getCell('B8').numFmt).toBe('#,##0');
    expect(overview.getCell('C8').numFmt).toBe('0.0%');
    expect(overview.getCell('C19').numFmt).toBe('0.0%');
    expect(sheet('Theo tổ chức').getCell('AH2').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet('So sánh').getCell('D4').numFmt).toBe('+#,##0;-#,##0;0');
    expect(sheet('So sánh').getCell('D12').numFmt).toBe('+#,##0.0;-#,##0.0;0');
  });

  it('converts column widths from pixels (÷ 7) and freezes panes', () => {
    expect([1, 2, 3, 8].map((c) => sheet('Tổng hợp').getColumn(c).width)).toEqual([42.86, 15.71, 11.43, 12.86]);
    expect([1, 2].map((c) => sheet('Báo cáo').getColumn(c).width)).toEqual([47.14, 47.14]);
    expect(sheet('Theo tổ chức').views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    expect(sheet('Chưa nộp').views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 2 });
    expect(sheet('Tổng hợp').views[0]?.state).toBe('normal');
  });

  it('merges spanned cells', () => {
    const overview = sheet('Tổng hợp');
    expect(overview.getCell('H1').master.address).toBe('A1');
    expect(overview.getCell('H5').master.address).toBe('A5');
    expect(overview.getCell('I1').isMerged).toBe(false);
    expect(overview.getCell('B8').isMerged).toBe(false);
    expect(sheet('So sánh').getCell('D1').master.address).toBe('A1');
  });

  it('gives each style its look', () => {
    const overview = sheet('Tổng hợp');
    expect(overview.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(overview.getCell('B6').font).toMatchObject({ bold: true });
    expect(overview.getCell('B6').alignment).toMatchObject({ wrapText: true, horizontal: 'center' });
    expect(overview.getCell('B6').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
    expect(overview.getCell('A5').fill).toMatchObject({ fgColor: { argb: 'FFDDEBF7' } });
    expect(overview.getCell('A3').font).toMatchObject({ italic: true });
    expect(overview.getCell('A8').font?.bold).toBeUndefined();
  });

  it('keeps formula-like user text as string cells, never formulas', () => {
    const name = sheet('Theo tổ chức').getCell('B2');
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.value).toBe(FORMULA_NAME);
    expect(name.formula).toBeUndefined();
    const report = sheet('Báo cáo');
    const last = report.rowCount;
    const tail = [last - 2, last - 1, last].map((r) => report.getCell(r, 1));
    expect(tail.map((c) => [c.type, c.value])).toEqual([
      [ExcelJS.ValueType.String, '+1+1'],
      [ExcelJS.ValueType.String, '-2'],
      [ExcelJS.ValueType.String, '@SUM(A1)'],
    ]);
  });

  it('gives the same workbook as a buffer', async () => {
    const buffer = await summaryXlsxBuffer(modelOf());
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const again = new ExcelJS.Workbook();
    const bytes = new ArrayBuffer(buffer.byteLength);
    new Uint8Array(bytes).set(buffer);
    await again.xlsx.load(bytes);
    expect(again.worksheets.map((w) => w.name)).toEqual(workbook.worksheets.map((w) => w.name));
    expect(again.getWorksheet('Tổng hợp')?.getCell('B8').value).toBe(3);
  });
});
