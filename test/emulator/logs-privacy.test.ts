import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLogSink } from '../../functions/src/logs.js';
import { grid, validRows, type RowSpec } from '../fixtures/sheet-grid.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { OPEN_DEADLINE, orgA, testBloc } from '../fixtures/test-bloc.js';

/**
 * Logs carry ids and counts, never a member's row: captured through setLogSink during an
 * accepted submission, a rejected one and a rollup, no line may contain a member's name, card
 * number, pledge or note (in any Unicode form), while the organisation, the submission id and
 * the counts are there.
 */
const CONFIG = testBloc('khoi-logs', 'Đảng bộ Khối Nhật ký', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3)] } }, { leaders: [] });
const h = useLocalStack('demo-logs', CONFIG);

const PRIVATE: RowSpec[] = [
  { 'Họ và tên': 'Phạm Thị Riêng Tư', 'Số thẻ đảng viên': '79.424242', 'Đăng ký làm theo': 'Cam kết tiết kiệm điện nước', 'Ghi chú': 'Đang điều trị bệnh dài ngày' },
  { 'Họ và tên': 'Trịnh Văn Kín Đáo', 'Số thẻ đảng viên': '79.535353', 'Đăng ký làm theo': 'Học thêm tiếng Anh mỗi tối', 'Ghi chú': 'Chuyển sinh hoạt tạm thời' },
  { 'Họ và tên': 'Lò Thị Bảo Mật', 'Số thẻ đảng viên': '79.646464', 'Đăng ký làm theo': 'Đạp xe đi làm', 'Ghi chú': 'Gia đình chính sách' },
];
const members = (): RowSpec[] => validRows(3).map((row, i) => ({ ...row, ...PRIVATE[i] }));
/** Every personal value, plus its forms a log might hold: NFD, upper case, without the card's dot. */
const secrets = PRIVATE.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'))
  .flatMap((v) => [v, v.normalize('NFD'), v.toUpperCase(), v.replace('.', '')]);

let lines: string[] = [];
let n = 0;
const submissionId = () => `logs-${++n}-${Date.now()}`;

beforeEach(async () => {
  await h.reset();
  lines = [];
  setLogSink((line) => lines.push(line));
});
afterEach(() => setLogSink(() => undefined));

function expectNoMemberData(): void {
  expect(lines.length).toBeGreaterThan(0);
  const leaks = lines.flatMap((line) => secrets.filter((s) => line.includes(s)).map((s) => `${s} in ${line}`));
  expect(leaks).toEqual([]);
}
const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('logs never carry a member’s row', () => {
  it('an accepted submission logs the organisation, the submission id and the counts only', async () => {
    const id = submissionId();
    const res = await h.post('submit', { year: 2025, orgId: 'cb-a', submissionId: id, sheet: { values: grid(members()) } }, 'bithu.a@a.vn');
    expect(res.status).toBe(200);
    expectNoMemberData();
    expect(parsed()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'submission validated', orgId: 'cb-a', year: 2025, listed: 3, errors: 0 }),
        expect.objectContaining({ message: 'submission written', orgId: 'cb-a', submissionId: id, result: 'accepted', imported: 3, removed: 0 }),
      ]),
    );
  });

  it('a rejected submission logs the counts and the refusal, not the offending cells', async () => {
    const rows = members();
    rows[1] = { ...rows[1], 'Xếp loại': 'Trịnh Văn Kín Đáo xuất sắc' };
    rows[2] = { ...rows[2], 'Ngày sinh': 'Lò Thị Bảo Mật' };
    const res = await h.post('submit', { year: 2025, orgId: 'cb-a', submissionId: submissionId(), sheet: { values: grid(rows) } }, 'bithu.a@a.vn');
    expect(res.status).toBe(422);
    expectNoMemberData();
    expect(parsed()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'submission validated', orgId: 'cb-a', listed: 3, errors: 2 }),
        expect.objectContaining({ message: 'request refused', fn: 'submit', status: 422, code: 'VALIDATION_FAILED' }),
      ]),
    );
  });

  it('a rollup logs the bloc, the year and its counts', async () => {
    await h.post('submit', { year: 2025, orgId: 'cb-a', submissionId: submissionId(), sheet: { values: grid(members()) } }, 'bithu.a@a.vn');
    lines = [];
    const res = await h.post('runRollup', { year: 2025 }, 'admin@khoi.vn');
    expect(res.status).toBe(200);
    expectNoMemberData();
    expect(parsed()).toEqual(expect.arrayContaining([expect.objectContaining({ message: 'rollup written', blocId: 'khoi-logs', year: 2025, orgs: 1 })]));
  });
});
