import { RULE_PACKS } from '../domain.js';

/**
 * The admin console's catalogue (what only the bloc's admins and leaders read): menu items
 * (shown only to the roles the server names), the console's sheet names, headers and notes, and
 * the notices and questions of each admin action, “Cài đặt địa chỉ máy chủ” included. What
 * secretaries read is in src/texts; test/unit/addon/texts.test.ts keeps every Vietnamese
 * string literal of the add-on in one of the two.
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

// ---- the admin console's notices and questions, by action ----

export const CANCELLED_TITLE = 'Đã hủy';

/** “Cài đặt địa chỉ máy chủ”: for the bloc's admin, who needs the exact names of the configuration (oauthClientIds). */
export const SERVER_URL_TEXTS = {
  fixedTitle: 'Địa chỉ máy chủ đã cố định',
  fixed: (url: string): string => `Bản tiện ích này được đóng gói với địa chỉ máy chủ ${url}; không cần cài đặt thêm.`,
  promptTitle: 'Cài đặt địa chỉ máy chủ (dành cho quản trị viên)',
  prompt: (current: string | null): string =>
    `Địa chỉ hiện tại: ${current ?? '(chưa cài đặt)'}.\nNhập địa chỉ gốc của các chức năng máy chủ, ví dụ https://asia-southeast1-ten-du-an.cloudfunctions.net`,
  unchanged: 'Địa chỉ máy chủ không thay đổi.',
  invalidTitle: 'Địa chỉ không hợp lệ',
  invalid: 'Địa chỉ phải bắt đầu bằng https:// (ví dụ https://asia-southeast1-ten-du-an.cloudfunctions.net). Địa chỉ máy chủ không thay đổi.',
  notSavedTitle: 'Chưa lưu địa chỉ máy chủ',
  audienceHint: (audience: string): string =>
    `\n\nMã ứng dụng (OAuth client ID) của tiện ích này là ${audience}. Hãy thêm mã này vào mục oauthClientIds trong tệp cấu hình của Đảng bộ Khối, áp dụng lại cấu hình, rồi cài đặt lại địa chỉ.`,
  noAnswer: (url: string, failureTitle: string, failureText: string, hint: string): string =>
    `Máy chủ ${url} chưa trả lời đúng nên địa chỉ chưa được lưu.\n\n${failureTitle}: ${failureText}${hint}`,
  notAdmin: (email: string, blocName: string): string => `Tài khoản ${email} không phải quản trị viên của ${blocName} nên không được đổi địa chỉ máy chủ.`,
  savedTitle: 'Đã lưu địa chỉ máy chủ',
  saved: (url: string, blocName: string): string => `Tiện ích sẽ gửi dữ liệu tới ${url} (${blocName}).`,
} as const;

export const CONSOLE_TEXTS = {
  askYear: (fallback: number): string => `Nhập năm (để trống: năm ${fallback}).`,
} as const;

export const AUDIT_TEXTS = {
  headers: ['Thời gian', 'Tổ chức', 'Việc', 'Người thực hiện', 'Lý do', 'Chi tiết'],
  askYear: 'Nhật ký năm',
  notLoaded: 'Chưa tải nhật ký.',
  promptTitle: 'Nhật ký',
  prompt: (year: number): string => `Năm ${year}. Nhập mã tổ chức để xem riêng một tổ chức, hoặc để trống để xem cả Đảng bộ Khối:`,
  title: (year: number, orgId: string, shown: number | null): string =>
    `Nhật ký năm ${year} — ${orgId === '' ? 'cả Đảng bộ Khối' : orgId}, mới nhất trước${shown === null ? '' : ` (${shown} mục gần nhất)`}`,
  wholeBloc: '(cả khối)',
  loadedTitle: 'Đã tải nhật ký',
  loaded: (entries: number, pages: number, sheetName: string): string => `${entries} mục (${pages} trang) trong trang “${sheetName}”.`,
} as const;

export const ROLLUP_TEXTS = {
  skippedTitle: 'Chưa cập nhật bảng tổng hợp',
  doneTitle: (year: number): string => `Đã cập nhật bảng tổng hợp năm ${year}`,
  done: (h: { submitted: number; total: number; onTime: number; late: number; missing: number }, percent: string): string =>
    `${h.submitted}/${h.total} tổ chức đã nộp (${percent}): ${h.onTime} đúng hạn, ${h.late} muộn, ${h.missing} chưa nộp.`,
  noSummaryTitle: 'Chưa có bảng tổng hợp',
  noSummary: 'Năm đang mở chưa có bảng tổng hợp. Quản trị viên cần cập nhật bảng tổng hợp (hoặc ghi mã bảng trong cấu hình) trước.',
  openLink: 'Mở bảng tổng hợp',
  dialogTitle: 'Bảng tổng hợp',
} as const;

