import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMemberSheet } from '../../../local/src/demo/members.js';
import { evaluationSchema } from '../../../functions/src/domain/schema.js';
import { cellText, cleanText, cleanTextFully, isBlankCell } from '../../../functions/src/domain/text.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';

/**
 * The validator's shortcuts for throughput (bench/results.md) must not change a result:
 * cleanText's already-clean path, isBlankCell's first-character test, and the per-field schema
 * checks that replaced parsing every row object.
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
      for (const { evaluation } of result.rows) expect(evaluationSchema.parse(evaluation)).toEqual(evaluation);
    }
  });
});
