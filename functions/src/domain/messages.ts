import { z } from 'zod';
import { formatDateVi, formatInt } from './format.js';

/**
 * The catalogue of every message a user can see, with stable codes. Tests check codes and
 * text; the HTTP layer and the add-on show `message` as it is. Each message says what is
 * wrong and how to fix it.
 */
export const SEVERITIES = ['error', 'warning'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Location {
  readonly row: number | null;
  readonly column: string | null;
  readonly columnIndex?: number | null;
}

const list = (values: readonly string[]): string => values.join(', ');
/** Quoted; a value longer than a sentence is shortened (a 1 MB cell must not make a 1 MB message). */
const QUOTE_MAX = 60;
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}
const q = (text: string): string => `“${shorten(text, QUOTE_MAX)}”`;

export const MESSAGES = {
  SHEET_EMPTY: () => 'Trang tính không có dữ liệu. Hãy dùng mẫu “Tạo bảng đánh giá” rồi nhập danh sách đảng viên.',
  HEADER_NOT_FOUND: (p: { required: readonly string[]; scanned: number }) =>
    `Không tìm thấy dòng tiêu đề trong ${p.scanned} dòng đầu. Dòng tiêu đề cần có các cột: ${list(p.required.map(q))}.`,
  COLUMN_MISSING: (p: { header: string; headerRow: number }) =>
    `thiếu cột bắt buộc ${q(p.header)}. Hãy thêm cột này vào dòng tiêu đề (dòng ${p.headerRow}).`,
  COLUMN_DUPLICATE: (p: { header: string; first: string; second: string }) =>
    `cột ${q(p.header)} xuất hiện hai lần (cột ${p.first} và cột ${p.second}). Hãy xóa hoặc đổi tên một cột.`,
  COLUMN_UNKNOWN: (p: { header: string; letter: string }) =>
    `cột ${q(p.header)} (cột ${p.letter}) không có trong mẫu đánh giá nên sẽ được bỏ qua. Nếu đây là một cột của mẫu, hãy sửa tên cột cho đúng.`,
  NO_DATA_ROWS: (p: { headerRow: number }) =>
    `Bảng chưa có đảng viên nào bên dưới dòng tiêu đề (dòng ${p.headerRow}). Hãy nhập danh sách rồi gửi lại.`,
  CELL_FORMULA_ERROR: (p: { value: string }) =>
    `Ô đang báo lỗi công thức ${q(p.value)}. Hãy sửa công thức hoặc nhập trực tiếp giá trị.`,
  VALUE_INVALID: (p: { header: string }) =>
    `Giá trị không đúng định dạng của cột ${q(p.header)}. Hãy xem ghi chú ở ô tiêu đề của cột.`,
  VALUE_REQUIRED: (p: { header: string }) => `Chưa nhập ${q(p.header)}. Đây là thông tin bắt buộc.`,
  VALUE_NOT_IN_LIST: (p: { value: string; allowed: readonly string[] }) =>
    `Giá trị ${q(p.value)} không hợp lệ. Hãy chọn một trong: ${list(p.allowed)}.`,
  DATE_INVALID: (p: { value: string }) =>
    `Ngày ${q(p.value)} không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2010.`,
  BIRTH_INVALID: (p: { value: string }) =>
    `Ngày sinh ${q(p.value)} không hợp lệ. Hãy nhập ngày/tháng/năm (15/03/1985) hoặc năm sinh (1985).`,
  DATE_IN_FUTURE: (p: { value: string }) => `Ngày ${q(p.value)} ở sau ngày đánh giá. Hãy kiểm tra lại năm.`,
  ADMISSION_BEFORE_FOUNDING: (p: { value: string }) =>
    `Ngày vào Đảng ${q(p.value)} ở trước ngày thành lập Đảng (03/02/1930). Hãy kiểm tra lại năm; nếu ô hiện một con số, hãy nhập lại theo dạng ngày/tháng/năm, ví dụ 15/03/2010.`,
  DATE_YEAR_ONLY: (p: { value: string }) => `${q(p.value)} là một năm, không phải một ngày. Hãy nhập đủ ngày/tháng/năm, ví dụ 15/03/${p.value}.`,
  ADMISSION_BEFORE_BIRTH: (p: { admitted: string; born: string }) =>
    `Ngày vào Đảng ${formatDateVi(p.admitted)} ở trước ngày sinh ${formatDateVi(p.born)}. Hãy kiểm tra lại hai ngày này.`,
  ADMISSION_UNDER_18: (p: { admitted: string; born: string }) =>
    `Đảng viên vào Đảng ngày ${formatDateVi(p.admitted)} khi chưa đủ 18 tuổi (sinh ${formatDateVi(p.born)}). Hãy kiểm tra lại ngày sinh và ngày vào Đảng.`,
  SCORE_INVALID: (p: { value: string }) => `Điểm ${q(p.value)} không hợp lệ. Hãy nhập một số từ 0 đến 100, ví dụ 85 hoặc 72,5.`,
  TEXT_TOO_LONG: (p: { length: number; max: number }) =>
    `Nội dung dài ${formatInt(p.length)} ký tự, vượt quá ${formatInt(p.max)} ký tự cho phép. Hãy rút gọn.`,
  NAME_INVALID: (p: { value: string }) =>
    `${q(p.value)} không phải họ tên. Hãy nhập họ và tên đầy đủ bằng chữ (và kiểm tra các cột có bị lệch không).`,
  CARD_INVALID: (p: { value: string }) =>
    `Số thẻ đảng viên ${q(p.value)} không hợp lệ. Số thẻ chỉ gồm chữ, số, dấu chấm, dấu gạch ngang và không quá 20 ký tự.`,
  CARD_NUMERIC: (p: { value: string }) =>
    `Ô số thẻ đang là một con số (${q(p.value)}), không phải chữ: Google Trang tính có thể đã đổi số thẻ (coi dấu chấm là dấu phân cách hàng nghìn, bỏ số 0 ở cuối). Hãy chọn cột “Số thẻ đảng viên”, chọn Định dạng → Số → Văn bản thuần, rồi nhập lại số thẻ đúng như trên thẻ (ví dụ 79.012010).`,
  CARD_DUPLICATE: (p: { card: string; firstRow: number }) =>
    `Số thẻ đảng viên ${q(p.card)} trùng với dòng ${p.firstRow}. Mỗi đảng viên chỉ ghi một dòng; hãy xóa dòng trùng hoặc sửa số thẻ.`,
  SCORE_REQUIRED: (p: { year: number }) =>
    `Từ năm 2025, mỗi đảng viên được xếp loại phải có điểm (Quy định 366-QĐ/TW). Hãy nhập điểm năm ${p.year} từ 0 đến 100.`,
  SCORE_RATING_MISMATCH: (p: { score: number; expected: string; band: string; actual: string }) =>
    `Điểm ${String(p.score).replace('.', ',')} ứng với mức ${p.expected} (${p.band}) nhưng xếp loại là ${p.actual}. Hãy sửa điểm hoặc xếp loại cho khớp.`,
  DISCIPLINE_NOT_KHTNV: (p: { discipline: string; rating: string }) =>
    `Đảng viên bị kỷ luật trong năm (${p.discipline}) phải xếp loại Không hoàn thành nhiệm vụ, nhưng đang xếp loại ${p.rating}. Hãy sửa Xếp loại, hoặc ghi “Có” ở cột “Tự phát hiện, khắc phục” nếu đảng viên đã tự phát hiện, khắc phục.`,
  UNRATED_REASON_MISSING: () =>
    'Xếp loại “Không xếp loại” cần có lý do. Hãy chọn lý do ở cột “Lý do không xếp loại”.',
  UNRATED_REASON_UNEXPECTED: (p: { rating: string }) =>
    `Chỉ ghi lý do khi xếp loại là “Không xếp loại”, nhưng dòng này xếp loại ${p.rating}. Hãy xóa lý do hoặc sửa Xếp loại.`,
  NEW_MEMBER_RATED: (p: { admitted: string; evaluationDate: string }) =>
    `Đảng viên vào Đảng ngày ${formatDateVi(p.admitted)}, chưa đủ 6 tháng tính đến ngày đánh giá ${formatDateVi(p.evaluationDate)}: thường không xếp loại (lý do “Mới kết nạp dưới 6 tháng”). Hãy kiểm tra lại.`,
  QUOTA_EXCEEDED: (p: { excellent: number; good: number; max: number; percent: number }) =>
    `Có ${formatInt(p.excellent)} đảng viên HTXSNV, vượt ${p.percent}% số đảng viên HTTNV (${formatInt(p.good)} đồng chí, tối đa ${formatInt(p.max)} HTXSNV). Hãy xem lại xếp loại, hoặc đề nghị Đảng ủy Khối chấp nhận kèm lý do.`,
  EXCELLENT_LOW_EXEMPLARY: (p: { level: string }) =>
    `Xếp loại Hoàn thành xuất sắc nhiệm vụ nhưng nêu gương ở mức thấp nhất (${q(p.level)}). Hãy kiểm tra lại hai cột này.`,
  LIST_AFTER_END: (p: { endRow: number }) =>
    `dòng này có dữ liệu đảng viên nhưng nằm dưới dòng tổng cộng hoặc phần chữ ký (dòng ${p.endRow}), nơi danh sách đã kết thúc. Hãy chuyển dòng này lên trên dòng ${p.endRow}, hoặc xóa nó nếu không phải đảng viên.`,
  CHOICE_NONE: (p: { group: string; options: readonly string[] }) =>
    `chưa đánh dấu ô nào trong nhóm ${q(p.group)}. Hãy ghi “x” vào đúng một cột: ${list(p.options.map(q))}.`,
  CHOICE_MANY: (p: { group: string; marked: readonly string[] }) =>
    `nhóm ${q(p.group)} có ${formatInt(p.marked.length)} ô được đánh dấu (${list(p.marked.map(q))}). Hãy chỉ để “x” ở một cột.`,
  CHOICE_MARK_INVALID: (p: { group: string; value: string }) =>
    `ô thuộc nhóm ${q(p.group)} ghi ${q(p.value)}, không phải dấu chọn. Hãy ghi “x” vào ô được chọn và để trống các ô còn lại.`,
  CHOICE_OPTION_UNKNOWN: (p: { group: string; option: string; allowed: readonly string[] }) =>
    `cột ${q(p.option)} nằm dưới nhóm ${q(p.group)} nhưng không phải một lựa chọn của nhóm này. Hãy đổi tên cột thành một trong: ${list(p.allowed)}.`,
  SHEET_AMBIGUOUS: (p: { names: readonly string[] }) =>
    `Tệp có ${formatInt(p.names.length)} trang tính đều có dòng tiêu đề của bảng đánh giá: ${list(p.names.map(q))}. Không biết trang nào là danh sách nên chưa đọc trang nào. Hãy xóa các trang thừa (hoặc đổi dòng tiêu đề của chúng) để tệp chỉ còn một danh sách.`,
  ROW_COUNT_DIFFERS: (p: { expected: number; actual: number }) =>
    `Tổ chức đăng ký ${formatInt(p.expected)} đảng viên nhưng bảng có ${formatInt(p.actual)} dòng. Hãy kiểm tra còn thiếu hoặc thừa đảng viên nào.`,
  // Issue 18: the leadership tier and the organisation's own figures (tab “Số liệu tổ chức”).
  LEADER_TIER_NOT_LEADER: (p: { tier: string }) =>
    `Cấp lãnh đạo là “${p.tier}” nhưng cột “Lãnh đạo, quản lý” không ghi Có. Hãy ghi “Có” ở cột “Lãnh đạo, quản lý”, hoặc chọn “Không” ở cột “Cấp lãnh đạo”.`,
  ORG_FIGURES_HEADER_NOT_FOUND: (p: { scanned: number }) =>
    `Không tìm thấy dòng tiêu đề có hai cột “Chỉ tiêu” và “Số liệu” trong ${p.scanned} dòng đầu. Hãy dùng “Tạo bảng đánh giá” để tạo lại trang này.`,
  ORG_FIGURES_MISSING: (p: { year: number; required: readonly string[] }) =>
    `Chưa có trang “Số liệu tổ chức”. Năm ${p.year}, Đảng bộ Khối yêu cầu báo cáo: ${list(p.required.map(q))}. Hãy dùng “Tạo bảng đánh giá” để tạo trang rồi nhập số liệu.`,
  ORG_FIGURE_INVALID: (p: { figure: string; value: string }) =>
    `${q(p.figure)} ghi ${q(p.value)}, không phải một số nguyên không âm. Hãy nhập một số nguyên, ví dụ 12, hoặc để trống nếu không báo cáo.`,
  ORG_FIGURE_REQUIRED: (p: { figure: string; year: number }) =>
    `Chưa nhập ${q(p.figure)}. Năm ${p.year}, Đảng bộ Khối yêu cầu báo cáo số liệu này; nếu không có, hãy ghi 0.`,
  ORG_FIGURE_EXCEEDS: (p: { figure: string; value: number; limitFigure: string; limit: number }) =>
    `${q(p.figure)} là ${formatInt(p.value)}, lớn hơn ${q(p.limitFigure)} (${formatInt(p.limit)}). Hãy kiểm tra lại hai số liệu này.`,
  ORG_FIGURE_DUPLICATE: (p: { figure: string; firstRow: number }) =>
    `Chỉ tiêu ${q(p.figure)} đã có ở dòng ${p.firstRow}. Hãy xóa một trong hai dòng.`,
  ORG_FIGURE_UNKNOWN: (p: { label: string }) =>
    `Chỉ tiêu ${q(p.label)} không có trong mẫu số liệu tổ chức nên sẽ được bỏ qua. Nếu đây là một chỉ tiêu của mẫu, hãy sửa tên cho đúng.`,
} as const;

