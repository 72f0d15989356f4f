import { carryOver } from './carry-over.js';
import { adminAudit } from './admin-audit.js';
import { adminConfig } from './admin-config.js';
import { adminProgress } from './admin-progress.js';
import { adminRemind } from './admin-remind.js';
import { orgAction } from './org-action.js';
import { runRollup } from './run-rollup.js';
import { status } from './status.js';
import { submit } from './submit.js';

/**
 * The plain HTTP handlers by their deployed names. index.ts wraps them for `firebase deploy`;
 * dev/serve.ts registers the very same handlers with functions-framework for local runs.
 */
export const httpHandlers = { submit, status, orgAction, runRollup, carryOver, adminConfig, adminAudit, adminProgress, adminRemind } as const;
export type FunctionName = keyof typeof httpHandlers;
