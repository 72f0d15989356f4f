import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildFunctions, DEPLOY_DIR, EXTERNAL, FUNCTIONS_DIR, type DeployBuild } from '../../../local/src/deploy/build-functions.js';

/**
 * What `firebase deploy` would read, checked offline: the BUILT deploy folder (functions/dist), each export's
 * endpoint metadata (trigger, region, schedule, time zone, invoker) and the declared params.
 */
const ENTRY = join(DEPLOY_DIR, 'index.js');
const endpointSchema = z.object({
  platform: z.literal('gcfv2'),
  region: z.array(z.string()),
  httpsTrigger: z.object({ invoker: z.array(z.string()) }).optional(),
  scheduleTrigger: z.object({ schedule: z.string(), timeZone: z.string(), retryConfig: z.object({ retryCount: z.number() }) }).optional(),
  // An unset option is firebase-functions' ResetValue object.
  timeoutSeconds: z.union([z.number(), z.object({})]).nullable(),
  availableMemoryMb: z.union([z.number(), z.object({})]).nullable().optional(),
  maxInstances: z.union([z.number(), z.object({})]).nullable().optional(),
});
let endpoints: Record<string, z.infer<typeof endpointSchema>> = {};
let params: string[] = [];

let build: DeployBuild;

beforeAll(async () => {
  build = await buildFunctions();
  // As firebase-tools loads it to discover the functions (at deploy and in the emulator).
  process.env.FUNCTIONS_CONTROL_API = 'true';
  const built: Record<string, unknown> = await import(pathToFileURL(ENTRY).href);
  delete process.env.FUNCTIONS_CONTROL_API;
  endpoints = Object.fromEntries(
    Object.entries(built).map(([name, fn]) => [name, endpointSchema.parse(typeof fn === 'function' ? Reflect.get(fn, '__endpoint') : null)]),
  );
  // The CommonJS build, which firebase-tools' loader reads and describe.ts registers with.
  const declared: unknown = (createRequire(ENTRY)('firebase-functions/params') as { declaredParams: unknown }).declaredParams;
  params = z.array(z.object({ name: z.string() })).parse(declared).map((p) => p.name);
}, 120_000);

describe('deployed shape of the functions', () => {
  it('exports exactly the ten functions, all in asia-southeast1', () => {
    expect(Object.keys(endpoints).sort()).toEqual(['adminAudit', 'adminConfig', 'adminProgress', 'adminRemind', 'carryOver', 'orgAction', 'rollupSchedule', 'runRollup', 'status', 'submit']);
    for (const endpoint of Object.values(endpoints)) expect(endpoint.region).toEqual(['asia-southeast1']);
  });

  it('HTTP functions are publicly invocable (they verify the Google ID token themselves)', () => {
    for (const name of ['submit', 'status', 'orgAction', 'runRollup', 'adminConfig', 'adminAudit', 'adminProgress', 'adminRemind']) {
      expect([name, endpoints[name]?.httpsTrigger?.invoker]).toEqual([name, ['public']]);
    }
    expect(endpoints.submit?.timeoutSeconds).toBe(120);
  });

  it('the rollup runs every 5 minutes from 07:00 to 21:55 bloc time, retried twice', () => {
    expect(endpoints.rollupSchedule?.scheduleTrigger).toEqual({ schedule: '*/5 7-21 * * *', timeZone: 'Asia/Ho_Chi_Minh', retryConfig: { retryCount: 2 } });
    expect(endpoints.rollupSchedule?.httpsTrigger).toBeUndefined();
  });

  it('every function declares its memory, timeout and max instances (MiB, s, n), the rollup sized for 5.000 organisations', () => {
    const sizes = Object.fromEntries(Object.entries(endpoints).map(([name, e]) => [name, [e.availableMemoryMb, e.timeoutSeconds, e.maxInstances]]));
    expect(sizes).toEqual({
      submit: [512, 120, 10],
      status: [256, 30, 10],
      orgAction: [256, 30, 5],
      runRollup: [1024, 300, 2],
      rollupSchedule: [1024, 300, 1],
      carryOver: [256, 30, 5],
      adminConfig: [512, 60, 2],
      adminAudit: [256, 30, 2],
      adminProgress: [256, 30, 2],
      adminRemind: [256, 30, 2],
    });
  });

  it('at run time every export is a plain (req, res) handler and firebase-functions is not loaded at all', () => {
    const script = `const m = await import(${JSON.stringify(pathToFileURL(ENTRY).href)});
const { createRequire } = await import('node:module');
const loaded = Object.keys(createRequire(${JSON.stringify(ENTRY)}).cache);
console.log(JSON.stringify({ described: ['submit', 'status', 'orgAction', 'runRollup', 'rollupSchedule'].filter((n) => '__endpoint' in m[n]), arity: m.submit.length,
  admin: loaded.some((f) => f.includes('/firebase-admin/')), sdk: loaded.some((f) => f.includes('/firebase-functions/')) }));`;
    const env = { ...process.env };
    delete env.FUNCTIONS_CONTROL_API;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: FUNCTIONS_DIR, encoding: 'utf8', env });
    expect(JSON.parse(out.trim().split('\n').pop() ?? '')).toEqual({ described: [], arity: 2, admin: false, sdk: false });
  });

  it('declares BLOC_ID as a deploy parameter', () => {
    expect(params).toContain('BLOC_ID');
  });
});

/** Every module specifier a built file imports, statically or lazily. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\w*\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the deploy package (functions/dist) holds production code only', () => {
  const files = (): string[] => readdirSync(DEPLOY_DIR).filter((f) => f.endsWith('.js')).map((f) => join(DEPLOY_DIR, f));

  it('bundles functions/src and the pure libraries only: no demo, emulator, local stack, .xlsx or test code', () => {
    const outside = build.inputs.filter((input) => !input.startsWith('functions/src/') && !/^node_modules\/(zod|luxon|jose)\//.test(input));
    expect(outside).toEqual([]);
    expect(build.inputs).toContain('functions/src/index.ts');
  });

  it('installs exactly the packages left outside the bundle, at the versions of the root lock', () => {
    const imported = new Set(files().flatMap(specifiersOf).filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s)).map(packageOf));
    const manifest = z.object({ dependencies: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(join(DEPLOY_DIR, 'package.json'), 'utf8')));
    // firebase-admin: the peer firebase-functions needs.
    expect([...imported, 'firebase-admin'].sort()).toEqual([...EXTERNAL].sort());
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...EXTERNAL].sort());
    for (const version of Object.values(manifest.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('functions/package.json lists what the source imports: what is bundled and what is installed', () => {
    const bundled = build.inputs.filter((i) => i.startsWith('node_modules/')).map((i) => packageOf(i.slice('node_modules/'.length)));
    const source = z.object({ dependencies: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(resolve(FUNCTIONS_DIR, 'package.json'), 'utf8')));
    expect(Object.keys(source.dependencies).sort()).toEqual([...new Set([...bundled, ...EXTERNAL])].sort());
  });
});
