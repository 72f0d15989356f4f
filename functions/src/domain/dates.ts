/**
 * Calendar dates without a clock or time zone library: the validator also runs inside Apps
 * Script. Dates are ISO “yyyy-mm-dd” strings; Vietnam has no daylight saving, so a fixed
 * +07:00 offset turns an instant into the bloc's calendar date.
 */
const SHEET_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian: 1900 and 2100 are no leap years, 2000 is. */
const daysInMonth = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);

/** Callers pass integers (digits read from text, or a serial's calendar fields). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  return day > daysInMonth(year, month) ? null : `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** A Google Sheets / Excel date serial (days since 30/12/1899) → ISO date. */
export function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80_000) return null;
  const date = new Date(SHEET_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Text dates the bloc's files contain: dd/mm/yyyy (also with “-” or “.”, one-digit day or
 * month), yyyy-mm-dd, and a JSON-serialised sheet date (an instant, read in Vietnam time).
 */
export function parseDateText(text: string): string | null {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return null;
    const local = new Date(ms + VIETNAM_OFFSET_MS);
    return isoDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
  }
  return null;
}

/** The same calendar day `months` months earlier (clamped to the month's last day). */
export function minusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}
