import { describe, expect, it } from 'vitest';
import { tallyOrganisation } from '../../functions/src/domain/tally.js';
import { evaluationSchema } from '../../functions/src/domain/schema.js';
import { orgRef, submissionsCol } from '../../functions/src/store/paths.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { dumpTree } from '../support/firestore/dump.js';
import { TEST_AUDIENCE } from '../support/functions/local-stack.js';
import { ROOT, SECRETARY, useIngestStack } from '../support/functions/ingest-stack.js';

/** The stored tally: the counts; its card numbers stay in the member index (the organisation keeps their hashes). */
const countsOnly = ({ cardNumbers: _cards, ...counts }: ReturnType<typeof tallyOrganisation>) => counts;

const { h, request, three, members } = useIngestStack('demo-submit');

describe('submit: accepted, unchanged, changed, removed', () => {
  it('writes exactly the members, the tally, the state and an audit record', async () => {
    const res = await h.post('submit', request(three()), SECRETARY);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      result: 'accepted',
      orgId: 'cb-a',
      orgName: 'Chi bộ Công ty A',
      state: 'submitted',
      counts: { listed: 3, imported: 3, updated: 0, unchanged: 0, removed: 0, rejected: 0, warnings: 0 },
      rows: [
        { row: 2, cardNumber: '79.000001', status: 'imported' },
        { row: 3, cardNumber: '79.000002', status: 'imported' },
        { row: 4, cardNumber: '79.000003', status: 'imported' },
      ],
      removed: [],
    });
    const stored = await members();
    expect(stored.map((m) => [m.cardNumber, m.fullName, m.row, m.rating, m.score, m.exemplary])).toEqual([
      ['79.000001', 'Đảng viên 1', 2, 'HTTNV', 80, 'Nêu gương tốt'],
      ['79.000002', 'Đảng viên 2', 3, 'HTTNV', 80, 'Nêu gương tốt'],
      ['79.000003', 'Đảng viên 3', 4, 'HTTNV', 80, 'Nêu gương tốt'],
    ]);
    const org = (await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data();
    expect(org?.state).toBe('submitted');
    expect(org?.lastSubmission?.by).toBe(SECRETARY);
    expect(org?.tally).toEqual(countsOnly(tallyOrganisation(stored.map((m) => evaluationSchema.parse(m)), ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'])));
    expect(org?.tally?.levels).toEqual({ HTXSNV: 0, HTTNV: 3, HTNV: 0, KHTNV: 0 });
    const audits = (await submissionsCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).docs.map((d) => d.data());
    expect(audits.map((a) => [a.by, a.result, a.counts.imported, a.status])).toEqual([[SECRETARY, 'accepted', 3, 200]]);
  });

  it('an identical resubmission is unchanged and rewrites no member or organisation', async () => {
    await h.post('submit', request(three()), SECRETARY);
    const before = await dumpTree(h.stack.db, `${ROOT}/years/2025/orgs/cb-a`);
    const reordered = [...three()].reverse();
    const res = await h.post('submit', request(reordered), SECRETARY);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ result: 'unchanged', counts: { imported: 0, updated: 0, unchanged: 3, removed: 0 } });
    const after = await dumpTree(h.stack.db, `${ROOT}/years/2025/orgs/cb-a`);
    const changed = Object.keys(after).filter((path) => JSON.stringify(after[path]) !== JSON.stringify(before[path]));
    // Only the new audit record appears; members, index and the organisation are untouched.
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/\/submissions\/test-submission-/);
  });

  it('reports the exact diff: updated, imported, unchanged and removed members', async () => {
    await h.post('submit', request(three()), SECRETARY);
    const rows = validRows(4);
    rows[1] = { ...rows[1], 'Xếp loại': 'Hoàn thành nhiệm vụ', 'Điểm': 60 };
    const next = [rows[0]!, rows[1]!, rows[3]!]; // member 3 removed, member 4 added
    const res = await h.post('submit', request(next), SECRETARY);
    expect(res.json).toMatchObject({
      result: 'accepted',
      counts: { imported: 1, updated: 1, unchanged: 1, removed: 1 },
      rows: [
        { row: 2, cardNumber: '79.000001', status: 'unchanged' },
        { row: 3, cardNumber: '79.000002', status: 'updated' },
        { row: 4, cardNumber: '79.000004', status: 'imported' },
      ],
      removed: [{ cardNumber: '79.000003', fullName: 'Đảng viên 3', lastRow: 4 }],
    });
    const stored = await members();
    expect(stored.map((m) => [m.cardNumber, m.rating])).toEqual([
      ['79.000001', 'HTTNV'],
      ['79.000002', 'HTNV'],
      ['79.000004', 'HTTNV'],
    ]);
    const org = (await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data();
    expect(org?.tally?.levels).toEqual({ HTXSNV: 0, HTTNV: 2, HTNV: 1, KHTNV: 0 });
  });

  it('a dry run validates and diffs but writes nothing', async () => {
    const before = await dumpTree(h.stack.db, ROOT);
    const res = await h.post('submit', request(three(), { dryRun: true }), SECRETARY);
    expect(res.json).toMatchObject({ result: 'dry_run', counts: { imported: 3 } });
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });
});

