import { describe, expect, it } from 'vitest';
import { httpFunction, type HttpResponse } from '../../../functions/src/http/wrap.js';
import { setLogSink } from '../../../functions/src/logs.js';

/** The one handler wrapper: what a caller gets when the database is away or contended. */
function call(handle: () => Promise<unknown>, deadlineMs?: number) {
  const fn = httpFunction({ name: 'test', methods: ['POST'], maxBodyBytes: 1_000, ...(deadlineMs ? { deadlineMs } : {}) }, handle);
  let reply: { status: number; body: unknown } = { status: 0, body: null };
  const res: HttpResponse = {
    status(code) {
      reply = { ...reply, status: code };
      return res;
    },
    set: () => res,
    json(body) {
      reply = { ...reply, body };
      return undefined;
    },
  };
  return fn({ method: 'POST', headers: {} }, res).then(() => reply);
}

const BUSY = {
  error: {
    code: 'UNAVAILABLE',
    message:
      'Máy chủ dữ liệu đang bận hoặc không phản hồi, nên chưa biết chắc lần gửi này đã được ghi hay chưa. Hãy thử lại sau ít giây: gửi lại cùng bảng không tạo bản trùng.',
  },
};

describe('httpFunction: a database that is away or contended gets a true, retryable answer', () => {
  const lines: string[] = [];
  setLogSink((l) => lines.push(l));

  it.each([
    ['UNAVAILABLE (Firestore unreachable)', 14],
    ['ABORTED (“Transaction lock timeout” after a killed process)', 10],
    ['DEADLINE_EXCEEDED', 4],
  ])('%s → 503 UNAVAILABLE', async (_name, code) => {
    expect(await call(() => Promise.reject(Object.assign(new Error('x'), { code })))).toEqual({ status: 503, body: BUSY });
  });

  it('no answer within the deadline → 503 at the deadline, not after minutes of client retries', async () => {
    const started = Date.now();
    expect(await call(() => new Promise(() => undefined), 200)).toEqual({ status: 503, body: BUSY });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(lines.some((l) => l.includes('database busy or unreachable'))).toBe(true);
  });

  it('any other error stays a 500 with a reference, and no longer claims nothing was written', async () => {
    const reply = await call(() => Promise.reject(new Error('boom')));
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.body)).toMatch(/Máy chủ gặp lỗi ngoài dự kiến\. Hãy thử gửi lại sau ít phút \(gửi lại không tạo bản trùng\)\. Mã tra cứu: \w{8}\./);
  });
});
