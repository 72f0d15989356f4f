import { describe, expect, it } from 'vitest';
import { dayAtOffset, toCells } from '../../../sheets-addon/src/sheet/cells.js';
import { clearMarks, MARK_PREFIX, NOTE_SEPARATOR, paintIssues, unmarkNote } from '../../../sheets-addon/src/sheet/marks.js';
import { acceptedStatuses, placeStatusColumn, rejectedStatuses, statusColumn } from '../../../sheets-addon/src/sheet/status-column.js';
import { templateColumns } from '../../../sheets-addon/src/sheet/template.js';
import { LOG_HEADERS, receiptRow } from '../../../sheets-addon/src/sheet/receipt.js';
import { ruleSettingsFor } from '../../../functions/src/domain/schema.js';
import { deadlineCountdown } from '../../../sheets-addon/src/sidebar-model/countdown.js';
import { COLOURS, ROW_STATUS_LABELS } from '../../../sheets-addon/src/texts/labels.js';
import { FIELDS } from '../../../functions/src/domain/fields.js';
import { RATING, YES_NO } from '../../../functions/src/domain/enums.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { grid, validRows } from '../../fixtures/sheet-grid.js';

const VIETNAM = 7 * 60;
const vnDay = (date: Date) => dayAtOffset(date, VIETNAM);

describe('cells: what getValues() gives → what the validator and the backend read', () => {
  it('turns Date cells into their calendar day in the sheet time zone, not the UTC day', () => {
    // A date cell “15/03/1985” in a Vietnam-time spreadsheet is 1985-03-15T00:00+07:00 = 14/03 17:00 UTC.
    const midnightInVietnam = new Date(Date.UTC(1985, 2, 14, 17, 0));
    expect(JSON.stringify(midnightInVietnam)).toContain('1985-03-14');
    expect(toCells([[midnightInVietnam, 'Nam', 80, true, '']], vnDay)).toEqual([['15/03/1985', 'Nam', 80, true, '']]);
  });

  it('drops what JSON cannot carry: NaN, Infinity, invalid dates, undefined', () => {
    expect(toCells([[Number.NaN, Infinity, new Date(Number.NaN), undefined]], vnDay)).toEqual([[null, null, null, null]]);
  });

  it('a converted sheet validates exactly like the text one', () => {
    const values: unknown[][] = grid(validRows(1));
    const admission = FIELDS.findIndex((f) => f.key === 'admissionDate');
    values[1]![admission] = new Date(Date.UTC(2010, 1, 2, 17)); // 03/02/2010 00:00 in Vietnam
    const result = validateSheet(toCells(values, vnDay), { year: 2025 });
    expect(result.ok).toBe(true);
    expect(result.rows[0]?.evaluation.admissionDate).toBe('2010-02-03');
  });
});

describe('marks: backgrounds and notes matrices from issues', () => {
  const blank = (rows: number, columns: number) => ({
    backgrounds: Array.from({ length: rows }, () => Array.from({ length: columns }, (): string | null => '#ffffff')),
    notes: Array.from({ length: rows }, () => Array.from({ length: columns }, () => '')),
  });
  const issue = (severity: 'error' | 'warning', row: number | null, columnIndex: number | null, column: string | null, text: string) => ({
    severity,
    code: 'VALUE_REQUIRED' as const,
    row,
    column,
    columnIndex,
    message: `Dòng ${row}, cột “${column}”: ${text}`,
  });

  it('marks each located cell once: errors red, warnings yellow, messages without their location', () => {
    const painted = paintIssues(
      blank(4, 3),
      [issue('error', 2, 1, 'Họ và tên', 'Chưa nhập.'), issue('warning', 2, 1, 'Họ và tên', 'Xem lại.'), issue('warning', 3, 2, 'Nêu gương', 'Thấp.')],
      () => null,
    );
    expect(painted.marked).toBe(2);
    expect(painted.backgrounds[1]).toEqual(['#ffffff', COLOURS.error, '#ffffff']);
    expect(painted.backgrounds[2]).toEqual(['#ffffff', '#ffffff', COLOURS.warning]);
    expect(painted.notes[1]?.[1]).toBe(`${MARK_PREFIX.error}Chưa nhập.\n${MARK_PREFIX.warning}Xem lại.`);
    expect(painted.notes[2]?.[2]).toBe(`${MARK_PREFIX.warning}Thấp.`);
  });

  it('skips issues without a cell (whole-sheet, missing column) and outside the area', () => {
    const painted = paintIssues(blank(2, 2), [issue('error', null, null, null, 'x'), issue('error', 1, null, 'Điểm', 'x'), issue('error', 9, 0, 'STT', 'x')], () => null);
    expect(painted.marked).toBe(0);
  });

  it('keeps a note the cell already had under the mark, and clearing restores it and the fill', () => {
    const current = blank(2, 2);
    current.notes[0]![1] = 'Ghi chú mẫu của cột';
    current.backgrounds[0]![1] = COLOURS.header;
    const painted = paintIssues(current, [issue('warning', 1, 1, 'Hạng', 'lạ')], () => null);
    expect(painted.notes[0]?.[1]).toBe(`${MARK_PREFIX.warning}lạ${NOTE_SEPARATOR}Ghi chú mẫu của cột`);
    const cleared = clearMarks(painted, (row) => (row === 1 ? COLOURS.header : null));
    expect(cleared.notes[0]?.[1]).toBe('Ghi chú mẫu của cột');
    expect(cleared.backgrounds[0]?.[1]).toBe(COLOURS.header);
    expect(unmarkNote('Ghi chú riêng')).toBe('Ghi chú riêng');
  });

  it('repainting clears the old marks first: a fixed cell loses its fill and note', () => {
    const first = paintIssues(blank(3, 2), [issue('error', 2, 0, 'STT', 'x')], () => null);
    const second = paintIssues(first, [issue('error', 3, 1, 'Họ và tên', 'y')], () => null);
    expect(second.backgrounds[1]?.[0]).toBeNull();
    expect(second.notes[1]?.[0]).toBe('');
    expect(second.backgrounds[2]?.[1]).toBe(COLOURS.error);
  });
});

