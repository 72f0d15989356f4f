import { beforeEach } from 'vitest';
import { membersCol } from '../../../functions/src/store/paths.js';
import { grid, validRows, type RowSpec } from '../../fixtures/sheet-grid.js';
import { OPEN_DEADLINE, orgA, orgB, PAST_DEADLINE, testBloc } from '../../fixtures/test-bloc.js';
import { useLocalStack } from './local-stack.js';

/**
 * The bloc of the submit and orgAction emulator tests: two organisations in 2025 (deadline
 * open), one in 2024 (deadline passed), one secretary; each file gets its own emulator project.
 */
export const INGEST_CONFIG = testBloc('khoi-test', 'Đảng bộ Khối Thử nghiệm', {
  2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(5)] },
  2024: { deadline: PAST_DEADLINE, orgs: [orgA(3)] },
});
export const SECRETARY = 'bithu.a@a.vn';
export const ROOT = 'blocs/khoi-test';

export function useIngestStack(projectId: `demo-${string}`) {
  const h = useLocalStack(projectId, INGEST_CONFIG);
  let sequence = 0;
  const submissionId = () => `test-submission-${++sequence}-${Date.now()}`;
  const request = (rows: RowSpec[], extra: Record<string, unknown> = {}) => ({
    year: 2025,
    orgId: 'cb-a',
    submissionId: submissionId(),
    sheet: { values: grid(rows) },
    ...extra,
  });
  const three = () => validRows(3);
  async function members(orgId = 'cb-a', year = 2025) {
    const snap = await membersCol(h.stack.db, h.stack.blocId, year, orgId).get();
    return snap.docs.map((d) => d.data()).sort((a, b) => a.row - b.row);
  }
  beforeEach(() => h.reset());
  return { h, submissionId, request, three, members };
}
