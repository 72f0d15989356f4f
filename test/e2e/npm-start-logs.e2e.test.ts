import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` keeps the functions' logs: its structured lines go to functions.log beside the
 * workbook (not over the progress lines), and the last progress line says where. Run as the
 * README runs it — scripts/start.ts in its own process, with its own emulator — on a two-
 * organisation bloc so it stays quick.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONFIG = `
id: khoi-log
name: Đảng bộ Khối Nhật ký
admins: [admin@khoi.vn]
oauthClientIds: [local-client.apps.googleusercontent.com]
years:
  2025:
    deadline: 15/01/2099 17:00
    orgs:
      - { id: org-01, name: Chi bộ Một, secretaries: [bt1@khoi.vn], expectedMembers: 12 }
      - { id: org-02, name: Chi bộ Hai, secretaries: [bt2@khoi.vn], expectedMembers: 7 }
`;

function runStart(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/start.ts'), ...args], {
      cwd: dir,
      env: { ...process.env, FIRESTORE_EMULATOR_HOST: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm start keeps the functions’ logs', () => {
  it('writes them to out/functions.log beside the workbook and says so; none reach the terminal', { timeout: 180_000 }, async () => {
    writeFileSync(join(dir, 'bloc.yaml'), CONFIG);
    const out = join(dir, 'out', 'tong-hop-2025.xlsx');
    const run = await runStart(['--config', join(dir, 'bloc.yaml'), '--out', out]);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(existsSync(out)).toBe(true);

    const logFile = join(dir, 'out', 'functions.log');
    expect(run.stdout).toContain(`Nhật ký của các hàm (mã tra cứu lỗi): ${logFile}`);
    const lines = readFileSync(logFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { severity: string; message: string; orgId?: string; result?: string });
    const written = lines.filter((l) => l.message === 'submission written');
    expect(written.map((l) => [l.orgId, l.result]).sort()).toEqual([
      ['org-01', 'accepted'],
      ['org-02', 'accepted'],
    ]);
    expect(lines.every((l) => ['DEBUG', 'INFO', 'NOTICE', 'WARNING', 'ERROR'].includes(l.severity))).toBe(true);
    // Structured lines go to the file only: the terminal shows the progress, not JSON.
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/"severity":/);
  });
});
