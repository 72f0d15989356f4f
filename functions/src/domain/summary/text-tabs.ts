import { localParts } from '../time-zone.js';
import type { BlocRollup, ComparisonRow } from '../rollup-schema.js';
import { EMPTY, dateTime, delta, header, int, percent, text, title, type SummaryCell, type SummaryTab } from './cells.js';

/** “Chưa nộp”, “Báo cáo” and “So sánh”: the three small tabs. */

const OVERDUE_STATUS = { missing: 'Chưa nộp', late: 'Nộp muộn' } as const;

export function buildOverdueTab(r: BlocRollup): SummaryTab {
  const due = localParts(r.deadline, r.timeZone);
  const heading = title(`Tổ chức chưa nộp hoặc nộp muộn (hạn nộp ${due.time} ngày ${due.date})`, 8);
  const headers = ['STT', 'Tổ chức cơ sở đảng', 'Tình trạng', 'Còn (ngày)', 'Quá hạn (ngày)', 'Ghi chú', 'Lần nộp cuối', 'Người nộp'];
  const rows: SummaryCell[][] = r.overdue.map((o, i) => [
    int(i + 1),
    text(o.name, { wrap: true }),
    text(OVERDUE_STATUS[o.status]),
    o.status === 'missing' && o.daysToDeadline >= 0 ? int(o.daysToDeadline) : EMPTY,
    o.status === 'late' || o.daysToDeadline < 0 ? int(-o.daysToDeadline) : EMPTY,
    text(o.note),
    dateTime(o.lastSubmission?.at ?? null, r.timeZone),
    o.lastSubmission ? text(o.lastSubmission.by) : EMPTY,
  ]);
  const empty = [[text('Tất cả tổ chức cơ sở đảng đã nộp đúng hạn.', { italic: true, span: headers.length })]];
  return {
    name: 'Chưa nộp',
    columnWidths: [50, 260, 100, 80, 80, 220, 130, 200],
    frozenRows: 2,
    frozenColumns: 0,
    rows: [[heading], headers.map(header), ...(rows.length > 0 ? rows : empty)],
  };
}

function comparisonCells(row: ComparisonRow): SummaryCell[] {
  const value = (v: number | null): SummaryCell => (row.unit === 'percent' ? percent(v) : int(v));
  return [text(row.label), value(row.current), value(row.previous), delta(row.delta)];
}

export function buildComparisonTab(r: BlocRollup): SummaryTab {
  const previous = r.previousYear ?? r.year - 1;
  const body: SummaryCell[][] =
    r.comparison.length > 0
      ? r.comparison.map(comparisonCells)
      : [[text(`Chưa có số liệu năm ${previous} để so sánh.`, { italic: true, span: 4 })]];
  return {
    name: 'So sánh',
    columnWidths: [420, 110, 110, 160],
    frozenRows: 2,
    frozenColumns: 0,
    rows: [
      [title(`So sánh năm ${r.year} với năm ${previous}`, 4)],
      [header('Chỉ tiêu'), header(`Năm ${r.year}`), header(`Năm ${previous}`), header('Tăng (+), giảm (−) (số lượng hoặc điểm %)')],
      ...body,
    ],
  };
}
