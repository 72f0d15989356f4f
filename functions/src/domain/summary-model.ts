import type { BlocRollup } from './rollup-schema.js';
import type { SummaryModel } from './summary/cells.js';
import { buildOrgTable } from './summary/org-table.js';
import { withPrint } from './summary/print.js';
import { buildOverview, overviewTitle } from './summary/overview.js';
import { buildReportTab, reportPage } from './summary/report-page.js';
import { buildComparisonTab, buildOverdueTab } from './summary/text-tabs.js';
import { buildFiguresTab, buildTermTab } from './summary/term-tab.js';
import type { TermSummary } from './term.js';

export * from './summary/cells.js';

/**
 * The whole summary workbook as data, rebuilt from the rollup every time (never appended to).
 * Tabs in DOMAIN.md order: Tổng hợp, Theo tổ chức, Chưa nộp, Báo cáo, So sánh; then (issue 18)
 * Số liệu tổ chức when organisations sent their figures, Nhiệm kỳ when the year is in a term.
 */
export function buildSummaryModel(rollup: BlocRollup, sentences: readonly string[], term: TermSummary | null = null): SummaryModel {
  const overview = buildOverview(rollup);
  const report = reportPage(rollup, sentences, overview.tab);
  const figures = buildFiguresTab(rollup);
  const extra = [...(figures ? [figures] : []), ...(term ? [buildTermTab(term)] : [])];
  return {
    title: `${overviewTitle(rollup)} – ${rollup.blocName}`,
    locale: 'vi_VN',
    timeZone: rollup.timeZone,
    tabs: [overview.tab, buildOrgTable(rollup), buildOverdueTab(rollup), buildReportTab(report), buildComparisonTab(rollup), ...extra].map((tab) =>
      withPrint(tab, rollup),
    ),
    charts: overview.charts,
    report,
    footer: `${rollup.blocName} – năm ${String(rollup.year)}`,
  };
}
