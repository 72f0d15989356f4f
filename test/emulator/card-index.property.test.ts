import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/src/deps.js';
import { runRollup } from '../../functions/src/rollup/rollup-job.js';
import { cardsCol, membersCol } from '../../functions/src/store/paths.js';
import { grid, VALID_ROW } from '../fixtures/sheet-grid.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { OPEN_DEADLINE, testBloc } from '../fixtures/test-bloc.js';

/**
 * The rollup finds cross-organisation duplicate cards from the year's card index, which the
 * submit transaction keeps with blind increments; after any sequence of submissions (cards
 * added, kept, removed, re-added, written in lower case) it must equal a recount over the
 * member documents themselves.
 */
const ORGS = ['cb-a', 'cb-b', 'cb-c'] as const;
const email = (orgId: string) => `bithu.${orgId}@khoi.vn`;
const CONFIG = testBloc('khoi-cards', 'Đảng bộ Khối Thẻ', {
  2025: { deadline: OPEN_DEADLINE, orgs: ORGS.map((id, i) => ({ id, name: `Chi bộ ${i + 1}`, secretaries: [email(id)], expectedMembers: 3 })) },
});
const h = useLocalStack('demo-card-index', CONFIG);
/** Upper and lower case of one card: the validator stores both as 79.AB1, one card. */
const POOL = ['79.000001', '79.000002', '79.000003', '79.000004', '79.ab1', '79.AB1', '80.000005'];
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

describe('the card index', () => {
  it('duplicates from the index equal a recount of the members, after any sequence of submissions', async () => {
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
        // Each index entry counts exactly the organisations it names.
        for (const doc of (await cardsCol(h.stack.db, h.stack.blocId, 2025).get()).docs) {
          expect(doc.data().count).toBe(Object.keys(doc.data().orgs).length);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('the rollup reads no card list: organisation tallies hold counts only, and one query finds the duplicates', async () => {
    const rows = (cards: readonly string[]) => cards.map((card, i) => ({ ...VALID_ROW, STT: i + 1, 'Họ và tên': `Đảng viên ${i + 1}`, 'Số thẻ đảng viên': card }));
    for (const [org, cards] of [['cb-a', ['79.000001', '79.000002']], ['cb-b', ['79.000002', '79.000003']]] as const) {
      const reply = await h.post('submit', { year: 2025, orgId: org, submissionId: `cards-${++n}-${Date.now()}`, sheet: { values: grid(rows(cards)) } }, email(org));
      expect(reply.status).toBe(200);
    }
    const outcome = await runRollup(deps(), 2025, { force: true });
    if (outcome.status !== 'written') throw new Error(`rollup ${outcome.status}`);
    // year, previous rollup, change marker, this rollup, bloc; 3 organisations, the lease read, 1 duplicate card found by the query.
    expect(outcome.reads).toBe(5 + 3 + 1 + 1);
    expect(outcome.rollup.duplicateCards).toEqual([{ cardNumber: '79.000002', orgIds: ['cb-a', 'cb-b'] }]);
    const org = outcome.rollup.orgs.find((o) => o.orgId === 'cb-a');
    expect(org?.warnings.map((w) => w.message)).toEqual(['Danh sách có 2 đảng viên, khác số đảng viên dự kiến (3).', 'Số thẻ đảng viên trùng với tổ chức khác: “79.000002” (Chi bộ 2).']);
  });
});
