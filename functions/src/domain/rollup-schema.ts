import { z } from 'zod';
import { reportSettingsSchema } from './report-settings.js';
import { countSchema, instantSchema } from './primitives.js';
import { submissionProgressSchema } from './contract.js';
import { derivedSchema, percentSchema } from './derive.js';
import { ORG_STATE } from './enums.js';
import { figureTotalsSchema, orgFiguresSchema } from './org-figures.js';
import { tallyCountsSchema } from './tally.js';

/**
 * The bloc rollup: what buildRollup reads and what it returns. Both are stored in Firestore
 * (the previous year's rollup is an input of this year's), so both are zod schemas.
 */
const instant = instantSchema;
const count = countSchema;

export const submissionRefSchema = z.object({ at: instant, by: z.string() });

export const rollupOrgInputSchema = z.object({
  orgId: z.string().min(1),
  name: z.string().min(1),
  state: z.enum(ORG_STATE.codes),
  /** Members the organisation is expected to report; null when the bloc has not set it. */
  expectedMembers: count.nullable(),
  lastSubmission: submissionRefSchema.nullable(),
  /** The stored counts; `cardNumbers` only when tallied from members (the naive way, tests). */
  tally: tallyCountsSchema.extend({ cardNumbers: z.array(z.string()).optional() }).nullable(),
  /** The admin's written reason for accepting an exceeded HTXSNV quota. */
  acceptedQuotaReason: z.string().nullable().optional(),
  /** The organisation's own figures of its last accepted submission (issue 18); null: none sent. */
  orgFigures: orgFiguresSchema.nullable().optional(),
});
export type RollupOrgInput = z.infer<typeof rollupOrgInputSchema>;

export const warningSchema = z.object({
  code: z.enum(['QUOTA_EXCEEDED', 'ROW_COUNT_DIFFERS', 'CARD_DUPLICATE']),
  message: z.string(),
});
export type RollupWarning = z.infer<typeof warningSchema>;

export const orgRowSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  state: z.enum(ORG_STATE.codes),
  expectedMembers: count.nullable(),
  /** Only for a submitted organisation; `text` is dd/MM/yyyy HH:mm in the bloc's zone. */
  lastSubmission: submissionRefSchema.extend({ text: z.string(), onTime: z.boolean() }).nullable(),
  /** Null until the organisation has submitted. */
  counts: tallyCountsSchema.nullable(),
  excellentOfGood: percentSchema,
  warnings: z.array(warningSchema),
});
export type OrgRow = z.infer<typeof orgRowSchema>;

export const overdueRowSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  status: z.enum(['missing', 'late']),
  /**
   * Calendar days in the bloc's zone from “now” (missing) or from the last submission (late)
   * to the deadline: positive = days left, 0 = the deadline's day, negative = days past.
   */
  daysToDeadline: z.number().int(),
  /** Vietnamese, e.g. “Còn 3 ngày”, “Quá hạn 2 ngày”, “Nộp muộn 1 ngày”. */
  note: z.string(),
  lastSubmission: submissionRefSchema.extend({ text: z.string() }).nullable(),
});
export type OverdueRow = z.infer<typeof overdueRowSchema>;

export const comparisonRowSchema = z.object({
  key: z.string(),
  /** Vietnamese indicator name. */
  label: z.string(),
  unit: z.enum(['count', 'percent']),
  current: z.number().nullable(),
  previous: z.number().nullable(),
  /** current − previous; percentage points for a percent indicator; null when either is null. */
  delta: z.number().nullable(),
});
export type ComparisonRow = z.infer<typeof comparisonRowSchema>;

export const blocRollupSchema = z.object({
  blocName: z.string(),
  year: z.number().int(),
  timeZone: z.string(),
  deadline: instant,
  /** The “now” the rollup was built at. */
  generatedAt: instant,
  exemplaryScale: z.array(z.string()).min(1),
  quotaPercent: z.number().min(0).max(100),
  submission: submissionProgressSchema,
  /** Sum over submitted organisations. */
  totals: tallyCountsSchema,
  derived: derivedSchema,
  orgs: z.array(orgRowSchema),
  overdue: z.array(overdueRowSchema),
  /** Card numbers listed by two or more organisations, with those organisations' ids. */
  duplicateCards: z.array(z.object({ cardNumber: z.string(), orgIds: z.array(z.string()).min(2) })),
  /** Empty when there is no previous year's rollup. */
  comparison: z.array(comparisonRowSchema),
  /** The previous year's number, when compared. */
  previousYear: z.number().int().nullable(),
  /** The printed report's header and signature block (null: the defaults; rollups stored before it). */
  report: reportSettingsSchema.nullable().default(null),
  /** The organisations' own figures summed (issue 18); absent when no organisation sent any. */
  figures: figureTotalsSchema.optional(),
});
export type BlocRollup = z.infer<typeof blocRollupSchema>;

export const rollupInputSchema = z.object({
  blocName: z.string().min(1),
  year: z.number().int(),
  timeZone: z.string().min(1),
  deadline: instant,
  now: instant,
  exemplaryScale: z.array(z.string().min(1)).min(2),
  quotaPercent: z.number().min(0).max(100),
  orgs: z.array(rollupOrgInputSchema),
  previous: blocRollupSchema.nullable(),
  /**
   * The card numbers listed by two or more organisations, confirmed from their card lists (shared-cards.ts): each as
   * orgId → the card as that organisation wrote it (organisations out of the rollup are ignored).
   * Absent: found from the tallies' `cardNumbers`.
   */
  cardHolders: z.array(z.record(z.string(), z.string())).optional(),
  report: reportSettingsSchema.nullable().optional(),
});
export type RollupInput = z.input<typeof rollupInputSchema>;
