import { z } from 'zod';
import { countSchema } from './primitives.js';
import {
  COMMENDATION_LEVELS,
  DISCIPLINE_FORMS,
  EDUCATION_UNIVERSITY_PLUS,
  LEADER_TIERS,
  RATING_LEVELS,
  RESIDENCE_FEEDBACK,
  THEORY_INTERMEDIATE_PLUS,
  UNRATED_REASON,
  type RatingLevel,
} from './enums.js';
import type { Evaluation } from './schema.js';
import { fold } from './text.js';

/**
 * One organisation's counts for the summary workbook (DOMAIN.md, “The summary workbook”),
 * computed once per accepted submission and stored in Firestore, so the bloc rollup never
 * has to read member rows again.
 */
const count = countSchema;
/** Exhaustive: every key of the list must be present. */
const countsOf = <const K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), count);

const RESIDENCE_CODES = RESIDENCE_FEEDBACK.codes;
const REASON_CODES = UNRATED_REASON.codes;

/** Counts per nêu gương level label (the bloc's scale; a label outside it keeps its own key). */
export const exemplaryCountsSchema = z.record(z.string(), count);

/**
 * Commended members and nêu gương by “Cấp lãnh đạo” (issue 18). Present only when a member of
 * the list has the column filled, so tallies stored before it still parse and compare equal.
 */
export const tierCountsSchema = z.object({
  /** Members whose “Cấp lãnh đạo” is filled (“Không” included). */
  reported: count,
  members: countsOf(LEADER_TIERS),
  /** Commended (any level) members of each tier. */
  commended: countsOf(LEADER_TIERS),
  exemplary: z.object({ unit_head: exemplaryCountsSchema, department_head: exemplaryCountsSchema }),
});
export type TierCounts = z.infer<typeof tierCountsSchema>;

export function emptyTierCounts(exemplaryScale: readonly string[]): TierCounts {
  return {
    reported: 0,
    members: { unit_head: 0, department_head: 0 },
    commended: { unit_head: 0, department_head: 0 },
    exemplary: { unit_head: zeros(exemplaryScale), department_head: zeros(exemplaryScale) },
  };
}

export const tallyCountsSchema = z.object({
  /** Members listed on the sheet. */
  listed: count,
  female: count,
  leaders: count,
  /** Rated one of the four levels. */
  classified: count,
  /** “Không xếp loại”, total and per reason (a missing reason counts in the total only). */
  notClassified: count,
  notClassifiedByReason: countsOf(REASON_CODES),
  levels: countsOf(RATING_LEVELS),
  exemplary: z.object({ leader: exemplaryCountsSchema, nonLeader: exemplaryCountsSchema }),
  education: z.object({ filled: count, universityPlus: count }),
  politicalTheory: z.object({ filled: count, intermediatePlus: count }),
  /** A blank “Nhận xét nơi cư trú” counts as missing (“Chưa có nhận xét”). */
  residence: countsOf(RESIDENCE_CODES),
  studiedResolution: count,
  /** registered: a non-empty pledge; completed: registered and “Hoàn thành”. */
  pledge: z.object({ registered: count, completed: count }),
  discipline: countsOf(DISCIPLINE_FORMS),
  commendation: countsOf(COMMENDATION_LEVELS),
  /** Commended members (any level) who hold a leadership post. */
  commendedLeaders: count,
  tiers: tierCountsSchema.optional(),
});
export type TallyCounts = z.infer<typeof tallyCountsSchema>;

export const orgTallySchema = tallyCountsSchema.extend({
  /** Sorted, unique: for cross-organisation duplicate detection. */
  cardNumbers: z.array(z.string()),
});
export type OrgTally = z.infer<typeof orgTallySchema>;

