import { KEYS } from '../sheet/target.js';
import { BUILT_IN_SERVER_URL, normaliseServerUrl, serverUrl, tokenAudience } from '../apps-script/http.js';
import { scriptStore } from '../apps-script/properties.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { describeFailure, fetchStatus } from './backend.js';
import { rememberStatus } from './context.js';

/**
 * “Cài đặt địa chỉ máy chủ” (for the bloc's admin): the backend's base URL, kept in the
 * script properties so every user of the add-on shares it. The new address is only saved when
 * its status endpoint answers and names this account an admin — a typo or a foreign server is
 * refused. An address fixed at build time (ADDON_SERVER_URL) cannot be changed here.
 */
export function setServerUrl(ui: GoogleAppsScript.Base.Ui): Notice {
  if (BUILT_IN_SERVER_URL !== '') {
    return { kind: 'info', title: 'Địa chỉ máy chủ đã cố định', text: `Bản tiện ích này được đóng gói với địa chỉ máy chủ ${BUILT_IN_SERVER_URL}; không cần cài đặt thêm.` };
  }
  const current = serverUrl();
  const response = ui.prompt(
    'Cài đặt địa chỉ máy chủ (dành cho quản trị viên)',
    `Địa chỉ hiện tại: ${current ?? '(chưa cài đặt)'}.\nNhập địa chỉ gốc của các chức năng máy chủ, ví dụ https://asia-southeast1-ten-du-an.cloudfunctions.net`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return { kind: 'info', title: 'Đã hủy', text: 'Địa chỉ máy chủ không thay đổi.' };
  const url = normaliseServerUrl(response.getResponseText());
  if (url === null) {
    return { kind: 'error', title: 'Địa chỉ không hợp lệ', text: 'Địa chỉ phải bắt đầu bằng https:// (ví dụ https://asia-southeast1-ten-du-an.cloudfunctions.net). Địa chỉ máy chủ không thay đổi.' };
  }
  const reply = fetchStatus(undefined, url);
  if (!reply.ok) {
    const failure = describeFailure(reply);
    const audience = reply.failure?.kind === 'http' && reply.failure.body?.reason === 'wrong_audience' ? tokenAudience() : null;
    const hint = audience ? `\n\nMã ứng dụng (OAuth client ID) của tiện ích này là ${audience}. Hãy thêm mã này vào mục oauthClientIds trong tệp cấu hình của Đảng bộ Khối, áp dụng lại cấu hình, rồi cài đặt lại địa chỉ.` : '';
    return { kind: 'error', title: 'Chưa lưu địa chỉ máy chủ', text: `Máy chủ ${url} chưa trả lời đúng nên địa chỉ chưa được lưu.\n\n${failure.title}: ${failure.text}${hint}` };
  }
  if (!reply.data.roles.includes('admin')) {
    return { kind: 'error', title: 'Chưa lưu địa chỉ máy chủ', text: `Tài khoản ${reply.data.email} không phải quản trị viên của ${reply.data.bloc.name} nên không được đổi địa chỉ máy chủ.` };
  }
  scriptStore().setProperty(KEYS.serverUrl, url);
  rememberStatus(reply.data);
  return { kind: 'success', title: 'Đã lưu địa chỉ máy chủ', text: `Tiện ích sẽ gửi dữ liệu tới ${url} (${reply.data.bloc.name}).` };
}
