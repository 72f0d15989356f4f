import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMemberSheet } from '../../../local/src/demo/members.js';
import { DEFAULT_EXEMPLARY_SCALE } from '../../../functions/src/domain/enums.js';
import { FIELDS } from '../../../functions/src/domain/fields.js';
import { fastPathFor, isPlainLetterCode, isPlainTextCode, normaliserFor } from '../../../functions/src/domain/normalise.js';
import { evaluationSchema, type Cell } from '../../../functions/src/domain/schema.js';
import { cellText, cleanText, cleanTextFully, isBlankCell } from '../../../functions/src/domain/text.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';

/**
 * The validator's shortcuts for throughput (bench/results.md) must not change a result:
 * cleanText's already-clean path, isBlankCell's first-character test, the per-field schema
 * checks that replaced parsing every row object, and the fast paths that read common cells
 * without the normalisers.
 */
const PIECES = [
  'a', 'Nguyễn', 'Nguye\u0303\u0302n', 'Đ', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u2000', '\u2001', '\u3000', '\u202f', '\u0007', '\u0085',
  '\u200e', '\u202e', '\u2066', '\ufeff', '\ud83d', '\ude00', '😀', 'A\u030a', '\u1e9b\u0323', '\u037e', '\u2126', '.', '1', '#N/A',
];

describe('validation shortcuts', () => {
  it('cleanText gives what the full cleaning gives, for any text', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (parts) => cleanText(parts.join('')) === cleanTextFully(parts.join(''))), { numRuns: 5_000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => cleanText(text) === cleanTextFully(text)), { numRuns: 5_000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => cleanText(text) === cleanTextFully(text)), { numRuns: 2_000 });
  });

  it('isBlankCell agrees with cellText', () => {
    const cell = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.string({ unit: 'binary', maxLength: 4 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')));
    fc.assert(fc.property(cell, (value) => isBlankCell(value) === (cellText(value) === '')), { numRuns: 5_000 });
  });

  it('every evaluation the validator returns is one the evaluation schema accepts unchanged', () => {
    for (const year of [2024, 2025]) {
      const result = validateSheet(generateMemberSheet({ year, members: 400, seed: year, cardPrefix: 'S' }), { year });
      expect(result.rows).toHaveLength(400);
      for (const { evaluation } of result.rows) {
        expect(evaluationSchema.parse(evaluation)).toEqual(evaluation);
        // The record is built by one literal: its fields keep the schema's order (as stored and sent).
        expect(Object.keys(evaluation)).toEqual(Object.keys(evaluationSchema.shape));
      }
    }
  });

  it('a fast path gives exactly what the normaliser of its field gives, and a value its schema accepts', () => {
    const digits = (n: number, pad: boolean): string => (pad ? String(n).padStart(2, '0') : String(n));
    const separator = fc.constantFrom('/', '.', '-', ' ', '\\');
    const dateText = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.boolean(), separator, fc.integer({ min: 0, max: 14 }), fc.boolean(), separator, fc.integer({ min: 1890, max: 2110 }))
      .map(([d, pd, s1, m, pm, s2, y]) => `${digits(d, pd)}${s1}${digits(m, pm)}${s2}${y}`);
    const cardText = fc.array(fc.constantFrom('0', '7', '9', 'A', 'Z', 'b', 'đ', '.', '-', ' ', '#', 'Ａ', '１', '\u0000', 'ß'), { maxLength: 22 }).map((p) => p.join(''));
    const TEXT_PIECES = [...PIECES, 'Văn', 'ễ', 'Ỹ', 'ɏ', 'Ḁ', '×', '÷', '@', '9', '#', '#REF!', 'ª', '\u00bf', '\u1f00', '\u0250', 'Ǆ'];
    const text = fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 6 }).map((p) => p.join(''));
    const longText = fc.tuple(fc.constantFrom('a', 'ằ', 'Lê '), fc.integer({ min: 90, max: 1010 })).map(([piece, n]) => piece.repeat(n).slice(0, n));
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      dateText,
      cardText,
      text,
      longText,
      fc.integer({ min: 1890, max: 2110 }).map(String),
      fc.integer({ min: -5, max: 3000 }),
      fc.double({ min: -1, max: 101 }),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 100.0000001),
      fc.boolean(),
      fc.constant(null),
    );
    let taken = 0;
    for (const spec of FIELDS) {
      const fast = fastPathFor(spec.kind);
      if (fast === null || !Object.hasOwn(evaluationSchema.shape, spec.key)) continue;
      const normalise = normaliserFor(spec.kind, DEFAULT_EXEMPLARY_SCALE);
      const schema = evaluationSchema.shape[spec.key as keyof typeof evaluationSchema.shape];
      fc.assert(
        fc.property(cell, (value) => {
          const quick = fast(value);
          if (quick === undefined) return;
          taken++;
          expect(normalise(value)).toEqual({ ok: true, value: quick });
          expect(schema.safeParse(quick)).toEqual({ success: true, data: quick });
        }),
        { numRuns: 4_000 },
      );
    }
    expect(taken).toBeGreaterThan(2_000);
  });

  it('plain characters are NFC in any sequence, with no space among them, and the letters are the Unicode letters', () => {
    const plain: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isPlainTextCode(c)) plain.push(String.fromCharCode(c));
    expect(plain).toHaveLength(94 + 400 + 256);
    for (const a of plain) {
      expect(/\s/.test(a)).toBe(false);
      expect(isPlainLetterCode(a.charCodeAt(0))).toBe(/\p{L}/u.test(a));
      for (const b of plain) if ((a + b).normalize('NFC') !== a + b) expect.fail(`${a}${b} is not NFC`);
    }
  });
});
