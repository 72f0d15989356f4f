import { formatInt, formatPercent, percentOf, type CarryOverAnswer, type Issue, type RowStatus as WireRowStatus, type SubmitAnswer, type ValidationResult } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';

/**
 * The catalogue of the add-on's own Vietnamese (what is not a domain message from
 * functions/src/domain/messages.ts or a server problem), one folder, src/texts: here the menu,
 * sheet names, row statuses, colours, and the notices and questions of check, send, removal and
 * carry-over; actions.ts the other actions' notices; sheet.ts what the template and the
 * “Nhật ký gửi” tab say; failures.ts how failed calls are framed; page.ts the sidebar page's
 * words. The admin console's texts are admin/labels.ts. test/unit/addon/texts.test.ts keeps
 * every Vietnamese string literal of the add-on in these files.
 */
export const MENU_TITLE = 'Đánh giá đảng viên';
export const MENU_ITEMS = {
  sidebar: 'Mở bảng điều khiển',
  create: 'Tạo bảng đánh giá',
  check: 'Kiểm tra dữ liệu',
  submit: 'Gửi dữ liệu',
  serverUrl: 'Cài đặt địa chỉ máy chủ',
} as const;

export const LOG_SHEET_NAME = 'Nhật ký gửi';
export const supportLine = (contact: string): string => `Cần hỗ trợ: ${contact}`;
/** The badge of an organisation that has not submitted by its deadline. */
export const OVERDUE_LABEL = 'Quá hạn';

/** The 8-character code of a send the secretary reads out (the full id is in “Nhật ký gửi”). */
export function receiptCode(submissionId: string): string {
  return submissionId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8).toUpperCase();
}
export const SIDEBAR_TITLE = 'Đánh giá đảng viên';

export function evaluationSheetName(year: number): string {
  return `Đánh giá ${year}`;
}

/**
 * What happened to a sheet row on the last send (the “Trạng thái” column): the contract's row
 * statuses, or not recorded (never sent).
 */
export type RowStatus = WireRowStatus | 'not_recorded';

export const ROW_STATUS_LABELS: Readonly<Record<RowStatus, string>> = {
  imported: 'Mới thêm',
  updated: 'Đã cập nhật',
  unchanged: 'Không đổi',
  rejected: 'Bị từ chối',
  not_recorded: 'Chưa ghi nhận',
};

/** Light fills: errors red, warnings yellow; statuses green / blue / grey. */
export const COLOURS = {
  error: '#f4c7c3',
  warning: '#fff2cc',
  header: '#d9e2f3',
  statusHeader: '#eeeeee',
  imported: '#d9ead3',
  updated: '#cfe2f3',
  rejected: '#f4c7c3',
  notRecorded: '#eeeeee',
} as const;

export const SUBMIT_RESULT_LABELS = {
  accepted: 'Đã ghi nhận',
  unchanged: 'Không thay đổi',
  dry_run: 'Thử (không ghi)',
  rejected: 'Bị từ chối (bảng có lỗi)',
  refused: 'Bị từ chối',
  failed: 'Chưa gửi được',
} as const;
export type ReceiptResult = keyof typeof SUBMIT_RESULT_LABELS;

// ---- notices and questions of the actions ----

/** Removed members named in the confirmation before “… và N đồng chí khác”. */
export const NAMES_SHOWN = 15;

export const NOT_AN_EVALUATION_SHEET: Notice = {
  kind: 'warning',
  title: 'Chưa chọn trang tính đánh giá',
  text: `Trang tính “${LOG_SHEET_NAME}” chỉ ghi lại các lần gửi. Hãy mở trang tính đánh giá (ví dụ “Đánh giá 2025”) rồi thực hiện lại.`,
};

export function checkNotice(result: ValidationResult): Notice {
  const warnings = result.warningCount > 0 ? ` và ${formatInt(result.warningCount)} cảnh báo (ô tô vàng)` : '';
  if (result.errorCount > 0) {
    return {
      kind: 'error',
      title: `Có ${formatInt(result.errorCount)} lỗi`,
      text: `Bảng có ${formatInt(result.errorCount)} lỗi (ô tô đỏ)${warnings}. Hãy sửa theo ghi chú ở từng ô (bấm vào một lỗi trong danh sách để đến ô đó) rồi kiểm tra lại.`,
    };
  }
  const listed = `${formatInt(result.listed)} đảng viên`;
  if (result.warningCount > 0) {
    return {
      kind: 'warning',
      title: 'Không có lỗi, có cảnh báo',
      text: `Đã kiểm tra ${listed}: không có lỗi, có ${formatInt(result.warningCount)} cảnh báo (ô tô vàng). Cảnh báo không ngăn việc gửi, nhưng hãy xem lại.`,
    };
  }
  return { kind: 'success', title: 'Không có lỗi', text: `Đã kiểm tra ${listed}: không có lỗi nào. Có thể chọn “Gửi dữ liệu”.` };
}

