import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockSchema, pruneLock, type Lock } from '../../../local/src/deploy/functions-lock.js';
import { buildFunctions } from '../../../local/src/deploy/build-functions.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (path: string): Lock => lockSchema.parse(JSON.parse(readFileSync(path, 'utf8')));

describe('functions/dist/package-lock.json: what Cloud Build installs is what the tests ran', () => {
  it('pins every package at the root lock’s version and integrity, including each direct dependency', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    const built = await buildFunctions(dir);
    const root = read(join(ROOT, 'package-lock.json'));
    const deployed = read(join(dir, 'package-lock.json'));
    for (const [name, version] of Object.entries(built.dependencies)) expect([name, deployed.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
    expect(Object.keys(deployed.packages).length).toBeGreaterThan(100);
    for (const [path, entry] of Object.entries(deployed.packages)) {
      if (path === '') continue;
      const source = root.packages[path] ?? root.packages[`functions/${path}`];
      expect([path, entry.version, entry.integrity]).toEqual([path, source?.version, source?.integrity]);
    }
    // Bundled or local: never installed in the deployed tree.
    for (const absent of ['zod', 'luxon', 'exceljs', 'yaml', '@google-cloud/functions-framework', 'vitest', 'firebase-tools']) expect(deployed.packages[`node_modules/${absent}`]).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('pruneLock', () => {
  const root: Lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'repo' },
      functions: { name: '@x/functions', dependencies: { a: '^1.0.0', c: '^2.0.0' } },
      'node_modules/a': { version: '1.2.0', integrity: 'sha-a', dependencies: { b: '^1' }, optionalDependencies: { gone: '^1' } },
      'node_modules/b': { version: '1.0.0', integrity: 'sha-b1', dev: true },
      'node_modules/a/node_modules/b': { version: '1.5.0', integrity: 'sha-b15', peerDependencies: { p: '*' }, peerDependenciesMeta: { p: { optional: true } } },
      'functions/node_modules/c': { version: '2.0.0', integrity: 'sha-c2' },
      'node_modules/c': { version: '3.0.0', integrity: 'sha-c3' },
      'node_modules/unrelated': { version: '9.0.0', integrity: 'sha-u' },
    },
  };

  it('keeps what the workspace reaches the way Node resolves it, moves its own node_modules to the top, drops dev flags and the rest', () => {
    const manifest = { name: '@x/functions', dependencies: { a: '^1.0.0', c: '^2.0.0' }, engines: { node: '22' } };
    const withoutRootC: Lock = { ...root, packages: Object.fromEntries(Object.entries(root.packages).filter(([k]) => k !== 'node_modules/c')) };
    expect(pruneLock(withoutRootC, 'functions', manifest)).toEqual({
      name: '@x/functions',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: '@x/functions', dependencies: { a: '^1.0.0', c: '^2.0.0' }, engines: { node: '22' } },
        'node_modules/a': { version: '1.2.0', integrity: 'sha-a', dependencies: { b: '^1' }, optionalDependencies: { gone: '^1' } },
        'node_modules/a/node_modules/b': { version: '1.5.0', integrity: 'sha-b15', peerDependencies: { p: '*' }, peerDependenciesMeta: { p: { optional: true } } },
        'node_modules/c': { version: '2.0.0', integrity: 'sha-c2' },
      },
    });
  });

  it('refuses a tree that would need two versions at the top, and a dependency missing from the lock', () => {
    expect(() => pruneLock(root, 'functions', { name: 'f', dependencies: { a: '^1', c: '^2' } })).not.toThrow();
    const both: Lock = { ...root, packages: { ...root.packages, 'node_modules/a': { version: '1.2.0', dependencies: { c: '^3' } } } };
    expect(() => pruneLock(both, 'functions', { name: 'f', dependencies: { a: '^1', c: '^2' } })).toThrow('node_modules/c exists in two versions');
    expect(() => pruneLock(root, 'functions', { name: 'f', dependencies: { missing: '^1' } })).toThrow('missing (needed by functions) is not in the root lock');
  });
});
