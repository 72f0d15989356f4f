import type { FailureText } from '../server/messages.js';
import type { OrgStatus, StatusAnswer } from '../domain.js';
import { describeFailure, fetchStatus } from './backend.js';
import { rememberStatus, withSupport } from './context.js';

/**
 * “Which year, which organisation?”: asked with two prompts, offering only what the status
 * endpoint says this account may submit for. One organisation is chosen without asking.
 */
export type Choice =
  | { readonly kind: 'chosen'; readonly status: StatusAnswer; readonly org: OrgStatus }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly text: FailureText };

type Ui = GoogleAppsScript.Base.Ui;

function ask(ui: Ui, title: string, text: string): string | null {
  const response = ui.prompt(title, text, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText().trim() : null;
}

function askYear(ui: Ui, status: StatusAnswer): number | 'cancel' | 'invalid' {
  const answer = ask(
    ui,
    'Chọn năm đánh giá',
    `Các năm đang mở: ${status.years.join(', ')}.\nNhập năm đánh giá, hoặc để trống để chọn năm ${status.year}.`,
  );
  if (answer === null) return 'cancel';
  if (answer === '') return status.year;
  const year = Number(answer);
  return status.years.includes(year) ? year : 'invalid';
}

function askOrg(ui: Ui, status: StatusAnswer): OrgStatus | 'cancel' | 'invalid' {
  const lines = status.orgs.map((org, i) => `${i + 1}. ${org.name} (${org.stateLabel})`);
  const answer = ask(ui, 'Chọn tổ chức', `Năm ${status.year}, tài khoản ${status.email} được gửi dữ liệu cho:\n${lines.join('\n')}\n\nNhập số thứ tự của tổ chức:`);
  if (answer === null) return 'cancel';
  return status.orgs[Number(answer) - 1] ?? 'invalid';
}

/** The sidebar's dropdowns already named the year and the organisation: one status call checks them. */
export function presetTarget(year: number, orgId: string): Choice {
  const reply = fetchStatus(year);
  if (!reply.ok) return { kind: 'failed', text: describeFailure(reply) };
  rememberStatus(reply.data);
  const org = reply.data.orgs.find((o) => o.orgId === orgId);
  if (!org) return { kind: 'failed', text: { title: 'Không chọn được tổ chức', text: `Năm ${year}, tài khoản ${reply.data.email} không được gửi dữ liệu cho tổ chức này. Hãy chọn lại trong danh sách.` } };
  return { kind: 'chosen', status: reply.data, org };
}

export function chooseTarget(ui: Ui): Choice {
  let reply = fetchStatus();
  if (!reply.ok) return { kind: 'failed', text: describeFailure(reply) };
  const year = askYear(ui, reply.data);
  if (year === 'cancel') return { kind: 'cancelled' };
  if (year === 'invalid') {
    return { kind: 'failed', text: { title: 'Năm không hợp lệ', text: `Hãy nhập một trong các năm đang mở: ${reply.data.years.join(', ')}.` } };
  }
  if (year !== reply.data.year) {
    reply = fetchStatus(year);
    if (!reply.ok) return { kind: 'failed', text: describeFailure(reply) };
  }
  const status = reply.data;
  rememberStatus(status);
  if (status.orgs.length === 0) {
    return {
      kind: 'failed',
      text: withSupport({ title: 'Chưa được phân công tổ chức', text: `Năm ${status.year}, tài khoản ${status.email} chưa là bí thư của tổ chức nào. Hãy liên hệ quản trị viên Đảng ủy Khối.` }),
    };
  }
  const only = status.orgs.length === 1 ? status.orgs[0] : undefined;
  const org = only ?? askOrg(ui, status);
  if (org === 'cancel') return { kind: 'cancelled' };
  if (org === 'invalid') return { kind: 'failed', text: { title: 'Số thứ tự không hợp lệ', text: `Hãy nhập một số từ 1 đến ${status.orgs.length}.` } };
  return { kind: 'chosen', status, org };
}
