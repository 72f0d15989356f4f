import { describe, expect, it } from 'vitest';
import { diffMembers } from '../../../functions/src/domain/diff.js';

describe('diffMembers', () => {
  it('classifies each row as imported, updated, unchanged or rejected, and lists removed members', () => {
    const stored = new Map([
      ['A1', { hash: 'h1', fullName: 'Nguyễn Văn A', row: 5 }],
      ['B2', { hash: 'h2', fullName: 'Trần Thị B', row: 6 }],
      ['C3', { hash: 'h3', fullName: 'Lê Văn C', row: 7 }],
    ]);
    const diff = diffMembers(
      [
        { row: 5, cardNumber: 'A1', fullName: 'Nguyễn Văn A', hash: 'h1' },
        { row: 6, cardNumber: 'B2', fullName: 'Trần Thị B', hash: 'h2-changed' },
        { row: 8, cardNumber: 'D4', fullName: 'Phạm D', hash: 'h4' },
      ],
      [7],
      stored,
    );
    expect(diff.rows).toEqual([
      { row: 5, cardNumber: 'A1', status: 'unchanged' },
      { row: 6, cardNumber: 'B2', status: 'updated' },
      { row: 7, cardNumber: null, status: 'rejected' },
      { row: 8, cardNumber: 'D4', status: 'imported' },
    ]);
    expect(diff.removed).toEqual([{ cardNumber: 'C3', fullName: 'Lê Văn C', lastRow: 7 }]);
    expect(diff.counts).toEqual({ imported: 1, updated: 1, unchanged: 1, removed: 1, rejected: 1 });
    expect([...diff.toWrite].sort()).toEqual(['B2', 'D4']);
  });
});
