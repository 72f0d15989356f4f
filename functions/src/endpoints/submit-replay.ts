import { createHash } from 'node:crypto';
import { submitAnswerSchema, type RowOutcome, type SubmitAnswer } from '../domain/contract.js';
import type { RowStatus } from '../domain/contract.js';
import { problems } from '../domain/problems.js';
import type { Submission } from '../store/records.js';

/**
 * The audit record of a submission keeps its answer without the per-row outcomes (2.000 rows:
 * the bulk of the record, written on every submission, read only by a retry): the statuses as
 * one letter per row, and a hash of the rows' (row, card number). A retry carries the same sheet,
 * so its own validated rows, with those letters, rebuild the very same `rows`.
 */
const LETTER: Readonly<Record<RowStatus, string>> = { imported: 'i', updated: 'u', unchanged: 'n', rejected: 'r' };
const STATUS: Readonly<Record<string, RowStatus>> = { i: 'imported', u: 'updated', n: 'unchanged', r: 'rejected' };

export interface SheetRowRef {
  readonly row: number;
  readonly cardNumber: string | null;
}

function rowsHash(rows: readonly SheetRowRef[]): string {
  return createHash('sha256')
    .update(rows.map((r) => `${r.row}\t${r.cardNumber ?? ''}`).join('\n'))
    .digest('base64url');
}

/** What the audit record stores of an answer: everything but `rows`, which become two short strings. */
export function auditedAnswer(body: SubmitAnswer): { response: SubmitAnswer; rowStatuses: string; rowsHash: string } {
  return { response: { ...body, rows: [] }, rowStatuses: body.rows.map((r) => LETTER[r.status]).join(''), rowsHash: rowsHash(body.rows) };
}

/**
 * The first answer again, from its audit record and the retried sheet's rows (in row order, as
 * the answer lists them). A sheet whose rows moved is another sheet under the same id.
 */
export function replayedAnswer(previous: Submission, rows: readonly SheetRowRef[]): SubmitAnswer {
  const answer = submitAnswerSchema.parse(previous.response);
  if (previous.rowStatuses === null) return answer; // an older record: the whole answer
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  if (previous.rowsHash !== rowsHash(sorted) || sorted.length !== previous.rowStatuses.length) throw problems.submissionIdReused();
  const outcomes: RowOutcome[] = sorted.map((r, i) => ({ row: r.row, cardNumber: r.cardNumber, status: STATUS[previous.rowStatuses?.[i] ?? ''] ?? 'unchanged' }));
  return { ...answer, rows: outcomes };
}
