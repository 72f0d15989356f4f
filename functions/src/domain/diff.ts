import type { ListCount, RemovedMember, RowOutcome, RowStatus } from './contract.js';

/**
 * A submission is the organisation's whole list: compare it with what is stored, member by
 * member (by card number and content hash), to know what to write and what to tell the user.
 */

export interface StoredMember {
  /** Content hash of the stored evaluation. */
  readonly hash: string;
  readonly fullName: string;
  readonly row: number;
}

export interface IncomingMember {
  readonly row: number;
  readonly cardNumber: string;
  readonly fullName: string;
  readonly hash: string;
}

export interface MemberDiff {
  readonly rows: readonly RowOutcome[];
  readonly removed: readonly RemovedMember[];
  readonly counts: Readonly<Record<ListCount, number>>;
  /** Card numbers whose document must be written (imported or updated). */
  readonly toWrite: ReadonlySet<string>;
}

export function diffMembers(
  incoming: readonly IncomingMember[],
  rejectedRows: readonly number[],
  stored: ReadonlyMap<string, StoredMember>,
): MemberDiff {
  const counts: Record<ListCount, number> = { imported: 0, updated: 0, unchanged: 0, removed: 0, rejected: rejectedRows.length };
  const toWrite = new Set<string>();
  const rows: RowOutcome[] = incoming.map((member) => {
    const before = stored.get(member.cardNumber);
    const status: RowStatus = !before ? 'imported' : before.hash === member.hash ? 'unchanged' : 'updated';
    counts[status] += 1;
    if (status !== 'unchanged') toWrite.add(member.cardNumber);
    return { row: member.row, cardNumber: member.cardNumber, status };
  });
  for (const row of rejectedRows) rows.push({ row, cardNumber: null, status: 'rejected' });
  rows.sort((a, b) => a.row - b.row);
  const present = new Set(incoming.map((m) => m.cardNumber));
  const removed = [...stored]
    .filter(([card]) => !present.has(card))
    .map(([cardNumber, m]) => ({ cardNumber, fullName: m.fullName, lastRow: m.row }))
    .sort((a, b) => a.lastRow - b.lastRow);
  counts.removed = removed.length;
  return { rows, removed, counts, toWrite };
}
