import type { Target } from '../sheet/target.js';
import { rosterRows } from '../sheet/roster-rows.js';
import { fetchCarryOver } from './backend.js';
import { carriedText, carryOverQuestion } from '../texts/labels.js';

/**
 * “Tạo bảng đánh giá” offers to start from the organisation's accepted list of the previous
 * year (and of the organisations merged into it): who each member is is copied, the year's
 * evaluation columns stay empty. ONE request, ONE question, ONE setValues.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  return carriedText(rows.length, answer.fromYear);
}