export const REMIND_TEXTS = {
  askYear: 'Nhắc nộp năm',
  notSent: 'Chưa gửi nhắc nhở nào.',
  title: 'Nhắc nộp',
  confirm: (year: number): string => `Gửi một e-mail nhắc nộp (từ tài khoản của đồng chí) tới bí thư các tổ chức chưa nộp năm ${year}? Mỗi tổ chức được nhắc nhiều nhất một lần mỗi ngày.`,
  sent: (count: number, lines: readonly string[]): string => `Đã gửi nhắc nộp tới ${count} tổ chức:\n${lines.join('\n')}`,
  noneSent: 'Không gửi e-mail nào.',
  alreadyToday: (who: readonly { name: string; by: string }[]): string => `Đã được nhắc hôm nay, không gửi lại: ${who.map((a) => `${a.name} (bởi ${a.by})`).join(', ')}.`,
  noAddress: (names: readonly string[]): string => `Chưa có e-mail bí thư: ${names.join(', ')}.`,
  failed: (lines: readonly string[]): string => `Gửi không được: ${lines.join('; ')}`,
} as const;

/** “Cấu hình năm N”: the year's settings (label and note per row) and the organisation columns. */
export const CONFIG_SETTINGS = [
  { key: 'deadline', label: 'Hạn nộp', note: 'Ngày giờ hết hạn nộp, dạng ngày/tháng/năm giờ:phút (ví dụ 15/01/2026 17:00), giờ Việt Nam.' },
  { key: 'evaluationDate', label: 'Ngày đánh giá', note: 'Dạng ngày/tháng/năm (ví dụ 31/12/2025); để trống nếu không có.' },
  { key: 'rulePack', label: 'Quy định áp dụng', note: `Mã quy định: ${RULE_PACKS.join(', ')}; để trống để dùng quy định mặc định của năm.` },
  { key: 'exemplaryScale', label: 'Thang nêu gương', note: 'Các mức nêu gương, cao nhất trước, cách nhau bằng dấu chấm phẩy (;).' },
  { key: 'quotaMode', label: 'Chế độ chỉ tiêu HTXSNV', note: '“Cảnh báo”: vượt tỉ lệ chỉ cảnh báo; “Chặn”: vượt tỉ lệ là lỗi, không nhận bảng.' },
  { key: 'quotaPercent', label: 'Tỉ lệ HTXSNV tối đa (%)', note: 'Số HTXSNV tối đa, tính bằng % số đảng viên HTTNV (ví dụ 20).' },
  { key: 'summarySpreadsheetId', label: 'Bảng tổng hợp (mã trang tính)', note: 'Mã Google Trang tính của bảng tổng hợp (phần giữa /d/ và /edit trong địa chỉ); để trống để giữ bảng hiện có.' },
] as const;
export const ORG_HEADERS = [
  { header: 'Mã tổ chức', note: 'Chữ cái không dấu, chữ số, “-” và “_”. Không đổi mã của tổ chức đã có.' },
  { header: 'Tên tổ chức', note: 'Tên đầy đủ, tối đa 200 ký tự.' },
  { header: 'E-mail bí thư', note: 'Tài khoản Google của bí thư (và người được giao gửi); nhiều địa chỉ cách nhau bằng dấu phẩy.' },
  { header: 'Số đảng viên dự kiến', note: 'Số nguyên không âm: tiện ích cảnh báo khi danh sách nộp có số dòng khác.' },
  {
    header: 'Sáp nhập vào',
    note: 'Chỉ ghi khi tổ chức này đã sáp nhập vào tổ chức khác: mã của tổ chức nhận sáp nhập. Tổ chức đã nộp dữ liệu chỉ được bỏ khỏi danh sách theo cách này (dữ liệu được giữ).',
  },
] as const;
export const QUOTA_MODE_LABELS = { warning: 'Cảnh báo', error: 'Chặn' } as const;
export const FILE_ONLY_NOTE = 'Quản trị viên, lãnh đạo và mã ứng dụng (OAuth client ID) chỉ sửa trong tệp cấu hình YAML (npx tsx scripts/apply-config.ts).';

