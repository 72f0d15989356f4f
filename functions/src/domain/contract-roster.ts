import { z } from 'zod';
import { orgIdSchema } from './contract.js';
import { countSchema, yearNumberSchema } from './primitives.js';
import { evaluationSchema } from './schema.js';

/**
 * The wire contract of `carryOver`: the organisation's accepted list of the previous year, for
 * a new year's template. Only who each member is travels (name, card, birth, gender, admission,
 * position, leader, education, political theory); the year's evaluation starts empty.
 */
export const ROSTER_FIELDS = ['fullName', 'cardNumber', 'birthDate', 'gender', 'admissionDate', 'position', 'isLeader', 'education', 'politicalTheory'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const rosterMemberSchema = evaluationSchema.pick(Object.fromEntries(ROSTER_FIELDS.map((f) => [f, true])) as Record<RosterField, true>);
export type RosterMember = z.infer<typeof rosterMemberSchema>;

export const carryOverRequestSchema = z.object({
  /** The new year the template is for. */
  year: yearNumberSchema,
  orgId: orgIdSchema,
});
export type CarryOverRequest = z.output<typeof carryOverRequestSchema>;

export const rosterSourceSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  /** Members of this organisation in the answer. */
  members: countSchema,
});

export const carryOverAnswerSchema = z.object({
  year: z.number().int(),
  orgId: z.string(),
  orgName: z.string(),
  /** The configured year before `year`; null when there is none. */
  fromYear: z.number().int().nullable(),
  /** The organisation itself, then those an admin recorded as merged into it. */
  sources: z.array(rosterSourceSchema),
  /** In the order of the accepted sheet(s); a card number appears once. */
  members: z.array(rosterMemberSchema),
});
export type CarryOverAnswer = z.infer<typeof carryOverAnswerSchema>;
