import { describe, expect, it } from 'vitest';
import { applyBlocConfig } from '../../functions/src/bloc-config/apply.js';
import { parseBlocConfig } from '../../local/src/bloc-config-file.js';
import { OPEN_DEADLINE, orgA, PAST_DEADLINE, SECRETARY_B, testBloc } from '../fixtures/test-bloc.js';
import { validRows } from '../fixtures/sheet-grid.js';
import { dumpTree } from '../support/firestore/dump.js';
import { ROOT, SECRETARY, useIngestStack } from '../support/functions/ingest-stack.js';

/** The outside attack's findings (issue “Trust, second round”), each with its exact answer and the state after it. */
const { h, request, three } = useIngestStack('demo-trust-two');
const ADMIN = 'admin@khoi.vn';
const KELVIN = 'admin@\u212Ahoi.vn'; // U+212A KELVIN SIGN: toLowerCase() makes it “k”

describe('identities are compared as Google issues them (ASCII only)', () => {
  it.each([
    ['orgAction lock', 'orgAction', { year: 2025, orgId: 'cb-a', action: 'lock' }],
    ['status', 'status', { year: 2025 }],
    ['submit', 'submit', null],
  ] as const)('a look-alike of the admin (%s) → 403 EMAIL_NOT_ASCII, nothing written', async (_name, fn, body) => {
    const before = await dumpTree(h.stack.db, ROOT);
    const res = await h.post(fn, body ?? request(three()), KELVIN);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      error: {
        code: 'EMAIL_NOT_ASCII',
        message:
          'Địa chỉ tài khoản có ký tự không phải chữ cái Latin thông thường (ví dụ chữ K “Kelvin” hay chữ có dấu), nên không thể là tài khoản Google đã đăng ký. Hãy đăng nhập bằng đúng tài khoản Google của bạn.',
      },
    });
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });

  it('a configuration naming a non-ASCII address is refused, naming where', () => {
    const config = testBloc('k', 'Khối', { 2025: { deadline: OPEN_DEADLINE, orgs: [{ ...orgA(), secretaries: ['bi\u0074hu.\u00e1@a.vn'] }] } });
    expect(() => parseBlocConfig(config, 'bloc.yaml')).toThrow(
      'years.2025.orgs[0].secretaries[0]: e-mail chỉ gồm ký tự ASCII (chữ Latin không dấu, chữ số, . _ - +), như Google cấp (ASCII only)',
    );
  });
});

describe('authorisation comes from the current configuration', () => {
  it('an organisation removed from the configuration takes no submission, from its secretary or an admin; its data stays', async () => {
    expect((await h.post('submit', { ...request(validRows(5)), orgId: 'cb-b' }, SECRETARY_B)).status).toBe(200);
    // cb-b has submitted: it may leave the list only as merged into another organisation.
    const withoutB = parseBlocConfig(testBloc('khoi-test', 'Đảng bộ Khối Thử nghiệm', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3)], mergedInto: { 'cb-b': 'cb-a' } }, 2024: { deadline: PAST_DEADLINE, orgs: [orgA(3)] } }));
    await applyBlocConfig(h.stack.db, withoutB, { by: ADMIN });
    const before = await dumpTree(h.stack.db, `${ROOT}/years/2025/orgs/cb-b`);
    for (const email of [SECRETARY_B, ADMIN]) {
      const res = await h.post('submit', { ...request(validRows(4)), orgId: 'cb-b' }, email);
      expect([res.status, res.json]).toEqual([
        409,
        {
          error: {
            code: 'ORG_NOT_IN_CONFIG',
            message: 'Chi bộ Công ty B không còn trong danh sách tổ chức năm 2025 của Đảng ủy Khối, nên không nhận dữ liệu; dữ liệu đã gửi trước đây vẫn được giữ. Nếu có nhầm lẫn, hãy liên hệ quản trị viên.',
          },
        },
      ]);
    }
    expect(await dumpTree(h.stack.db, `${ROOT}/years/2025/orgs/cb-b`)).toEqual(before);
    expect((await h.post('status', { year: 2025 }, SECRETARY_B)).json).toMatchObject({ error: { code: 'NOT_REGISTERED' } });
  });
});

