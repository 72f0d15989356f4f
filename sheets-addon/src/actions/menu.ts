import { openMenu } from '../admin/roles.js';
import type { Notice, SidebarState } from '../sidebar-model/sidebar-state.js';
import { runCheck } from './check.js';
import { createEvaluationSheet, linkActiveSheet } from './create-sheet.js';
import { activeContext } from './context.js';
import { setServerUrl } from './server-url.js';
import { buildState, createViewState, refreshedState, showSidebar } from './sidebar.js';
import { runSubmit } from './submit.js';
import { progressReporter, readProgress } from '../apps-script/progress.js';
import type { Progress } from '../sidebar-model/sidebar-state.js';

/**
 * The menu and what each item does. Apps Script calls the globals declared in index.ts,
 * which call these; the sidebar's buttons call the sidebar* functions via google.script.run.
 */
export function onOpen(event?: { readonly authMode?: unknown }): void {
  // By role (admin/roles.ts); in AuthMode.NONE (before the add-on is authorised) no other service is touched.
  openMenu(event?.authMode);
}

function alertNotice(notice: Notice): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(notice.title, notice.text, ui.ButtonSet.OK);
}

export function menuOpenSidebar(): void {
  showSidebar(refreshedState());
}

/** The organisation and the year are chosen in the sidebar's dropdowns, which then call sidebarCreate. */
export function menuCreateSheet(): void {
  showSidebar(createViewState());
}

export function menuCheck(): void {
  const state = runCheck();
  if (state.notice) SpreadsheetApp.getActiveSpreadsheet().toast(state.notice.text, state.notice.title, 10);
  showSidebar(state);
}

export function menuSubmit(): void {
  const outcome = runSubmit(SpreadsheetApp.getUi());
  alertNotice(outcome.notice);
  showSidebar(outcome.state);
}

export function menuSetServerUrl(): void {
  alertNotice(setServerUrl(SpreadsheetApp.getUi()));
}

export const sidebarState = (): SidebarState => buildState(activeContext(), null, null);
export const sidebarRefresh = (): SidebarState => refreshedState();
/** The sidebar's buttons name their run so its poll can follow it (apps-script/progress.ts). */
export const sidebarCheck = (runId?: unknown): SidebarState => runCheck(progressReporter(runId));
export const sidebarSubmit = (runId?: unknown): SidebarState => runSubmit(SpreadsheetApp.getUi(), progressReporter(runId)).state;
export const sidebarProgress = (runId: unknown): Progress | null => readProgress(runId);
/** The sidebar's “Tạo bảng đánh giá” with the organisation and year chosen in its dropdowns. */
export const sidebarCreate = (year: number, orgId: string): SidebarState => afterChoice(createEvaluationSheet(SpreadsheetApp.getUi(), year, orgId));

/** The sidebar's “Gắn trang tính này”: the open, unlinked sheet becomes the chosen organisation's. */
export const sidebarLink = (year: number, orgId: string): SidebarState => afterChoice(linkActiveSheet(year, orgId));

function afterChoice(notice: Notice): SidebarState {
  const ctx = activeContext();
  // A choice that failed stays in the create view, its dropdowns beside the error.
  return buildState(ctx, notice, null, undefined, notice.kind === 'error' || ctx.target === null);
}
