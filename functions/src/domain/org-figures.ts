import { z } from 'zod';
import { formatInt } from './format.js';
import { issue, type Issue, type Location, type MessageCode } from './messages.js';
import { countSchema } from './primitives.js';
import type { Cell } from './schema.js';
import { cellText, fold } from './text.js';

/**
 * The organisation's own figures for the year (issue 18, DOMAIN.md “The organisation's own
 * figures”): a second block of the submission, entered on the tab “Số liệu tổ chức” beside the
 * member list. Blank means “not reported” (null), never zero; the bloc's year settings say which
 * figures are required.
 */
export const ORG_FIGURES_TAB = 'Số liệu tổ chức';
export const FIGURE_LABEL_HEADER = 'Chỉ tiêu';
export const FIGURE_VALUE_HEADER = 'Số liệu';
export const FIGURE_NOTE_HEADER = 'Ghi chú';
const HEADER_ROWS_SCANNED = 15;

export const ORG_FIGURE_KEYS = [
  'massesTotal',
  'massesStudied',
  'worksRegistered',
  'worksCompleted',
  'worksCommendedBloc',
  'worksCommendedProvince',
  'models',
  'collectivesGrassroots',
  'collectivesBloc',
  'collectivesProvince',
  'collectivesCentral',
] as const;
export type OrgFigureKey = (typeof ORG_FIGURE_KEYS)[number];

/**
 * flow: counted within the year, so a term sums it; stock: a head count at the year's end, so a
 * term shows it per year and never sums it.
 */
export type FigureNature = 'flow' | 'stock';

export interface OrgFigureSpec {
  readonly key: OrgFigureKey;
  /** The row label on the tab, exactly as the template writes it. */
  readonly label: string;
  readonly aliases: readonly string[];
  readonly nature: FigureNature;
  /** The figure this one may not exceed (both reported). */
  readonly atMost?: OrgFigureKey;
  readonly note: string;
}

const spec = (
  key: OrgFigureKey,
  label: string,
  nature: FigureNature,
  note: string,
  aliases: readonly string[] = [],
  atMost?: OrgFigureKey,
): OrgFigureSpec => ({ key, label, aliases, nature, note, ...(atMost ? { atMost } : {}) });

export const ORG_FIGURES: readonly OrgFigureSpec[] = [
  spec('massesTotal', 'Số quần chúng', 'stock', 'Số cán bộ, công chức, viên chức, người lao động của cơ quan, đơn vị không phải là đảng viên, tính đến cuối năm.', ['Tổng số quần chúng', 'Quần chúng']),
  spec('massesStudied', 'Quần chúng tham gia học tập nghị quyết', 'flow', 'Số quần chúng tham gia học tập, quán triệt nghị quyết trong năm; không lớn hơn số quần chúng.', ['Quần chúng học tập nghị quyết', 'Số quần chúng tham gia học tập'], 'massesTotal'),
  spec('worksRegistered', 'Công trình, phần việc đăng ký làm theo', 'flow', 'Số công trình, phần việc tập thể đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05) trong năm.', ['Công trình đăng ký', 'Số công trình, phần việc đăng ký']),
  spec('worksCompleted', 'Công trình, phần việc hoàn thành', 'flow', 'Số công trình, phần việc đã đăng ký và hoàn thành trong năm; không lớn hơn số đăng ký.', ['Công trình hoàn thành', 'Số công trình, phần việc hoàn thành'], 'worksRegistered'),
  spec('worksCommendedBloc', 'Công trình, phần việc được khen thưởng cấp Khối', 'flow', 'Số công trình, phần việc tiêu biểu được khen thưởng cấp Khối; không lớn hơn số hoàn thành.', ['Công trình khen thưởng cấp Khối'], 'worksCompleted'),
  spec('worksCommendedProvince', 'Công trình, phần việc được khen thưởng cấp tỉnh, thành phố', 'flow', 'Số công trình, phần việc được khen thưởng cấp tỉnh, thành phố; không lớn hơn số hoàn thành.', ['Công trình khen thưởng cấp tỉnh', 'Công trình, phần việc được khen thưởng cấp tỉnh'], 'worksCompleted'),
  spec('models', 'Mô hình, điển hình học tập và làm theo', 'flow', 'Số mô hình, điển hình học tập và làm theo Bác được xây dựng, nhân rộng trong năm.', ['Mô hình học tập và làm theo', 'Số mô hình, điển hình']),
  spec('collectivesGrassroots', 'Tập thể được tuyên dương, khen thưởng cấp cơ sở', 'flow', 'Số tập thể được tuyên dương, khen thưởng cấp cơ sở trong năm.', ['Tập thể khen thưởng cấp cơ sở']),
  spec('collectivesBloc', 'Tập thể được tuyên dương, khen thưởng cấp Khối', 'flow', 'Số tập thể được tuyên dương, khen thưởng cấp Khối trong năm.', ['Tập thể khen thưởng cấp Khối']),
  spec('collectivesProvince', 'Tập thể được tuyên dương, khen thưởng cấp tỉnh, thành phố', 'flow', 'Số tập thể được tuyên dương, khen thưởng cấp tỉnh, thành phố trong năm.', ['Tập thể khen thưởng cấp tỉnh', 'Tập thể được tuyên dương, khen thưởng cấp tỉnh']),
  spec('collectivesCentral', 'Tập thể được tuyên dương, khen thưởng cấp Trung ương', 'flow', 'Số tập thể được tuyên dương, khen thưởng cấp Trung ương trong năm.', ['Tập thể khen thưởng cấp Trung ương', 'Tập thể khen thưởng cấp TW']),
];

