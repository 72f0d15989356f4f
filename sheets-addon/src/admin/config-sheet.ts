import { formatInt, issueMessage, MAX_CONFIG_ORGS, yearConfigSchemaFor, type LoadedYear } from '../domain.js';
import { CONFIG_SETTINGS, CONFIG_TEXTS, FILE_ONLY_NOTE, ORG_HEADERS, QUOTA_MODE_LABELS } from './labels.js';

/**
 * The sheet “Cấu hình năm N”, pure: the year's settings as label / value rows, then one row
 * per organisation (mã, tên, e-mail bí thư — several, separated by commas —, số đảng viên dự
 * kiến, sáp nhập vào). Loaded answers become the grid; the grid becomes the request the server
 * parses, and every issue of the shared schema (year-config.ts) is located back to its cell.
 */
export type Cell = string | number | boolean | null;
export type FormatDate = (date: Date, pattern: 'dd/MM/yyyy HH:mm' | 'dd/MM/yyyy') => string;

export const CONFIG_COLUMNS = 5;
const SETTINGS = CONFIG_SETTINGS;
type SettingKey = (typeof SETTINGS)[number]['key'];
export const FIRST_SETTING_ROW = 4;
export const settingRow = (key: SettingKey): number => FIRST_SETTING_ROW + SETTINGS.findIndex((s) => s.key === key);
export const HEADER_ROW = FIRST_SETTING_ROW + SETTINGS.length + 1;
export { ORG_HEADERS };
export { FILE_ONLY_NOTE, QUOTA_MODE_LABELS };

export interface ConfigGrid {
  readonly values: Cell[][];
  readonly notes: string[][];
}

const blankRow = (): Cell[] => Array.from({ length: CONFIG_COLUMNS }, () => '');

export function configGrid(year: number, blocName: string, loaded: LoadedYear): ConfigGrid {
  const values: Cell[][] = [[CONFIG_TEXTS.title(year, blocName), '', '', '', ''], [FILE_ONLY_NOTE, '', '', '', ''], blankRow()];
  const value: Record<SettingKey, Cell> = {
    deadline: loaded.deadline,
    evaluationDate: loaded.evaluationDate ?? '',
    rulePack: loaded.rulePack ?? '',
    exemplaryScale: loaded.exemplaryScale.join('; '),
    quotaMode: QUOTA_MODE_LABELS[loaded.quotaMode],
    quotaPercent: loaded.quotaPercent,
    summarySpreadsheetId: loaded.summarySpreadsheetId ?? '',
  };
  for (const s of SETTINGS) values.push([s.label, value[s.key], '', '', '']);
  values.push(blankRow(), ORG_HEADERS.map((h) => h.header));
  for (const org of loaded.orgs) values.push([org.id, org.name, org.secretaries.join(', '), org.expectedMembers, '']);
  for (const [from, into] of Object.entries(loaded.mergedInto)) values.push([from, '', '', '', into]);
  return { values, notes: configNotes(values.length) };
}

/** The help notes of the labels and headers; every other cell's note is the check's. */
export function configNotes(rows: number): string[][] {
  const notes = Array.from({ length: rows }, () => Array.from({ length: CONFIG_COLUMNS }, () => ''));
  SETTINGS.forEach((s, i) => {
    const line = notes[FIRST_SETTING_ROW - 1 + i];
    if (line) line[0] = s.note;
  });
  const header = notes[HEADER_ROW - 1];
  if (header) ORG_HEADERS.forEach((h, i) => (header[i] = h.note));
  return notes;
}

