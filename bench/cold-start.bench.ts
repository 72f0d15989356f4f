import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { buildFunctions, DEPLOY_DIR } from '../local/src/deploy/build-functions.js';
import { pathToFileURL } from 'node:url';
import { stat, type Stat } from './stats.js';

/**
 * Cold start, as Cloud Functions pays it: a fresh process importing the BUILT entry
 * (functions/dist/index.js, the deploy bundle), side by side with a fresh process importing @google-cloud/firestore
 * alone — the floor, since every function needs the Firestore client. Rounds alternate the two
 * so machine load hits both alike; each figure is the median of the rounds.
 */
export interface ColdStartBench {
  readonly node: string;
  readonly runs: number;
  readonly entryMs: Stat;
  readonly firestoreMs: Stat;
  /** entry ÷ firestore, of the medians. */
  readonly ratio: number;
  readonly entryModules: number;
  readonly firestoreModules: number;
}

const ROOT = resolve(import.meta.dirname, '..');
const ENTRY = join(DEPLOY_DIR, 'index.js');

/** The Node the functions are deployed on (the registry's node@22 package) when installed, else this one. */
export function deployedNode(): string {
  const candidate = resolve(ROOT, 'node_modules/node/bin/node');
  return existsSync(candidate) ? candidate : process.execPath;
}

/** One fresh process: milliseconds to import `target`, and how many CommonJS modules it loaded. */
function importOnce(node: string, target: string): { ms: number; modules: number } {
  const script = `const t = performance.now(); await import(${JSON.stringify(target)}); const ms = performance.now() - t;
const { createRequire } = await import('node:module'); const r = createRequire(${JSON.stringify(ENTRY)});
console.log(JSON.stringify({ ms, modules: Object.keys(r.cache).length }));`;
  const out = execFileSync(node, ['--input-type=module', '-e', script], { cwd: resolve(ROOT, 'functions'), encoding: 'utf8', env: { ...process.env, METADATA_SERVER_DETECTION: 'none' } });
  const parsed = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { ms: number; modules: number };
  return parsed;
}

export async function benchColdStart(runs: number): Promise<ColdStartBench> {
  await buildFunctions();
  const node = deployedNode();
  const firestore = pathToFileURL(createRequire(ENTRY).resolve('@google-cloud/firestore')).href;
  const entry = pathToFileURL(ENTRY).href;
  importOnce(node, entry); // fill the OS file cache, as a warm instance image would
  const entryRuns: { ms: number; modules: number }[] = [];
  const firestoreRuns: { ms: number; modules: number }[] = [];
  for (let i = 0; i < runs; i++) {
    entryRuns.push(importOnce(node, entry));
    firestoreRuns.push(importOnce(node, firestore));
  }
  const entryMs = stat(entryRuns.map((r) => r.ms));
  const firestoreMs = stat(firestoreRuns.map((r) => r.ms));
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  return {
    node: version,
    runs,
    entryMs,
    firestoreMs,
    ratio: entryMs.median / firestoreMs.median,
    entryModules: Math.max(...entryRuns.map((r) => r.modules)),
    firestoreModules: Math.max(...firestoreRuns.map((r) => r.modules)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchColdStart(Number(process.argv[2] ?? 9));
  console.log(JSON.stringify(result, null, 2));
}
