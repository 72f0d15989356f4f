import { stateLabelOf, type Target } from '../sheet/target.js';
import type { Issue } from '../domain.js';
import { serverUrl } from '../apps-script/http.js';
import { SIDEBAR_TITLE } from '../sidebar-model/labels.js';
import { groupIssues } from '../sidebar-model/issue-groups.js';
import { jsonForHtml, SIDEBAR_ISSUE_LIMIT, type Notice, type SidebarState, type SidebarTarget } from '../sidebar-model/sidebar-state.js';
import { describeFailure, fetchStatus } from './backend.js';
import { activeContext, formatInstant, rememberStatus, rememberTarget, type SheetContext } from './context.js';
import { targetFromStatus } from '../sheet/target.js';

/**
 * The sidebar: organisation, year, state, deadline, last submission, the latest check or
 * send, and a list of issues that jump to their cell. The state is built here and printed
 * into the page as JSON (Sidebar.html parses it with the shared schema).
 */
function sidebarTarget(target: Target): SidebarTarget {
  return {
    year: target.year,
    orgId: target.orgId,
    orgName: target.orgName,
    blocName: target.blocName,
    stateLabel: stateLabelOf(target),
    deadline: target.deadline,
    deadlineText: target.deadlineText,
    canSubmit: target.canSubmit,
    lockMessage: target.lockMessage,
    lastSubmission: target.lastSubmission
      ? { atText: formatInstant(target.lastSubmission.at, target.timeZone), by: target.lastSubmission.by, submissionId: target.lastSubmission.submissionId }
      : null,
  };
}

export function buildState(ctx: SheetContext, notice: Notice | null, issues: readonly Issue[] | null): SidebarState {
  const errors = issues?.filter((i) => i.severity === 'error').length ?? 0;
  const groups = issues ? groupIssues(issues) : [];
  return {
    sheetName: ctx.sheet.getName(),
    serverConfigured: serverUrl() !== null,
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
    // No organisation's sheet open: still learn the account's roles (the menu is built from them).
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

/** google.script.run: jump to the cell of an issue (column null → the row's first cell). */
export function selectCell(sheetName: string, row: number, columnIndex: number | null): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet || !Number.isInteger(row) || row < 1) return;
  const column = columnIndex !== null && Number.isInteger(columnIndex) && columnIndex >= 0 ? columnIndex + 1 : 1;
  sheet.activate();
  sheet.getRange(row, column).activate();
}
