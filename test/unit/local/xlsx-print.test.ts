import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportSentences } from '../../../functions/src/domain/report.js';
import { buildSummaryModel } from '../../../functions/src/domain/summary-model.js';
import { linesOf } from '../../../functions/src/domain/summary/print.js';
import { summaryXlsxBuffer } from '../../../local/src/xlsx/write-summary.js';
import { blocInput, blocRollup } from '../../fixtures/bloc.js';

const LONG = 'Chi bộ Phòng Quản lý nhà nước về đất đai, tài nguyên nước, khoáng sản, môi trường và biến đổi khí hậu thuộc Sở Tài nguyên'.slice(0, 120);
const rollup = blocRollup({ orgs: blocInput().orgs.map((o, i) => (i === 0 ? { ...o, name: LONG } : o)) });
const model = buildSummaryModel(rollup, reportSentences(rollup));
const tab = (name: string) => {
  const found = model.tabs.find((t) => t.name === name);
  if (!found) throw new Error(name);
  return found;
};

describe('print setup in the summary model', () => {
  it('gives every tab A4, an orientation, fit to width, a header and a footer', () => {
    expect(model.tabs.map((t) => [t.name, t.print?.orientation])).toEqual([
      ['Tổng hợp', 'portrait'],
      ['Theo tổ chức', 'landscape'],
      ['Chưa nộp', 'landscape'],
      ['Báo cáo', 'portrait'],
      ['So sánh', 'landscape'],
    ]);
    const print = tab('Theo tổ chức').print;
    // A fixed 60% instead of one page wide: two pages wide, about 7 pt text (issue 15).
    expect(print).toMatchObject({ paper: 'A4', fitToWidth: false, scale: 60, repeatRows: 1, repeatColumns: 2 });
    expect(tab('Tổng hợp').print).toMatchObject({ fitToWidth: true, scale: null });
    expect(print?.header).toBe('Số liệu tính đến 10:30 ngày 20/01/2025');
    expect(print?.footer).toBe('Đảng bộ Khối Cơ quan tỉnh – năm 2025');
  });

  it('prints the counts of “Theo tổ chức” and leaves last submission, submitter and warnings to the screen', () => {
    const headers = tab('Theo tổ chức').rows[0]?.map((c) => c.value) ?? [];
    expect(tab('Theo tổ chức').print?.area).toEqual({ rows: 6, cols: headers.indexOf('Lần nộp cuối') });
    expect(headers[(tab('Theo tổ chức').print?.area.cols ?? 0) - 1]).toBe('Được khen thưởng');
  });

  it('makes a 120-character organisation name wrap on 3 lines of its 330 px column', () => {
    expect(tab('Theo tổ chức').columnWidths[1]).toBe(330);
    expect(linesOf(LONG, 330)).toBe(3);
    expect(tab('Theo tổ chức').rowHeights?.[1]).toBe(60);
  });
});

describe('the .xlsx prints', () => {
  it('stores page setup, print titles, header and footer with page numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const buffer = await summaryXlsxBuffer(model);
    const bytes = new ArrayBuffer(buffer.byteLength);
    new Uint8Array(bytes).set(buffer);
    await workbook.xlsx.load(bytes);
    const sheet = workbook.getWorksheet('Theo tổ chức');
    expect(sheet?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 60,
      printTitlesRow: '1:1',
      printTitlesColumn: 'A:B',
    });
    expect(sheet?.headerFooter.oddFooter).toBe('&LĐảng bộ Khối Cơ quan tỉnh – năm 2025&RTrang &P/&N');
    expect(sheet?.headerFooter.oddHeader).toBe('&R&ISố liệu tính đến 10:30 ngày 20/01/2025');
    expect(sheet?.getRow(2).height).toBe(45);
    expect(workbook.getWorksheet('Tổng hợp')?.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: 'A1:H68' });
    expect(workbook.getWorksheet('Báo cáo')?.pageSetup.orientation).toBe('portrait');
  });
});
