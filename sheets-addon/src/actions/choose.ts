import type { FailureText } from '../texts/failures.js';
import type { OrgStatus, StatusAnswer } from '../domain.js';
import { notAllowedOrg } from '../texts/actions.js';
import { describeFailure, fetchStatus } from './backend.js';
import { rememberStatus } from './context.js';

/**
 * “Which year, which organisation?”: chosen in the sidebar's dropdowns (the organisations the
 * last status call offered); one status call checks the choice before a sheet is made for it.
 */
export type Choice =
  | { readonly kind: 'chosen'; readonly status: StatusAnswer; readonly org: OrgStatus }
  | { readonly kind: 'failed'; readonly text: FailureText };

export function chosenTarget(year: number, orgId: string): Choice {
  const reply = fetchStatus(year);
  if (!reply.ok) return { kind: 'failed', text: describeFailure(reply) };
  rememberStatus(reply.data);
  const org = reply.data.orgs.find((o) => o.orgId === orgId);
  if (!org) return { kind: 'failed', text: notAllowedOrg(year, reply.data.email) };
  return { kind: 'chosen', status: reply.data, org };
}
