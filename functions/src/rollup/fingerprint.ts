import { createHash } from 'node:crypto';
import type { Bloc, ChangeMarker, Org, YearSettings } from '../store/records.js';

/**
 * Everything a rollup is built from, hashed: when it has not changed since the last run the
 * scheduled job skips the work. The bloc-local date is part of it because “days to/past the
 * deadline” change every day even when no organisation does.
 */
export function rollupFingerprint(input: {
  bloc: Bloc;
  year: YearSettings;
  orgs: readonly Org[];
  previousFingerprint: string | null;
  localDate: string;
}): string {
  const orgs = input.orgs
    .map((o) => [o.orgId, o.name, o.state, o.updatedAt, o.contentHash, o.expectedMembers, o.acceptedQuotaReason, o.inConfig])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const source = [input.bloc.name, input.bloc.timeZone, input.bloc.report, input.year, orgs, input.previousFingerprint, input.localDate];
  return createHash('sha256').update(JSON.stringify(source)).digest('base64url');
}

/**
 * What the schedule checks first, from a constant number of documents: the year's change marker
 * (bumped with every write to an organisation), the bloc and year settings, the previous year's
 * rollup and the local date. Equal to the mark stored with the last rollup → nothing to do
 * without reading a single organisation.
 */
export function changeMark(input: {
  bloc: Bloc;
  year: YearSettings;
  marker: ChangeMarker | undefined;
  previousFingerprint: string | null;
  localDate: string;
}): string {
  const source = [input.bloc.name, input.bloc.timeZone, input.year, input.marker?.version ?? null, input.marker?.at ?? null, input.previousFingerprint, input.localDate];
  return createHash('sha256').update(JSON.stringify(source)).digest('base64url');
}