function zeros(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

export function emptyCounts(exemplaryScale: readonly string[]): TallyCounts {
  return {
    listed: 0,
    female: 0,
    leaders: 0,
    classified: 0,
    notClassified: 0,
    notClassifiedByReason: { new_member: 0, exempt: 0, suspended: 0, absent: 0 },
    levels: { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 },
    exemplary: { leader: zeros(exemplaryScale), nonLeader: zeros(exemplaryScale) },
    education: { filled: 0, universityPlus: 0 },
    politicalTheory: { filled: 0, intermediatePlus: 0 },
    residence: { good: 0, not_good: 0, not_applicable: 0, missing: 0 },
    studiedResolution: 0,
    pledge: { registered: 0, completed: 0 },
    discipline: { reprimand: 0, warning: 0, dismissal: 0, expulsion: 0 },
    commendation: { grassroots: 0, bloc: 0, province: 0, central: 0 },
    commendedLeaders: 0,
  };
}

const LEVELS: ReadonlySet<string> = new Set(RATING_LEVELS);
const FORMS: ReadonlySet<string> = new Set(DISCIPLINE_FORMS);
const COMMENDED: ReadonlySet<string> = new Set(COMMENDATION_LEVELS);
const isRatingLevel = (code: string): code is RatingLevel => LEVELS.has(code);
const isDisciplineForm = (code: string): code is (typeof DISCIPLINE_FORMS)[number] => FORMS.has(code);
const isCommendationLevel = (code: string): code is (typeof COMMENDATION_LEVELS)[number] => COMMENDED.has(code);

/** The scale's own spelling of a label (the validator already canonicalises; this is a guard). */
function scaleLabel(label: string, byFolded: ReadonlyMap<string, string>): string {
  return byFolded.get(fold(label)) ?? label;
}

const bump = (record: Record<string, number>, key: string): void => {
  record[key] = (record[key] ?? 0) + 1;
};

export function tallyOrganisation(evaluations: readonly Evaluation[], exemplaryScale: readonly string[]): OrgTally {
  const counts = emptyCounts(exemplaryScale);
  const byFolded = new Map(exemplaryScale.map((label) => [fold(label), label]));
  const cards = new Set<string>();
  for (const e of evaluations) {
    counts.listed += 1;
    cards.add(e.cardNumber);
    if (e.gender === 'female') counts.female += 1;
    if (e.isLeader) counts.leaders += 1;
    if (isRatingLevel(e.rating)) {
      counts.classified += 1;
      counts.levels[e.rating] += 1;
    } else {
      counts.notClassified += 1;
      if (e.unratedReason !== null) counts.notClassifiedByReason[e.unratedReason] += 1;
    }
    bump(e.isLeader ? counts.exemplary.leader : counts.exemplary.nonLeader, scaleLabel(e.exemplary, byFolded));
    if (e.education !== null) {
      counts.education.filled += 1;
      if (EDUCATION_UNIVERSITY_PLUS.has(e.education)) counts.education.universityPlus += 1;
    }
    if (e.politicalTheory !== null) {
      counts.politicalTheory.filled += 1;
      if (THEORY_INTERMEDIATE_PLUS.has(e.politicalTheory)) counts.politicalTheory.intermediatePlus += 1;
    }
    counts.residence[e.residenceFeedback ?? 'missing'] += 1;
    if (e.studiedResolution === true) counts.studiedResolution += 1;
    const registered = e.pledge !== null && e.pledge.trim() !== '';
    if (registered) {
      counts.pledge.registered += 1;
      if (e.pledgeResult === 'completed') counts.pledge.completed += 1;
    }
    if (e.discipline !== null && isDisciplineForm(e.discipline)) counts.discipline[e.discipline] += 1;
    let commended = false;
    if (e.commendation !== null && isCommendationLevel(e.commendation)) {
      commended = true;
      counts.commendation[e.commendation] += 1;
      if (e.isLeader) counts.commendedLeaders += 1;
    }
    if (e.leaderTier != null) {
      const tiers = (counts.tiers ??= emptyTierCounts(exemplaryScale));
      tiers.reported += 1;
      if (e.leaderTier !== 'none') {
        tiers.members[e.leaderTier] += 1;
        if (commended) tiers.commended[e.leaderTier] += 1;
        bump(tiers.exemplary[e.leaderTier], scaleLabel(e.exemplary, byFolded));
      }
    }
  }
  return { ...counts, cardNumbers: [...cards].sort() };
}

const addRecord = (into: Record<string, number>, from: Readonly<Record<string, number>>): void => {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
};

/**
 * The bloc's totals: every count added up. Card numbers are not carried (the rollup checks
 * them separately) so the stored rollup stays small.
 */
export function sumTallies(tallies: readonly TallyCounts[], exemplaryScale: readonly string[]): TallyCounts {
  const total = emptyCounts(exemplaryScale);
  for (const t of tallies) {
    total.listed += t.listed;
    total.female += t.female;
    total.leaders += t.leaders;
    total.classified += t.classified;
    total.notClassified += t.notClassified;
    addRecord(total.notClassifiedByReason, t.notClassifiedByReason);
    addRecord(total.levels, t.levels);
    addRecord(total.exemplary.leader, t.exemplary.leader);
    addRecord(total.exemplary.nonLeader, t.exemplary.nonLeader);
    addRecord(total.education, t.education);
    addRecord(total.politicalTheory, t.politicalTheory);
    addRecord(total.residence, t.residence);
    total.studiedResolution += t.studiedResolution;
    addRecord(total.pledge, t.pledge);
    addRecord(total.discipline, t.discipline);
    addRecord(total.commendation, t.commendation);
    total.commendedLeaders += t.commendedLeaders;
    if (t.tiers) {
      const tiers = (total.tiers ??= emptyTierCounts(exemplaryScale));
      tiers.reported += t.tiers.reported;
      addRecord(tiers.members, t.tiers.members);
      addRecord(tiers.commended, t.tiers.commended);
      addRecord(tiers.exemplary.unit_head, t.tiers.exemplary.unit_head);
      addRecord(tiers.exemplary.department_head, t.tiers.exemplary.department_head);
    }
  }
  return total;
}
