import type { Percent } from './derive.js';
import { formatInt, formatPercent } from './format.js';

/** The “… là N đồng chí, bằng P” list every Báo cáo sentence uses (report.ts, report-figures.ts). */
export interface Share {
  readonly name: string;
  readonly count: number;
  readonly percent: Percent;
}

/** “a là N đồng chí, bằng P, b là N đồng chí, bằng P, c N đồng chí, bằng P” (no “là” on the last). */
export function shareList(shares: readonly Share[]): string {
  return shares
    .map((s, i) => `${s.name}${i === shares.length - 1 ? '' : ' là'} ${formatInt(s.count)} đồng chí, bằng ${formatPercent(s.percent)}`)
    .join(', ');
}

