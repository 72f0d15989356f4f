/**
 * The admin console's globals (menu items), re-exported by index.ts: each a top-level function
 * of dist/Code.js. The menu offers them only to admins (roles.ts); the server refuses everyone else.
 */
export { menuAdminApplyConfig, menuAdminCheckConfig, menuAdminLoadConfig } from './config.js';
export { menuAdminAcceptQuota, menuAdminApprove, menuAdminLock, menuAdminProgress, menuAdminReopen } from './progress.js';
export { menuAdminAudit } from './audit.js';
export { menuAdminRemind } from './remind.js';
export { menuAdminRollup, menuOpenSummary } from './rollup.js';
