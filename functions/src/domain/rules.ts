import { DISCIPLINE, LEADER_TIER, RATING, type RatingLevel } from './enums.js';
import type { FieldKey } from './fields.js';
import { issue, type Issue, type Location } from './messages.js';
import type { Evaluation, RulePackId, RuleSettings } from './schema.js';
import { defaultRulePack } from './schema.js';
import { minusMonths } from './dates.js';
import { formatDateVi } from './format.js';

/**
 * Rule packs by evaluation year, and the rules that look across fields of a row or across the
 * rows of a sheet. Field-level problems (bad values, blanks) are found by normalise.ts.
 */
export interface ScoreBand {
  readonly level: RatingLevel;
  readonly min: number;
  /** Exclusive; Infinity for the top band. */
  readonly below: number;
  readonly text: string;
}

export interface RulePack {
  readonly id: RulePackId;
  readonly title: string;
  readonly usesScore: boolean;
  readonly bands: readonly ScoreBand[];
}

export const RULE_PACKS_BY_ID: Readonly<Record<RulePackId, RulePack>> = {
  qd124: { id: 'qd124', title: 'Quy định 124-QĐ/TW, Hướng dẫn 25-HD/BTCTW', usesScore: false, bands: [] },
  qd366: {
    id: 'qd366',
    title: 'Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW',
    usesScore: true,
    bands: [
      { level: 'HTXSNV', min: 90, below: Infinity, text: 'từ 90 điểm trở lên' },
      { level: 'HTTNV', min: 70, below: 90, text: 'từ 70 đến dưới 90 điểm' },
      { level: 'HTNV', min: 50, below: 70, text: 'từ 50 đến dưới 70 điểm' },
      { level: 'KHTNV', min: 0, below: 50, text: 'dưới 50 điểm' },
    ],
  },
};

export function rulePackFor(settings: RuleSettings): RulePack {
  return RULE_PACKS_BY_ID[settings.rulePack ?? defaultRulePack(settings.year)];
}

export function evaluationDateOf(settings: RuleSettings): string {
  return settings.evaluationDate ?? `${settings.year}-12-31`;
}

/** How rules name a column: as the user wrote it, or the template header when it is absent. */
export type ColumnOf = (field: FieldKey) => { column: string; columnIndex: number | null };

export interface RuleContext {
  readonly settings: RuleSettings;
  readonly pack: RulePack;
  readonly columnOf: ColumnOf;
  /** Members admitted after this date are within 6 months of the evaluation date. */
  readonly newMemberSince: string;
  readonly evaluationDate: string;
}

export function ruleContext(settings: RuleSettings, columnOf: ColumnOf): RuleContext {
  const evaluationDate = evaluationDateOf(settings);
  return { settings, pack: rulePackFor(settings), columnOf, evaluationDate, newMemberSince: minusMonths(evaluationDate, 6) };
}

const at = (row: number, ctx: RuleContext, field: FieldKey): Location => ({ row, ...ctx.columnOf(field) });

/**
 * Fields of a row whose cell could not be read (a bad value, a required blank, a column the
 * layout left unread). A rule runs on a row only when every field it looks at was read, so a row
 * with a bad date still gets its score, rating and discipline checked in the same pass.
 */
export type UnreadFields = ReadonlySet<FieldKey>;
export const NONE_UNREAD: UnreadFields = new Set();

/** The row's problems, appended to `issues` (no array per row: this runs on every row of a 100.000-row sheet). */
export function checkRow(row: number, e: Evaluation, ctx: RuleContext, unread: UnreadFields, issues: Issue[]): void {
  if (unread.has('rating')) {
    checkDates(row, e, ctx, unread, issues);
    return;
  }
  // Inline checks, no closure.
  const all = unread.size === 0;
  const classified = e.rating !== 'KXL';
  if (ctx.pack.usesScore && classified && (all || !unread.has('score'))) {
    if (e.score === null) {
      issues.push(issue('error', 'SCORE_REQUIRED', at(row, ctx, 'score'), { year: ctx.settings.year }));
    } else {
      const score = e.score;
      const band = bandOf(ctx.pack.bands, score);
      if (band && band.level !== e.rating) {
        issues.push(
          issue('error', 'SCORE_RATING_MISMATCH', at(row, ctx, 'rating'), {
            score,
            expected: band.level,
            band: band.text,
            actual: e.rating,
          }),
        );
      }
    }
  }
  if (classified && (all || (!unread.has('discipline') && !unread.has('selfCorrected'))) && e.discipline !== null && e.discipline !== 'none' && e.rating !== 'KHTNV' && e.selfCorrected !== true) {
    issues.push(
      issue('error', 'DISCIPLINE_NOT_KHTNV', at(row, ctx, 'rating'), {
        discipline: DISCIPLINE.labelOf(e.discipline),
        rating: e.rating,
      }),
    );
  }
  const reasonRead = all || !unread.has('unratedReason');
  if (!classified && reasonRead && e.unratedReason === null) {
    issues.push(issue('error', 'UNRATED_REASON_MISSING', at(row, ctx, 'unratedReason')));
  }
  if (classified && reasonRead && e.unratedReason !== null) {
    issues.push(issue('error', 'UNRATED_REASON_UNEXPECTED', at(row, ctx, 'unratedReason'), { rating: RATING.labelOf(e.rating) }));
  }
  if (classified && (all || !unread.has('admissionDate')) && e.admissionDate !== null && e.admissionDate > ctx.newMemberSince && e.admissionDate <= ctx.evaluationDate) {
    issues.push(
      issue('warning', 'NEW_MEMBER_RATED', at(row, ctx, 'rating'), { admitted: e.admissionDate, evaluationDate: ctx.evaluationDate }),
    );
  }
  if ((all || (!unread.has('leaderTier') && !unread.has('isLeader'))) && e.leaderTier != null && e.leaderTier !== 'none' && !e.isLeader) {
    issues.push(issue('error', 'LEADER_TIER_NOT_LEADER', at(row, ctx, 'leaderTier'), { tier: LEADER_TIER.labelOf(e.leaderTier) }));
  }
  checkDates(row, e, ctx, unread, issues);
  const lowest = ctx.settings.exemplaryScale[ctx.settings.exemplaryScale.length - 1];
  if (e.rating === 'HTXSNV' && (all || !unread.has('exemplary')) && e.exemplary === lowest) {
    issues.push(issue('warning', 'EXCELLENT_LOW_EXEMPLARY', at(row, ctx, 'exemplary'), { level: lowest }));
  }
}

