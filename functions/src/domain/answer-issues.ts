import type { Issue, MessageCode } from './messages.js';

/**
 * Which of a sheet's issues an answer carries. The add-on runs the same validator and marks
 * every cell itself, so the answer (and its stored copy, which must stay far under 1 MiB)
 * carries what a reader needs: the errors first, and of each kind of warning only the first few
 * — one noisy warning must not push the errors out — with every omitted kind counted.
 */
export const MAX_ISSUES_IN_ANSWER = 1_000;
export const WARNINGS_KEPT_PER_CODE = 20;

export interface OmittedIssues {
  readonly code: MessageCode;
  readonly severity: Issue['severity'];
  readonly count: number;
}

export interface AnswerIssues {
  readonly issues: Issue[];
  readonly issuesTruncated: boolean;
  /** Per kind, how many were left out (absent when none was). */
  readonly issuesOmitted?: OmittedIssues[];
}

export function answerIssues(all: readonly Issue[], limit = MAX_ISSUES_IN_ANSWER, perWarningCode = WARNINGS_KEPT_PER_CODE): AnswerIssues {
  const warningsSeen = new Map<MessageCode, number>();
  const kept: Issue[] = [];
  const omitted = new Map<string, OmittedIssues>();
  const omit = (issue: Issue): void => {
    const key = `${issue.severity}:${issue.code}`;
    const counted = omitted.get(key);
    omitted.set(key, { code: issue.code, severity: issue.severity, count: (counted?.count ?? 0) + 1 });
  };
  // Errors before warnings, each in the validator's order (by row, then column).
  const ordered = [...all.filter((i) => i.severity === 'error'), ...all.filter((i) => i.severity !== 'error')];
  for (const issue of ordered) {
    const seen = issue.severity === 'error' ? 0 : (warningsSeen.get(issue.code) ?? 0);
    if (issue.severity !== 'error') warningsSeen.set(issue.code, seen + 1);
    if (kept.length >= limit || seen >= perWarningCode) omit(issue);
    else kept.push(issue);
  }
  // The answer lists them as the validator ordered them.
  const position = new Map(all.map((issue, i) => [issue, i]));
  kept.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const truncated = kept.length < all.length;
  return truncated ? { issues: kept, issuesTruncated: true, issuesOmitted: [...omitted.values()] } : { issues: kept, issuesTruncated: false };
}
