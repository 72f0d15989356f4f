import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyBlocConfig } from '../../functions/src/bloc-config/apply.js';
import type { Deps } from '../../functions/src/deps.js';
import { runRollup } from '../../functions/src/rollup/rollup-job.js';
import { changeMarkerRef } from '../../functions/src/store/paths.js';
import { parseBlocConfig } from '../../local/src/bloc-config-file.js';
import { countFirestoreRpcs, type FirestoreCounter } from '../../bench/firestore-counter.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { ADMIN, OPEN_DEADLINE, testBloc } from '../fixtures/test-bloc.js';

/**
 * The year's change marker: every submission that changes an organisation, every admin action
 * and every configuration change bumps it in the same transaction or batch, so the scheduled
 * rollup knows from a constant number of documents — never the organisations — that nothing
 * changed. Reads are counted at the Firestore client.
 */
const ORG_COUNT = 40;
const orgs = Array.from({ length: ORG_COUNT }, (_, i) => ({ id: `cb-${i + 1}`, name: `Chi bộ ${i + 1}`, secretaries: [`bithu${i + 1}@khoi.vn`], expectedMembers: 3 }));
const CONFIG = testBloc('khoi-marker', 'Đảng bộ Khối Dấu', { 2025: { deadline: OPEN_DEADLINE, orgs } });
const h = useLocalStack('demo-change-marker', CONFIG);
let counter: FirestoreCounter;
let n = 0;

beforeAll(() => {
  counter = countFirestoreRpcs(h.stack.db);
});
afterAll(() => counter.restore());
beforeEach(() => h.reset());

const deps = (): Deps => ({ db: h.stack.db, blocId: h.stack.blocId, now: () => new Date('2026-01-20T03:00:00Z') });
const submit = (org: number, rows: number) =>
  h.post('submit', { year: 2025, orgId: `cb-${org}`, submissionId: `marker-${++n}-${Date.now()}`, sheet: { values: grid(validRows(rows)) } }, `bithu${org}@khoi.vn`);
const marker = async () => (await changeMarkerRef(h.stack.db, h.stack.blocId, 2025).get()).data()?.version;
const scheduled = () => counter.measure(() => runRollup(deps(), 2025));

describe('the change marker', () => {
  it('nothing changed: the scheduled run reads 5 documents, whatever the number of organisations', async () => {
    expect((await submit(1, 3)).status).toBe(200);
    const first = await scheduled();
    expect(first.result.status).toBe('written');
    expect(first.counts.billedReads).toBeGreaterThan(ORG_COUNT);
    const again = await scheduled();
    expect(again.result).toMatchObject({ status: 'skipped', reason: 'unchanged', reads: 5 });
    // year, previous year's rollup (absent), change marker, this rollup, bloc: in 2 RPCs, nothing written.
    expect(again.counts).toMatchObject({ billedReads: 5, missing: 1, writes: 0, rpcs: { batchGetDocuments: 2 } });
  });

  it('a submission, an admin action and a configuration change each bump it and the next run rebuilds', async () => {
    const start = await marker();
    expect((await submit(1, 3)).status).toBe(200);
    expect(await marker()).toBe((start ?? 0) + 1);
    expect((await scheduled()).result.status).toBe('written');
    expect((await scheduled()).result.status).toBe('skipped');

    // The same list again is `unchanged`: nothing the rollup reads moved, the marker neither.
    expect((await submit(1, 3)).status).toBe(200);
    expect(await marker()).toBe((start ?? 0) + 1);
    expect((await scheduled()).counts.billedReads).toBe(5);

    const locked = await h.post('orgAction', { year: 2025, orgId: 'cb-1', action: 'lock' }, ADMIN);
    expect(locked.status).toBe(200);
    expect(await marker()).toBe((start ?? 0) + 2);
    const afterLock = await scheduled();
    expect(afterLock.result.status === 'written' && afterLock.result.rollup.orgs.find((o) => o.orgId === 'cb-1')?.state).toBe('locked');

    const renamed = parseBlocConfig(CONFIG.replace('"Chi bộ 2"', '"Chi bộ Hai"'), 'renamed');
    await applyBlocConfig(h.stack.db, renamed, { by: 'test' });
    expect(await marker()).toBe((start ?? 0) + 3);
    const afterConfig = await scheduled();
    expect(afterConfig.result.status === 'written' && afterConfig.result.rollup.orgs.find((o) => o.orgId === 'cb-2')?.name).toBe('Chi bộ Hai');
    expect((await scheduled()).result).toMatchObject({ status: 'skipped', reads: 5 });
  });

  it('a marked change that alters nothing the rollup uses costs one full check, then the run is 5 reads again', async () => {
    expect((await submit(2, 3)).status).toBe(200);
    expect((await scheduled()).result.status).toBe('written');
    await changeMarkerRef(h.stack.db, h.stack.blocId, 2025).set({ version: 99, at: '2026-01-20T03:00:00.000Z' });
    const check = await scheduled();
    expect(check.result).toMatchObject({ status: 'skipped', reason: 'unchanged' });
    expect(check.counts.billedReads).toBeGreaterThan(ORG_COUNT);
    expect(check.counts.writes).toBe(1); // the new mark, remembered
    expect((await scheduled()).counts.billedReads).toBe(5);
  });
});
