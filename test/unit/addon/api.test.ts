import { describe, expect, it } from 'vitest';
import { postJson, type Transport } from '../../../sheets-addon/src/server/client.js';
import { failureText } from '../../../sheets-addon/src/texts/failures.js';
import { errorBodySchema, submitAnswerSchema, type ErrorBody } from '../../../functions/src/domain/contract.js';
import { problems, type Problem } from '../../../functions/src/domain/problems.js';
import { problemBody } from '../../../functions/src/http/wrap.js';

/** A transport answering from a script: a reply, or 'throw' for a network failure. */
function scripted(...steps: ({ status: number; body: unknown } | 'throw')[]) {
  const seen: { url: string; body: string; token: string }[] = [];
  const sleeps: number[] = [];
  const transport: Transport = {
    post(url, body, token) {
      seen.push({ url, body, token });
      const step = steps.shift();
      if (step === undefined || step === 'throw') throw new Error('Exception: Address unavailable');
      return { status: step.status, text: JSON.stringify(step.body) };
    },
    sleep: (ms) => void sleeps.push(ms),
  };
  return { transport, seen, sleeps };
}

const ANSWER = {
  result: 'accepted', submissionId: 'sub-12345678', year: 2025, orgId: 'cb-a', orgName: 'Chi bộ A', state: 'submitted',
  receivedAt: '2026-01-10T02:30:00.000Z', contentHash: 'h', counts: { listed: 1, imported: 1, updated: 0, unchanged: 0, removed: 0, rejected: 0, warnings: 0 },
  rows: [{ row: 2, cardNumber: '79.000001', status: 'imported' }], removed: [], issues: [], issuesTruncated: false,
};
const request = { url: 'https://x/submit', body: { submissionId: 'sub-12345678' }, token: 'tok' };
const body = (problem: Problem): ErrorBody => errorBodySchema.parse(problemBody(problem));

describe('postJson: one request, retried with the same body', () => {
  it('retries network failures and 5xx with backoff, resending the identical body', () => {
    const { transport, seen, sleeps } = scripted('throw', { status: 503, body: { error: { code: 'X', message: 'bận' } } }, { status: 200, body: ANSWER });
    const result = postJson(transport, request, submitAnswerSchema);
    expect(result).toMatchObject({ ok: true, attempts: 3, data: { result: 'accepted' } });
    expect(new Set(seen.map((s) => s.body)).size).toBe(1);
    expect(seen.map((s) => s.token)).toEqual(['tok', 'tok', 'tok']);
    expect(sleeps).toEqual([2_000, 5_000]);
  });

  it('never retries a refusal (4xx) and reads its error body', () => {
    const { transport, seen } = scripted({ status: 409, body: problemBody(problems.locked('lúc 10:00 ngày 10/01/2026', ['admin@khoi.vn'])) });
    const result = postJson(transport, request, submitAnswerSchema);
    expect(seen).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'http', status: 409, body: { lock: 'locked', error: { code: 'ORG_LOCKED' } } } });
  });

  it('gives up after the last attempt, and reports a 200 it cannot read as a bad reply', () => {
    const down = scripted('throw', 'throw', 'throw', 'throw', 'throw');
    expect(postJson(down.transport, request, submitAnswerSchema)).toEqual({ ok: false, failure: { kind: 'network', attempts: 5, detail: 'Exception: Address unavailable' } });
    const odd = scripted({ status: 200, body: { hello: 1 } });
    expect(postJson(odd.transport, request, submitAnswerSchema)).toEqual({ ok: false, failure: { kind: 'bad_reply', status: 200, attempts: 1 } });
  });
});

describe('failure texts: our framing around the server’s Vietnamese message', () => {
  const http = (status: number, problem: Problem) => failureText({ kind: 'http', status, attempts: 1, body: body(problem) });
  it('401, 403, 413: what happened and the server’s own message', () => {
    expect(http(401, problems.unauthenticated('expired'))).toEqual({
      title: 'Chưa xác thực được tài khoản',
      text: 'Máy chủ chưa xác nhận được tài khoản Google của đồng chí.\n\nPhiên đăng nhập đã hết hạn. Hãy tải lại trang tính rồi gửi lại.',
    });
    expect(http(403, problems.notSecretary('a@b.vn', 'Chi bộ A', 2025, ['admin@khoi.vn'])).text).toContain('không phải bí thư của Chi bộ A năm 2025');
    expect(http(413, problems.tooManyRows(6_000, 5_000)).title).toBe('Bảng quá lớn');
  });
  it('a lock says it is locked and, through the server, who can reopen it', () => {
    const text = http(409, problems.deadlinePassed('17:00 ngày 15/01/2026', ['admin@khoi.vn']));
    expect(text.title).toBe('Tổ chức đang khóa nhận dữ liệu');
    expect(text.text).toContain('Chỉ quản trị viên Đảng ủy Khối (admin@khoi.vn) mới có thể mở lại cho tổ chức.');
    expect(http(409, problems.submissionIdReused()).title).toBe('Lần gửi bị trùng mã');
  });
  it('422, 5xx after retries, network', () => {
    expect(http(422, problems.validationFailed(2, {})).text).toMatch(/^Dữ liệu chưa được ghi nhận\. Các ô có lỗi đã được tô màu/);
    const server = failureText({ kind: 'http', status: 503, attempts: 4, body: null });
    expect(server).toEqual({ title: 'Máy chủ đang gặp sự cố', text: 'Dữ liệu chưa được ghi nhận. Máy chủ đang gặp sự cố tạm thời. Đã thử 4 lần. Hãy thử lại sau ít phút.' });
    expect(failureText({ kind: 'network', attempts: 4, detail: 'x' }).text).toContain('gửi lại nhiều lần không tạo ra bản trùng');
  });
});
