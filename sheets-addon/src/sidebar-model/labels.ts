import type { RowStatus as WireRowStatus } from '../domain.js';

/**
 * Every fixed piece of Vietnamese the secretary sees that is not a domain message: menu,
 * sheet names, row statuses, colours. Used by the server code and the sidebar alike.
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
