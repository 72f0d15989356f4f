import type { Cell } from '../domain.js';

/**
 * Sheet values as getValues() returns them → the cells the validator reads and the backend
 * receives. Date cells become “dd/mm/yyyy” text of their calendar day in the spreadsheet's
 * time zone (JSON would turn a Date into a UTC instant, a day early in Vietnam).
 */
export type FormatDay = (date: Date) => string;

/** Across realms (Apps Script, a Node vm) `instanceof Date` is unreliable; the tag is not. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export function toCell(value: unknown, formatDay: FormatDay): Cell {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : formatDay(value);
  return null;
}

export function toCells(values: readonly (readonly unknown[])[], formatDay: FormatDay): Cell[][] {
  return values.map((row) => row.map((value) => toCell(value, formatDay)));
}

/** The day of an instant in a zone given as a fixed UTC offset, for callers without Utilities. */
export function dayAtOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}
