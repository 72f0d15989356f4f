import type { sheets_v4 } from '@googleapis/sheets';
import type { SummaryCell, SummaryTab } from '../domain/summary-model.js';
import { isPlain, lookOf, numberFormatOf, placeCells, rgbOf, usedColumns } from './render.js';

/** The format a cell is given (null: none). Exported for the tests that check the ranges against it. */
export function cellFormatOf(cell: SummaryCell): sheets_v4.Schema$CellFormat | null {
  const look = lookOf(cell);
  const number = numberFormatOf(cell);
  const format: sheets_v4.Schema$CellFormat = {};
  if (number) format.numberFormat = { type: number.type, pattern: number.pattern };
  if (!isPlain(look)) {
    const text: sheets_v4.Schema$TextFormat = {};
    if (look.bold) text.bold = true;
    if (look.italic) text.italic = true;
    if (look.fontSize !== null) text.fontSize = look.fontSize;
    if (Object.keys(text).length > 0) format.textFormat = text;
    if (look.wrap) format.wrapStrategy = 'WRAP';
    if (look.center) format.horizontalAlignment = 'CENTER';
    if (look.background !== null) {
      const { red, green, blue } = rgbOf(look.background);
      format.backgroundColorStyle = { rgbColor: { red: red / 255, green: green / 255, blue: blue / 255 } };
    }
  }
  return Object.keys(format).length > 0 ? format : null;
}

/**
 * Formats by ranges (a per-cell format made the body 2,4 MB at 1.000 organisations). A cell's
 * format is two independent layers, each sent with its own field mask so they never overwrite
 * each other: its number format (which depends on its value: “0%” or “0.0%”) and its look
 * (text format, wrap, alignment, fill). Per layer and column, the most common format is painted
 * over the column's whole extent, then the cells that differ as runs of rows; equal ranges of
 * adjacent columns are joined. A cell where a format is invisible is a wildcard that runs
 * through: a number format on a cell without a number, a look without fill on an empty cell,
 * anything on a cell hidden by a merge. The tab is cleared first (`updateCells` `*`).
 */
type Slot = { readonly key: string } | { readonly wildcard: true; readonly accepts: (key: string) => boolean };

interface Layer {
  readonly fields: string;
  /** The key of a cell's format in this layer ('' = none), or its wildcard. */
  slot(cell: SummaryCell | undefined, covered: boolean): Slot;
  format(key: string): sheets_v4.Schema$CellFormat;
}

const ANY: Slot = { wildcard: true, accepts: () => true };
const NO_FILL: Slot = { wildcard: true, accepts: (key) => !FILLED.has(key) };
const isEmpty = (cell: SummaryCell): boolean => cell.value === null || cell.value === '';

const NUMBER_LAYER: Layer = {
  fields: 'userEnteredFormat.numberFormat',
  slot(cell) {
    const number = cell ? numberFormatOf(cell) : null;
    return number ? { key: `${number.type}|${number.pattern}` } : ANY;
  },
  format(key) {
    const [type = '', pattern = ''] = key.split('|');
    return key === '' ? {} : { numberFormat: { type, pattern } };
  },
};

/** A cell's look depends only on these (render.ts, lookOf): the key, and its format built once per key. */
const lookKey = (cell: SummaryCell): string =>
  `${cell.style ?? ''}|${cell.bold ? 'b' : ''}${cell.italic ? 'i' : ''}${cell.wrap ? 'w' : ''}${cell.center === undefined ? '' : cell.center ? 'c' : 'l'}`;
const looks = new Map<string, sheets_v4.Schema$CellFormat | null>();
function lookOfKey(key: string, cell: SummaryCell): sheets_v4.Schema$CellFormat | null {
  if (!looks.has(key)) looks.set(key, lookFormatOf(cell));
  return looks.get(key) ?? null;
}
const FILLED = new Set<string>();

const LOOK_LAYER: Layer = {
  fields: 'userEnteredFormat.textFormat,userEnteredFormat.wrapStrategy,userEnteredFormat.horizontalAlignment,userEnteredFormat.backgroundColorStyle',
  slot(cell, covered) {
    if (covered) return ANY;
    const key = cell ? lookKey(cell) : '';
    const look = cell ? lookOfKey(key, cell) : null;
    if (look === null && (cell === undefined || isEmpty(cell))) return NO_FILL;
    if (look === null) return { key: '' };
    if (look.backgroundColorStyle) FILLED.add(key);
    return { key };
  },
  format: (key) => (key === '' ? {} : (looks.get(key) ?? {})),
};

