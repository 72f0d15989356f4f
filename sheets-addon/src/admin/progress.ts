import { parseDeadline, type AdminProgressAnswer, type ProgressRow } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { fetchProgress, orgAction } from './backend.js';
import { alert, askYear, consoleSheet, consoleSheetOf, failed, headerFills, writeGrid } from './console-sheet.js';
import { ACTION_LABELS, CANCELLED_TITLE, PROGRESS_HEADERS, PROGRESS_TEXTS as T, progressSheetName } from './labels.js';
import { describeFailure } from '../actions/backend.js';

/**
 * “Tiến độ”: every organisation at a glance in the sheet “Tiến độ N”, with a checkbox per row;
 * Duyệt / Khóa / Mở lại / Chấp nhận vượt chỉ tiêu act on the ticked rows, one orgAction each
 * (the server's rules and audit), and the sheet is refreshed after. Approve names the list
 * version the sheet showed (its content hash), so a list sent since is never approved unseen.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export { PROGRESS_HEADERS };
const HEADER_ROW = 2;
const COLUMN = { select: 0, orgId: 1, name: 2, contentHash: 10 } as const;

function progressRows(answer: AdminProgressAnswer, at: (iso: string) => string): unknown[][] {
  const line = (o: ProgressRow) => [
    false,
    o.orgId,
    o.name,
    o.stateLabel,
    o.lastSubmission ? at(o.lastSubmission.at) : '',
    o.lastSubmission?.by ?? '',
    `${o.listed === null ? '–' : String(o.listed)} / ${o.expectedMembers}`,
    [...o.warnings, ...(o.acceptedQuotaReason ? [T.acceptedQuota(o.acceptedQuotaReason)] : [])].join('\n'),
    `${o.deadlineText}${o.ownDeadline ? T.ownDeadline : ''}`,
    o.remindedToday ? T.remindedToday : '',
    o.contentHash ?? '',
  ];
  const submitted = answer.orgs.filter((o) => o.state !== 'not_submitted').length;
  return [
    [T.title(answer.year, answer.bloc.name, submitted, answer.orgs.length, answer.deadlineText)],
    [...PROGRESS_HEADERS],
    ...answer.orgs.map(line),
  ];
}

/** Fetches the progress (one request) and writes the sheet (one write of each layer). */
export function showProgress(year: number): Notice | Sheet {
  const reply = fetchProgress(year);
  if (!reply.ok) return failed(reply);
  const { data } = reply;
  const sheet = consoleSheet(progressSheetName(data.year), { kind: 'progress', year: data.year, timeZone: data.bloc.timeZone });
  const values = progressRows(data, (iso) => Utilities.formatDate(new Date(iso), data.bloc.timeZone, 'dd/MM/yyyy HH:mm'));
  writeGrid(sheet, { values, fills: headerFills(values.length, PROGRESS_HEADERS.length, [HEADER_ROW]) });
  if (data.orgs.length > 0) {
    sheet.getRange(HEADER_ROW + 1, 1, data.orgs.length, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
  }
  sheet.setFrozenRows(HEADER_ROW);
  sheet.activate();
  return sheet;
}

export function menuAdminProgress(): void {
  const year = askYear(SpreadsheetApp.getUi(), T.askYear);
  if (year === null) return;
  const shown = showProgress(year);
  if ('kind' in shown) alert(shown);
}

type Action = 'approve' | 'lock' | 'reopen' | 'accept_quota';
const LABEL: Readonly<Record<Action, string>> = ACTION_LABELS;

function ask(title: string, text: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const reply = ui.prompt(title, text, ui.ButtonSet.OK_CANCEL);
  return reply.getSelectedButton() === ui.Button.OK ? reply.getResponseText().trim() : null;
}

/** The ticked rows of the active “Tiến độ” sheet, then one orgAction per organisation. */
export function actOnSelected(action: Action): Notice {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const meta = consoleSheetOf(sheet);
  if (meta?.kind !== 'progress') return { kind: 'warning', title: T.notAProgressSheetTitle, text: T.notAProgressSheet };
  const rows: unknown[][] = sheet.getDataRange().getValues();
  const chosen = rows.slice(HEADER_ROW).filter((line) => line[COLUMN.select] === true || String(line[COLUMN.select]).trim().toLowerCase() === 'x');
  if (chosen.length === 0) return { kind: 'warning', title: T.noneChosenTitle, text: T.noneChosen(LABEL[action]) };
  const names = chosen.map((line) => String(line[COLUMN.name]));
  let reason: string | undefined;
  let until: string | undefined;
  if (action === 'reopen' || action === 'accept_quota' || action === 'lock') {
    const required = action !== 'lock';
    const text = ask(T.reasonTitle(LABEL[action]), T.reason(names, required));
    if (text === null) return { kind: 'info', title: CANCELLED_TITLE, text: T.nothingDone };
    if (required && text === '') return { kind: 'error', title: T.reasonNeededTitle, text: T.reasonNeeded(LABEL[action]) };
    if (text !== '') reason = text;
  }
  if (action === 'reopen') {
    const text = ask(T.untilTitle, T.until);
    if (text === null) return { kind: 'info', title: CANCELLED_TITLE, text: T.nothingDone };
    if (text !== '') {
      const iso = parseDeadline(text, meta.timeZone);
      if (iso === null) return { kind: 'error', title: T.badUntilTitle, text: T.badUntil(text) };
      until = iso;
    }
  }
  const lines = chosen.map((line) => {
    const orgId = String(line[COLUMN.orgId]);
    const cell: unknown = line[COLUMN.contentHash];
    const hash = typeof cell === 'string' ? cell : '';
    const reply = orgAction({
      year: meta.year,
      orgId,
      action,
      ...(reason === undefined ? {} : { reason }),
      ...(until === undefined ? {} : { until }),
      ...(action === 'approve' && hash !== '' ? { contentHash: hash } : {}),
    });
    const name = String(line[COLUMN.name]);
    if (reply.ok) return { ok: true, text: `${name}: ${reply.data.stateLabel}` };
    const failure = describeFailure(reply);
    const server = reply.failure?.kind === 'http' ? (reply.failure.body?.error.message ?? failure.text) : failure.text;
    return { ok: false, text: T.failedLine(name, server) };
  });
  showProgress(meta.year);
  const done = lines.filter((l) => l.ok).length;
  return {
    kind: done === lines.length ? 'success' : done === 0 ? 'error' : 'warning',
    title: T.doneTitle(LABEL[action], done, lines.length),
    text: lines.map((l) => l.text).join('\n'),
  };
}

export const menuAdminApprove = (): void => { alert(actOnSelected('approve')); };
export const menuAdminLock = (): void => { alert(actOnSelected('lock')); };
export const menuAdminReopen = (): void => { alert(actOnSelected('reopen')); };
export const menuAdminAcceptQuota = (): void => { alert(actOnSelected('accept_quota')); };
