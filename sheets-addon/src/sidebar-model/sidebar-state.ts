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

export const sidebarTargetSchema = z.object({
  year: z.int(),
  orgId: z.string(),
  orgName: z.string(),
  blocName: z.string(),
  stateLabel: z.string(),
  deadline: z.string(),
  deadlineText: z.string(),
  canSubmit: z.boolean(),
  lockMessage: z.nullable(z.string()),
  lastSubmission: z.nullable(z.object({ atText: z.string(), by: z.string(), submissionId: z.string() })),
});
export type SidebarTarget = z.infer<typeof sidebarTargetSchema>;

export const noticeSchema = z.object({
  kind: z.enum(['info', 'success', 'warning', 'error']),
  title: z.string(),
  text: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const sidebarStateSchema = z.object({
  sheetName: z.string(),
  serverConfigured: z.boolean(),
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

/** JSON safe to print inside an HTML <script> element (no “</script>”, no “<!--”). */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
