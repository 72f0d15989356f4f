import { describe, expect, it } from 'vitest';
import { reportSentences } from '../../../functions/src/domain/report.js';
import {
  buildSummaryModel,
  displayCell,
  displayRows,
  percent,
  TAB_NAMES,
  type GridRange,
  type SummaryChart,
  type SummaryModel,
  type SummaryTab,
} from '../../../functions/src/domain/summary-model.js';
import { blocRollup } from '../../fixtures/bloc.js';

const model = (previous = true): SummaryModel => {
  const r = previous ? blocRollup() : blocRollup({ previous: null });
  return buildSummaryModel(r, reportSentences(r));
};
const tab = (m: SummaryModel, name: string): SummaryTab => {
  const found = m.tabs.find((t) => t.name === name);
  if (!found) throw new Error(`no tab ${name}`);
  return found;
};
/** The display text of the row whose first cell is `label`. */
const rowOf = (t: SummaryTab, label: string): string[] | undefined => displayRows(t).find((row) => row[0] === label);
const firstSeries = (chart: SummaryChart | undefined): GridRange => {
  const range = chart?.series[0]?.range;
  if (!range) throw new Error('chart without series');
  return range;
};
const cellsIn = (m: SummaryModel, range: GridRange): string[][] =>
  displayRows(tab(m, range.tab))
    .slice(range.startRow, range.endRow)
    .map((row) => row.slice(range.startCol, range.endCol));

