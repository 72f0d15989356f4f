import type { z } from 'zod';
import { formatPath, issueMessage } from '../domain/zod-messages.js';

/**
 * Turns zod issues of a configuration file into lines an administrator can act on: the path in
 * the file, what is wrong in Vietnamese, and the English gist in parentheses.
 */
export interface ConfigIssue {
  /** `years.2024.orgs[1].secretaries[0]`, or `(gốc)` for the file itself. */
  readonly path: string;
  readonly message: string;
}

export class BlocConfigError extends Error {
  override readonly name = 'BlocConfigError';
  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(`Tệp cấu hình ${source} không hợp lệ (invalid bloc config):\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
  }
}

/** Unknown keys are reported at the object that holds them, naming the keys. */
export function toConfigIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
}
