import type { Transaction } from '@google-cloud/firestore';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { DEPLOYED_COMMIT_BUDGET, type Deps } from '../deps.js';
import { authoriseSubmit, lockOf } from '../domain/access.js';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, submitRequestSchema, type SubmitAnswer, type SubmitRequest, type SubmitResult } from '../domain/contract.js';
import { answerIssues } from '../domain/answer-issues.js';
import { diffMembers, type MemberDiff, type StoredMember } from '../domain/diff.js';
import { problems } from '../domain/problems.js';
import { ruleSettingsFor } from '../domain/schema.js';
import { missingOrgFigures, readOrgFigures, type OrgFigureKey, type OrgFiguresResult } from '../domain/org-figures.js';
import { tallyOrganisation } from '../domain/tally.js';
import { validateSheet, type ValidationResult } from '../domain/validate.js';
import { parseBody } from '../domain/zod-messages.js';
import { logs } from '../logs.js';
import type { Caller } from '../http/authenticate.js';
import { memberIndexRef, memberWriter, orgRef, submissionRef, yearRef } from '../store/paths.js';
import { readAll } from '../store/read-all.js';
import { markYearChanged } from '../store/change-marker.js';
import type { Org } from '../store/records.js';
import { listedMembers, submissionWrites, type SubmissionWrites } from './submission-writes.js';
import { withFigures } from './hashing.js';
import { auditedAnswer, replayedAnswer } from './submit-replay.js';
import { loadSubmitContext } from './org-context.js';

/**
 * One organisation's whole sheet for a year: validated with the shared domain core, then
 * written in ONE transaction (members added/changed/removed, member index, tally, state, audit
 * record) — or not at all. Identical data writes nothing but the audit record; the same
 * submission id answers the first result again.
 */

/** Just enough of the body to size the sheet before parsing any cell. */
const sheetSizeSchema = z.object({ sheet: z.object({ values: z.array(z.unknown()), startRow: z.number().catch(1).default(1) }) });

/** Refuses an oversized sheet (rows, then columns) before paying for parsing every cell. */
export function parseSubmitRequest(body: unknown): SubmitRequest {
  const shape = sheetSizeSchema.safeParse(body);
  if (shape.success) {
    const { values, startRow } = shape.data.sheet;
    if (values.length > MAX_SHEET_ROWS) throw problems.tooManyRows(values.length, MAX_SHEET_ROWS);
    const wide = values.findIndex((row) => Array.isArray(row) && row.length > MAX_SHEET_COLUMNS);
    const columns = values[wide];
    if (Array.isArray(columns)) throw problems.tooManyColumns(startRow + wide, columns.length, MAX_SHEET_COLUMNS);
  }
  return parseBody(submitRequestSchema, body);
}

/** The year's settings or the organisation's configuration changed between validating and writing. */
class ConfigurationMoved extends Error {}

/**
 * A submission sees one configuration, never a mix: the transaction re-reads the year and the
 * organisation, and if a configuration was applied since they were read for validation, the
 * sheet is authorised and validated again against the new one (then written, or refused).
 */
export async function submitSheet(deps: Deps, caller: Caller, body: unknown): Promise<SubmitAnswer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await submitOnce(deps, caller, body);
    } catch (error) {
      if (!(error instanceof ConfigurationMoved)) throw error;
      if (attempt >= 3) throw problems.busy();
    }
  }
}

const configOf = (org: Org) => ({ name: org.name, secretaries: org.secretaries, expectedMembers: org.expectedMembers, inConfig: org.inConfig });

