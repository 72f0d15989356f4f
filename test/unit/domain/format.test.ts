import { describe, expect, it } from 'vitest';
import { formatDateVi, formatDecimal, formatInt, formatPercent, percentOf, roundDistribution } from '../../../functions/src/domain/format.js';
import { fromSerial, minusMonths, parseDateText } from '../../../functions/src/domain/dates.js';
import { fold, foldLoose } from '../../../functions/src/domain/text.js';

describe('Vietnamese number format', () => {
  it('groups thousands with dots and uses a decimal comma, dropping a trailing ,0', () => {
    expect([formatInt(4617), formatInt(100000), formatInt(999), formatInt(-1234)]).toEqual(['4.617', '100.000', '999', '-1.234']);
    expect([formatDecimal(97.94), formatDecimal(99), formatDecimal(99.04), formatDecimal(1234.56)]).toEqual(['97,9', '99', '99', '1.234,6']);
    expect([formatPercent(97.9), formatPercent(100), formatPercent(0.2), formatPercent(null)]).toEqual(['97,9%', '100%', '0,2%', '–']);
    expect(formatDateVi('2024-03-05')).toBe('05/03/2024');
  });

  it('rounds one distribution so that it adds up to 100', () => {
    const shares = roundDistribution([1, 1, 1]);
    expect(shares).toEqual([33.4, 33.3, 33.3]);
    // 985.44 ‰ has a larger remainder than 2.43 ‰, so it takes the missing tenth.
    expect(roundDistribution([812, 10, 2])).toEqual([98.6, 1.2, 0.2]);
    expect(roundDistribution([0, 0])).toEqual([0, 0]);
    for (const counts of [[7, 13, 29, 1], [2, 2, 2, 2, 2, 2, 2], [4617, 1, 1]]) {
      expect(Math.round(roundDistribution(counts).reduce((a, b) => a + b, 0) * 10)).toBe(1000);
    }
    expect([percentOf(1, 3), percentOf(2, 0)]).toEqual([33.3, null]);
  });
});

describe('folding and dates', () => {
  it('ignores case, spaces, diacritics, đ and Unicode form; loose folding also ignores punctuation', () => {
    expect(fold('  Lãnh   ĐẠO, quản lý ')).toBe('lanh dao, quan ly');
    expect(fold('Nêu gương'.normalize('NFD'))).toBe(fold('Nêu gương'.normalize('NFC')));
    expect(foldLoose('Lãnh đạo, quản lý')).toBe('lanh dao quan ly');
  });

  it('reads dd/mm/yyyy, yyyy-mm-dd, sheet serials and instants in Vietnam time; rejects impossible dates', () => {
    expect([parseDateText('5/3/2024'), parseDateText('05-03-2024'), parseDateText('2024-3-5'), parseDateText('29/02/2023')]).toEqual([
      '2024-03-05', '2024-03-05', '2024-03-05', null,
    ]);
    expect(parseDateText('2024-03-04T17:00:00.000Z')).toBe('2024-03-05');
    expect([fromSerial(45356), fromSerial(1), fromSerial(-3)]).toEqual(['2024-03-05', null, null]);
    expect([minusMonths('2024-12-31', 6), minusMonths('2024-03-31', 1), minusMonths('2025-01-15', 2)]).toEqual(['2024-06-30', '2024-02-29', '2024-11-15']);
  });
});
