import type { AuditEntryView } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { fetchAudit } from './backend.js';
import { alert, askYear, consoleSheet, consoleSheetOf, failed, headerFills, writeGrid } from './console-sheet.js';
import { AUDIT_TEXTS as T, auditSheetName, CANCELLED_TITLE } from './labels.js';

/**
 * “Nhật ký”: the audit trail of one organisation or the whole bloc, newest first, in the sheet
 * “Nhật ký N”, read page by page from adminAudit (read-only) up to a bound.
 */
const PAGE_SIZE = 200;
const MAX_PAGES = 5;
export const AUDIT_HEADERS = T.headers;

/** The year of the active console sheet, or asked. */
export function consoleYear(title: string): number | null {
  const meta = consoleSheetOf(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet());
  return meta?.year ?? askYear(SpreadsheetApp.getUi(), title);
}

export function showAudit(): Notice {
  const ui = SpreadsheetApp.getUi();
  const year = consoleYear(T.askYear);
  if (year === null) return { kind: 'info', title: CANCELLED_TITLE, text: T.notLoaded };
  const reply = ui.prompt(T.promptTitle, T.prompt(year), ui.ButtonSet.OK_CANCEL);
  if (reply.getSelectedButton() !== ui.Button.OK) return { kind: 'info', title: CANCELLED_TITLE, text: T.notLoaded };
  const orgId = reply.getResponseText().trim();
  const entries: AuditEntryView[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const page = fetchAudit({ year, pageSize: PAGE_SIZE, ...(orgId === '' ? {} : { orgId }), ...(token === null ? {} : { pageToken: token }) });
    if (!page.ok) return failed(page);
    entries.push(...page.data.entries);
    token = page.data.nextPageToken;
    pages++;
  } while (token !== null && pages < MAX_PAGES);
  const timeZone = Session.getScriptTimeZone();
  const title = T.title(year, orgId, token === null ? null : entries.length);
  const values: unknown[][] = [
    [title],
    [...AUDIT_HEADERS],
    ...entries.map((e) => [Utilities.formatDate(new Date(e.at), timeZone, 'dd/MM/yyyy HH:mm:ss'), e.orgName ?? e.orgId ?? T.wholeBloc, e.actionLabel, e.by, e.reason ?? '', e.detail]),
  ];
  const sheet = consoleSheet(auditSheetName(year), { kind: 'audit', year, timeZone });
  writeGrid(sheet, { values, fills: headerFills(values.length, AUDIT_HEADERS.length, [2]) });
  sheet.setFrozenRows(2);
  sheet.activate();
  return { kind: 'success', title: T.loadedTitle, text: T.loaded(entries.length, pages, sheet.getName()) };
}

export const menuAdminAudit = (): void => {
  const notice = showAudit();
  if (notice.kind !== 'success') alert(notice);
  else SpreadsheetApp.getActiveSpreadsheet().toast(notice.text, notice.title, 10);
};
