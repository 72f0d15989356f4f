import type { Deps } from '../deps.js';
import { effectiveDeadline, localMoment, requireAdmin } from '../domain/access.js';
import { orgActionRequestSchema, type OrgActionAnswer, type OrgActionRequest } from '../domain/contract.js';
import { ORG_STATE, type OrgState } from '../domain/enums.js';
import { problems } from '../domain/problems.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { logs } from '../logs.js';
import { auditCol, orgRef, yearRef } from '../store/paths.js';
import { readAll } from '../store/read-all.js';
import { markYearChanged } from '../store/change-marker.js';
import type { Org } from '../store/records.js';

/**
 * Admin actions on an organisation's year: approve (đã duyệt), lock (khóa), reopen (mở lại,
 * optionally with the organisation's own deadline) and accept an exceeded quota. Each is one
 * transaction writing the organisation and an audit entry (who, when, why).
 */
const ACTION_LABELS: Readonly<Record<OrgActionRequest['action'], string>> = {
  approve: 'Duyệt',
  lock: 'Khóa',
  reopen: 'Mở lại',
  accept_quota: 'Chấp nhận vượt tỉ lệ HTXSNV',
};

function nextState(org: Org, action: OrgActionRequest['action']): OrgState {
  const label = ACTION_LABELS[action];
  switch (action) {
    case 'approve':
      if (org.state !== 'submitted') throw problems.invalidTransition(label, ORG_STATE.labelOf(org.state));
      return 'approved';
    case 'lock':
      return 'locked';
    case 'reopen':
      return org.lastSubmission ? 'submitted' : 'not_submitted';
    case 'accept_quota':
      return org.state;
  }
}

/** Approve what was reviewed: the action names the list's content hash, and a newer list is refused. */
function approvedVersion(org: Org, contentHash: string | undefined, timeZone: string): void {
  if (contentHash === undefined) throw problems.approveNeedsVersion();
  if (contentHash !== org.contentHash) throw problems.submissionChanged(org.lastSubmission ? localMoment(org.lastSubmission.at, timeZone) : 'trước đó');
}

export async function orgAction(deps: Deps, caller: Caller, body: unknown): Promise<OrgActionAnswer> {
  const { email } = caller;
  const request = parseBody(orgActionRequestSchema, body);
  requireAdmin(email, caller.bloc);
  const reason = request.reason && request.reason.length > 0 ? request.reason : null;
  if ((request.action === 'reopen' || request.action === 'accept_quota') && reason === null) {
    throw problems.reasonRequired(ACTION_LABELS[request.action]);
  }
  const ref = orgRef(deps.db, deps.blocId, request.year, request.orgId);
  const result = await deps.db.runTransaction(async (tx) => {
    const [org, year] = await readAll(tx, ref, yearRef(deps.db, deps.blocId, request.year));
    if (!year) throw problems.yearNotConfigured(request.year);
    if (!org) throw problems.orgNotFound(request.orgId, request.year);
    const now = deps.now();
    const at = now.toISOString();
    const state = nextState(org, request.action);
    if (request.action === 'approve') approvedVersion(org, request.contentHash, caller.bloc.timeZone);
    // Reopen means “can submit again”: an earlier own deadline is kept unless a new one is given.
    const deadlineOverride = request.action === 'reopen' ? (request.until ?? org.deadlineOverride) : org.deadlineOverride;
    if (request.action === 'reopen') {
      const inForce = effectiveDeadline({ deadlineOverride }, year);
      if (Date.parse(inForce) <= now.getTime()) throw problems.deadlineRequired(localMoment(inForce, caller.bloc.timeZone));
    }
    const updated: Org = {
      ...org,
      state,
      stateChange: request.action === 'accept_quota' ? org.stateChange : { action: request.action, at, by: email, reason },
      deadlineOverride,
      acceptedQuotaReason: request.action === 'accept_quota' ? reason : org.acceptedQuotaReason,
      updatedAt: at,
    };
    tx.set(ref, updated);
    markYearChanged(tx, deps.db, deps.blocId, request.year, at);
    tx.create(auditCol(deps.db, deps.blocId, request.year).doc(), {
      action: request.action,
      orgId: request.orgId,
      by: email,
      at,
      reason,
      details: { from: org.state, to: state, ...(request.until ? { until: request.until } : {}) },
    });
    return { org: updated, deadline: effectiveDeadline(updated, year) };
  });
  logs.orgAction({ orgId: request.orgId, year: request.year, action: request.action, by: email });
  return {
    orgId: request.orgId,
    year: request.year,
    action: request.action,
    state: result.org.state,
    stateLabel: ORG_STATE.labelOf(result.org.state),
    deadline: result.deadline,
    stateChange: result.org.stateChange,
    acceptedQuotaReason: result.org.acceptedQuotaReason,
  };
}
