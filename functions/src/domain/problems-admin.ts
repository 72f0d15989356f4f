import { formatInt } from './format.js';
import { Problem } from './problems.js';

/**
 * The problems of the admin console's endpoints (configuration, audit trail, reminders), in
 * the catalogue's shape: stable codes, Vietnamese messages that say why and how to fix.
 */
export interface RemovedWithData {
  readonly orgId: string;
  readonly name: string;
  /** “17:00 ngày 10/01/2025” of its last accepted list. */
  readonly lastSubmittedText: string;
}

export const adminProblems = {
  removesSubmitted: (year: number, orgs: readonly RemovedWithData[]) =>
    new Problem(
      409,
      'ORG_HAS_DATA',
      `Chưa áp dụng cấu hình: ${orgs.map((o) => `“${o.name}” (${o.orgId}, đã nộp lúc ${o.lastSubmittedText})`).join('; ')} đã nộp dữ liệu năm ${year} nên không bỏ khỏi danh sách được — dữ liệu đã nộp vẫn được giữ và phải thuộc về một tổ chức. ` +
        'Nếu tổ chức đã sáp nhập vào tổ chức khác, hãy ghi mã tổ chức nhận sáp nhập ở cột “Sáp nhập vào” (mergedInto); nếu không, hãy giữ lại dòng của tổ chức.',
      { orgIds: orgs.map((o) => o.orgId) },
    ),
  idDiffersByCase: (year: number, pairs: readonly { readonly wanted: string; readonly existing: string }[]) =>
    new Problem(
      400,
      'ORG_ID_CASE',
      `Chưa áp dụng cấu hình: ${pairs.map((p) => `mã “${p.wanted}” chỉ khác mã đã có “${p.existing}” ở chữ hoa/thường`).join('; ')} (năm ${year}). Hãy dùng đúng mã đã có.`,
      { orgIds: pairs.map((p) => p.wanted) },
    ),
  mergeSourceUnknown: (year: number, orgIds: readonly string[]) =>
    new Problem(
      400,
      'MERGE_SOURCE_UNKNOWN',
      `Chưa áp dụng cấu hình: năm ${year} không có tổ chức ${orgIds.map((id) => `“${id}”`).join(', ')} để ghi là đã sáp nhập. Hãy kiểm tra lại mã ở cột “Mã tổ chức”.`,
    ),
  configChanged: () =>
    new Problem(
      409,
      'CONFIG_CHANGED',
      'Cấu hình trên máy chủ đã thay đổi sau lần “Kiểm tra” (có người khác vừa áp dụng cấu hình hoặc tổ chức vừa nộp), nên chưa áp dụng gì. Hãy bấm “Áp dụng” lại để xem danh sách thay đổi mới.',
    ),
  tooManyOrgs: (count: number, limit: number) =>
    new Problem(
      413,
      'TOO_MANY_ORGS',
      `Bảng cấu hình có ${formatInt(count)} tổ chức, vượt quá ${formatInt(limit)} tổ chức mỗi năm. Không có gì được ghi. Hãy xóa các dòng thừa (hoặc dòng bị dán trùng) rồi kiểm tra lại.`,
    ),
  badPageToken: () => new Problem(400, 'BAD_REQUEST', 'Yêu cầu không hợp lệ: mã trang (pageToken) không đúng. Hãy tải lại nhật ký từ đầu.', { fields: [{ path: 'pageToken', message: 'không hợp lệ' }] }),
};
