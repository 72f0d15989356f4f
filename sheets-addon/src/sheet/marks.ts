import type { Issue } from '../domain.js';
import { locate } from '../domain.js';
import { COLOURS } from '../texts/labels.js';
import { MARK_PREFIX } from '../texts/sheet.js';

/**
 * The check's marks as whole matrices, written with ONE setBackgrounds and ONE setNotes.
 * Old marks are recognised by their note prefix and fill colour and removed first; a note the
 * secretary (or the template) had on a cell is kept below our message and restored on clear.
 */
export { MARK_PREFIX };
export const NOTE_SEPARATOR = '\n———\n';
const MARK_FILLS: ReadonlySet<string> = new Set([COLOURS.error, COLOURS.warning]);

export type Background = string | null;

export interface SheetPaint {
  readonly backgrounds: Background[][];
  readonly notes: string[][];
}

const isMarkNote = (note: string): boolean => note.startsWith(MARK_PREFIX.error) || note.startsWith(MARK_PREFIX.warning);

/** The note without our mark: what the cell had before it was marked. */
export function unmarkNote(note: string): string {
  if (!isMarkNote(note)) return note;
  const at = note.indexOf(NOTE_SEPARATOR);
  return at < 0 ? '' : note.slice(at + NOTE_SEPARATOR.length);
}

const normalColour = (colour: string): string => colour.toLowerCase();

/**
 * Removes every earlier mark. `restoreFill(row)` gives the fill a marked cell goes back to
 * (the template header's colour on the header row, none elsewhere); rows are 1-based.
 */
export function clearMarks(current: SheetPaint, restoreFill: (row: number) => Background): SheetPaint {
  return {
    backgrounds: current.backgrounds.map((line, r) =>
      line.map((fill) => (fill !== null && MARK_FILLS.has(normalColour(fill)) ? restoreFill(r + 1) : fill)),
    ),
    notes: current.notes.map((line) => line.map(unmarkNote)),
  };
}

/** The message without its “Dòng 7, cột “Xếp loại”: ” prefix: the note sits on that very cell. */
export function cellMessage(issue: Issue): string {
  for (const prefix of [locate(issue.row, issue.column, 'COLUMN_UNKNOWN'), locate(issue.row, issue.column)]) {
    if (prefix !== '' && issue.message.startsWith(prefix)) return issue.message.slice(prefix.length);
  }
  return issue.message;
}

/** Issues that name a cell inside the matrix, grouped by cell, in sheet order. */
export function issuesByCell(issues: readonly Issue[], rows: number, columns: number): Map<string, Issue[]> {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.row === null || issue.columnIndex === null) continue;
    if (issue.row < 1 || issue.row > rows || issue.columnIndex < 0 || issue.columnIndex >= columns) continue;
    const key = `${issue.row}:${issue.columnIndex}`;
    byCell.set(key, [...(byCell.get(key) ?? []), issue]);
  }
  return byCell;
}

/** Clears old marks, then marks every located issue: errors red, warnings (only) yellow. */
export function paintIssues(current: SheetPaint, issues: readonly Issue[], restoreFill: (row: number) => Background): SheetPaint & { marked: number } {
  const cleared = clearMarks(current, restoreFill);
  const rows = cleared.notes.length;
  const columns = cleared.notes[0]?.length ?? 0;
  const byCell = issuesByCell(issues, rows, columns);
  for (const [key, cellIssues] of byCell) {
    const [row, column] = key.split(':').map(Number) as [number, number];
    const hasError = cellIssues.some((i) => i.severity === 'error');
    const text = cellIssues.map((i) => MARK_PREFIX[i.severity] + cellMessage(i)).join('\n');
    const noteLine = cleared.notes[row - 1];
    const fillLine = cleared.backgrounds[row - 1];
    if (!noteLine || !fillLine) continue;
    const original = noteLine[column] ?? '';
    noteLine[column] = original === '' ? text : text + NOTE_SEPARATOR + original;
    fillLine[column] = hasError ? COLOURS.error : COLOURS.warning;
  }
  return { ...cleared, marked: byCell.size };
}