describe('status column: the answer → “Trạng thái”', () => {
  it('finds the existing column by name (any case, diacritics) or places it after the data', () => {
    expect(placeStatusColumn(['STT', 'Họ và tên', 'TRANG THAI'], 3)).toBe(2);
    expect(placeStatusColumn(['STT', 'Họ và tên'], 5)).toBe(5);
  });

  it('labels each listed row in Vietnamese, blank rows stay blank, from the header row down', () => {
    const column = statusColumn(1, 5, acceptedStatuses([{ row: 2, status: 'imported' }, { row: 3, status: 'updated' }, { row: 5, status: 'unchanged' }]));
    expect(column.values).toEqual([['Trạng thái'], ['Mới thêm'], ['Đã cập nhật'], [''], ['Không đổi']]);
    expect(column.fills).toEqual([COLOURS.statusHeader, COLOURS.imported, COLOURS.updated, null, null]);
  });

  it('a refused sheet: rejected rows and, since nothing was written, every other listed row', () => {
    const statuses = rejectedStatuses([2, 3, 4], [3]);
    expect(statusColumn(1, 4, statuses).values.flat()).toEqual(['Trạng thái', ROW_STATUS_LABELS.not_recorded, 'Bị từ chối', 'Chưa ghi nhận']);
  });
});

describe('template: the validator’s own columns and lists', () => {
  const columns = templateColumns(['Xuất sắc', 'Tốt', 'Chưa tốt']);
  it('has every field header, width and note in order, then “Trạng thái”', () => {
    expect(columns.map((c) => c.header)).toEqual([...FIELDS.map((f) => f.header), 'Trạng thái']);
    expect(columns.map((c) => c.width).slice(0, FIELDS.length)).toEqual(FIELDS.map((f) => f.width));
    expect(columns[1]?.note).toBe(`${FIELDS[1]?.note} (Bắt buộc.)`);
  });
  it('dropdowns come from the enumerations, the bloc scale and Có/Không; the score is 0–100', () => {
    const rule = (header: string) => columns.find((c) => c.header === header)?.rule;
    expect(rule('Xếp loại')).toEqual({ type: 'list', values: RATING.choices.map((c) => c.label) });
    expect(rule('Nêu gương')).toEqual({ type: 'list', values: ['Xuất sắc', 'Tốt', 'Chưa tốt'] });
    expect(rule('Lãnh đạo, quản lý')).toEqual({ type: 'list', values: YES_NO.choices.map((c) => c.label) });
    expect(rule('Điểm')).toEqual({ type: 'number', min: 0, max: 100 });
    expect(rule('Họ và tên')).toBeNull();
  });
});

describe('receipts, settings, countdown', () => {
  it('a receipt row fills every log column', () => {
    const row = receiptRow({ atText: '10/01/2026 09:30', year: 2025, orgName: 'Chi bộ A', submissionId: 'abc', result: 'accepted', counts: { listed: 3, imported: 3 }, by: 'a@b.vn', note: '' });
    expect(row).toHaveLength(LOG_HEADERS.length);
    expect(row.slice(0, 7)).toEqual(['10/01/2026 09:30', 2025, 'Chi bộ A', 'abc', 'Đã ghi nhận', 3, 3]);
    expect(row[7]).toBe('');
  });
  it('offline settings: the cached year settings, else that year’s defaults', () => {
    expect(ruleSettingsFor(2024, null, null)).toEqual({ year: 2024, exemplaryScale: ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'] });
  });
  it('counts down to the deadline and past it', () => {
    const deadline = '2026-01-15T17:00:00+07:00';
    const at = (iso: string) => Date.parse(iso);
    expect(deadlineCountdown(deadline, at('2026-01-12T13:00:00+07:00'))).toEqual({ text: 'Còn 3 ngày 4 giờ', overdue: false });
    expect(deadlineCountdown(deadline, at('2026-01-15T15:30:00+07:00'))).toEqual({ text: 'Còn 1 giờ 30 phút', overdue: false });
    expect(deadlineCountdown(deadline, at('2026-01-17T17:00:00+07:00'))).toEqual({ text: 'Đã quá hạn 2 ngày', overdue: true });
    expect(deadlineCountdown('không phải ngày', 0)).toBeNull();
  });
});
