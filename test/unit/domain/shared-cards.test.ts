import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardHash, encodeCardHashes, orgsSharingCardHashes, sharedCards } from '../../../functions/src/domain/shared-cards.js';

describe('card hashes', () => {
  it('are FNV-1a of the upper-cased card, 4 bytes each, sorted and distinct', () => {
    expect(cardHash('79.000001')).toBe(0xfefc3aee);
    expect(cardHash('79.ab1')).toBe(cardHash('79.AB1'));
    const bytes = encodeCardHashes(['79.000002', '79.000001', '79.000001']);
    expect(bytes.byteLength).toBe(8);
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(0), view.getUint32(4)]).toEqual([cardHash('79.000001'), cardHash('79.000002')].sort((a, b) => a - b));
  });

  it('point at every pair of organisations that list one card, and at colliding cards too', () => {
    const orgs = [
      { orgId: 'a', cardHashes: encodeCardHashes(['79.000001', '79.332789']) },
      { orgId: 'b', cardHashes: encodeCardHashes(['79.000002']) },
      { orgId: 'c', cardHashes: encodeCardHashes(['79.529192']) }, // same hash as 79.332789
      { orgId: 'd', cardHashes: encodeCardHashes(['79.000002']) },
    ];
    expect([...orgsSharingCardHashes(orgs)].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(orgsSharingCardHashes(orgs.slice(0, 2))).toEqual(new Set());
  });

  it('confirmed from the lists, give exactly the cards two organisations list (a collision is not one)', () => {
    const lists = [
      { orgId: 'a', cards: ['79.000001', '79.332789', '79.ab1'] },
      { orgId: 'c', cards: ['79.529192', '79.AB1'] },
    ];
    expect(sharedCards(lists)).toEqual([{ a: '79.ab1', c: '79.AB1' }]);
  });

  it('the suspects are a superset of the organisations sharing a card (any lists)', () => {
    const card = fc.constantFrom('79.000001', '79.000002', '79.332789', '79.529192', '80.1', '80.2');
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(card, { maxLength: 4 }), { maxLength: 5 }), (cardLists) => {
        const lists = cardLists.map((cards, i) => ({ orgId: `o${i}`, cards }));
        const suspects = orgsSharingCardHashes(lists.map((l) => ({ orgId: l.orgId, cardHashes: encodeCardHashes(l.cards) })));
        const sharing = new Set(sharedCards(lists).flatMap((holders) => Object.keys(holders)));
        for (const orgId of sharing) expect(suspects.has(orgId)).toBe(true);
        // Reading only the suspects' lists finds the same shared cards as reading them all.
        expect(sharedCards(lists.filter((l) => suspects.has(l.orgId)))).toEqual(sharedCards(lists));
      }),
    );
  });
});
