import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFunctions } from '../../local/src/deploy/build-functions.js';
import { FIREBASE_CLI, prepareFirebaseEmulators } from '../../scripts/firebase-emulators.js';
import { freePort } from '../support/free-port.js';

/**
 * The Firebase CLI's own local workflow, offline: `firebase emulators:exec --only
 * firestore,functions` with the preinstalled gcloud jar (through the generated wrapper jar) runs
 * a script that calls `status` and `submit` through the FUNCTIONS emulator (the functions built
 * for this test) and prints what they answered.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const PROJECT = 'demo-firebase-exec';
const BLOC = 'khoi-exec';
const workDir = mkdtempSync(join(tmpdir(), 'firebase-exec-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGTERM'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('firebase emulators:exec --only firestore,functions (offline, gcloud jar)', () => {
  it('status and submit answer through the functions emulator', async () => {
    // The deploy bundle built into a folder of this test (the deploy-shape test builds
    // functions/dist at the same time), served with the workspace's node_modules.
    const functionsSource = join(workDir, 'functions');
    await buildFunctions(functionsSource);
    symlinkSync(resolve(ROOT, 'node_modules'), join(functionsSource, 'node_modules'));
    const ports = { firestore: await freePort(), functions: await freePort(), hub: await freePort(), logging: await freePort() };
    const { configPath, env } = prepareFirebaseEmulators({ workDir, projectId: PROJECT, blocId: BLOC, ports, functionsSource });
    const client = `${JSON.stringify(process.execPath)} ${JSON.stringify(resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'))} ${JSON.stringify(resolve(ROOT, 'test/support/functions/firebase-exec-client.ts'))}`;
    const result = await run(
      process.execPath,
      [FIREBASE_CLI, 'emulators:exec', '--only', 'firestore,functions', '--project', PROJECT, '--config', configPath, client],
      {
        ...env,
        LOCAL_ID_TOKEN_JWKS: join(workDir, 'jwks.json'),
        EXEC_PROJECT_ID: PROJECT,
        EXEC_BLOC_ID: BLOC,
        EXEC_FUNCTIONS_URL: `http://127.0.0.1:${ports.functions}/${PROJECT}/asia-southeast1`,
      },
      150_000,
    );
    expect(result.code, result.output).toBe(0);
    const line = result.output.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, result.output).toBeDefined();
    const answers: unknown = JSON.parse(line?.slice('RESULT '.length) ?? 'null');
    expect(answers).toMatchObject({
      before: { status: 200, json: { roles: ['secretary'], year: 2025, orgs: [{ orgId: 'cb-a', state: 'not_submitted', canSubmit: true }] } },
      submit: {
        status: 200,
        json: {
          result: 'accepted',
          orgId: 'cb-a',
          state: 'submitted',
          counts: { listed: 3, imported: 3, rejected: 0 },
          rows: [
            { row: 2, cardNumber: '79.000001', status: 'imported' },
            { row: 3, cardNumber: '79.000002', status: 'imported' },
            { row: 4, cardNumber: '79.000003', status: 'imported' },
          ],
        },
      },
      after: { status: 200, json: { orgs: [{ orgId: 'cb-a', state: 'submitted', stateLabel: 'Đã nộp' }] } },
      storedState: 'submitted',
    });
    // All five functions were loaded by the functions emulator, the schedule included (not fired).
    for (const fn of ['submit', 'status', 'orgAction', 'runRollup', 'rollupSchedule', 'carryOver']) expect(result.output).toContain(fn);
  }, 240_000);
});
