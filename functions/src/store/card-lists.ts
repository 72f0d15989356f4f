import type { Firestore } from '@google-cloud/firestore';
import { memberIndexRef } from './paths.js';
import { readAll } from './read-all.js';

/**
 * The card numbers some organisations list, from their member indexes (the index is keyed by
 * card): one batched read, only for the organisations the rollup suspects of sharing a card.
 */
export async function readCardLists(db: Firestore, blocId: string, year: number, orgIds: readonly string[]): Promise<Map<string, string[]>> {
  if (orgIds.length === 0) return new Map();
  const indexes = await readAll(db, ...orgIds.map((orgId) => memberIndexRef(db, blocId, year, orgId)));
  return new Map(orgIds.map((orgId, i) => [orgId, Object.keys(indexes[i]?.members ?? {})]));
}
