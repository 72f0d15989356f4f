import { FieldValue, type DocumentReference, type Firestore, type PartialWithFieldValue, type SetOptions } from '@google-cloud/firestore';
import { cardKey } from '../domain/rollup.js';
import { cardsCol, docId } from './paths.js';
import type { CardHolders } from './records.js';

/**
 * The year's card index (records.ts, cardHoldersSchema): kept by the transaction that changes an
 * organisation's list, read by the rollup for duplicates only. Writes are blind (an increment
 * and one map field per card) so organisations submitting at once never contend on it; the
 * counts stay exact because each organisation's added and removed cards come from the diff
 * against its member index, read in the same transaction.
 */
export interface CardChanges {
  /** Card numbers newly on the organisation's list. */
  readonly added: readonly string[];
  /** Card numbers no longer on it. */
  readonly removed: readonly string[];
}

interface MergeWriter {
  set(ref: DocumentReference<CardHolders>, data: PartialWithFieldValue<CardHolders>, options: SetOptions): unknown;
}

export function writeCardChanges(writer: MergeWriter, db: Firestore, blocId: string, year: number, orgId: string, changes: CardChanges): void {
  const merge = { merge: true };
  const cards = cardsCol(db, blocId, year);
  const ref = (card: string) => cards.doc(docId('card', cardKey(card)));
  for (const card of changes.added) {
    writer.set(ref(card), { count: FieldValue.increment(1), orgs: { [orgId]: card } }, merge);
  }
  for (const card of changes.removed) {
    writer.set(ref(card), { count: FieldValue.increment(-1), orgs: { [orgId]: FieldValue.delete() } }, merge);
  }
}

/** Cards listed by two or more organisations (one query; billed 1 read when there are none). */
export async function readDuplicateCandidates(db: Firestore, blocId: string, year: number): Promise<{ holders: Record<string, string>[]; reads: number }> {
  const snapshot = await cardsCol(db, blocId, year).where('count', '>=', 2).get();
  return { holders: snapshot.docs.map((d) => d.data().orgs), reads: Math.max(1, snapshot.size) };
}
