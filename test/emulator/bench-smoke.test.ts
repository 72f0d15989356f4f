import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { benchAddon } from '../../bench/addon.bench.js';
import { benchValidation } from '../../bench/domain.bench.js';
import { countFirestoreRpcs, type FirestoreCounter } from '../../bench/firestore-counter.js';
import { BENCH_YEAR, benchIngest, benchSheet, ingestBlocConfig, secretaryOf } from '../../bench/ingest.bench.js';
import { describeMachine } from '../../bench/machine.js';
import { checkTargets, renderMarkdown, type BenchResults } from '../../bench/report.js';
import { benchRollup, seedDocuments, syntheticBlocConfig } from '../../bench/rollup.bench.js';
import { startLocalStack, type LocalStack } from '../../local/src/stack/local-stack.js';
import { loadOrgContext } from '../../functions/src/endpoints/org-context.js';
import { ruleSettingsFor } from '../../functions/src/domain/schema.js';
import { loadBloc } from '../../functions/src/store/load-bloc.js';
import { setLogSink } from '../../functions/src/logs.js';
import { memberIndexRef, membersCol, orgRef } from '../../functions/src/store/paths.js';
import { startSheetsRecorder, type SheetsRecorder } from '../support/sheets/recorder.js';

/**
 * `npm run bench` on tiny sizes, so the benchmark cannot rot unnoticed: the same code paths
 * (HTTP submissions, seeding, both rollups, the add-on, the report), checking what is counted —
 * RPCs, documents, writes, Sheets and Apps Script calls — never how long anything took.
 */
const SIZES = [5, 40];
const ADDON_ORG = 'smoke-addon';
const COPY_ORG = 'smoke-copy';
const config = ingestBlocConfig({ sizes: SIZES, runs: 2 }, [
  { id: ADDON_ORG, secretary: secretaryOf(ADDON_ORG), members: 8 },
  { id: COPY_ORG, secretary: secretaryOf(COPY_ORG), members: 12 },
]);

let stack: LocalStack;
let counter: FirestoreCounter;
let recorder: SheetsRecorder;
beforeAll(async () => {
  setLogSink(() => undefined);
  const emulator = inject('firestoreEmulator');
  stack = await startLocalStack({ projectId: 'demo-bench-smoke', config, ...(emulator ? { emulator } : {}) });
  counter = countFirestoreRpcs(stack.db);
  recorder = await startSheetsRecorder();
});
afterAll(async () => {
  counter?.restore();
  await recorder?.close();
  await stack?.stop();
});

