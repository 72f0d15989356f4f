import { z } from 'zod';
import { reportSettingsSchema } from '../domain/report-settings.js';
import { lastSubmissionSchema, stateChangeSchema } from '../domain/contract.js';
import { countSchema, emailSchema, instantSchema } from '../domain/primitives.js';
import { ORG_STATE } from '../domain/enums.js';
import { orgFigureKeySchema, orgFiguresSchema } from '../domain/org-figures.js';
import { termSchema } from '../domain/term.js';
import { tallyCountsSchema } from '../domain/tally.js';
import { RULE_PACKS, evaluationSchema, isoDateSchema, ruleSettingsSchema } from '../domain/schema.js';

/**
 * What each stored document holds, as zod schemas (paths are in paths.ts, parsing on read and
 * write in converter.ts). Instants are ISO strings; absent values are null, never undefined.
 */
const count = countSchema;
/** A Firestore bytes field (the Node client reads it as a Buffer). */
const bytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');

export const blocSchema = z.object({
  name: z.string().min(1),
  timeZone: z.string().min(1),
  admins: z.array(emailSchema),
  leaders: z.array(emailSchema),
  /** “Cần hỗ trợ”: the bloc office's contact for secretaries (bloc config `support`). */
  support: z.string().nullable().default(null),
  /** The OAuth client ids whose ID tokens are accepted (token audiences). */
  oauthClientIds: z.array(z.string().min(1)).default([]),
  /** The printed report's header and signature block; null on blocs applied before it existed (defaults). */
  report: reportSettingsSchema.nullable().default(null),
  /** The bloc's terms (nhiệm kỳ, issue 18): a year inside one gets the “Nhiệm kỳ” tab. */
  terms: z.array(termSchema).default([]),
});
export type Bloc = z.infer<typeof blocSchema>;

const rules = ruleSettingsSchema.shape;
export const yearSchema = z.object({
  year: rules.year,
  deadline: instantSchema,
  /** null: the default pack of the year (defaultRulePack). */
  rulePack: z.enum(RULE_PACKS).nullable().default(null),
  exemplaryScale: rules.exemplaryScale,
  quotaMode: rules.quotaMode,
  quotaPercent: rules.quotaPercent,
  evaluationDate: isoDateSchema.nullable().default(null),
  summarySpreadsheetId: z.string().min(1).nullable().default(null),
  /**
   * Organisations that left this year's list by merging into another one: orgId → orgId of the
   * organisation it merged into (listed this year). Kept once recorded (an entry is dropped only
   * when the organisation comes back to the list); the year-over-year comparison reads it to
   * count a merged organisation's earlier years with the one it joined. Written by the bloc
   * configuration (YAML `mergedInto`, or the admin console's “Sáp nhập vào” column).
   */
  mergedInto: z.record(z.string(), z.string()).default({}),
  /** The organisation figures every organisation must report this year (issue 18). */
  orgFiguresRequired: z.array(orgFigureKeySchema).default([]),
});
export type YearSettings = z.infer<typeof yearSchema>;

export const orgSchema = z.object({
  orgId: z.string().min(1),
  name: z.string().min(1),
  secretaries: z.array(emailSchema),
  expectedMembers: count,
  /** false once the organisation is no longer in the bloc config of the year (data is kept). */
  inConfig: z.boolean().default(true),
  state: z.enum(ORG_STATE.codes),
  lastSubmission: lastSubmissionSchema.nullable(),
  contentHash: z.string().nullable(),
  /**
   * The counts of the last accepted submission: what the rollup reads instead of members. Only
   * counts: the card numbers stay in the member index, so the rollup does not read 2 KB of them
   * per organisation (an older document's `cardNumbers` is dropped on read).
   */
  tally: tallyCountsSchema.nullable(),
  /**
   * A 4-byte hash of each listed card (domain/shared-cards.ts): the rollup finds the
   * organisations that may share a card from these, then reads only their member indexes.
   * null: none stored (a document written before them; the rollup reads its index instead).
   */
  cardHashes: bytesSchema.nullable().default(null),
  /** The organisation's own figures of the last accepted submission (issue 18); null: none sent. */
  orgFigures: orgFiguresSchema.nullable().default(null),
  /** The admin's written reason for accepting an exceeded HTXSNV quota. */
  acceptedQuotaReason: z.string().nullable().default(null),
  /** An organisation's own later deadline (set when an admin reopens it), ISO instant. */
  deadlineOverride: instantSchema.nullable().default(null),
  stateChange: stateChangeSchema.nullable().default(null),
  updatedAt: instantSchema,
});
export type Org = z.infer<typeof orgSchema>;

