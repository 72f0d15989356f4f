import { z } from 'zod';
import { countSchema, yearNumberSchema } from './primitives.js';
import {
  COMMENDATION,
  DEFAULT_EXEMPLARY_SCALE,
  DISCIPLINE,
  EDUCATION,
  GENDER,
  LEADER_TIER,
  PLEDGE_RESULT,
  POLITICAL_THEORY,
  RATING,
  RESIDENCE_FEEDBACK,
  UNRATED_REASON,
} from './enums.js';

/**
 * The contract. `evaluationSchema` is the one definition of a member's evaluation: the
 * validator's output, the stored Firestore document, and the type everything else uses.
 */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd');
/** A full date, or the birth year alone (“1985”) when that is all the sheet has. */
export const birthSchema = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'expected yyyy or yyyy-mm-dd');
export const CARD_PATTERN = /^(?=.*[\p{L}\p{N}])[\p{L}\p{N}.-]{1,20}$/u;
export const cardNumberSchema = z.string().regex(CARD_PATTERN);

export const evaluationSchema = z.object({
  fullName: z.string().min(1).max(100),
  cardNumber: cardNumberSchema,
  birthDate: birthSchema.nullable(),
  gender: z.enum(GENDER.codes).nullable(),
  admissionDate: isoDateSchema.nullable(),
  position: z.string().max(200).nullable(),
  isLeader: z.boolean(),
  /** “Cấp lãnh đạo”; optional so members stored before the column existed still parse. */
  leaderTier: z.enum(LEADER_TIER.codes).nullable().optional(),
  education: z.enum(EDUCATION.codes).nullable(),
  politicalTheory: z.enum(POLITICAL_THEORY.codes).nullable(),
  score: z.number().min(0).max(100).nullable(),
  rating: z.enum(RATING.codes),
  unratedReason: z.enum(UNRATED_REASON.codes).nullable(),
  /** A level label of the bloc's nêu gương scale, exactly as configured. */
  exemplary: z.string().min(1),
  residenceFeedback: z.enum(RESIDENCE_FEEDBACK.codes).nullable(),
  studiedResolution: z.boolean().nullable(),
  pledge: z.string().max(1000).nullable(),
  pledgeResult: z.enum(PLEDGE_RESULT.codes).nullable(),
  discipline: z.enum(DISCIPLINE.codes).nullable(),
  selfCorrected: z.boolean().nullable(),
  commendation: z.enum(COMMENDATION.codes).nullable(),
  note: z.string().max(1000).nullable(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

/** A validated member with the sheet row it came from. */
export interface SheetRow {
  readonly row: number;
  readonly evaluation: Evaluation;
}

export const RULE_PACKS = ['qd124', 'qd366'] as const;
export type RulePackId = (typeof RULE_PACKS)[number];

/** QĐ 124 up to 2024; QĐ 366 (100-point score) from 2025. */
export function defaultRulePack(year: number): RulePackId {
  return year >= 2025 ? 'qd366' : 'qd124';
}

/**
 * The bloc's per-year choices that change validation. Parsed by zod so a bad config fails
 * loudly instead of silently loosening a rule.
 */
export const ruleSettingsSchema = z.object({
  year: yearNumberSchema,
  rulePack: z.enum(RULE_PACKS).optional(),
  exemplaryScale: z.array(z.string().trim().min(1)).min(2).max(6).default([...DEFAULT_EXEMPLARY_SCALE]),
  quotaMode: z.enum(['warning', 'error']).default('warning'),
  quotaPercent: z.number().min(0).max(100).default(20),
  /** Defaults to 31/12 of the year: the date the 6-month new-member rule counts to. */
  evaluationDate: isoDateSchema.optional(),
  /** The number of members the organisation is expected to report (a warning when it differs). */
  expectedMembers: countSchema.optional(),
});
export type RuleSettingsInput = z.input<typeof ruleSettingsSchema>;
export type RuleSettings = z.output<typeof ruleSettingsSchema>;

/** What the add-on sends and the validator reads: the sheet's values as getValues() returns them. */
export const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const sheetValuesSchema = z.array(z.array(cellSchema));
export type Cell = z.infer<typeof cellSchema>;

/** A year's stored or served rule choices (the bloc configuration's, as the functions keep them). */
export interface RuleChoices {
  readonly rulePack: RulePackId | null;
  readonly exemplaryScale: readonly string[];
  readonly quotaMode: 'warning' | 'error';
  readonly quotaPercent: number;
  readonly evaluationDate: string | null;
}

/**
 * The validator's settings for one organisation and year: the functions pass the stored year,
 * the add-on the copy the last status call gave it (or nothing offline: the year's defaults).
 */
export function ruleSettingsFor(year: number, choices: RuleChoices | null, expectedMembers: number | null): RuleSettingsInput {
  return {
    year,
    ...(choices
      ? {
          ...(choices.rulePack ? { rulePack: choices.rulePack } : {}),
          exemplaryScale: [...choices.exemplaryScale],
          quotaMode: choices.quotaMode,
          quotaPercent: choices.quotaPercent,
          ...(choices.evaluationDate ? { evaluationDate: choices.evaluationDate } : {}),
        }
      : { exemplaryScale: [...DEFAULT_EXEMPLARY_SCALE] }),
    ...(expectedMembers !== null ? { expectedMembers } : {}),
  };
}
