import type { DocumentData, DocumentReference, Firestore, WriteBatch } from '@google-cloud/firestore';
import { isDeepStrictEqual } from 'node:util';
import { type Bloc, type Org, type YearSettings } from '../store/records.js';
import { auditCol, blocRef, orgRef, orgsCol, yearRef } from '../store/paths.js';
import { markYearChanged } from '../store/change-marker.js';
import type { BlocConfig, OrgConfig, YearConfig } from './schema.js';

/**
 * Writes a bloc configuration to Firestore idempotently, in one batch: the bloc, each year's
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
}

export function hasChanges(changes: ConfigChanges): boolean {
  return changes.created.length > 0 || changes.updated.length > 0;
}

export async function applyBlocConfig(db: Firestore, config: BlocConfig, options: ApplyConfigOptions): Promise<ConfigChanges> {
  const at = (options.now ?? new Date()).toISOString();
  const batch = db.batch();
  const changes: Draft = { created: [], updated: [], unchanged: 0, removedFromConfig: [] };
  const write = writer(batch, changes);

  const bloc = blocRef(db, config.id);
  const blocWanted: Bloc = {
    name: config.name,
    timeZone: config.timeZone,
    admins: config.admins,
    leaders: config.leaders,
    oauthClientIds: config.oauthClientIds,
    terms: config.terms,
  };
  write(bloc, (await bloc.get()).data(), blocWanted);
  const blocChanged = hasChanges(changes);

  const years = Object.values(config.years);
  const existing = await Promise.all(
    years.map(async (year) => ({
      year: (await yearRef(db, config.id, year.year).get()).data(),
      orgs: (await orgsCol(db, config.id, year.year).get()).docs.map((d) => d.data()),
    })),
  );

  const perYear = years.map((year, index) => {
    const before = { created: changes.created.length, updated: changes.updated.length };
    const found = existing[index] ?? { year: undefined, orgs: [] };
    const ref = yearRef(db, config.id, year.year);
    write(ref, found.year, yearSettings(year, found.year));

    const byId = new Map(found.orgs.map((org) => [org.orgId, org]));
    for (const org of year.orgs) {
      const current = byId.get(org.id);
      const target = orgRef(db, config.id, year.year, org.id);
      if (current === undefined) write(target, undefined, newOrg(org, at));
      else write(target, current, { ...current, ...orgFields(org) }, ['updatedAt'], at);
    }
    const listed = new Set(year.orgs.map((org) => org.id));
    for (const current of found.orgs.filter((org) => !listed.has(org.orgId))) {
      const target = orgRef(db, config.id, year.year, current.orgId);
      changes.removedFromConfig.push(target.path);
      if (current.inConfig) {
        batch.update(target, { inConfig: false, updatedAt: at });
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
    markYearChanged(batch, db, config.id, entry.year, at);
    batch.create(auditCol(db, config.id, entry.year).doc(), {
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
    });
  }
  if (hasChanges(changes)) await batch.commit();
  return changes;
}

/** Queues a create, an update of the differing fields, or nothing. */
function writer(batch: WriteBatch, changes: Draft) {
  return <T extends DocumentData>(ref: DocumentReference<T>, current: T | undefined, wanted: T, touch: string[] = [], at?: string): void => {
    if (current === undefined) {
      batch.create(ref, wanted);
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
    batch.update(ref, data);
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
    tally: null,
    orgFigures: null,
    acceptedQuotaReason: null,
    deadlineOverride: null,
    stateChange: null,
    updatedAt: at,
  };
}
