import { columnLetter } from '../../../../functions/src/domain/sheet.js';
/** A1 notation ↔ 1-based row/column, as the fakes need it. */
export interface Box {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based, as Apps Script counts columns. */
export const columnLetters = (column: number): string => columnLetter(column - 1);

export function parseA1(a1: string): Box {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1.trim());
  if (!match) throw new Error(`Exception: Range not found: ${a1}`);
  const row = Number(match[2]);
  const column = columnNumber(match[1] ?? 'A');
  const lastRow = match[4] ? Number(match[4]) : row;
  const lastColumn = match[3] ? columnNumber(match[3]) : column;
  return { row: Math.min(row, lastRow), column: Math.min(column, lastColumn), rows: Math.abs(lastRow - row) + 1, columns: Math.abs(lastColumn - column) + 1 };
}

export function toA1(box: Box): string {
  const start = `${columnLetters(box.column)}${box.row}`;
  return box.rows === 1 && box.columns === 1 ? start : `${start}:${columnLetters(box.column + box.columns - 1)}${box.row + box.rows - 1}`;
}
