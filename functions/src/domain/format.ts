/**
 * Vietnamese number formatting (DOMAIN.md): thousands with “.”, decimals with “,”, one decimal,
 * a trailing “,0” dropped. Written by hand rather than with Intl because Apps Script's V8 and
 * small Node builds do not all ship the vi locale data, and the add-on must print the same.
 */
const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function formatInt(value: number): string {
  const rounded = Math.round(value);
  return (rounded < 0 ? '-' : '') + group(String(Math.abs(rounded)));
}

/** One decimal at most, trailing “,0” dropped: 97.94 → “97,9”, 99 → “99”, 1234.5 → “1.234,5”. */
export function formatDecimal(value: number): string {
  const tenths = Math.round(value * 10);
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  const whole = group(String(Math.floor(abs / 10)));
  const fraction = abs % 10;
  return sign + whole + (fraction === 0 ? '' : `,${fraction}`);
}

/** A percentage given in 0–100: 97.94 → “97,9%”; null (no base to divide by) → “–”. */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${formatDecimal(value)}%`;
}

/** part / whole as a percentage rounded to one decimal, or null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

/**
 * Percentages of one distribution, one decimal each, adding up to exactly 100 (largest
 * remainder method). All zeros → all zeros.
 */
export function roundDistribution(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((n) => (n * 1000) / total);
  const floors = exact.map(Math.floor);
  let missing = 1000 - floors.reduce((sum, n) => sum + n, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    missing -= 1;
  }
  return floors.map((tenths) => tenths / 10);
}

/** ISO “2024-03-05” → “05/03/2024”; a bare year stays as it is. */
export function formatDateVi(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
