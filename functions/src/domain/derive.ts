import { z } from 'zod';
import { countSchema, percentSchema } from './primitives.js';

export { percentSchema } from './primitives.js';
import { RATING_LEVELS } from './enums.js';
import { percentOf, roundDistribution } from './format.js';
import type { TallyCounts } from './tally.js';

/**
 * The percentages of the summary's headline tables, derived from counts. A percentage is a
 * number in 0–100 with one decimal (format.ts), or null when there is nothing to divide by.
 * Percentages of one distribution come from roundDistribution so they add up to 100.
 */
export type Percent = z.infer<typeof percentSchema>;
const count = countSchema;

/** One row of the nêu gương table: a group's size, then count and % per scale level. */
export const exemplaryRowSchema = z.object({
  total: count,
  counts: z.record(z.string(), count),
  percents: z.record(z.string(), percentSchema),
});
export type ExemplaryRow = z.infer<typeof exemplaryRowSchema>;

export const derivedSchema = z.object({
  /** Each level as % of classified members. */
  levels: z.record(z.enum(RATING_LEVELS), percentSchema),
  /** HTXSNV as % of HTTNV (the quota indicator). */
  excellentOfGood: percentSchema,
  exemplary: z.object({ leader: exemplaryRowSchema, nonLeader: exemplaryRowSchema, total: exemplaryRowSchema }),
  /** % of members listed. */
  universityPlus: percentSchema,
  theoryIntermediatePlus: percentSchema,
  /** concerned = listed − “Không thuộc diện nhận xét”; the three shares are % of concerned. */
  residence: z.object({ concerned: count, good: percentSchema, notGood: percentSchema, missing: percentSchema }),
  /** % of members listed. */
  studiedResolution: percentSchema,
  /** registered: % of members listed; completed: % of registered. */
  pledgeRegistered: percentSchema,
  pledgeCompleted: percentSchema,
  disciplined: count,
  commended: count,
});
export type Derived = z.infer<typeof derivedSchema>;

/** roundDistribution, but null for every share when the distribution is empty. */
export function distribution(counts: readonly number[]): Percent[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  return total > 0 ? roundDistribution(counts) : counts.map(() => null);
}

function exemplaryRow(scale: readonly string[], counts: Readonly<Record<string, number>>): ExemplaryRow {
  const values = scale.map((label) => counts[label] ?? 0);
  const shares = distribution(values);
  return {
    total: values.reduce((sum, n) => sum + n, 0),
    counts: Object.fromEntries(scale.map((label, i) => [label, values[i] ?? 0])),
    percents: Object.fromEntries(scale.map((label, i) => [label, shares[i] ?? null])),
  };
}

const sum = (record: Readonly<Record<string, number>>): number => Object.values(record).reduce((s, n) => s + n, 0);

export function derive(counts: TallyCounts, exemplaryScale: readonly string[]): Derived {
  const levelShares = distribution(RATING_LEVELS.map((level) => counts.levels[level]));
  const [HTXSNV = null, HTTNV = null, HTNV = null, KHTNV = null] = levelShares;
  const { leader, nonLeader } = counts.exemplary;
  const bothGroups = Object.fromEntries(exemplaryScale.map((l) => [l, (leader[l] ?? 0) + (nonLeader[l] ?? 0)]));
  const r = counts.residence;
  const concerned = counts.listed - r.not_applicable;
  const [good = null, notGood = null, missing = null] = distribution([r.good, r.not_good, r.missing]);
  return {
    levels: { HTXSNV, HTTNV, HTNV, KHTNV },
    excellentOfGood: percentOf(counts.levels.HTXSNV, counts.levels.HTTNV),
    exemplary: {
      leader: exemplaryRow(exemplaryScale, leader),
      nonLeader: exemplaryRow(exemplaryScale, nonLeader),
      total: exemplaryRow(exemplaryScale, bothGroups),
    },
    universityPlus: percentOf(counts.education.universityPlus, counts.listed),
    theoryIntermediatePlus: percentOf(counts.politicalTheory.intermediatePlus, counts.listed),
    residence: { concerned, good, notGood, missing },
    studiedResolution: percentOf(counts.studiedResolution, counts.listed),
    pledgeRegistered: percentOf(counts.pledge.registered, counts.listed),
    pledgeCompleted: percentOf(counts.pledge.completed, counts.pledge.registered),
    disciplined: sum(counts.discipline),
    commended: sum(counts.commendation),
  };
}