export function acceptedNotice(answer: SubmitAnswer): Notice {
  const c = answer.counts;
  const id = `Mã biên nhận: ${receiptCode(answer.submissionId)} (mã đầy đủ ở trang tính “${LOG_SHEET_NAME}”).`;
  const warnings = c.warnings > 0 ? ` Có ${formatInt(c.warnings)} cảnh báo (ô tô vàng); cảnh báo không ngăn việc ghi nhận nhưng hãy xem lại.` : '';
  if (answer.result === 'unchanged') {
    return {
      kind: 'success',
      title: 'Dữ liệu không thay đổi',
      text: `Danh sách ${formatInt(c.listed)} đảng viên của ${answer.orgName} năm ${answer.year} giống hệt lần gửi trước nên không có gì mới cần ghi.${warnings} ${id}`,
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
      `Đảng ủy Khối đã ghi nhận danh sách ${formatInt(c.listed)} đảng viên của ${answer.orgName} năm ${answer.year}: ` +
      `${formatInt(c.imported)} mới thêm, ${formatInt(c.updated)} cập nhật, ${formatInt(c.unchanged)} không đổi, ${formatInt(c.removed)} xóa khỏi danh sách.${removed}${warnings} ${id}`,
  };
}

export function localErrorsNotice(errors: number): Notice {
  return {
    kind: 'error',
    title: 'Chưa gửi: bảng còn lỗi',
    text: `Bảng còn ${formatInt(errors)} lỗi (ô tô đỏ) nên tiện ích chưa gửi dữ liệu. Hãy sửa theo ghi chú ở từng ô rồi chọn “Gửi dữ liệu” lại.`,
  };
}

export const NO_SERVER: { readonly title: string; readonly text: string } = {
  title: 'Chưa cài đặt địa chỉ máy chủ',
  text: 'Tiện ích chưa biết địa chỉ máy chủ của Đảng ủy Khối nên chưa gửi hoặc tải được dữ liệu. Hãy báo quản trị viên dùng mục “Cài đặt địa chỉ máy chủ”. Việc kiểm tra dữ liệu vẫn dùng được.',
};

export function removalQuestion(answer: SubmitAnswer): { title: string; text: string } {
  const removed = answer.removed;
  const names = removed.slice(0, NAMES_SHOWN).map((m) => `• ${m.fullName} (${m.cardNumber})`);
  const others = removed.length > NAMES_SHOWN ? [`• … và ${formatInt(removed.length - NAMES_SHOWN)} đồng chí khác`] : [];
  return {
    title: 'Xác nhận xóa đảng viên khỏi danh sách',
    text:
      `Bảng lần này không còn ${formatInt(removed.length)} đảng viên có trong danh sách đã nộp của ${answer.orgName} năm ${answer.year}. ` +
      `Nếu gửi, các đồng chí sau sẽ bị xóa khỏi danh sách:\n${[...names, ...others].join('\n')}\n\n` +
      'Bấm “Có” để gửi, “Không” để xem lại bảng (chưa có gì được gửi).',
  };
}

export function largeRemovalQuestion(removed: number, stored: number): { title: string; text: string } {
  return {
    title: 'Xác nhận lần hai: xóa nhiều đảng viên',
    text:
      `Lần gửi này xóa ${formatInt(removed)} trong số ${formatInt(stored)} đảng viên đã nộp (${formatPercent(percentOf(removed, stored))}), ` +
      'hơn một phần năm danh sách. Nếu bảng bị thiếu dòng (lọc, ẩn hoặc xóa nhầm), hãy bấm “Không” rồi kiểm tra lại. ' +
      'Bấm “Có” nếu đồng chí chắc chắn muốn xóa.',
  };
}

export const REMOVAL_CANCELLED: Notice = {
  kind: 'info',
  title: 'Chưa gửi dữ liệu',
  text: 'Đồng chí đã chọn không gửi nên danh sách đã nộp giữ nguyên. Hãy kiểm tra lại bảng (các dòng bị lọc, ẩn hoặc xóa nhầm) rồi chọn “Gửi dữ liệu”.',
};

export function carryOverQuestion(answer: CarryOverAnswer): { title: string; text: string } {
  const from = answer.sources.length > 1 ? ` (gồm ${answer.sources.map((s) => `${s.name}: ${formatInt(s.members)}`).join('; ')})` : '';
  return {
    title: `Bắt đầu từ danh sách năm ${answer.fromYear ?? ''}?`,
    text:
      `Đảng ủy Khối có danh sách ${formatInt(answer.members.length)} đảng viên của ${answer.orgName} năm ${answer.fromYear ?? ''}${from}. ` +
      'Bấm “Có” để chép sang bảng mới họ và tên, số thẻ, ngày sinh, giới tính, ngày vào Đảng, chức vụ, lãnh đạo quản lý, trình độ chuyên môn và lý luận chính trị; ' +
      `các cột đánh giá năm ${answer.year} (điểm, xếp loại, nêu gương, nhận xét nơi cư trú, học tập, làm theo, kỷ luật, khen thưởng) để trống. ` +
      'Bấm “Không” để bắt đầu với bảng trống.',
  };
}

export const carriedText = (count: number, fromYear: number | null): string => `Đã chép ${formatInt(count)} đảng viên từ danh sách năm ${fromYear ?? ''}.`;

/** Errors of the year's “Số liệu tổ chức” tab (issue 18), when the list itself has none. */
export function figuresNotice(name: string, issues: readonly Issue[]): Notice | null {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return null;
  return { kind: 'error', title: `Trang “${name}” có ${formatInt(errors.length)} lỗi`, text: errors.map((i) => i.message).join(' ') };
}
