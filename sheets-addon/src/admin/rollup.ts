import { formatPercent } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { fetchStatus } from '../actions/backend.js';
import { rollupNow } from './backend.js';
import { consoleSheetOf, alert, failed } from './console-sheet.js';
import { ROLLUP_TEXTS as T, SUMMARY_KEY } from './labels.js';

/** “Cập nhật bảng tổng hợp ngay” (runRollup, the answer shown) and “Mở bảng tổng hợp” (a link that opens the summary). */
export function rollup(): Notice {
  const meta = consoleSheetOf(SpreadsheetApp.getActiveSpreadsheet().getActiveSheet());
  const year = meta?.year ?? Number(PropertiesService.getDocumentProperties().getProperty('lastYear'));
  const reply = rollupNow(Number.isInteger(year) && year >= 2000 ? year : new Date().getFullYear());
  if (!reply.ok) return failed(reply);
  const answer = reply.data;
  if (answer.status === 'skipped') return { kind: 'info', title: T.skippedTitle, text: answer.message };
  const h = answer.headline;
  return { kind: 'success', title: T.doneTitle(answer.year), text: T.done(h, formatPercent(h.percent.submitted)) };
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function openSummary(): Notice | null {
  const store = PropertiesService.getUserProperties();
  let id = store.getProperty(SUMMARY_KEY);
  if (id === null) {
    const reply = fetchStatus();
    if (!reply.ok) return failed(reply);
    id = reply.data.summarySpreadsheetId ?? null;
    if (id !== null) store.setProperty(SUMMARY_KEY, id);
  }
  if (id === null) return { kind: 'info', title: T.noSummaryTitle, text: T.noSummary };
  const url = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(id)}/edit`;
  const html = HtmlService.createHtmlOutput(
    `<p><a href="${escape(url)}" target="_blank" rel="noopener">${escape(T.openLink)}</a></p><script>window.open(${JSON.stringify(url)}, '_blank'); google.script.host.close();</script>`,
  )
    .setWidth(320)
    .setHeight(80);
  SpreadsheetApp.getUi().showModalDialog(html, T.dialogTitle);
  return null;
}

export const menuAdminRollup = (): void => { alert(rollup()); };
export const menuOpenSummary = (): void => {
  const notice = openSummary();
  if (notice) alert(notice);
};
