import { z } from 'zod';
import { ORG_STATE, RULE_PACKS } from '../domain.js';
import { ROW_STATUSES } from '../shared/labels.js';

/**
 * The backend's answers as the add-on reads them (functions/src/ingest/*.ts). Parsed, never
 * cast: an answer that does not match is reported as an unexpected reply, not trusted.
 * test/unit/addon-api.test.ts checks at compile time that the backend's types fit these.
 */
export const issueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  columnIndex: z.number().int().nullable(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof issueSchema>;

export const orgStateSchema = z.enum(ORG_STATE.codes);
const lastSubmissionSchema = z.object({ at: z.string(), by: z.string(), submissionId: z.string() });

export const orgStatusSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  state: orgStateSchema,
  stateLabel: z.string(),
  expectedMembers: z.number().int().nonnegative(),
  deadline: z.string(),
  deadlineText: z.string(),
  lastSubmission: lastSubmissionSchema.nullable(),
  canSubmit: z.boolean(),
  lock: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type OrgStatus = z.infer<typeof orgStatusSchema>;

export const yearSettingsSchema = z.object({
  year: z.number().int(),
  rulePack: z.enum(RULE_PACKS),
  rulePackTitle: z.string(),
  exemplaryScale: z.array(z.string()).min(2),
  quotaMode: z.enum(['warning', 'error']),
  quotaPercent: z.number(),
  evaluationDate: z.string().nullable(),
  deadline: z.string(),
});
export type YearSettingsView = z.infer<typeof yearSettingsSchema>;

export const statusResponseSchema = z.object({
  email: z.string(),
  roles: z.array(z.enum(['secretary', 'admin', 'leader'])),
  bloc: z.object({ name: z.string(), timeZone: z.string() }),
  year: z.number().int(),
  years: z.array(z.number().int()),
  settings: yearSettingsSchema,
  orgs: z.array(orgStatusSchema),
});
export type StatusResponse = z.infer<typeof statusResponseSchema>;

const countsSchema = z.object({
  listed: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  rejected: z.number().int(),
  warnings: z.number().int(),
});
export type SubmitCounts = z.infer<typeof countsSchema>;

export const submitAnswerSchema = z.object({
  result: z.enum(['accepted', 'unchanged', 'dry_run']),
  submissionId: z.string(),
  year: z.number().int(),
  orgId: z.string(),
  orgName: z.string(),
  state: orgStateSchema,
  receivedAt: z.string(),
  contentHash: z.string(),
  counts: countsSchema,
  rows: z.array(z.object({ row: z.number().int(), cardNumber: z.string(), status: z.enum(ROW_STATUSES) })),
  removed: z.array(z.object({ cardNumber: z.string(), fullName: z.string(), lastRow: z.number().int() })),
  issues: z.array(issueSchema),
  issuesTruncated: z.boolean(),
});
export type SubmitAnswer = z.infer<typeof submitAnswerSchema>;

/** `{ error: { code, message }, ...details }` of every refusal. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  reason: z.string().optional(),
  lock: z.enum(['deadline', 'approved', 'locked']).optional(),
  issues: z.array(issueSchema).optional(),
  issuesTruncated: z.boolean().optional(),
  rows: z.array(z.object({ row: z.number().int(), status: z.string() })).optional(),
  counts: z
    .object({ listed: z.number().int(), rejected: z.number().int(), errors: z.number().int(), warnings: z.number().int() })
    .optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