export interface ParsedConfigSheet {
  /** The request's `config`, as the sheet says it (the server parses it with the same schema). */
  readonly config: Record<string, unknown>;
  /** Sheet row of orgs[i]. */
  readonly orgRows: readonly number[];
  readonly mergeRows: ReadonlyMap<string, number>;
  readonly orgCount: number;
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';

function text(value: unknown, format?: () => string): string {
  if (isDate(value) && format) return format();
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** “12”, “1.200” → a number; other text stays text, so the schema names it. */
function count(value: unknown): unknown {
  if (typeof value === 'number') return value;
  const t = text(value);
  if (t === '') return undefined;
  return /^\d{1,3}(\.\d{3})*$|^\d+$/.test(t) ? Number(t.replace(/\./g, '')) : t;
}

export function readConfigSheet(values: readonly (readonly unknown[])[], formatDate: FormatDate): ParsedConfigSheet {
  const cell = (row: number, column: number): unknown => values[row - 1]?.[column - 1];
  const setting = (key: SettingKey, pattern?: 'dd/MM/yyyy HH:mm' | 'dd/MM/yyyy'): string => {
    const raw = cell(settingRow(key), 2);
    return text(raw, pattern && isDate(raw) ? () => formatDate(raw, pattern) : undefined);
  };
  const quotaText = setting('quotaMode');
  const quotaMode = quotaText === QUOTA_MODE_LABELS.warning ? 'warning' : quotaText === QUOTA_MODE_LABELS.error ? 'error' : quotaText;
  const percentRaw = cell(settingRow('quotaPercent'), 2);
  const optional = (key: string, value: string) => (value === '' ? {} : { [key]: value });
  const orgs: Record<string, unknown>[] = [];
  const orgRows: number[] = [];
  const mergedInto: Record<string, string> = {};
  const mergeRows = new Map<string, number>();
  for (let row = HEADER_ROW + 1; row <= values.length; row++) {
    const line = values[row - 1] ?? [];
    if (line.slice(0, CONFIG_COLUMNS).every((v) => text(v) === '')) continue;
    const id = text(cell(row, 1));
    const into = text(cell(row, 5));
    if (into !== '') {
      mergedInto[id] = into;
      mergeRows.set(id, row);
      continue;
    }
    const secretaries = text(cell(row, 3))
      .split(/[,;\s]+/)
      .filter((e) => e !== '');
    const expected = count(cell(row, 4));
    orgs.push({ id, name: text(cell(row, 2)), secretaries, ...(expected === undefined ? {} : { expectedMembers: expected }) });
    orgRows.push(row);
  }
  const config: Record<string, unknown> = {
    deadline: setting('deadline', 'dd/MM/yyyy HH:mm'),
    ...optional('evaluationDate', setting('evaluationDate', 'dd/MM/yyyy')),
    ...optional('rulePack', setting('rulePack')),
    exemplaryScale: setting('exemplaryScale')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    quotaMode,
    quotaPercent: typeof percentRaw === 'number' ? percentRaw : (count(percentRaw) ?? 20),
    ...optional('summarySpreadsheetId', setting('summarySpreadsheetId')),
    orgs,
    ...(Object.keys(mergedInto).length > 0 ? { mergedInto } : {}),
  };
  return { config, orgRows, mergeRows, orgCount: orgs.length + mergeRows.size };
}

export interface LocatedIssue {
  readonly row: number;
  readonly column: number;
  readonly message: string;
}

const ORG_FIELD_COLUMN: Readonly<Record<string, number>> = { id: 1, name: 2, secretaries: 3, expectedMembers: 4 };

/** A path of the request's `config` (as the schema and the server's 400 name it) → the cell that holds it. */
export function locate(path: readonly PropertyKey[], parsed: ParsedConfigSheet): { row: number; column: number } {
  const [first, second, third] = path;
  if (first === 'orgs' && typeof second === 'number') return { row: parsed.orgRows[second] ?? HEADER_ROW, column: ORG_FIELD_COLUMN[String(third)] ?? 1 };
  if (first === 'mergedInto' && typeof second === 'string') return { row: parsed.mergeRows.get(second) ?? HEADER_ROW, column: 5 };
  const key = SETTINGS.find((s) => s.key === first);
  return key ? { row: settingRow(key.key), column: 2 } : { row: HEADER_ROW, column: 1 };
}

/** “Kiểm tra”: the server's own schema, offline; each issue at its cell, in Vietnamese. */
export function checkConfigSheet(parsed: ParsedConfigSheet, year: number, timeZone: string): LocatedIssue[] {
  if (parsed.orgCount > MAX_CONFIG_ORGS) {
    return [{ row: HEADER_ROW, column: 1, message: CONFIG_TEXTS.tooManyOrgs(formatInt(parsed.orgCount), formatInt(MAX_CONFIG_ORGS)) }];
  }
  const result = yearConfigSchemaFor(year, timeZone).safeParse(parsed.config, { error: (issue) => issueMessage(issue) });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ ...locate(issue.path, parsed), message: issue.message }));
}
