import type { Firestore } from '@google-cloud/firestore';
import { problems } from '../domain/problems.js';
import { orgRef, submissionRef, yearRef } from '../store/paths.js';
import { readAll } from '../store/read-all.js';
import type { Bloc, Org, YearSettings } from '../store/records.js';

/** The bloc (as authentication read it), the year's settings and one organisation. */
export interface OrgContext {
  readonly bloc: Bloc;
  readonly year: YearSettings;
  readonly org: Org;
}

/** The year and the organisation in one round trip. */
export async function loadOrgContext(db: Firestore, bloc: Bloc, blocId: string, year: number, orgId: string): Promise<OrgContext> {
  const [settings, org] = await readAll(db, yearRef(db, blocId, year), orgRef(db, blocId, year, orgId));
  return contextOf(bloc, year, orgId, settings, org);
}

/** The same, with the submission a send's id names (a retry's first answer), in the same round trip. */
export async function loadSubmitContext(db: Firestore, bloc: Bloc, blocId: string, year: number, orgId: string, submissionId: string) {
  const [settings, org, previous] = await readAll(db, yearRef(db, blocId, year), orgRef(db, blocId, year, orgId), submissionRef(db, blocId, year, orgId, submissionId));
  return { ...contextOf(bloc, year, orgId, settings, org), previous };
}

function contextOf(bloc: Bloc, year: number, orgId: string, settings: YearSettings | undefined, org: Org | undefined): OrgContext {
  if (!settings) throw problems.yearNotConfigured(year);
  if (!org) throw problems.orgNotFound(orgId, year);
  return { bloc, year: settings, org };
}
