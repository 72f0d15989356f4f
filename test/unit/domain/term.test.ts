import { describe, expect, it } from 'vitest';
import { blankOrgFigures, type OrgFigures } from '../../../functions/src/domain/org-figures.js';
import { buildRollup, type BlocRollup } from '../../../functions/src/domain/rollup.js';
import { buildSummaryModel, displayRows } from '../../../functions/src/domain/summary-model.js';
import { tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { buildTerm, termOf, termSchema, termSentences } from '../../../functions/src/domain/term.js';
import type { Evaluation } from '../../../functions/src/domain/schema.js';
import { blocInput } from '../../fixtures/bloc.js';
import { engaged, makeEvaluation, NG, SCALE } from '../../fixtures/evaluations.js';

/**
 * A 2021–2025 term with rollups for 2023, 2024 and 2025 only (hand-checked):
 * 2023: 4 members (3 HTTNV, 1 HTNV), 1 commended (a unit head), figures: 10 works registered, 8 done, 2 models, 3 collectives;
 * 2024: 5 members, 2 commended (1 unit head, 1 department head), 12 registered, 12 done (1 commended cấp Khối), no models reported;
 * 2025: 6 members, 3 commended (no tier), 20 registered, 15 done, 4 models, 2 collectives.
 */
const unitHead = (c: Evaluation['commendation'] = 'bloc') => makeEvaluation({ isLeader: true, leaderTier: 'unit_head', commendation: c });
const deptHead = (c: Evaluation['commendation'] = 'grassroots') => makeEvaluation({ isLeader: true, leaderTier: 'department_head', commendation: c });

function year(y: number, members: Evaluation[], figures: Partial<OrgFigures> | null): BlocRollup {
  return buildRollup(
    blocInput({
      year: y,
      previous: null,
      orgs: [{ orgId: 'o', name: 'Đảng bộ O', state: 'approved', expectedMembers: null, lastSubmission: null, tally: tallyOrganisation(members, SCALE), orgFigures: figures && { ...blankOrgFigures(), ...figures } }],
    }),
  );
}

const rollups = new Map<number, BlocRollup>([
  [2023, year(2023, [unitHead(), engaged(), engaged({ exemplary: NG }), makeEvaluation({ rating: 'HTNV', studiedResolution: false })], { massesTotal: 50, massesStudied: 45, worksRegistered: 10, worksCompleted: 8, models: 2, collectivesGrassroots: 2, collectivesBloc: 1 })],
  [2024, year(2024, [unitHead('province'), deptHead(), engaged(), engaged(), engaged()], { massesTotal: 52, massesStudied: 52, worksRegistered: 12, worksCompleted: 12, worksCommendedBloc: 1 })],
  [2025, year(2025, [engaged({ commendation: 'grassroots' }), engaged({ commendation: 'grassroots' }), engaged({ commendation: 'bloc' }), engaged(), engaged(), engaged()], { massesTotal: 60, massesStudied: 54, worksRegistered: 20, worksCompleted: 15, models: 4, collectivesGrassroots: 2 })],
]);
const term = termSchema.parse({ from: 2021, to: 2025 });

describe('buildTerm: per year, sums for flows, averages for rates, none for stocks', () => {
  const s = buildTerm(term, rollups);
  const row = (key: string) => {
    const i = s.indicators.find((x) => x.key === key);
    return i && [i.nature, i.values, i.total];
  };

  it('values and totals (hand-checked)', () => {
    expect(s.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(s.missingYears).toEqual([2021, 2022]);
    expect(row('listed')).toEqual(['stock', [null, null, 4, 5, 6], null]);
    expect(row('level.HTTNV')).toEqual(['stock', [null, null, 3, 5, 6], null]);
    expect(row('exemplaryTop')).toEqual(['stock', [null, null, 3, 5, 6], null]);
    expect(row('massesTotal')).toEqual(['stock', [null, null, 50, 52, 60], null]);
    // 2023: 2 of 4 studied (50%: the unit head's row leaves it blank), 2024: 3 of 5 (60%), 2025: 100% → average 70.
    expect(row('studiedResolution')).toEqual(['rate', [null, null, 50, 60, 100], 70]);
    expect(row('massesStudiedRate')).toEqual(['rate', [null, null, 90, 100, 90], 93.3]);
    expect(row('worksRegistered')).toEqual(['flow', [null, null, 10, 12, 20], 42]);
    expect(row('worksCompleted')).toEqual(['flow', [null, null, 8, 12, 15], 35]);
    expect(row('worksCommendedBloc')).toEqual(['flow', [null, null, null, 1, null], 1]);
    expect(row('models')).toEqual(['flow', [null, null, 2, null, 4], 6]);
    expect(row('commended')).toEqual(['flow', [null, null, 1, 2, 3], 6]);
    expect(row('commended.unit_head')).toEqual(['flow', [null, null, 1, 1, null], 2]);
    expect(row('commended.department_head')).toEqual(['flow', [null, null, 0, 1, null], 1]);
    expect(row('collectives')).toEqual(['flow', [null, null, 3, null, 2], 5]);
  });

  it('writes the “Nhiệm kỳ 2021–2025, …” sentences', () => {
    expect(termSentences(s)).toEqual([
      'Nhiệm kỳ 2021–2025, số đảng viên trong danh sách đánh giá từ 4 đồng chí (năm 2023) đến 6 đồng chí (năm 2025).',
      'Nhiệm kỳ 2021–2025, tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết bình quân hằng năm đạt 70%; quần chúng 93,3%.',
      'Nhiệm kỳ 2021–2025, các tổ chức cơ sở đảng đã đăng ký 42 công trình, phần việc học tập và làm theo tư tưởng, đạo đức, phong cách ' +
        'Hồ Chí Minh, hoàn thành 35 công trình, phần việc, bằng 83,3%; trong đó, 1 công trình tiêu biểu được khen thưởng cấp Khối và ' +
        '0 công trình được khen thưởng cấp tỉnh, thành phố; xây dựng, nhân rộng 6 mô hình, điển hình học tập và làm theo Bác; 5 lượt ' +
        'tập thể điển hình được tuyên dương, khen thưởng.',
      'Nhiệm kỳ 2021–2025, có 6 lượt đảng viên được khen thưởng; trong đó, 2 lượt đồng chí là bí thư đảng ủy, người đứng đầu các cơ quan, ' +
        'đơn vị (tỉ lệ 33,3%), 1 lượt đồng chí là bí thư chi bộ, người đứng đầu các phòng, ban, đoàn thể và tương đương (tỉ lệ 16,7%).',
      'Chưa có số liệu năm 2021, 2022 trong sổ đánh giá; số liệu của nhiệm kỳ chỉ tính các năm đã có.',
    ]);
  });

  it('the “Nhiệm kỳ” tab shows each year, the way each indicator is totalled, and no total for stocks', () => {
    const rollup = rollups.get(2025);
    if (!rollup) throw new Error('fixture');
    const model = buildSummaryModel(rollup, [], s);
    expect(model.tabs.map((t) => t.name)).toEqual(['Tổng hợp', 'Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh', 'Số liệu tổ chức', 'Nhiệm kỳ']);
    const rows = displayRows(model.tabs[6]!);
    expect(rows.slice(0, 4)).toEqual([
      ['Nhiệm kỳ 2021–2025: các chỉ tiêu chủ yếu theo từng năm'],
      ['Chỉ tiêu', 'Cách tính', 'Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025', 'Cả nhiệm kỳ'],
      ['Số đảng viên trong danh sách đánh giá', 'Số từng năm, không cộng', '', '', '4', '5', '6', '–'],
      ['Đảng viên hoàn thành xuất sắc nhiệm vụ', 'Số từng năm, không cộng', '', '', '0', '0', '0', '–'],
    ]);
    expect(rows.find((r) => r[0] === 'Tỷ lệ đảng viên học tập nghị quyết')).toEqual(['Tỷ lệ đảng viên học tập nghị quyết', 'Bình quân các năm', '', '', '50,0%', '60,0%', '100,0%', '70,0%']);
    expect(rows.find((r) => r[0] === 'Công trình, phần việc hoàn thành')).toEqual(['Công trình, phần việc hoàn thành', 'Cộng cả nhiệm kỳ', '', '', '8', '12', '15', '35']);
    expect(rows.at(-1)).toEqual(['Chưa có số liệu năm 2021, 2022.']);
    // “Số liệu tổ chức”: the year's figures with how many organisations reported each.
    expect(displayRows(model.tabs[5]!).slice(0, 4)).toEqual([
      ['Số liệu của các tổ chức cơ sở đảng năm 2025'],
      ['Chỉ tiêu', 'Tổng số', 'Số tổ chức báo cáo', 'Số tổ chức đã nộp'],
      ['Số quần chúng', '60', '1', '1'],
      ['Quần chúng tham gia học tập nghị quyết', '54', '1', '1'],
    ]);
  });

  it('termOf finds the term holding a year; the schema refuses a reversed or over-long term', () => {
    expect(termOf([term], 2024)).toEqual(term);
    expect(termOf([term], 2026)).toBeNull();
    expect(termSchema.safeParse({ from: 2025, to: 2020 }).success).toBe(false);
    expect(termSchema.safeParse({ from: 2000, to: 2020 }).success).toBe(false);
  });
});
