import { parseA1, toA1, type Box } from './a1.js';
import { FakeDataValidation, FakeProtection } from './rules.js';

/**
 * An in-memory Google Sheets: spreadsheets, sheets and ranges over real grids of values,
 * notes, backgrounds and data validations, with frozen rows, column widths and protections.
 * Behaviour follows Apps Script where the add-on depends on it: '' for empty values, '#ffffff'
 * for no fill, size checks on set*(matrix), getDataRange() bounded by the last value.
 */
export const DEFAULT_FILL = '#ffffff';

type Layer<T> = Map<string, T>;
const key = (row: number, column: number): string => `${row}:${column}`;

export class FakeSheet {
  readonly values: Layer<unknown> = new Map();
  readonly notes: Layer<string> = new Map();
  readonly fills: Layer<string> = new Map();
  readonly validations: Layer<FakeDataValidation> = new Map();
  readonly widths = new Map<number, number>();
  readonly protections: FakeProtection[] = [];
  frozenRows = 0;
  maxRows = 1000;
  maxColumns = 26;
  fontWeights: Layer<string> = new Map();
  /** Number formats set on cells ('@' is plain text); absent means automatic. */
  readonly numberFormats: Layer<string> = new Map();

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
    readonly sheetId: number,
  ) {}

  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getParent(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  activate(): this {
    this.spreadsheet.active = this;
    return this;
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertColumnsAfter(_after: number, howMany: number): this {
    this.maxColumns += howMany;
    return this;
  }
  insertRowsAfter(_after: number, howMany: number): this {
    this.maxRows += howMany;
    return this;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setColumnWidth(column: number, width: number): this {
    this.widths.set(column, width);
    return this;
  }
  getColumnWidth(column: number): number {
    return this.widths.get(column) ?? 100;
  }
  getProtections(): FakeProtection[] {
    return [...this.protections];
  }
  getLastRow(): number {
    return this.extent(this.values).rows;
  }
  getLastColumn(): number {
    return this.extent(this.values).columns;
  }
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    const box: Box = typeof rowOrA1 === 'string' ? parseA1(rowOrA1) : { row: rowOrA1, column: column ?? 1, rows, columns };
    if (box.row < 1 || box.column < 1 || box.rows < 1 || box.columns < 1) throw new Error(`Exception: The coordinates of the range are outside the dimensions of the sheet.`);
    if (box.row + box.rows - 1 > this.maxRows || box.column + box.columns - 1 > this.maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, box);
  }
  getDataRange(): FakeRange {
    const { rows, columns } = this.extent(this.values);
    return this.getRange(1, 1, Math.max(rows, 1), Math.max(columns, 1));
  }
  appendRow(values: readonly unknown[]): this {
    const row = this.getLastRow() + 1;
    values.forEach((value, i) => this.put(this.values, row, i + 1, value === '' || value === null ? undefined : value));
    return this;
  }

  /** The last row and column holding something in a layer. */
  extent(layer: Layer<unknown>): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const k of layer.keys()) {
      const [r, c] = k.split(':').map(Number) as [number, number];
      rows = Math.max(rows, r);
      columns = Math.max(columns, c);
    }
    return { rows, columns };
  }
  put<T>(layer: Layer<T>, row: number, column: number, value: T | undefined): void {
    if (value === undefined) layer.delete(key(row, column));
    else layer.set(key(row, column), value);
  }
  get<T>(layer: Layer<T>, row: number, column: number): T | undefined {
    return layer.get(key(row, column));
  }
}

