import { z } from 'zod';
import { lastSubmissionSchema, orgIdSchema, orgStateSchema } from './contract.js';
import { countSchema, instantSchema, yearNumberSchema } from './primitives.js';
import { RULE_PACKS } from './schema.js';
import { yearConfigInputSchema } from './year-config.js';

/**
 * The wire contract of the admin console's endpoints (adminConfig, adminAudit, adminProgress,
 * adminRemind): requests and answers as zod, imported by the functions and the add-on alike.
 * The year's configuration itself is `yearConfigInputSchema` (year-config.ts), the very schema
 * the YAML file's years are parsed with.
 */

/** A year of a bloc has a few hundred organisations; a sheet of thousands is pasted junk. */
export const MAX_CONFIG_ORGS = 1_000;
/** The console's configuration sheet as JSON stays far below this (1.000 organisations ≈ 200 KB). */
export const MAX_CONFIG_BODY_BYTES = 2 * 1_048_576;

// ---- adminConfig: load, dry run, apply ----

export const adminConfigRequestSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('load'), year: yearNumberSchema }),
  z.object({ mode: z.literal('dry_run'), year: yearNumberSchema, config: yearConfigInputSchema.safeExtend({ orgs: yearConfigInputSchema.shape.orgs.max(MAX_CONFIG_ORGS) }) }),
  z.object({
    mode: z.literal('apply'),
    year: yearNumberSchema,
    config: yearConfigInputSchema.safeExtend({ orgs: yearConfigInputSchema.shape.orgs.max(MAX_CONFIG_ORGS) }),
    /** The dry run's `planHash`: apply only the changes the admin saw. */
    planHash: z.string().min(1).max(100),
  }),
]);
export type AdminConfigRequest = z.input<typeof adminConfigRequestSchema>;

/** The year as the console's sheet shows it: local wall-clock texts, as an admin types them. */
export const loadedYearSchema = z.object({
  deadline: z.string(),
  evaluationDate: z.string().nullable(),
  rulePack: z.enum(RULE_PACKS).nullable(),
  exemplaryScale: z.array(z.string()),
  quotaMode: z.enum(['warning', 'error']),
  quotaPercent: z.number(),
  summarySpreadsheetId: z.string().nullable(),
  orgs: z.array(z.object({ id: z.string(), name: z.string(), secretaries: z.array(z.string()), expectedMembers: countSchema })),
  mergedInto: z.record(z.string(), z.string()),
});
export type LoadedYear = z.infer<typeof loadedYearSchema>;

export const adminConfigLoadAnswerSchema = z.object({
  mode: z.literal('load'),
  year: z.number().int(),
  bloc: z.object({ name: z.string(), timeZone: z.string() }),
  /** false: the year is not configured yet (the sheet starts from the latest year's settings, without organisations). */
  exists: z.boolean(),
  config: loadedYearSchema,
});
export type AdminConfigLoadAnswer = z.infer<typeof adminConfigLoadAnswerSchema>;

const fromTo = z.object({ from: z.string(), to: z.string() });
export const configDiffSchema = z.object({
  added: z.array(z.object({ orgId: z.string(), name: z.string() })),
  removed: z.array(z.object({ orgId: z.string(), name: z.string(), mergedInto: z.string().nullable() })),
  changed: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      /** Only the fields that change, each as Vietnamese text before and after. */
      fields: z.array(z.object({ field: z.enum(['name', 'secretaries', 'expectedMembers']), label: z.string(), from: z.string(), to: z.string() })),
    }),
  ),
  settings: z.array(fromTo.extend({ field: z.string(), label: z.string() })),
});
export type ConfigDiff = z.infer<typeof configDiffSchema>;

export const adminConfigChangeAnswerSchema = z.object({
  mode: z.enum(['dry_run', 'apply']),
  result: z.enum(['dry_run', 'applied', 'unchanged']),
  year: z.number().int(),
  /** Send it back with mode apply: the server applies only if the changes are still these. */
  planHash: z.string(),
  diff: configDiffSchema,
  /** One Vietnamese line per change, in the order shown to the admin. */
  lines: z.array(z.string()),
});
export type AdminConfigChangeAnswer = z.infer<typeof adminConfigChangeAnswerSchema>;

export const adminConfigAnswerSchema = z.union([adminConfigLoadAnswerSchema, adminConfigChangeAnswerSchema]);
export type AdminConfigAnswer = z.infer<typeof adminConfigAnswerSchema>;

// ---- adminAudit: the audit trail, newest first, paged ----

export const AUDIT_PAGE_MAX = 200;
export const adminAuditRequestSchema = z.object({
  year: yearNumberSchema,
  orgId: orgIdSchema.optional(),
  pageSize: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  /** The previous answer's nextPageToken. */
  pageToken: z.string().max(20_000).optional(),
});

export const auditEntrySchema = z.object({
  kind: z.enum(['submission', 'action']),
  at: instantSchema,
  by: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  /** submission | approve | lock | reopen | accept_quota | config | remind */
  action: z.string(),
  actionLabel: z.string(),
  reason: z.string().nullable(),
  /** A Vietnamese line: counts and result of a submission, what an action changed. */
  detail: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const adminAuditAnswerSchema = z.object({
  year: z.number().int(),
  orgId: z.string().nullable(),
  entries: z.array(auditEntrySchema),
  nextPageToken: z.string().nullable(),
});
export type AdminAuditAnswer = z.infer<typeof adminAuditAnswerSchema>;

// ---- adminProgress: every organisation at a glance ----

export const adminProgressRequestSchema = z.object({ year: yearNumberSchema.optional() });

export const progressRowSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  state: orgStateSchema,
  stateLabel: z.string(),
  lastSubmission: lastSubmissionSchema.nullable(),
  listed: countSchema.nullable(),
  expectedMembers: countSchema,
  contentHash: z.string().nullable(),
  /** Vietnamese warnings (quota exceeded and not accepted, fewer members than expected). */
  warnings: z.array(z.string()),
  acceptedQuotaReason: z.string().nullable(),
  deadline: instantSchema,
  deadlineText: z.string(),
  /** true when the organisation has its own (extended) deadline. */
  ownDeadline: z.boolean(),
  secretaries: z.array(z.string()),
  remindedToday: z.boolean(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export const adminProgressAnswerSchema = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  bloc: z.object({ name: z.string(), timeZone: z.string() }),
  deadline: instantSchema,
  deadlineText: z.string(),
  summarySpreadsheetId: z.string().nullable(),
  orgs: z.array(progressRowSchema),
});
export type AdminProgressAnswer = z.infer<typeof adminProgressAnswerSchema>;

// ---- adminRemind: claim today's reminders (the add-on sends them with MailApp) ----

export const adminRemindRequestSchema = z.object({ year: yearNumberSchema });

export const adminRemindAnswerSchema = z.object({
  year: z.number().int(),
  blocName: z.string(),
  day: z.string(),
  /** Claimed now (recorded in the audit trail): the add-on sends one e-mail to each. */
  reminders: z.array(z.object({ orgId: z.string(), name: z.string(), to: z.array(z.string()), deadlineText: z.string() })),
  /** Not submitted but already reminded today (by whom, when): nothing is sent again. */
  alreadyToday: z.array(z.object({ orgId: z.string(), name: z.string(), by: z.string(), at: instantSchema })),
  /** Not submitted and no secretary e-mail to write to. */
  noAddress: z.array(z.object({ orgId: z.string(), name: z.string() })),
});
export type AdminRemindAnswer = z.infer<typeof adminRemindAnswerSchema>;
