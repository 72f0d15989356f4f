import type { DocumentData, DocumentReference, Firestore, Transaction } from '@google-cloud/firestore';
import { isDeepStrictEqual } from 'node:util';
import { localMoment } from '../domain/access.js';
import { asciiLower } from '../domain/primitives.js';
import { adminProblems } from '../domain/problems-admin.js';
import { type Bloc, type Org, type YearSettings } from '../store/records.js';
import { auditCol, blocRef, orgRef, orgsCol, yearRef } from '../store/paths.js';
import { markYearChanged } from '../store/change-marker.js';
import type { BlocConfig, OrgConfig, YearConfig } from './schema.js';

/**
 * Writes a bloc configuration to Firestore idempotently, in one transaction: the bloc, each year's
 * settings, and each year's organisations. An existing organisation only ever gets its name,
 * secretaries and expected member count updated (never its state, tally or submissions);
 * organisations missing from the config keep their data and are marked `inConfig: false`.
 */
export interface FieldUpdate {
  /** The document path, e.g. `blocs/khoi/years/2024/orgs/cb-01`. */
  readonly path: string;
  readonly fields: string[];
}

export interface ConfigChanges {
  readonly created: string[];
  readonly updated: FieldUpdate[];
  /** Documents of the config that already matched it. */
  readonly unchanged: number;
  /** Organisations in Firestore but not in the config (kept, marked inConfig: false). */
  readonly removedFromConfig: string[];
}

type Draft = { -readonly [K in keyof ConfigChanges]: ConfigChanges[K] };

export interface ApplyConfigOptions {
  /** Who applies the config (an e-mail, or `cli:<user>`), kept in the audit log. */
  readonly by: string;
  readonly now?: Date;
  /** Answer the changes without writing anything. */
  readonly dryRun?: boolean;
  /** Sees what is stored (in the transaction, before any write); throwing writes nothing. */
  readonly inspect?: (stored: ReadonlyMap<number, StoredYear>) => void;
}

export function hasChanges(changes: ConfigChanges): boolean {
  return changes.created.length > 0 || changes.updated.length > 0;
}

/** What a year holds in Firestore when the configuration is applied (read in the same transaction). */
export interface StoredYear {
  readonly settings: YearSettings | undefined;
  readonly orgs: readonly Org[];
}

/**
 * Applies the configuration in ONE transaction: every document it compares is read in the
 * transaction, so a submission committing meanwhile either comes first (and is seen: an
 * organisation that just submitted cannot be dropped) or waits and then sees the new
 * configuration. `dryRun` reads and answers the same changes but writes nothing; `inspect`
 * sees what is stored before anything is written and may throw to write nothing (the admin
 * console checks there that the changes are still the ones the admin confirmed).
 */
export async function applyBlocConfig(db: Firestore, config: BlocConfig, options: ApplyConfigOptions): Promise<ConfigChanges> {
  const at = (options.now ?? new Date()).toISOString();
  const work = async (tx: Transaction): Promise<ConfigChanges> => {
    const changes: Draft = { created: [], updated: [], unchanged: 0, removedFromConfig: [] };
    const queued: ((tx: Transaction) => void)[] = [];
    const write = writer(queued, changes);

    const bloc = blocRef(db, config.id);
    const years = Object.values(config.years);
    const [blocSnap, found] = await Promise.all([
      tx.get(bloc),
      Promise.all(
        years.map(async (year): Promise<[number, StoredYear]> => [
          year.year,
          {
            settings: (await tx.get(yearRef(db, config.id, year.year))).data(),
            orgs: (await tx.get(orgsCol(db, config.id, year.year))).docs.map((d) => d.data()),
          },
        ]),
      ),
    ]);
    const blocNow = blocSnap.data();
    const stored = new Map<number, StoredYear>(found);
    for (const year of years) refuseLosingData(year, stored.get(year.year) ?? { settings: undefined, orgs: [] }, config.timeZone);
    options.inspect?.(stored);

    const blocWanted: Bloc = {
      name: config.name,
      timeZone: config.timeZone,
      admins: config.admins,
      leaders: config.leaders,
      support: config.support,
      oauthClientIds: config.oauthClientIds,
      report: config.report,
      terms: config.terms,
    };
    write(bloc, blocNow, blocWanted);
    const blocChanged = hasChanges(changes);

    const perYear = years.map((year) => {
      const before = { created: changes.created.length, updated: changes.updated.length };
      const current = stored.get(year.year) ?? { settings: undefined, orgs: [] };
      const ref = yearRef(db, config.id, year.year);
      write(ref, current.settings, yearSettings(year, current.settings));

      const byId = new Map(current.orgs.map((org) => [org.orgId, org]));
      for (const org of year.orgs) {
        const existing = byId.get(org.id);
        const target = orgRef(db, config.id, year.year, org.id);
        if (existing === undefined) write(target, undefined, newOrg(org, at));
        else write(target, existing, { ...existing, ...orgFields(org) }, ['updatedAt'], at);
      }
      const listed = new Set(year.orgs.map((org) => org.id));
      for (const gone of current.orgs.filter((org) => !listed.has(org.orgId))) {
        const target = orgRef(db, config.id, year.year, gone.orgId);
        changes.removedFromConfig.push(target.path);
        if (gone.inConfig) {
          queued.push((t) => t.update(target, { inConfig: false, updatedAt: at }));
          changes.updated.push({ path: target.path, fields: ['inConfig'] });
        }
      }
      return {
        year: year.year,
        created: changes.created.slice(before.created),
        updated: changes.updated.slice(before.updated),
      };
    });

    for (const entry of perYear) {
      if (!blocChanged && entry.created.length === 0 && entry.updated.length === 0) continue;
      const blocPart = {
        created: changes.created.filter((p) => p === bloc.path),
        updated: changes.updated.filter((u) => u.path === bloc.path),
      };
      const audit = auditCol(db, config.id, entry.year).doc();
      queued.push((t) => { markYearChanged(t, db, config.id, entry.year, at); });
      queued.push((t) =>
        t.create(audit, {
          action: 'config',
          orgId: null,
          by: options.by,
          at,
          reason: null,
          details: {
            created: [...blocPart.created, ...entry.created],
            updated: [...blocPart.updated, ...entry.updated],
            removedFromConfig: changes.removedFromConfig.filter((p) => p.startsWith(`${yearRef(db, config.id, entry.year).path}/`)),
          },
        }),
      );
    }
    if (options.dryRun !== true) for (const apply of queued) apply(tx);
    return changes;
  };
  return options.dryRun === true ? db.runTransaction(work, { readOnly: true }) : db.runTransaction(work);
}

