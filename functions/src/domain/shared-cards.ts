/**
 * Cross-organisation duplicate cards without reading every card: each organisation stores a
 * 4-byte hash of each of its cards (`cardHashes`, a few hundred bytes beside its tally), the
 * rollup finds the hashes two organisations share, and only those organisations' card lists
 * are read to confirm. A hash collision costs one extra read, never a wrong answer: the cards
 * themselves decide.
 */

/** The key under which two organisations' card numbers are the same card (case-insensitive). */
export const cardKey = (card: string): string => card.normalize('NFC').toUpperCase();

/** FNV-1a over the key's UTF-16 code units: stable across runtimes, cheap, 32 bits. */
export function cardHash(card: string): number {
  const key = cardKey(card);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The organisation's card hashes, sorted and distinct, 4 bytes each (big-endian). */
export function encodeCardHashes(cards: Iterable<string>): Uint8Array {
  const hashes = [...new Set(Array.from(cards, cardHash))].sort((a, b) => a - b);
  const bytes = new Uint8Array(hashes.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, hash] of hashes.entries()) view.setUint32(i * 4, hash);
  return bytes;
}

function decodeCardHashes(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4);
  return out;
}

/** The organisations that share at least one card hash with another: the only lists worth reading. */
export function orgsSharingCardHashes(orgs: readonly { readonly orgId: string; readonly cardHashes: Uint8Array }[]): Set<string> {
  const firstHolder = new Map<number, string>();
  const sharing = new Set<string>();
  for (const { orgId, cardHashes } of orgs) {
    for (const hash of decodeCardHashes(cardHashes)) {
      const first = firstHolder.get(hash);
      if (first === undefined) firstHolder.set(hash, orgId);
      else if (first !== orgId) sharing.add(first).add(orgId);
    }
  }
  return sharing;
}

/** Cards listed by ≥ 2 organisations: for each, orgId → the card as that organisation first wrote it. */
export function sharedCards(lists: readonly { readonly orgId: string; readonly cards: readonly string[] }[]): Record<string, string>[] {
  const byKey = new Map<string, Map<string, string>>();
  for (const { orgId, cards } of lists) {
    for (const card of cards) {
      const key = cardKey(card);
      const holders = byKey.get(key) ?? new Map<string, string>();
      if (!holders.has(orgId)) holders.set(orgId, card);
      byKey.set(key, holders);
    }
  }
  return [...byKey.values()].filter((holders) => holders.size >= 2).map((holders) => Object.fromEntries(holders));
}
