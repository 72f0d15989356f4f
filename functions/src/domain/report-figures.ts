import { distribution } from './derive.js';
import { COMMENDATION_LEVELS, LEADER_TIERS, type LeaderTierLevel } from './enums.js';
import { formatInt, formatPercent, percentOf } from './format.js';
import { anyFigureReported, reportedNote, type FigureTotals } from './org-figures.js';
import type { BlocRollup } from './rollup-schema.js';
import { shareList } from './report-shares.js';

/**
 * The “Báo cáo” sentences of issue 18 (leadership tiers, the organisations' own figures), in
 * the style of report.ts. Each is left out when nothing was reported, so a bloc that does not
 * collect these figures reads exactly as before.
 */
const n = formatInt;
const pct = formatPercent;

/** How the bloc's reports name each tier in a sentence (plural “các”, as they write it). */
export const TIER_PHRASE: Readonly<Record<LeaderTierLevel, string>> = {
  unit_head: 'bí thư đảng ủy, người đứng đầu các cơ quan, đơn vị',
  department_head: 'bí thư chi bộ, người đứng đầu các phòng, ban, đoàn thể và tương đương',
};

/** “Trong số 530 đảng viên được khen thưởng, có 88 đồng chí là … (tỉ lệ 16,6%), 240 đồng chí là … (tỉ lệ 45,3%).” */
export function tierCommendationSentence(r: BlocRollup): string | null {
  const tiers = r.totals.tiers;
  const commended = r.derived.commended;
  if (!tiers || commended === 0 || LEADER_TIERS.every((t) => tiers.commended[t] === 0)) return null;
  const parts = LEADER_TIERS.map(
    (t) => `${n(tiers.commended[t])} đồng chí là ${TIER_PHRASE[t]} (tỉ lệ ${pct(percentOf(tiers.commended[t], commended))})`,
  );
  return `Trong số ${n(commended)} đảng viên được khen thưởng năm ${r.year}, có ${parts.join(', ')}.`;
}

/** Nêu gương of each tier, as the exemplary sentence words each group. */
export function tierExemplarySentence(r: BlocRollup): string | null {
  const tiers = r.totals.tiers;
  if (!tiers) return null;
  const groups = LEADER_TIERS.flatMap((t) => {
    const counts = r.exemplaryScale.map((label) => tiers.exemplary[t][label] ?? 0);
    if (counts.every((c) => c === 0)) return [];
    const shares = distribution(counts);
    const list = shareList(r.exemplaryScale.map((label, i) => ({ name: label.toLowerCase(), count: counts[i] ?? 0, percent: shares[i] ?? null })));
    return [`đảng viên là ${TIER_PHRASE[t]} được đánh giá ${list}`];
  });
  return groups.length > 0 ? `Về nêu gương theo cấp lãnh đạo, ${groups.join('; ')}.` : null;
}

function massesSentence(r: BlocRollup, f: FigureTotals): string | null {
  if (f.reported.massesTotal === 0 || f.reported.massesStudied === 0) return null;
  const { total, studied } = f.massesBoth;
  return (
    `Năm ${r.year}, tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết đạt ${pct(r.derived.studiedResolution)}; ` +
    `quần chúng đạt ${pct(percentOf(studied, total))} (${n(studied)}/${n(total)} quần chúng)${reportedNote(f, ['massesTotal', 'massesStudied'])}.`
  );
}

function worksSentence(r: BlocRollup, f: FigureTotals): string | null {
  if (f.reported.worksRegistered === 0) return null;
  const t = f.totals;
  const done = f.reported.worksCompleted > 0 ? `, hoàn thành ${n(t.worksCompleted)} công trình, phần việc, bằng ${pct(percentOf(t.worksCompleted, t.worksRegistered))}` : '';
  const commended =
    f.reported.worksCommendedBloc > 0 || f.reported.worksCommendedProvince > 0
      ? `; trong đó, ${n(t.worksCommendedBloc)} công trình tiêu biểu được khen thưởng cấp Khối và ${n(t.worksCommendedProvince)} công trình được khen thưởng cấp tỉnh, thành phố`
      : '';
  return (
    `Năm ${r.year}, các tổ chức cơ sở đảng đã đăng ký ${n(t.worksRegistered)} công trình, phần việc học tập và làm theo tư tưởng, ` +
    `đạo đức, phong cách Hồ Chí Minh${done}${commended}${reportedNote(f, ['worksRegistered'])}.`
  );
}

function modelsSentence(r: BlocRollup, f: FigureTotals): string | null {
  if (f.reported.models === 0) return null;
  return `Năm ${r.year}, các tổ chức cơ sở đảng xây dựng, nhân rộng ${n(f.totals.models)} mô hình, điển hình học tập và làm theo Bác${reportedNote(f, ['models'])}.`;
}

const COLLECTIVE_KEYS = {
  grassroots: 'collectivesGrassroots',
  bloc: 'collectivesBloc',
  province: 'collectivesProvince',
  central: 'collectivesCentral',
} as const;
const LEVEL_NAME = { grassroots: 'cấp cơ sở', bloc: 'cấp Khối', province: 'cấp tỉnh, thành phố', central: 'cấp Trung ương' } as const;

function collectivesSentence(r: BlocRollup, f: FigureTotals): string | null {
  const keys = COMMENDATION_LEVELS.map((l) => COLLECTIVE_KEYS[l]);
  if (keys.every((k) => f.reported[k] === 0)) return null;
  const total = keys.reduce((sum, k) => sum + f.totals[k], 0);
  const levels = COMMENDATION_LEVELS.filter((l) => f.totals[COLLECTIVE_KEYS[l]] > 0).map((l) => `${LEVEL_NAME[l]} ${n(f.totals[COLLECTIVE_KEYS[l]])} tập thể`);
  const detail = levels.length > 0 ? ` (${levels.join('; ')})` : '';
  return (
    `Năm ${r.year}, có ${n(total)} tập thể điển hình được tuyên dương, khen thưởng${detail}, cùng ${n(r.derived.commended)} cá nhân là đảng viên` +
    `${reportedNote(f, keys, 'any')}.`
  );
}

export function figureSentences(r: BlocRollup): string[] {
  const f = r.figures;
  const figures = f && anyFigureReported(f) ? [massesSentence(r, f), worksSentence(r, f), modelsSentence(r, f), collectivesSentence(r, f)] : [];
  return [tierCommendationSentence(r), tierExemplarySentence(r), ...figures].filter((s) => s !== null);
}
