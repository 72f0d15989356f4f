/**
 * The one door from the add-on into the shared domain core (functions/src/domain): the very
 * same validator, field list, enumerations, messages and wire contract (the zod schemas of every
 * answer) the functions use, bundled into the Apps Script file. Nothing here may reach I/O or Node built-ins.
 */
export { validateSheet, type ValidationResult } from '../../functions/src/domain/validate.js';
export { FIELDS, STATUS_HEADER, type FieldSpec } from '../../functions/src/domain/fields.js';
export { DEFAULT_EXEMPLARY_SCALE, EDUCATION, GENDER, ORG_STATE, POLITICAL_THEORY, YES_NO, type OrgState } from '../../functions/src/domain/enums.js';
export { locate, type Issue } from '../../functions/src/domain/messages.js';
export { RULE_PACKS, ruleSettingsFor, type Cell, type RuleSettingsInput } from '../../functions/src/domain/schema.js';
export {
  errorBodySchema,
  orgStateSchema,
  statusAnswerSchema,
  submitAnswerSchema,
  yearSettingsViewSchema,
  lastSubmissionSchema,
  ROW_STATUSES,
  type ErrorBody,
  type OrgStatus,
  type RowStatus,
  type StatusAnswer,
  type SubmitAnswer,
  type YearSettingsView,
} from '../../functions/src/domain/contract.js';
export * from '../../functions/src/domain/contract-admin.js';
export { fieldProblemSchema, orgActionAnswerSchema, runRollupAnswerSchema, type OrgActionAnswer, type RunRollupAnswer } from '../../functions/src/domain/contract.js';
export { parseDeadline, yearConfigSchemaFor, type YearConfigInput } from '../../functions/src/domain/year-config.js';
export { formatPath, issueMessage } from '../../functions/src/domain/zod-messages.js';
export { columnLetter } from '../../functions/src/domain/sheet.js';
export { formatDateVi, formatInt, formatPercent, percentOf } from '../../functions/src/domain/format.js';
export { carryOverAnswerSchema, type CarryOverAnswer, type RosterMember } from '../../functions/src/domain/contract-roster.js';
export { fold } from '../../functions/src/domain/text.js';
export { ORG_FIGURES, ORG_FIGURES_TAB, orgFiguresTemplate, readOrgFigures, type OrgFigureKey } from '../../functions/src/domain/org-figures.js';
