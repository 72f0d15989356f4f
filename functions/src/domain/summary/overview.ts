import { localParts } from '../time-zone.js';
import type { ExemplaryRow } from '../derive.js';
import {
  COMMENDATION,
  COMMENDATION_LEVELS,
  DISCIPLINE,
  DISCIPLINE_FORMS,
  RATING,
  RATING_LEVELS,
  RESIDENCE_FEEDBACK,
  UNRATED_REASON,
} from '../enums.js';
import type { BlocRollup } from '../rollup-schema.js';
import { EMPTY, header, int, percent, section, text, title, type SummaryCell, type SummaryChart, type SummaryTab } from './cells.js';

/** “Tổng hợp”: the bloc's headline tables (DOMAIN.md, summary workbook §1) and the three charts. */
const TAB = 'Tổng hợp';
/** Where the printable, signable report comes from (the Google Sheet prints no Party document). */
export const PRINTED_REPORT_NOTE =
  'Bản in để ký: báo cáo Word (.docx) theo thể thức văn bản của Đảng, quản trị viên tạo từ số liệu tổng hợp đã lưu bằng lệnh “npm run report” (xem README).';

/** A one-line row's height in pixels (both writers' default), for sizing the charts in rows. */
const CHART_ROW_PX = 20;
const PROGRESS_ROW_PX = 32;

