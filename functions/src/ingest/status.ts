import { ORG_STATE } from '../domain/enums.js';
import { localParts } from '../domain/deadline.js';
import { problems } from '../http/problems.js';
import { parseBody, type Reply } from '../http/wrap.js';
import { orgsCol, yearsCol, type Bloc, type Org, type YearSettings } from '../store/collections.js';
import { RULE_PACKS_BY_ID } from '../domain/rules.js';
import { defaultRulePack } from '../domain/schema.js';
import { effectiveDeadline, isAdmin, isLeader, lockOf } from './access.js';
import { loadBloc } from './context.js';
import { yearQuerySchema } from './request.js';
import type { IngestDeps } from './submit.js';

/**
 * What the add-on's sidebar shows the caller: the organisations they may submit for, each
 * one's state, deadline and last submission, and the year's settings the offline validator
 * and the template's dropdowns need.
 */
export async function callerStatus(deps: IngestDeps, email: string, body: unknown): Promise<Reply> {
  const query = parseBody(yearQuerySchema, body ?? {});
  const bloc = await loadBloc(deps.db, deps.blocId);
  const years = (await yearsCol(deps.db, deps.blocId).get()).docs.map((d) => d.data()).sort((a, b) => b.year - a.year);
  const settings = query.year === undefined ? years[0] : years.find((y) => y.year === query.year);
  if (!settings) throw problems.yearNotConfigured(query.year ?? new Date().getFullYear());
  const admin = isAdmin(email, bloc);
  const orgs = orgsCol(deps.db, deps.blocId, settings.year);
  const snapshot = admin ? await orgs.get() : await orgs.where('secretaries', 'array-contains', email).get();
  const mine = snapshot.docs.map((d) => d.data()).filter((o) => o.inConfig);
  const roles = [...(admin ? ['admin'] : []), ...(isLeader(email, bloc) ? ['leader'] : []), ...(mine.length > 0 && !admin ? ['secretary'] : [])];
  if (roles.length === 0) throw problems.notRegistered(email, bloc.admins);
  const now = deps.now();
  return {
    status: 200,
    body: {
      email,
      roles,
      bloc: { name: bloc.name, timeZone: bloc.timeZone },
      year: settings.year,
      years: years.map((y) => y.year),
      settings: publicSettings(settings),
      orgs: mine.sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((org) => orgStatus(org, settings, bloc, now)),
    },
  };
}

function publicSettings(y: YearSettings) {
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
  };
}

function orgStatus(org: Org, year: YearSettings, bloc: Bloc, now: Date) {
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
    canSubmit: lock === null,
    lock: lock ? { code: lock.code, message: lock.message } : null,
  };
}
