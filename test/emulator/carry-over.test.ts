import { describe, expect, it, beforeAll } from 'vitest';
import { carryOverAnswerSchema } from '../../functions/src/domain/contract-roster.js';
import { carryOverSourceIds, mergeRosters } from '../../functions/src/domain/carry-over.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { ADMIN, LEADER, OPEN_DEADLINE, orgA, orgB, PAST_DEADLINE, SECRETARY_A, SECRETARY_B, testBloc } from '../fixtures/test-bloc.js';

/**
 * carryOver: last year's accepted list of ONE organisation, for its secretaries of the new
 * year and the admins only. cb-a submitted 3 members in 2025 (one with a discipline and a
 * score), cb-b 2; 2026 is the new year. A new secretary of cb-a in 2026 gets it; the 2025
 * secretary who is not a secretary in 2026 does not.
 */
const NEW_SECRETARY = 'bithu.moi@a.vn';
const CONFIG = testBloc('khoi-carry', 'Đảng bộ Khối Chuyển danh sách', {
  2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(2)] },
  2026: { deadline: OPEN_DEADLINE, orgs: [{ ...orgA(3), secretaries: [NEW_SECRETARY] }, orgB(2)] },
  2024: { deadline: PAST_DEADLINE, orgs: [orgA(3)] },
});
const h = useLocalStack('demo-carry-over', CONFIG);

beforeAll(async () => {
  const a = validRows(3);
  a[1] = { ...a[1], 'Điểm': 40, 'Xếp loại': 'Không hoàn thành nhiệm vụ', 'Kỷ luật trong năm': 'Khiển trách', 'Lãnh đạo, quản lý': 'Không' };
  for (const [orgId, email, rows] of [['cb-a', SECRETARY_A, a], ['cb-b', SECRETARY_B, validRows(2, { 'Chức vụ': 'Kế toán' }).map((r, i) => ({ ...r, 'Số thẻ đảng viên': `80.00000${i + 1}`, 'Họ và tên': `Thành viên B${i + 1}` }))]] as const) {
    const reply = await h.post('submit', { year: 2025, orgId, submissionId: `seed-${orgId}-2025`, sheet: { values: grid(rows) } }, email);
    expect(reply.status).toBe(200);
  }
});

describe('carryOver', () => {
  it('the new year’s secretary gets the organisation’s 2025 list: who each member is, nothing of the year’s evaluation', async () => {
    const reply = await h.post('carryOver', { year: 2026, orgId: 'cb-a' }, NEW_SECRETARY);
    expect(reply.status).toBe(200);
    const answer = carryOverAnswerSchema.strict().parse(reply.json);
    expect({ ...answer, members: answer.members.length }).toEqual({
      year: 2026,
      orgId: 'cb-a',
      orgName: 'Chi bộ Công ty A',
      fromYear: 2025,
      sources: [{ orgId: 'cb-a', name: 'Chi bộ Công ty A', members: 3 }],
      members: 3,
    });
    expect(answer.members[1]).toEqual({
      fullName: 'Đảng viên 2',
      cardNumber: '79.000002',
      birthDate: '1985-03-15',
      gender: 'male',
      admissionDate: '2010-02-03',
      position: 'Trưởng phòng',
      isLeader: false,
      education: 'bachelor',
      politicalTheory: 'intermediate',
    });
    expect(Object.keys(reply.json as object).sort()).toEqual(['fromYear', 'members', 'orgId', 'orgName', 'sources', 'year']);
    expect(answer.members.map((m) => m.cardNumber)).toEqual(['79.000001', '79.000002', '79.000003']);
  });

  it('an admin gets it too; the first configured year has nothing to carry over', async () => {
    expect((await h.post('carryOver', { year: 2026, orgId: 'cb-b' }, ADMIN)).json).toMatchObject({ fromYear: 2025, members: [{ fullName: 'Thành viên B1' }, { fullName: 'Thành viên B2' }] });
    expect((await h.post('carryOver', { year: 2024, orgId: 'cb-a' }, ADMIN)).json).toEqual({ year: 2024, orgId: 'cb-a', orgName: 'Chi bộ Công ty A', fromYear: null, sources: [], members: [] });
  });

  it('another organisation’s secretary, last year’s secretary who is not this year’s, a leader: 403, no member in the answer', async () => {
    const refusals = await Promise.all(
      [SECRETARY_B, SECRETARY_A, LEADER].map(async (email) => {
        const reply = await h.post('carryOver', { year: 2026, orgId: 'cb-a' }, email);
        return [email, reply.status, (reply.json as { error?: { code?: string } }).error?.code, JSON.stringify(reply.json).includes('79.00000')];
      }),
    );
    expect(refusals).toEqual([
      [SECRETARY_B, 403, 'NOT_SECRETARY', false],
      [SECRETARY_A, 403, 'NOT_SECRETARY', false],
      [LEADER, 403, 'NOT_SECRETARY', false],
    ]);
    expect((await h.post('carryOver', { year: 2026, orgId: 'cb-a' }, null)).status).toBe(401);
    expect((await h.post('carryOver', { year: 2027, orgId: 'cb-a' }, ADMIN)).json).toMatchObject({ error: { code: 'YEAR_NOT_CONFIGURED' } });
  });
});

describe('the merge hook (pure)', () => {
  it('offers the organisation first, then those merged into it, each card once', () => {
    expect(carryOverSourceIds('cb-a', new Map([['cb-x', 'cb-a'], ['cb-b', 'cb-c'], ['cb-w', 'cb-a']]))).toEqual(['cb-a', 'cb-w', 'cb-x']);
    expect(carryOverSourceIds('cb-a', new Map())).toEqual(['cb-a']);
    const m = (cardNumber: string, fullName: string) => ({ fullName, cardNumber, birthDate: null, gender: null, admissionDate: null, position: null, isLeader: false, education: null, politicalTheory: null });
    expect(mergeRosters([[m('1', 'A'), m('2', 'B')], [m('2', 'B bis'), m('3', 'C')]]).map((x) => x.fullName)).toEqual(['A', 'B', 'C']);
  });
});
