import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyBlocConfig } from '../../functions/src/bloc-config/apply.js';
import { MAX_BODY_BYTES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '../../functions/src/domain/contract.js';
import { buildFunctions } from '../../local/src/deploy/build-functions.js';
import { parseBlocConfig } from '../../local/src/bloc-config-file.js';
import { createLocalIssuer } from '../../local/src/identity/local-issuer.js';
import { dumpTree } from '../support/firestore/dump.js';
import { TEMPLATE_HEADERS, grid, validRows } from '../fixtures/sheet-grid.js';
import { OPEN_DEADLINE, orgA, SECRETARY_A, testBloc } from '../fixtures/test-bloc.js';
import { TEST_AUDIENCE } from '../support/functions/local-stack.js';
import { freePort } from '../support/free-port.js';

/**
 * The worst requests a secretary can send, against what is deployed: the built bundle
 * (functions/dist's build, into a folder of this test), served by functions-framework as Cloud
 * Functions serves `submit`, on Node.js 22, with the heap capped at submit's configured memory
 * (512 MiB). Each is answered with its catalogue code, the process survives, a small submission
 * sent at the same time is answered, and the process's peak resident memory (VmHWM) stays
 * under the configured memory.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const NODE22 = resolve(ROOT, 'node_modules/node/bin/node');
const FRAMEWORK = resolve(ROOT, 'node_modules/@google-cloud/functions-framework/build/src/main.js');
const SUBMIT_MEMORY_MIB = 512; // functions/src/index.ts: submit
const PROJECT = 'demo-worst-case';
const BLOC = 'khoi-worst';
const ROOT_PATH = `blocs/${BLOC}`;

const workDir = mkdtempSync(join(tmpdir(), 'worst-case-'));
let child: ChildProcess | undefined;
let baseUrl = '';
let token = '';
let db: Firestore;
let output = '';

/** Starts a new peak for the served process (Linux: "5" to clear_refs resets VmHWM). */
function resetPeak(): void {
  writeFileSync(`/proc/${String(child?.pid)}/clear_refs`, '5');
}

/** Peak resident set of the served process since the last reset, in MiB (Linux /proc). */
function peakRssMiB(): number {
  const status = readFileSync(`/proc/${String(child?.pid)}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error('no VmHWM in /proc status');
  return Number(kb) / 1024;
}

async function submit(body: unknown): Promise<{ status: number; json: { error?: { code: string; message: string }; result?: string } }> {
  const text = JSON.stringify(body);
  expect(Buffer.byteLength(text)).toBeLessThan(MAX_BODY_BYTES);
  const res = await fetch(`${baseUrl}/`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: text });
  return { status: res.status, json: (await res.json()) as never };
}

let sequence = 0;
const request = (values: unknown, extra: Record<string, unknown> = {}) => ({ year: 2025, orgId: 'cb-a', submissionId: `worst-case-${String(++sequence).padStart(4, '0')}`, sheet: { values }, ...extra });

beforeAll(async () => {
  const emulator = inject('firestoreEmulator');
  if (!emulator) throw new Error('the emulator project provides firestoreEmulator');
  const host = `${emulator.host}:${String(emulator.port)}`;
  process.env.FIRESTORE_EMULATOR_HOST = host;
  db = new Firestore({ projectId: PROJECT });
  await applyBlocConfig(db, parseBlocConfig(testBloc(BLOC, 'Đảng bộ Khối Thử nghiệm', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3)] } }, { audience: TEST_AUDIENCE }), 'worst case'), { by: 'test' });

  const source = join(workDir, 'functions');
  await buildFunctions(source);
  symlinkSync(resolve(ROOT, 'node_modules'), join(source, 'node_modules'));
  const issuer = await createLocalIssuer({ keyFile: join(workDir, 'key.json') });
  issuer.writePublicJwks(join(workDir, 'jwks.json'));
  token = await issuer.signIdToken({ email: SECRETARY_A, aud: TEST_AUDIENCE });

  const port = await freePort();
  child = spawn(NODE22, [`--max-old-space-size=${String(SUBMIT_MEMORY_MIB)}`, FRAMEWORK, '--target=submit', `--source=${source}`, `--port=${String(port)}`], {
    cwd: source,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', FIRESTORE_EMULATOR_HOST: host, GCLOUD_PROJECT: PROJECT, BLOC_ID: BLOC, LOCAL_ID_TOKEN_JWKS: join(workDir, 'jwks.json'), METADATA_SERVER_DETECTION: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  baseUrl = `http://127.0.0.1:${String(port)}`;
  for (let i = 0; ; i++) {
    const up = await fetch(baseUrl, { method: 'GET' }).then(() => true, () => false);
    if (up) break;
    if (i > 200 || child.exitCode !== null) throw new Error(`submit did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await db.terminate();
  rmSync(workDir, { recursive: true, force: true });
});

/** The worst case answered as expected while a small dry run is answered too, nothing written. */
async function underLoad(name: string, values: unknown, expected: { status: number; code: string }) {
  const before = await dumpTree(db, ROOT_PATH);
  resetPeak();
  const started = Date.now();
  const small = (async () => {
    await new Promise((r) => setTimeout(r, 200)); // once the big body is on its way
    const at = Date.now();
    const reply = await submit(request(grid(validRows(3)), { dryRun: true }));
    return { ...reply, ms: Date.now() - at };
  })();
  const [big, other] = await Promise.all([submit(request(values)), small]);
  const ms = Date.now() - started;
  expect([big.status, big.json.error?.code], `${name}: ${JSON.stringify(big.json).slice(0, 300)}`).toEqual([expected.status, expected.code]);
  expect(big.json.error?.message).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
  expect(other.status, 'the small dry run sent meanwhile').toBe(200);
  expect(child?.exitCode, output).toBeNull();
  expect(await dumpTree(db, ROOT_PATH)).toEqual(before);
  const peak = peakRssMiB();
  console.log(`${name}: ${String(big.status)} ${expected.code} in ${String(ms)} ms; small dry run ${String(other.ms)} ms; peak RSS ${peak.toFixed(0)} MiB`);
  expect(peak, "peak resident memory stays under the configured memory, with a margin").toBeLessThan(SUBMIT_MEMORY_MIB * 0.9);
}

describe(`the worst requests against the deployed submit on Node 22 with ${String(SUBMIT_MEMORY_MIB)} MiB`, () => {
  it('5.000 rows, every field of every row invalid (9 MB): 422 with the first issues, the process survives', { timeout: 120_000 }, async () => {
    const junk = Array.from({ length: MAX_SHEET_ROWS - 1 }, (_, r) => TEMPLATE_HEADERS.map((_, c) => `Giỏi ${String(r)} ${String(c)} `.padEnd(45, 'ê')));
    await underLoad('every cell invalid', [[...TEMPLATE_HEADERS], ...junk], { status: 422, code: 'VALIDATION_FAILED' });
  });

  it(`5.000 rows × ${String(MAX_SHEET_COLUMNS)} columns of junk: 422`, { timeout: 120_000 }, async () => {
    const header = [...TEMPLATE_HEADERS, ...Array.from({ length: MAX_SHEET_COLUMNS - TEMPLATE_HEADERS.length }, (_, i) => `Cột ${String(i)}`)];
    const junk = Array.from({ length: MAX_SHEET_ROWS - 1 }, (_, r) => header.map(() => `G${String(r % 97)}`));
    await underLoad('widest sheet', [header, ...junk], { status: 422, code: 'VALIDATION_FAILED' });
  });

  it('4,9 million header cells in 9,8 MB: 413 TOO_MANY_COLUMNS', { timeout: 120_000 }, async () => {
    await underLoad('4,9 million cells', [Array.from({ length: 4_900_000 }, () => 0), ['x']], { status: 413, code: 'TOO_MANY_COLUMNS' });
  });

  it('3.300 members with 100-letter names in 3-byte letters: 413 before any commit', { timeout: 120_000 }, async () => {
    await underLoad('member index too large', grid(validRows(3_300, { 'Họ và tên': `Lê ${'Ệệễ'.repeat(32)}` })), { status: 413, code: 'MEMBER_INDEX_TOO_LARGE' });
  });
});
