import { createHash } from 'node:crypto';
import type { Bloc, Org, YearSettings } from '../store/records.js';

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
