import type { Target } from '../sheet/target.js';
import { acceptedStatuses, placeStatusColumn, rejectedStatuses } from '../sheet/status-column.js';
import { validateSheet } from '../domain.js';
import type { Issue, SubmitAnswer } from '../domain.js';
import { paintSheet, readValues } from '../apps-script/sheet-io.js';
import type { ReceiptResult } from '../texts/labels.js';
import type { Notice, SidebarState } from '../sidebar-model/sidebar-state.js';

import { describeFailure, sendSubmission } from './backend.js';
import { acceptedNotice, figuresNotice, localErrorsNotice, NO_SERVER, NOT_AN_EVALUATION_SHEET, REMOVAL_CANCELLED } from '../texts/labels.js';
import { NOT_SENT, retriedNote, UNLINKED_SEND } from '../texts/actions.js';
import { confirmRemovals } from './confirm-removal.js';
import { activeContext, formatInstant, rememberTarget, type SheetContext } from './context.js';
import { recordReceipt } from './receipts.js';
import { buildState } from './sidebar.js';
import { serverUrl } from '../apps-script/http.js';
import { silent, type Report } from '../apps-script/progress.js';
import { isFigureIssue, readFiguresTab } from '../sheet/figures-tab.js';

/**
 * “Gửi dữ liệu”: ONE read of the sheet, the shared validator first (a sheet with errors is
 * marked and not sent), then ONE request with a submission id made once per click — retries
 * of that request reuse it — and the answer written back in one batch: per-row status,
 * marks, a receipt in “Nhật ký gửi”, and the organisation's new state.
 */
export interface SubmitOutcome {
  readonly state: SidebarState;
  /** For the menu: what to show in an alert. */
  readonly notice: Notice;
}

function resolveTarget(ctx: SheetContext): Target | Notice {
  return ctx.target ?? UNLINKED_SEND;
}

/** Only a list the server already holds can lose members: a first send needs no dry run. */
const mayRemoveMembers = (target: Target): boolean => target.lastSubmission !== null || target.state !== 'not_submitted';

const listedRows = (local: ReturnType<typeof validateSheet>): number[] =>
  [...local.rows.map((r) => r.row), ...local.rejectedRows].sort((a, b) => a - b);

/**
 * An answer carries only a few issues of each kind; the same validator ran here and found them
 * all, so a truncated answer is completed with the local ones it left out (the server's stay).
 */
function completed(answered: readonly Issue[], truncated: boolean | undefined, local: readonly Issue[]): readonly Issue[] {
  if (!truncated) return answered;
  const key = (i: Issue): string => `${String(i.row)}:${String(i.columnIndex)}:${i.code}`;
  const known = new Set(answered.map(key));
  return [...answered, ...local.filter((i) => !known.has(key(i)))];
}

