
import type { SubmitAnswer } from '../domain.js';
import { SUBMIT_RESULT_LABELS, type ReceiptResult } from '../texts/labels.js';
import { LOG_HEADERS } from '../texts/sheet.js';

/** The “Nhật ký gửi” sheet: one row per click on “Gửi dữ liệu”, appended with one call. */
export { LOG_HEADERS };

export const LOG_WIDTHS = [140, 50, 200, 280, 160, 90, 80, 90, 80, 70, 80, 80, 180, 400] as const;

export interface Receipt {
  readonly atText: string;
  readonly year: number;
  readonly orgName: string;
  readonly submissionId: string;
  readonly result: ReceiptResult;
  readonly counts: Partial<SubmitAnswer['counts']> | null;
  readonly by: string;
  readonly note: string;
}

export function receiptRow(r: Receipt): (string | number)[] {
  const n = (value: number | undefined): number | string => (value === undefined ? '' : value);
  const c = r.counts ?? {};
  return [
    r.atText,
    r.year,
    r.orgName,
    r.submissionId,
    SUBMIT_RESULT_LABELS[r.result],
    n(c.listed),
    n(c.imported),
    n(c.updated),
    n(c.unchanged),
    n(c.removed),
    n(c.rejected),
    n(c.warnings),
    r.by,
    r.note,
  ];
}