describe('submit: rejected and retried', () => {
  it('a sheet with errors is refused with every located error and leaves Firestore byte-for-byte unchanged', async () => {
    await h.post('submit', request(three()), SECRETARY);
    const before = await dumpTree(h.stack.db, ROOT);
    const rows = validRows(3);
    rows[0] = { ...rows[0], 'Xếp loại': 'Giỏi' };
    rows[2] = { ...rows[2], 'Số thẻ đảng viên': '' };
    const res = await h.post('submit', request(rows), SECRETARY);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: 'Bảng có 2 lỗi nên chưa được ghi nhận; dữ liệu cũ vẫn giữ nguyên. Hãy sửa các ô được đánh dấu rồi gửi lại.' },
      rows: [
        { row: 2, status: 'rejected' },
        { row: 4, status: 'rejected' },
      ],
    });
    const issues = (res.json as { issues: { row: number; column: string; code: string }[] }).issues;
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'Xếp loại', 'VALUE_NOT_IN_LIST'],
      [4, 'Số thẻ đảng viên', 'VALUE_REQUIRED'],
    ]);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });

  it('a retry with the same submission id returns the first answer and writes nothing new', async () => {
    const body = request(three());
    const first = await h.post('submit', body, SECRETARY);
    const before = await dumpTree(h.stack.db, ROOT);
    const retry = await h.post('submit', body, SECRETARY);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
    const reused = await h.post('submit', { ...body, sheet: { values: grid(validRows(2)) } }, SECRETARY);
    expect(reused.status).toBe(409);
    expect(reused.json).toMatchObject({ error: { code: 'SUBMISSION_ID_REUSED' } });
  });

  it('the audit record holds the answer without its rows; a retry rebuilds them, after later lists too, with mixed statuses', async () => {
    expect((await h.post('submit', request(three()), SECRETARY)).status).toBe(200);
    // A second list: one unchanged, one updated, one new, one removed.
    const rows = [...validRows(2), { ...validRows(4)[3], STT: 3 }].map((r, i) => (i === 1 ? { ...r, 'Chức vụ': 'Phó phòng' } : r));
    const body = request(rows);
    const first = await h.post('submit', body, SECRETARY);
    expect(first.status).toBe(200);
    const answer = first.json as { rows: { status: string }[] };
    expect(answer.rows.map((r) => r.status)).toEqual(['unchanged', 'updated', 'imported']);
    const records = (await submissionsCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).docs.map((d) => d.data());
    const record = records.find((r) => r.submissionId === body.submissionId);
    expect(record?.rowStatuses).toBe('nui');
    expect(record?.response).toMatchObject({ rows: [], removed: [{ cardNumber: '79.000003' }] });
    // A later list is accepted; the retry of the earlier one still answers as it did.
    expect((await h.post('submit', request(three()), SECRETARY)).status).toBe(200);
    const retry = await h.post('submit', body, SECRETARY);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    // The same members in other rows is another sheet under the same id.
    const moved = await h.post('submit', { ...body, sheet: { values: grid([...rows].reverse()) } }, SECRETARY);
    expect(moved.json).toMatchObject({ error: { code: 'SUBMISSION_ID_REUSED' } });
  });

  it('refuses oversized sheets with 413 and a Vietnamese message', async () => {
    const huge = { ...request([]), sheet: { values: Array.from({ length: 5_001 }, () => ['x']) } };
    const res = await h.post('submit', huge, SECRETARY);
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      error: { code: 'TOO_MANY_ROWS', message: 'Bảng có 5.001 dòng, vượt quá 5.000 dòng cho một tổ chức. Hãy xóa các dòng thừa ở cuối bảng rồi gửi lại.' },
    });
    const big = await h.post('submit', { ...request(three()), padding: 'x'.repeat(11 * 1_048_576) }, SECRETARY);
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
  });

  it('a 9 MB body of 2 million header cells is refused at once (413 TOO_MANY_COLUMNS), and other callers are not kept waiting', async () => {
    const before = await dumpTree(h.stack.db, ROOT);
    const wide = { ...request([]), sheet: { startRow: 3, values: [Array.from({ length: 2_000_000 }, (_, i) => `c${i % 10}`), ['x']] } };
    const started = Date.now();
    const [res, status] = await Promise.all([h.post('submit', wide, SECRETARY), h.post('status', { year: 2025 }, SECRETARY)]);
    expect([res.status, res.json]).toEqual([
      413,
      { error: { code: 'TOO_MANY_COLUMNS', message: 'Dòng 3 của bảng có 2.000.000 cột, vượt quá 200 cột. Hãy xóa các cột thừa ở bên phải bảng (mẫu chỉ có khoảng 20 cột) rồi gửi lại.' } },
    ]);
    expect(status.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });
});

