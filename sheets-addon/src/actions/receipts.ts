import type { SubmitAnswer } from '../domain.js';
import { LOG_HEADERS, LOG_WIDTHS, receiptRow, type Receipt } from '../sheet/receipt.js';
import { formatInt } from '../domain.js';
import { COLOURS, LOG_SHEET_NAME, receiptCode } from '../sidebar-model/labels.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';

/** The “Nhật ký gửi” sheet (created on first use) and the result texts of a send. */
function logSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(LOG_SHEET_NAME);
  if (existing) return existing;
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(LOG_SHEET_NAME, spreadsheet.getSheets().length);
  active.activate(); // insertSheet activates the new sheet; the secretary stays on their data
  const header = sheet.getRange(1, 1, 1, LOG_HEADERS.length);
  header.setValues([[...LOG_HEADERS]]);
  header.setBackground(COLOURS.header).setFontWeight('bold');
  sheet.setFrozenRows(1);
  LOG_WIDTHS.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  return sheet;
}

export function recordReceipt(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, receipt: Receipt): void {
  logSheet(spreadsheet).appendRow(receiptRow(receipt));
}

const n = formatInt;

export function acceptedNotice(answer: SubmitAnswer): Notice {
  const c = answer.counts;
  const id = `Mã biên nhận: ${receiptCode(answer.submissionId)} (mã đầy đủ ở trang tính “${LOG_SHEET_NAME}”).`;
  const warnings = c.warnings > 0 ? ` Có ${n(c.warnings)} cảnh báo (ô tô vàng); cảnh báo không ngăn việc ghi nhận nhưng hãy xem lại.` : '';
  if (answer.result === 'unchanged') {
    return {
      kind: 'success',
      title: 'Dữ liệu không thay đổi',
      text: `Danh sách ${n(c.listed)} đảng viên của ${answer.orgName} năm ${answer.year} giống hệt lần gửi trước nên không có gì mới cần ghi.${warnings} ${id}`,
    };
  }
  const removed =
    answer.removed.length > 0
      ? ` Không còn trong danh sách: ${answer.removed.slice(0, 10).map((r) => `${r.fullName} (${r.cardNumber})`).join(', ')}${answer.removed.length > 10 ? ', …' : ''}.`
      : '';
  return {
    kind: 'success',
    title: 'Đã gửi dữ liệu',
    text:
      `Đảng ủy Khối đã ghi nhận danh sách ${n(c.listed)} đảng viên của ${answer.orgName} năm ${answer.year}: ` +
      `${n(c.imported)} mới thêm, ${n(c.updated)} cập nhật, ${n(c.unchanged)} không đổi, ${n(c.removed)} xóa khỏi danh sách.${removed}${warnings} ${id}`,
  };
}

export function localErrorsNotice(errors: number): Notice {
  return {
    kind: 'error',
    title: 'Chưa gửi: bảng còn lỗi',
    text: `Bảng còn ${n(errors)} lỗi (ô tô đỏ) nên tiện ích chưa gửi dữ liệu. Hãy sửa theo ghi chú ở từng ô rồi chọn “Gửi dữ liệu” lại.`,
  };
}
