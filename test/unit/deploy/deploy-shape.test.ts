import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * What `firebase deploy` would read, checked offline: the BUILT functions module, each export's
 * endpoint metadata (trigger, region, schedule, time zone, invoker) and the declared params.
 */
const FUNCTIONS_DIR = resolve(import.meta.dirname, '../../../functions');
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

beforeAll(async () => {
  // A clean build: tsc never deletes what an earlier layout left in lib/.
  rmSync(resolve(FUNCTIONS_DIR, 'lib'), { recursive: true, force: true });
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', FUNCTIONS_DIR], { stdio: 'inherit' });
  const built: Record<string, unknown> = await import(pathToFileURL(resolve(FUNCTIONS_DIR, 'lib/index.js')).href);
  endpoints = Object.fromEntries(
    Object.entries(built).map(([name, fn]) => [name, endpointSchema.parse(typeof fn === 'function' ? Reflect.get(fn, '__endpoint') : null)]),
  );
  const declared: unknown = (await import('firebase-functions/params')).declaredParams;
  params = z.array(z.object({ name: z.string() })).parse(declared).map((p) => p.name);
}, 120_000);

describe('deployed shape of the functions', () => {
  it('exports exactly the five functions, all in asia-southeast1', () => {
    expect(Object.keys(endpoints).sort()).toEqual(['orgAction', 'rollupSchedule', 'runRollup', 'status', 'submit']);
    for (const endpoint of Object.values(endpoints)) expect(endpoint.region).toEqual(['asia-southeast1']);
  });

  it('HTTP functions are publicly invocable (they verify the Google ID token themselves)', () => {
    for (const name of ['submit', 'status', 'orgAction', 'runRollup']) {
      expect([name, endpoints[name]?.httpsTrigger?.invoker]).toEqual([name, ['public']]);
    }
    expect(endpoints.submit?.timeoutSeconds).toBe(120);
  });

  it('the rollup runs hourly from 07:00 to 22:00 bloc time, retried twice', () => {
    expect(endpoints.rollupSchedule?.scheduleTrigger).toEqual({ schedule: '0 7-22 * * *', timeZone: 'Asia/Ho_Chi_Minh', retryConfig: { retryCount: 2 } });
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
    });
  });

  it('declares BLOC_ID as a deploy parameter', () => {
    expect(params).toContain('BLOC_ID');
  });
});

/** Every module specifier a built file imports, statically or lazily. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the deploy package holds production code only', () => {
  const lib = resolve(FUNCTIONS_DIR, 'lib');
  const files = (): string[] => readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).map((f) => join(lib, f));

  it('no local tooling: every relative import stays inside lib/, no demo, emulator, local stack or .xlsx code', () => {
    for (const file of files()) {
      expect(relative(lib, file)).not.toMatch(/^(dev|demo|local)\/|xlsx|emulator/);
      for (const spec of specifiersOf(file).filter((s) => s.startsWith('.'))) {
        expect(relative(lib, resolve(dirname(file), spec)), `${relative(lib, file)} imports ${spec}`).not.toMatch(/^\.\./);
      }
    }
  });

  it('functions/package.json lists exactly the packages production imports (firebase-admin: the peer firebase-functions needs)', () => {
    const imported = new Set(
      files()
        .flatMap(specifiersOf)
        .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
        .map(packageOf),
    );
    const manifest = z.object({ dependencies: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync(resolve(FUNCTIONS_DIR, 'package.json'), 'utf8')));
    expect([...imported, 'firebase-admin'].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });
});
