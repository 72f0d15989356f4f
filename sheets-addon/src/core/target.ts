import { z } from 'zod';
import { DEFAULT_EXEMPLARY_SCALE, ORG_STATE, type RuleSettingsInput } from '../domain.js';
import { orgStateSchema, yearSettingsSchema, type OrgStatus, type StatusResponse, type YearSettingsView } from '../api/schemas.js';

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
  lastSubmission: z.object({ at: z.string(), by: z.string(), submissionId: z.string() }).nullable(),
});
export type Target = z.infer<typeof targetSchema>;

export const cachedSettingsSchema = yearSettingsSchema;
export const markAreaSchema = z.object({ rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() });
export type MarkArea = z.infer<typeof markAreaSchema>;

export const KEYS = {
  serverUrl: 'SERVER_URL',
  target: (sheetId: number) => `target:${sheetId}`,
  marks: (sheetId: number) => `marks:${sheetId}`,
  settings: (year: number) => `settings:${year}`,
  lastYear: 'lastYear',
} as const;

export function targetFromStatus(status: StatusResponse, org: OrgStatus): Target {
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

/**
 * The validator's settings offline: the year's settings cached by the last status call, or
 * the defaults of that year (the rule pack follows the year, the default nêu gương scale).
 */
export function ruleSettingsFor(year: number, cached: YearSettingsView | null, target: Target | null): RuleSettingsInput {
  const expected = target?.expectedMembers;
  return {
    year,
    ...(cached
      ? {
          rulePack: cached.rulePack,
          exemplaryScale: cached.exemplaryScale,
          quotaMode: cached.quotaMode,
          quotaPercent: cached.quotaPercent,
          ...(cached.evaluationDate ? { evaluationDate: cached.evaluationDate } : {}),
        }
      : { exemplaryScale: [...DEFAULT_EXEMPLARY_SCALE] }),
    ...(expected !== null && expected !== undefined ? { expectedMembers: expected } : {}),
  };
}
