import { localParts } from './time-zone.js';
import type { ExemplaryRow } from './derive.js';
import { COMMENDATION, COMMENDATION_LEVELS, DISCIPLINE, DISCIPLINE_FORMS, RATING, RATING_LEVELS, UNRATED_REASON } from './enums.js';
import { formatDecimal, formatInt, formatPercent } from './format.js';
import type { BlocRollup, ComparisonRow } from './rollup-schema.js';
import { figureSentences } from './report-figures.js';
import { shareList } from './report-shares.js';

export { shareList } from './report-shares.js';

/**
 * “Báo cáo”: ready-to-paste sentences in the style of the bloc's own reports (DOMAIN.md).
 * One string per sentence; every number in Vietnamese formatting; people counted in “đồng chí”.
 */
const n = formatInt;
const pct = formatPercent;
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function submissionSentence(r: BlocRollup): string {
  const s = r.submission;
  if (s.total === 0) return `Năm ${r.year}, chưa có tổ chức cơ sở đảng nào trong danh sách.`;
  const now = localParts(r.generatedAt, r.timeZone);
  const due = localParts(r.deadline, r.timeZone);
  const missing = s.missing > 0 ? `; còn ${n(s.missing)} tổ chức chưa nộp, bằng ${pct(s.percent.missing)}` : '';
  return (
    `Tính đến ${now.time} ngày ${now.date} (hạn nộp ${due.time} ngày ${due.date}), có ${n(s.submitted)}/${n(s.total)} ` +
    `tổ chức cơ sở đảng đã nộp kết quả đánh giá, bằng ${pct(s.percent.submitted)}; trong đó, nộp đúng hạn ` +
    `${n(s.onTime)} tổ chức, nộp muộn ${n(s.late)} tổ chức${missing}.`
  );
}

function ratingSentences(r: BlocRollup): string[] {
  const t = r.totals;
  const head = `Năm ${r.year}, tổng số đảng viên trong danh sách đánh giá là ${n(t.listed)} đồng chí`;
  if (t.classified === 0) return [`${head}; chưa có đảng viên được xếp loại chất lượng.`];
  const levels = RATING_LEVELS.map((level) => ({
    name: RATING.labelOf(level).toLowerCase(),
    count: t.levels[level],
    percent: r.derived.levels[level],
  }));
  const out = [`${head}; có ${n(t.classified)} đảng viên được xếp loại chất lượng; trong đó, ${shareList(levels)}.`];
  if (t.notClassified > 0) {
    const reasons = UNRATED_REASON.codes
      .filter((code) => t.notClassifiedByReason[code] > 0)
      .map((code) => `${lowerFirst(UNRATED_REASON.labelOf(code))} ${n(t.notClassifiedByReason[code])} đồng chí`);
    const unknown = t.notClassified - UNRATED_REASON.codes.reduce((sum, code) => sum + t.notClassifiedByReason[code], 0);
    if (unknown > 0) reasons.push(`chưa ghi lý do ${n(unknown)} đồng chí`);
    out.push(`Không xếp loại chất lượng ${n(t.notClassified)} đồng chí, gồm: ${reasons.join('; ')}.`);
  }
  if (t.levels.HTTNV > 0) {
    out.push(
      `Số đảng viên hoàn thành xuất sắc nhiệm vụ bằng ${pct(r.derived.excellentOfGood)} số đảng viên hoàn thành tốt ` +
        `nhiệm vụ (tỷ lệ tối đa ${pct(r.quotaPercent)}).`,
    );
  }
  return out;
}

function exemplaryGroup(r: BlocRollup, who: string, row: ExemplaryRow): string {
  const shares = r.exemplaryScale.map((label) => ({
    name: label.toLowerCase(),
    count: row.counts[label] ?? 0,
    percent: row.percents[label] ?? null,
  }));
  return `đảng viên ${who} được đánh giá ${shareList(shares)}`;
}

/** “Năm 2024, có 2.350 đảng viên được đánh giá nêu gương; trong đó, đảng viên giữ chức vụ …; đảng viên không giữ …” */
export function exemplarySentence(r: BlocRollup): string {
  const { leader, nonLeader, total } = r.derived.exemplary;
  if (total.total === 0) return `Năm ${r.year}, chưa có đảng viên được đánh giá nêu gương.`;
  const groups = [
    leader.total > 0 ? exemplaryGroup(r, 'giữ chức vụ lãnh đạo, quản lý', leader) : null,
    nonLeader.total > 0 ? exemplaryGroup(r, 'không giữ chức vụ lãnh đạo, quản lý', nonLeader) : null,
  ].filter((g) => g !== null);
  return `Năm ${r.year}, có ${n(total.total)} đảng viên được đánh giá nêu gương; trong đó, ${groups.join('; ')}.`;
}

function qualificationSentence(r: BlocRollup): string {
  const t = r.totals;
  return (
    `Về trình độ, có ${n(t.education.universityPlus)} đảng viên có trình độ chuyên môn đại học trở lên, bằng ` +
    `${pct(r.derived.universityPlus)}; ${n(t.politicalTheory.intermediatePlus)} đảng viên có trình độ lý luận chính trị ` +
    `trung cấp trở lên, bằng ${pct(r.derived.theoryIntermediatePlus)} tổng số đảng viên trong danh sách.`
  );
}

