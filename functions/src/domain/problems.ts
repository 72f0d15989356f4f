import type { AuthFailure, FieldProblem } from './contract.js';
import { formatDecimal, formatInt } from './format.js';

/**
 * The catalogue of problems an HTTP caller can get back, with stable codes and Vietnamese
 * messages. The HTTP layer turns a Problem into its status and JSON; anything else becomes a
 * generic 500 with a reference id (the stack goes to the log, never to the caller).
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra JSON fields for the caller (issues, rows, lock details); never internals. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'Problem';
  }
}


const AUTH_MESSAGES: Readonly<Record<AuthFailure, string>> = {
  missing: 'Yêu cầu chưa kèm mã đăng nhập. Hãy mở tiện ích “Đánh giá đảng viên” trong Google Trang tính và gửi lại.',
  malformed: 'Mã đăng nhập không đúng định dạng. Hãy tải lại trang tính rồi gửi lại.',
  bad_signature: 'Mã đăng nhập không hợp lệ. Hãy tải lại trang tính rồi gửi lại; nếu vẫn lỗi, hãy báo quản trị viên.',
  wrong_issuer: 'Mã đăng nhập không do Google cấp. Hãy gửi từ tiện ích trong Google Trang tính.',
  wrong_audience: 'Mã đăng nhập không dành cho hệ thống đánh giá này. Hãy dùng tiện ích do Đảng ủy Khối cài đặt, hoặc báo quản trị viên kiểm tra cấu hình.',
  expired: 'Phiên đăng nhập đã hết hạn. Hãy tải lại trang tính rồi gửi lại.',
  unverified_email: 'Địa chỉ thư điện tử của tài khoản Google chưa được xác minh. Hãy xác minh địa chỉ này rồi gửi lại.',
};

const contactList = (admins: readonly string[]): string => (admins.length > 0 ? ` (${admins.join(', ')})` : '');

export const problems = {
  methodNotAllowed: (allowed: string) => new Problem(405, 'METHOD_NOT_ALLOWED', `Phương thức không được hỗ trợ; hãy dùng ${allowed}.`),
  badRequest: (detail: string, fields: readonly FieldProblem[] = []) =>
    new Problem(400, 'BAD_REQUEST', `Yêu cầu không hợp lệ: ${detail}. Hãy gửi lại từ tiện ích; nếu vẫn lỗi, hãy báo quản trị viên.`, { fields }),
  unauthenticated: (reason: AuthFailure) => new Problem(401, 'UNAUTHENTICATED', AUTH_MESSAGES[reason], { reason }),
  notRegistered: (email: string, admins: readonly string[]) =>
    new Problem(403, 'NOT_REGISTERED', `Tài khoản ${email} chưa được đăng ký với Đảng ủy Khối. Hãy liên hệ quản trị viên${contactList(admins)} để được thêm vào danh sách bí thư.`),
  notSecretary: (email: string, orgName: string, year: number, admins: readonly string[]) =>
    new Problem(
      403,
      'NOT_SECRETARY',
      `Tài khoản ${email} không phải bí thư của ${orgName} năm ${year}, nên không được gửi dữ liệu của tổ chức này. Nếu có nhầm lẫn, hãy liên hệ quản trị viên${contactList(admins)}.`,
    ),
  notAdmin: (email: string) =>
    new Problem(403, 'NOT_ADMIN', `Chỉ quản trị viên của Đảng ủy Khối mới được thực hiện thao tác này; tài khoản ${email} không có quyền.`),
  yearNotConfigured: (year: number) =>
    new Problem(404, 'YEAR_NOT_CONFIGURED', `Năm ${year} chưa được mở để đánh giá. Hãy chọn đúng năm hoặc liên hệ quản trị viên.`),
  orgNotFound: (orgId: string, year: number) =>
    new Problem(404, 'ORG_NOT_FOUND', `Không có tổ chức mã “${orgId}” trong năm ${year}. Hãy chọn lại tổ chức trong tiện ích.`),
  deadlinePassed: (deadline: string, admins: readonly string[]) =>
    new Problem(
      409,
      'DEADLINE_PASSED',
      `Đã quá hạn nộp (${deadline}), nên không nhận thêm dữ liệu. Chỉ quản trị viên Đảng ủy Khối${contactList(admins)} mới có thể mở lại cho tổ chức.`,
      { lock: 'deadline' },
    ),
  approved: (when: string, admins: readonly string[]) =>
    new Problem(
      409,
      'ORG_APPROVED',
      `Kết quả của tổ chức đã được Đảng ủy Khối duyệt (${when}), nên không sửa được nữa. Muốn sửa, hãy đề nghị quản trị viên${contactList(admins)} mở lại.`,
      { lock: 'approved' },
    ),
  locked: (when: string, admins: readonly string[]) =>
    new Problem(
      409,
      'ORG_LOCKED',
      `Dữ liệu của tổ chức đã bị khóa (${when}). Chỉ quản trị viên${contactList(admins)} mới có thể mở khóa.`,
      { lock: 'locked' },
    ),
  emailNotAscii: () =>
    new Problem(
      403,
      'EMAIL_NOT_ASCII',
      'Địa chỉ tài khoản có ký tự không phải chữ cái Latin thông thường (ví dụ chữ K “Kelvin” hay chữ có dấu), nên không thể là tài khoản Google đã đăng ký. Hãy đăng nhập bằng đúng tài khoản Google của bạn.',
    ),
  orgNotInConfig: (orgName: string, year: number) =>
    new Problem(
      409,
      'ORG_NOT_IN_CONFIG',
      `${orgName} không còn trong danh sách tổ chức năm ${year} của Đảng ủy Khối, nên không nhận dữ liệu; dữ liệu đã gửi trước đây vẫn được giữ. Nếu có nhầm lẫn, hãy liên hệ quản trị viên.`,
    ),
  approveNeedsVersion: () =>
    new Problem(400, 'CONTENT_HASH_REQUIRED', 'Thao tác “Duyệt” cần ghi rõ bản danh sách đã xem (contentHash). Hãy tải lại tiến độ rồi duyệt lại.'),
  submissionChanged: (at: string) =>
    new Problem(
      409,
      'SUBMISSION_CHANGED',
      `Tổ chức đã gửi lại danh sách (${at}) sau bản bạn đã xem, nên chưa duyệt. Hãy xem bản mới rồi duyệt lại.`,
    ),
  deadlineRequired: (deadline: string) =>
    new Problem(
      400,
      'DEADLINE_REQUIRED',
      `Hạn nộp đang áp dụng (${deadline}) đã qua: mở lại mà không có hạn mới thì tổ chức vẫn không gửi được. Hãy nhập hạn nộp mới (ngày giờ trong tương lai) rồi mở lại.`,
    ),
  reasonRequired: (action: string) =>
    new Problem(400, 'REASON_REQUIRED', `Thao tác “${action}” cần ghi lý do (được lưu vào nhật ký). Hãy nhập lý do rồi thực hiện lại.`),
  invalidTransition: (action: string, stateLabel: string) =>
    new Problem(409, 'INVALID_TRANSITION', `Không thể “${action}” khi tổ chức đang ở trạng thái “${stateLabel}”.`),
  submissionIdReused: () =>
    new Problem(409, 'SUBMISSION_ID_REUSED', 'Mã lần gửi này đã được dùng cho một bảng khác. Hãy bấm “Gửi dữ liệu” lại để tạo lần gửi mới.'),
  bodyTooLarge: (limitMb: number) =>
    new Problem(413, 'BODY_TOO_LARGE', `Dữ liệu gửi lên quá lớn (tối đa ${limitMb} MB). Hãy xóa các cột, ô không cần thiết hoặc chia nhỏ bảng.`),
  tooManyRows: (rows: number, limit: number) =>
    new Problem(413, 'TOO_MANY_ROWS', `Bảng có ${formatInt(rows)} dòng, vượt quá ${formatInt(limit)} dòng cho một tổ chức. Hãy xóa các dòng thừa ở cuối bảng rồi gửi lại.`),
  tooManyColumns: (row: number, columns: number, limit: number) =>
    new Problem(
      413,
      'TOO_MANY_COLUMNS',
      `Dòng ${formatInt(row)} của bảng có ${formatInt(columns)} cột, vượt quá ${formatInt(limit)} cột. Hãy xóa các cột thừa ở bên phải bảng (mẫu chỉ có khoảng 20 cột) rồi gửi lại.`,
    ),
  listTooLarge: (bytes: number, limit: number) =>
    new Problem(
      413,
      'LIST_TOO_LARGE',
      `Danh sách cần ghi lần này khoảng ${formatDecimal(bytes / 1_048_576)} MB, vượt quá ${formatDecimal(limit / 1_048_576)} MB có thể ghi trọn vẹn trong một lần. Dữ liệu chưa được ghi. Hãy rút gọn các cột ghi chữ dài (Đăng ký làm theo, Ghi chú), hoặc liên hệ quản trị viên.`,
    ),
  memberIndexTooLarge: (members: number, bytes: number) =>
    new Problem(
      413,
      'MEMBER_INDEX_TOO_LARGE',
      `Danh sách ${formatInt(members)} đảng viên cần một chỉ mục khoảng ${formatDecimal(bytes / 1_048_576)} MB, vượt quá 1 MB mà một tài liệu được phép lưu. Dữ liệu chưa được ghi; dữ liệu cũ vẫn giữ nguyên. Hãy liên hệ quản trị viên để chia danh sách cho các tổ chức trực thuộc.`,
    ),
  /** Before anything is written: the summary sheet and the stored rollup stay as the last run left them. */
  rollupTooLarge: (orgs: number, bytes: number) =>
    new Problem(
      413,
      'ROLLUP_TOO_LARGE',
      `Bản tổng hợp của ${formatInt(orgs)} tổ chức cần khoảng ${formatDecimal(bytes / 1_048_576)} MB, vượt quá 1 MB mà một tài liệu được phép lưu. Bảng tổng hợp chưa được ghi; bản trước vẫn giữ nguyên. Hãy liên hệ nhà phát triển để chia bản tổng hợp theo đảng bộ cấp trên cơ sở.`,
    ),
  summaryTooLarge: (cells: number, limit: number) =>
    new Problem(
      413,
      'SUMMARY_TOO_LARGE',
      `Bảng tổng hợp cần ${formatInt(cells)} ô, vượt quá ${formatInt(limit)} ô mà một bảng tính Google được phép chứa. Bảng tổng hợp chưa được ghi; bản trước vẫn giữ nguyên. Hãy liên hệ nhà phát triển để chia bảng tổng hợp.`,
    ),
  validationFailed: (errorCount: number, details: Record<string, unknown>) =>
    new Problem(
      422,
      'VALIDATION_FAILED',
      `Bảng có ${formatInt(errorCount)} lỗi nên chưa được ghi nhận; dữ liệu cũ vẫn giữ nguyên. Hãy sửa các ô được đánh dấu rồi gửi lại.`,
      details,
    ),
  internal: (reference: string) =>
    new Problem(500, 'INTERNAL', `Máy chủ gặp lỗi ngoài dự kiến. Hãy thử gửi lại sau ít phút (gửi lại không tạo bản trùng). Mã tra cứu: ${reference}.`),
  /** The database did not answer in time, or a transaction waited on a lock: the outcome is unknown, a retry is safe. */
  busy: () =>
    new Problem(
      503,
      'UNAVAILABLE',
      'Máy chủ dữ liệu đang bận hoặc không phản hồi, nên chưa biết chắc lần gửi này đã được ghi hay chưa. Hãy thử lại sau ít giây: gửi lại cùng bảng không tạo bản trùng.',
    ),
};
