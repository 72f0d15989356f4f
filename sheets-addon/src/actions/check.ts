import { validateSheet, type ValidationResult } from '../domain.js';
import { readFiguresTab } from '../sheet/figures-tab.js';
import { paintSheet, readValues } from '../apps-script/sheet-io.js';
import { checkNotice, figuresNotice, NOT_AN_EVALUATION_SHEET } from '../texts/labels.js';
import type { SidebarState } from '../sidebar-model/sidebar-state.js';
import { activeContext, type SheetContext } from './context.js';
import { buildState } from './sidebar.js';
import { silent, type Report } from '../apps-script/progress.js';

/**
 * “Kiểm tra dữ liệu”: the shared validator, offline, on ONE read of the sheet; every bad
 * cell marked (old marks cleared first) and the issues listed in the sidebar.
 */
export function checkSheet(ctx: SheetContext, report: Report = silent): { result: ValidationResult; state: SidebarState } {
  report('read', 0, 0);
  const values = readValues(ctx.sheet, ctx.timeZone);
  let rows = 0;
  const result = validateSheet(values, ctx.settings, { onProgress: (done, total) => { rows = total; report('check', done, total); } });
  report('write', rows, rows);
  paintSheet(ctx.sheet, { values, issues: result.issues, headerRow: result.headerRow });
  const step = ctx.target === null ? 'create' : result.ok ? 'submit' : 'check';
  const figures = readFiguresTab(ctx.spreadsheet, ctx.year, ctx.timeZone, []);
  if (!figures) return { result, state: buildState(ctx, checkNotice(result), result.issues, step) };
  const notice = (result.errorCount === 0 ? figuresNotice(figures.name, figures.issues) : null) ?? checkNotice(result);
  return { result, state: buildState(ctx, notice, [...figures.issues, ...result.issues], figures.issues.some((i) => i.severity === 'error') && step === 'submit' ? 'check' : step) };
}

export function runCheck(report: Report = silent): SidebarState {
  const ctx = activeContext();
  if (ctx.isLogSheet) return buildState(ctx, NOT_AN_EVALUATION_SHEET, null);
  return checkSheet(ctx, report).state;
}
