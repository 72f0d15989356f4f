import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Builds sheets-addon/dist (Code.js, the sidebar, appsscript.json) before any test runs, so
 * tests that evaluate the bundle always see the current sources (esbuild: well under a second).
 */
export default function setup(): void {
  const build = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../../sheets-addon/build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`sheets-addon build failed:\n${build.stderr || build.stdout}`);
}