export type MessageCode = keyof typeof MESSAGES;
const MESSAGE_CODES = Object.keys(MESSAGES) as [MessageCode, ...MessageCode[]];

/** One located problem of a sheet: part of the wire contract (contract.ts re-exports it). */
export const issueSchema = z.object({
  severity: z.enum(SEVERITIES),
  code: z.enum(MESSAGE_CODES),
  /** Sheet row as the user sees it (1-based), or null for whole-sheet problems. */
  row: z.number().int().nullable(),
  /** Column header as the user wrote it (or the template header when the column is missing). */
  column: z.string().nullable(),
  /** 0-based position of that column in the sheet, so the add-on can mark the cell; null when absent. */
  columnIndex: z.number().int().nullable(),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;
type ParamsOf<C extends MessageCode> = Parameters<(typeof MESSAGES)[C]> extends [infer P] ? P : undefined;

/** Problems of the header row itself name the column inside the sentence. */
const HEADER_CODES: ReadonlySet<MessageCode> = new Set(['COLUMN_MISSING', 'COLUMN_DUPLICATE', 'COLUMN_UNKNOWN', 'CHOICE_OPTION_UNKNOWN']);

/** “Dòng 7, cột “Xếp loại”: …” — every message names where to look. */
export function locate(row: number | null, column: string | null, code?: MessageCode): string {
  if (code !== undefined && HEADER_CODES.has(code) && row !== null) return `Dòng tiêu đề (dòng ${row}): `;
  if (row !== null && column !== null) return `Dòng ${row}, cột ${q(column)}: `;
  if (row !== null) return `Dòng ${row}: `;
  if (column !== null) return `Cột ${q(column)}: `;
  return '';
}

export function issue<C extends MessageCode>(
  severity: Severity,
  code: C,
  where: Location,
  ...params: ParamsOf<C> extends undefined ? [] : [ParamsOf<C>]
): Issue {
  const template = MESSAGES[code] as (p?: unknown) => string;
  return {
    severity,
    code,
    row: where.row,
    column: where.column,
    columnIndex: where.columnIndex ?? null,
    message: locate(where.row, where.column, code) + template(params[0]),
  };
}
