import { FIELDS, STATUS_HEADER, YES_NO, type FieldSpec } from '../domain.js';
import { STATUS_NOTE, TEMPLATE_NOTES } from '../texts/sheet.js';

/**
 * The evaluation template's columns: the validator's own field list (header, width, note)
 * with dropdowns built from the same enumerations the validator accepts, the bloc's nêu gương
 * scale, and the add-on's “Trạng thái” column at the end.
 */
export type ColumnRule = { readonly type: 'list'; readonly values: readonly string[] } | { readonly type: 'number'; readonly min: number; readonly max: number };

export interface TemplateColumn {
  readonly header: string;
  readonly note: string;
  readonly width: number;
  readonly rule: ColumnRule | null;
  /**
   * Formatted as plain text: Google Sheets would otherwise turn a typed card number
   * “79.012010” into a number (in vi_VN “.” groups thousands; elsewhere the trailing zero goes)
   * and dates into its own date values. The validator reads dd/mm/yyyy text.
   */
  readonly plainText: boolean;
}

const PLAIN_TEXT_KINDS: ReadonlySet<FieldSpec['kind']['type']> = new Set(['card', 'date', 'birth']);

/** Rows below the header that get the dropdowns (a new sheet has 1.000 rows). */
export const TEMPLATE_DATA_ROWS = 999;

export { STATUS_NOTE };

function ruleOf(spec: FieldSpec, exemplaryScale: readonly string[]): ColumnRule | null {
  switch (spec.kind.type) {
    case 'enum':
      return { type: 'list', values: spec.kind.values.choices.map((c) => c.label) };
    case 'leader':
      return { type: 'list', values: YES_NO.choices.map((c) => c.label) };
    case 'exemplary':
      return { type: 'list', values: exemplaryScale };
    case 'score':
      return { type: 'number', min: 0, max: 100 };
    default:
      return null;
  }
}

function noteOf(spec: FieldSpec, exemplaryScale: readonly string[]): string {
  const required = spec.requirement === 'required' ? TEMPLATE_NOTES.required : spec.requirement === 'scored' ? TEMPLATE_NOTES.scored : '';
  const scale = spec.kind.type === 'exemplary' ? TEMPLATE_NOTES.scale(exemplaryScale) : '';
  return spec.note + scale + required;
}

export function templateColumns(exemplaryScale: readonly string[]): TemplateColumn[] {
  return [
    ...FIELDS.map((spec) => ({
      header: spec.header,
      note: noteOf(spec, exemplaryScale),
      width: spec.width,
      rule: ruleOf(spec, exemplaryScale),
      plainText: PLAIN_TEXT_KINDS.has(spec.kind.type),
    })),
    { header: STATUS_HEADER, note: STATUS_NOTE, width: 110, rule: null, plainText: false },
  ];
}

/** Help text shown when a typed value is not in the dropdown (typed abbreviations still pass the check). */
export function ruleHelp(header: string, rule: ColumnRule): string {
  return rule.type === 'list' ? TEMPLATE_NOTES.listHelp(header, rule.values) : TEMPLATE_NOTES.numberHelp(header, rule.min, rule.max);
}