export const CONFIG_TEXTS = {
  title: (year: number, blocName: string): string => `Cấu hình năm ${year} — ${blocName}`,
  tooManyOrgs: (count: string, max: string): string => `Bảng cấu hình có ${count} tổ chức, vượt quá ${max} tổ chức mỗi năm. Hãy xóa các dòng thừa (hoặc dòng bị dán trùng).`,
  notAConfigSheetTitle: 'Chưa mở trang cấu hình',
  notAConfigSheet: 'Hãy mở trang tính “Cấu hình <năm>” (tạo bằng “Quản trị: Tải cấu hình”) rồi thực hiện lại.',
  askYear: 'Tải cấu hình năm',
  notLoaded: 'Chưa tải cấu hình.',
  loadedTitle: (year: number): string => `Đã tải cấu hình năm ${year}`,
  loaded: (sheetName: string, orgs: number): string =>
    `Trang “${sheetName}” có các thông số của năm và ${orgs} tổ chức. Sửa trực tiếp trong trang, rồi chọn “Quản trị: Kiểm tra cấu hình” và “Quản trị: Áp dụng cấu hình”.`,
  loadedNew: (year: number, sheetName: string): string => `Năm ${year} chưa được cấu hình: trang “${sheetName}” lấy thông số của năm gần nhất và chưa có tổ chức nào. Hãy điền rồi áp dụng.`,
  where: (row: number, column: string, message: string): string => `Dòng ${row}, cột ${column}: ${message}`,
  issuesTitle: (count: number): string => `Cấu hình có ${count} lỗi`,
  issues: (sent: boolean, lines: readonly string[], more: number): string =>
    `${sent ? 'Máy chủ chưa áp dụng gì. ' : 'Chưa gửi gì lên máy chủ. '}Các ô có lỗi được tô đỏ, ghi chú ở từng ô nói cách sửa:\n${lines.join('\n')}${more > 0 ? `\n… và ${more} lỗi khác.` : ''}`,
  cleanTitle: 'Cấu hình không có lỗi',
  clean: (orgs: number, year: number): string => `Đã kiểm tra ${orgs} tổ chức và các thông số năm ${year}: không có lỗi. Có thể chọn “Quản trị: Áp dụng cấu hình”.`,
  noChangeTitle: 'Không có thay đổi',
  noChange: (year: number): string => `Cấu hình năm ${year} trên máy chủ đã đúng như trang tính; không có gì để áp dụng.`,
  confirmTitle: (count: number, year: number): string => `Áp dụng ${count} thay đổi cho năm ${year}?`,
  confirm: (lines: readonly string[]): string => `${lines.join('\n')}\n\nChọn “Có” để áp dụng (được ghi vào nhật ký), “Không” để hủy.`,
  notApplied: 'Chưa áp dụng thay đổi nào.',
  appliedTitle: (year: number): string => `Đã áp dụng cấu hình năm ${year}`,
  applied: (lines: readonly string[]): string => `Đã áp dụng ${lines.length} thay đổi:\n${lines.join('\n')}`,
} as const;

/** “Tiến độ N” and the actions on its ticked rows. */
export const PROGRESS_HEADERS = ['Chọn', 'Mã', 'Tổ chức', 'Trạng thái', 'Lần nộp gần nhất', 'Người nộp', 'Đảng viên (nộp / dự kiến)', 'Cảnh báo', 'Hạn nộp', 'Nhắc hôm nay', 'Mã bản danh sách'] as const;
export const ACTION_LABELS = { approve: 'Duyệt', lock: 'Khóa', reopen: 'Mở lại', accept_quota: 'Chấp nhận vượt chỉ tiêu' } as const;
export const PROGRESS_TEXTS = {
  acceptedQuota: (reason: string): string => `Đã chấp nhận vượt chỉ tiêu: ${reason}`,
  ownDeadline: ' (hạn riêng)',
  remindedToday: 'Đã nhắc',
  title: (year: number, blocName: string, submitted: number, total: number, deadline: string): string =>
    `Tiến độ năm ${year} — ${blocName}: ${submitted}/${total} tổ chức đã nộp; hạn nộp chung ${deadline}`,
  askYear: 'Tiến độ năm',
  notAProgressSheetTitle: 'Chưa mở trang tiến độ',
  notAProgressSheet: 'Hãy mở trang tính “Tiến độ <năm>” (bằng “Quản trị: Tiến độ”), đánh dấu ô “Chọn” của các tổ chức rồi thực hiện lại.',
  noneChosenTitle: 'Chưa chọn tổ chức',
  noneChosen: (action: string): string => `Hãy đánh dấu ô “Chọn” của các tổ chức cần “${action}” rồi thực hiện lại.`,
  reasonTitle: (action: string): string => `${action}: lý do`,
  reason: (names: readonly string[], required: boolean): string => `${names.join(', ')}\n\nNhập lý do (được ghi vào nhật ký)${required ? '' : ', có thể để trống'}:`,
  nothingDone: 'Chưa thực hiện thao tác nào.',
  reasonNeededTitle: 'Cần lý do',
  reasonNeeded: (action: string): string => `Thao tác “${action}” cần ghi lý do. Chưa thực hiện thao tác nào.`,
  untilTitle: 'Mở lại: hạn nộp mới',
  until: 'Nhập hạn nộp riêng của các tổ chức, dạng ngày/tháng/năm giờ:phút (ví dụ 20/01/2026 17:00); để trống để giữ hạn đang áp dụng:',
  badUntilTitle: 'Hạn nộp không hợp lệ',
  badUntil: (text: string): string => `“${text}” không phải ngày giờ dạng ngày/tháng/năm giờ:phút. Chưa thực hiện thao tác nào.`,
  failedLine: (name: string, server: string): string => `${name}: không thực hiện được — ${server}`,
  doneTitle: (action: string, done: number, total: number): string => `${action}: ${done}/${total} tổ chức`,
} as const;
