import type { Deps } from '../deps.js';
import { effectiveDeadline, localMoment, requireAdmin } from '../domain/access.js';
import { adminProgressRequestSchema, type AdminProgressAnswer, type ProgressRow } from '../domain/contract-admin.js';
import { ORG_STATE } from '../domain/enums.js';
import { percentOf } from '../domain/format.js';
import { problems } from '../domain/problems.js';
import { ROLLUP_WARNINGS } from '../domain/rollup.js';
import { localParts } from '../domain/time-zone.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { orgsCol, remindersRef, yearsCol } from '../store/paths.js';
import type { Org, YearSettings } from '../store/records.js';

/**
 * “Tiến độ”: every organisation of the year's list at a glance — state, last submission,
 * members listed against expected, the rollup's own warnings (quota, count), the deadline in
 * force (its own when reopened with one) and whether it was reminded today.
 */
export async function adminProgress(deps: Deps, caller: Caller, body: unknown): Promise<AdminProgressAnswer> {
  requireAdmin(caller.email, caller.bloc);
  const request = parseBody(adminProgressRequestSchema, body ?? {});
  const years = (await yearsCol(deps.db, deps.blocId).get()).docs.map((d) => d.data()).sort((a, b) => b.year - a.year);
  const settings = request.year === undefined ? years[0] : years.find((y) => y.year === request.year);
  if (!settings) throw problems.yearNotConfigured(request.year ?? deps.now().getUTCFullYear());
  const { timeZone } = caller.bloc;
  const today = localDay(deps.now(), timeZone);
  const [orgs, reminders] = await Promise.all([orgsCol(deps.db, deps.blocId, settings.year).get(), remindersRef(deps.db, deps.blocId, settings.year, today).get()]);
  const reminded = reminders.data()?.orgs ?? {};
  return {
    year: settings.year,
    years: years.map((y) => y.year),
    bloc: { name: caller.bloc.name, timeZone },
    deadline: settings.deadline,
    deadlineText: localMoment(settings.deadline, timeZone),
    summarySpreadsheetId: settings.summarySpreadsheetId,
    orgs: orgs.docs
      .map((d) => d.data())
      .filter((org) => org.inConfig)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((org) => progressRow(org, settings, timeZone, reminded[org.orgId] !== undefined)),
  };
}

/** yyyy-mm-dd of an instant in the bloc's zone: reminders count per local day. */
export function localDay(now: Date, timeZone: string): string {
  const { date } = localParts(now.toISOString(), timeZone);
  return date.split('/').reverse().join('-');
}

function progressRow(org: Org, year: YearSettings, timeZone: string, remindedToday: boolean): ProgressRow {
  const deadline = effectiveDeadline(org, year);
  const tally = org.state === 'not_submitted' ? null : org.tally;
  const warnings: string[] = [];
  if (tally) {
    const { HTXSNV: excellent, HTTNV: good } = tally.levels;
    if (excellent * 100 > year.quotaPercent * good) {
      warnings.push(ROLLUP_WARNINGS.QUOTA_EXCEEDED({ excellent, good, percent: percentOf(excellent, good) ?? 100, quota: year.quotaPercent, acceptedReason: org.acceptedQuotaReason }));
    }
    if (org.expectedMembers !== tally.listed) warnings.push(ROLLUP_WARNINGS.ROW_COUNT_DIFFERS({ expected: org.expectedMembers, listed: tally.listed }));
  }
  return {
    orgId: org.orgId,
    name: org.name,
    state: org.state,
    stateLabel: ORG_STATE.labelOf(org.state),
    lastSubmission: org.lastSubmission,
    listed: tally?.listed ?? null,
    expectedMembers: org.expectedMembers,
    contentHash: org.contentHash,
    warnings,
    acceptedQuotaReason: org.acceptedQuotaReason,
    deadline,
    deadlineText: localMoment(deadline, timeZone),
    ownDeadline: deadline !== year.deadline,
    secretaries: org.secretaries,
    remindedToday,
  };
}