describe('buildSummaryModel', () => {
  const m = model();

  it('has the five tabs in DOMAIN.md order and one width per column', () => {
    expect(m.tabs.map((t) => t.name)).toEqual(TAB_NAMES.slice(0, 5));
    // Issue 18: “Số liệu tổ chức” and “Nhiệm kỳ” follow when there are figures or a term (term.test.ts).
    expect(TAB_NAMES).toEqual(['Tổng hợp', 'Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh', 'Số liệu tổ chức', 'Nhiệm kỳ']);
    for (const t of m.tabs) {
      const widest = Math.max(...t.rows.map((row) => row.reduce((n, cell) => n + (cell.span ?? 1), 0)));
      expect(t.columnWidths.length, t.name).toBeGreaterThanOrEqual(widest);
    }
    expect(m.title).toBe('Tổng hợp kết quả đánh giá, xếp loại đảng viên năm 2025 – Đảng bộ Khối Cơ quan tỉnh');
  });

  it('fills “Tổng hợp” with the headline tables', () => {
    const t = tab(m, 'Tổng hợp');
    expect(rowOf(t, 'Đã nộp')).toEqual(['Đã nộp', '3', '75,0%']);
    expect(rowOf(t, 'Nộp muộn')).toEqual(['Nộp muộn', '1', '25,0%']);
    expect(rowOf(t, 'Hoàn thành nhiệm vụ (HTNV)')).toEqual(['Hoàn thành nhiệm vụ (HTNV)', '1', '6,3%']);
    expect(rowOf(t, '– Vắng mặt, chưa đánh giá')).toEqual(['– Vắng mặt, chưa đánh giá', '1', '']);
    expect(rowOf(t, 'Tỷ lệ HTXSNV so với HTTNV')).toEqual(['Tỷ lệ HTXSNV so với HTTNV', '', '16,7%']);
    expect(rowOf(t, 'Nhóm')).toEqual(['Nhóm', 'Nêu gương tốt', 'Tỷ lệ', 'Nêu gương', 'Tỷ lệ', 'Chưa nêu gương', 'Tỷ lệ', 'Tổng']);
    expect(rowOf(t, 'Không giữ chức vụ')).toEqual(['Không giữ chức vụ', '6', '46,1%', '5', '38,5%', '2', '15,4%', '13']);
    expect(rowOf(t, 'Tổng')).toEqual(['Tổng', '11', '61,1%', '5', '27,8%', '2', '11,1%', '18']);
    expect(rowOf(t, 'Chuyên môn Đại học trở lên')).toEqual(['Chuyên môn Đại học trở lên', '11', '61,1%']);
    expect(rowOf(t, 'Số đảng viên thuộc diện nhận xét')).toEqual(['Số đảng viên thuộc diện nhận xét', '15', '']);
    expect(rowOf(t, 'Tốt')).toEqual(['Tốt', '11', '73,4%']);
    expect(rowOf(t, 'Hoàn thành nội dung đăng ký làm theo')).toEqual(['Hoàn thành nội dung đăng ký làm theo', '10', '83,3%']);
    expect(rowOf(t, 'Cảnh cáo')).toEqual(['Cảnh cáo', '1']);
    expect(rowOf(t, 'Trong đó: giữ chức vụ lãnh đạo, quản lý')).toEqual(['Trong đó: giữ chức vụ lãnh đạo, quản lý', '3']);
    expect(displayRows(t)[0]).toEqual(['TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2025']);
  });

  it('stores percentages as fractions, one decimal in every table cell (one format per column)', () => {
    const t = tab(m, 'Tổng hợp');
    const row = t.rows.find((r) => r[0]?.value === 'Hoàn thành tốt nhiệm vụ (HTTNV)');
    expect(row?.[2]).toEqual({ value: 0.75, format: 'percent1' });
    const htnv = t.rows.find((r) => r[0]?.value === 'Hoàn thành nhiệm vụ (HTNV)');
    expect(htnv?.[2]?.format).toBe('percent1');
    expect(htnv?.[2]?.value).toBeCloseTo(0.063, 10);
    expect(percent(97.9)).toMatchObject({ format: 'percent1' });
    expect(displayCell(percent(97.9))).toBe('97,9%');
    expect(displayCell(percent(99))).toBe('99,0%');
    expect(displayCell(percent(null))).toBe('–');
  });

  it('puts charts over the right cells', () => {
    const [levels, exemplary, progress] = m.charts;
    expect(m.charts.map((c) => [c.title, c.type])).toEqual([
      ['Xếp loại chất lượng đảng viên', 'pie'],
      ['Nêu gương theo nhóm đảng viên', 'column'],
      ['Tình hình nộp kết quả đánh giá', 'pie'],
    ]);
    if (!levels || !exemplary || !progress) throw new Error('missing chart');
    expect(cellsIn(m, levels.domain).flat()).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ (HTXSNV)',
      'Hoàn thành tốt nhiệm vụ (HTTNV)',
      'Hoàn thành nhiệm vụ (HTNV)',
      'Không hoàn thành nhiệm vụ (KHTNV)',
    ]);
    expect(cellsIn(m, firstSeries(levels)).flat()).toEqual(['2', '12', '1', '1']);
    expect(cellsIn(m, exemplary.domain).flat()).toEqual(['Giữ chức vụ lãnh đạo, quản lý', 'Không giữ chức vụ']);
    expect(exemplary.series.map((s) => [s.name, cellsIn(m, s.range).flat()])).toEqual([
      ['Nêu gương tốt', ['5', '6']],
      ['Nêu gương', ['0', '5']],
      ['Chưa nêu gương', ['0', '2']],
    ]);
    expect(cellsIn(m, progress.domain).flat()).toEqual(['Nộp đúng hạn', 'Nộp muộn', 'Chưa nộp']);
    expect(cellsIn(m, firstSeries(progress)).flat()).toEqual(['2', '1', '1']);
    // Each chart fills the empty columns D… beside a three-column table, within the printed width.
    const overview = tab(m, 'Tổng hợp');
    const printedWidth = overview.columnWidths.reduce((sum, px) => sum + px, 0);
    expect(m.charts.map((c) => c.anchor)).toEqual([
      { row: 13, col: 3 },
      { row: 34, col: 3 },
      { row: 5, col: 3 },
    ]);
    for (const chart of m.charts) {
      expect(overview.columnWidths.slice(0, 3).reduce((sum, px) => sum + px, 0) + chart.size.width).toBe(printedWidth);
      let rowsCovered = 0;
      for (let px = 0; px < chart.size.height; rowsCovered++) px += overview.rowHeights?.[chart.anchor.row + rowsCovered] ?? 20;
      const rows = overview.rows.slice(chart.anchor.row, chart.anchor.row + rowsCovered);
      expect(rows.flatMap((row) => row.slice(3).filter((cell) => cell.value !== null))).toEqual([]);
    }
  });

  it('writes one row per organisation on “Theo tổ chức”, then the totals', () => {
    const t = tab(m, 'Theo tổ chức');
    const rows = displayRows(t);
    const header = rows[0] ?? [];
    const col = (name: string): number => header.indexOf(name);
    expect(t.frozenRows).toBe(1);
    expect(rows).toHaveLength(1 + 4 + 1);
    const a = rows[1] ?? [];
    expect([a[col('Tổ chức cơ sở đảng')], a[col('Trạng thái')], a[col('Số đảng viên trong danh sách')], a[col('HTXSNV')]]).toEqual([
      'Chi bộ Văn phòng',
      'Đã nộp',
      '6',
      '1',
    ]);
    expect(a[col('Tỷ lệ HTXSNV so với HTTNV')]).toBe('33,3%');
    expect(a[col('Lần nộp cuối')]).toBe('15/01/2025 16:59');
    expect(a[col('Người nộp')]).toBe('bithu.a@example.vn');
    expect(a[col('Cảnh báo')]).toContain('Vượt tỷ lệ HTXSNV');
    const c = rows[3] ?? [];
    expect([c[col('Trạng thái')], c[col('Số đảng viên dự kiến')], c[col('Số đảng viên trong danh sách')], c[col('Lần nộp cuối')]]).toEqual([
      'Chưa nộp',
      '10',
      '',
      '',
    ]);
    const total = rows[5] ?? [];
    expect([total[col('Tổ chức cơ sở đảng')], total[col('Số đảng viên trong danh sách')], total[col('HTTNV')], total[col('Nơi cư trú: Tốt')]]).toEqual([
      'Tổng',
      '18',
      '12',
      '11',
    ]);
    const lastSubmission = t.rows[1]?.[col('Lần nộp cuối')];
    expect(lastSubmission?.format).toBe('datetime');
  });

  it('lists missing and late organisations on “Chưa nộp”', () => {
    expect(displayRows(tab(m, 'Chưa nộp')).slice(1)).toEqual([
      ['STT', 'Tổ chức cơ sở đảng', 'Tình trạng', 'Còn (ngày)', 'Quá hạn (ngày)', 'Ghi chú', 'Lần nộp cuối', 'Người nộp'],
      ['1', 'Đảng bộ Bệnh viện', 'Chưa nộp', '', '5', 'Quá hạn 5 ngày', '', ''],
      ['2', 'Chi bộ Kỹ thuật', 'Nộp muộn', '', '2', 'Nộp muộn 2 ngày', '17/01/2025 08:15', 'bithu.b@example.vn'],
    ]);
  });

  it('lays “Báo cáo” out as a printable page: header block, title, one sentence per row, signature', () => {
    const r = blocRollup();
    const t = tab(m, 'Báo cáo');
    const rows = displayRows(t);
    expect(t.columnWidths).toEqual([330, 330]);
    expect(t.frozenRows).toBe(0);
    expect(rows.slice(0, 7)).toEqual([
      ['ĐẢNG BỘ KHỐI CƠ QUAN TỈNH', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['*', ''],
      ['Số      -BC/ĐU', '……………, ngày 20 tháng 01 năm 2025'],
      [''],
      ['BÁO CÁO'],
      ['Kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2025'],
      [''],
    ]);
    const sentences = reportSentences(r);
    expect(rows.slice(7, 7 + sentences.length).map((row) => row[0])).toEqual(sentences);
    // Each sentence is a paragraph across both columns, wrapped.
    expect(t.rows.slice(7, 7 + sentences.length).every((row) => row[0]?.span === 2 && row[0].wrap === true)).toBe(true);
    expect(rows.slice(8 + sentences.length)).toEqual([
      ['Nơi nhận:', 'T/M BAN THƯỜNG VỤ'],
      ['- Cấp ủy cấp trên (để báo cáo)', 'BÍ THƯ'],
      ['- Các tổ chức cơ sở đảng trực thuộc', ''],
      ['- Lưu Văn phòng.', ''],
      ['', '……………………'],
    ]);
  });

  it('shows the year-over-year change on “So sánh” with signed deltas', () => {
    const t = tab(m, 'So sánh');
    expect(displayRows(t)[1]).toEqual(['Chỉ tiêu', 'Năm 2025', 'Năm 2024', 'Tăng (+), giảm (−) (số lượng hoặc điểm %)']);
    expect(rowOf(t, 'Số đảng viên trong danh sách')).toEqual(['Số đảng viên trong danh sách', '18', '10', '+8']);
    expect(rowOf(t, 'Tỷ lệ đảng viên hoàn thành nhiệm vụ')).toEqual(['Tỷ lệ đảng viên hoàn thành nhiệm vụ', '6,3%', '20,0%', '-13,7']);
    expect(rowOf(t, 'Tỷ lệ đảng viên hoàn thành nội dung đăng ký làm theo')).toEqual([
      'Tỷ lệ đảng viên hoàn thành nội dung đăng ký làm theo',
      '83,3%',
      '–',
      '',
    ]);
  });

  it('says so when there is no previous year', () => {
    expect(displayRows(tab(model(false), 'So sánh')).slice(2)).toEqual([['Chưa có số liệu năm 2024 để so sánh.']]);
  });

  it('says so when every organisation submitted on time', () => {
    const r = blocRollup({ previous: null });
    const onTime = { ...r, overdue: [] };
    expect(displayRows(tab(buildSummaryModel(onTime, []), 'Chưa nộp')).slice(2)).toEqual([['Tất cả tổ chức cơ sở đảng đã nộp đúng hạn.']]);
  });
});

describe('displayCell', () => {
  it('renders every format the Vietnamese way', () => {
    expect(displayCell({ value: 4617, format: 'int' })).toBe('4.617');
    expect(displayCell({ value: 0.979, format: 'percent1' })).toBe('97,9%');
    expect(displayCell({ value: 0.99, format: 'percent0' })).toBe('99%');
    expect(displayCell({ value: 1234.5, format: 'decimal' })).toBe('1.234,5');
    expect(displayCell({ value: 2.5, format: 'delta' })).toBe('+2,5');
    expect(displayCell({ value: 0, format: 'delta' })).toBe('0');
    expect(displayCell({ value: 45658.5, format: 'datetime' })).toBe('01/01/2025 12:00');
    expect(displayCell({ value: '=HYPERLINK("x")', format: 'text' })).toBe('=HYPERLINK("x")');
    expect(displayCell({ value: null })).toBe('');
  });
});