function lookFormatOf(cell: SummaryCell): sheets_v4.Schema$CellFormat | null {
  const format = cellFormatOf({ ...cell, value: null });
  if (format === null) return null;
  const look: sheets_v4.Schema$CellFormat = { ...format };
  delete look.numberFormat;
  return Object.keys(look).length > 0 ? look : null;
}

export interface FormatRange {
  readonly fields: string;
  readonly format: sheets_v4.Schema$CellFormat;
  readonly startRow: number;
  readonly endRow: number;
  readonly startCol: number;
  endCol: number;
}

interface ColumnRun {
  readonly key: string;
  readonly startRow: number;
  readonly endRow: number;
}

/** One column of one layer: its base (the most common key over its extent) and the runs that differ. */
function columnRuns(slots: readonly Slot[]): { base: ColumnRun | null; overrides: ColumnRun[] } {
  const keyed = slots.flatMap((slot, row) => ('key' in slot ? [{ row, key: slot.key }] : []));
  const first = keyed[0];
  const last = keyed.at(-1);
  if (!first || !last) return { base: null, overrides: [] };
  const frequency = new Map<string, number>();
  for (const { key } of keyed) frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const baseKey = [...frequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
  const overrides: ColumnRun[] = [];
  let open: { key: string; startRow: number; endRow: number } | null = null;
  const close = (): void => {
    if (open) overrides.push(open);
    open = null;
  };
  for (let row = first.row; row <= last.row; row++) {
    const slot = slots[row] ?? ANY;
    // What this row must end with: its own key, or for a wildcard the base (if it does not mind) or nothing.
    const need = 'key' in slot ? slot.key : slot.accepts(baseKey) ? null : '';
    if (need === null || need === baseKey) {
      if (open !== null && 'wildcard' in slot && slot.accepts((open as ColumnRun).key)) continue; // a run may pass a wildcard
      close();
      continue;
    }
    if (open !== null && (open as ColumnRun).key === need) {
      (open as { endRow: number }).endRow = row + 1;
      continue;
    }
    close();
    open = { key: need, startRow: row, endRow: row + 1 };
  }
  close();
  return { base: { key: baseKey, startRow: first.row, endRow: last.row + 1 }, overrides };
}

export function formatRanges(tab: SummaryTab): FormatRange[] {
  const columns = usedColumns(tab);
  const placed = tab.rows.map((row) => {
    const cells = new Map<number, SummaryCell>();
    const covered = new Set<number>();
    for (const { col, cell } of placeCells(row)) {
      cells.set(col, cell);
      for (let c = col + 1; c < col + Math.max(1, cell.span ?? 1); c++) covered.add(c);
    }
    return { cells, covered };
  });
  const ranges: FormatRange[] = [];
  for (const layer of [NUMBER_LAYER, LOOK_LAYER]) {
    // Per kind, the ranges still growing (by rows and key) and those done; every base before any override.
    const kinds = { base: { growing: new Map<string, FormatRange>(), done: [] as FormatRange[] }, override: { growing: new Map<string, FormatRange>(), done: [] as FormatRange[] } };
    const add = (kind: keyof typeof kinds, run: ColumnRun, col: number): void => {
      const { growing, done } = kinds[kind];
      const id = `${run.startRow}:${run.endRow}:${run.key}`;
      const found = growing.get(id);
      if (found && found.endCol === col) {
        found.endCol = col + 1;
        return;
      }
      if (found) done.push(found);
      growing.set(id, { fields: layer.fields, format: layer.format(run.key), startRow: run.startRow, endRow: run.endRow, startCol: col, endCol: col + 1 });
    };
    for (let col = 0; col < columns; col++) {
      const slots = placed.map(({ cells, covered }) => layer.slot(cells.get(col), covered.has(col)));
      const { base, overrides } = columnRuns(slots);
      // An empty base needs no paint: the tab was cleared.
      if (base && base.key !== '') add('base', base, col);
      for (const run of overrides) add('override', run, col);
    }
    for (const kind of [kinds.base, kinds.override]) ranges.push(...kind.done, ...kind.growing.values());
  }
  return ranges;
}
