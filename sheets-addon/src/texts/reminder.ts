/**
 * The reminder a secretary receives when the bloc's admin clicks “Quản trị: Nhắc nộp”: a
 * secretary reads it, so it belongs to the add-on's one catalogue (src/texts).
 */
export function reminderText(blocName: string, year: number, org: { name: string; deadlineText: string }): { subject: string; body: string } {
  return {
    subject: `[${blocName}] Nhắc nộp kết quả đánh giá đảng viên năm ${year} — ${org.name}`,
    body:
      `Kính gửi đồng chí bí thư ${org.name},\n\n` +
      `Đến nay Đảng ủy Khối chưa nhận được kết quả đánh giá, xếp loại đảng viên năm ${year} của ${org.name}. Hạn nộp: ${org.deadlineText}.\n\n` +
      'Cách nộp: mở Google Trang tính, chọn Tiện ích mở rộng → Đánh giá đảng viên → Tạo bảng đánh giá, chọn tổ chức và năm, nhập danh sách, chọn Kiểm tra dữ liệu rồi Gửi dữ liệu.\n\n' +
      `Văn phòng ${blocName}`,
  };
}
