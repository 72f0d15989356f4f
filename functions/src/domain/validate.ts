import { FIELDS, fieldSpec, type FieldKey, type FieldSpec } from './fields.js';
import { issue, type Issue } from './messages.js';
import { memoised, normaliserFor, type Normaliser } from './normalise.js';
import { checkRow, checkSheet, ruleContext, type ColumnOf, type RulePack } from './rules.js';
import {
  evaluationSchema,
  ruleSettingsSchema,
  type Cell,
  type Evaluation,
  type RuleSettings,
  type RuleSettingsInput,
  type SheetRow,
} from './schema.js';
import { parseSheet, type Column } from './sheet.js';

/**
 * The one validator: the functions run it on every submission, the add-on runs the very same
 * code offline. Sheet values in, evaluations and located issues out.
 */
export interface ValidationResult {
  readonly ok: boolean;
  readonly headerRow: number | null;
  readonly columns: readonly Column[];
  /** Rows without errors, in sheet order. */
  readonly rows: readonly SheetRow[];
  /** Non-blank data rows in the sheet. */
  readonly listed: number;
  /** Rows with at least one error. */
  readonly rejectedRows: readonly number[];
  readonly issues: readonly Issue[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly rulePack: RulePack;
  readonly settings: RuleSettings;
}

export interface ValidateOptions {
  /** The sheet row of values[0] (when a caller sends a range that does not start at row 1). */
  readonly startRow?: number;
}

interface Reader {
  readonly spec: FieldSpec;
  readonly column: Column;
  readonly normalise: Normaliser;
}

const STORED_FIELDS = FIELDS.filter((f) => f.kind.type !== 'ignored');

export function parseRuleSettings(input: RuleSettingsInput): RuleSettings {
  return ruleSettingsSchema.parse(input);
}

export function validateSheet(
  values: readonly (readonly Cell[])[],
  settingsInput: RuleSettingsInput | RuleSettings,
  options: ValidateOptions = {},
): ValidationResult {
  const settings = parseRuleSettings(settingsInput);
  const requiredFields = new Set<FieldKey>(FIELDS.filter((f) => f.requirement === 'required').map((f) => f.key));
  const probe = ruleContext(settings, () => ({ column: '', columnIndex: null }));
  if (probe.pack.usesScore) requiredFields.add('score');

  const sheet = parseSheet(values, requiredFields, options.startRow ?? 1);
  const issues: Issue[] = [...sheet.issues];
  const columnOf: ColumnOf = (field) => {
    const column = sheet.byField.get(field);
    return column ? { column: column.header, columnIndex: column.index } : { column: fieldSpec(field).header, columnIndex: null };
  };
  const ctx = ruleContext(settings, columnOf);
  const readers: Reader[] = [];
  for (const spec of STORED_FIELDS) {
    const column = sheet.byField.get(spec.key);
    if (spec.key === 'score' && !ctx.pack.usesScore) continue; // QĐ 124: the score is ignored
    if (!column) continue;
    readers.push({ spec, column, normalise: memoised(normaliserFor(spec.kind, settings.exemplaryScale)) });
  }

  const rows: SheetRow[] = [];
  const rejectedRows: number[] = [];
  const firstRowOfCard = new Map<string, number>();
  for (const { row, cells } of sheet.dataRows) {
    const { evaluation, rowIssues } = readRow(row, cells, readers, columnOf);
    const card = evaluation?.cardNumber;
    if (card !== undefined) {
      const firstRow = firstRowOfCard.get(card);
      if (firstRow === undefined) firstRowOfCard.set(card, row);
      else rowIssues.push(issue('error', 'CARD_DUPLICATE', { row, ...columnOf('cardNumber') }, { card, firstRow }));
    }
    if (evaluation && !hasError(rowIssues)) rowIssues.push(...checkRow(row, evaluation, ctx));
    if (evaluation && !hasError(rowIssues)) rows.push({ row, evaluation });
    else rejectedRows.push(row);
    issues.push(...rowIssues);
  }

  if (sheet.headerRow !== null && sheet.dataRows.length === 0) {
    issues.push(issue('error', 'NO_DATA_ROWS', { row: sheet.headerRow, column: null }, { headerRow: sheet.headerRow }));
  }
  if (sheet.headerRow !== null) issues.push(...checkSheet(rows, sheet.dataRows.length, ctx));

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return {
    ok: errorCount === 0,
    headerRow: sheet.headerRow,
    columns: sheet.columns,
    rows,
    listed: sheet.dataRows.length,
    rejectedRows,
    issues: sortIssues(issues),
    errorCount,
    warningCount: issues.length - errorCount,
    rulePack: ctx.pack,
    settings,
  };
}

const hasError = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');

/** One row's cells → its evaluation (parsed by the schema) or the problems found in its cells. */
function readRow(
  row: number,
  cells: readonly Cell[],
  readers: readonly Reader[],
  columnOf: ColumnOf,
): { evaluation: Evaluation | null; rowIssues: Issue[] } {
  const rowIssues: Issue[] = [];
  const record = blankEvaluation();
  for (const { spec, column, normalise } of readers) {
    const outcome = normalise(cells[column.index] ?? null);
    if (outcome.ok && outcome.value !== null) {
      record[spec.key as keyof Evaluation] = outcome.value;
      continue;
    }
    const where = { row, column: column.header, columnIndex: column.index };
    if (!outcome.ok) rowIssues.push(outcome.problem(where));
    else if (spec.requirement === 'required') rowIssues.push(issue('error', 'VALUE_REQUIRED', where, { header: spec.header }));
  }
  if (rowIssues.length > 0) return { evaluation: null, rowIssues };
  const parsed = evaluationSchema.safeParse(record);
  if (parsed.success) return { evaluation: parsed.data, rowIssues };
  // Normalisers already enforce the schema; this catches any drift between the two.
  for (const zodIssue of parsed.error.issues) {
    const key = FIELDS.find((f) => f.key === zodIssue.path[0])?.key ?? 'fullName';
    rowIssues.push(issue('error', 'VALUE_INVALID', { row, ...columnOf(key) }, { header: fieldSpec(key).header }));
  }
  return { evaluation: null, rowIssues };
}

function blankEvaluation(): Record<keyof Evaluation, unknown> {
  return {
    fullName: null,
    cardNumber: null,
    birthDate: null,
    gender: null,
    admissionDate: null,
    position: null,
    isLeader: false,
    education: null,
    politicalTheory: null,
    score: null,
    rating: null,
    unratedReason: null,
    exemplary: null,
    residenceFeedback: null,
    studiedResolution: null,
    pledge: null,
    pledgeResult: null,
    discipline: null,
    selfCorrected: null,
    commendation: null,
    note: null,
  };
}

/** Sheet-wide problems first, then by row, then left to right. */
function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.columnIndex ?? -1) - (b.columnIndex ?? -1),
  );
}