describe('a list too large for one commit', () => {
  it('is refused with 413 before the commit, quickly, and writes nothing', async () => {
    const before = await dumpTree(h.stack.db, ROOT);
    const long = 'Rèn luyện đạo đức, lối sống; '.repeat(34).slice(0, 1000);
    const rows = validRows(1_600, { 'Đăng ký làm theo': long, 'Ghi chú': long });
    const res = await h.post('submit', request(rows), 'admin@khoi.vn');
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error: { code: 'LIST_TOO_LARGE' } });
    expect((res.json as { error: { message: string } }).error.message).toMatch(/^Danh sách cần ghi lần này khoảng \d+(,\d)? MB, vượt quá 3,5 MB có thể ghi trọn vẹn trong một lần\. Dữ liệu chưa được ghi\./);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });

  it('3.300 members with 100-letter names in 3-byte letters: the member index would pass 1 MiB → 413 at once, nothing written', async () => {
    const before = await dumpTree(h.stack.db, ROOT);
    const name = `Lê ${'Ệệễ'.repeat(32)}`; // 99 letters, 96 of them 3 bytes in UTF-8
    const started = Date.now();
    const res = await h.post('submit', request(validRows(3_300, { 'Họ và tên': name })), 'admin@khoi.vn');
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error: { code: 'MEMBER_INDEX_TOO_LARGE' } });
    expect((res.json as { error: { message: string } }).error.message).toMatch(
      /^Danh sách 3\.300 đảng viên cần một chỉ mục khoảng 1(,\d)? MB, vượt quá 1 MB mà một tài liệu được phép lưu\. Dữ liệu chưa được ghi; dữ liệu cũ vẫn giữ nguyên\./,
    );
    expect(Date.now() - started).toBeLessThan(60_000); // an answer, not minutes of client retries
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });
});