function residenceSentence(r: BlocRollup): string {
  const { residence } = r.totals;
  const { concerned, good, notGood, missing } = r.derived.residence;
  if (concerned === 0) return 'Không có đảng viên thuộc diện nhận xét của nơi cư trú.';
  const shares = [
    { name: 'được nhận xét tốt', count: residence.good, percent: good },
    { name: 'chưa tốt', count: residence.not_good, percent: notGood },
    { name: 'chưa có nhận xét', count: residence.missing, percent: missing },
  ];
  return `Có ${n(concerned)} đảng viên thuộc diện nhận xét của nơi cư trú; trong đó, ${shareList(shares)}.`;
}

function studySentence(r: BlocRollup): string {
  const t = r.totals;
  const d = r.derived;
  const completed =
    t.pledge.registered > 0
      ? `; trong đó, ${n(t.pledge.completed)} đồng chí hoàn thành nội dung đăng ký, bằng ${pct(d.pledgeCompleted)}`
      : '';
  return (
    `Có ${n(t.studiedResolution)} đảng viên học tập, quán triệt nghị quyết, bằng ${pct(d.studiedResolution)}; ` +
    `${n(t.pledge.registered)} đảng viên đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ` +
    `bằng ${pct(d.pledgeRegistered)}${completed}.`
  );
}

function disciplineSentence(r: BlocRollup): string {
  const total = r.derived.disciplined;
  if (total === 0) return `Năm ${r.year}, không có đảng viên bị kỷ luật.`;
  const forms = DISCIPLINE_FORMS.filter((f) => r.totals.discipline[f] > 0).map(
    (f) => `${lowerFirst(DISCIPLINE.labelOf(f))} ${n(r.totals.discipline[f])} đồng chí`,
  );
  return `Năm ${r.year}, có ${n(total)} đảng viên bị kỷ luật; trong đó, ${forms.join(', ')}.`;
}

function commendationSentence(r: BlocRollup): string {
  const total = r.derived.commended;
  if (total === 0) return `Năm ${r.year}, không có đảng viên được khen thưởng.`;
  const levels = COMMENDATION_LEVELS.filter((l) => r.totals.commendation[l] > 0).map(
    (l) => `${lowerFirst(COMMENDATION.labelOf(l))} ${n(r.totals.commendation[l])} đồng chí`,
  );
  const leaders = r.totals.commendedLeaders;
  const ofLeaders = leaders > 0 ? `, trong đó có ${n(leaders)} đồng chí giữ chức vụ lãnh đạo, quản lý` : '';
  return `Năm ${r.year}, có ${n(total)} đảng viên được khen thưởng (${levels.join('; ')})${ofLeaders}.`;
}

function change(row: ComparisonRow): string | null {
  const { current, previous, delta } = row;
  if (current === null || previous === null || delta === null) return null;
  const isPercent = row.unit === 'percent';
  const show = (v: number): string => (isPercent ? pct(v) : n(v));
  const name = lowerFirst(row.label);
  if (delta === 0) return `${name} không thay đổi (${show(current)})`;
  const amount = isPercent ? `${formatDecimal(Math.abs(delta))} điểm phần trăm` : `${n(Math.abs(delta))} đồng chí`;
  const direction = delta > 0 ? ['tăng', 'lên'] : ['giảm', 'xuống'];
  return `${name} ${direction[0]} ${amount} (từ ${show(previous)} ${direction[1]} ${show(current)})`;
}

/** The indicators the comparison sentence names; the full list is on “So sánh”. */
function comparisonKeys(r: BlocRollup): string[] {
  const top = r.exemplaryScale[0];
  return ['listed', ...RATING_LEVELS.map((l) => `levelPercent.${l}`), ...(top ? [`exemplaryPercent.${top}`] : [])];
}

function comparisonSentence(r: BlocRollup): string | null {
  if (r.previousYear === null || r.comparison.length === 0) return null;
  const byKey = new Map(r.comparison.map((row) => [row.key, row]));
  const parts = comparisonKeys(r)
    .map((key) => byKey.get(key))
    .map((row) => (row ? change(row) : null))
    .filter((part) => part !== null);
  return parts.length > 0 ? `So với năm ${r.previousYear}, ${parts.join('; ')}.` : null;
}

export function reportSentences(rollup: BlocRollup): string[] {
  const sentences = [submissionSentence(rollup), ...ratingSentences(rollup)];
  if (rollup.totals.listed > 0) {
    sentences.push(
      exemplarySentence(rollup),
      qualificationSentence(rollup),
      residenceSentence(rollup),
      studySentence(rollup),
      disciplineSentence(rollup),
      commendationSentence(rollup),
      ...figureSentences(rollup),
    );
  }
  const comparison = comparisonSentence(rollup);
  if (comparison !== null) sentences.push(comparison);
  return sentences;
}
