import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { membersCol, submissionsCol } from '../../functions/src/store/paths.js';
import type { Cell } from '../../functions/src/domain/schema.js';
import { importArchive, summaryLines, type ImportOptions } from '../../local/src/import/import-archive.js';
import { writeXlsWorkbook } from '../../local/src/xlsx/read-legacy.js';
import { validRows } from '../fixtures/sheet-grid.js';
import { layOut, SHAPES } from '../fixtures/sheet-shapes.js';
import { ADMIN, OPEN_DEADLINE, orgA, orgB, testBloc } from '../fixtures/test-bloc.js';
import { useLocalStack } from '../support/functions/local-stack.js';

/**
 * `npm run import` against the functions served over HTTP on the emulator, with an admin's
 * token from the local issuer (the injectable token source): dry run writes nothing, the import
 * writes one submission per file, running it again writes nothing more, a broken file is
 * rejected with its located errors.
 */
const h = useLocalStack('demo-import-archive', testBloc('khoi-import', 'Đảng bộ Khối Nhập lưu trữ', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(5)] } }));

const root = mkdtempSync(join(tmpdir(), 'import-archive-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const csv = (values: Cell[][]) => `\ufeff${values.map((row) => row.map((v) => (v === null ? '' : `"${String(v).replace(/"/g, '""')}"`)).join(';')).join('\r\n')}`;
const A = layOut(validRows(3), new Set(SHAPES));
const B = layOut(validRows(5).map((s, i) => ({ ...s, 'Số thẻ đảng viên': `80.${i}` })), new Set(['groupRows', 'nameSplit'] as const));
function archive(name: string, broken = false): string {
  const dir = join(root, name, '2025');
  mkdirSync(dir, { recursive: true });
  const values = A.values.map((row) => [...row]);
  if (broken) values.push([...(values[(A.memberRows[0] ?? 0) - 1] ?? [])]);
  writeFileSync(join(dir, 'cb-a.xls'), writeXlsWorkbook([{ name: 'Hướng dẫn', values: [['HƯỚNG DẪN']] }, { name: 'Danh sách', values, merges: A.merges }]));
  writeFileSync(join(dir, 'cb-b.csv'), csv(B.values));
  return join(root, name);
}
const good = archive('good');
const broken = archive('broken', true);

const options = (dir: string, dryRun: boolean, lines: string[]): ImportOptions => ({
  dir,
  baseUrl: h.stack.baseUrl,
  token: () => h.stack.token(ADMIN),
  dryRun,
  progress: (line) => lines.push(line),
});
async function stored() {
  const { db, blocId } = h.stack;
  const count = async (orgId: string) => [
    (await membersCol(db, blocId, 2025, orgId).get()).size,
    (await submissionsCol(db, blocId, 2025, orgId).get()).size,
  ];
  return { 'cb-a': await count('cb-a'), 'cb-b': await count('cb-b') };
}

describe('import-archive into the functions (emulator)', () => {
  it('--dry-run checks every file on the server and writes nothing', async () => {
    await h.reset();
    const lines: string[] = [];
    const summary = await importArchive(options(good, true, lines));
    expect(summary.outcomes.map((o) => [o.orgId, o.accepted, o.result, o.listed])).toEqual([
      ['cb-a', true, 'dry_run', 3],
      ['cb-b', true, 'dry_run', 5],
    ]);
    expect(lines).toEqual(['[1/2] 2025 cb-a (cb-a.xls): hợp lệ (chạy thử, chưa ghi), 3 đảng viên', '[2/2] 2025 cb-b (cb-b.csv): hợp lệ (chạy thử, chưa ghi), 5 đảng viên']);
    expect(await stored()).toEqual({ 'cb-a': [0, 0], 'cb-b': [0, 0] });
  });

  it('imports one submission per file; running it again replays the answers and writes nothing more', async () => {
    await h.reset();
    const first = await importArchive(options(good, false, []));
    expect(first.outcomes.map((o) => [o.orgId, o.result, o.listed])).toEqual([
      ['cb-a', 'accepted', 3],
      ['cb-b', 'accepted', 5],
    ]);
    expect(await stored()).toEqual({ 'cb-a': [3, 1], 'cb-b': [5, 1] });
    const again = await importArchive(options(good, false, []));
    expect(again.outcomes.map((o) => [o.orgId, o.accepted, o.result])).toEqual([
      ['cb-a', true, 'accepted'],
      ['cb-b', true, 'accepted'],
    ]);
    expect(await stored()).toEqual({ 'cb-a': [3, 1], 'cb-b': [5, 1] });
    const members = (await membersCol(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).docs.map((d) => d.data()).sort((a, b) => a.row - b.row);
    expect(members.map((m) => [m.row, m.fullName, m.cardNumber])).toEqual([
      [7, 'Đảng viên 1', '79.000001'],
      [8, 'Đảng viên 2', '79.000002'],
      [9, 'Đảng viên 3', '79.000003'],
    ]);
  });

  it('a broken file is rejected with its located error; the summary lists it', async () => {
    await h.reset();
    const summary = await importArchive(options(broken, false, []));
    expect([summary.accepted, summary.rejected]).toEqual([1, 1]);
    const a = summary.outcomes.find((o) => o.orgId === 'cb-a');
    const row = A.values.length + 1;
    expect([a?.result, a?.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row])]).toEqual(['VALIDATION_FAILED', [['LIST_AFTER_END', row]]]);
    const lines = summaryLines(summary, false);
    expect(lines[0]).toBe('Tổng cộng 2 tệp: 1 tệp được ghi nhận, 1 tệp bị từ chối.');
    expect(lines[2]).toBe(`    Dòng ${row}: dòng này có dữ liệu đảng viên nhưng nằm dưới dòng tổng cộng hoặc phần chữ ký (dòng ${A.endRow ?? 0}), nơi danh sách đã kết thúc. Hãy chuyển dòng này lên trên dòng ${A.endRow ?? 0}, hoặc xóa nó nếu không phải đảng viên.`);
    expect(await stored()).toEqual({ 'cb-a': [0, 0], 'cb-b': [5, 1] });
  });

  it('the command exits 0 only when every file was accepted (token from ID_TOKEN)', async () => {
    await h.reset();
    const token = await h.stack.token(ADMIN);
    const cli = (dir: string) =>
      promisify(execFile)(resolve('node_modules/.bin/tsx'), ['scripts/import-archive.ts', '--url', h.stack.baseUrl, '--dir', dir, '--dry-run'], {
        env: { ...process.env, ID_TOKEN: token },
      });
    const ok = await cli(good);
    expect(ok.stdout).toContain('Tổng cộng 2 tệp: 2 tệp hợp lệ (chạy thử, chưa ghi gì), 0 tệp bị từ chối.');
    await expect(cli(broken)).rejects.toMatchObject({ code: 1 });
    expect(await stored()).toEqual({ 'cb-a': [0, 0], 'cb-b': [0, 0] });
  });
});
