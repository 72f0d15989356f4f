/**
 * Dates and wall-clock times typed by an admin, read in the bloc's zone, without luxon: the
 * add-on bundles this (its “Kiểm tra cấu hình” runs the server's own schema) and Apps Script
 * parses the whole bundle on every menu click, so 70 KB of luxon there is too dear. Intl knows
 * the zones. test/unit/domain/wall-clock.test.ts checks every function against luxon.
 */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 24:00 is the end of the day, as luxon reads it (the next day's 00:00). */
const validTime = (hour: number, minute: number, second: number, fraction: number): boolean =>
  (hour < 24 && minute < 60 && second < 60) || (hour === 24 && minute === 0 && second === 0 && fraction === 0);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let found = formatters.get(zone);
  if (!found) {
    try {
      found = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      return null; // an unknown zone
    }
    formatters.set(zone, found);
  }
  return found;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock time in the zone → the instant (ms); null for an unknown zone. As luxon does: a
 * time that a clock change skips (a DST gap) moves forward by the change.
 */
function instantOf(zone: string, wall: number): number | null {
  const format = formatterFor(zone);
  if (!format) return null;
  const o1 = offsetAt(format, wall);
  let guess = wall - o1;
  const o2 = offsetAt(format, guess);
  if (o1 === o2) return guess;
  guess -= o2 - o1;
  const o3 = offsetAt(format, guess);
  return o2 === o3 ? guess : wall - Math.min(o2, o3);
}

const isoOf = (ms: number): string => new Date(ms).toISOString();

const VN_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** 'dd/MM/yyyy HH:mm' (or an ISO date-time without offset) in the zone, or ISO with an offset → UTC ISO. */
export function parseDeadline(text: string, zone: string): string | null {
  const vn = VN_DATE_TIME.exec(text);
  if (vn) {
    const [day, month, year, hour, minute] = vn.slice(1).map(Number) as [number, number, number, number, number];
    if (!validDay(year, month, day) || !validTime(hour, minute, 0, 0)) return null;
    const at = instantOf(zone, Date.UTC(year, month - 1, day, hour, minute));
    return at === null ? null : isoOf(at);
  }
  const iso = ISO_DATE_TIME.exec(text);
  if (!iso) return null;
  const [year, month, day, hour, minute, second] = iso.slice(1, 7).map((part: string | undefined) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const fraction = Number(`0.${iso[7] ?? '0'}`);
  if (!validDay(year, month, day) || !validTime(hour, minute, second, fraction)) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(fraction * 1000);
  const offset = iso[8];
  if (offset === undefined) {
    const at = instantOf(zone, wall);
    return at === null ? null : isoOf(at);
  }
  if (offset === 'Z') return isoOf(wall);
  const [, sign = '+', hours = '0', minutes = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset) ?? [];
  if (Number(hours) > 23 || Number(minutes) > 59) return null;
  const ms = (Number(hours) * 60 + Number(minutes)) * 60_000;
  return isoOf(sign === '+' ? wall - ms : wall + ms);
}

const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'dd/MM/yyyy' or 'yyyy-mm-dd' → 'yyyy-mm-dd'; undefined when invalid. */
export function parseDay(text: string): string | undefined {
  const vn = VN_DATE.exec(text);
  const parts = vn ? [vn[3], vn[2], vn[1]] : ISO_DATE.exec(text)?.slice(1, 4);
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  return validDay(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}
