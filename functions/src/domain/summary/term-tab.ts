import { ORG_FIGURES } from '../org-figures.js';
import type { BlocRollup } from '../rollup-schema.js';
import { TERM_NATURE_LABEL, termName, type TermIndicator, type TermSummary } from '../term.js';
import { EMPTY, header, int, percent, text, title, type SummaryCell, type SummaryTab } from './cells.js';

/**
 * “Nhiệm kỳ” (issue 18): one row per key indicator, one column per year of the term, then the
 * term's total — summed for flows, averaged for rates, left empty for stocks (the column
 * “Cách tính” says which) — and “Số liệu tổ chức”: each organisation figure with how many
 * organisations reported it.
 */
function value(indicator: TermIndicator, v: number | null): SummaryCell {
  if (v === null) return EMPTY;
  return indicator.unit === 'percent' ? percent(v) : int(v);
}

export function buildTermTab(s: TermSummary): SummaryTab {
  const span = s.years.length + 3;
  const rows: SummaryCell[][] = [
    [title(`${termName(s)}: các chỉ tiêu chủ yếu theo từng năm`, span)],
    [header('Chỉ tiêu'), header('Cách tính'), ...s.years.map((y) => header(`Năm ${y}`)), header('Cả nhiệm kỳ')],
    ...s.indicators.map((i) => [
      text(i.label),
      text(TERM_NATURE_LABEL[i.nature]),
      ...i.values.map((v) => value(i, v)),
      i.nature === 'stock' ? text('–') : value(i, i.total),
    ]),
  ];
  if (s.missingYears.length > 0) {
    rows.push([text(`Chưa có số liệu năm ${s.missingYears.join(', ')}.`, { italic: true, span })]);
  }
  return {
    name: 'Nhiệm kỳ',
    columnWidths: [470, 160, ...s.years.map(() => 90), 110],
    frozenRows: 2,
    frozenColumns: 1,
    rows,
  };
}

export function buildFiguresTab(r: BlocRollup): SummaryTab | null {
  const f = r.figures;
  if (!f) return null;
  return {
    name: 'Số liệu tổ chức',
    columnWidths: [420, 110, 150, 150],
    frozenRows: 2,
    frozenColumns: 0,
    rows: [
      [title(`Số liệu của các tổ chức cơ sở đảng năm ${r.year}`, 4)],
      [header('Chỉ tiêu'), header('Tổng số'), header('Số tổ chức báo cáo'), header('Số tổ chức đã nộp')],
      ...ORG_FIGURES.map((spec) => [text(spec.label), f.reported[spec.key] > 0 ? int(f.totals[spec.key]) : EMPTY, int(f.reported[spec.key]), int(f.orgs)]),
    ],
  };
}
