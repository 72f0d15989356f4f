import { fold, STATUS_HEADER, type Cell } from '../domain.js';
import { COLOURS, ROW_STATUS_LABELS, type RowStatus } from '../texts/labels.js';
import type { Background } from './marks.js';

/**
 * The “Trạng thái” column: where it is (or goes), and its values and fills after a send,
 * written from the header row down with ONE setValues (the fills join the one setBackgrounds).
 */
export function statusColumnIndex(headerCells: readonly Cell[]): number | null {
  const wanted = fold(STATUS_HEADER);
  const index = headerCells.findIndex((cell) => typeof cell === 'string' && fold(cell) === wanted);
  return index < 0 ? null : index;
}

/** The existing column, or the first one right of the data. */
export function placeStatusColumn(headerCells: readonly Cell[], width: number): number {
  return statusColumnIndex(headerCells) ?? width;
}

const FILLS: Readonly<Record<RowStatus, Background>> = {
  imported: COLOURS.imported,
  updated: COLOURS.updated,
  unchanged: null,
  rejected: COLOURS.rejected,
  not_recorded: COLOURS.notRecorded,
};

export interface StatusColumn {
  /** Values from the header row to `lastRow`, one per row: header, then a label or ''. */
  readonly values: string[][];
  readonly fills: Background[];
}

export function statusColumn(headerRow: number, lastRow: number, statuses: ReadonlyMap<number, RowStatus>): StatusColumn {
  const values: string[][] = [[STATUS_HEADER]];
  const fills: Background[] = [COLOURS.statusHeader];
  for (let row = headerRow + 1; row <= lastRow; row++) {
    const status = statuses.get(row);
    values.push([status ? ROW_STATUS_LABELS[status] : '']);
    fills.push(status ? FILLS[status] : null);
  }
  return { values, fills };
}

/** 200: each listed row's status as the backend reports it. */
export function acceptedStatuses(rows: readonly { row: number; status: RowStatus }[]): Map<number, RowStatus> {
  return new Map(rows.map((r) => [r.row, r.status]));
}

/** 422: the rejected rows, and every other listed row was not recorded either (all or nothing). */
export function rejectedStatuses(listedRows: readonly number[], rejectedRows: readonly number[]): Map<number, RowStatus> {
  const rejected = new Set(rejectedRows);
  return new Map(listedRows.map((row) => [row, rejected.has(row) ? 'rejected' : 'not_recorded']));
}
