import type { OrgState } from './enums.js';
import { problems, type Problem } from './problems.js';
import { localParts } from './time-zone.js';

/**
 * Who may do what (DOMAIN.md roles), and which lock applies to an organisation now.
 * Secretaries submit for their own organisations; admins for any, and they approve, lock and
 * reopen; leaders read the bloc's results but never submit. Plain data in, answers out: the
 * callers pass the stored records, whose shapes these are parts of.
 */
export interface BlocRoles {
  readonly admins: readonly string[];
  readonly leaders: readonly string[];
  readonly timeZone: string;
}

export interface OrgAccess {
  readonly name: string;
  readonly secretaries: readonly string[];
  readonly state: OrgState;
  readonly stateChange: { readonly at: string } | null;
  readonly deadlineOverride: string | null;
  /** false once the organisation left the year's configuration (its data is kept). */
  readonly inConfig: boolean;
}

export const isAdmin = (email: string, bloc: BlocRoles): boolean => bloc.admins.includes(email);
export const isLeader = (email: string, bloc: BlocRoles): boolean => bloc.leaders.includes(email);
export const isSecretaryOf = (email: string, org: Pick<OrgAccess, 'secretaries'>): boolean => org.secretaries.includes(email);

export function requireAdmin(email: string, bloc: BlocRoles): void {
  if (!isAdmin(email, bloc)) throw problems.notAdmin(email);
}

/** From the current configuration only: an organisation that left it takes nothing more, from anyone. */
export function authoriseSubmit(email: string, bloc: BlocRoles, org: OrgAccess, year: number): void {
  if (!org.inConfig) throw problems.orgNotInConfig(org.name, year);
  if (isAdmin(email, bloc) || isSecretaryOf(email, org)) return;
  throw problems.notSecretary(email, org.name, year, bloc.admins);
}

/** Instant → “17:00 ngày 15/01/2025” in the bloc's zone, as every lock message says it. */
export function localMoment(iso: string, timeZone: string): string {
  const { date, time } = localParts(iso, timeZone);
  return `${time} ngày ${date}`;
}

/** The later of the bloc deadline and the organisation's own (set when an admin reopens it). */
export function effectiveDeadline(org: Pick<OrgAccess, 'deadlineOverride'>, year: { readonly deadline: string }): string {
  const own = org.deadlineOverride;
  return own !== null && Date.parse(own) > Date.parse(year.deadline) ? own : year.deadline;
}

/** The lock that refuses a submission now, or null when the organisation may submit. */
export function lockOf(org: OrgAccess, year: { readonly deadline: string }, bloc: BlocRoles, now: Date): Problem | null {
  const at = (iso: string) => localMoment(iso, bloc.timeZone);
  const when = (iso: string | null) => (iso ? `lúc ${at(iso)}` : 'trước đó');
  if (org.state === 'locked') return problems.locked(when(org.stateChange?.at ?? null), bloc.admins);
  if (org.state === 'approved') return problems.approved(when(org.stateChange?.at ?? null), bloc.admins);
  const deadline = effectiveDeadline(org, year);
  if (now.getTime() > Date.parse(deadline)) return problems.deadlinePassed(at(deadline), bloc.admins);
  return null;
}