function checkSize(box: Box, matrix: readonly (readonly unknown[])[]): void {
  if (matrix.length !== box.rows) {
    throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${matrix.length} but the range has ${box.rows}.`);
  }
  for (const line of matrix) {
    if (line.length !== box.columns) {
      throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${box.columns}.`);
    }
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}
  private read<T>(layer: Layer<T>, empty: T): T[][] {
    return Array.from({ length: this.box.rows }, (_, r) =>
      Array.from({ length: this.box.columns }, (_, c) => this.sheet.get(layer, this.box.row + r, this.box.column + c) ?? empty),
    );
  }
  private write<T>(layer: Layer<T>, matrix: readonly (readonly unknown[])[], accept: (value: unknown) => T | undefined): this {
    checkSize(this.box, matrix);
    matrix.forEach((line, r) => line.forEach((value, c) => this.sheet.put(layer, this.box.row + r, this.box.column + c, accept(value))));
    return this;
  }
  private fill<T>(layer: Layer<T>, value: unknown, accept: (value: unknown) => T | undefined): this {
    return this.write(layer, Array.from({ length: this.box.rows }, () => Array.from({ length: this.box.columns }, () => value)), accept);
  }
  getRow(): number {
    return this.box.row;
  }
  getColumn(): number {
    return this.box.column;
  }
  getNumRows(): number {
    return this.box.rows;
  }
  getNumColumns(): number {
    return this.box.columns;
  }
  getA1Notation(): string {
    return toA1(this.box);
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  getValues(): unknown[][] {
    return this.read<unknown>(this.sheet.values, '');
  }
  setValues(values: readonly (readonly unknown[])[]): this {
    return this.write(this.sheet.values, values, acceptValue);
  }
  getValue(): unknown {
    return this.getValues()[0]?.[0] ?? '';
  }
  setValue(value: unknown): this {
    return this.fill(this.sheet.values, value, acceptValue);
  }
  getNotes(): string[][] {
    return this.read(this.sheet.notes, '');
  }
  setNotes(notes: readonly (readonly unknown[])[]): this {
    return this.write(this.sheet.notes, notes, acceptText);
  }
  setNote(note: string | null): this {
    return this.fill(this.sheet.notes, note, acceptText);
  }
  getBackgrounds(): string[][] {
    return this.read(this.sheet.fills, DEFAULT_FILL);
  }
  setBackgrounds(colours: readonly (readonly unknown[])[]): this {
    return this.write(this.sheet.fills, colours, acceptColour);
  }
  setBackground(colour: string | null): this {
    return this.fill(this.sheet.fills, colour, acceptColour);
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.read<FakeDataValidation | null>(this.sheet.validations, null);
  }
  setDataValidations(rules: readonly (readonly unknown[])[]): this {
    return this.write(this.sheet.validations, rules, acceptRule);
  }
  setDataValidation(rule: unknown): this {
    return this.fill(this.sheet.validations, rule, acceptRule);
  }
  setNumberFormat(format: string): this {
    return this.fill(this.sheet.numberFormats, format, acceptText);
  }
  setNumberFormats(formats: readonly (readonly unknown[])[]): this {
    return this.write(this.sheet.numberFormats, formats, acceptText);
  }
  getNumberFormats(): string[][] {
    return this.read(this.sheet.numberFormats, '');
  }
  setFontWeight(weight: string): this {
    return this.fill(this.sheet.fontWeights, weight, acceptText);
  }
  setWrap(_wrap: boolean): this {
    return this;
  }
  setVerticalAlignment(_alignment: string): this {
    return this;
  }
  protect(): FakeProtection {
    const protection = new FakeProtection(this);
    this.sheet.protections.push(protection);
    return protection;
  }
  activate(): this {
    this.sheet.activate();
    this.sheet.spreadsheet.activeRange = this;
    return this;
  }
}

function acceptValue(value: unknown): unknown {
  return value === '' || value === null || value === undefined ? undefined : value;
}
function acceptText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
function acceptColour(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value.toLowerCase() !== DEFAULT_FILL ? value.toLowerCase() : undefined;
}
function acceptRule(value: unknown): FakeDataValidation | undefined {
  return value instanceof FakeDataValidation ? value : undefined;
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  active: FakeSheet;
  activeRange: FakeRange | null = null;
  readonly toasts: { title: string; text: string }[] = [];
  private nextId = 0;
  constructor(
    readonly name: string,
    readonly timeZone: string,
  ) {
    this.active = this.insertSheet('Trang tính1');
  }
  getId(): string {
    return 'fake-spreadsheet-id';
  }
  getName(): string {
    return this.name;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.getName() === name) ?? null;
  }
  getActiveSheet(): FakeSheet {
    return this.active;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.active = sheet;
    return sheet;
  }
  insertSheet(name: string, index?: number): FakeSheet {
    if (this.getSheetByName(name)) throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name, this.nextId++ === 0 ? 0 : 1_000_000 + this.nextId);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    return sheet;
  }
  toast(text: string, title = '', _seconds?: number): void {
    this.toasts.push({ title, text });
  }
}
