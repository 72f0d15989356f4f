import type { AdminRemindAnswer } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { claimReminders } from './backend.js';
import { consoleYear } from './audit.js';
import { alert, failed } from './console-sheet.js';

/**
 * “Nhắc nộp”: the server claims today's reminders (one per organisation per day, recorded in
 * the audit trail), then the add-on sends each from the admin's own account with MailApp —
 * the one scope this needs (script.send_mail). A second click the same day sends nothing.
 */
export function reminderMail(blocName: string, year: number, r: AdminRemindAnswer['reminders'][number]): { to: string; subject: string; body: string } {
  return {
    to: r.to.join(','),
    subject: `[${blocName}] Nhắc nộp kết quả đánh giá đảng viên năm ${year} — ${r.name}`,
    body:
      `Kính gửi đồng chí bí thư ${r.name},\n\n` +
      `Đến nay Đảng ủy Khối chưa nhận được kết quả đánh giá, xếp loại đảng viên năm ${year} của ${r.name}. Hạn nộp: ${r.deadlineText}.\n\n` +
      'Cách nộp: mở Google Trang tính, chọn Tiện ích mở rộng → Đánh giá đảng viên → Tạo bảng đánh giá, nhập danh sách, chọn Kiểm tra dữ liệu rồi Gửi dữ liệu.\n\n' +
      `Văn phòng ${blocName}`,
  };
}

export function remind(): Notice {
  const ui = SpreadsheetApp.getUi();
  const year = consoleYear('Nhắc nộp năm');
  if (year === null) return { kind: 'info', title: 'Đã hủy', text: 'Chưa gửi nhắc nhở nào.' };
  const confirm = ui.alert('Nhắc nộp', `Gửi một e-mail nhắc nộp (từ tài khoản của đồng chí) tới bí thư các tổ chức chưa nộp năm ${year}? Mỗi tổ chức được nhắc nhiều nhất một lần mỗi ngày.`, ui.ButtonSet.YES_NO);
  if (confirm !== ui.Button.YES) return { kind: 'info', title: 'Đã hủy', text: 'Chưa gửi nhắc nhở nào.' };
  const reply = claimReminders(year);
  if (!reply.ok) return failed(reply);
  const { blocName } = reply.data;
  const sent: string[] = [];
  const failedMails: string[] = [];
  for (const r of reply.data.reminders) {
    try {
      MailApp.sendEmail(reminderMail(blocName, year, r));
      sent.push(`${r.name} (${r.to.join(', ')})`);
    } catch (error) {
      failedMails.push(`${r.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const parts = [
    sent.length > 0 ? `Đã gửi nhắc nộp tới ${sent.length} tổ chức:\n${sent.join('\n')}` : 'Không gửi e-mail nào.',
    reply.data.alreadyToday.length > 0 ? `Đã được nhắc hôm nay, không gửi lại: ${reply.data.alreadyToday.map((a) => `${a.name} (bởi ${a.by})`).join(', ')}.` : '',
    reply.data.noAddress.length > 0 ? `Chưa có e-mail bí thư: ${reply.data.noAddress.map((a) => a.name).join(', ')}.` : '',
    failedMails.length > 0 ? `Gửi không được: ${failedMails.join('; ')}` : '',
  ].filter((p) => p !== '');
  return { kind: failedMails.length > 0 ? 'warning' : 'success', title: 'Nhắc nộp', text: parts.join('\n\n') };
}

export const menuAdminRemind = (): void => { alert(remind()); };
