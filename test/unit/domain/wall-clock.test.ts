import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDay, parseDeadline } from '../../../functions/src/domain/wall-clock.js';

/** What the server read with luxon before (domain/year-config.ts), kept here as the reference. */
function luxonDeadline(text: string, zone: string): string | null {
  const local = DateTime.fromFormat(text, 'd/M/yyyy H:mm', { zone });
  if (local.isValid) return local.toUTC().toISO();
  const iso = DateTime.fromISO(text, { zone });
  return iso.isValid && /T\d/.test(text) ? iso.toUTC().toISO() : null;
}
function luxonDay(text: string): string | undefined {
  const vn = DateTime.fromFormat(text, 'd/M/yyyy', { zone: 'UTC' });
  const dt = vn.isValid ? vn : DateTime.fromFormat(text, 'yyyy-MM-dd', { zone: 'UTC' });
  return dt.isValid ? (dt.toISODate() ?? undefined) : undefined;
}

const ZONES = ['Asia/Ho_Chi_Minh', 'UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata'];
const n = (min: number, max: number) => fc.integer({ min, max });
const p2 = (v: number) => String(v).padStart(2, '0');

describe('deadlines and days read without luxon, exactly as luxon read them', () => {
  it('the seeds’ forms', () => {
    expect(parseDeadline('15/01/2026 17:00', 'Asia/Ho_Chi_Minh')).toBe('2026-01-15T10:00:00.000Z');
    expect(parseDeadline('2026-01-15T17:00', 'Asia/Ho_Chi_Minh')).toBe('2026-01-15T10:00:00.000Z');
    expect(parseDeadline('2026-01-15T17:00:00+07:00', 'UTC')).toBe('2026-01-15T10:00:00.000Z');
    expect(parseDeadline('31/02/2026 17:00', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(parseDeadline('soon', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(parseDeadline('15/01/2026 17:00', 'Mars/Olympus')).toBeNull();
    expect(parseDay('31/12/2025')).toBe('2025-12-31');
    expect(parseDay('2025-02-29')).toBeUndefined();
  });

  it('dd/MM/yyyy HH:mm and ISO date-times in several zones (DST included) agree with luxon', () => {
    const vn = fc.tuple(n(0, 32), n(0, 13), n(1900, 2100), n(0, 24), n(0, 60), fc.constantFrom(...ZONES), fc.boolean())
      .map(([d, m, y, h, min, zone, short]) => ({ text: `${short ? d : p2(d)}/${short ? m : p2(m)}/${y} ${short ? h : p2(h)}:${p2(min)}`, zone }));
    const iso = fc.tuple(n(1900, 2100), n(0, 13), n(0, 32), n(0, 24), n(0, 60), n(0, 60), fc.constantFrom('', 'Z', '+07:00', '-05:30', '+0700', '+07'), fc.constantFrom(...ZONES), fc.constantFrom('', '.5', '.123'))
      .map(([y, m, d, h, min, s, offset, zone, frac]) => ({ text: `${y}-${p2(m)}-${p2(d)}T${p2(h)}:${p2(min)}:${p2(s)}${frac}${offset}`, zone }));
    // Within a few hours of a clock change luxon's answer depends on today's offset (it starts
    // from it): those times are compared on their own below, not here.
    const nearChange = (text: string, zone: string): boolean => {
      const at = DateTime.fromFormat(text, 'd/M/yyyy H:mm', { zone });
      const dt = at.isValid ? at : DateTime.fromISO(text, { zone });
      return dt.isValid && dt.minus({ hours: 3 }).offset !== dt.plus({ hours: 3 }).offset;
    };
    fc.assert(
      fc.property(fc.oneof(vn, iso), ({ text, zone }) => {
        fc.pre(!nearChange(text, zone));
        return parseDeadline(text, zone) === luxonDeadline(text, zone);
      }),
      { numRuns: 3_000 },
    );
  });

  it('a time the spring change skips moves forward, as luxon moves it', () => {
    expect(parseDeadline('14/03/2055 02:00', 'America/New_York')).toBe('2055-03-14T07:00:00.000Z');
    expect(parseDeadline('14/03/2055 02:00', 'America/New_York')).toBe(luxonDeadline('14/03/2055 02:00', 'America/New_York'));
    expect(parseDeadline('30/03/2025 02:30', 'Europe/Paris')).toBe(luxonDeadline('30/03/2025 02:30', 'Europe/Paris'));
  });

  it('days agree with luxon', () => {
    const day = fc.tuple(n(0, 32), n(0, 13), n(1900, 2100), fc.boolean()).map(([d, m, y, iso]) => (iso ? `${y}-${p2(m)}-${p2(d)}` : `${d}/${m}/${y}`));
    fc.assert(fc.property(day, (text) => parseDay(text) === luxonDay(text)), { numRuns: 2_000 });
  });
});
