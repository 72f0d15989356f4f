/**
 * The admin console's fixed Vietnamese: menu items (shown only to the roles the server names)
 * and the names of the console's sheets.
 */
export const ADMIN_MENU = {
  loadConfig: 'Quản trị: Tải cấu hình',
  checkConfig: 'Quản trị: Kiểm tra cấu hình',
  applyConfig: 'Quản trị: Áp dụng cấu hình',
  progress: 'Quản trị: Tiến độ',
  approve: 'Quản trị: Duyệt các tổ chức đã chọn',
  lock: 'Quản trị: Khóa các tổ chức đã chọn',
  reopen: 'Quản trị: Mở lại các tổ chức đã chọn',
  acceptQuota: 'Quản trị: Chấp nhận vượt chỉ tiêu (đã chọn)',
  remind: 'Quản trị: Nhắc nộp',
  audit: 'Quản trị: Nhật ký',
  rollup: 'Quản trị: Cập nhật bảng tổng hợp ngay',
  openSummary: 'Mở bảng tổng hợp',
} as const;

export const configSheetName = (year: number): string => `Cấu hình ${year}`;
export const progressSheetName = (year: number): string => `Tiến độ ${year}`;
export const auditSheetName = (year: number): string => `Nhật ký ${year}`;

/** Document properties: which console sheet a sheet id is (kind and year). */
export const consoleKey = (sheetId: number): string => `console:${sheetId}`;
/** User properties: the roles the server last named for this account (the menu is built from them). */
export const ROLES_KEY = 'roles';
/** User properties: the summary spreadsheet the last status named (leaders, admins). */
export const SUMMARY_KEY = 'summarySpreadsheetId';
