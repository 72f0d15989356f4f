import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { z } from 'zod';
import { lockSchema, pruneLock } from './functions-lock.js';

/**
 * The deploy artifact `firebase deploy` uploads (firebase.json → functions/dist): the functions
 * bundled with esbuild — our code with zod, luxon and jose in a few files, which halves the
 * modules a cold start loads — and the packages that stay outside the bundle pinned to the
 * versions the tests ran with, in a package-lock.json cut from the root lock (Cloud Build
 * installs from the uploaded folder alone, never seeing the workspace's lock).
 */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const FUNCTIONS_DIR = join(REPO_ROOT, 'functions');
export const DEPLOY_DIR = join(FUNCTIONS_DIR, 'dist');

/**
 * Left outside the bundle: the Firestore client (gRPC loads its .proto files from disk), the
 * Sheets client (large, loaded by the rollup only), and firebase-functions with its peer
 * firebase-admin (loaded only when firebase-tools reads the functions' metadata).
 */
export const EXTERNAL = ['@google-cloud/firestore', '@googleapis/sheets', 'firebase-functions', 'firebase-admin'] as const;

const manifestSchema = z.object({ name: z.string(), engines: z.object({ node: z.string() }), dependencies: z.record(z.string(), z.string()) });

export interface DeployBuild {
  readonly files: readonly string[];
  /** Every source file bundled, relative to the repository. */
  readonly inputs: readonly string[];
  readonly dependencies: Readonly<Record<string, string>>;
}

export async function buildFunctions(outDir = DEPLOY_DIR): Promise<DeployBuild> {
  const source = manifestSchema.parse(JSON.parse(readFileSync(join(FUNCTIONS_DIR, 'package.json'), 'utf8')));
  const rootLock = lockSchema.parse(JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')));
  const missing = EXTERNAL.filter((name) => !(name in source.dependencies));
  if (missing.length > 0) throw new Error(`functions/package.json must list ${missing.join(', ')} (they are installed, not bundled)`);

  // Generated files only: firebase deploy keeps its .env.<project> files (BLOC_ID) here.
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) if (/\.(js|map)$|^package(-lock)?\.json$/.test(name)) rmSync(join(outDir, name));

  const result = await build({
    entryPoints: [join(FUNCTIONS_DIR, 'src/index.ts')],
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${source.engines.node}`,
    external: [...EXTERNAL],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    banner: { js: '// Built by local/src/deploy/build-functions.ts from functions/src: do not edit.' },
  });

  // Exact versions, as the root lock resolved them: the uploaded package.json alone pins them too.
  const dependencies = Object.fromEntries(
    EXTERNAL.map((name) => {
      const version = rootLock.packages[`functions/node_modules/${name}`]?.version ?? rootLock.packages[`node_modules/${name}`]?.version;
      if (!version) throw new Error(`${name} is not in package-lock.json: run npm install`);
      return [name, version];
    }),
  );
  const manifest = { name: source.name, private: true, type: 'module', main: 'index.js', engines: source.engines, dependencies };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(outDir, 'package-lock.json'), `${JSON.stringify(pruneLock(rootLock, 'functions', manifest), null, 2)}\n`);
  return { files: readdirSync(outDir).sort(), inputs: inputsOf(result.metafile), dependencies };
}

function inputsOf(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).map((input) => relative(REPO_ROOT, resolve(process.cwd(), input))).sort();
}
