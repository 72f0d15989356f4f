import { describe, expect, it } from 'vitest';
import { validRows } from '../fixtures/sheet-grid.js';
import { ROOT, SECRETARY, useIngestStack } from '../support/functions/ingest-stack.js';

const { h, request, three } = useIngestStack('demo-org-action');

describe('locks: deadline, approval, lock and reopen', () => {
  it('after the deadline a submission is refused, saying which lock and who can reopen', async () => {
    const res = await h.post('submit', { ...request(three()), year: 2024 }, SECRETARY);
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      error: {
        code: 'DEADLINE_PASSED',
        message:
          'Đã quá hạn nộp (17:00 ngày 15/01/2025), nên không nhận thêm dữ liệu. Chỉ quản trị viên Đảng ủy Khối (admin@khoi.vn) mới có thể mở lại cho tổ chức.',
      },
      lock: 'deadline',
    });
  });

  it('approve → refused; reopen (audited, with reason) → accepted; lock → refused; reopen past the deadline with until', async () => {
    const first = await h.post('submit', request(three()), SECRETARY);
    const { contentHash } = first.json as { contentHash: string };
    const approve = await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'approve', contentHash }, 'admin@khoi.vn');
    expect(approve.json).toMatchObject({ state: 'approved', stateLabel: 'Đã duyệt' });
    const refused = await h.post('submit', request(three()), SECRETARY);
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ error: { code: 'ORG_APPROVED' }, lock: 'approved' });
    expect((refused.json as { error: { message: string } }).error.message).toContain('hãy đề nghị quản trị viên (admin@khoi.vn) mở lại');

    const noReason = await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'reopen' }, 'admin@khoi.vn');
    expect(noReason.status).toBe(400);
    expect(noReason.json).toMatchObject({ error: { code: 'REASON_REQUIRED' } });
    const reopen = await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'reopen', reason: 'Bổ sung đảng viên chuyển đến' }, 'admin@khoi.vn');
    expect(reopen.json).toMatchObject({ state: 'submitted' });
    expect((await h.post('submit', request(validRows(4)), SECRETARY)).status).toBe(200);

    await h.post('orgAction', { year: 2025, orgId: 'cb-a', action: 'lock' }, 'admin@khoi.vn');
    const locked = await h.post('submit', request(three()), SECRETARY);
    expect(locked.json).toMatchObject({ error: { code: 'ORG_LOCKED' }, lock: 'locked' });

    const late = await h.post('orgAction', { year: 2024, orgId: 'cb-a', action: 'reopen', reason: 'Gia hạn', until: '2099-01-01T10:00:00+07:00' }, 'admin@khoi.vn');
    expect(late.json).toMatchObject({ state: 'not_submitted', deadline: '2099-01-01T10:00:00+07:00' });
    expect((await h.post('submit', { ...request(three()), year: 2024 }, SECRETARY)).status).toBe(200);

    const audit = (await h.stack.db.collection(`${ROOT}/years/2025/audit`).where('action', 'in', ['approve', 'reopen', 'lock']).get()).docs
      .map((d) => d.data())
      .sort((a, b) => String(a.at).localeCompare(String(b.at)));
    expect(audit.map((a) => [a.action, a.by, a.reason])).toEqual([
      ['approve', 'admin@khoi.vn', null],
      ['reopen', 'admin@khoi.vn', 'Bổ sung đảng viên chuyển đến'],
      ['lock', 'admin@khoi.vn', null],
    ]);
  });
});

