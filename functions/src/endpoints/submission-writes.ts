import type { MemberDiff } from '../domain/diff.js';
import type { SheetRow } from '../domain/schema.js';
import type { OrgFigures } from '../domain/org-figures.js';
import type { OrgTally } from '../domain/tally.js';
import { encodeCardHashes } from '../domain/shared-cards.js';
import type { MemberDoc, MemberIndex, Org } from '../store/records.js';
import { listHash, memberHash } from './hashing.js';

/**
 * What an accepted submission writes, as plain data: the submit transaction stores exactly
 * this, and the rollup benchmark seeds its organisations with it (never a hand-kept copy).
 */
export interface ListedMember {
  readonly row: number;
  readonly evaluation: SheetRow['evaluation'];
  readonly cardNumber: string;
  readonly fullName: string;
  readonly hash: string;
}

export function listedMembers(rows: readonly SheetRow[]): { members: ListedMember[]; contentHash: string } {
  const members = rows.map(({ row, evaluation }) => ({ row, evaluation, cardNumber: evaluation.cardNumber, fullName: evaluation.fullName, hash: memberHash(evaluation) }));
  return { members, contentHash: listHash(members) };
}

export interface SubmissionWrites {
  /** Member documents to set (imported or updated), by card number. */
  readonly members: readonly { readonly cardNumber: string; readonly doc: MemberDoc }[];
  /** Card numbers whose documents are deleted (no longer listed). */
  readonly removed: readonly string[];
  readonly index: MemberIndex;
  readonly org: Org;
}

export function submissionWrites(input: {
  readonly org: Org;
  readonly members: readonly ListedMember[];
  readonly contentHash: string;
  readonly diff: MemberDiff;
  readonly tally: OrgTally;
  /** The organisation's own figures (issue 18), stored on the organisation beside its tally. */
  readonly orgFigures?: OrgFigures | null;
  readonly submissionId: string;
  readonly by: string;
  /** ISO instant of the submission. */
  readonly at: string;
}): SubmissionWrites {
  const { org, members, diff, submissionId, at } = input;
  return {
    members: members
      .filter((m) => diff.toWrite.has(m.cardNumber))
      .map((m) => ({ cardNumber: m.cardNumber, doc: { ...m.evaluation, row: m.row, contentHash: m.hash, submissionId, updatedAt: at } })),
    removed: diff.removed.map((gone) => gone.cardNumber),
    index: { members: Object.fromEntries(members.map((m) => [m.cardNumber, { hash: m.hash, fullName: m.fullName, row: m.row }])), updatedAt: at },
    org: {
      ...org,
      state: org.state === 'not_submitted' ? 'submitted' : org.state,
      lastSubmission: { at, by: input.by, submissionId },
      contentHash: input.contentHash,
      tally: withoutCards(input.tally),
      cardHashes: encodeCardHashes(members.map((m) => m.cardNumber)),
      orgFigures: input.orgFigures ?? null,
      updatedAt: at,
    },
  };
}

/** The card numbers stay out of the organisation: its 4-byte card hashes are what the rollup reads (shared-cards.ts). */
function withoutCards(tally: OrgTally): Org['tally'] {
  const counts: Partial<OrgTally> = { ...tally };
  delete counts.cardNumbers;
  return counts as NonNullable<Org['tally']>;
}
