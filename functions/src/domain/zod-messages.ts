import type { z } from 'zod';

/**
 * The one translator of zod's issues into Vietnamese (zod's defaults are English), with the
 * English gist in parentheses for the administrators and integrators who read them.
 * Messages a schema states itself (already Vietnamese) are kept as they are.
 */
type AnyIssue = z.core.$ZodIssue | z.core.$ZodRawIssue;

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
export function issueMessage(issue: AnyIssue): string {
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
      if (issue.format === 'regex') return messageOf(issue);
      if (issue.format === 'email') return 'không phải địa chỉ e-mail hợp lệ (expected an e-mail address)';
      return `sai định dạng (expected ${issue.format})`;
    case 'invalid_value':
      return `phải là một trong: ${quoteAll(issue.values)} (expected one of these values)`;
    case 'unrecognized_keys':
      return `khóa không được hỗ trợ: ${issue.keys.join(', ')} — kiểm tra lỗi chính tả (unknown key)`;
    case 'invalid_key':
      return issue.issues.map(issueMessage).join('; ');
    case 'custom':
      return messageOf(issue);
    default:
      return `giá trị không hợp lệ (${messageOf(issue)})`;
  }
}

const messageOf = (issue: AnyIssue): string => (typeof issue.message === 'string' ? issue.message : 'invalid');

/** Parses a request body; a mismatch throws a ZodError whose messages read in Vietnamese. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return schema.parse(body, { error: (issue) => issueMessage(issue) });
}
