import { z } from 'zod';
import { RATING, RATING_LEVELS } from './enums.js';
import { formatDecimal, formatInt, formatPercent, percentOf } from './format.js';
import type { OrgFigureKey } from './org-figures.js';
import { yearNumberSchema } from './primitives.js';
import { TIER_PHRASE } from './report-figures.js';
import type { BlocRollup } from './rollup-schema.js';

/**
 * The term view (nhiệm kỳ, issue 18): the bloc's key indicators year by year over a configured
 * range of years, with the term's total where one makes sense. Built from the stored rollup of
 * each year, so it reads one document per year and never a member or an organisation.
 *
 * Each indicator says what it is (`nature`):
 * - flow: counted within a year (commendations, works, models): the term SUMS them;
 * - stock: a head count at the year's evaluation (members, each rating level, nêu gương tốt,
 *   quần chúng): the same people are counted again every year, so the term shows them per year
 *   and never adds them up;
 * - rate: a percentage of a year: the term shows the plain average of the years that have it.
 *
 * Organisations that merged between years need no mapping here: every figure is the bloc's
 * total of its year, which a merge does not change. A per-organisation term table would read the
 * admin's “continues” mapping (the admin console issue) — that is where it would join.
 */
export const termSchema = z
  .object({ from: yearNumberSchema, to: yearNumberSchema })
  .refine((t) => t.from <= t.to && t.to - t.from <= 10, { error: 'nhiệm kỳ: năm đầu không sau năm cuối, tối đa 10 năm (from ≤ to, at most 10 years)' });
export type Term = z.infer<typeof termSchema>;

export type TermNature = 'flow' | 'stock' | 'rate';
export const TERM_NATURE_LABEL: Readonly<Record<TermNature, string>> = {
  flow: 'Cộng cả nhiệm kỳ',
  stock: 'Số từng năm, không cộng',
  rate: 'Bình quân các năm',
};

export interface TermIndicator {
  readonly key: string;
  readonly label: string;
  readonly unit: 'count' | 'percent';
  readonly nature: TermNature;
  /** One per year of the term, null when that year has no rollup or the figure was not reported. */
  readonly values: readonly (number | null)[];
  /** flow: the sum; rate: the average (one decimal); stock: always null. Null when no year has a value. */
  readonly total: number | null;
}

export interface TermSummary {
  readonly from: number;
  readonly to: number;
  readonly years: readonly number[];
  /** Years of the term without a stored rollup. */
  readonly missingYears: readonly number[];
  readonly indicators: readonly TermIndicator[];
}

type Pick = (r: BlocRollup) => number | null;

const figure =
  (key: OrgFigureKey): Pick =>
  (r) =>
    r.figures && r.figures.reported[key] > 0 ? r.figures.totals[key] : null;
const tier =
  (t: 'unit_head' | 'department_head'): Pick =>
  (r) =>
    r.totals.tiers ? r.totals.tiers.commended[t] : null;
const collectives: Pick = (r) => {
  const keys = ['collectivesGrassroots', 'collectivesBloc', 'collectivesProvince', 'collectivesCentral'] as const;
  const f = r.figures;
  return f && keys.some((k) => f.reported[k] > 0) ? keys.reduce((sum, k) => sum + f.totals[k], 0) : null;
};

