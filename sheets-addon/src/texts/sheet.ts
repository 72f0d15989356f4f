/**
 * What the sheets the add-on writes say: the template's notes and dropdown help, the marks on
 * a cell, the “Nhật ký gửi” headers and the “Số liệu tổ chức” tab's notes. Part of the
 * add-on's one catalogue, src/texts.
 */
export const STATUS_NOTE = 'Cột do tiện ích ghi kết quả của lần gửi gần nhất (Mới thêm, Đã cập nhật, Không đổi, Bị từ chối). Không cần nhập.';

export const TEMPLATE_NOTES = {
  required: ' (Bắt buộc.)',
  scored: ' (Bắt buộc từ năm 2025.)',
  scale: (scale: readonly string[]): string => ` Thang hiện hành: ${scale.join(', ')}.`,
  listHelp: (header: string, values: readonly string[]): string => `Cột “${header}”: chọn một trong: ${values.join(', ')}.`,
  numberHelp: (header: string, min: number, max: number): string => `Cột “${header}”: nhập số từ ${min} đến ${max}.`,
} as const;

/** The start of a mark's cell note: the secretary sees at once an error from a warning. */
export const MARK_PREFIX = { error: '⛔ Lỗi: ', warning: '⚠️ Cảnh báo: ' } as const;

export const LOG_HEADERS = [
  'Thời gian',
  'Năm',
  'Tổ chức',
  'Mã lần gửi',
  'Kết quả',
  'Số đảng viên',
  'Mới thêm',
  'Đã cập nhật',
  'Không đổi',
  'Đã xóa',
  'Bị từ chối',
  'Cảnh báo',
  'Người gửi',
  'Ghi chú',
] as const;

export const FIGURES_TAB = {
  note: (label: string, note: string): string => `${label}: ${note} Để trống nếu không báo cáo (không phải 0).`,
  help: 'Nhập một số nguyên không âm, ví dụ 12; để trống nếu không báo cáo.',
  protection: 'Dòng tiêu đề của trang số liệu tổ chức: tiện ích tìm chỉ tiêu theo tên, đừng đổi tên cột.',
} as const;
