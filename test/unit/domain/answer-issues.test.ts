import { describe, expect, it } from 'vitest';
import { answerIssues } from '../../../functions/src/domain/answer-issues.js';
import type { Issue } from '../../../functions/src/domain/messages.js';

const at = (severity: Issue['severity'], code: Issue['code'], row: number): Issue => ({ severity, code, row, column: 'Nêu gương', columnIndex: 12, message: `Dòng ${String(row)}` });

describe('the issues an answer carries', () => {
  it('a sheet under the limits: every issue, in order, nothing omitted', () => {
    const all = [at('warning', 'EXCELLENT_LOW_EXEMPLARY', 2), at('error', 'VALUE_INVALID', 3)];
    expect(answerIssues(all)).toEqual({ issues: all, issuesTruncated: false });
  });

  it('keeps 20 of one noisy kind of warning, counts the rest, and never drops an error for them', () => {
    const noisy = Array.from({ length: 3_000 }, (_, i) => at('warning', 'EXCELLENT_LOW_EXEMPLARY', i + 2));
    const errors = [at('error', 'VALUE_INVALID', 2_500), at('error', 'DATE_INVALID', 2_999)];
    const other = at('warning', 'NEW_MEMBER_RATED', 4);
    const result = answerIssues([noisy[0], other, ...noisy.slice(1), ...errors].filter((i): i is Issue => i !== undefined));
    expect(result.issues).toHaveLength(23);
    expect(result.issues.filter((i) => i.code === 'EXCELLENT_LOW_EXEMPLARY').map((i) => i.row)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([2_500, 2_999]);
    expect(result.issues[1]).toEqual(other);
    expect(result.issuesTruncated).toBe(true);
    expect(result.issuesOmitted).toEqual([{ code: 'EXCELLENT_LOW_EXEMPLARY', severity: 'warning', count: 2_980 }]);
  });

  it('over the limit, errors come first and the rest are counted per kind', () => {
    const errors = Array.from({ length: 8 }, (_, i) => at('error', i % 2 ? 'VALUE_INVALID' : 'VALUE_REQUIRED', i + 10));
    const warnings = Array.from({ length: 3 }, (_, i) => at('warning', 'NEW_MEMBER_RATED', i + 2));
    const result = answerIssues([...warnings, ...errors], 5);
    expect(result.issues.map((i) => [i.severity, i.row])).toEqual([10, 11, 12, 13, 14].map((row) => ['error', row]));
    expect(result.issuesOmitted).toEqual([
      { code: 'VALUE_INVALID', severity: 'error', count: 2 },
      { code: 'VALUE_REQUIRED', severity: 'error', count: 1 },
      { code: 'NEW_MEMBER_RATED', severity: 'warning', count: 3 },
    ]);
  });
});
