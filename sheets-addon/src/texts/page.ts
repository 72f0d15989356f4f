import { formatInt } from '../../../functions/src/domain/format.js';
import type { Progress } from '../sidebar-model/sidebar-state.js';

/**
 * The sidebar page's words (bundled into the page's own small script, so nothing here may
 * import the domain's schemas): headings, field names, buttons, the progress line, the issue
 * list's framing and the deadline countdown. Part of the add-on's one catalogue (src/texts).
 */
export const PAGE = {
  heading: 'Đánh giá đảng viên',
  unlinkedTitle: 'Trang tính chưa gắn với tổ chức',
  unlinkedText: (sheetName: string): string =>
    `Trang tính “${sheetName}” chưa gắn với tổ chức nào. Hãy chọn tổ chức và năm rồi bấm “Tạo bảng đánh giá” (bảng mới), hoặc “Gắn trang tính này” nếu danh sách đã nhập sẵn ở đây.`,
  noOrgTitle: 'Chưa được phân công tổ chức',
  noOrgText: 'Tài khoản này chưa là bí thư của tổ chức nào. Hãy liên hệ Đảng ủy Khối.',
  noChoicesTitle: 'Chưa có danh sách tổ chức',
  noChoicesText: 'Chưa tải được danh sách tổ chức. Hãy bấm “Làm mới”.',
  org: 'Tổ chức',
  year: 'Năm đánh giá',
  state: 'Trạng thái',
  deadline: 'Hạn nộp',
  lastSubmission: 'Lần gửi cuối',
  neverSubmitted: 'Chưa gửi lần nào',
  receiptCode: 'Mã biên nhận',
  yearLine: (blocName: string, year: number): string => `${blocName} · Năm ${year}`,
  lockedTitle: 'Đang khóa nhận dữ liệu',
  noServerTitle: 'Chưa cài đặt máy chủ',
  noServerText: 'Tiện ích chưa được cài địa chỉ máy chủ: vẫn kiểm tra được dữ liệu nhưng chưa gửi được. Hãy báo Đảng ủy Khối.',
  failedTitle: 'Có lỗi khi thực hiện',
  support: (contact: string): string => `Cần hỗ trợ: ${contact}`,
} as const;

export const BUTTONS = {
  create: 'Tạo bảng đánh giá',
  check: 'Kiểm tra dữ liệu',
  submit: 'Gửi dữ liệu',
  refresh: 'Làm mới',
  back: 'Quay lại',
  link: 'Gắn trang tính này',
} as const;

/** The menu's “Tạo bảng đánh giá” while an organisation's sheet is open: the dropdowns for a new one. */
export const CREATE_VIEW = {
  title: 'Tạo bảng đánh giá',
  text: 'Chọn tổ chức và năm đánh giá cho bảng mới, rồi bấm “Tạo bảng đánh giá”.',
} as const;

export const ISSUE_LIST = {
  summary: (errors: number, warnings: number): string => `${formatInt(errors)} lỗi, ${formatInt(warnings)} cảnh báo — bấm vào số dòng để đến ô cần sửa:`,
  more: (count: number): string => `… và ${formatInt(count)} mục khác (xem ghi chú ở các ô được tô màu).`,
  clickIssue: 'Bấm để đến ô này',
  toRow: (row: number): string => `Đến dòng ${row}`,
  showAllRows: 'Hiện tất cả các dòng',
  rowsPrefix: 'Dòng ',
  /** How a message's “Cột “…”” reads in the middle of an entry. */
  columnWord: 'cột ',
  moreRows: (count: number): string => `và ${formatInt(count)} dòng khác`,
} as const;

/** What a button does while it runs, before the server has said how far it is. */
export const BUSY = {
  sidebarRefresh: 'Đang tải trạng thái…',
  sidebarCheck: 'Đang kiểm tra…',
  sidebarSubmit: 'Đang gửi…',
  sidebarCreate: 'Đang tạo bảng…',
  sidebarLink: 'Đang gắn trang tính…',
} as const;

/** “Đang kiểm tra… 1.200/4.000 dòng”, “Đang gửi… 4.000 dòng”. */
export function progressLine(progress: Progress): string {
  const rows = `${formatInt(progress.total)} dòng`;
  switch (progress.phase) {
    case 'read':
      return 'Đang đọc bảng…';
    case 'check':
      return `Đang kiểm tra… ${formatInt(progress.done)}/${rows}`;
    case 'compare':
      return `Đang so sánh với danh sách đã nộp… ${rows}`;
    case 'send':
      return `Đang gửi… ${rows}`;
    case 'write':
      return `Đang ghi kết quả vào bảng… ${rows}`;
  }
}

export const elapsed = (seconds: number): string => `${formatInt(seconds)} giây`;

/** The deadline countdown's spans (sidebar-model/countdown.ts). */
export const COUNTDOWN = {
  daysHours: (days: number, hours: number): string => `${formatInt(days)} ngày ${hours} giờ`,
  days: (days: number): string => `${formatInt(days)} ngày`,
  hoursMinutes: (hours: number, minutes: number): string => `${hours} giờ ${minutes} phút`,
  hours: (hours: number): string => `${hours} giờ`,
  minutes: (minutes: number): string => `${minutes} phút`,
  left: (span: string): string => `Còn ${span}`,
  overdue: (span: string): string => `Đã quá hạn ${span}`,
} as const;
