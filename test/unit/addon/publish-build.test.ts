import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The add-on as published: a versioned Apps Script deployment requires `urlFetchWhitelist`, so a
 * publishing build (ADDON_PUBLISH=1, `npm run build:publish -w sheets-addon`) carries the
 * server's origin or refuses to build. Each build writes to its own temporary folder.
 */
const BUILD = resolve(import.meta.dirname, '../../../sheets-addon/build.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'addon-publish-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function build(env: Record<string, string>, name: string) {
  const outDir = join(scratch, name);
  const { ADDON_SERVER_URL: _url, ADDON_PUBLISH: _publish, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [BUILD], { encoding: 'utf8', env: { ...inherited, ADDON_OUT_DIR: outDir, ...env } });
  const manifestPath = join(outDir, 'appsscript.json');
  const manifest: unknown = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
  return { status: run.status, stderr: run.stderr, manifest, outDir };
}

describe('publishing build of the add-on', () => {
  it('refuses without ADDON_SERVER_URL, says what to set, and writes nothing', () => {
    const run = build({ ADDON_PUBLISH: '1' }, 'no-url');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('set ADDON_SERVER_URL to the base URL of the deployed functions');
    expect(run.stderr).toContain('npm run build:publish -w sheets-addon');
    expect(existsSync(run.outDir)).toBe(false);
  });

  it('refuses a plain-http server address', () => {
    const run = build({ ADDON_PUBLISH: '1', ADDON_SERVER_URL: 'http://127.0.0.1:5001/demo/asia-southeast1' }, 'http');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ADDON_SERVER_URL must be https for a published add-on');
  });

  it("carries the server's origin, with the trailing slash Apps Script requires", () => {
    const run = build({ ADDON_PUBLISH: '1', ADDON_SERVER_URL: 'https://asia-southeast1-ledger-prod.cloudfunctions.net/' }, 'published');
    expect(run.status).toBe(0);
    expect(run.manifest).toMatchObject({ urlFetchWhitelist: ['https://asia-southeast1-ledger-prod.cloudfunctions.net/'], runtimeVersion: 'V8' });
    expect(readFileSync(join(run.outDir, 'Code.js'), 'utf8')).toContain('"https://asia-southeast1-ledger-prod.cloudfunctions.net"');
  });

  it('a development build without a server address has no whitelist (test deployments only)', () => {
    const run = build({}, 'dev');
    expect(run.status).toBe(0);
    expect(run.manifest).not.toHaveProperty('urlFetchWhitelist');
  });
});
