import { describe, expect, it } from 'vitest';
import { blankOrgFigures, type OrgFigures } from '../../../functions/src/domain/org-figures.js';
import { figureSentences } from '../../../functions/src/domain/report-figures.js';
import { buildRollup, type RollupOrgInput } from '../../../functions/src/domain/rollup.js';
import { reportSentences } from '../../../functions/src/domain/report.js';
import { tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { blocInput } from '../../fixtures/bloc.js';
import { engaged, makeEvaluation, SCALE } from '../../fixtures/evaluations.js';

const org = (id: string, state: RollupOrgInput['state'], figures: Partial<OrgFigures> | null, commended = 0): RollupOrgInput => ({
  orgId: id,
  name: `Chi bộ ${id}`,
  state,
  expectedMembers: null,
  lastSubmission: null,
  // 4 members: 3 studied the resolution (75%), `commended` of them commended at grassroots level.
  tally: tallyOrganisation(
    [engaged(), engaged(), engaged(), makeEvaluation({ studiedResolution: false })].map((e, i) =>
      i < commended ? { ...e, commendation: 'grassroots' as const } : e,
    ),
    SCALE,
  ),
  orgFigures: figures && { ...blankOrgFigures(), ...figures },
});

describe('the organisations’ own figures in “Báo cáo” (hand-checked)', () => {
  it('study among quần chúng, works, models and collectives, with who reported', () => {
    const r = buildRollup(
      blocInput({
        previous: null,
        orgs: [
          org('a', 'submitted', { massesTotal: 1200, massesStudied: 1121, worksRegistered: 150, worksCompleted: 140, worksCommendedBloc: 15, worksCommendedProvince: 6, models: 40, collectivesGrassroots: 20, collectivesBloc: 7, collectivesProvince: 2 }, 2),
          org('b', 'approved', { massesTotal: 300, massesStudied: 280, worksRegistered: 55, worksCompleted: 50, worksCommendedBloc: 6, worksCommendedProvince: 3, models: 24, collectivesGrassroots: 5, collectivesBloc: 1 }, 1),
          org('c', 'submitted', null),
          org('d', 'not_submitted', { massesTotal: 999, worksRegistered: 999 }),
        ],
      }),
    );
    expect(r.figures?.orgs).toBe(3);
    expect(r.figures?.reported.massesTotal).toBe(2);
    // 1.401 / 1.500 = 93,4%; 190 / 205 = 92,68…% → 92,7%; collectives 25 + 8 + 2 = 35.
    expect(figureSentences(r)).toEqual([
      'Năm 2025, tỷ lệ đảng viên tham gia học tập, quán triệt nghị quyết đạt 75%; quần chúng đạt 93,4% (1.401/1.500 quần chúng) (theo số liệu của 2/3 tổ chức đã nộp).',
      'Năm 2025, các tổ chức cơ sở đảng đã đăng ký 205 công trình, phần việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ' +
        'hoàn thành 190 công trình, phần việc, bằng 92,7%; trong đó, 21 công trình tiêu biểu được khen thưởng cấp Khối và 9 công trình được ' +
        'khen thưởng cấp tỉnh, thành phố (theo số liệu của 2/3 tổ chức đã nộp).',
      'Năm 2025, các tổ chức cơ sở đảng xây dựng, nhân rộng 64 mô hình, điển hình học tập và làm theo Bác (theo số liệu của 2/3 tổ chức đã nộp).',
      'Năm 2025, có 35 tập thể điển hình được tuyên dương, khen thưởng (cấp cơ sở 25 tập thể; cấp Khối 8 tập thể; cấp tỉnh, thành phố 2 tập thể), ' +
        'cùng 3 cá nhân là đảng viên (theo số liệu của 2/3 tổ chức đã nộp).',
    ]);
    expect(reportSentences(r).slice(-4)).toEqual(figureSentences(r));
  });

  it('no note when every submitted organisation reported; a figure nobody reported has no sentence', () => {
    const r = buildRollup(blocInput({ previous: null, orgs: [org('a', 'submitted', { models: 0 }), org('b', 'submitted', { models: 3 })] }));
    expect(figureSentences(r)).toEqual(['Năm 2025, các tổ chức cơ sở đảng xây dựng, nhân rộng 3 mô hình, điển hình học tập và làm theo Bác.']);
  });

  it('a bloc that collects no figures reads as before: no figures in the rollup, no new sentence', () => {
    const r = buildRollup(blocInput({ previous: null, orgs: [org('a', 'submitted', null)] }));
    expect(r.figures).toBeUndefined();
    expect(figureSentences(r)).toEqual([]);
  });
});
