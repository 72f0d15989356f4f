import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/src/deps.js';
import { runRollup } from '../../functions/src/rollup/rollup-job.js';
import { membersCol, orgRef } from '../../functions/src/store/paths.js';
import { grid, VALID_ROW } from '../fixtures/sheet-grid.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { OPEN_DEADLINE, testBloc } from '../fixtures/test-bloc.js';

/**
 * The rollup finds cross-organisation duplicate cards from the card hashes each submission
 * stores on its organisation, confirmed from the suspects' member indexes; after any sequence
 * of submissions (cards added, kept, removed, re-added, written in lower case, two cards with
 * the same hash) it must equal a recount over the member documents themselves.
 */
const ORGS = ['cb-a', 'cb-b', 'cb-c'] as const;
const email = (orgId: string) => `bithu.${orgId}@khoi.vn`;
const CONFIG = testBloc('khoi-cards', 'Đảng bộ Khối Thẻ', {
  2025: { deadline: OPEN_DEADLINE, orgs: ORGS.map((id, i) => ({ id, name: `Chi bộ ${i + 1}`, secretaries: [email(id)], expectedMembers: 3 })) },
});
const h = useLocalStack('demo-card-index', CONFIG);
/** Upper and lower case of one card: the validator stores both as 79.AB1, one card. 79.332789 and 79.529192: two cards, one hash (f7f710cb). */
const POOL = ['79.000001', '79.000002', '79.000003', '79.000004', '79.ab1', '79.AB1', '80.000005', '79.332789', '79.529192'];
let n = 0;

beforeEach(() => h.reset());

const deps = (): Deps => ({ db: h.stack.db, blocId: h.stack.blocId, now: () => new Date('2026-01-20T03:00:00Z') });

/** What no card index knows: card → organisations (config order) from the member documents. */
async function recount(): Promise<{ cardNumber: string; orgIds: string[] }[]> {
  const byCard = new Map<string, string[]>();
  for (const orgId of ORGS) {
    for (const doc of (await membersCol(h.stack.db, h.stack.blocId, 2025, orgId).get()).docs) {
      byCard.set(doc.id, [...(byCard.get(doc.id) ?? []), orgId]);
    }
  }
  return [...byCard]
    .filter(([, orgIds]) => orgIds.length >= 2)
    .map(([cardNumber, orgIds]) => ({ cardNumber, orgIds }))
    .sort((a, b) => (a.cardNumber < b.cardNumber ? -1 : 1));
}

const submission = fc.record({
  org: fc.constantFrom(...ORGS),
  cards: fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 5, selector: (c) => c.toUpperCase() }),
});

describe('duplicate cards across organisations', () => {
  it('equal a recount of the members, after any sequence of submissions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(submission, { minLength: 1, maxLength: 6 }), async (sequence) => {
        await h.reset();
        for (const { org, cards } of sequence) {
          const rows = cards.map((card, i) => ({ ...VALID_ROW, STT: i + 1, 'Họ và tên': `Đảng viên ${i + 1}`, 'Số thẻ đảng viên': card }));
          const reply = await h.post('submit', { year: 2025, orgId: org, submissionId: `cards-${++n}-${Date.now()}`, sheet: { values: grid(rows) } }, email(org));
          expect(reply.status).toBe(200);
        }
        const outcome = await runRollup(deps(), 2025, { force: true });
        if (outcome.status !== 'written') throw new Error(`rollup ${outcome.status}`);
        expect(outcome.rollup.duplicateCards).toEqual(await recount());
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  const rows = (cards: readonly string[]) => cards.map((card, i) => ({ ...VALID_ROW, STT: i + 1, 'Họ và tên': `Đảng viên ${i + 1}`, 'Số thẻ đảng viên': card }));
  async function submitLists(lists: readonly (readonly [string, readonly string[]])[]): Promise<void> {
    for (const [org, cards] of lists) {
      const reply = await h.post('submit', { year: 2025, orgId: org, submissionId: `cards-${++n}-${Date.now()}`, sheet: { values: grid(rows(cards)) } }, email(org));
      expect(reply.status).toBe(200);
    }
  }
  async function forcedRollup() {
    const outcome = await runRollup(deps(), 2025, { force: true });
    if (outcome.status !== 'written') throw new Error(`rollup ${outcome.status}`);
    return outcome;
  }
  // year, previous rollup, change marker, this rollup, bloc; 3 organisations; the lease read.
  const BASE_READS = 5 + 3 + 1;

  it('reads no card list when no two organisations share a card hash', async () => {
    await submitLists([['cb-a', ['79.000001', '79.000002']], ['cb-b', ['79.000003']], ['cb-c', ['79.000004']]]);
    const outcome = await forcedRollup();
    expect(outcome.reads).toBe(BASE_READS);
    expect(outcome.rollup.duplicateCards).toEqual([]);
    const org = (await orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-a').get()).data();
    expect(org?.tally).not.toHaveProperty('cardNumbers');
    expect(org?.cardHashes?.byteLength).toBe(8);
  });

  it('confirms a shared hash from the two member indexes: a duplicate is warned, a mere collision is not', async () => {
    await submitLists([['cb-a', ['79.000001', '79.000002', '79.332789']], ['cb-b', ['79.000002', '79.000003']], ['cb-c', ['79.529192']]]);
    const outcome = await forcedRollup();
    // cb-a and cb-b share 79.000002; cb-a and cb-c only a hash: three member indexes read, one duplicate.
    expect(outcome.reads).toBe(BASE_READS + 3);
    expect(outcome.rollup.duplicateCards).toEqual([{ cardNumber: '79.000002', orgIds: ['cb-a', 'cb-b'] }]);
    const org = outcome.rollup.orgs.find((o) => o.orgId === 'cb-a');
    expect(org?.warnings.map((w) => w.message)).toEqual(['Số thẻ đảng viên trùng với tổ chức khác: “79.000002” (Chi bộ 2).']);
    expect(outcome.rollup.orgs.find((o) => o.orgId === 'cb-c')?.warnings.map((w) => w.code)).toEqual(['ROW_COUNT_DIFFERS']);
  });

  it('an organisation stored before card hashes: its member index is read, and its duplicates are still found', async () => {
    await submitLists([['cb-a', ['79.000001', '79.000002']], ['cb-b', ['79.000002', '79.000003']], ['cb-c', ['79.000004']]]);
    await h.stack.db.doc(orgRef(h.stack.db, h.stack.blocId, 2025, 'cb-b').path).update({ cardHashes: null });
    const outcome = await forcedRollup();
    // cb-b's index (no hashes), then cb-a's (it shares a hash with cb-b's list).
    expect(outcome.reads).toBe(BASE_READS + 2);
    expect(outcome.rollup.duplicateCards).toEqual([{ cardNumber: '79.000002', orgIds: ['cb-a', 'cb-b'] }]);
  });
});
