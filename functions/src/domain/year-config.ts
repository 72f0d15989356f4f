import { ORG_FIGURE_KEYS, type OrgFigureKey } from './org-figures.js';
import { z } from 'zod';
import { ID_PATTERN } from './contract.js';
import { asciiLower } from './primitives.js';
import { RULE_PACKS, ruleSettingsSchema } from './schema.js';
import { parseDay, parseDeadline } from './wall-clock.js';

export { parseDay, parseDeadline };

/**
 * One evaluation year of the bloc configuration — its settings and organisations — as the YAML
 * file (bloc-config/schema.ts) and the admin console's sheet (contract-admin.ts) both write it.
 * Pure (zod and luxon only) so the add-on's “Kiểm tra” runs the very schema the server parses.
 */
export const configIdSchema = z
  .string()
  .trim()
  .regex(ID_PATTERN, { error: 'chỉ gồm chữ cái không dấu, chữ số, "-" và "_", tối đa 64 ký tự (letters, digits, - and _)' });

/** ASCII only, lower-cased in ASCII: a look-alike letter (U+212A KELVIN SIGN…) is refused, never folded. */
export const configEmailSchema = z
  .string()
  .trim()
  .max(254, { error: 'e-mail tối đa 254 ký tự (too long)' })
  .refine((text) => /^[\x20-\x7e]*$/.test(text), { error: 'e-mail chỉ gồm ký tự ASCII (chữ Latin không dấu, chữ số, . _ - +), như Google cấp (ASCII only)' })
  .transform(asciiLower)
  .pipe(z.email());
/** E-mails lower-cased, without duplicates, sorted (so the order in the file never matters). */
export const configEmailListSchema = z.array(configEmailSchema).transform((list) => [...new Set(list)].sort());

export const orgConfigSchema = z.strictObject({
  id: configIdSchema,
  name: z.string().trim().min(1).max(200),
  secretaries: configEmailListSchema,
  expectedMembers: z.number().int().nonnegative().max(100_000),
});
export type OrgConfig = z.output<typeof orgConfigSchema>;

const rules = ruleSettingsSchema.shape;
export const yearConfigInputSchema = z
  .strictObject({
    /** 'dd/MM/yyyy HH:mm' or ISO; without an offset it is wall-clock time in the bloc's zone. */
    deadline: z.string().trim().min(1).max(100),
    rulePack: z.enum(RULE_PACKS).optional(),
    exemplaryScale: rules.exemplaryScale,
    quotaMode: rules.quotaMode,
    quotaPercent: rules.quotaPercent,
    /** 'dd/MM/yyyy' or 'yyyy-mm-dd'. */
    evaluationDate: z.string().trim().min(1).max(100).optional(),
    summarySpreadsheetId: z.string().trim().min(1).max(200).optional(),
    orgs: z.array(orgConfigSchema),
    /**
     * Organisations that left the year's list by merging into another one: id → id of the one
     * it merged into (which must be listed). Stored in the year's document (records.ts
     * `mergedInto`) for the year-over-year comparison.
     */
    mergedInto: z.record(configIdSchema, configIdSchema).optional(),
    /** Issue 18: the organisation figures every organisation must report (keys of ORG_FIGURE_KEYS). */
    orgFiguresRequired: z.array(z.enum(ORG_FIGURE_KEYS)).optional(),
  })
  .superRefine((year, ctx) => {
    // The dates are checked here too (their zone changes no validity), so they are reported
    // with every other issue at once; resolveYear converts them in the bloc's zone.
    if (parseDeadline(year.deadline, 'UTC') === null) ctx.addIssue({ code: 'custom', path: ['deadline'], message: deadlineMessage(year.deadline) });
    if (year.evaluationDate !== undefined && parseDay(year.evaluationDate) === undefined) {
      ctx.addIssue({ code: 'custom', path: ['evaluationDate'], message: dayMessage(year.evaluationDate) });
    }
    // Firestore ids are case-sensitive, people are not: “CB-A” beside “cb-a” is a mistake.
    const seen = new Map<string, number>();
    year.orgs.forEach((org, index) => {
      const key = asciiLower(org.id);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else {
        const same = year.orgs[first]?.id === org.id;
        ctx.addIssue({
          code: 'custom',
          path: ['orgs', index, 'id'],
          message: same
            ? `mã tổ chức "${org.id}" trùng với orgs[${first}] (duplicate org id)`
            : `mã tổ chức "${org.id}" chỉ khác "${year.orgs[first]?.id ?? ''}" (orgs[${first}]) ở chữ hoa/thường; hãy dùng đúng một mã (ids differ only by case)`,
        });
      }
    });
    const listed = new Set(year.orgs.map((org) => org.id));
    for (const [from, into] of Object.entries(year.mergedInto ?? {})) {
      if (listed.has(from)) {
        ctx.addIssue({ code: 'custom', path: ['mergedInto', from], message: `"${from}" vẫn có trong danh sách tổ chức nên không thể sáp nhập; hãy bỏ dòng của tổ chức này hoặc bỏ ô “Sáp nhập vào” (still listed)` });
      } else if (!listed.has(into)) {
        ctx.addIssue({ code: 'custom', path: ['mergedInto', from], message: `tổ chức nhận sáp nhập "${into}" không có trong danh sách tổ chức của năm (merge target not listed)` });
      }
    }
  });
