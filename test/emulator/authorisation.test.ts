import { beforeEach, describe, expect, it } from 'vitest';
import { auditCol } from '../../functions/src/store/paths.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { dumpTree } from '../support/firestore/dump.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { OPEN_DEADLINE, orgA, orgB, testBloc } from '../fixtures/test-bloc.js';

/**
 * Who may call what: every endpoint (and every orgAction action) × every kind of caller, with
 * the exact status and code. Each cell starts from the same state (cb-a has submitted once);
 * a refused call writes nothing; an admin action leaves an audit entry with who, when and why.
 * (test/emulator/ingest.test.ts covers each 401 reason and the submit messages in detail.)
 */
const CONFIG = testBloc('khoi-authz', 'Đảng bộ Khối Phân quyền', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(3)] } });
const h = useLocalStack('demo-authz', CONFIG);
const ROOT = 'blocs/khoi-authz';
const REASON = 'Kiểm tra phân quyền';

const CALLERS = {
  'no token': null,
  'expired token': 'admin@khoi.vn',
  stranger: 'nguoi.la@gmail.com',
  'secretary of the org': 'bithu.a@a.vn',
  'secretary of another org': 'bithu.b@b.vn',
  leader: 'lanh.dao@khoi.vn',
  admin: 'admin@khoi.vn',
} as const;
type Caller = keyof typeof CALLERS;

let sequence = 0;
/** The content hash of the list beforeEach submits: what an approve names. */
let seededHash = '';
const ENDPOINTS = {
  submit: { fn: 'submit', body: () => ({ year: 2025, orgId: 'cb-a', submissionId: `authz-${++sequence}-${Date.now()}`, sheet: { values: grid(validRows(3)) } }) },
  status: { fn: 'status', body: () => ({ year: 2025 }) },
  'orgAction approve': { fn: 'orgAction', body: () => ({ year: 2025, orgId: 'cb-a', action: 'approve', reason: REASON, contentHash: seededHash }) },
  'orgAction lock': { fn: 'orgAction', body: () => ({ year: 2025, orgId: 'cb-a', action: 'lock', reason: REASON }) },
  'orgAction reopen': { fn: 'orgAction', body: () => ({ year: 2025, orgId: 'cb-a', action: 'reopen', reason: REASON }) },
  'orgAction accept_quota': { fn: 'orgAction', body: () => ({ year: 2025, orgId: 'cb-a', action: 'accept_quota', reason: REASON }) },
  runRollup: { fn: 'runRollup', body: () => ({ year: 2025 }) },
} as const;
type Endpoint = keyof typeof ENDPOINTS;

const OK = 'OK';
const ADMIN_ONLY: Readonly<Record<Caller, string>> = {
  'no token': 'UNAUTHENTICATED',
  'expired token': 'UNAUTHENTICATED',
  stranger: 'NOT_ADMIN',
  'secretary of the org': 'NOT_ADMIN',
  'secretary of another org': 'NOT_ADMIN',
  leader: 'NOT_ADMIN',
  admin: OK,
};
/** The matrix: the code each caller gets (OK: 200). */
const MATRIX: Readonly<Record<Endpoint, Readonly<Record<Caller, string>>>> = {
  submit: {
    'no token': 'UNAUTHENTICATED',
    'expired token': 'UNAUTHENTICATED',
    stranger: 'NOT_SECRETARY',
    'secretary of the org': OK,
    'secretary of another org': 'NOT_SECRETARY',
    leader: 'NOT_SECRETARY',
    admin: OK,
  },
  status: {
    'no token': 'UNAUTHENTICATED',
    'expired token': 'UNAUTHENTICATED',
    stranger: 'NOT_REGISTERED',
    'secretary of the org': OK,
    'secretary of another org': OK,
    leader: OK,
    admin: OK,
  },
  'orgAction approve': ADMIN_ONLY,
  'orgAction lock': ADMIN_ONLY,
  'orgAction reopen': ADMIN_ONLY,
  'orgAction accept_quota': ADMIN_ONLY,
  runRollup: ADMIN_ONLY,
};
const STATUS_OF: Readonly<Record<string, number>> = { OK: 200, UNAUTHENTICATED: 401, NOT_SECRETARY: 403, NOT_ADMIN: 403, NOT_REGISTERED: 403 };
/** What status answers each caller (their roles and the organisations they see). */
const STATUS_VIEW: Partial<Record<Caller, { roles: string[]; orgs: string[] }>> = {
  'secretary of the org': { roles: ['secretary'], orgs: ['cb-a'] },
  'secretary of another org': { roles: ['secretary'], orgs: ['cb-b'] },
  leader: { roles: ['leader'], orgs: [] },
  admin: { roles: ['admin'], orgs: ['cb-a', 'cb-b'] },
};

async function tokenFor(caller: Caller): Promise<string | undefined> {
  const email = CALLERS[caller];
  if (email === null) return undefined;
  if (caller === 'expired token') return h.stack.token(email, { issuedAt: new Date(Date.now() - 7_200_000), expiresInSeconds: 3_600 });
  return h.stack.token(email);
}

const cells = (Object.keys(MATRIX) as Endpoint[]).flatMap((endpoint) =>
  (Object.keys(CALLERS) as Caller[]).map((caller) => ({ endpoint, caller, code: MATRIX[endpoint][caller] })),
);

beforeEach(async () => {
  await h.reset();
  const seeded = await h.post('submit', ENDPOINTS.submit.body(), 'bithu.a@a.vn');
  seededHash = (seeded.json as { contentHash: string }).contentHash;
  expect(seeded.status).toBe(200);
});

describe('authorisation matrix: endpoint × caller', () => {
  it('covers every endpoint, every orgAction action and every caller', () => {
    expect(cells).toHaveLength(7 * 7);
  });

  it.each(cells)('$endpoint by $caller → $code', async ({ endpoint, caller, code }) => {
    const before = await dumpTree(h.stack.db, ROOT);
    const token = await tokenFor(caller);
    const startedAt = new Date();
    const res = await h.post(ENDPOINTS[endpoint].fn, ENDPOINTS[endpoint].body(), null, token === undefined ? {} : { token });
    const error = (res.json as { error?: { code: string; message: string } } | null)?.error;
    expect([res.status, error?.code ?? OK]).toEqual([STATUS_OF[code], code]);

    if (code !== OK) {
      expect(error?.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/);
      if (caller === 'no token') expect(res.json).toMatchObject({ reason: 'missing' });
      if (caller === 'expired token') expect(res.json).toMatchObject({ reason: 'expired' });
      expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
      return;
    }
    const view = STATUS_VIEW[caller];
    if (endpoint === 'status' && view) {
      expect(res.json).toMatchObject({ roles: view.roles });
      expect((res.json as { orgs: { orgId: string }[] }).orgs.map((o) => o.orgId)).toEqual(view.orgs);
    }
    if (endpoint.startsWith('orgAction')) {
      const action = endpoint.replace('orgAction ', '');
      const audit = (await auditCol(h.stack.db, h.stack.blocId, 2025).where('action', '==', action).get()).docs.map((d) => d.data());
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action, orgId: 'cb-a', by: 'admin@khoi.vn', reason: REASON });
      const at = Date.parse(audit[0]?.at ?? '');
      expect(at).toBeGreaterThanOrEqual(startedAt.getTime() - 1_000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1_000);
    }
  });
});
