import type { Failure } from '../server/client.js';

/**
 * The Vietnamese the secretary reads when a call fails: our own framing (what happened to the
 * data, what to do) around the server's message, which is already Vietnamese and names who
 * can help (e.g. which admin can reopen a lock).
 */
export interface FailureText {
  readonly title: string;
  readonly text: string;
}

const NOT_SAVED = 'Dữ liệu chưa được ghi nhận.';

function framing(status: number, lock: string | undefined, code: string | undefined): FailureText {
  if (status === 401) return { title: 'Chưa xác thực được tài khoản', text: 'Máy chủ chưa xác nhận được tài khoản Google của đồng chí.' };
  if (status === 403) return { title: 'Không có quyền', text: 'Tài khoản này không có quyền thực hiện thao tác với tổ chức đã chọn.' };
  if (status === 404) return { title: 'Không tìm thấy', text: 'Máy chủ không tìm thấy năm hoặc tổ chức đã chọn.' };
  if (status === 409 && lock !== undefined) {
    return { title: 'Tổ chức đang khóa nhận dữ liệu', text: `${NOT_SAVED} Tổ chức không nhận thêm dữ liệu vào lúc này.` };
  }
  if (status === 409 && code === 'SUBMISSION_ID_REUSED') return { title: 'Lần gửi bị trùng mã', text: NOT_SAVED };
  if (status === 409) return { title: 'Không thực hiện được', text: 'Thao tác không phù hợp với trạng thái hiện tại của tổ chức.' };
  if (status === 413) return { title: 'Bảng quá lớn', text: `${NOT_SAVED} Bảng vượt quá giới hạn máy chủ nhận trong một lần gửi.` };
  if (status === 422) return { title: 'Bảng còn lỗi', text: `${NOT_SAVED} Các ô có lỗi đã được tô màu và ghi chú; danh sách lỗi ở bảng bên phải.` };
  if (status === 429) return { title: 'Máy chủ đang bận', text: `${NOT_SAVED} Máy chủ đang nhận quá nhiều yêu cầu.` };
  if (status >= 500) return { title: 'Máy chủ đang gặp sự cố', text: `${NOT_SAVED} Máy chủ đang gặp sự cố tạm thời.` };
  return { title: 'Không thực hiện được', text: 'Máy chủ không nhận yêu cầu này.' };
}

const tries = (attempts: number): string => (attempts > 1 ? ` Đã thử ${attempts} lần.` : '');

export function failureText(failure: Failure): FailureText {
  switch (failure.kind) {
    case 'network':
      return {
        title: 'Không kết nối được máy chủ',
        text:
          `Chưa xác nhận được việc gửi dữ liệu vì không kết nối được tới máy chủ.${tries(failure.attempts)} ` +
          'Hãy kiểm tra kết nối mạng rồi bấm “Gửi dữ liệu” lại; gửi lại nhiều lần không tạo ra bản trùng.',
      };
    case 'bad_reply':
      return {
        title: 'Máy chủ trả lời không đúng định dạng',
        text: 'Máy chủ đã trả lời nhưng tiện ích không đọc được kết quả. Hãy thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên.',
      };
    case 'http': {
      const frame = framing(failure.status, failure.body?.lock, failure.body?.error.code);
      const server = failure.body?.error.message;
      const retry = failure.status >= 500 || failure.status === 429 ? `${tries(failure.attempts)} Hãy thử lại sau ít phút.` : '';
      return { title: frame.title, text: [frame.text + retry, server].filter((part) => part !== undefined && part !== '').join('\n\n') };
    }
  }
}