function bandOf(bands: readonly ScoreBand[], score: number): ScoreBand | undefined {
  for (const band of bands) if (score >= band.min && score < band.below) return band;
  return undefined;
}

/** The Party was founded on 03/02/1930: no one was admitted earlier (a sheet serial of 1900 reads so). */
const PARTY_FOUNDED = '1930-02-03';

/**
 * Dates against the evaluation date and each other: nothing after the evaluation date, no
 * admission before the Party's founding or before birth (errors); admission under 18, the Party's minimum age, is a warning
 * (a birth year alone is compared by years). A birth date is `yyyy` or `yyyy-mm-dd`.
 */
function checkDates(row: number, e: Evaluation, ctx: RuleContext, unread: UnreadFields, issues: Issue[]): void {
  const all = unread.size === 0;
  const birthDate = all || !unread.has('birthDate') ? e.birthDate : null;
  const admissionDate = all || !unread.has('admissionDate') ? e.admissionDate : null;
  // The earliest day a birth date (or a birth year) can mean.
  const bornFrom = birthDate === null ? null : birthDate.length === 4 ? `${birthDate}-01-01` : birthDate;
  if (birthDate !== null && bornFrom !== null && bornFrom > ctx.evaluationDate) {
    issues.push(issue('error', 'DATE_IN_FUTURE', at(row, ctx, 'birthDate'), { value: formatDateVi(birthDate) }));
  }
  if (admissionDate !== null && admissionDate > ctx.evaluationDate) {
    issues.push(issue('error', 'DATE_IN_FUTURE', at(row, ctx, 'admissionDate'), { value: formatDateVi(admissionDate) }));
  }
  if (admissionDate !== null && admissionDate < PARTY_FOUNDED) {
    issues.push(issue('error', 'ADMISSION_BEFORE_FOUNDING', at(row, ctx, 'admissionDate'), { value: formatDateVi(admissionDate) }));
    return;
  }
  if (birthDate !== null && bornFrom !== null && admissionDate !== null) {
    if (admissionDate < bornFrom) {
      issues.push(issue('error', 'ADMISSION_BEFORE_BIRTH', at(row, ctx, 'admissionDate'), { admitted: admissionDate, born: birthDate }));
    } else if (admittedUnder18(admissionDate, bornFrom)) {
      issues.push(issue('warning', 'ADMISSION_UNDER_18', at(row, ctx, 'admissionDate'), { admitted: admissionDate, born: birthDate }));
    }
  }
}

/** The year of an ISO date (its four digits), read without cutting the string. */
const yearOf = (iso: string): number =>
  ((iso.charCodeAt(0) - 48) * 10 + iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + iso.charCodeAt(3) - 48;

/** Before the 18th birthday: the years alone decide but for the year the member turned 18 (dates have four-digit years). */
function admittedUnder18(admitted: string, bornFrom: string): boolean {
  const adult = yearOf(bornFrom) + 18;
  const year = yearOf(admitted);
  return year === adult ? admitted < plusYears(bornFrom, 18) : year < adult;
}

const plusYears = (iso: string, years: number): string => `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;

/** The quota's inputs over every row whose “Xếp loại” could be read, whatever else is wrong with it. */
export interface QuotaCount {
  /** Rows rated HTXSNV, in sheet order. */
  readonly excellentRows: readonly number[];
  /** Rows rated HTTNV. */
  readonly good: number;
}

/**
 * Rules over the organisation's whole list: the HTXSNV quota and the expected member count.
 * The quota counts what the sheet says (every row whose rating could be read), not only the
 * rows without errors, so its numbers do not change as other errors are fixed.
 */
export function checkSheet(quota: QuotaCount, listed: number, ctx: RuleContext): Issue[] {
  const issues: Issue[] = [];
  const excellent = quota.excellentRows;
  const good = quota.good;
  const percent = ctx.settings.quotaPercent;
  const max = Math.floor((good * percent) / 100 + 1e-9);
  const firstOver = excellent[max];
  if (firstOver !== undefined) {
    issues.push(
      issue(ctx.settings.quotaMode, 'QUOTA_EXCEEDED', at(firstOver, ctx, 'rating'), { excellent: excellent.length, good, max, percent }),
    );
  }
  const expected = ctx.settings.expectedMembers;
  if (expected !== undefined && expected !== listed) {
    issues.push(issue('warning', 'ROW_COUNT_DIFFERS', { row: null, column: null }, { expected, actual: listed }));
  }
  return issues;
}
