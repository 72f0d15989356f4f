import { describe, expect, it } from 'vitest';
import { buildRollup } from '../../../functions/src/domain/rollup.js';
import { reportSentences } from '../../../functions/src/domain/report.js';
import { figureSentences } from '../../../functions/src/domain/report-figures.js';
import { tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { blocInput } from '../../fixtures/bloc.js';
import { CNG, makeEvaluation, NG, NGT, SCALE } from '../../fixtures/evaluations.js';
import { grid, TEMPLATE_HEADERS, VALID_ROW } from '../../fixtures/sheet-grid.js';

describe('“Cấp lãnh đạo”: an optional member column, consistent with “Lãnh đạo, quản lý”', () => {
  it('sits after “Khen thưởng”, before “Ghi chú”, so the other columns keep their places', () => {
    expect(TEMPLATE_HEADERS.slice(-3)).toEqual(['Khen thưởng', 'Cấp lãnh đạo', 'Ghi chú']);
  });

  it('reads the labels and short forms; blank stays blank', () => {
    const rows = [
      { ...VALID_ROW, 'Số thẻ đảng viên': '79.000001', 'Cấp lãnh đạo': 'Bí thư đảng ủy, người đứng đầu cơ quan, đơn vị' },
      { ...VALID_ROW, 'Số thẻ đảng viên': '79.000002', 'Cấp lãnh đạo': 'bi thu chi bo' },
      { ...VALID_ROW, 'Số thẻ đảng viên': '79.000003', 'Cấp lãnh đạo': 'Không', 'Lãnh đạo, quản lý': 'Không' },
      { ...VALID_ROW, 'Số thẻ đảng viên': '79.000004' },
    ];
    const r = validateSheet(grid(rows), { year: 2025 });
    expect(r.issues).toEqual([]);
    expect(r.rows.map((x) => x.evaluation.leaderTier)).toEqual(['unit_head', 'department_head', 'none', null]);
  });

  it('a tier without “Có” in “Lãnh đạo, quản lý” is an error at the tier cell', () => {
    const row = { ...VALID_ROW, 'Lãnh đạo, quản lý': null, 'Cấp lãnh đạo': 'Bí thư chi bộ' };
    const r = validateSheet(grid([row]), { year: 2025 });
    expect(r.ok).toBe(false);
    const column = TEMPLATE_HEADERS.indexOf('Cấp lãnh đạo');
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.columnIndex, i.message])).toEqual([
      [
        'LEADER_TIER_NOT_LEADER',
        2,
        'Cấp lãnh đạo',
        column,
        'Dòng 2, cột “Cấp lãnh đạo”: Cấp lãnh đạo là “Bí thư chi bộ, người đứng đầu phòng, ban, đoàn thể và tương đương” nhưng cột “Lãnh đạo, quản lý” không ghi Có. Hãy ghi “Có” ở cột “Lãnh đạo, quản lý”, hoặc chọn “Không” ở cột “Cấp lãnh đạo”.',
      ],
    ]);
  });
});

/** 8 commended of 10: 2 unit heads, 3 department heads (one of them not commended), 4 without a tier. */
const members = [
  makeEvaluation({ isLeader: true, leaderTier: 'unit_head', commendation: 'province', exemplary: NGT }),
  makeEvaluation({ isLeader: true, leaderTier: 'unit_head', commendation: 'bloc', exemplary: NGT }),
  makeEvaluation({ isLeader: true, leaderTier: 'department_head', commendation: 'bloc', exemplary: NGT }),
  makeEvaluation({ isLeader: true, leaderTier: 'department_head', commendation: 'grassroots', exemplary: NG }),
  makeEvaluation({ isLeader: true, leaderTier: 'department_head', commendation: 'none', exemplary: NGT }),
  makeEvaluation({ isLeader: true, leaderTier: 'none', commendation: 'grassroots', exemplary: NGT }),
  makeEvaluation({ commendation: 'grassroots', exemplary: NG }),
  makeEvaluation({ commendation: 'grassroots' }),
  makeEvaluation({ commendation: 'grassroots', exemplary: CNG }),
  makeEvaluation(),
];

describe('tallies by tier and their sentences', () => {
  it('counts members, commended and nêu gương by tier (hand-checked)', () => {
    const t = tallyOrganisation(members, SCALE);
    expect(t.tiers).toEqual({
      reported: 6,
      members: { unit_head: 2, department_head: 3 },
      commended: { unit_head: 2, department_head: 2 },
      exemplary: { unit_head: { [NGT]: 2, [NG]: 0, [CNG]: 0 }, department_head: { [NGT]: 2, [NG]: 1, [CNG]: 0 } },
    });
    expect(tallyOrganisation([makeEvaluation()], SCALE).tiers).toBeUndefined();
  });

  it('writes the commended-by-tier and nêu gương-by-tier sentences with counts and % of the commended', () => {
    const tally = tallyOrganisation(members, SCALE);
    const r = buildRollup(
      blocInput({ previous: null, orgs: [{ orgId: 'o', name: 'Đảng bộ O', state: 'submitted', expectedMembers: null, lastSubmission: null, tally }] }),
    );
    expect(figureSentences(r)).toEqual([
      'Trong số 8 đảng viên được khen thưởng năm 2025, có 2 đồng chí là bí thư đảng ủy, người đứng đầu các cơ quan, đơn vị (tỉ lệ 25%), ' +
        '2 đồng chí là bí thư chi bộ, người đứng đầu các phòng, ban, đoàn thể và tương đương (tỉ lệ 25%).',
      'Về nêu gương theo cấp lãnh đạo, đảng viên là bí thư đảng ủy, người đứng đầu các cơ quan, đơn vị được đánh giá nêu gương tốt là ' +
        '2 đồng chí, bằng 100%, nêu gương là 0 đồng chí, bằng 0%, chưa nêu gương 0 đồng chí, bằng 0%; đảng viên là bí thư chi bộ, người ' +
        'đứng đầu các phòng, ban, đoàn thể và tương đương được đánh giá nêu gương tốt là 2 đồng chí, bằng 66,7%, nêu gương là 1 đồng chí, ' +
        'bằng 33,3%, chưa nêu gương 0 đồng chí, bằng 0%.',
    ]);
    // They follow the member commendation sentence in “Báo cáo”.
    const all = reportSentences(r);
    const at = all.findIndex((s) => s.startsWith('Năm 2025, có 8 đảng viên được khen thưởng'));
    expect(all[at + 1]).toMatch(/^Trong số 8 đảng viên được khen thưởng năm 2025/);
  });
});