const SPEC_BY_KEY: ReadonlyMap<OrgFigureKey, OrgFigureSpec> = new Map(ORG_FIGURES.map((f) => [f.key, f]));
export function orgFigureSpec(key: OrgFigureKey): OrgFigureSpec {
  const found = SPEC_BY_KEY.get(key);
  if (!found) throw new Error(`unknown organisation figure ${key}`);
  return found;
}

const KEY_BY_LABEL: ReadonlyMap<string, OrgFigureKey> = new Map(
  ORG_FIGURES.flatMap((f) => [f.label, f.key, ...f.aliases].map((spelling) => [fold(spelling), f.key] as const)),
);

/** The stored block: every figure, null when the organisation did not report it. */
export const orgFiguresSchema = z.object(
  Object.fromEntries(ORG_FIGURE_KEYS.map((key) => [key, countSchema.nullable()])) as Record<OrgFigureKey, z.ZodNullable<typeof countSchema>>,
);
export type OrgFigures = z.infer<typeof orgFiguresSchema>;
export const orgFigureKeySchema = z.enum(ORG_FIGURE_KEYS);

export function blankOrgFigures(): OrgFigures {
  return Object.fromEntries(ORG_FIGURE_KEYS.map((key) => [key, null])) as OrgFigures;
}

export interface OrgFiguresResult {
  readonly ok: boolean;
  /** Null when the tab could not be read (no header row). */
  readonly figures: OrgFigures | null;
  readonly issues: readonly Issue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface OrgFiguresOptions {
  readonly year: number;
  /** The figures the bloc requires this year (year settings). */
  readonly required: readonly OrgFigureKey[];
  /** The sheet row of values[0]. */
  readonly startRow?: number;
}

/**
 * Issues of the figures tab name the tab first (“Trang “Số liệu tổ chức”, dòng 6, cột “Số
 * liệu”: …”), so they never read as a row of the member list; their codes start ORG_FIGURE.
 */
function onTab(found: Issue): Issue {
  const message = found.message;
  const located = /^Dòng /.test(message);
  return { ...found, message: `Trang “${ORG_FIGURES_TAB}”${located ? `, d${message.slice(1)}` : `: ${message}`}` };
}

type FigureCode = Extract<MessageCode, `ORG_FIGURE${string}`>;
function tabIssue(severity: 'error' | 'warning', code: FigureCode, where: Location, params: object): Issue {
  return onTab((issue as (s: typeof severity, c: FigureCode, w: Location, p: object) => Issue)(severity, code, where, params));
}

/** A whole number ≥ 0: a number cell, or text such as “1.234” / “1 234” / “12”. Null when blank. */
export function parseFigure(cell: Cell): { ok: true; value: number | null } | { ok: false; text: string } {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell <= Number.MAX_SAFE_INTEGER ? { ok: true, value: cell } : { ok: false, text: String(cell) };
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const digits = text.replace(/[\s.]/g, '');
  if (/^\d{1,15}$/.test(digits) && /^\d{1,3}([.\s]?\d{3})*$|^\d+$/.test(text)) return { ok: true, value: Number(digits) };
  return { ok: false, text };
}

/** The tab's values (as getValues() gives them) → the block and its located issues. */
export function readOrgFigures(values: readonly (readonly Cell[])[], options: OrgFiguresOptions): OrgFiguresResult {
  const startRow = options.startRow ?? 1;
  const headerAt = values.slice(0, HEADER_ROWS_SCANNED).findIndex((cells) => columnsOf(cells) !== null);
  const columns = headerAt >= 0 ? columnsOf(values[headerAt] ?? []) : null;
  if (columns === null) {
    const found = [tabIssue('error', 'ORG_FIGURES_HEADER_NOT_FOUND', { row: null, column: null }, { scanned: HEADER_ROWS_SCANNED })];
    return summarise(null, found);
  }
  const issues: Issue[] = [];
  const figures = blankOrgFigures();
  const rowOf = new Map<OrgFigureKey, number>();
  const valueHeader = cellText(values[headerAt]?.[columns.value] ?? null);
  const labelHeader = cellText(values[headerAt]?.[columns.label] ?? null);
  const valueAt = (row: number): Location => ({ row, column: valueHeader, columnIndex: columns.value });
  for (let i = headerAt + 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    const row = startRow + i;
    const label = cellText(cells[columns.label] ?? null);
    const cell = cells[columns.value] ?? null;
    if (label === '') continue;
    const key = KEY_BY_LABEL.get(fold(label.replace(/^\s*(\d+|[a-zđ])[.)]\s+/iu, '')));
    if (key === undefined) {
      if (cellText(cell) !== '') issues.push(tabIssue('warning', 'ORG_FIGURE_UNKNOWN', { row, column: labelHeader, columnIndex: columns.label }, { label }));
      continue;
    }
    const figure = orgFigureSpec(key).label;
    const firstRow = rowOf.get(key);
    if (firstRow !== undefined) {
      issues.push(tabIssue('error', 'ORG_FIGURE_DUPLICATE', { row, column: labelHeader, columnIndex: columns.label }, { figure, firstRow }));
      continue;
    }
    rowOf.set(key, row);
    const parsed = parseFigure(cell);
    if (!parsed.ok) issues.push(tabIssue('error', 'ORG_FIGURE_INVALID', valueAt(row), { figure, value: parsed.text }));
    else figures[key] = parsed.value;
  }
  const invalid = new Set(issues.filter((i) => i.code === 'ORG_FIGURE_INVALID').map((i) => i.row));
  for (const key of options.required) {
    const row = rowOf.get(key) ?? null;
    if (figures[key] === null && !(row !== null && invalid.has(row))) {
      const where = row === null ? { row: null, column: orgFigureSpec(key).label } : valueAt(row);
      issues.push(tabIssue('error', 'ORG_FIGURE_REQUIRED', where, { figure: orgFigureSpec(key).label, year: options.year }));
    }
  }
  for (const f of ORG_FIGURES) {
    const value = figures[f.key];
    const limit = f.atMost ? figures[f.atMost] : null;
    if (f.atMost && value !== null && limit !== null && value > limit) {
      const row = rowOf.get(f.key) ?? null;
      issues.push(
        tabIssue('error', 'ORG_FIGURE_EXCEEDS', row === null ? { row: null, column: null } : valueAt(row), {
          figure: f.label,
          value,
          limitFigure: orgFigureSpec(f.atMost).label,
          limit,
        }),
      );
    }
  }
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return summarise(figures, issues);
}

