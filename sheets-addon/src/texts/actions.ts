import type { FailureText } from './failures.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';

/**
 * The notices of “Tạo bảng đánh giá” and the words “Gửi dữ liệu” adds to the catalogue's
 * (labels.ts): part of the add-on's one catalogue, src/texts.
 */
export function notAllowedOrg(year: number, email: string): FailureText {
  return { title: 'Không chọn được tổ chức', text: `Năm ${year}, tài khoản ${email} không được gửi dữ liệu cho tổ chức này. Hãy chọn lại trong danh sách.` };
}

export function sheetExists(orgName: string, year: number): Notice {
  return { kind: 'info', title: 'Trang tính đã có', text: `${orgName} đã có trang tính đánh giá năm ${year} trong tệp này; tiện ích đã mở trang tính đó.` };
}

export function sheetCreated(made: { sheetName: string; orgName: string; year: number; rulePack: string; deadline: string; carried: string | null }): Notice {
  const next =
    made.carried === null
      ? 'Hãy nhập mỗi đảng viên một dòng, bắt đầu từ dòng 2, rồi chọn “Kiểm tra dữ liệu”.'
      : `${made.carried} Hãy xóa dòng của đảng viên đã chuyển đi, thêm dòng cho đảng viên mới, nhập các cột đánh giá của năm rồi chọn “Kiểm tra dữ liệu”.`;
  return {
    kind: 'success',
    title: 'Đã tạo bảng đánh giá',
    text: `Đã tạo trang tính “${made.sheetName}” cho ${made.orgName}, năm ${made.year} (${made.rulePack}). ${next} Hạn nộp: ${made.deadline}.`,
  };
}

export const TEMPLATE_PROTECTION = 'Dòng tiêu đề của mẫu đánh giá: tiện ích tìm cột theo tên, đừng đổi tên cột.';

/** “Gửi dữ liệu” on a sheet no organisation's template made: the sidebar's dropdowns make one. */
export const UNLINKED_SEND: Notice = {
  kind: 'warning',
  title: 'Trang tính chưa gắn với tổ chức',
  text: 'Tiện ích chưa biết trang tính này của tổ chức nào nên chưa gửi dữ liệu. Hãy chọn tổ chức và năm ở bảng bên phải rồi bấm “Gắn trang tính này” (danh sách đã nhập giữ nguyên), hoặc bấm “Tạo bảng đánh giá” để có bảng mới.',
};

export function sheetLinked(sheetName: string, orgName: string, year: number): Notice {
  return {
    kind: 'success',
    title: 'Đã gắn trang tính',
    text: `Trang tính “${sheetName}” từ nay là bảng đánh giá năm ${year} của ${orgName}; danh sách đã nhập được giữ nguyên. Hãy chọn “Kiểm tra dữ liệu”.`,
  };
}

export const NOT_SENT = 'Chưa gửi dữ liệu.';
export const retriedNote = (attempts: number): string => `Gửi thành công ở lần thử thứ ${attempts}.`;