export type YearConfigInput = z.input<typeof yearConfigInputSchema>;

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
  readonly orgs: OrgConfig[];
  readonly mergedInto: Readonly<Record<string, string>>;
  readonly orgFiguresRequired: OrgFigureKey[];
}

const deadlineMessage = (text: string): string =>
  `"${text}" không phải thời điểm hợp lệ; ghi dạng ngày/tháng/năm giờ:phút, ví dụ 15/01/2025 17:00 (expected dd/MM/yyyy HH:mm or ISO)`;
const dayMessage = (text: string): string => `"${text}" không phải ngày hợp lệ; ghi dạng ngày/tháng/năm, ví dụ 31/12/2024 (expected dd/MM/yyyy or yyyy-mm-dd)`;

interface IssueSink {
  addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void;
}

/** The parsed input of one year → its stored form (deadline in UTC, day as yyyy-mm-dd); bad dates are issues at `path`. */
export function resolveYear(year: number, raw: z.output<typeof yearConfigInputSchema>, timeZone: string, ctx: IssueSink, path: readonly PropertyKey[]): YearConfig {
  const deadline = parseDeadline(raw.deadline, timeZone);
  if (deadline === null) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'deadline'],
      message: deadlineMessage(raw.deadline),
    });
  }
  const evaluationDate = raw.evaluationDate === undefined ? null : parseDay(raw.evaluationDate);
  if (evaluationDate === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'evaluationDate'],
      message: dayMessage(raw.evaluationDate ?? ''),
    });
  }
  return {
    year,
    deadline: deadline ?? '',
    rulePack: raw.rulePack ?? null,
    exemplaryScale: raw.exemplaryScale,
    quotaMode: raw.quotaMode,
    quotaPercent: raw.quotaPercent,
    evaluationDate: evaluationDate ?? null,
    summarySpreadsheetId: raw.summarySpreadsheetId ?? null,
    orgs: raw.orgs,
    mergedInto: raw.mergedInto ?? {},
    orgFiguresRequired: raw.orgFiguresRequired ?? [],
  };
}

/** The year's input as the admin console sends it, resolved in the bloc's zone: the one schema the server and the add-on's “Kiểm tra” run. */
export const yearConfigSchemaFor = (year: number, timeZone: string) =>
  yearConfigInputSchema.transform((raw, ctx): YearConfig => resolveYear(year, raw, timeZone, ctx, []));

