import type { Deps } from '../deps.js';
import { effectiveDeadline, isAdmin, isLeader, lockOf } from '../domain/access.js';
import { statusRequestSchema, type OrgStatus, type Role, type StatusAnswer, type YearSettingsView } from '../domain/contract.js';
import { ORG_STATE } from '../domain/enums.js';
import { problems } from '../domain/problems.js';
import { RULE_PACKS_BY_ID } from '../domain/rules.js';
import { defaultRulePack } from '../domain/schema.js';
import { localParts } from '../domain/time-zone.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { orgsCol, yearsCol } from '../store/paths.js';
import type { Bloc, Org, YearSettings } from '../store/records.js';

/**
 * What the add-on's sidebar shows the caller: the organisations they may submit for, each
 * one's state, deadline and last submission, and the year's settings the offline validator
 * and the template's dropdowns need.
 */
export async function callerStatus(deps: Deps, caller: Caller, body: unknown): Promise<StatusAnswer> {
  const { email, bloc } = caller;
  const query = parseBody(statusRequestSchema, body ?? {});
  const years = (await yearsCol(deps.db, deps.blocId).get()).docs.map((d) => d.data()).sort((a, b) => b.year - a.year);
  const settings = query.year === undefined ? years[0] : years.find((y) => y.year === query.year);
  if (!settings) throw problems.yearNotConfigured(query.year ?? new Date().getFullYear());
  const admin = isAdmin(email, bloc);
  const orgs = orgsCol(deps.db, deps.blocId, settings.year);
  const snapshot = admin ? await orgs.get() : await orgs.where('secretaries', 'array-contains', email).get();
  const mine = snapshot.docs.map((d) => d.data()).filter((o) => o.inConfig);
  const roles: Role[] = [...(admin ? ['admin' as const] : []), ...(isLeader(email, bloc) ? ['leader' as const] : []), ...(mine.length > 0 && !admin ? ['secretary' as const] : [])];
  if (roles.length === 0) throw problems.notRegistered(email, bloc.admins);
  const now = deps.now();
  return {
    email,
    roles,
    bloc: { name: bloc.name, timeZone: bloc.timeZone, support: bloc.support },
    year: settings.year,
    years: years.map((y) => y.year),
    settings: publicSettings(settings),
    orgs: mine.sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((org) => orgStatus(org, settings, bloc, now)),
    ...(roles.includes('admin') || roles.includes('leader') ? { summarySpreadsheetId: settings.summarySpreadsheetId } : {}),
  };
}

function publicSettings(y: YearSettings): YearSettingsView {
  const pack = y.rulePack ?? defaultRulePack(y.year);
  return {
    year: y.year,
    rulePack: pack,
    rulePackTitle: RULE_PACKS_BY_ID[pack].title,
    exemplaryScale: y.exemplaryScale,
    quotaMode: y.quotaMode,
    quotaPercent: y.quotaPercent,
    evaluationDate: y.evaluationDate,
    deadline: y.deadline,
    ...(y.orgFiguresRequired.length > 0 ? { orgFiguresRequired: y.orgFiguresRequired } : {}),
  };
}

function orgStatus(org: Org, year: YearSettings, bloc: Bloc, now: Date): OrgStatus {
  const deadline = effectiveDeadline(org, year);
  const { date, time } = localParts(deadline, bloc.timeZone);
  const lock = lockOf(org, year, bloc, now);
  return {
    orgId: org.orgId,
    name: org.name,
    state: org.state,
    stateLabel: ORG_STATE.labelOf(org.state),
    expectedMembers: org.expectedMembers,
    deadline,
    deadlineText: `${time} ngày ${date}`,
    lastSubmission: org.lastSubmission,
    contentHash: org.contentHash,
    canSubmit: lock === null,
    lock: lock ? { code: lock.code, message: lock.message } : null,
  };
}
