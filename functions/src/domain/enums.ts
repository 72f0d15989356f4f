import { fold, foldLoose } from './text.js';

/**
 * Every closed list of DOMAIN.md, once. Codes are stable identifiers stored in Firestore;
 * labels are the exact Vietnamese wording users see; aliases are extra accepted spellings
 * (abbreviations). Matching folds case, spaces and diacritics, so aliases never need variants.
 */
export interface Choice<C extends string> {
  readonly code: C;
  readonly label: string;
  readonly aliases?: readonly string[];
}

export interface Enumeration<C extends string> {
  readonly choices: readonly Choice<C>[];
  readonly codes: readonly [C, ...C[]];
  labelOf(code: C): string;
  /** The code for a cell's text, or undefined when it matches nothing. */
  readonly match: (text: string) => C | undefined;
}

export function enumeration<const C extends string>(choices: readonly Choice<C>[]): Enumeration<C> {
  const byFolded = new Map<string, C>();
  const byLoose = new Map<string, C>();
  for (const choice of choices) {
    for (const spelling of [choice.label, choice.code, ...(choice.aliases ?? [])]) {
      byFolded.set(fold(spelling), choice.code);
      byLoose.set(foldLoose(spelling), choice.code);
    }
  }
  const labels = new Map(choices.map((c) => [c.code, c.label]));
  return {
    choices,
    codes: choices.map((c) => c.code) as unknown as readonly [C, ...C[]],
    labelOf: (code) => labels.get(code) ?? code,
    match: (text) => {
      const folded = fold(text);
      return byFolded.get(folded) ?? byLoose.get(foldLoose(folded));
    },
  };
}

export const GENDER = enumeration([
  { code: 'male', label: 'Nam' },
  { code: 'female', label: 'Nữ' },
]);

export const YES_NO = enumeration([
  { code: 'yes', label: 'Có', aliases: ['x', 'c', 'yes', 'y', '1', 'true', 'v', '✓', '✔'] },
  { code: 'no', label: 'Không', aliases: ['k', 'ko', 'no', 'n', '0', 'false', '-'] },
]);

export const EDUCATION = enumeration([
  { code: 'intermediate', label: 'Trung cấp', aliases: ['TC'] },
  { code: 'college', label: 'Cao đẳng', aliases: ['CĐ'] },
  { code: 'bachelor', label: 'Đại học', aliases: ['ĐH', 'Cử nhân', 'Kỹ sư', 'Bác sĩ'] },
  { code: 'master', label: 'Thạc sĩ', aliases: ['ThS', 'Thạc sỹ'] },
  { code: 'doctorate', label: 'Tiến sĩ', aliases: ['TS', 'Tiến sỹ'] },
  { code: 'other', label: 'Khác' },
]);
/** Đại học trở lên. */
export const EDUCATION_UNIVERSITY_PLUS: ReadonlySet<string> = new Set(['bachelor', 'master', 'doctorate']);

export const POLITICAL_THEORY = enumeration([
  { code: 'none', label: 'Chưa qua đào tạo', aliases: ['Chưa', 'Không'] },
  { code: 'elementary', label: 'Sơ cấp', aliases: ['SC'] },
  { code: 'intermediate', label: 'Trung cấp', aliases: ['TC'] },
  { code: 'advanced', label: 'Cao cấp', aliases: ['CC'] },
  { code: 'bachelor', label: 'Cử nhân', aliases: ['CN'] },
]);
/** Trung cấp trở lên. */
export const THEORY_INTERMEDIATE_PLUS: ReadonlySet<string> = new Set(['intermediate', 'advanced', 'bachelor']);

export const RATING = enumeration([
  { code: 'HTXSNV', label: 'Hoàn thành xuất sắc nhiệm vụ', aliases: ['Xuất sắc'] },
  { code: 'HTTNV', label: 'Hoàn thành tốt nhiệm vụ', aliases: ['Tốt'] },
  { code: 'HTNV', label: 'Hoàn thành nhiệm vụ' },
  { code: 'KHTNV', label: 'Không hoàn thành nhiệm vụ' },
  { code: 'KXL', label: 'Không xếp loại', aliases: ['Không xếp loại chất lượng'] },
]);
export type Rating = (typeof RATING.codes)[number];
/** The four levels of a classified member, best first. */
export const RATING_LEVELS = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const UNRATED_REASON = enumeration([
  { code: 'new_member', label: 'Mới kết nạp dưới 6 tháng', aliases: ['Mới kết nạp'] },
  { code: 'exempt', label: 'Miễn công tác và sinh hoạt đảng', aliases: ['Miễn sinh hoạt', 'Miễn công tác'] },
  { code: 'suspended', label: 'Đình chỉ sinh hoạt đảng', aliases: ['Đình chỉ'] },
  { code: 'absent', label: 'Vắng mặt, chưa đánh giá', aliases: ['Vắng mặt', 'Chưa đánh giá'] },
]);
export type UnratedReason = (typeof UNRATED_REASON.codes)[number];

