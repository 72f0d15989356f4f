import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DateTime } from 'luxon';
import { reportSentences } from '../domain/report.js';
import { buildTerm, termOf, termSentences, type Term, type TermSummary } from '../domain/term.js';
import { blocRollupSchema, buildRollup, type BlocRollup, type RollupInput } from '../domain/rollup.js';
import type { OrgTally } from '../domain/tally.js';
import { buildSummaryModel, type SummaryModel } from '../domain/summary-model.js';
import { problems } from '../domain/problems.js';
import { logs } from '../logs.js';
import { changeMarkerRef, orgsCol, rollupRef, yearRef, yearsCol } from '../store/paths.js';
import { loadBloc } from '../store/load-bloc.js';
import type { Bloc, Org, RollupDoc, YearSettings } from '../store/records.js';
import type { Deps } from '../deps.js';
import { readAll } from '../store/read-all.js';
import { readCardLists } from '../store/card-lists.js';
import { encodeCardHashes, orgsSharingCardHashes, sharedCards } from '../domain/shared-cards.js';
import { changeMark, rollupFingerprint } from './fingerprint.js';

/**
 * Compiles a year's bloc rollup from the organisations' TALLIES (never the member documents),
 * stores it, and hands the summary model to a writer (Google Sheets deployed, .xlsx locally).
 * Skips when nothing changed; safe to run twice at once (a lease in the rollup document).
 */
export type RollupOutcome =
  | { status: 'written'; year: number; reads: number; rollup: BlocRollup; model: SummaryModel; sheetsRequests: number; sentences: string[]; term: TermSummary | null }
  | { status: 'skipped'; year: number; reads: number; reason: 'unchanged' }
  /** Another run (or a crashed one, whose lease then expires) holds the lease until `until`. */
  | { status: 'skipped'; year: number; reads: number; reason: 'running'; until: string };

const LEASE_MS = 5 * 60_000;
/** The stored rollup's bytes within the 1 MiB a document holds, with room for its other fields. */
const ROLLUP_DOC_BUDGET = 1_000_000;

export function decodeRollup(doc: RollupDoc | undefined): BlocRollup | null {
  if (!doc?.rollupGzip) return null;
  return blocRollupSchema.parse(JSON.parse(gunzipSync(doc.rollupGzip).toString('utf8')));
}

/** The domain rollup's input from the stored bloc, year and organisations (tallies as stored, or given). */
export function rollupInput(source: {
  bloc: Bloc;
  settings: YearSettings;
  orgs: readonly Org[];
  now: Date;
  previous: BlocRollup | null;
  tallies?: readonly (OrgTally | null)[];
  /** Confirmed from the suspects' card lists (readSharedCards); absent: from the tallies' card lists. */
  cardHolders?: readonly Record<string, string>[];
}): RollupInput {
  const { bloc, settings } = source;
  return {
    blocName: bloc.name,
    year: settings.year,
    timeZone: bloc.timeZone,
    deadline: settings.deadline,
    now: source.now.toISOString(),
    exemplaryScale: settings.exemplaryScale,
    quotaPercent: settings.quotaPercent,
    orgs: source.orgs.map((o, i) => ({
      orgId: o.orgId,
      name: o.name,
      state: o.state,
      expectedMembers: o.expectedMembers,
      lastSubmission: o.lastSubmission ? { at: o.lastSubmission.at, by: o.lastSubmission.by } : null,
      tally: source.tallies ? (source.tallies[i] ?? null) : o.tally,
      acceptedQuotaReason: o.acceptedQuotaReason,
      orgFigures: o.orgFigures,
    })),
    previous: source.previous,
    ...(source.cardHolders ? { cardHolders: [...source.cardHolders] } : {}),
    report: bloc.report,
  };
}

/**
 * Builds the year's rollup from the organisations' tallies and writes the summary, unless
 * nothing changed since the last run or another run holds the lease. `bloc`: the copy an
 * endpoint already read to authenticate its caller (the schedule reads it here).
 */
