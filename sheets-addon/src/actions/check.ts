import { validateSheet, formatInt, type Issue, type ValidationResult } from '../domain.js';
import { readFiguresTab } from '../sheet/figures-tab.js';
import { paintSheet, readValues } from '../apps-script/sheet-io.js';
import { LOG_SHEET_NAME } from '../sidebar-model/labels.js';
import type { Notice, SidebarState } from '../sidebar-model/sidebar-state.js';
import { activeContext, type SheetContext } from './context.js';
import { buildState } from './sidebar.js';

/**
 * “Kiểm tra dữ liệu”: the shared validator, offline, on ONE read of the sheet; every bad
 * cell marked (old marks cleared first) and the issues listed in the sidebar.
 */
export const NOT_AN_EVALUATION_SHEET: Notice = {
  kind: 'warning',
  title: 'Chưa chọn trang tính đánh giá',
  text: `Trang tính “${LOG_SHEET_NAME}” chỉ ghi lại các lần gửi. Hãy mở trang tính đánh giá (ví dụ “Đánh giá 2025”) rồi thực hiện lại.`,
};

export function checkNotice(result: ValidationResult): Notice {
  const warnings = result.warningCount > 0 ? ` và ${formatInt(result.warningCount)} cảnh báo (ô tô vàng)` : '';
  if (result.errorCount > 0) {
    return {
      kind: 'error',
      title: `Có ${formatInt(result.errorCount)} lỗi`,
      text: `Bảng có ${formatInt(result.errorCount)} lỗi (ô tô đỏ)${warnings}. Hãy sửa theo ghi chú ở từng ô (bấm vào một lỗi trong danh sách để đến ô đó) rồi kiểm tra lại.`,
    };
  }
  const listed = `${formatInt(result.listed)} đảng viên`;
  if (result.warningCount > 0) {
    return {
      kind: 'warning',
      title: 'Không có lỗi, có cảnh báo',
      text: `Đã kiểm tra ${listed}: không có lỗi, có ${formatInt(result.warningCount)} cảnh báo (ô tô vàng). Cảnh báo không ngăn việc gửi, nhưng hãy xem lại.`,
    };
  }
  return { kind: 'success', title: 'Không có lỗi', text: `Đã kiểm tra ${listed}: không có lỗi nào. Có thể chọn “Gửi dữ liệu”.` };
}

/** Errors of the year's “Số liệu tổ chức” tab (issue 18), when the list itself has none. */
export function figuresNotice(name: string, issues: readonly Issue[]): Notice | null {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return null;
  return { kind: 'error', title: `Trang “${name}” có ${formatInt(errors.length)} lỗi`, text: errors.map((i) => i.message).join(' ') };
}

export function checkSheet(ctx: SheetContext): { result: ValidationResult; state: SidebarState } {
  const values = readValues(ctx.sheet, ctx.timeZone);
  const result = validateSheet(values, ctx.settings);
  paintSheet(ctx.sheet, { values, issues: result.issues, headerRow: result.headerRow });
  const figures = readFiguresTab(ctx.spreadsheet, ctx.year, ctx.timeZone, []);
  if (!figures) return { result, state: buildState(ctx, checkNotice(result), result.issues) };
  const notice = (result.errorCount === 0 ? figuresNotice(figures.name, figures.issues) : null) ?? checkNotice(result);
  return { result, state: buildState(ctx, notice, [...figures.issues, ...result.issues]) };
}

export function runCheck(): SidebarState {
  const ctx = activeContext();
  if (ctx.isLogSheet) return buildState(ctx, NOT_AN_EVALUATION_SHEET, null);
  return checkSheet(ctx).state;
}