describe.sequential('the benchmark, on tiny sizes', () => {
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    quick: true,
    settings: {
      validation: { rows: 300, runs: 2 },
      ingest: { sizes: SIZES, runs: 2 },
      addon: { rows: [8], runs: 1 },
      rollup: { demo: { runs: 1, naiveRuns: 1 }, large: { orgs: 6, members: 90, runs: 1, naiveRuns: 1 }, larger: [] },
    },
    machine: { cpu: '', cores: 0, memoryGiB: 0, os: '', node: '', java: '', emulator: { version: '', jar: '' }, firestoreClient: '', loadAverage: { start: 0, end: 0 } },
    validation: null,
    ingest: null,
    addon: null,
    rollup: [],
    coldStart: null, // measured by npm run bench; building functions/dist here would race the deploy-shape test
    durationS: 0,
  };

  it('ingest: one commit per submission; the members never read; identical data writes only its audit record', async () => {
    const ingest = await benchIngest(stack, counter, { sizes: SIZES, runs: 2 });
    results.ingest = ingest;
    for (const size of ingest.sizes) {
      expect(size.countsStable).toBe(true);
      // The bloc (token audience, read once per request), the context (year, organisation, the submission id's first answer),
      // the transaction (organisation, member index, submission id, and the year again: a configuration applied meanwhile means validating again).
      expect(size.firstSubmission).toMatchObject({ rpcs: { batchGetDocuments: 3, commit: 1 }, commits: 1, documentsRead: 5, missing: 3, billedReads: 8 });
      expect(size.firstSubmission.writes).toBe(size.rows + 4); // members, member index, organisation, change marker, audit record
      expect(size.floorWrites).toBe(size.firstSubmission.writes); // the floor writes the same documents
      expect(size.resubmission).toMatchObject({ rpcs: { batchGetDocuments: 3, commit: 1 }, commits: 1, writes: 1, documentsRead: 6, missing: 2, billedReads: 8 });
    }
  });

  it('seeding writes exactly what an accepted submission writes', async () => {
    const values = benchSheet(12, 3);
    const before = await loadOrgContext(stack.db, await loadBloc(stack.db, stack.blocId), stack.blocId, BENCH_YEAR, COPY_ORG);
    const res = await fetch(`${stack.baseUrl}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token(secretaryOf(COPY_ORG))}` },
      body: JSON.stringify({ year: BENCH_YEAR, orgId: COPY_ORG, submissionId: randomUUID(), sheet: { values } }),
    });
    expect(res.status).toBe(200);
    const seeded = seedDocuments(before.org, values, ruleSettingsFor(before.year.year, before.year, before.org.expectedMembers), before.year.exemplaryScale, '2026-01-10T03:00:00.000Z');
    const stored = (await membersCol(stack.db, stack.blocId, BENCH_YEAR, COPY_ORG).get()).docs.map((d) => d.data());
    const strip = <T extends { submissionId: string; updatedAt: string }>({ submissionId: _s, updatedAt: _u, ...rest }: T) => rest;
    expect(stored.map(strip)).toEqual(seeded.members.map(strip));
    expect((await memberIndexRef(stack.db, stack.blocId, BENCH_YEAR, COPY_ORG).get()).data()?.members).toEqual(seeded.index.members);
    const org = (await orgRef(stack.db, stack.blocId, BENCH_YEAR, COPY_ORG).get()).data();
    expect([org?.state, org?.contentHash, org?.tally]).toEqual([seeded.org.state, seeded.org.contentHash, seeded.org.tally]);
    expect(org?.tally).not.toHaveProperty('cardNumbers');
    expect(Buffer.from(org?.cardHashes ?? [])).toEqual(Buffer.from(seeded.org.cardHashes ?? []));
    expect(org?.cardHashes?.byteLength).toBe(4 * seeded.members.length); // a hash per member (no two collide here)
  });

  it('rollup: reads = organisations + 7, never a member; the naive one reads every member and builds the same rollup', async () => {
    const bloc = syntheticBlocConfig({ id: 'smoke-bloc', orgs: 6, members: 90, spreadsheetId: 'smoke-summary' });
    const result = await benchRollup(stack.db, counter, recorder, { label: 'smoke', config: bloc, runs: 2, naiveRuns: 1 });
    results.rollup.push(result);
    expect([result.orgs, result.members]).toEqual([6, 90]);
    // year, previous year's rollup (absent), change marker, this rollup, bloc, 6 organisations; the lease transaction
    // reads the rollup document again; no two organisations share a card hash, so no member index is read.
    expect(result.rollup.counts).toMatchObject({ billedReads: 5 + 6 + 1, missing: 1, commits: 2, writes: 2 });
    expect(result.rollup.reportedReads).toBe(result.rollup.counts.billedReads);
    expect(result.rollup.sheets).toEqual({ get: 1, batchUpdate: 1, values: 1, total: 3 });
    // Nothing changed: the change mark says so from 5 documents, no organisation is read.
    expect(result.unchanged.counts).toMatchObject({ billedReads: 5, writes: 0 });
    expect(result.unchanged.sheets.total).toBe(0);
    // bloc, year, previous rollup (absent), 6 organisations, 90 members.
    expect(result.naive?.counts).toMatchObject({ billedReads: 3 + 6 + 90, writes: 0 });
    expect(result.naive?.sheets.total).toBe(3);
    expect(result.floor.documents).toBe(6);
    expect(result.sheetsBodyBytes).toBeGreaterThan(1_000);
    expect(result.storedRollup.gzipBytes).toBeGreaterThan(0);
    expect(result.sameRollup).toBe(true);
  });

  it('the add-on: calls per check and per submit, two UrlFetch per resubmission (the removal dry run, the send)', async () => {
    const addon = await benchAddon(stack, { secretary: secretaryOf(ADDON_ORG), rows: [8], runs: 1, build: false }); // built by the global setup
    results.addon = addon;
    if (!addon.measured) throw new Error(addon.reason);
    const [size] = addon.sizes;
    expect(size?.check.urlFetchCalls).toBe(0);
    expect(size?.submit.urlFetchCalls).toBe(2); // a resubmission: the dry run that names removals, then the send
    expect(size?.check.spreadsheetCalls).toBeGreaterThan(0);
  });

  it('validation and the report', async () => {
    results.validation = benchValidation(300, 2);
    expect(results.validation.accepted).toBe(300);
    results.machine = await describeMachine();
    expect(results.machine.emulator.version).not.toBe('');
    const checks = checkTargets(results);
    expect(checks.find((c) => c.target.startsWith('identical data again'))?.met).toBe(true);
    const markdown = renderMarkdown(results);
    for (const heading of ['## Machine', '## Targets', '## Ingest', '## Rollup', '## The add-on', '## Validation throughput']) expect(markdown).toContain(heading);
  });
});