/** The figures block was not sent at all: an error only when the year requires figures. */
export function missingOrgFigures(options: OrgFiguresOptions): OrgFiguresResult {
  if (options.required.length === 0) return summarise(null, []);
  const required = options.required.map((key) => orgFigureSpec(key).label);
  return summarise(null, [issue('error', 'ORG_FIGURES_MISSING', { row: null, column: null }, { year: options.year, required })]);
}

function summarise(figures: OrgFigures | null, issues: readonly Issue[]): OrgFiguresResult {
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return { ok: errorCount === 0, figures: errorCount === 0 ? figures : null, issues, errorCount, warningCount: issues.length - errorCount };
}

function columnsOf(cells: readonly Cell[]): { label: number; value: number } | null {
  const folded = cells.map((c) => fold(cellText(c)));
  const label = folded.indexOf(fold(FIGURE_LABEL_HEADER));
  const value = folded.indexOf(fold(FIGURE_VALUE_HEADER));
  return label >= 0 && value >= 0 ? { label, value } : null;
}

/** The template's rows: header, then one row per figure (value blank), its note in “Ghi chú”. */
export function orgFiguresTemplate(year: number, required: readonly OrgFigureKey[]): Cell[][] {
  const needed = new Set(required);
  return [
    [`Số liệu của tổ chức cơ sở đảng năm ${year}`, null, null, null],
    ['STT', FIGURE_LABEL_HEADER, FIGURE_VALUE_HEADER, FIGURE_NOTE_HEADER],
    ...ORG_FIGURES.map((f, i) => [i + 1, f.label, null, `${needed.has(f.key) ? 'Bắt buộc. ' : ''}${f.note}`]),
  ];
}

