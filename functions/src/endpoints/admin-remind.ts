import type { Deps } from '../deps.js';
import { effectiveDeadline, localMoment, requireAdmin } from '../domain/access.js';
import { adminRemindRequestSchema, type AdminRemindAnswer } from '../domain/contract-admin.js';
import { problems } from '../domain/problems.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { logs } from '../logs.js';
import { auditCol, orgsCol, remindersRef, yearRef } from '../store/paths.js';
import type { RemindersDay } from '../store/records.js';
import { localDay } from './admin-progress.js';

/**
 * “Nhắc nộp”: claims today's reminders for every organisation of the list that has not
 * submitted, in ONE transaction that records each (the day's reminders document and an audit
 * entry per organisation). An organisation already reminded today (by anyone) is not claimed
 * again, so a second click the same day sends nothing. The add-on then sends the e-mails from
 * the admin's own account (MailApp): the server never sends mail.
 */
export async function adminRemind(deps: Deps, caller: Caller, body: unknown): Promise<AdminRemindAnswer> {
  requireAdmin(caller.email, caller.bloc);
  const request = parseBody(adminRemindRequestSchema, body ?? {});
  const { db, blocId } = deps;
  const { timeZone } = caller.bloc;
  const result = await db.runTransaction(async (tx) => {
    const now = deps.now();
    const at = now.toISOString();
    const day = localDay(now, timeZone);
    const ref = remindersRef(db, blocId, request.year, day);
    const [year, orgs, done] = await Promise.all([tx.get(yearRef(db, blocId, request.year)), tx.get(orgsCol(db, blocId, request.year)), tx.get(ref)]);
    const settings = year.data();
    if (!settings) throw problems.yearNotConfigured(request.year);
    const already = done.data()?.orgs ?? {};
    const missing = orgs.docs
      .map((d) => d.data())
      .filter((org) => org.inConfig && org.state === 'not_submitted')
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const answer: AdminRemindAnswer = { year: request.year, blocName: caller.bloc.name, day, reminders: [], alreadyToday: [], noAddress: [] };
    const record: RemindersDay = { day, orgs: { ...already } };
    for (const org of missing) {
      const earlier = already[org.orgId];
      if (earlier) answer.alreadyToday.push({ orgId: org.orgId, name: org.name, by: earlier.by, at: earlier.at });
      else if (org.secretaries.length === 0) answer.noAddress.push({ orgId: org.orgId, name: org.name });
      else {
        answer.reminders.push({ orgId: org.orgId, name: org.name, to: org.secretaries, deadlineText: localMoment(effectiveDeadline(org, settings), timeZone) });
        record.orgs[org.orgId] = { at, by: caller.email, to: org.secretaries };
        tx.create(auditCol(db, blocId, request.year).doc(), { action: 'remind', orgId: org.orgId, by: caller.email, at, reason: null, details: { to: org.secretaries, day } });
      }
    }
    if (answer.reminders.length > 0) tx.set(ref, record);
    return answer;
  });
  logs.remindersClaimed({ year: request.year, by: caller.email, day: result.day, orgs: result.reminders.length, alreadyToday: result.alreadyToday.length });
  return result;
}
