import { parseDeadline, type AdminProgressAnswer, type ProgressRow } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { fetchProgress, orgAction } from './backend.js';
import { alert, askYear, consoleSheet, consoleSheetOf, failed, headerFills, writeGrid } from './console-sheet.js';
import { progressSheetName } from './labels.js';
import { describeFailure } from '../actions/backend.js';

/**
 * “Tiến độ”: every organisation at a glance in the sheet “Tiến độ N”, with a checkbox per row;
 * Duyệt / Khóa / Mở lại / Chấp nhận vượt chỉ tiêu act on the ticked rows, one orgAction each
 * (the server's rules and audit), and the sheet is refreshed after. Approve names the list
 * version the sheet showed (its content hash), so a list sent since is never approved unseen.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export const PROGRESS_HEADERS = ['Chọn', 'Mã', 'Tổ chức', 'Trạng thái', 'Lần nộp gần nhất', 'Người nộp', 'Đảng viên (nộp / dự kiến)', 'Cảnh báo', 'Hạn nộp', 'Nhắc hôm nay', 'Mã bản danh sách'] as const;
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
    [...o.warnings, ...(o.acceptedQuotaReason ? [`Đã chấp nhận vượt chỉ tiêu: ${o.acceptedQuotaReason}`] : [])].join('\n'),
    `${o.deadlineText}${o.ownDeadline ? ' (hạn riêng)' : ''}`,
    o.remindedToday ? 'Đã nhắc' : '',
    o.contentHash ?? '',
  ];
  const submitted = answer.orgs.filter((o) => o.state !== 'not_submitted').length;
  return [
    [`Tiến độ năm ${answer.year} — ${answer.bloc.name}: ${submitted}/${answer.orgs.length} tổ chức đã nộp; hạn nộp chung ${answer.deadlineText}`],
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
  const year = askYear(SpreadsheetApp.getUi(), 'Tiến độ năm');
  if (year === null) return;
  const shown = showProgress(year);
  if ('kind' in shown) alert(shown);
}

type Action = 'approve' | 'lock' | 'reopen' | 'accept_quota';
const LABEL: Readonly<Record<Action, string>> = { approve: 'Duyệt', lock: 'Khóa', reopen: 'Mở lại', accept_quota: 'Chấp nhận vượt chỉ tiêu' };

function ask(title: string, text: string): string | null {
  const ui = SpreadsheetApp.getUi();
  const reply = ui.prompt(title, text, ui.ButtonSet.OK_CANCEL);
  return reply.getSelectedButton() === ui.Button.OK ? reply.getResponseText().trim() : null;
}

/** The ticked rows of the active “Tiến độ” sheet, then one orgAction per organisation. */
export function actOnSelected(action: Action): Notice {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const meta = consoleSheetOf(sheet);
  if (meta?.kind !== 'progress') return { kind: 'warning', title: 'Chưa mở trang tiến độ', text: 'Hãy mở trang tính “Tiến độ <năm>” (bằng “Quản trị: Tiến độ”), đánh dấu ô “Chọn” của các tổ chức rồi thực hiện lại.' };
  const rows: unknown[][] = sheet.getDataRange().getValues();
  const chosen = rows.slice(HEADER_ROW).filter((line) => line[COLUMN.select] === true || String(line[COLUMN.select]).trim().toLowerCase() === 'x');
  if (chosen.length === 0) return { kind: 'warning', title: 'Chưa chọn tổ chức', text: `Hãy đánh dấu ô “Chọn” của các tổ chức cần “${LABEL[action]}” rồi thực hiện lại.` };
  const names = chosen.map((line) => String(line[COLUMN.name]));
  let reason: string | undefined;
  let until: string | undefined;
  if (action === 'reopen' || action === 'accept_quota' || action === 'lock') {
    const required = action !== 'lock';
    const text = ask(`${LABEL[action]}: lý do`, `${names.join(', ')}\n\nNhập lý do (được ghi vào nhật ký)${required ? '' : ', có thể để trống'}:`);
    if (text === null) return { kind: 'info', title: 'Đã hủy', text: 'Chưa thực hiện thao tác nào.' };
    if (required && text === '') return { kind: 'error', title: 'Cần lý do', text: `Thao tác “${LABEL[action]}” cần ghi lý do. Chưa thực hiện thao tác nào.` };
    if (text !== '') reason = text;
  }
  if (action === 'reopen') {
    const text = ask('Mở lại: hạn nộp mới', 'Nhập hạn nộp riêng của các tổ chức, dạng ngày/tháng/năm giờ:phút (ví dụ 20/01/2026 17:00); để trống để giữ hạn đang áp dụng:');
    if (text === null) return { kind: 'info', title: 'Đã hủy', text: 'Chưa thực hiện thao tác nào.' };
    if (text !== '') {
      const iso = parseDeadline(text, meta.timeZone);
      if (iso === null) return { kind: 'error', title: 'Hạn nộp không hợp lệ', text: `“${text}” không phải ngày giờ dạng ngày/tháng/năm giờ:phút. Chưa thực hiện thao tác nào.` };
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
    return { ok: false, text: `${name}: không thực hiện được — ${server}` };
  });
  showProgress(meta.year);
  const done = lines.filter((l) => l.ok).length;
  return {
    kind: done === lines.length ? 'success' : done === 0 ? 'error' : 'warning',
    title: `${LABEL[action]}: ${done}/${lines.length} tổ chức`,
    text: lines.map((l) => l.text).join('\n'),
  };
}

export const menuAdminApprove = (): void => { alert(actOnSelected('approve')); };
export const menuAdminLock = (): void => { alert(actOnSelected('lock')); };
export const menuAdminReopen = (): void => { alert(actOnSelected('reopen')); };
export const menuAdminAcceptQuota = (): void => { alert(actOnSelected('accept_quota')); };
