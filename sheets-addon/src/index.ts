/**
 * The globals Apps Script calls: triggers, menu items and the sidebar's google.script.run
 * callbacks. One line each into an importable module; build.mjs turns every export into a
 * top-level function of dist/Code.js.
 */
import * as menu from './actions/menu.js';
import { selectCell as select } from './actions/sidebar.js';
export * from './admin/entries.js';

export const onOpen = (event?: { authMode?: unknown }): void => { menu.onOpen(event); };
export const onInstall = (event?: { authMode?: unknown }): void => { menu.onOpen(event); };
export const menuOpenSidebar = (): void => { menu.menuOpenSidebar(); };
export const menuCreateSheet = (): void => { menu.menuCreateSheet(); };
export const menuCheck = (): void => { menu.menuCheck(); };
export const menuSubmit = (): void => { menu.menuSubmit(); };
export const menuSetServerUrl = (): void => { menu.menuSetServerUrl(); };
export const sidebarState = () => menu.sidebarState();
export const sidebarRefresh = () => menu.sidebarRefresh();
export const sidebarCheck = (runId?: unknown) => menu.sidebarCheck(runId);
export const sidebarSubmit = (runId?: unknown) => menu.sidebarSubmit(runId);
export const sidebarProgress = (runId: unknown) => menu.sidebarProgress(runId);
export const sidebarCreate = (year: number, orgId: string) => menu.sidebarCreate(year, orgId);
export const sidebarLink = (year: number, orgId: string) => menu.sidebarLink(year, orgId);
export const selectCell = (sheetName: string, row: number, columnIndex: number | null): void => { select(sheetName, row, columnIndex); };
