import { IANAZone } from 'luxon';
import { z } from 'zod';
import { configEmailListSchema, configIdSchema, resolveYear, yearConfigInputSchema, type YearConfig } from '../domain/year-config.js';
import { reportConfigSchema, resolveReportSettings } from '../domain/report-settings.js';
import { termSchema } from '../domain/term.js';
import { BlocConfigError, toConfigIssues } from './issues.js';

export { parseDeadline, type OrgConfig, type YearConfig } from '../domain/year-config.js';

export { BlocConfigError, type ConfigIssue } from './issues.js';

/**
 * The bloc configuration (a YAML or JSON file, see local/src/bloc-config-file.ts): who administers the bloc, which organisations
 * report each year, and the year's settings. Parsed once, failing with messages that name the
 * path in the file and say what is expected.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const yearKeySchema = z.string().regex(/^(20\d\d|2100)$/, { error: 'năm phải là số có 4 chữ số, ví dụ 2024 (year)' });

const rawConfigSchema = z.strictObject({
  id: configIdSchema,
  name: z.string().trim().min(1).max(200),
  timeZone: z
    .string()
    .trim()
    .default(DEFAULT_TIME_ZONE)
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'không phải múi giờ IANA, ví dụ Asia/Ho_Chi_Minh (time zone)' }),
  admins: configEmailListSchema.pipe(z.array(z.string()).min(1)),
  leaders: configEmailListSchema.default([]),
  /** The bloc office's contact shown to secretaries as “Cần hỗ trợ: …” (phone, e-mail, who). */
  support: z.string().trim().min(1).max(300).optional(),
  /** OAuth client ids of the add-on: the accepted ID-token audiences. */
  oauthClientIds: z.array(z.string().trim().min(1)).min(1),
  /** The printed report's header and signature block (optional; see domain/report-settings.ts). */
  report: reportConfigSchema.optional(),
  /** Issue 18: the bloc's terms, e.g. [{ from: 2020, to: 2025 }], for the “Nhiệm kỳ” tab. */
  terms: z.array(termSchema).default([]),
  years: z.record(yearKeySchema, yearConfigInputSchema),
});

export const blocConfigSchema = rawConfigSchema.transform((raw, ctx) => {
  const years: Record<string, YearConfig> = {};
  for (const [key, year] of Object.entries(raw.years)) years[key] = resolveYear(Number(key), year, raw.timeZone, ctx, ['years', key]);
  return { id: raw.id, name: raw.name, timeZone: raw.timeZone, admins: raw.admins, leaders: raw.leaders, support: raw.support ?? null, oauthClientIds: raw.oauthClientIds, report: resolveReportSettings(raw.report), terms: raw.terms, years };
});

export type BlocConfig = z.output<typeof blocConfigSchema>;

/** Parses an already-decoded configuration (a YAML/JSON file's content, or an admin's request). */
export function parseBlocConfigData(data: unknown, source = 'bloc config'): BlocConfig {
  const parsed = blocConfigSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new BlocConfigError(source, toConfigIssues(parsed.error));
  return parsed.data;
}
