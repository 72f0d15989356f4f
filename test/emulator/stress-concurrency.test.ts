import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tallyOrganisation } from '../../functions/src/domain/tally.js';
import { evaluationSchema } from '../../functions/src/domain/schema.js';
import type { Deps } from '../../functions/src/deps.js';
import type { SubmitAnswer } from '../../functions/src/domain/contract.js';
import { runRollup, type RollupOutcome } from '../../functions/src/rollup/rollup-job.js';
import { grid, validRows, type RowSpec } from '../fixtures/sheet-grid.js';
import { useLocalStack } from '../support/functions/local-stack.js';
import { readOrgState, recount } from '../support/firestore/org-state.js';
import { probeTransactions, type TransactionProbe } from '../support/firestore/transaction-probe.js';
import { OPEN_DEADLINE, testBloc } from '../fixtures/test-bloc.js';

/**
 * 50 submissions at once — 10 organisations × 5 different sheets each, every one with its own
 * submission id and a real signed token, over HTTP — while forced rollups keep running. Each
 * organisation must end as exactly one of its submitted sheets (members, index, tally, hash
 * agreeing), nothing may be lost, and a rollup afterwards must equal a recount.
 */
const ORGS = Array.from({ length: 10 }, (_, i) => `org-${String(i).padStart(2, '0')}`);
const SCALE = ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'];
const secretary = (orgId: string) => `bithu.${orgId}@khoi.vn`;
const CONFIG = testBloc(
  'khoi-stress',
  'Đảng bộ Khối Sức tải',
  { 2025: { deadline: OPEN_DEADLINE, orgs: ORGS.map((id) => ({ id, name: `Chi bộ ${id}`, secretaries: [secretary(id)], expectedMembers: 8 })) } },
  { leaders: [] },
);
const h = useLocalStack('demo-stress-concurrency', CONFIG);
const YEAR = 2025;
/** Statuses README documents as “try again later”; a client resends the same submission id. */
const RETRYABLE = new Set([429, 500, 503]);

/** Variant v of organisation o: its own card numbers, 4–10 rows, ratings and scales varying. */
function sheetRows(o: number, v: number): RowSpec[] {
  return validRows(4 + v + (o % 3)).map((row, j) => ({
    ...row,
    'Số thẻ đảng viên': `${10 + o}.${String(j + 1).padStart(6, '0')}`,
    ...(j % (v + 2) === 0 ? { 'Xếp loại': 'Hoàn thành nhiệm vụ', 'Điểm': 60 } : {}),
    ...((j + v) % 3 === 0 ? { 'Nêu gương': 'Nêu gương', 'Giới tính': 'Nữ' } : {}),
    ...((j + o) % 4 === 0 ? { 'Lãnh đạo, quản lý': 'Không' } : {}),
  }));
}

interface Sent {
  readonly orgId: string;
  readonly rows: RowSpec[];
  readonly submissionId: string;
  status: number;
  answer: SubmitAnswer | null;
  /** Resends of the same submission id after a retryable status. */
  resends: number;
}

async function send(s: Sent): Promise<void> {
  const body = { year: YEAR, orgId: s.orgId, submissionId: s.submissionId, sheet: { values: grid(s.rows) } };
  for (;;) {
    const res = await h.post('submit', body, secretary(s.orgId));
    s.status = res.status;
    if (!RETRYABLE.has(res.status) || s.resends >= 3) {
      s.answer = res.status === 200 ? (res.json as SubmitAnswer) : null;
      return;
    }
    s.resends += 1;
  }
}

let probe: TransactionProbe;
beforeEach(async () => {
  await h.reset();
  probe = probeTransactions(h.stack.db);
});
afterEach(() => probe.restore());

const rollupDeps = (): Deps => ({ db: h.stack.db, blocId: h.stack.blocId, now: () => new Date() });