interface IndicatorSpec {
  readonly key: string;
  readonly label: string;
  readonly unit: 'count' | 'percent';
  readonly nature: TermNature;
  readonly pick: Pick;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

function indicatorSpecs(topExemplary: string | undefined): IndicatorSpec[] {
  return [
    { key: 'listed', label: 'Số đảng viên trong danh sách đánh giá', unit: 'count', nature: 'stock', pick: (r) => r.totals.listed },
    ...RATING_LEVELS.map(
      (level): IndicatorSpec => ({ key: `level.${level}`, label: `Đảng viên ${lowerFirst(RATING.labelOf(level))}`, unit: 'count', nature: 'stock', pick: (r) => r.totals.levels[level] }),
    ),
    ...(topExemplary
      ? [{ key: 'exemplaryTop', label: `Đảng viên được đánh giá ${topExemplary.toLowerCase()}`, unit: 'count', nature: 'stock', pick: (r) => r.derived.exemplary.total.counts[topExemplary] ?? 0 } satisfies IndicatorSpec]
      : []),
    { key: 'studiedResolution', label: 'Tỷ lệ đảng viên học tập nghị quyết', unit: 'percent', nature: 'rate', pick: (r) => r.derived.studiedResolution },
    { key: 'massesTotal', label: 'Số quần chúng', unit: 'count', nature: 'stock', pick: figure('massesTotal') },
    {
      key: 'massesStudiedRate',
      label: 'Tỷ lệ quần chúng học tập nghị quyết',
      unit: 'percent',
      nature: 'rate',
      pick: (r) => (r.figures && r.figures.massesBoth.total > 0 ? percentOf(r.figures.massesBoth.studied, r.figures.massesBoth.total) : null),
    },
    { key: 'worksRegistered', label: 'Công trình, phần việc đăng ký làm theo', unit: 'count', nature: 'flow', pick: figure('worksRegistered') },
    { key: 'worksCompleted', label: 'Công trình, phần việc hoàn thành', unit: 'count', nature: 'flow', pick: figure('worksCompleted') },
    { key: 'worksCommendedBloc', label: 'Công trình được khen thưởng cấp Khối', unit: 'count', nature: 'flow', pick: figure('worksCommendedBloc') },
    { key: 'worksCommendedProvince', label: 'Công trình được khen thưởng cấp tỉnh, thành phố', unit: 'count', nature: 'flow', pick: figure('worksCommendedProvince') },
    { key: 'models', label: 'Mô hình, điển hình học tập và làm theo', unit: 'count', nature: 'flow', pick: figure('models') },
    { key: 'commended', label: 'Đảng viên được khen thưởng (lượt)', unit: 'count', nature: 'flow', pick: (r) => r.derived.commended },
    { key: 'commended.unit_head', label: 'trong đó: bí thư đảng ủy, người đứng đầu cơ quan, đơn vị', unit: 'count', nature: 'flow', pick: tier('unit_head') },
    { key: 'commended.department_head', label: 'trong đó: bí thư chi bộ, người đứng đầu phòng, ban, đoàn thể và tương đương', unit: 'count', nature: 'flow', pick: tier('department_head') },
    { key: 'collectives', label: 'Tập thể được tuyên dương, khen thưởng (lượt)', unit: 'count', nature: 'flow', pick: collectives },
  ];
}

function total(nature: TermNature, values: readonly (number | null)[]): number | null {
  const present = values.filter((v) => v !== null);
  if (nature === 'stock' || present.length === 0) return null;
  const sum = present.reduce((s, v) => s + v, 0);
  return nature === 'flow' ? sum : Math.round((sum * 10) / present.length) / 10;
}

/** `rollups`: the stored rollup of each year of the term that has one (others are missing). */
export function buildTerm(term: Term, rollups: ReadonlyMap<number, BlocRollup>): TermSummary {
  const years = Array.from({ length: term.to - term.from + 1 }, (_, i) => term.from + i);
  const latest = [...years].reverse().map((y) => rollups.get(y)).find((r) => r !== undefined);
  const indicators = indicatorSpecs(latest?.exemplaryScale[0]).map((spec): TermIndicator => {
    const values = years.map((y) => {
      const r = rollups.get(y);
      return r ? spec.pick(r) : null;
    });
    return { key: spec.key, label: spec.label, unit: spec.unit, nature: spec.nature, values, total: total(spec.nature, values) };
  });
  return { from: term.from, to: term.to, years, missingYears: years.filter((y) => !rollups.has(y)), indicators };
}

/** The term that holds a year, if the bloc configured one (the first one, when several do). */
export function termOf(terms: readonly Term[], year: number): Term | null {
  return terms.find((t) => t.from <= year && year <= t.to) ?? null;
}

// ---- “Nhiệm kỳ 2020–2025, …” sentences ----

const n = formatInt;
export const termName = (t: { from: number; to: number }): string => `Nhiệm kỳ ${t.from}–${t.to}`;

function byKey(s: TermSummary, key: string): TermIndicator | undefined {
  return s.indicators.find((i) => i.key === key);
}

function membersSentence(s: TermSummary): string | null {
  const listed = byKey(s, 'listed');
  if (!listed) return null;
  const points = s.years.flatMap((y, i) => {
    const v = listed.values[i];
    return v === null || v === undefined ? [] : [{ y, v }];
  });
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  if (first === last) return `${termName(s)}, năm ${first.y} có ${n(first.v)} đảng viên trong danh sách đánh giá.`;
  return `${termName(s)}, số đảng viên trong danh sách đánh giá từ ${n(first.v)} đồng chí (năm ${first.y}) đến ${n(last.v)} đồng chí (năm ${last.y}).`;
}

function commendedSentence(s: TermSummary): string | null {
  const commended = byKey(s, 'commended')?.total ?? null;
  if (commended === null || commended === 0) return null;
  const tiers = (['unit_head', 'department_head'] as const).flatMap((t) => {
    const v = byKey(s, `commended.${t}`)?.total ?? null;
    return v === null ? [] : [`${n(v)} lượt đồng chí là ${TIER_PHRASE[t]} (tỉ lệ ${formatPercent(percentOf(v, commended))})`];
  });
  return `${termName(s)}, có ${n(commended)} lượt đảng viên được khen thưởng${tiers.length > 0 ? `; trong đó, ${tiers.join(', ')}` : ''}.`;
}

function worksSentence(s: TermSummary): string | null {
  const v = (key: string) => byKey(s, key)?.total ?? null;
  const registered = v('worksRegistered');
  const parts: string[] = [];
  if (registered !== null) {
    const completed = v('worksCompleted');
    const done = completed === null ? '' : `, hoàn thành ${n(completed)} công trình, phần việc, bằng ${formatPercent(percentOf(completed, registered))}`;
    const bloc = v('worksCommendedBloc');
    const province = v('worksCommendedProvince');
    const commended =
      bloc !== null || province !== null
        ? `; trong đó, ${n(bloc ?? 0)} công trình tiêu biểu được khen thưởng cấp Khối và ${n(province ?? 0)} công trình được khen thưởng cấp tỉnh, thành phố`
        : '';
    parts.push(`đã đăng ký ${n(registered)} công trình, phần việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh${done}${commended}`);
  }
  const models = v('models');
  if (models !== null) parts.push(`xây dựng, nhân rộng ${n(models)} mô hình, điển hình học tập và làm theo Bác`);
  const collectives = v('collectives');
  if (collectives !== null) parts.push(`${n(collectives)} lượt tập thể điển hình được tuyên dương, khen thưởng`);
  return parts.length > 0 ? `${termName(s)}, các tổ chức cơ sở đảng ${parts.join('; ')}.` : null;
}

function studySentence(s: TermSummary): string | null {
  const members = byKey(s, 'studiedResolution')?.total ?? null;
  const masses = byKey(s, 'massesStudiedRate')?.total ?? null;
  if (members === null) return null;
  const ofMasses = masses === null ? '' : `; quần chúng ${formatDecimal(masses)}%`;
  return `${termName(s)}, tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết bình quân hằng năm đạt ${formatPercent(members)}${ofMasses}.`;
}

export function termSentences(s: TermSummary): string[] {
  const out = [membersSentence(s), studySentence(s), worksSentence(s), commendedSentence(s)].filter((x) => x !== null);
  if (s.missingYears.length > 0 && out.length > 0) {
    out.push(`Chưa có số liệu năm ${s.missingYears.join(', ')} trong sổ đánh giá; số liệu của nhiệm kỳ chỉ tính các năm đã có.`);
  }
  return out;
}
