import type { z } from 'zod';

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

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(gốc)' : out;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'nhóm khóa (object)',
  record: 'nhóm khóa (object)',
};

const quoteAll = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/** The Vietnamese message of one zod issue (custom messages are already Vietnamese). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'bắt buộc, chưa có giá trị (required)';
      const name = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `phải là ${name} (expected ${issue.expected})`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return issue.minimum === 1 ? 'không được để trống (must not be empty)' : `cần ít nhất ${min} ký tự (too short)`;
      if (issue.origin === 'array') return `cần ít nhất ${min} phần tử (needs at least ${min})`;
      return `phải ${issue.inclusive === false ? '>' : '≥'} ${min} (too small)`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `tối đa ${max} ký tự (too long)`;
      if (issue.origin === 'array') return `tối đa ${max} phần tử (at most ${max})`;
      return `phải ${issue.inclusive === false ? '<' : '≤'} ${max} (too big)`;
    }
    case 'invalid_format':
      if (issue.format === 'regex') return issue.message;
      if (issue.format === 'email') return 'không phải địa chỉ e-mail hợp lệ (expected an e-mail address)';
      return `sai định dạng (expected ${issue.format})`;
    case 'invalid_value':
      return `phải là một trong: ${quoteAll(issue.values)} (expected one of these values)`;
    case 'unrecognized_keys':
      return `khóa không được hỗ trợ: ${issue.keys.join(', ')} — kiểm tra lỗi chính tả (unknown key)`;
    case 'invalid_key':
      return issue.issues.map(issueMessage).join('; ');
    case 'custom':
      return issue.message;
    default:
      return `giá trị không hợp lệ (${issue.message})`;
  }
}

/** Unknown keys are reported at the object that holds them, naming the keys. */
export function toConfigIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
}