describe('50 concurrent submissions with rollups running', () => {
  it('every organisation ends as exactly one submitted sheet; nothing lost; the final rollup equals a recount', async () => {
    const sent: Sent[] = ORGS.flatMap((orgId, o) =>
      Array.from({ length: 5 }, (_, v) => ({ orgId, rows: sheetRows(o, v), submissionId: `stress-${orgId}-v${v}`, status: 0, answer: null, resends: 0 })),
    );
    const started = Date.now();
    let settled = false;
    const all = Promise.all(sent.map(send)).finally(() => (settled = true));
    // Two rollup loops at once: they contend for the lease while the submissions contend for the orgs.
    const during: RollupOutcome[] = [];
    const loop = async (): Promise<void> => {
      while (!settled) {
        during.push(await runRollup(rollupDeps(), YEAR, { force: true }));
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await Promise.all([all, loop(), loop()]);
    const elapsedMs = Date.now() - started;

    // None lost: every submission answered 200 'accepted' (all 50 sheets differ), possibly after resends.
    expect(sent.map((s) => [s.submissionId, s.status, s.answer?.result])).toEqual(sent.map((s) => [s.submissionId, 200, 'accepted']));
    // A rollup built mid-storm sees each organisation as one whole submitted sheet (or none yet):
    // its listed count names the variant, and its HTNV count must be that same variant's.
    const written = during.flatMap((o) => (o.status === 'written' ? [o.rollup] : []));
    expect(written.length).toBeGreaterThan(0);
    expect(during.every((o) => o.status === 'written' || o.reason === 'running')).toBe(true);
    for (const row of written.flatMap((r) => r.orgs)) {
      if (row.counts === null) continue;
      const variant = sent.find((s) => s.orgId === row.orgId && s.rows.length === row.counts?.listed);
      const htnv = variant?.rows.filter((r) => r['Xếp loại'] === 'Hoàn thành nhiệm vụ').length;
      expect([row.orgId, row.counts.listed, row.counts.levels.HTNV]).toEqual([row.orgId, variant?.rows.length, htnv]);
    }

    let audits = 0;
    const allMembers = [];
    for (const orgId of ORGS) {
      const state = await readOrgState(h.stack.db, h.stack.blocId, YEAR, orgId);
      const again = recount(state, SCALE);
      // Members, index, tally and hash agree with each other…
      expect(again.memberHashesHold).toBe(true);
      expect(again.indexMatches).toBe(true);
      expect(again.cardHashesMatch).toBe(true);
      expect(state.org.tally).toEqual(again.tally);
      expect(state.org.contentHash).toBe(again.contentHash);
      // …and are exactly the sheet of the last committed submission, named by lastSubmission.
      const last = sent.find((s) => s.submissionId === state.org.lastSubmission?.submissionId);
      expect(last?.orgId).toBe(orgId);
      expect(state.org.contentHash).toBe(last?.answer?.contentHash);
      const expected = (last?.rows ?? []).map((r) => [r['Số thẻ đảng viên'], r['Xếp loại'] === 'Hoàn thành nhiệm vụ' ? 'HTNV' : 'HTTNV']).sort();
      expect(state.members.map((m) => [m.cardNumber, m.rating])).toEqual(expected);
      expect(state.org.state).toBe('submitted');
      // One audit record per accepted submission of this organisation, each with its answer.
      const mine = sent.filter((s) => s.orgId === orgId);
      expect(state.audits.map((a) => [a.submissionId, a.result, a.contentHash]).sort()).toEqual(
        mine.map((s) => [s.submissionId, 'accepted', s.answer?.contentHash]).sort(),
      );
      audits += state.audits.length;
      allMembers.push(...state.members);
    }
    expect(audits).toBe(sent.length);

    // The final rollup, from the tallies, equals a recount of every member document.
    const final = await runRollup(rollupDeps(), YEAR, { force: true });
    if (final.status !== 'written') throw new Error(`final rollup ${final.status}`);
    const { cardNumbers: _cards, ...recounted } = tallyOrganisation(
      allMembers.map((m) => evaluationSchema.parse(m)),
      SCALE,
    );
    expect(final.rollup.totals).toEqual(recounted);
    expect(final.rollup.submission).toMatchObject({ total: 10, submitted: 10, missing: 0 });
    expect(final.rollup.duplicateCards).toEqual([]);
    const byOrg = final.rollup.orgs.map((row) => [row.orgId, row.counts?.listed]);
    const tallies = await Promise.all(ORGS.map(async (orgId) => [orgId, (await readOrgState(h.stack.db, h.stack.blocId, YEAR, orgId)).org.tally?.listed]));
    expect(byOrg).toEqual(tallies);
    expect(final.rollup.totals.listed).toBe(tallies.reduce((n, [, listed]) => n + Number(listed), 0));

    const resends = sent.reduce((n, s) => n + s.resends, 0);
    const report = { elapsedMs, submitTransactions: probe.transactions - during.length - 1, retries: probe.attempts - probe.transactions, resends, rollups: during.length, rollupsWritten: written.length };
    console.info(`[stress] 50 concurrent submissions: ${JSON.stringify(report)}`);
  }, 60_000);
});
