import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { ID_PATTERN } from '../domain/contract.js';
import { asciiLower } from '../domain/primitives.js';
import { ORG_FIGURE_KEYS } from '../domain/org-figures.js';
import { termSchema } from '../domain/term.js';
import { RULE_PACKS, ruleSettingsSchema } from '../domain/schema.js';
import { BlocConfigError, toConfigIssues } from './issues.js';

export { BlocConfigError, type ConfigIssue } from './issues.js';

/**
 * The bloc configuration (a YAML or JSON file, see local/src/bloc-config-file.ts): who administers the bloc, which organisations
 * report each year, and the year's settings. Parsed once, failing with messages that name the
 * path in the file and say what is expected.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const idSchema = z
  .string()
  .trim()
  .regex(ID_PATTERN, { error: 'chỉ gồm chữ cái không dấu, chữ số, "-" và "_", tối đa 64 ký tự (letters, digits, - and _)' });

const emailSchema = z
  .string()
  .trim()
  .refine((text) => /^[\x20-\x7e]*$/.test(text), { error: 'e-mail chỉ gồm ký tự ASCII (chữ Latin không dấu, chữ số, . _ - +), như Google cấp (ASCII only)' })
  .transform(asciiLower)
  .pipe(z.email());
/** E-mails lower-cased, without duplicates, sorted (so the order in the file never matters). */
const emailListSchema = z.array(emailSchema).transform((list) => [...new Set(list)].sort());

const orgConfigSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  secretaries: emailListSchema,
  expectedMembers: z.number().int().nonnegative(),
});
export type OrgConfig = z.output<typeof orgConfigSchema>;

const rules = ruleSettingsSchema.shape;
const yearConfigSchema = z
  .strictObject({
    /** 'dd/MM/yyyy HH:mm' or ISO; without an offset it is wall-clock time in the bloc's zone. */
    deadline: z.string().trim().min(1),
    rulePack: z.enum(RULE_PACKS).optional(),
    exemplaryScale: rules.exemplaryScale,
    quotaMode: rules.quotaMode,
    quotaPercent: rules.quotaPercent,
    /** 'dd/MM/yyyy' or 'yyyy-mm-dd'. */
    evaluationDate: z.string().trim().min(1).optional(),
    summarySpreadsheetId: z.string().trim().min(1).optional(),
    /** Issue 18: the organisation figures every organisation must report (keys of ORG_FIGURE_KEYS). */
    orgFiguresRequired: z.array(z.enum(ORG_FIGURE_KEYS)).default([]),
    orgs: z.array(orgConfigSchema),
  })
  .superRefine((year, ctx) => {
    const seen = new Map<string, number>();
    year.orgs.forEach((org, index) => {
      const first = seen.get(org.id);
      if (first === undefined) seen.set(org.id, index);
      else ctx.addIssue({ code: 'custom', path: ['orgs', index, 'id'], message: `mã tổ chức "${org.id}" trùng với orgs[${first}] (duplicate org id)` });
    });
  });

const yearKeySchema = z.string().regex(/^(20\d\d|2100)$/, { error: 'năm phải là số có 4 chữ số, ví dụ 2024 (year)' });

const rawConfigSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  timeZone: z
    .string()
    .trim()
    .default(DEFAULT_TIME_ZONE)
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'không phải múi giờ IANA, ví dụ Asia/Ho_Chi_Minh (time zone)' }),
  admins: emailListSchema.pipe(z.array(z.string()).min(1)),
  leaders: emailListSchema.default([]),
  /** OAuth client ids of the add-on: the accepted ID-token audiences. */
  oauthClientIds: z.array(z.string().trim().min(1)).min(1),
  years: z.record(yearKeySchema, yearConfigSchema),
  /** Issue 18: the bloc's terms, e.g. [{ from: 2020, to: 2025 }], for the “Nhiệm kỳ” tab. */
  terms: z.array(termSchema).default([]),
});

export const blocConfigSchema = rawConfigSchema.transform((raw, ctx) => {
  const years: Record<string, YearConfig> = {};
  for (const [key, year] of Object.entries(raw.years)) {
    const deadline = parseDeadline(year.deadline, raw.timeZone);
    if (deadline === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['years', key, 'deadline'],
        message: `"${year.deadline}" không phải thời điểm hợp lệ; ghi dạng ngày/tháng/năm giờ:phút, ví dụ 15/01/2025 17:00 (expected dd/MM/yyyy HH:mm or ISO)`,
      });
    }
    const evaluationDate = year.evaluationDate === undefined ? null : parseDay(year.evaluationDate);
    if (evaluationDate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['years', key, 'evaluationDate'],
        message: `"${year.evaluationDate ?? ''}" không phải ngày hợp lệ; ghi dạng ngày/tháng/năm, ví dụ 31/12/2024 (expected dd/MM/yyyy or yyyy-mm-dd)`,
      });
    }
    years[key] = {
      year: Number(key),
      deadline: deadline ?? '',
      rulePack: year.rulePack ?? null,
      exemplaryScale: year.exemplaryScale,
      quotaMode: year.quotaMode,
      quotaPercent: year.quotaPercent,
      evaluationDate: evaluationDate ?? null,
      summarySpreadsheetId: year.summarySpreadsheetId ?? null,
      orgFiguresRequired: year.orgFiguresRequired,
      orgs: year.orgs,
    };
  }
  return { id: raw.id, name: raw.name, timeZone: raw.timeZone, admins: raw.admins, leaders: raw.leaders, oauthClientIds: raw.oauthClientIds, terms: raw.terms, years };
});

export interface YearConfig {
  readonly year: number;
  /** An ISO instant in UTC, e.g. 2025-01-15T10:00:00.000Z. */
  readonly deadline: string;
  readonly rulePack: (typeof RULE_PACKS)[number] | null;
  readonly exemplaryScale: string[];
  readonly quotaMode: 'warning' | 'error';
  readonly quotaPercent: number;
  /** yyyy-mm-dd */
  readonly evaluationDate: string | null;
  readonly summarySpreadsheetId: string | null;
  readonly orgFiguresRequired: (typeof ORG_FIGURE_KEYS)[number][];
  readonly orgs: OrgConfig[];
}
export type BlocConfig = z.output<typeof blocConfigSchema>;

/** Parses an already-decoded configuration (a YAML/JSON file's content, or an admin's request). */
export function parseBlocConfigData(data: unknown, source = 'bloc config'): BlocConfig {
  const parsed = blocConfigSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new BlocConfigError(source, toConfigIssues(parsed.error));
  return parsed.data;
}

/** 'dd/MM/yyyy HH:mm' (or an ISO date-time without offset) in the zone, or ISO with an offset → UTC ISO. */
export function parseDeadline(text: string, zone: string): string | null {
  const local = DateTime.fromFormat(text, 'd/M/yyyy H:mm', { zone });
  if (local.isValid) return local.toUTC().toISO();
  const iso = DateTime.fromISO(text, { zone });
  return iso.isValid && /T\d/.test(text) ? iso.toUTC().toISO() : null;
}

/** 'dd/MM/yyyy' or 'yyyy-mm-dd' → 'yyyy-mm-dd'; undefined when invalid. */
function parseDay(text: string): string | undefined {
  const vn = DateTime.fromFormat(text, 'd/M/yyyy', { zone: 'UTC' });
  const dt = vn.isValid ? vn : DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: 'UTC' });
  return dt.isValid ? dt.toISODate() : undefined;
}
