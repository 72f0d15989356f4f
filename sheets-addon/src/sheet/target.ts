import { z } from 'zod';
import { lastSubmissionSchema, ORG_STATE, orgStateSchema, yearSettingsViewSchema, type OrgStatus, type StatusAnswer } from '../domain.js';

/**
 * Which organisation and year a sheet is for, with what the last status call said about it.
 * Kept in the document's properties (per sheet id) so checking works offline and the sidebar
 * opens without a network call.
 */
export const targetSchema = z.object({
  year: z.number().int(),
  orgId: z.string(),
  orgName: z.string(),
  expectedMembers: z.number().int().nonnegative().nullable(),
  blocName: z.string(),
  timeZone: z.string(),
  state: orgStateSchema,
  deadline: z.string(),
  deadlineText: z.string(),
  canSubmit: z.boolean(),
  lockMessage: z.string().nullable(),
  lastSubmission: lastSubmissionSchema.nullable(),
});
export type Target = z.infer<typeof targetSchema>;

export const cachedSettingsSchema = yearSettingsViewSchema;
/** What the last status call offered: the sidebar's organisation and year dropdowns. */
export const cachedChoicesSchema = z.object({
  year: z.number().int(),
  years: z.array(z.number().int()),
  orgs: z.array(z.object({ orgId: z.string(), name: z.string(), stateLabel: z.string() })),
});
export const markAreaSchema = z.object({ rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() });
export type MarkArea = z.infer<typeof markAreaSchema>;

export const KEYS = {
  serverUrl: 'SERVER_URL',
  target: (sheetId: number) => `target:${sheetId}`,
  marks: (sheetId: number) => `marks:${sheetId}`,
  settings: (year: number) => `settings:${year}`,
  lastYear: 'lastYear',
  choices: 'choices',
  support: 'support',
} as const;

export function targetFromStatus(status: StatusAnswer, org: OrgStatus): Target {
  return {
    year: status.year,
    orgId: org.orgId,
    orgName: org.name,
    expectedMembers: org.expectedMembers,
    blocName: status.bloc.name,
    timeZone: status.bloc.timeZone,
    state: org.state,
    deadline: org.deadline,
    deadlineText: org.deadlineText,
    canSubmit: org.canSubmit,
    lockMessage: org.lock?.message ?? null,
    lastSubmission: org.lastSubmission,
  };
}

export const stateLabelOf = (target: Target): string => ORG_STATE.labelOf(target.state);