class Rows {
  readonly rows: SummaryCell[][] = [];
  /** Appends a row; returns its 0-based index. */
  add(...cells: SummaryCell[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }
}

const range = (startRow: number, endRow: number, startCol: number, endCol = startCol + 1) => ({
  tab: TAB,
  startRow,
  endRow,
  startCol,
  endCol,
}) as const;

export function overviewTitle(r: BlocRollup): string {
  return `Tổng hợp kết quả đánh giá, xếp loại đảng viên năm ${r.year}`;
}

function exemplaryCells(scale: readonly string[], name: string, row: ExemplaryRow, total: boolean): SummaryCell[] {
  const style = total ? ({ bold: true, style: 'total' } as const) : {};
  return [
    text(name, style),
    ...scale.flatMap((label) => [int(row.counts[label] ?? 0, style), percent(row.percents[label] ?? null, style)]),
    int(row.total, style),
  ];
}

export function buildOverview(r: BlocRollup): { tab: SummaryTab; charts: SummaryChart[] } {
  const g = new Rows();
  const scale = r.exemplaryScale;
  const width = 2 + 2 * scale.length;
  const t = r.totals;
  const d = r.derived;
  const s = r.submission;
  const now = localParts(r.generatedAt, r.timeZone);
  const due = localParts(r.deadline, r.timeZone);
  const head = () => g.add(header('Chỉ tiêu'), header('Số lượng'), header('Tỷ lệ'));

  g.add(title(overviewTitle(r).toUpperCase(), width));
  g.add(text(r.blocName, { bold: true, span: width }));
  g.add(text(`Số liệu tính đến ${now.time} ngày ${now.date}; hạn nộp ${due.time} ngày ${due.date}.`, { italic: true, span: width }));
  g.add(text(PRINTED_REPORT_NOTE, { italic: true, span: width }));

  g.add(section('1. Tình hình nộp kết quả đánh giá', width));
  const progressTop = head();
  g.add(text('Tổng số tổ chức cơ sở đảng'), int(s.total), EMPTY);
  g.add(text('Đã nộp'), int(s.submitted), percent(s.percent.submitted));
  const onTimeRow = g.add(text('Nộp đúng hạn'), int(s.onTime), percent(s.percent.onTime));
  g.add(text('Nộp muộn'), int(s.late), percent(s.percent.late));
  g.add(text('Chưa nộp'), int(s.missing), percent(s.percent.missing));
  const progressEnd = g.add(EMPTY);

  g.add(section('2. Xếp loại chất lượng đảng viên', width));
  const levelsTop = head();
  g.add(text('Số đảng viên trong danh sách'), int(t.listed), EMPTY);
  g.add(text('Số đảng viên được xếp loại'), int(t.classified), EMPTY);
  const firstLevelRow = g.rows.length;
  for (const level of RATING_LEVELS) {
    g.add(text(`${RATING.labelOf(level)} (${level})`), int(t.levels[level]), percent(d.levels[level]));
  }
  g.add(text('Không xếp loại'), int(t.notClassified), EMPTY);
  for (const code of UNRATED_REASON.codes) {
    g.add(text(`– ${UNRATED_REASON.labelOf(code)}`, { italic: true }), int(t.notClassifiedByReason[code]), EMPTY);
  }
  g.add(text('Tỷ lệ HTXSNV so với HTTNV'), EMPTY, percent(d.excellentOfGood));
  const levelsEnd = g.add(EMPTY);

  g.add(section('3. Nêu gương', width));
  g.add(header('Nhóm'), ...scale.flatMap((label) => [header(label), header('Tỷ lệ')]), header('Tổng'));
  const leaderRow = g.add(...exemplaryCells(scale, 'Giữ chức vụ lãnh đạo, quản lý', d.exemplary.leader, false));
  g.add(...exemplaryCells(scale, 'Không giữ chức vụ', d.exemplary.nonLeader, false));
  g.add(...exemplaryCells(scale, 'Tổng', d.exemplary.total, true));
  g.add(EMPTY);

  g.add(section('4. Trình độ', width));
  const exemplaryTop = head();
  g.add(text('Chuyên môn Đại học trở lên'), int(t.education.universityPlus), percent(d.universityPlus));
  g.add(text('Lý luận chính trị Trung cấp trở lên'), int(t.politicalTheory.intermediatePlus), percent(d.theoryIntermediatePlus));
  g.add(EMPTY);

  g.add(section('5. Nhận xét của nơi cư trú', width));
  head();
  g.add(text('Số đảng viên thuộc diện nhận xét'), int(d.residence.concerned), EMPTY);
  g.add(text(RESIDENCE_FEEDBACK.labelOf('good')), int(t.residence.good), percent(d.residence.good));
  g.add(text(RESIDENCE_FEEDBACK.labelOf('not_good')), int(t.residence.not_good), percent(d.residence.notGood));
  g.add(text(RESIDENCE_FEEDBACK.labelOf('missing')), int(t.residence.missing), percent(d.residence.missing));
  g.add(text(RESIDENCE_FEEDBACK.labelOf('not_applicable')), int(t.residence.not_applicable), EMPTY);
  const exemplaryEnd = g.add(EMPTY);

  g.add(section('6. Học tập nghị quyết và làm theo', width));
  head();
  g.add(text('Học tập nghị quyết'), int(t.studiedResolution), percent(d.studiedResolution));
  g.add(text('Đăng ký làm theo'), int(t.pledge.registered), percent(d.pledgeRegistered));
  g.add(text('Hoàn thành nội dung đăng ký làm theo'), int(t.pledge.completed), percent(d.pledgeCompleted));
  g.add(EMPTY);

  g.add(section('7. Kỷ luật', width));
  g.add(header('Hình thức kỷ luật'), header('Số lượng'));
  for (const form of DISCIPLINE_FORMS) g.add(text(DISCIPLINE.labelOf(form)), int(t.discipline[form]));
  g.add(text('Tổng số', { bold: true, style: 'total' }), int(d.disciplined, { bold: true, style: 'total' }));
  g.add(EMPTY);

  g.add(section('8. Khen thưởng', width));
  g.add(header('Cấp khen thưởng'), header('Số lượng'));
  for (const level of COMMENDATION_LEVELS) g.add(text(COMMENDATION.labelOf(level)), int(t.commendation[level]));
  g.add(text('Tổng số', { bold: true, style: 'total' }), int(d.commended, { bold: true, style: 'total' }));
  g.add(text('Trong đó: giữ chức vụ lãnh đạo, quản lý', { italic: true }), int(t.commendedLeaders));

  // Each chart fills the empty columns beside a three-column table (so it prints on the page with
  // it): progress beside section 1, the levels beside section 2, nêu gương (a full-width table)
  // beside sections 4–5 just under it. A pie's slices, or one column series per scale level.
  const columnWidths = [300, ...scale.flatMap(() => [110, 80]), 90];
  const besideCol = 3;
  const besideWidth = columnWidths.slice(besideCol).reduce((sum, px) => sum + px, 0);
  // Section 1 has six rows: taller ones give its pie room for its slices and legend.
  const rowHeights: Record<number, number> = {};
  for (let row = progressTop; row < progressEnd; row++) rowHeights[row] = PROGRESS_ROW_PX;
  const heightOf = ([from, to]: readonly [number, number]): number => {
    let px = 0;
    for (let row = from; row < to; row++) px += rowHeights[row] ?? CHART_ROW_PX;
    return px;
  };
  const chart = (title: string, type: SummaryChart['type'], rows: readonly [number, number], firstRow: number, count: number, series: SummaryChart['series']): SummaryChart => ({
    tab: TAB,
    title,
    type,
    anchor: { row: rows[0], col: besideCol },
    size: { width: besideWidth, height: heightOf(rows) },
    domain: range(firstRow, firstRow + count, 0),
    series,
    namesAbove: type === 'column',
  });
  const charts: SummaryChart[] = [
    chart('Xếp loại chất lượng đảng viên', 'pie', [levelsTop, levelsEnd], firstLevelRow, RATING_LEVELS.length, [
      { name: 'Số lượng', range: range(firstLevelRow, firstLevelRow + RATING_LEVELS.length, 1) },
    ]),
    chart('Nêu gương theo nhóm đảng viên', 'column', [exemplaryTop, exemplaryEnd], leaderRow, 2, scale.map((label, i) => ({ name: label, range: range(leaderRow, leaderRow + 2, 1 + 2 * i) }))),
    chart('Tình hình nộp kết quả đánh giá', 'pie', [progressTop, progressEnd], onTimeRow, 3, [{ name: 'Số tổ chức', range: range(onTimeRow, onTimeRow + 3, 1) }]),
  ];
  const tab: SummaryTab = {
    name: TAB,
    columnWidths,
    frozenRows: 0,
    frozenColumns: 0,
    rows: g.rows,
    rowHeights,
  };
  return { tab, charts };
}
