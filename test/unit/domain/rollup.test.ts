import { describe, expect, it } from 'vitest';
import { buildRollup, blocRollupSchema, rollupInputSchema, type RollupOrgInput } from '../../../functions/src/domain/rollup.js';
import { tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { blocInput, blocRollup, orgA, ZONE } from '../../fixtures/bloc.js';
import { CNG, makeEvaluation, NG, NGT, SCALE } from '../../fixtures/evaluations.js';

describe('buildRollup on the hand-checked bloc', () => {
  const r = blocRollup();

  it('counts submissions: 4 organisations, 3 submitted, 2 on time, 1 late, 1 missing', () => {
    expect(r.submission).toEqual({
      total: 4,
      submitted: 3,
      onTime: 2,
      late: 1,
      missing: 1,
      percent: { submitted: 75, onTime: 50, late: 25, missing: 25 },
    });
  });

  it('derives the headline percentages', () => {
    const d = r.derived;
    // 2, 12, 1, 1 of 16: 12,5 / 75 / 6,25 / 6,25 → the tie goes to the first, adding up to 100.
    expect(d.levels).toEqual({ HTXSNV: 12.5, HTTNV: 75, HTNV: 6.3, KHTNV: 6.2 });
    expect(d.excellentOfGood).toBe(16.7); // 2 / 12
    expect(d.exemplary.leader).toEqual({
      total: 5,
      counts: { [NGT]: 5, [NG]: 0, [CNG]: 0 },
      percents: { [NGT]: 100, [NG]: 0, [CNG]: 0 },
    });
    // 6, 5, 2 of 13: 46,15 / 38,46 / 15,38 → 46,1 + 38,5 + 15,4 = 100.
    expect(d.exemplary.nonLeader.percents).toEqual({ [NGT]: 46.1, [NG]: 38.5, [CNG]: 15.4 });
    expect(d.exemplary.total).toEqual({
      total: 18,
      counts: { [NGT]: 11, [NG]: 5, [CNG]: 2 },
      percents: { [NGT]: 61.1, [NG]: 27.8, [CNG]: 11.1 },
    });
    expect(d.universityPlus).toBe(61.1); // 11 / 18
    expect(d.theoryIntermediatePlus).toBe(33.3); // 6 / 18
    expect(d.residence).toEqual({ concerned: 15, good: 73.4, notGood: 13.3, missing: 13.3 }); // 11, 2, 2 of 18 − 3
    expect(d.studiedResolution).toBe(72.2); // 13 / 18
    expect(d.pledgeRegistered).toBe(66.7); // 12 / 18
    expect(d.pledgeCompleted).toBe(83.3); // 10 / 12
    expect(d.disciplined).toBe(1);
    expect(d.commended).toBe(3);
  });

  it('only counts submitted organisations in the totals', () => {
    expect(r.totals.listed).toBe(18);
    expect(r.orgs.find((o) => o.orgId === 'c')?.counts).toBeNull();
  });

  it('writes per-organisation rows with state, local submission time and warnings', () => {
    const [a, b, c, d] = r.orgs;
    expect(a?.lastSubmission).toEqual({
      at: '2025-01-15T16:59:00+07:00',
      by: 'bithu.a@example.vn',
      text: '15/01/2025 16:59',
      onTime: true,
    });
    expect(a?.excellentOfGood).toBe(33.3);
    expect(a?.warnings).toEqual([
      {
        code: 'QUOTA_EXCEEDED',
        message:
          'Vượt tỷ lệ HTXSNV: 1 đồng chí HTXSNV, bằng 33,3% số đảng viên HTTNV (3 đồng chí), tối đa 20%. ' +
          'Đã được chấp nhận, lý do: “Chi bộ có thành tích xuất sắc”.',
      },
      { code: 'CARD_DUPLICATE', message: 'Số thẻ đảng viên trùng với tổ chức khác: “DUP-01” (Chi bộ Kỹ thuật).' },
    ]);
    expect(b?.lastSubmission?.text).toBe('17/01/2025 08:15'); // 01:15 UTC
    expect(b?.lastSubmission?.onTime).toBe(false);
    expect(b?.warnings.map((w) => w.message)).toEqual([
      'Danh sách có 5 đảng viên, khác số đảng viên dự kiến (6).',
      'Số thẻ đảng viên trùng với tổ chức khác: “DUP-01” (Chi bộ Văn phòng).',
    ]);
    expect(c).toMatchObject({ state: 'not_submitted', lastSubmission: null, counts: null, excellentOfGood: null, warnings: [] });
    // D: 1 HTXSNV for 5 HTTNV is exactly 20%: not exceeded.
    expect(d?.excellentOfGood).toBe(20);
    expect(d?.warnings).toEqual([]);
  });

  it('lists the missing organisation, then the late one', () => {
    expect(r.overdue).toEqual([
      { orgId: 'c', name: 'Đảng bộ Bệnh viện', status: 'missing', daysToDeadline: -5, note: 'Quá hạn 5 ngày', lastSubmission: null },
      {
        orgId: 'b',
        name: 'Chi bộ Kỹ thuật',
        status: 'late',
        daysToDeadline: -2,
        note: 'Nộp muộn 2 ngày',
        lastSubmission: { at: '2025-01-17T01:15:00Z', by: 'bithu.b@example.vn', text: '17/01/2025 08:15' },
      },
    ]);
  });

  it('flags a card number listed by two organisations, ignoring case', () => {
    expect(r.duplicateCards).toEqual([{ cardNumber: 'DUP-01', orgIds: ['a', 'b'] }]);
  });

  it('compares with the previous year, in percentage points for percentages', () => {
    const row = (key: string) => r.comparison.find((c) => c.key === key);
    expect(r.previousYear).toBe(2024);
    expect(row('orgs')).toEqual({ key: 'orgs', label: 'Số tổ chức cơ sở đảng', unit: 'count', current: 4, previous: 1, delta: 3 });
    expect(row('listed')).toMatchObject({ current: 18, previous: 10, delta: 8 });
    expect(row('levelPercent.HTXSNV')).toEqual({
      key: 'levelPercent.HTXSNV',
      label: 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ',
      unit: 'percent',
      current: 12.5,
      previous: 10,
      delta: 2.5,
    });
    expect(row('levelPercent.HTNV')).toMatchObject({ current: 6.3, previous: 20, delta: -13.7 });
    expect(row(`exemplaryPercent.${NGT}`)).toMatchObject({ current: 61.1, previous: 80, delta: -18.9 });
    expect(row('disciplined')).toMatchObject({ current: 1, previous: 0, delta: 1 });
    expect(r.comparison).toHaveLength(4 + 8 + 1 + 6 + 8);
  });

  it('has no comparison without a previous year', () => {
    const alone = blocRollup({ previous: null });
    expect(alone.comparison).toEqual([]);
    expect(alone.previousYear).toBeNull();
  });

  it('compares a level missing from last year’s scale to null', () => {
    const oldScale = ['Tốt', 'Chưa tốt'];
    const previous = buildRollup(
      blocInput({
        year: 2024,
        exemplaryScale: oldScale,
        orgs: [{ orgId: 'p', name: 'Chi bộ cũ', state: 'locked', expectedMembers: null, lastSubmission: null,
          tally: tallyOrganisation([makeEvaluation({ exemplary: 'Tốt' })], oldScale) }],
        previous: null,
      }),
    );
    const compared = buildRollup(blocInput({ previous }));
    expect(compared.comparison.find((c) => c.key === `exemplary.${NGT}`)).toMatchObject({ current: 11, previous: null, delta: null });
    expect(compared.comparison.find((c) => c.key === 'listed')).toMatchObject({ current: 18, previous: 1, delta: 17 });
  });

  it('is a plain object its schema parses back unchanged (Firestore storage)', () => {
    expect(blocRollupSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(rollupInputSchema.parse(JSON.parse(JSON.stringify(blocInput())))).toBeTruthy();
  });
});

describe('buildRollup edge cases', () => {
  const org = (over: Partial<RollupOrgInput>): RollupOrgInput => ({
    orgId: 'x',
    name: 'Chi bộ X',
    state: 'submitted',
    expectedMembers: null,
    lastSubmission: { at: '2025-01-10T08:00:00+07:00', by: 'x@example.vn' },
    tally: tallyOrganisation(orgA, SCALE),
    ...over,
  });

  it('gives null percentages, not zeros, for an empty bloc', () => {
    const r = buildRollup(blocInput({ orgs: [], previous: null }));
    expect(r.submission.percent).toEqual({ submitted: null, onTime: null, late: null, missing: null });
    expect(r.derived.levels).toEqual({ HTXSNV: null, HTTNV: null, HTNV: null, KHTNV: null });
    expect(r.derived.excellentOfGood).toBeNull();
    expect(r.derived.exemplary.total.percents).toEqual({ [NGT]: null, [NG]: null, [CNG]: null });
  });

  it('flags an unaccepted quota excess without a reason, and HTXSNV with no HTTNV', () => {
    const excellentOnly = tallyOrganisation([makeEvaluation({ rating: 'HTXSNV' })], SCALE);
    const r = buildRollup(blocInput({ orgs: [org({ tally: excellentOnly })], previous: null }));
    expect(r.orgs[0]?.excellentOfGood).toBeNull();
    expect(r.orgs[0]?.warnings).toEqual([
      {
        code: 'QUOTA_EXCEEDED',
        message: 'Vượt tỷ lệ HTXSNV: 1 đồng chí HTXSNV, bằng 100% số đảng viên HTTNV (0 đồng chí), tối đa 20%.',
      },
    ]);
  });

  it('ignores the tally of an organisation back at “chưa nộp”', () => {
    const r = buildRollup(blocInput({ orgs: [org({ state: 'not_submitted' })], previous: null }));
    expect(r.totals.listed).toBe(0);
    expect(r.orgs[0]?.lastSubmission).toBeNull();
    expect(r.submission.missing).toBe(1);
  });

  it('counts a locked organisation as submitted', () => {
    const r = buildRollup(blocInput({ orgs: [org({ state: 'locked' })], previous: null }));
    expect(r.submission).toMatchObject({ submitted: 1, onTime: 1, missing: 0 });
    expect(r.totals.listed).toBe(6);
  });

  it('lists at most five duplicate cards in a warning', () => {
    const cards = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'];
    const tally = tallyOrganisation(cards.map((cardNumber) => makeEvaluation({ cardNumber })), SCALE);
    const r = buildRollup(
      blocInput({ orgs: [org({ orgId: 'x', tally }), org({ orgId: 'y', name: 'Chi bộ Y', tally })], previous: null }),
    );
    expect(r.duplicateCards.map((d) => d.cardNumber)).toEqual(cards);
    expect(r.orgs[0]?.warnings.at(-1)?.message).toBe(
      'Số thẻ đảng viên trùng với tổ chức khác: “C1” (Chi bộ Y); “C2” (Chi bộ Y); “C3” (Chi bộ Y); “C4” (Chi bộ Y); ' +
        '“C5” (Chi bộ Y) và 2 số thẻ khác.',
    );
  });

  it('keeps the bloc zone in the stored rollup', () => {
    expect(blocRollup().timeZone).toBe(ZONE);
  });
});