/**
 * An organisation that already submitted this year keeps its data, which must belong to an
 * organisation of the list: leaving the list is refused unless it is recorded as merged into
 * one. Ids that differ from stored ones only by case, and merges of unknown organisations,
 * are refused too. Throws before anything is written.
 */
function refuseLosingData(year: YearConfig, stored: StoredYear, timeZone: string): void {
  const listed = new Set(year.orgs.map((org) => org.id));
  const merged = { ...(stored.settings?.mergedInto ?? {}), ...year.mergedInto };
  const storedIds = new Set(stored.orgs.map((org) => org.orgId));
  const unknown = Object.keys(year.mergedInto).filter((id) => !storedIds.has(id));
  if (unknown.length > 0) throw adminProblems.mergeSourceUnknown(year.year, unknown);
  const byFolded = new Map(stored.orgs.map((org) => [asciiLower(org.orgId), org.orgId]));
  const cased = year.orgs
    .filter((org) => !storedIds.has(org.id) && byFolded.has(asciiLower(org.id)))
    .map((org) => ({ wanted: org.id, existing: byFolded.get(asciiLower(org.id)) ?? '' }));
  if (cased.length > 0) throw adminProblems.idDiffersByCase(year.year, cased);
  const losing = stored.orgs.filter((org) => org.inConfig && !listed.has(org.orgId) && org.lastSubmission !== null && merged[org.orgId] === undefined);
  if (losing.length > 0) {
    throw adminProblems.removesSubmitted(
      year.year,
      losing.map((org) => ({ orgId: org.orgId, name: org.name, lastSubmittedText: localMoment(org.lastSubmission?.at ?? '', timeZone) })),
    );
  }
}

/** Queues a create, an update of the differing fields, or nothing. */
function writer(queued: ((tx: Transaction) => void)[], changes: Draft) {
  return <T extends DocumentData>(ref: DocumentReference<T>, current: T | undefined, wanted: T, touch: string[] = [], at?: string): void => {
    if (current === undefined) {
      queued.push((tx) => tx.create(ref, wanted));
      changes.created.push(ref.path);
      return;
    }
    const fields = Object.keys(wanted).filter((key) => !isDeepStrictEqual(current[key], wanted[key]));
    if (fields.length === 0) {
      changes.unchanged++;
      return;
    }
    const data: DocumentData = Object.fromEntries(fields.map((key) => [key, wanted[key]]));
    for (const key of touch) data[key] = at;
    queued.push((tx) => tx.update(ref, data));
    changes.updated.push({ path: ref.path, fields });
  };
}

function yearSettings(year: YearConfig, current: YearSettings | undefined): YearSettings {
  return {
    year: year.year,
    deadline: year.deadline,
    rulePack: year.rulePack,
    exemplaryScale: year.exemplaryScale,
    quotaMode: year.quotaMode,
    quotaPercent: year.quotaPercent,
    evaluationDate: year.evaluationDate,
    // A spreadsheet the summary job created stays linked unless the config names another one.
    summarySpreadsheetId: year.summarySpreadsheetId ?? current?.summarySpreadsheetId ?? null,
    // A merge stays recorded (history) unless the organisation is back in the list.
    mergedInto: Object.fromEntries(
      Object.entries({ ...(current?.mergedInto ?? {}), ...year.mergedInto })
        .filter(([from]) => !year.orgs.some((org) => org.id === from))
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
    orgFiguresRequired: year.orgFiguresRequired,
  };
}

function orgFields(org: OrgConfig): Pick<Org, 'name' | 'secretaries' | 'expectedMembers' | 'inConfig'> {
  return { name: org.name, secretaries: org.secretaries, expectedMembers: org.expectedMembers, inConfig: true };
}

function newOrg(org: OrgConfig, at: string): Org {
  return {
    orgId: org.id,
    ...orgFields(org),
    state: 'not_submitted',
    lastSubmission: null,
    contentHash: null,
    cardHashes: null,
    tally: null,
    orgFigures: null,
    acceptedQuotaReason: null,
    deadlineOverride: null,
    stateChange: null,
    updatedAt: at,
  };
}
