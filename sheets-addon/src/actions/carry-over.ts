import { formatInt, type CarryOverAnswer } from '../domain.js';
import type { Target } from '../sheet/target.js';
import { rosterRows } from '../sheet/roster-rows.js';
import { fetchCarryOver } from './backend.js';

/**
 * “Tạo bảng đánh giá” offers to start from the organisation's accepted list of the previous
 * year (and of the organisations merged into it): who each member is is copied, the year's
 * evaluation columns stay empty. ONE request, ONE question, ONE setValues.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function carryOverQuestion(answer: CarryOverAnswer): { title: string; text: string } {
  const from = answer.sources.length > 1 ? ` (gồm ${answer.sources.map((s) => `${s.name}: ${formatInt(s.members)}`).join('; ')})` : '';
  return {
    title: `Bắt đầu từ danh sách năm ${answer.fromYear ?? ''}?`,
    text:
      `Đảng ủy Khối có danh sách ${formatInt(answer.members.length)} đảng viên của ${answer.orgName} năm ${answer.fromYear ?? ''}${from}. ` +
      'Bấm “Có” để chép sang bảng mới họ và tên, số thẻ, ngày sinh, giới tính, ngày vào Đảng, chức vụ, lãnh đạo quản lý, trình độ chuyên môn và lý luận chính trị; ' +
      `các cột đánh giá năm ${answer.year} (điểm, xếp loại, nêu gương, nhận xét nơi cư trú, học tập, làm theo, kỷ luật, khen thưởng) để trống. ` +
      'Bấm “Không” để bắt đầu với bảng trống.',
  };
}

/** The sentence for the result notice when the list was copied, or null. */
export function offerCarryOver(ui: GoogleAppsScript.Base.Ui, sheet: Sheet, target: Target): string | null {
  // Without last year's list (first year, nothing accepted, or no connection) the template stays empty.
  const reply = fetchCarryOver(target.year, target.orgId);
  if (!reply.ok || reply.data.members.length === 0) return null;
  const answer = reply.data;
  const question = carryOverQuestion(answer);
  if (ui.alert(question.title, question.text, ui.ButtonSet.YES_NO) !== ui.Button.YES) return null;
  const rows = rosterRows(answer.members);
  const width = rows[0]?.length ?? 0;
  const missing = rows.length - (sheet.getMaxRows() - 1);
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
  return `Đã chép ${formatInt(rows.length)} đảng viên từ danh sách năm ${answer.fromYear ?? ''}.`;
}
