import { localParts } from '../domain/deadline.js';
import { problems, type Problem } from '../http/problems.js';
import type { Bloc, Org, YearSettings } from '../store/collections.js';

/**
 * Who may do what (DOMAIN.md roles), and which lock applies to an organisation now.
 * Secretaries submit for their own organisations; admins for any, and they approve, lock and
 * reopen; leaders read the bloc's results but never submit.
 */
export const isAdmin = (email: string, bloc: Bloc): boolean => bloc.admins.includes(email);
export const isLeader = (email: string, bloc: Bloc): boolean => bloc.leaders.includes(email);
export const isSecretaryOf = (email: string, org: Org): boolean => org.secretaries.includes(email);

export function requireAdmin(email: string, bloc: Bloc): void {
  if (!isAdmin(email, bloc)) throw problems.notAdmin(email);
}

export function authoriseSubmit(email: string, bloc: Bloc, org: Org, year: number): void {
  if (isAdmin(email, bloc) || isSecretaryOf(email, org)) return;
  throw problems.notSecretary(email, org.name, year, bloc.admins);
}

/** The later of the bloc deadline and the organisation's own (set when an admin reopens it). */
export function effectiveDeadline(org: Org, year: YearSettings): string {
  const own = org.deadlineOverride;
  return own !== null && Date.parse(own) > Date.parse(year.deadline) ? own : year.deadline;
}

/** The lock that refuses a submission now, or null when the organisation may submit. */
export function lockOf(org: Org, year: YearSettings, bloc: Bloc, now: Date): Problem | null {
  const at = (iso: string) => {
    const { date, time } = localParts(iso, bloc.timeZone);
    return `${time} ngày ${date}`;
  };
  const when = (iso: string | null) => (iso ? `lúc ${at(iso)}` : 'trước đó');
  if (org.state === 'locked') return problems.locked(when(org.stateChange?.at ?? null), bloc.admins);
  if (org.state === 'approved') return problems.approved(when(org.stateChange?.at ?? null), bloc.admins);
  const deadline = effectiveDeadline(org, year);
  if (now.getTime() > Date.parse(deadline)) return problems.deadlinePassed(at(deadline), bloc.admins);
  return null;
}
