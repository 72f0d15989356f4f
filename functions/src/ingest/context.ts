import type { Firestore } from '@google-cloud/firestore';
import type { RuleSettingsInput } from '../domain/schema.js';
import { problems } from '../http/problems.js';
import { readAll } from '../store/read-all.js';
import { blocRef, orgRef, yearRef, type Bloc, type Org, type YearSettings } from '../store/collections.js';

/** The bloc, the year's settings and one organisation: read together in one round trip. */
export interface OrgContext {
  readonly bloc: Bloc;
  readonly year: YearSettings;
  readonly org: Org;
}

export async function loadBloc(db: Firestore, blocId: string): Promise<Bloc> {
  const bloc = (await blocRef(db, blocId).get()).data();
  if (!bloc) throw new Error(`bloc ${blocId} is not configured: apply a bloc configuration first`);
  return bloc;
}

export async function loadOrgContext(db: Firestore, blocId: string, year: number, orgId: string): Promise<OrgContext> {
  const [bloc, settings, org] = await readAll(db, blocRef(db, blocId), yearRef(db, blocId, year), orgRef(db, blocId, year, orgId));
  if (!bloc) throw new Error(`bloc ${blocId} is not configured: apply a bloc configuration first`);
  if (!settings) throw problems.yearNotConfigured(year);
  if (!org) throw problems.orgNotFound(orgId, year);
  return { bloc, year: settings, org };
}

/** The validator's settings for this organisation and year. */
export function ruleSettingsFor(ctx: OrgContext): RuleSettingsInput {
  const y = ctx.year;
  return {
    year: y.year,
    ...(y.rulePack ? { rulePack: y.rulePack } : {}),
    exemplaryScale: y.exemplaryScale,
    quotaMode: y.quotaMode,
    quotaPercent: y.quotaPercent,
    ...(y.evaluationDate ? { evaluationDate: y.evaluationDate } : {}),
    expectedMembers: ctx.org.expectedMembers,
  };
}
