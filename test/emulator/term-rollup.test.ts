import { beforeEach, describe, expect, it } from 'vitest';
import { orgFiguresTemplate } from '../../functions/src/domain/org-figures.js';
import { displayRows } from '../../functions/src/domain/summary-model.js';
import { runRollup } from '../../functions/src/rollup/rollup-job.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { OPEN_DEADLINE, orgA, SECRETARY_A, testBloc } from '../fixtures/test-bloc.js';
import { useLocalStack } from '../support/functions/local-stack.js';

/** Issue 18: the rollup job reads the term's other stored rollups and writes the “Nhiệm kỳ” tab. */
const CONFIG = JSON.stringify({
  ...(JSON.parse(testBloc('khoi-nhiem-ky', 'Đảng bộ Khối Nhiệm kỳ', {
    2024: { deadline: OPEN_DEADLINE, orgs: [orgA(3)] },
    2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3)] },
  })) as Record<string, unknown>),
  terms: [{ from: 2024, to: 2025 }],
});
const h = useLocalStack('demo-term-rollup', CONFIG);
beforeEach(() => h.reset());

let sequence = 0;
const submit = (year: number, rows: number, works: number) =>
  h.post(
    'submit',
    {
      year,
      orgId: 'cb-a',
      submissionId: `term-${++sequence}-${Date.now()}`,
      sheet: { values: grid(validRows(rows, year === 2024 ? { Điểm: null } : {})) },
      orgFigures: { values: orgFiguresTemplate(year, []).map((r) => (r[1] === 'Công trình, phần việc đăng ký làm theo' ? [r[0] ?? null, r[1], works, null] : r)) },
    },
    SECRETARY_A,
  );

describe('runRollup over a term', () => {
  it('sums the works of both years, shows members per year, and rebuilds when an earlier year changes', async () => {
    expect((await submit(2024, 2, 7)).status).toBe(200);
    expect((await submit(2025, 3, 5)).status).toBe(200);
    const deps = { db: h.stack.db, blocId: h.stack.blocId, now: () => new Date('2026-01-20T10:00:00+07:00') };
    await runRollup(deps, 2024);
    const first = await runRollup(deps, 2025);
    if (first.status !== 'written') throw new Error(`expected a written rollup, got ${first.status}`);
    expect(first.term?.indicators.find((i) => i.key === 'worksRegistered')).toMatchObject({ nature: 'flow', values: [7, 5], total: 12 });
    expect(first.term?.indicators.find((i) => i.key === 'listed')).toMatchObject({ nature: 'stock', values: [2, 3], total: null });
    expect(first.sentences).toContain(
      'Nhiệm kỳ 2024–2025, các tổ chức cơ sở đảng đã đăng ký 12 công trình, phần việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
    );
    const tab = first.model.tabs.find((t) => t.name === 'Nhiệm kỳ');
    expect(tab && displayRows(tab).find((r) => r[0] === 'Công trình, phần việc đăng ký làm theo')).toEqual(['Công trình, phần việc đăng ký làm theo', 'Cộng cả nhiệm kỳ', '7', '5', '12']);

    // Nothing changed: skipped. 2024 changes and is rolled up again: 2025's summary is rebuilt with it.
    expect((await runRollup(deps, 2025)).status).toBe('skipped');
    expect((await submit(2024, 2, 9)).status).toBe(200);
    await runRollup(deps, 2024);
    const again = await runRollup(deps, 2025);
    if (again.status !== 'written') throw new Error(`expected a written rollup, got ${again.status}`);
    expect(again.term?.indicators.find((i) => i.key === 'worksRegistered')?.total).toBe(14);
  });
});
