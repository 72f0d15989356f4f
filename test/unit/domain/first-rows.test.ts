import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstRows } from '../../../functions/src/domain/first-rows.js';

/** FirstRows answers as a Map from each text to the row it was first seen in. */
function viaMap(texts: readonly string[]): (number | undefined)[] {
  const first = new Map<string, number>();
  return texts.map((text, row) => {
    const seen = first.get(text);
    if (seen === undefined) first.set(text, row);
    return seen;
  });
}

const viaTable = (texts: readonly string[]): (number | undefined)[] => {
  const table = new FirstRows();
  return texts.map((text, row) => table.firstRow(text, row));
};

describe('FirstRows', () => {
  it('gives the first row of a repeated text, undefined for a new one', () => {
    expect(viaTable(['79.1', '79.2', '79.1', '', '79.1', ''])).toEqual([undefined, undefined, 0, undefined, 0, 3]);
  });

  it('agrees with a Map for any texts, through its growth', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '.', '1', 'ễ', '\ud83d', '\u0000'), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 3_000 }), (texts) => {
          expect(viaTable(texts)).toEqual(viaMap(texts));
        }),
      { numRuns: 200 },
    );
    const many = Array.from({ length: 60_000 }, (_, i) => `B.${(i * 7919) % 45_000}`);
    expect(viaTable(many)).toEqual(viaMap(many));
  });
});
