import { formatInt, formatPercent, percentOf, type SubmitAnswer } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';

/**
 * The secretary's safety net before a send that would remove members: the server's dry run
 * says who would go; the add-on names them and asks, and a removal of more than a fifth of the
 * stored list asks a second time. The server still accepts what the sheet says: this is not a
 * rule, only a question before the click becomes final.
 */
export const NAMES_SHOWN = 15;
/** More than this share of the stored list removed needs the second confirmation. */
export const LARGE_REMOVAL_SHARE = 1 / 5;

export type RemovalDecision = 'none' | 'confirmed' | 'cancelled';

/** Members the last accepted list had: everything the new one keeps, changes or removes. */
export const storedCount = (answer: SubmitAnswer): number => answer.counts.updated + answer.counts.unchanged + answer.counts.removed;

export function removalQuestion(answer: SubmitAnswer): { title: string; text: string } {
  const removed = answer.removed;
  const names = removed.slice(0, NAMES_SHOWN).map((m) => `• ${m.fullName} (${m.cardNumber})`);
  const others = removed.length > NAMES_SHOWN ? [`• … và ${formatInt(removed.length - NAMES_SHOWN)} đồng chí khác`] : [];
  return {
    title: 'Xác nhận xóa đảng viên khỏi danh sách',
    text:
      `Bảng lần này không còn ${formatInt(removed.length)} đảng viên có trong danh sách đã nộp của ${answer.orgName} năm ${answer.year}. ` +
      `Nếu gửi, các đồng chí sau sẽ bị xóa khỏi danh sách:\n${[...names, ...others].join('\n')}\n\n` +
      'Bấm “Có” để gửi, “Không” để xem lại bảng (chưa có gì được gửi).',
  };
}

export function largeRemovalQuestion(answer: SubmitAnswer): { title: string; text: string } {
  const stored = storedCount(answer);
  return {
    title: 'Xác nhận lần hai: xóa nhiều đảng viên',
    text:
      `Lần gửi này xóa ${formatInt(answer.removed.length)} trong số ${formatInt(stored)} đảng viên đã nộp (${formatPercent(percentOf(answer.removed.length, stored))}), ` +
      'hơn một phần năm danh sách. Nếu bảng bị thiếu dòng (lọc, ẩn hoặc xóa nhầm), hãy bấm “Không” rồi kiểm tra lại. ' +
      'Bấm “Có” nếu đồng chí chắc chắn muốn xóa.',
  };
}

export const isLargeRemoval = (answer: SubmitAnswer): boolean => answer.removed.length > storedCount(answer) * LARGE_REMOVAL_SHARE;

export const REMOVAL_CANCELLED: Notice = {
  kind: 'info',
  title: 'Chưa gửi dữ liệu',
  text: 'Đồng chí đã chọn không gửi nên danh sách đã nộp giữ nguyên. Hãy kiểm tra lại bảng (các dòng bị lọc, ẩn hoặc xóa nhầm) rồi chọn “Gửi dữ liệu”.',
};

/** Asks once, twice for a large removal; 'none' when the dry run removes nobody. */
export function confirmRemovals(ui: GoogleAppsScript.Base.Ui, answer: SubmitAnswer): RemovalDecision {
  if (answer.removed.length === 0) return 'none';
  const ask = (q: { title: string; text: string }) => ui.alert(q.title, q.text, ui.ButtonSet.YES_NO) === ui.Button.YES;
  if (!ask(removalQuestion(answer))) return 'cancelled';
  if (isLargeRemoval(answer) && !ask(largeRemovalQuestion(answer))) return 'cancelled';
  return 'confirmed';
}
