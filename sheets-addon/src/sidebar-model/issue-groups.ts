import { locate, type Issue } from '../domain.js';
import { cellMessage } from '../sheet/marks.js';
import type { SidebarIssue } from './sidebar-state.js';
import { ISSUE_LIST } from '../texts/page.js';

/**
 * The sidebar's list: issues with the same text in the same column are one entry (“Dòng 3, 7, 9
 * và 37 dòng khác, cột “Xếp loại”: …”), each of its rows still a link to its cell. Header and
 * sheet-wide issues stay as they are. The cell notes are per cell and do not come from here.
 */
export const ROWS_SHOWN = 3;

export function groupIssues(issues: readonly Issue[]): SidebarIssue[] {
  const groups: SidebarIssue[] = [];
  const byKey = new Map<string, { group: SidebarIssue; rows: number[] }>();
  for (const issue of issues) {
    const groupable = issue.row !== null && issue.column !== null && issue.message.startsWith(locate(issue.row, issue.column));
    if (!groupable || issue.row === null || issue.column === null) {
      groups.push({ severity: issue.severity, rows: issue.row === null ? [] : [issue.row], columnIndex: issue.columnIndex, column: null, text: issue.message, moreText: null });
      continue;
    }
    const text = cellMessage(issue);
    const key = `${issue.severity}\u0000${String(issue.columnIndex)}\u0000${issue.column}\u0000${text}`;
    const found = byKey.get(key);
    if (found) {
      found.rows.push(issue.row);
      continue;
    }
    const rows = [issue.row];
    // `locate` quotes (and shortens) the header exactly as the message does.
    const column = locate(null, issue.column).replace(/^Cột /, ISSUE_LIST.columnWord).replace(/: $/, '');
    const group: SidebarIssue = { severity: issue.severity, rows, columnIndex: issue.columnIndex, column, text, moreText: null };
    byKey.set(key, { group, rows });
    groups.push(group);
  }
  return groups.map((g) => (g.column !== null && g.rows.length > ROWS_SHOWN ? { ...g, moreText: ISSUE_LIST.moreRows(g.rows.length - ROWS_SHOWN) } : g));
}

/** The entry as one line of text, as the sidebar shows it (for tests and alerts). */
export function groupText(group: SidebarIssue): string {
  if (group.column === null) return group.text;
  const rows = group.rows.slice(0, ROWS_SHOWN).join(', ') + (group.moreText === null ? '' : ` ${group.moreText}`);
  return `${ISSUE_LIST.rowsPrefix}${rows}, ${group.column}: ${group.text}`;
}
