import type { AuditEntryView } from './contract-admin.js';
import { ORG_STATE, type OrgState } from './enums.js';
import { formatInt } from './format.js';
import { localParts } from './time-zone.js';

/**
 * The audit trail as the admin reads it: a submission record or an admin action → one entry
 * with a Vietnamese label and detail line. Only what the records already hold (no member).
 */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  submission: 'Nộp dữ liệu',
  approve: 'Duyệt',
  lock: 'Khóa',
  reopen: 'Mở lại',
  accept_quota: 'Chấp nhận vượt chỉ tiêu',
  config: 'Áp dụng cấu hình',
  remind: 'Nhắc nộp',
};

const RESULT_LABELS: Readonly<Record<string, string>> = { accepted: 'Đã ghi nhận', unchanged: 'Không thay đổi', dry_run: 'Thử (không ghi)' };

export interface SubmissionRecordView {
  readonly at: string;
  readonly by: string;
  readonly result: string;
  readonly counts: Readonly<Record<string, number>>;
}

export function submissionEntry(orgId: string, orgName: string | null, record: SubmissionRecordView): AuditEntryView {
  const n = (key: string) => formatInt(record.counts[key] ?? 0);
  return {
    kind: 'submission',
    at: record.at,
    by: record.by,
    orgId,
    orgName,
    action: 'submission',
    actionLabel: ACTION_LABELS.submission ?? 'Nộp dữ liệu',
    reason: null,
    detail: `${RESULT_LABELS[record.result] ?? record.result}: ${n('listed')} đảng viên — ${n('imported')} mới thêm, ${n('updated')} cập nhật, ${n('unchanged')} không đổi, ${n('removed')} xóa, ${n('warnings')} cảnh báo`,
  };
}

export interface ActionRecordView {
  readonly action: string;
  readonly orgId: string | null;
  readonly by: string;
  readonly at: string;
  readonly reason: string | null;
  readonly details: Readonly<Record<string, unknown>> | null;
}

const stateLabel = (value: unknown): string => (typeof value === 'string' && (ORG_STATE.codes as readonly string[]).includes(value) ? ORG_STATE.labelOf(value as OrgState) : '?');
const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

export function actionEntry(record: ActionRecordView, orgName: string | null, timeZone: string): AuditEntryView {
  const d = record.details ?? {};
  let detail: string;
  switch (record.action) {
    case 'config':
      detail = `${formatInt(count(d.created))} tài liệu tạo mới, ${formatInt(count(d.updated))} thay đổi, ${formatInt(count(d.removedFromConfig))} tổ chức ngoài danh sách`;
      break;
    case 'remind':
      detail = `Gửi tới: ${Array.isArray(d.to) ? d.to.join(', ') : ''}`;
      break;
    default: {
      const until = typeof d.until === 'string' ? localParts(d.until, timeZone) : null;
      detail = `${stateLabel(d.from)} → ${stateLabel(d.to)}${until ? `; hạn nộp riêng: ${until.time} ngày ${until.date}` : ''}`;
    }
  }
  return {
    kind: 'action',
    at: record.at,
    by: record.by,
    orgId: record.orgId,
    orgName,
    action: record.action,
    actionLabel: ACTION_LABELS[record.action] ?? record.action,
    reason: record.reason,
    detail,
  };
}
