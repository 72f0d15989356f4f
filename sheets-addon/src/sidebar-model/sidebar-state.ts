import * as z from 'zod/mini';

/**
 * What the sidebar shows, built by the server code and parsed again by the sidebar (the one
 * type both sides share; zod/mini keeps the sidebar's script small). Times are already
 * formatted in the bloc's time zone, except the deadline instant the sidebar counts down to.
 */
/**
 * One entry of the issue list: identical problems of one column on several rows are one entry
 * (issue-groups.ts). `column` null: `text` is the whole message (a header or sheet-wide issue).
 */
export const sidebarIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Sheet rows, in order; each is a link to its cell. Empty for a sheet-wide issue. */
  rows: z.array(z.int()),
  columnIndex: z.nullable(z.int()),
  /** “cột “Xếp loại”” as the messages write it. */
  column: z.nullable(z.string()),
  /** The message without its “Dòng 7, cột …: ” prefix. */
  text: z.string(),
  /** “và 37 dòng khác” when more rows than ROWS_SHOWN share the entry. */
  moreText: z.nullable(z.string()),
});
export type SidebarIssue = z.infer<typeof sidebarIssueSchema>;

/** Each state its own badge colour; “Quá hạn” is a not-submitted organisation past its deadline. */
export const BADGE_TONES = ['not_submitted', 'submitted', 'approved', 'locked', 'overdue'] as const;
export type BadgeTone = (typeof BADGE_TONES)[number];

export const sidebarTargetSchema = z.object({
  year: z.int(),
  orgId: z.string(),
  orgName: z.string(),
  blocName: z.string(),
  stateLabel: z.string(),
  badge: z.object({ label: z.string(), tone: z.enum(BADGE_TONES) }),
  deadline: z.string(),
  deadlineText: z.string(),
  canSubmit: z.boolean(),
  lockMessage: z.nullable(z.string()),
  /** `receiptCode`: the short code the secretary reads out; the full id is in “Nhật ký gửi”. */
  lastSubmission: z.nullable(z.object({ atText: z.string(), by: z.string(), submissionId: z.string(), receiptCode: z.string() })),
});
export type SidebarTarget = z.infer<typeof sidebarTargetSchema>;

export const noticeSchema = z.object({
  kind: z.enum(['info', 'success', 'warning', 'error']),
  title: z.string(),
  text: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** The organisations and years this account may create a sheet for (the sidebar's dropdowns). */
export const sidebarChoicesSchema = z.object({
  year: z.int(),
  years: z.array(z.int()),
  orgs: z.array(z.object({ orgId: z.string(), name: z.string(), stateLabel: z.string() })),
});
export type SidebarChoices = z.infer<typeof sidebarChoicesSchema>;

/** Which button is the primary (blue) one: the next thing the secretary should do. */
export const NEXT_STEPS = ['create', 'check', 'submit'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export const sidebarStateSchema = z.object({
  sheetName: z.string(),
  serverConfigured: z.boolean(),
  nextStep: z.enum(NEXT_STEPS),
  /** “Cần hỗ trợ: …”, the bloc office's contact from the configuration; null when not configured. */
  support: z.nullable(z.string()),
  choices: z.nullable(sidebarChoicesSchema),
  target: z.nullable(sidebarTargetSchema),
  notice: z.nullable(noticeSchema),
  issues: z.nullable(
    z.object({
      errors: z.int(),
      warnings: z.int(),
      list: z.array(sidebarIssueSchema),
      /** Entries not listed (the sidebar shows the first SIDEBAR_ISSUE_LIMIT). */
      more: z.int(),
    }),
  ),
});
export type SidebarState = z.infer<typeof sidebarStateSchema>;

export const SIDEBAR_ISSUE_LIMIT = 200;

/**
 * Where a running check or send is: written by the server code at a bounded number of points
 * (apps-script/progress.ts), read by the sidebar's poll (sidebarProgress) while it waits.
 * `total` is the sheet's data rows, 0 before they are read.
 */
export const PROGRESS_PHASES = ['read', 'check', 'compare', 'send', 'write'] as const;
export type ProgressPhase = (typeof PROGRESS_PHASES)[number];
export const progressSchema = z.object({ phase: z.enum(PROGRESS_PHASES), done: z.int(), total: z.int() });
export type Progress = z.infer<typeof progressSchema>;
/** The id a sidebar gives a run so its poll reads that run's progress and no other. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

/** JSON safe to print inside an HTML <script> element (no “</script>”, no “<!--”). */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