describe('answers that come right', () => {
  it('a retry of an accepted submission after a lock gets the first answer again, writing nothing', async () => {
    const body = request(three());
    const first = await h.post('submit', body, SECRETARY);
    expect(first.status).toBe(200);
    expect((await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'lock' }, ADMIN)).status).toBe(200);
    const before = await dumpTree(h.stack.db, ROOT);
    const retry = await h.post('submit', body, SECRETARY);
    expect([retry.status, retry.json]).toEqual([200, first.json]);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
    // A new send is still refused by the lock.
    expect((await h.post('submit', request(three()), SECRETARY)).json).toMatchObject({ error: { code: 'ORG_LOCKED' } });
  });

  it('reopen after the deadline needs a new deadline; with one the secretary can submit; a later reopen keeps it', async () => {
    const bare = await h.post('orgAction', { year: 2024, orgId: 'cb-a', action: 'reopen', reason: 'Bổ sung' }, ADMIN);
    expect([bare.status, bare.json]).toEqual([
      400,
      {
        error: {
          code: 'DEADLINE_REQUIRED',
          message:
            'Hạn nộp đang áp dụng (17:00 ngày 15/01/2025) đã qua: mở lại mà không có hạn mới thì tổ chức vẫn không gửi được. Hãy nhập hạn nộp mới (ngày giờ trong tương lai) rồi mở lại.',
        },
      },
    ]);
    const until = '2099-02-01T17:00:00+07:00';
    const reopened = await h.post('orgAction', { year: 2024, orgId: 'cb-a', action: 'reopen', reason: 'Gia hạn', until }, ADMIN);
    expect(reopened.json).toMatchObject({ state: 'not_submitted', deadline: until });
    expect((await h.post('submit', { ...request(three()), year: 2024 }, SECRETARY)).status).toBe(200);
    await h.post('orgAction', { year: 2024, orgId: 'cb-a', action: 'lock' }, ADMIN);
    const again = await h.post('orgAction', { year: 2024, orgId: 'cb-a', action: 'reopen', reason: 'Sửa một dòng' }, ADMIN);
    expect(again.json).toMatchObject({ state: 'submitted', deadline: until });
  });

  it('approve binds the reviewed list: none named → 400, a newer one → 409, the current one → approved', async () => {
    const reviewed = (await h.post('submit', request(validRows(10)), SECRETARY)).json as { contentHash: string };
    const newer = (await h.post('submit', request(validRows(3)), SECRETARY)).json as { contentHash: string; receivedAt: string };
    expect(newer.contentHash).not.toBe(reviewed.contentHash);
    const unnamed = await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'approve' }, ADMIN);
    expect(unnamed.json).toMatchObject({ error: { code: 'CONTENT_HASH_REQUIRED' } });
    const stale = await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'approve', contentHash: reviewed.contentHash }, ADMIN);
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: 'SUBMISSION_CHANGED' } });
    expect((stale.json as { error: { message: string } }).error.message).toMatch(/^Tổ chức đã gửi lại danh sách \(\d\d:\d\d ngày \d\d\/\d\d\/\d{4}\) sau bản bạn đã xem, nên chưa duyệt\./);
    const current = await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'approve', contentHash: newer.contentHash }, ADMIN);
    expect(current.json).toMatchObject({ state: 'approved' });
    const status = (await h.post('status', { year: 2025 }, ADMIN)).json as { orgs: { orgId: string; contentHash: string | null }[] };
    expect(status.orgs.find((o) => o.orgId === 'cb-a')?.contentHash).toBe(newer.contentHash);
  });
});