export const memberSchema = evaluationSchema.extend({
  /** The sheet row the member came from in the accepted submission. */
  row: z.number().int().positive(),
  contentHash: z.string().min(1),
  submissionId: z.string().min(1),
  updatedAt: instantSchema,
});
export type MemberDoc = z.infer<typeof memberSchema>;

/** One document per org listing its stored members, so a submission diffs without reading them all. */
export const memberIndexSchema = z.object({
  members: z.record(z.string(), z.object({ hash: z.string().min(1), fullName: z.string(), row: z.number().int().positive() })),
  updatedAt: instantSchema,
});
export type MemberIndex = z.infer<typeof memberIndexSchema>;

/**
 * The year's change marker: bumped (a blind increment) in the same transaction or batch as
 * every write that changes what the rollup is built from — an accepted submission, an admin's
 * action on an organisation, a configuration change — so the schedule knows in one read that
 * nothing changed.
 */
export const changeMarkerSchema = z.object({
  version: z.number().int(),
  at: instantSchema,
});
export type ChangeMarker = z.infer<typeof changeMarkerSchema>;

export const submissionSchema = z.object({
  submissionId: z.string().min(1),
  by: emailSchema,
  at: instantSchema,
  dryRun: z.boolean(),
  counts: z.record(z.string(), count),
  contentHash: z.string().nullable(),
  result: z.string().min(1),
  /** The HTTP status answered. */
  status: z.number().int(),
  /**
   * The JSON answer, returned again on a retry (stored gzipped: Firestore has no nested arrays),
   * WITHOUT its per-row outcomes when `rowStatuses` is set: those are rebuilt from the retried
   * sheet's own rows (endpoints/submit-replay.ts). Older records hold the whole answer.
   */
  response: z.unknown(),
  /** One letter per accepted row in row order: i imported, u updated, n unchanged. */
  rowStatuses: z.string().nullable().default(null),
  /** Hash of the rows' (row, card number) lines, so a replay rebuilds them only from the same sheet. */
  rowsHash: z.string().nullable().default(null),
});
export type Submission = z.infer<typeof submissionSchema>;

export const AUDIT_ACTIONS = ['approve', 'lock', 'reopen', 'accept_quota', 'config', 'remind'] as const;
export const auditSchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  /** null for bloc- or year-wide actions (config). */
  orgId: z.string().nullable(),
  by: z.string().min(1),
  at: instantSchema,
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().default(null),
});
export type AuditEntry = z.infer<typeof auditSchema>;

/**
 * The year's rollup. The rollup itself is stored gzipped (bytes): with a thousand
 * organisations its JSON would pass Firestore's 1 MiB document limit.
 */
export const rollupDocSchema = z.object({
  year: z.number().int(),
  /** Hash of everything the rollup was built from: equal → nothing to rebuild. */
  fingerprint: z.string().nullable(),
  builtAt: instantSchema.nullable(),
  rollupGzip: bytesSchema.nullable(),
  /** Held while a run builds and writes, so two scheduled runs never work at once. */
  lease: z.object({ holder: z.string(), until: instantSchema }).nullable(),
  summary: z.object({ spreadsheetId: z.string(), writtenAt: instantSchema, requests: z.number().int() }).nullable(),
  /** The change mark (rollup/fingerprint.ts, changeMark) last seen: equal → nothing changed, no organisation read. */
  changeMark: z.string().nullable().default(null),
});
export type RollupDoc = z.infer<typeof rollupDocSchema>;

/** The reminders (Nhắc nộp) of one local day of the bloc: orgId → who reminded, when. At most one per organisation per day. */
export const remindersDaySchema = z.object({
  day: isoDateSchema,
  orgs: z.record(z.string(), z.object({ at: instantSchema, by: z.string().min(1), to: z.array(z.string()) })),
});
export type RemindersDay = z.infer<typeof remindersDaySchema>;