export const RESIDENCE_FEEDBACK = enumeration([
  { code: 'good', label: 'Tốt' },
  { code: 'not_good', label: 'Chưa tốt' },
  { code: 'not_applicable', label: 'Không thuộc diện nhận xét', aliases: ['Không thuộc diện'] },
  { code: 'missing', label: 'Chưa có nhận xét', aliases: ['Chưa có'] },
]);
export type ResidenceFeedback = (typeof RESIDENCE_FEEDBACK.codes)[number];

export const PLEDGE_RESULT = enumeration([
  { code: 'completed', label: 'Hoàn thành', aliases: ['HT'] },
  { code: 'not_completed', label: 'Chưa hoàn thành', aliases: ['Không hoàn thành', 'CHT'] },
]);

export const DISCIPLINE = enumeration([
  { code: 'none', label: 'Không', aliases: ['k', 'ko', '-'] },
  { code: 'reprimand', label: 'Khiển trách' },
  { code: 'warning', label: 'Cảnh cáo' },
  { code: 'dismissal', label: 'Cách chức' },
  { code: 'expulsion', label: 'Khai trừ' },
]);
export type Discipline = (typeof DISCIPLINE.codes)[number];
export const DISCIPLINE_FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion'] as const;

export const COMMENDATION = enumeration([
  { code: 'none', label: 'Không', aliases: ['k', 'ko', '-'] },
  { code: 'grassroots', label: 'Cấp cơ sở', aliases: ['Cơ sở'] },
  { code: 'bloc', label: 'Cấp Khối', aliases: ['Khối', 'Đảng ủy Khối'] },
  { code: 'province', label: 'Cấp tỉnh, thành phố', aliases: ['Cấp tỉnh', 'Cấp thành phố', 'Tỉnh', 'Thành phố'] },
  { code: 'central', label: 'Cấp Trung ương', aliases: ['Trung ương', 'TW', 'Cấp TW'] },
]);
export type Commendation = (typeof COMMENDATION.codes)[number];
export const COMMENDATION_LEVELS = ['grassroots', 'bloc', 'province', 'central'] as const;

/**
 * “Cấp lãnh đạo” (issue 18): the tier of a member who holds a leadership post, as the bloc's
 * reports split commended members and nêu gương. A tier implies “Lãnh đạo, quản lý” = Có.
 */
export const LEADER_TIER = enumeration([
  {
    code: 'unit_head',
    label: 'Bí thư đảng ủy, người đứng đầu cơ quan, đơn vị',
    aliases: ['Bí thư đảng ủy', 'Bí thư đảng uỷ', 'Người đứng đầu cơ quan', 'Người đứng đầu đơn vị', 'Người đứng đầu cơ quan, đơn vị', 'Cấp cơ quan, đơn vị'],
  },
  {
    code: 'department_head',
    label: 'Bí thư chi bộ, người đứng đầu phòng, ban, đoàn thể và tương đương',
    aliases: ['Bí thư chi bộ', 'Người đứng đầu phòng, ban', 'Người đứng đầu đoàn thể', 'Trưởng phòng', 'Cấp phòng, ban'],
  },
  { code: 'none', label: 'Không', aliases: ['k', 'ko', '-'] },
]);
export type LeaderTier = (typeof LEADER_TIER.codes)[number];
/** The two tiers that count (“Không” is no tier). */
export const LEADER_TIERS = ['unit_head', 'department_head'] as const;
export type LeaderTierLevel = (typeof LEADER_TIERS)[number];

/** The default nêu gương scale, best first; a bloc may configure its own (same order rule). */
export const DEFAULT_EXEMPLARY_SCALE = ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'] as const;

/** An organisation's state for the year (DOMAIN.md, “Submissions”). */
export const ORG_STATE = enumeration([
  { code: 'not_submitted', label: 'Chưa nộp' },
  { code: 'submitted', label: 'Đã nộp' },
  { code: 'approved', label: 'Đã duyệt' },
  { code: 'locked', label: 'Khóa' },
]);
export type OrgState = (typeof ORG_STATE.codes)[number];
