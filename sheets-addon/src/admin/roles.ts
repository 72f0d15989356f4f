import { z } from 'zod';
import type { StatusAnswer } from '../domain.js';
import { BUILT_IN_SERVER_URL, serverUrl } from '../apps-script/http.js';
import { readJson, writeJson } from '../apps-script/properties.js';
import { MENU_ITEMS } from '../texts/labels.js';
import { ADMIN_MENU, ROLES_KEY, SUMMARY_KEY } from './labels.js';

/**
 * The menu by role. The server decides who is an admin or a leader (status → roles); the
 * add-on keeps the last answer in the user's properties and builds the menu from it, so a
 * secretary never sees an admin item and the menu follows a change of role at the next status
 * call. Before the add-on is authorised (AuthMode.NONE) only the secretary's items exist.
 */
const rolesSchema = z.array(z.enum(['secretary', 'admin', 'leader']));
type Roles = z.infer<typeof rolesSchema>;

const userStore = () => PropertiesService.getUserProperties();

export function cachedRoles(): Roles {
  return readJson(userStore(), ROLES_KEY, rolesSchema) ?? [];
}

/** After a status call: remember the roles (and the summary's id) and rebuild the menu when the roles changed. */
export function rememberRoles(status: StatusAnswer): void {
  const before = cachedRoles();
  const store = userStore();
  if (JSON.stringify(before) !== JSON.stringify(status.roles)) {
    writeJson(store, ROLES_KEY, status.roles);
    buildMenu(status.roles);
  }
  if (status.summarySpreadsheetId) store.setProperty(SUMMARY_KEY, status.summarySpreadsheetId);
}

export function buildMenu(roles: Roles): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  const admin = roles.includes('admin');
  const leaderOnly = roles.includes('leader') && !admin && !roles.includes('secretary');
  menu.addItem(MENU_ITEMS.sidebar, 'menuOpenSidebar');
  if (!leaderOnly) menu.addItem(MENU_ITEMS.create, 'menuCreateSheet').addItem(MENU_ITEMS.check, 'menuCheck').addItem(MENU_ITEMS.submit, 'menuSubmit');
  if (admin || roles.includes('leader')) menu.addSeparator().addItem(ADMIN_MENU.openSummary, 'menuOpenSummary');
  if (admin) {
    menu
      .addSeparator()
      .addItem(ADMIN_MENU.loadConfig, 'menuAdminLoadConfig')
      .addItem(ADMIN_MENU.checkConfig, 'menuAdminCheckConfig')
      .addItem(ADMIN_MENU.applyConfig, 'menuAdminApplyConfig')
      .addItem(ADMIN_MENU.progress, 'menuAdminProgress')
      .addItem(ADMIN_MENU.approve, 'menuAdminApprove')
      .addItem(ADMIN_MENU.lock, 'menuAdminLock')
      .addItem(ADMIN_MENU.reopen, 'menuAdminReopen')
      .addItem(ADMIN_MENU.acceptQuota, 'menuAdminAcceptQuota')
      .addItem(ADMIN_MENU.remind, 'menuAdminRemind')
      .addItem(ADMIN_MENU.audit, 'menuAdminAudit')
      .addItem(ADMIN_MENU.rollup, 'menuAdminRollup');
  }
  // The address: while none is set (to set the first one), then for admins; never once fixed at build time.
  if (BUILT_IN_SERVER_URL === '' && (admin || serverUrl() === null)) menu.addSeparator().addItem(MENU_ITEMS.serverUrl, 'menuSetServerUrl');
  menu.addToUi();
}

/** onOpen: in AuthMode.NONE no service but the menu may be used, so only the secretary's items. */
export function openMenu(authMode: unknown): void {
  if (authMode === ScriptApp.AuthMode.NONE) {
    const menu = SpreadsheetApp.getUi()
      .createAddonMenu()
      .addItem(MENU_ITEMS.sidebar, 'menuOpenSidebar')
      .addItem(MENU_ITEMS.create, 'menuCreateSheet')
      .addItem(MENU_ITEMS.check, 'menuCheck')
      .addItem(MENU_ITEMS.submit, 'menuSubmit');
    if (BUILT_IN_SERVER_URL === '') menu.addSeparator().addItem(MENU_ITEMS.serverUrl, 'menuSetServerUrl');
    menu.addToUi();
    return;
  }
  buildMenu(cachedRoles());
}