export function runSubmit(ui: GoogleAppsScript.Base.Ui, report: Report = silent): SubmitOutcome {
  const first = activeContext();
  const done = (ctx: SheetContext, notice: Notice, issues: readonly Issue[] | null = null): SubmitOutcome => ({ state: buildState(ctx, notice, issues), notice });
  if (first.isLogSheet) return done(first, NOT_AN_EVALUATION_SHEET);
  if (serverUrl() === null) return done(first, { kind: 'error', ...NO_SERVER });
  const target = resolveTarget(first);
  if (!('orgId' in target)) return done(first, target);
  const ctx = first;

  report('read', 0, 0);
  const values = readValues(ctx.sheet, ctx.timeZone);
  let rows = 0;
  const local = validateSheet(values, ctx.settings, { onProgress: (done, total) => { rows = total; report('check', done, total); } });
  if (!local.ok) {
    paintSheet(ctx.sheet, { values, issues: local.issues, headerRow: local.headerRow });
    return done(ctx, localErrorsNotice(local.errorCount), local.issues);
  }
  // Issue 18: the year's “Số liệu tổ chức” tab goes with the list; its errors stop the send here, as the server would.
  const figures = readFiguresTab(ctx.spreadsheet, target.year, ctx.timeZone, []);
  const figuresError = figures ? figuresNotice(figures.name, figures.issues) : null;
  if (figures && figuresError) return done(ctx, { ...figuresError, text: `${figuresError.text} ${NOT_SENT}` }, figures.issues);
  const orgFigures = figures ? { orgFigures: { name: figures.name, startRow: 1 as const, values: figures.values } } : {};
  const headerRow = local.headerRow ?? 1;
  const statusIndex = placeStatusColumn(values[headerRow - 1] ?? [], Math.max(0, ...values.map((line) => line.length)));
  const sheet = { name: ctx.sheet.getName(), startRow: 1 as const, values };
  if (mayRemoveMembers(target)) {
    // Its own id: a dry run writes nothing, not even an audit record. A failed dry run is not
    // a reason to stop: the send below meets the same failure and reports it.
    report('compare', rows, rows);
    const dry = sendSubmission({ year: target.year, orgId: target.orgId, submissionId: Utilities.getUuid(), dryRun: true, sheet, ...orgFigures });
    if (dry.ok && confirmRemovals(ui, dry.data) === 'cancelled') return done(ctx, REMOVAL_CANCELLED);
  }
  const submissionId = Utilities.getUuid();
  report('send', rows, rows);
  const reply = sendSubmission({ year: target.year, orgId: target.orgId, submissionId, sheet, ...orgFigures });
  const receipt = (result: ReceiptResult, counts: Partial<SubmitAnswer['counts']> | null, note: string, atIso = new Date().toISOString()) => { recordReceipt(ctx.spreadsheet, { atText: formatInstant(atIso, ctx.timeZone), year: target.year, orgName: target.orgName, submissionId, result, counts, by: Session.getActiveUser().getEmail(), note }); };

  report('write', rows, rows);
  if (reply.ok) {
    const answer = reply.data;
    const issues = completed(answer.issues, answer.issuesTruncated, local.issues);
    paintSheet(ctx.sheet, { values, issues: issues.filter((i) => !isFigureIssue(i)), headerRow, status: { index: statusIndex, headerRow, statuses: acceptedStatuses(answer.rows) } });
    const updated: Target = { ...target, state: answer.state, canSubmit: true, lockMessage: null, lastSubmission: { at: answer.receivedAt, by: Session.getActiveUser().getEmail(), submissionId } };
    rememberTarget(ctx.sheet, updated);
    const notice = acceptedNotice(answer);
    receipt(answer.result, answer.counts, reply.attempts > 1 ? retriedNote(reply.attempts) : '', answer.receivedAt);
    return done(activeContext(), notice, issues);
  }
  const text = describeFailure(reply);
  const failure = reply.failure;
  const body = failure?.kind === 'http' ? failure.body : null;
  if (failure?.kind === 'http' && failure.status === 422) {
    const issues = body?.issues ? completed(body.issues, body.issuesTruncated, local.issues) : local.issues;
    const rejected = (body?.rows ?? []).map((r) => r.row);
    paintSheet(ctx.sheet, { values, issues: issues.filter((i) => !isFigureIssue(i)), headerRow, status: { index: statusIndex, headerRow, statuses: rejectedStatuses(listedRows(local), rejected) } });
    receipt('rejected', body?.counts ? { listed: body.counts.listed, rejected: body.counts.rejected, warnings: body.counts.warnings } : null, body?.error.message ?? '');
    return done(ctx, { kind: 'error', ...text }, issues);
  }
  if (body?.lock !== undefined) rememberTarget(ctx.sheet, { ...target, canSubmit: false, lockMessage: body.error.message });
  receipt(failure?.kind === 'http' && failure.status < 500 ? 'refused' : 'failed', null, `${text.title}. ${body?.error.message ?? ''}`.trim());
  return done(activeContext(), { kind: 'error', ...text });
}