export async function runRollup(deps: Deps, year: number, options: { force?: boolean; bloc?: Bloc } = {}): Promise<RollupOutcome> {
  const started = Date.now();
  const { db, blocId } = deps;
  const ref = rollupRef(db, blocId, year);
  const [settings, previousDoc, marker, stored] = await readAll(db, yearRef(db, blocId, year), rollupRef(db, blocId, year - 1), changeMarkerRef(db, blocId, year), ref);
  const bloc = options.bloc ?? (await loadBloc(db, blocId));
  if (!settings) throw problems.yearNotConfigured(year);
  const now = deps.now();
  const localDate = DateTime.fromJSDate(now, { zone: bloc.timeZone }).toISODate() ?? '';
  // The term (issue 18): the other years' stored rollups, read up front so a change in any of them rebuilds this summary.
  const term = termOf(bloc.terms, year);
  const termDocs = term ? await readTermRollups(deps, term, year) : null;
  const previousFingerprint = termDocs ? JSON.stringify([previousDoc?.fingerprint ?? null, term, ...[...termDocs].map(([y, d]) => [y, d?.fingerprint ?? null])]) : (previousDoc?.fingerprint ?? null);
  const mark = changeMark({ bloc, year: settings, marker, previousFingerprint, localDate });
  let reads = (options.bloc ? 4 : 5) + (termDocs?.size ?? 0);
  if (!options.force && stored?.changeMark === mark) {
    logs.rollupSkipped({ blocId, year, reason: 'unchanged' });
    return { status: 'skipped', year, reads, reason: 'unchanged' };
  }

  const orgs = (await orgsCol(db, blocId, year).get()).docs.map((d) => d.data()).filter((o) => o.inConfig);
  reads += Math.max(orgs.length, 1) + 1; // the organisations (an empty answer bills one), the lease read
  const fingerprint = rollupFingerprint({ bloc, year: settings, orgs, previousFingerprint, localDate });

  const holder = randomUUID();
  const claim = await db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data();
    if (!options.force && current?.fingerprint === fingerprint) {
      // Something was marked but nothing the rollup uses changed: remember the mark, so the next run is one read.
      if (current.changeMark !== mark) tx.set(ref, { changeMark: mark }, { merge: true });
      return 'unchanged' as const;
    }
    if (current?.lease && Date.parse(current.lease.until) > now.getTime()) return { running: current.lease.until };
    const base: RollupDoc = current ?? { year, fingerprint: null, builtAt: null, rollupGzip: null, lease: null, summary: null, changeMark: null };
    tx.set(ref, { ...base, lease: { holder, until: new Date(now.getTime() + LEASE_MS).toISOString() } });
    return 'claimed' as const;
  });
  if (claim === 'unchanged') {
    logs.rollupSkipped({ blocId, year, reason: claim });
    return { status: 'skipped', year, reads, reason: claim };
  }
  if (claim !== 'claimed') {
    logs.rollupSkipped({ blocId, year, reason: 'running' });
    return { status: 'skipped', year, reads, reason: 'running', until: claim.running };
  }

  try {
    const cards = await readSharedCards(deps, year, orgs);
    reads += cards.reads;
    const rollup = buildRollup(rollupInput({ bloc, settings, orgs, now, previous: decodeRollup(previousDoc), cardHolders: cards.holders }));
    const rollupGzip = gzipSync(JSON.stringify(rollup));
    // Refused before the sheet is touched: never a summary without its stored rollup.
    if (rollupGzip.length > ROLLUP_DOC_BUDGET) throw problems.rollupTooLarge(orgs.length, rollupGzip.length);
    const termSummary = term && termDocs ? buildTerm(term, termRollups(termDocs, rollup)) : null;
    const sentences = [...reportSentences(rollup), ...(termSummary ? termSentences(termSummary) : [])];
    const model = buildSummaryModel(rollup, sentences, termSummary);
    const spreadsheetId = settings.summarySpreadsheetId;
    const written = spreadsheetId && deps.writeSummary ? await deps.writeSummary(spreadsheetId, model) : null;
    const builtAt = deps.now().toISOString();
    await ref.set({
      year,
      fingerprint,
      builtAt,
      rollupGzip,
      lease: null,
      summary: spreadsheetId && written ? { spreadsheetId, writtenAt: builtAt, requests: written.requests } : null,
      // The mark read before the organisations: a change after it makes the next run look again.
      changeMark: mark,
    });
    logs.rollupWritten({ blocId, year, orgs: orgs.length, reads, ms: Date.now() - started });
    return { status: 'written', year, reads, rollup, model, sheetsRequests: written?.requests ?? 0, sentences, term: termSummary };
  } catch (error) {
    // Free the lease so the next scheduled run retries instead of waiting for it to expire.
    await ref.set({ lease: null }, { merge: true });
    throw error;
  }
}

