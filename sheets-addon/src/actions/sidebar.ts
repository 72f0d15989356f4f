import { stateLabelOf, type Target } from '../sheet/target.js';
import type { Issue } from '../domain.js';
import { serverUrl } from '../apps-script/http.js';
import { OVERDUE_LABEL, receiptCode, SIDEBAR_TITLE } from '../texts/labels.js';
import { groupIssues } from '../sidebar-model/issue-groups.js';
import { jsonForHtml, SIDEBAR_ISSUE_LIMIT, type NextStep, type Notice, type SidebarState, type SidebarTarget } from '../sidebar-model/sidebar-state.js';
import { documentStore, readJson } from '../apps-script/properties.js';
import { cachedChoicesSchema, KEYS } from '../sheet/target.js';
import { describeFailure, fetchStatus } from './backend.js';
import { activeContext, formatInstant, rememberStatus, rememberTarget, supportContact, type SheetContext } from './context.js';
import { targetFromStatus } from '../sheet/target.js';

/**
 * The sidebar: organisation, year, state, deadline, last submission, the latest check or
 * send, and a list of issues that jump to their cell. The state is built here and printed
 * into the page as JSON (Sidebar.html parses it with the shared schema).
 */
/** Not submitted and past the deadline in force: “Quá hạn”, whatever the stored state says. */
function badgeOf(target: Target, nowMs: number): SidebarTarget['badge'] {
  if (target.state === 'not_submitted' && Date.parse(target.deadline) < nowMs) return { label: OVERDUE_LABEL, tone: 'overdue' };
  return { label: stateLabelOf(target), tone: target.state };
}

function sidebarTarget(target: Target): SidebarTarget {
  return {
    year: target.year,
    orgId: target.orgId,
    orgName: target.orgName,
    blocName: target.blocName,
    stateLabel: stateLabelOf(target),
    badge: badgeOf(target, Date.now()),
    deadline: target.deadline,
    deadlineText: target.deadlineText,
    canSubmit: target.canSubmit,
    lockMessage: target.lockMessage,
    lastSubmission: target.lastSubmission
      ? {
          atText: formatInstant(target.lastSubmission.at, target.timeZone),
          by: target.lastSubmission.by,
          submissionId: target.lastSubmission.submissionId,
          receiptCode: receiptCode(target.lastSubmission.submissionId),
        }
      : null,
  };
}

/** `choose`: offer the organisation and year dropdowns (always when no organisation's sheet is open). */
export function buildState(ctx: SheetContext, notice: Notice | null, issues: readonly Issue[] | null, nextStep?: NextStep, choose = ctx.target === null): SidebarState {
  const errors = issues?.filter((i) => i.severity === 'error').length ?? 0;
  const groups = issues ? groupIssues(issues) : [];
  return {
    sheetName: ctx.sheet.getName(),
    serverConfigured: serverUrl() !== null,
    nextStep: nextStep ?? (choose ? 'create' : 'check'),
    support: supportContact(),
    choices: choose ? readJson(documentStore(), KEYS.choices, cachedChoicesSchema) : null,
    target: ctx.target ? sidebarTarget(ctx.target) : null,
    notice,
    issues: issues
      ? {
          errors,
          warnings: issues.length - errors,
          list: groups.slice(0, SIDEBAR_ISSUE_LIMIT),
          more: Math.max(0, groups.length - SIDEBAR_ISSUE_LIMIT),
        }
      : null,
  };
}

export function showSidebar(state: SidebarState): void {
  const template = HtmlService.createTemplateFromFile('Sidebar');
  template.stateJson = jsonForHtml(state);
  // Included raw: the built script is not a template, so its text is never read as scriptlets.
  template.script = HtmlService.createHtmlOutputFromFile('SidebarScript').getContent();
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(SIDEBAR_TITLE));
}

/** Re-reads the organisation's state from the server (one request); offline, the cached one. */
export function refreshedState(): SidebarState {
  const ctx = activeContext();
  if (serverUrl() === null) return buildState(ctx, null, null);
  if (!ctx.target) {
    // No organisation's sheet open: learn the account's roles (the menu is built from them) and
    // the organisations and years it may choose from (the sidebar's dropdowns).
    const status = fetchStatus();
    if (status.ok) rememberStatus(status.data);
    return buildState(ctx, null, null);
  }
  const reply = fetchStatus(ctx.target.year);
  if (!reply.ok) return buildState(ctx, { kind: 'warning', ...describeFailure(reply) }, null);
  rememberStatus(reply.data);
  const org = reply.data.orgs.find((o) => o.orgId === ctx.target?.orgId);
  if (org) rememberTarget(ctx.sheet, targetFromStatus(reply.data, org));
  return buildState(activeContext(), null, null);
}

/**
 * The menu's “Tạo bảng đánh giá”: the sidebar in its create view, its dropdowns filled by ONE
 * status call (the organisations this account may submit for, the open years); offline, the
 * choices the last call left.
 */
export function createViewState(): SidebarState {
  const ctx = activeContext();
  if (serverUrl() === null) return buildState(ctx, null, null, 'create', true);
  const status = fetchStatus();
  if (!status.ok) return buildState(ctx, { kind: 'warning', ...describeFailure(status) }, null, 'create', true);
  rememberStatus(status.data);
  return buildState(ctx, null, null, 'create', true);
}

/** google.script.run: jump to the cell of an issue (column null → the row's first cell). */
export function selectCell(sheetName: string, row: number, columnIndex: number | null): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet || !Number.isInteger(row) || row < 1) return;
  const column = columnIndex !== null && Number.isInteger(columnIndex) && columnIndex >= 0 ? columnIndex + 1 : 1;
  sheet.activate();
  sheet.getRange(row, column).activate();
}