async function submitOnce(deps: Deps, caller: Caller, body: unknown): Promise<SubmitAnswer> {
  const { email } = caller;
  const started = Date.now();
  const request = parseSubmitRequest(body);
  const ctx = await loadSubmitContext(deps.db, caller.bloc, deps.blocId, request.year, request.orgId, request.submissionId);
  authoriseSubmit(email, ctx.bloc, ctx.org, request.year);
  // A retry of an accepted send gets its first answer even after a lock or the deadline (the
  // transaction replays it); otherwise a locked organisation is told so before any parsing.
  if (!request.dryRun && !ctx.previous) {
    const lock = lockOf(ctx.org, ctx.year, ctx.bloc, deps.now());
    if (lock) throw lock;
  }
  const listValidation = validateSheet(request.sheet.values, ruleSettingsFor(ctx.year.year, ctx.year, ctx.org.expectedMembers), { startRow: request.sheet.startRow });
  // The organisation's own figures (issue 18) are part of the same submission: an error there rejects it whole.
  const figures = checkFigures(request, ctx.year.orgFiguresRequired);
  const validation = withFigureIssues(listValidation, figures);
  logs.submissionValidated({
    orgId: request.orgId,
    year: request.year,
    listed: validation.listed,
    errors: validation.errorCount,
    warnings: validation.warningCount,
    ms: Date.now() - started,
  });
  if (!validation.ok) throw rejected(validation);

  const { members, contentHash: listContentHash } = listedMembers(validation.rows);
  const orgFigures = figures?.figures ?? null;
  const contentHash = withFigures(listContentHash, orgFigures);
  const tally = tallyOrganisation(
    members.map((m) => m.evaluation),
    ctx.year.exemplaryScale,
  );

  if (request.dryRun) {
    const index = (await memberIndexRef(deps.db, deps.blocId, request.year, request.orgId).get()).data();
    const diff = diffMembers(members, [], storedMembers(index?.members));
    return answer('dry_run', request, ctx.org, validation, diff, contentHash, deps.now());
  }

  const outcome = await deps.db.runTransaction(async (tx) => {
    const refs = {
      org: orgRef(deps.db, deps.blocId, request.year, request.orgId),
      index: memberIndexRef(deps.db, deps.blocId, request.year, request.orgId),
      submission: submissionRef(deps.db, deps.blocId, request.year, request.orgId, request.submissionId),
    };
    const [org, index, previous, year] = await readAll(tx, refs.org, refs.index, refs.submission, yearRef(deps.db, deps.blocId, request.year));
    if (org && (!isDeepStrictEqual(year, ctx.year) || !isDeepStrictEqual(configOf(org), configOf(ctx.org)))) throw new ConfigurationMoved();
    if (previous) {
      if (previous.contentHash !== contentHash) throw problems.submissionIdReused();
      return { replay: true as const, body: replayedAnswer(previous, members) };
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
      const writes = submissionWrites({ org, members, contentHash, diff, tally, orgFigures, submissionId: request.submissionId, by: email, at: now });
      // All or nothing means one commit: size every document it writes and refuse, at once, what
      // cannot fit (Firestore would refuse it only after minutes of client retries).
      checkCommitSize(writes, body, members.length, deps.commitBudgetBytes ?? DEPLOYED_COMMIT_BUDGET);
      const member = memberWriter(deps.db, deps.blocId, request.year, request.orgId);
      for (const { cardNumber, doc } of writes.members) tx.set(member(cardNumber), doc);
      for (const cardNumber of writes.removed) tx.delete(member(cardNumber));
      tx.set(refs.index, writes.index);
      tx.set(refs.org, writes.org);
      markYearChanged(tx, deps.db, deps.blocId, request.year, now);
      body.state = writes.org.state;
    }
    writeAudit(tx, refs.submission, email, now, body);
    return { replay: false as const, body, diff };
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
  return outcome.body;
}

/** The figures tab when sent; when not, an error only if the year requires figures (missingOrgFigures). */
function checkFigures(request: SubmitRequest, required: readonly OrgFigureKey[]): OrgFiguresResult | null {
  if (request.orgFigures) return readOrgFigures(request.orgFigures.values, { year: request.year, required, startRow: request.orgFigures.startRow });
  const missing = missingOrgFigures({ year: request.year, required });
  return missing.ok ? null : missing;
}

/** The figures' issues join the list's (the answer and the 422 carry both; their codes start ORG_FIGURE). */
function withFigureIssues(validation: ValidationResult, figures: OrgFiguresResult | null): ValidationResult {
  if (figures === null || figures.issues.length === 0) return validation;
  return {
    ...validation,
    ok: validation.ok && figures.ok,
    issues: [...figures.issues, ...validation.issues],
    errorCount: validation.errorCount + figures.errorCount,
    warningCount: validation.warningCount + figures.warningCount,
  };
}

/** A document holds at most 1 MiB (name and field names included): keep a margin. */
const DOCUMENT_BUDGET = 1_000_000;
const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

function checkCommitSize(writes: SubmissionWrites, answer: SubmitAnswer, listed: number, budget: number): void {
  const index = jsonBytes(writes.index);
  if (index > DOCUMENT_BUDGET) throw problems.memberIndexTooLarge(listed, index);
  // The card hashes are bytes: counted as stored, not as JSON would spell them.
  const org = jsonBytes({ ...writes.org, cardHashes: null }) + (writes.org.cardHashes?.byteLength ?? 0);
  // The audit record, gzipped when stored: its JSON is an upper bound.
  const bytes = writes.members.reduce((sum, m) => sum + jsonBytes(m.doc), 0) + index + org + jsonBytes(auditedAnswer(answer));
  if (bytes > budget) throw problems.listTooLarge(bytes, budget);
}

function storedMembers(index: Readonly<Record<string, StoredMember>> | undefined): Map<string, StoredMember> {
  return new Map(Object.entries(index ?? {}));
}

function rejected(validation: ValidationResult) {
  return problems.validationFailed(validation.errorCount, {
    counts: { listed: validation.listed, rejected: validation.rejectedRows.length, errors: validation.errorCount, warnings: validation.warningCount },
    rows: validation.rejectedRows.map((row) => ({ row, cardNumber: null, status: 'rejected' })),
    ...answerIssues(validation.issues),
  });
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
    rows: [...diff.rows],
    removed: [...diff.removed],
    ...answerIssues(validation.issues),
  };
}

/** The audit record keeps what a retry with the same submission id needs to answer the same again (submit-replay.ts). */
function writeAudit(tx: Transaction, ref: ReturnType<typeof submissionRef>, email: string, at: string, body: SubmitAnswer): void {
  const audited = auditedAnswer(body);
  tx.create(ref, {
    submissionId: body.submissionId,
    by: email,
    at,
    dryRun: false,
    counts: body.counts,
    contentHash: body.contentHash,
    result: body.result,
    status: 200,
    response: audited.response,
    rowStatuses: audited.rowStatuses,
    rowsHash: audited.rowsHash,
  });
}

