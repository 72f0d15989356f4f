import type { Firestore, Transaction } from '@google-cloud/firestore';
import { diffMembers, type MemberDiff, type StoredMember } from '../domain/diff.js';
import type { Issue } from '../domain/messages.js';
import { tallyOrganisation } from '../domain/tally.js';
import { validateSheet, type ValidationResult } from '../domain/validate.js';
import { problems } from '../http/problems.js';
import type { Reply } from '../http/wrap.js';
import { logs } from '../logs.js';
import { memberIndexRef, memberRef, orgRef, submissionRef, type Org } from '../store/collections.js';
import { authoriseSubmit, lockOf } from './access.js';
import { readAll } from '../store/read-all.js';
import { listHash, memberHash } from './hashing.js';
import { loadOrgContext, ruleSettingsFor } from './context.js';
import { parseSubmitRequest, type SubmitRequest } from './request.js';

/**
 * One organisation's whole sheet for a year: validated with the shared domain core, then
 * written in ONE transaction (members added/changed/removed, member index, tally, state, audit
 * record) — or not at all. Identical data writes nothing but the audit record; the same
 * submission id answers the first result again.
 */
export interface IngestDeps {
  readonly db: Firestore;
  readonly blocId: string;
  readonly now: () => Date;
  /** What one commit may carry: Firestore takes 10 MiB per request, the emulator 4 MiB. */
  readonly commitBudgetBytes?: number;
}

export const DEPLOYED_COMMIT_BUDGET = 9 * 1_048_576;
export const EMULATOR_COMMIT_BUDGET = 3.5 * 1_048_576;

/** Warnings kept in an answer (and its stored copy, which must stay well under 1 MiB). */
const MAX_ISSUES_IN_ANSWER = 1_000;

export async function submitSheet(deps: IngestDeps, email: string, body: unknown): Promise<Reply> {
  const started = Date.now();
  const request = parseSubmitRequest(body);
  const ctx = await loadOrgContext(deps.db, deps.blocId, request.year, request.orgId);
  authoriseSubmit(email, ctx.bloc, ctx.org, request.year);
  if (!request.dryRun) {
    const lock = lockOf(ctx.org, ctx.year, ctx.bloc, deps.now());
    if (lock) throw lock;
  }
  const validation = validateSheet(request.sheet.values, ruleSettingsFor(ctx), { startRow: request.sheet.startRow });
  logs.submissionValidated({
    orgId: request.orgId,
    year: request.year,
    listed: validation.listed,
    errors: validation.errorCount,
    warnings: validation.warningCount,
    ms: Date.now() - started,
  });
  if (!validation.ok) throw rejected(validation);

  const members = validation.rows.map(({ row, evaluation }) => ({
    row,
    evaluation,
    cardNumber: evaluation.cardNumber,
    fullName: evaluation.fullName,
    hash: memberHash(evaluation),
  }));
  const contentHash = listHash(members);
  const tally = tallyOrganisation(
    members.map((m) => m.evaluation),
    ctx.year.exemplaryScale,
  );

  if (request.dryRun) {
    const index = (await memberIndexRef(deps.db, deps.blocId, request.year, request.orgId).get()).data();
    const diff = diffMembers(members, [], storedMembers(index?.members));
    return { status: 200, body: answer('dry_run', request, ctx.org, validation, diff, contentHash, deps.now()) };
  }

  const outcome = await deps.db.runTransaction(async (tx) => {
    const refs = {
      org: orgRef(deps.db, deps.blocId, request.year, request.orgId),
      index: memberIndexRef(deps.db, deps.blocId, request.year, request.orgId),
      submission: submissionRef(deps.db, deps.blocId, request.year, request.orgId, request.submissionId),
    };
    const [org, index, previous] = await readAll(tx, refs.org, refs.index, refs.submission);
    if (previous) {
      if (previous.contentHash !== contentHash) throw problems.submissionIdReused();
      return { replay: true as const, status: previous.status, body: previous.response };
    }
    if (!org) throw problems.orgNotFound(request.orgId, request.year);
    // One instant for the lock check, the documents and the answer.
    const at = deps.now();
    const lock = lockOf(org, ctx.year, ctx.bloc, at);
    if (lock) throw lock;
    const now = at.toISOString();
    const diff = diffMembers(members, [], storedMembers(index?.members));
    const unchanged = org.contentHash === contentHash && diff.toWrite.size === 0 && diff.removed.length === 0;
    const body = answer(unchanged ? 'unchanged' : 'accepted', request, org, validation, diff, contentHash, at);
    if (!unchanged) {
      const docs = members
        .filter((m) => diff.toWrite.has(m.cardNumber))
        .map((m) => ({ card: m.cardNumber, doc: { ...m.evaluation, row: m.row, contentHash: m.hash, submissionId: request.submissionId, updatedAt: now } }));
      // All or nothing means one commit: refuse a list that cannot fit rather than retry for minutes.
      const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(JSON.stringify(d.doc)), 0) + 2 * Buffer.byteLength(JSON.stringify(body));
      const budget = deps.commitBudgetBytes ?? DEPLOYED_COMMIT_BUDGET;
      if (bytes > budget) throw problems.listTooLarge(bytes, budget);
      for (const { card, doc } of docs) tx.set(memberRef(deps.db, deps.blocId, request.year, request.orgId, card), doc);
      for (const gone of diff.removed) tx.delete(memberRef(deps.db, deps.blocId, request.year, request.orgId, gone.cardNumber));
      tx.set(refs.index, {
        members: Object.fromEntries(members.map((m) => [m.cardNumber, { hash: m.hash, fullName: m.fullName, row: m.row }])),
        updatedAt: now,
      });
      const state = org.state === 'not_submitted' ? 'submitted' : org.state;
      tx.set(refs.org, {
        ...org,
        state,
        lastSubmission: { at: now, by: email, submissionId: request.submissionId },
        contentHash,
        tally,
        updatedAt: now,
      });
      body.state = state;
    }
    writeAudit(tx, refs.submission, email, now, body);
    return { replay: false as const, status: 200, body, diff };
  });

  if (outcome.replay) logs.submissionReplayed({ orgId: request.orgId, year: request.year, submissionId: request.submissionId });
  else
    logs.submissionWritten({
      orgId: request.orgId,
      year: request.year,
      submissionId: request.submissionId,
      result: outcome.body.result,
      ...outcome.diff.counts,
      ms: Date.now() - started,
    });
  return { status: outcome.status, body: outcome.body };
}