describe('authentication and authorisation', () => {
  const body = () => request(three());

  it('answers 401 with the reason for every bad token', async () => {
    const { createLocalIssuer } = await import('../../local/src/identity/local-issuer.js');
    const stranger = await createLocalIssuer();
    const cases: [string, string | undefined][] = [
      ['missing', undefined],
      ['malformed', 'not-a-jwt'],
      ['bad_signature', await stranger.signIdToken({ email: SECRETARY, aud: TEST_AUDIENCE })],
      ['wrong_audience', await h.stack.token(SECRETARY, { aud: 'other.apps.googleusercontent.com' })],
      ['expired', await h.stack.token(SECRETARY, { issuedAt: new Date(Date.now() - 7_200_000), expiresInSeconds: 3_600 })],
      ['unverified_email', await h.stack.token(SECRETARY, { emailVerified: false })],
    ];
    for (const [reason, token] of cases) {
      const res = await h.post('submit', body(), null, token === undefined ? {} : { token });
      expect([reason, res.status, (res.json as { reason: string }).reason]).toEqual([reason, 401, reason]);
    }
    expect(await members()).toEqual([]);
  });

  it('403 for a secretary of another organisation, a leader and a stranger; admins may submit for any', async () => {
    for (const email of ['bithu.b@b.vn', 'lanh.dao@khoi.vn', 'nguoi.la@gmail.com']) {
      const res = await h.post('submit', body(), email);
      expect([email, res.status, (res.json as { error: { code: string } }).error.code]).toEqual([email, 403, 'NOT_SECRETARY']);
    }
    const other = await h.post('submit', body(), 'bithu.b@b.vn');
    expect((other.json as { error: { message: string } }).error.message).toBe(
      'Tài khoản bithu.b@b.vn không phải bí thư của Chi bộ Công ty A năm 2025, nên không được gửi dữ liệu của tổ chức này. Nếu có nhầm lẫn, hãy liên hệ quản trị viên (admin@khoi.vn).',
    );
    expect((await h.post('submit', body(), 'admin@khoi.vn')).status).toBe(200);
    expect((await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'lock' }, SECRETARY)).status).toBe(403);
  });

  it('status lists what each caller may submit for, with state, deadline and settings', async () => {
    await h.post('submit', request(three()), SECRETARY);
    const secretary = await h.post('status', {}, SECRETARY);
    expect(secretary.json).toMatchObject({
      roles: ['secretary'],
      year: 2025,
      years: [2025, 2024],
      settings: { rulePack: 'qd366', exemplaryScale: ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'], quotaMode: 'warning', quotaPercent: 20 },
      orgs: [{ orgId: 'cb-a', state: 'submitted', stateLabel: 'Đã nộp', deadlineText: '17:00 ngày 15/01/2099', canSubmit: true, lock: null }],
    });
    const past = await h.post('status', { year: 2024 }, SECRETARY);
    expect(past.json).toMatchObject({ orgs: [{ orgId: 'cb-a', canSubmit: false, lock: { code: 'DEADLINE_PASSED' } }] });
    const admin = await h.post('status', {}, 'admin@khoi.vn');
    expect((admin.json as { orgs: { orgId: string }[] }).orgs.map((o) => o.orgId)).toEqual(['cb-a', 'cb-b']);
    const leader = await h.post('status', {}, 'lanh.dao@khoi.vn');
    expect(leader.json).toMatchObject({ roles: ['leader'], orgs: [] });
    const stranger = await h.post('status', {}, 'nguoi.la@gmail.com');
    expect([stranger.status, (stranger.json as { error: { code: string } }).error.code]).toEqual([403, 'NOT_REGISTERED']);
  });
});

describe('concurrency', () => {
  it('concurrent submissions for one organisation leave a tally equal to recounting its member documents', async () => {
    const variants = Array.from({ length: 6 }, (_, i) => {
      const rows = validRows(3 + i);
      return rows.map((r, j) => (j % (i + 2) === 0 ? { ...r, 'Xếp loại': 'Hoàn thành nhiệm vụ', 'Điểm': 55 } : r));
    });
    const results = await Promise.all(variants.map((rows) => h.post('submit', request(rows), SECRETARY)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const stored = await members();
    const org = (await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data();
    expect(org?.tally).toEqual(countsOnly(tallyOrganisation(stored.map((m) => evaluationSchema.parse(m)), ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'])));
    expect(org?.tally?.listed).toBe(stored.length);
  });
});
