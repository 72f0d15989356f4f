import type { Firestore } from '@google-cloud/firestore';
import { evaluationSchema } from '../../../functions/src/domain/schema.js';
import { tallyOrganisation, type OrgTally, type TallyCounts } from '../../../functions/src/domain/tally.js';
import { listHash, memberHash } from '../../../functions/src/endpoints/hashing.js';
import { encodeCardHashes } from '../../../functions/src/domain/shared-cards.js';
import { type MemberDoc, type Org, type Submission } from '../../../functions/src/store/records.js';
import { memberIndexRef, membersCol, orgRef, submissionsCol } from '../../../functions/src/store/paths.js';

/**
 * Everything one organisation holds for a year, read back from Firestore, and the invariants a
 * submission must leave between those documents (each checked independently of the server's
 * own bookkeeping: the tally and list hash are recomputed from the member documents).
 */
export interface OrgState {
  readonly org: Org;
  readonly members: MemberDoc[];
  /** Card numbers listed by the member index document (sorted). */
  readonly indexCards: string[];
  readonly indexEntries: Record<string, { hash: string; row: number }>;
  readonly audits: Submission[];
}

export async function readOrgState(db: Firestore, blocId: string, year: number, orgId: string): Promise<OrgState> {
  const [org, index, members, audits] = await Promise.all([
    orgRef(db, blocId, year, orgId).get(),
    memberIndexRef(db, blocId, year, orgId).get(),
    membersCol(db, blocId, year, orgId).get(),
    submissionsCol(db, blocId, year, orgId).get(),
  ]);
  const orgData = org.data();
  if (!orgData) throw new Error(`organisation ${orgId} is missing`);
  const entries = index.data()?.members ?? {};
  return {
    org: orgData,
    members: members.docs.map((d) => d.data()).sort((a, b) => a.cardNumber.localeCompare(b.cardNumber)),
    indexCards: Object.keys(entries).sort(),
    indexEntries: Object.fromEntries(Object.entries(entries).map(([card, e]) => [card, { hash: e.hash, row: e.row }])),
    audits: audits.docs.map((d) => d.data()),
  };
}

/** What the documents say when recomputed from the member documents alone. */
export interface Recount {
  readonly cards: string[];
  /** The counts, as the organisation stores them (its card numbers stay in the member index). */
  readonly tally: TallyCounts;
  /** The list hash of the member documents (what the organisation's contentHash must be). */
  readonly contentHash: string;
  /** Every member document's stored hash equals the hash of its own fields. */
  readonly memberHashesHold: boolean;
  /** The index lists each member with its hash and row. */
  readonly indexMatches: boolean;
  /** The organisation's card hashes are those of its member documents' cards. */
  readonly cardHashesMatch: boolean;
}

export function recount(state: OrgState, exemplaryScale: readonly string[]): Recount {
  const evaluations = state.members.map((m) => evaluationSchema.parse(m));
  return {
    cards: state.members.map((m) => m.cardNumber),
    tally: countsOnly(tallyOrganisation(evaluations, exemplaryScale)),
    contentHash: listHash(state.members.map((m) => ({ cardNumber: m.cardNumber, hash: m.contentHash }))),
    memberHashesHold: evaluations.every((e, i) => memberHash(e) === state.members[i]?.contentHash),
    indexMatches:
      JSON.stringify(state.indexCards) === JSON.stringify(state.members.map((m) => m.cardNumber)) &&
      state.members.every((m) => state.indexEntries[m.cardNumber]?.hash === m.contentHash && state.indexEntries[m.cardNumber]?.row === m.row),
    cardHashesMatch: Buffer.from(state.org.cardHashes ?? []).equals(Buffer.from(encodeCardHashes(state.members.map((m) => m.cardNumber)))),
  };
}

function countsOnly(tally: OrgTally): TallyCounts {
  const counts: Partial<OrgTally> = { ...tally };
  delete counts.cardNumbers;
  return counts as TallyCounts;
}