// ---- the bloc's sums ----

export const figureTotalsSchema = z.object({
  /** Submitted organisations (the base of “reported”). */
  orgs: countSchema,
  /** Sum over the organisations that reported each figure. */
  totals: z.object(Object.fromEntries(ORG_FIGURE_KEYS.map((k) => [k, countSchema])) as Record<OrgFigureKey, typeof countSchema>),
  /** How many organisations reported each figure. */
  reported: z.object(Object.fromEntries(ORG_FIGURE_KEYS.map((k) => [k, countSchema])) as Record<OrgFigureKey, typeof countSchema>),
  /** Quần chúng of the organisations that reported both figures: the base of the study rate. */
  massesBoth: z.object({ total: countSchema, studied: countSchema }),
});
export type FigureTotals = z.infer<typeof figureTotalsSchema>;

const zeroByKey = (): Record<OrgFigureKey, number> => Object.fromEntries(ORG_FIGURE_KEYS.map((k) => [k, 0])) as Record<OrgFigureKey, number>;

export function emptyFigureTotals(): FigureTotals {
  return { orgs: 0, totals: zeroByKey(), reported: zeroByKey(), massesBoth: { total: 0, studied: 0 } };
}

/** One entry per submitted organisation: its block, or null when it sent none. */
export function sumOrgFigures(blocks: readonly (OrgFigures | null)[]): FigureTotals {
  const out = emptyFigureTotals();
  for (const block of blocks) {
    out.orgs += 1;
    if (block === null) continue;
    for (const key of ORG_FIGURE_KEYS) {
      const value = block[key];
      if (value === null) continue;
      out.totals[key] += value;
      out.reported[key] += 1;
    }
    if (block.massesTotal !== null && block.massesStudied !== null) {
      out.massesBoth.total += block.massesTotal;
      out.massesBoth.studied += block.massesStudied;
    }
  }
  return out;
}

/** Did any organisation report any figure? (The sentences and tables stay out otherwise.) */
export const anyFigureReported = (t: FigureTotals): boolean => ORG_FIGURE_KEYS.some((k) => t.reported[k] > 0);

/**
 * “(theo số liệu của 70/72 tổ chức đã nộp)” when not every submitted organisation reported:
 * `all` counts those that reported every key (at most), `any` those that reported one (at least).
 */
export function reportedNote(t: FigureTotals, keys: readonly OrgFigureKey[], mode: 'all' | 'any' = 'all'): string {
  const counts = keys.map((k) => t.reported[k]);
  const reported = mode === 'all' ? Math.min(...counts) : Math.max(...counts);
  return reported < t.orgs ? ` (theo số liệu của ${formatInt(reported)}/${formatInt(t.orgs)} tổ chức đã nộp)` : '';
}
