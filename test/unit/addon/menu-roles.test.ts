import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppsScriptEnvironment } from '../../support/addon/apps-script-fakes.js';

/**
 * The menu by the roles the server last named (kept in the user's properties), offline: admin
 * items only for admins, “Mở bảng tổng hợp” for leaders, and the server-address item never once
 * the address is fixed at build time (nor, once set, for anyone but an admin).
 */
const BUILD = resolve(import.meta.dirname, '../../../sheets-addon/build.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'addon-menu-'));
let fixedDist = '';
beforeAll(() => {
  fixedDist = join(scratch, 'fixed');
  const { ADDON_SERVER_URL: _url, ADDON_PUBLISH: _publish, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [BUILD], { encoding: 'utf8', env: { ...inherited, ADDON_OUT_DIR: fixedDist, ADDON_SERVER_URL: 'https://asia-southeast1-du-an.cloudfunctions.net' } });
  expect(run.status).toBe(0);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function menuOf(roles: string[] | null, options: { distDir?: string; serverSet?: boolean; authMode?: string } = {}): string[] {
  const env = new AppsScriptEnvironment({ user: 'x@k.vn', identityToken: 'unused', ...(options.distDir ? { distDir: options.distDir } : {}) });
  if (roles) env.userProps.setProperty('roles', JSON.stringify(roles));
  if (options.serverSet) env.setScriptProperty('SERVER_URL', 'https://asia-southeast1-du-an.cloudfunctions.net');
  env.run('onOpen', { authMode: options.authMode ?? 'LIMITED' });
  return env.uiLog().menus.at(-1)?.items.map((i) => i.caption) ?? [];
}

const SECRETARY_ITEMS = ['Mở bảng điều khiển', 'Tạo bảng đánh giá', 'Kiểm tra dữ liệu', 'Gửi dữ liệu'];

describe('the menu by role', () => {
  it('a secretary: the four items, and the address item only while no address is set', () => {
    expect(menuOf(['secretary'], { serverSet: true })).toEqual(SECRETARY_ITEMS);
    expect(menuOf(null)).toEqual([...SECRETARY_ITEMS, '---', 'Cài đặt địa chỉ máy chủ']);
  });

  it('a leader: “Mở bảng tổng hợp” and the sidebar, no admin item', () => {
    expect(menuOf(['leader'], { serverSet: true })).toEqual(['Mở bảng điều khiển', '---', 'Mở bảng tổng hợp']);
  });

  it('an admin: the console items; with the address fixed at build time no address item, in any mode', () => {
    const admin = menuOf(['admin'], { serverSet: true });
    expect(admin.filter((c) => c.startsWith('Quản trị:'))).toHaveLength(11);
    expect(admin.at(-1)).toBe('Cài đặt địa chỉ máy chủ');
    const fixed = menuOf(['admin'], { distDir: fixedDist });
    expect(fixed.filter((c) => c.startsWith('Quản trị:'))).toHaveLength(11);
    expect(fixed).not.toContain('Cài đặt địa chỉ máy chủ');
    expect(menuOf(null, { distDir: fixedDist, authMode: 'NONE' })).toEqual(SECRETARY_ITEMS);
    expect(menuOf(['secretary'], { distDir: fixedDist })).toEqual(SECRETARY_ITEMS);
  });
});
