import { DateTime } from 'luxon';

/**
 * Time arithmetic for the rollup, all in the bloc's zone (Asia/Ho_Chi_Minh): instants are ISO
 * strings with an offset, passed in by the caller (no clock here).
 */
function inZone(iso: string, zone: string): DateTime {
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  if (!dt.isValid) throw new Error(`invalid instant ${iso} in zone ${zone}: ${dt.invalidExplanation ?? ''}`);
  return dt;
}

/** “on time” = at or before the deadline instant. */
export function isOnOrBefore(at: string, deadline: string): boolean {
  return DateTime.fromISO(at).toMillis() <= DateTime.fromISO(deadline).toMillis();
}

/**
 * Calendar days from `from` to `to` in the zone: 0 on the same local day, 1 when `to` is the
 * next local day (even one minute later across midnight), negative when `to` is earlier.
 */
export function calendarDaysBetween(from: string, to: string, zone: string): number {
  const a = inZone(from, zone).startOf('day');
  const b = inZone(to, zone).startOf('day');
  return Math.round(b.diff(a, 'days').days);
}

/** “dd/MM/yyyy HH:mm” in the zone. */
export function formatDateTime(iso: string, zone: string): string {
  return inZone(iso, zone).toFormat('dd/MM/yyyy HH:mm');
}

/** The local wall-clock parts in the zone, for sentences (“17:00 ngày 15/01/2025”). */
export function localParts(iso: string, zone: string): { date: string; time: string } {
  const dt = inZone(iso, zone);
  return { date: dt.toFormat('dd/MM/yyyy'), time: dt.toFormat('HH:mm') };
}

const SHEET_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A spreadsheet date-time serial (days since 30/12/1899) of the local wall-clock time. */
export function toSheetSerial(iso: string, zone: string): number {
  const dt = inZone(iso, zone);
  const wall = Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second);
  return (wall - SHEET_EPOCH_MS) / DAY_MS;
}

/** The inverse of toSheetSerial, rendered “dd/MM/yyyy HH:mm” (to the nearest minute). */
export function formatSheetSerial(serial: number): string {
  const minutes = Math.round((serial * DAY_MS) / 60_000);
  return DateTime.fromMillis(SHEET_EPOCH_MS + minutes * 60_000, { zone: 'UTC' }).toFormat('dd/MM/yyyy HH:mm');
}