/**
 * Cards listed by two or more organisations, read as little as possible: the card hashes on the
 * organisation documents point at the suspects, whose member indexes then confirm (reads: one
 * per suspect, none when no two organisations share a hash).
 */
async function readSharedCards(deps: Pick<Deps, 'db' | 'blocId'>, year: number, orgs: readonly Org[]): Promise<{ holders: Record<string, string>[]; reads: number }> {
  const listing = orgs.filter((o) => o.tally !== null);
  // A document written before card hashes existed: its list is read and hashed here, so no duplicate is missed.
  const unhashed = await readCardLists(deps.db, deps.blocId, year, listing.filter((o) => o.cardHashes === null).map((o) => o.orgId));
  const suspects = orgsSharingCardHashes(listing.map((o) => ({ orgId: o.orgId, cardHashes: o.cardHashes ?? encodeCardHashes(unhashed.get(o.orgId) ?? []) })));
  const confirmed = await readCardLists(deps.db, deps.blocId, year, [...suspects].filter((id) => !unhashed.has(id)));
  const lists = [...suspects].map((orgId) => ({ orgId, cards: unhashed.get(orgId) ?? confirmed.get(orgId) ?? [] }));
  return { holders: sharedCards(lists), reads: unhashed.size + confirmed.size };
}

/** The stored rollup documents of the term's other years (one read each). */
async function readTermRollups(deps: Pick<Deps, 'db' | 'blocId'>, term: Term, year: number): Promise<Map<number, RollupDoc | undefined>> {
  const years = Array.from({ length: term.to - term.from + 1 }, (_, i) => term.from + i).filter((y) => y !== year);
  const docs = await Promise.all(years.map(async (y) => (await rollupRef(deps.db, deps.blocId, y).get()).data()));
  return new Map(years.map((y, i) => [y, docs[i]]));
}

/** Each year of the term that has a rollup: the stored ones, and this year's fresh one. */
function termRollups(docs: ReadonlyMap<number, RollupDoc | undefined>, current: BlocRollup): Map<number, BlocRollup> {
  const out = new Map<number, BlocRollup>([[current.year, current]]);
  for (const [y, doc] of docs) {
    const decoded = decodeRollup(doc);
    if (decoded) out.set(y, decoded);
  }
  return out;
}

/** The latest configured year: the one being evaluated, which the schedule rolls up. */
export async function latestYear(deps: Pick<Deps, 'db' | 'blocId'>): Promise<number | null> {
  const years = (await yearsCol(deps.db, deps.blocId).get()).docs.map((d) => d.data().year);
  return years.length === 0 ? null : Math.max(...years);
}

export async function scheduledRollup(deps: Deps): Promise<RollupOutcome | null> {
  const year = await latestYear(deps);
  return year === null ? null : runRollup(deps, year);
}
