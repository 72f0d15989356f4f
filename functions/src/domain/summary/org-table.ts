import { ORG_STATE, RATING_LEVELS, UNRATED_REASON } from '../enums.js';
import type { BlocRollup, OrgRow } from '../rollup-schema.js';
import type { TallyCounts } from '../tally.js';
import { EMPTY, dateTime, header, int, percent, text, type SummaryCell, type SummaryTab } from './cells.js';

/**
 * “Theo tổ chức”: one row per organisation with the counts of “Tổng hợp”, its state, last
 * submission (bloc time, dd/MM/yyyy HH:mm) and by whom, and its warnings; a “Tổng” row last.
 */
const TAB = 'Theo tổ chức';

interface Column {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: OrgRow, index: number) => SummaryCell;
  readonly total: (r: BlocRollup) => SummaryCell;
}

/** A count column: blank for an organisation that has not submitted. */
const counted = (header: string, pick: (c: TallyCounts) => number, width = 52): Column => ({
  header,
  width,
  cell: (row) => (row.counts ? int(pick(row.counts)) : EMPTY),
  total: (r) => int(pick(r.totals), { bold: true, style: 'total' }),
});

function columns(r: BlocRollup): Column[] {
  const zone = r.timeZone;
  const none = (): SummaryCell => EMPTY;
  return [
    { header: 'STT', width: 40, cell: (_row, i) => int(i + 1), total: none },
    // Wide enough for most names on one line (rows stay one line tall on paper); longer ones wrap.
    { header: 'Tổ chức cơ sở đảng', width: 330, cell: (row) => text(row.name, { wrap: true }), total: () => text('Tổng', { bold: true, style: 'total' }) },
    { header: 'Trạng thái', width: 76, cell: (row) => text(ORG_STATE.labelOf(row.state)), total: none },
    {
      header: 'Số đảng viên dự kiến',
      width: 52,
      cell: (row) => int(row.expectedMembers),
      total: (x) => int(x.orgs.reduce((sum, o) => sum + (o.expectedMembers ?? 0), 0), { bold: true, style: 'total' }),
    },
    counted('Số đảng viên trong danh sách', (c) => c.listed),
    counted('Được xếp loại', (c) => c.classified),
    // “HTXSNV” in bold needs 60 px on one line.
    ...RATING_LEVELS.map((level) => counted(level, (c) => c.levels[level], 60)),
    counted('Không xếp loại', (c) => c.notClassified),
    ...UNRATED_REASON.choices.map((choice) => counted(`Không xếp loại: ${choice.label}`, (c) => c.notClassifiedByReason[choice.code], 60)),
    {
      header: 'Tỷ lệ HTXSNV so với HTTNV',
      width: 60,
      cell: (row) => (row.counts ? percent(row.excellentOfGood) : EMPTY),
      total: (x) => percent(x.derived.excellentOfGood, { bold: true, style: 'total' }),
    },
    ...r.exemplaryScale.flatMap((label) => [
      counted(`${label}: lãnh đạo, quản lý`, (c) => c.exemplary.leader[label] ?? 0, 60),
      counted(`${label}: không giữ chức vụ`, (c) => c.exemplary.nonLeader[label] ?? 0, 60),
    ]),
    counted('Chuyên môn Đại học trở lên', (c) => c.education.universityPlus),
    counted('Lý luận chính trị Trung cấp trở lên', (c) => c.politicalTheory.intermediatePlus),
    counted('Nơi cư trú: Tốt', (c) => c.residence.good),
    counted('Nơi cư trú: Chưa tốt', (c) => c.residence.not_good),
    counted('Nơi cư trú: Chưa có nhận xét', (c) => c.residence.missing),
    counted('Nơi cư trú: Không thuộc diện nhận xét', (c) => c.residence.not_applicable, 60),
    counted('Học tập nghị quyết', (c) => c.studiedResolution),
    counted('Đăng ký làm theo', (c) => c.pledge.registered),
    counted('Hoàn thành làm theo', (c) => c.pledge.completed),
    counted('Bị kỷ luật', (c) => Object.values(c.discipline).reduce((s, n) => s + n, 0)),
    counted('Được khen thưởng', (c) => Object.values(c.commendation).reduce((s, n) => s + n, 0), 60),
    {
      header: 'Lần nộp cuối',
      width: 130,
      cell: (row) => dateTime(row.lastSubmission?.at ?? null, zone),
      total: none,
    },
    { header: 'Người nộp', width: 200, cell: (row) => (row.lastSubmission ? text(row.lastSubmission.by) : EMPTY), total: none },
    {
      header: 'Cảnh báo',
      width: 330,
      cell: (row) => (row.warnings.length > 0 ? text(row.warnings.map((w) => w.message).join('\n'), { wrap: true }) : EMPTY),
      total: none,
    },
  ];
}

export function buildOrgTable(r: BlocRollup): SummaryTab {
  const cols = columns(r);
  return {
    name: TAB,
    columnWidths: cols.map((c) => c.width),
    frozenRows: 1,
    frozenColumns: 2,
    rows: [
      cols.map((c) => header(c.header)),
      ...r.orgs.map((row, i) => cols.map((c) => c.cell(row, i))),
      cols.map((c) => c.total(r)),
    ],
  };
}
