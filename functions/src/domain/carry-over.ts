import type { RosterMember } from './contract-roster.js';

/**
 * Which organisations' lists of the previous year a new year's template starts from: the
 * organisation itself, then every organisation an admin recorded as merged into it (the admin
 * console's “merged into” mapping, old organisation id → the id it joined), each once.
 */
export function carryOverSourceIds(orgId: string, mergedInto: ReadonlyMap<string, string>): string[] {
  const merged = [...mergedInto].filter(([from, into]) => into === orgId && from !== orgId).map(([from]) => from);
  return [orgId, ...[...new Set(merged)].sort()];
}

/** The lists one after the other, a card number kept at its first appearance. */
export function mergeRosters(lists: readonly (readonly RosterMember[])[]): RosterMember[] {
  const seen = new Set<string>();
  const out: RosterMember[] = [];
  for (const list of lists) {
    for (const member of list) {
      if (seen.has(member.cardNumber)) continue;
      seen.add(member.cardNumber);
      out.push(member);
    }
  }
  return out;
}

/** The configured year just before `year`, or null. */
export function previousYear(years: readonly number[], year: number): number | null {
  const earlier = years.filter((y) => y < year);
  return earlier.length === 0 ? null : Math.max(...earlier);
}
