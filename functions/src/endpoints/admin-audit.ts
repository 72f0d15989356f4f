import type { DocumentData, Query } from '@google-cloud/firestore';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { requireAdmin } from '../domain/access.js';
import { actionEntry, submissionEntry } from '../domain/audit-view.js';
import { adminAuditRequestSchema, type AdminAuditAnswer, type AuditEntryView } from '../domain/contract-admin.js';
import { problems } from '../domain/problems.js';
import { adminProblems } from '../domain/problems-admin.js';
import { instantSchema } from '../domain/primitives.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { auditCol, orgsCol, submissionsCol, yearRef } from '../store/paths.js';

/**
 * The audit trail, read-only, newest first: the submission records of one organisation (or of
 * every organisation) merged with the admin actions of the year, one page at a time. The page
 * token carries the instant reached and the entries already shown at that very instant, so
 * ties (one clock tick, several records) are neither lost nor repeated. Submission records are
 * read as a projection: their stored answer (up to megabytes) never leaves Firestore.
 */
const tokenSchema = z.object({ at: instantSchema, seen: z.array(z.string()).max(1_000) });
type Token = z.infer<typeof tokenSchema>;

const submissionFields = z.object({ at: instantSchema, by: z.string(), result: z.string(), counts: z.record(z.string(), z.number()), dryRun: z.boolean().optional() });

function readToken(text: string | undefined): Token | null {
  if (text === undefined) return null;
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // refused below
  }
  throw adminProblems.badPageToken();
}

interface Found {
  readonly key: string;
  readonly entry: AuditEntryView;
}

export async function adminAudit(deps: Deps, caller: Caller, body: unknown): Promise<AdminAuditAnswer> {
  requireAdmin(caller.email, caller.bloc);
  const request = parseBody(adminAuditRequestSchema, body ?? {});
  const token = readToken(request.pageToken);
  const { db, blocId } = deps;
  const [settings, orgSnap] = await Promise.all([yearRef(db, blocId, request.year).get(), orgsCol(db, blocId, request.year).get()]);
  if (!settings.exists) throw problems.yearNotConfigured(request.year);
  const names = new Map(orgSnap.docs.map((d) => [d.id, d.data().name]));
  if (request.orgId !== undefined && !names.has(request.orgId)) throw problems.orgNotFound(request.orgId, request.year);
  const seen = new Set(token?.seen ?? []);
  // One more than a page, plus the ties already shown, from each source: enough to fill the page.
  const limit = request.pageSize + seen.size + 1;
  const upTo = <T extends DocumentData>(query: Query<T>): Query<T> => (token ? query.where('at', '<=', token.at) : query).orderBy('at', 'desc').limit(limit);

  const actions = upTo(request.orgId === undefined ? auditCol(db, blocId, request.year) : auditCol(db, blocId, request.year).where('orgId', '==', request.orgId));
  const orgIds = request.orgId === undefined ? [...names.keys()] : [request.orgId];
  // The projection has no stored answer, which the submission converter would require: parsed here instead.
  const [actionSnap, submissionSnaps] = await Promise.all([
    actions.get(),
    Promise.all(orgIds.map((orgId) => upTo(submissionsCol(db, blocId, request.year, orgId).withConverter(null).select('at', 'by', 'result', 'counts', 'dryRun')).get())),
  ]);
  const found: Found[] = [];
  for (const doc of actionSnap.docs) {
    const data = doc.data();
    found.push({ key: doc.ref.path, entry: actionEntry(data, data.orgId === null ? null : (names.get(data.orgId) ?? null), caller.bloc.timeZone) });
  }
  submissionSnaps.forEach((snap, i) => {
    const orgId = orgIds[i] ?? '';
    for (const doc of snap.docs) {
      const record = submissionFields.safeParse(doc.data());
      if (!record.success || record.data.dryRun === true) continue;
      found.push({ key: doc.ref.path, entry: submissionEntry(orgId, names.get(orgId) ?? null, record.data) });
    }
  });
  const fresh = found
    .filter((f) => !seen.has(f.key))
    .sort((a, b) => (a.entry.at === b.entry.at ? a.key.localeCompare(b.key) : Date.parse(b.entry.at) - Date.parse(a.entry.at)));
  const page = fresh.slice(0, request.pageSize);
  const last = page.at(-1);
  const more = fresh.length > page.length;
  let next: string | null = null;
  if (more && last) {
    const atLast = page.filter((f) => f.entry.at === last.entry.at).map((f) => f.key);
    const carried = token && token.at === last.entry.at ? [...token.seen, ...atLast] : atLast;
    next = Buffer.from(JSON.stringify({ at: last.entry.at, seen: carried } satisfies Token)).toString('base64url');
  }
  return { year: request.year, orgId: request.orgId ?? null, entries: page.map((f) => f.entry), nextPageToken: next };
}