function storedMembers(index: Readonly<Record<string, StoredMember>> | undefined): Map<string, StoredMember> {
  return new Map(Object.entries(index ?? {}));
}

function rejected(validation: ValidationResult) {
  const issues = validation.issues.slice(0, MAX_ISSUES_IN_ANSWER);
  return problems.validationFailed(validation.errorCount, {
    counts: { listed: validation.listed, rejected: validation.rejectedRows.length, errors: validation.errorCount, warnings: validation.warningCount },
    rows: validation.rejectedRows.map((row) => ({ row, cardNumber: null, status: 'rejected' })),
    issues,
    issuesTruncated: issues.length < validation.issues.length,
  });
}

export type SubmitResult = 'accepted' | 'unchanged' | 'dry_run';

export interface SubmitAnswer {
  result: SubmitResult;
  submissionId: string;
  year: number;
  orgId: string;
  orgName: string;
  state: Org['state'];
  receivedAt: string;
  contentHash: string;
  counts: MemberDiff['counts'] & { listed: number; warnings: number };
  rows: MemberDiff['rows'];
  removed: MemberDiff['removed'];
  issues: readonly Issue[];
  issuesTruncated: boolean;
}

function answer(
  result: SubmitResult,
  request: SubmitRequest,
  org: Org,
  validation: ValidationResult,
  diff: MemberDiff,
  contentHash: string,
  now: Date,
): SubmitAnswer {
  const issues = validation.issues.slice(0, MAX_ISSUES_IN_ANSWER);
  return {
    result,
    submissionId: request.submissionId,
    year: request.year,
    orgId: request.orgId,
    orgName: org.name,
    state: org.state,
    receivedAt: now.toISOString(),
    contentHash,
    counts: { ...diff.counts, listed: validation.listed, warnings: validation.warningCount },
    rows: diff.rows,
    removed: diff.removed,
    issues,
    issuesTruncated: issues.length < validation.issues.length,
  };
}

/** The audit record keeps the whole answer, so a retry with the same submission id gets it again. */
function writeAudit(tx: Transaction, ref: ReturnType<typeof submissionRef>, email: string, at: string, body: SubmitAnswer): void {
  tx.create(ref, {
    submissionId: body.submissionId,
    by: email,
    at,
    dryRun: false,
    counts: body.counts,
    contentHash: body.contentHash,
    result: body.result,
    status: 200,
    response: body,
  });
}

