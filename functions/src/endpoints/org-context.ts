import type { Firestore } from '@google-cloud/firestore';
import { problems } from '../domain/problems.js';
import { orgRef, yearRef } from '../store/paths.js';
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
  if (!settings) throw problems.yearNotConfigured(year);
  if (!org) throw problems.orgNotFound(orgId, year);
  return { bloc, year: settings, org };
}
