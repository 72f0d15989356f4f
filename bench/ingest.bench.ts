import { randomUUID } from 'node:crypto';
import type { DocumentData, Firestore } from '@google-cloud/firestore';
import { orgRef, yearRef } from '../functions/src/store/paths.js';
import { blocConfigSchema, type BlocConfig } from '../functions/src/bloc-config/schema.js';
import { generateMemberSheet } from '../local/src/demo/members.js';
import type { LocalStack } from '../local/src/stack/local-stack.js';
import type { Cell } from '../functions/src/domain/schema.js';
import { validateSheet } from '../functions/src/domain/validate.js';
import { loadOrgContext } from '../functions/src/endpoints/org-context.js';
import { ruleSettingsFor } from '../functions/src/domain/schema.js';
import { loadBloc } from '../functions/src/store/load-bloc.js';
import type { FirestoreCounter, FirestoreCounts } from './firestore-counter.js';
import { stat, timed, type Stat } from './stats.js';

/**
 * The cost of one organisation's submission, end to end on the local stack (official emulator,
 * functions served over HTTP, real signed ID tokens): an HTTP POST of the add-on's payload to
 * /submit, timed to the response, with the Firestore RPCs the functions sent for it. Every run
 * submits to an organisation that has never submitted (so every member is new, the worst case),
 * then resubmits the same data under a new submission id (the `unchanged` case).
 */
export const BENCH_YEAR = 2025;
export const INGEST_BLOC_ID = 'bench-ingest';
export const INGEST_AUDIENCE = 'bench-addon.apps.googleusercontent.com';
export const INGEST_ADMIN = 'admin@bench.khoi.vn';
const WARM_UP_ORG = 'warm-up';
const WARM_UP_ROWS = 50;

export interface IngestBenchOptions {
  readonly sizes: readonly number[];
  readonly runs: number;
}

/** An organisation per size and run, plus a warm-up one; `extra` adds organisations (the add-on's). */
export function ingestBlocConfig(options: IngestBenchOptions, extra: readonly { id: string; secretary: string; members: number }[] = []): BlocConfig {
  const org = (id: string, secretary: string, members: number) => ({ id, name: `Chi bộ ${id}`, secretaries: [secretary], expectedMembers: members });
  const orgs = [
    org(WARM_UP_ORG, secretaryOf(WARM_UP_ORG), WARM_UP_ROWS),
    ...options.sizes.flatMap((size) => Array.from({ length: options.runs }, (_, run) => org(orgIdOf(size, run), secretaryOf(orgIdOf(size, run)), size))),
    ...extra.map((e) => org(e.id, e.secretary, e.members)),
  ];
  return blocConfigSchema.parse({
    id: INGEST_BLOC_ID,
    name: 'Đảng bộ Khối (đo hiệu năng)',
    admins: [INGEST_ADMIN],
    oauthClientIds: [INGEST_AUDIENCE],
    years: { [String(BENCH_YEAR)]: { deadline: '15/01/2099 17:00', orgs } },
  });
}

export const orgIdOf = (size: number, run: number): string => `n${size}-r${run + 1}`;
export const secretaryOf = (orgId: string): string => `bithu.${orgId}@bench.khoi.vn`;

/** The sheet an organisation of `size` members sends (as getValues() gives it: title rows, header, members). */
export function benchSheet(size: number, seed: number): Cell[][] {
  return generateMemberSheet({ year: BENCH_YEAR, members: size, seed, cardPrefix: `79${String(seed % 100).padStart(2, '0')}` });
}

export interface SubmissionCost {
  readonly result: string;
  readonly ms: number;
  readonly counts: FirestoreCounts;
}

export interface IngestSizeResult {
  readonly rows: number;
  /** JSON body of the POST, bytes. */
  readonly requestBytes: number;
  /** validateSheet alone, in this process, with the settings the function uses. */
  readonly validationMs: Stat;
  /** POST /submit → response, first submission of the organisation (every member new). */
  readonly endToEndMs: Stat;
  readonly firstSubmission: FirestoreCounts;
  /** The same data again under a new submission id: `unchanged`. */
  readonly resubmissionMs: Stat;
  readonly resubmission: FirestoreCounts;
  /**
   * The floor: one transaction of @google-cloud/firestore alone (no converter, no HTTP, no
   * validation) that reads the same 3 documents and writes the same documents the first
   * submission wrote (read back from it), to a fresh organisation each run.
   */
  readonly floorMs: Stat;
  readonly floorWrites: number;
  /** end to end ÷ floor, medians. */
  readonly floorRatio: number;
  /** Whether every run sent the same RPCs (they should: the counts are not timings). */
  readonly countsStable: boolean;
}

export interface IngestBench {
  readonly sizes: readonly IngestSizeResult[];
}

interface Answer {
  result?: string;
  counts?: { imported?: number; unchanged?: number };
  error?: { code?: string; message?: string };
}

async function post(stack: LocalStack, token: string, body: string): Promise<{ status: number; json: Answer }> {
  const res = await fetch(`${stack.baseUrl}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const json: unknown = await res.json();
  return { status: res.status, json: typeof json === 'object' && json !== null ? json : {} };
}

/** The add-on's payload (README “submit”), with a fresh submission id. */
const submitBody = (orgId: string, values: Cell[][]): string =>
  JSON.stringify({ year: BENCH_YEAR, orgId, submissionId: randomUUID(), sheet: { name: `Đánh giá ${BENCH_YEAR}`, startRow: 1, values } });

/** One measured POST; fails loudly unless the function answered `expected`. */
async function submitOnce(stack: LocalStack, counter: FirestoreCounter, orgId: string, values: Cell[][], expected: string): Promise<SubmissionCost> {
  const token = await stack.token(secretaryOf(orgId));
  const body = submitBody(orgId, values);
  const { result, counts } = await counter.measure(() => timed(() => post(stack, token, body)));
  const answer = result.result;
  if (answer.status !== 200 || answer.json.result !== expected) {
    throw new Error(`submit ${orgId}: expected ${expected}, got HTTP ${answer.status} ${JSON.stringify(answer.json).slice(0, 500)}`);
  }
  return { result: expected, ms: result.ms, counts };
}

const sameCounts = (list: readonly FirestoreCounts[]): boolean => list.every((c) => JSON.stringify(c) === JSON.stringify(list[0]));

export function firstOf<T>(list: readonly T[]): T {
  const [first] = list;
  if (first === undefined) throw new Error('no runs');
  return first;
}

export async function benchIngest(stack: LocalStack, counter: FirestoreCounter, options: IngestBenchOptions, log: (line: string) => void = () => undefined): Promise<IngestBench> {
  // Warm-up: JIT, HTTP keep-alive, the emulator's first transaction.
  await submitOnce(stack, counter, WARM_UP_ORG, benchSheet(WARM_UP_ROWS, 1), 'accepted');
  const sizes: IngestSizeResult[] = [];
  for (const size of options.sizes) {
    const values = benchSheet(size, size);
    const ctx = await loadOrgContext(stack.db, await loadBloc(stack.db, stack.blocId), stack.blocId, BENCH_YEAR, orgIdOf(size, 0));
    const settings = ruleSettingsFor(ctx.year.year, ctx.year, ctx.org.expectedMembers);
    const validation: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const start = performance.now();
      const outcome = validateSheet(values, settings);
      validation.push(performance.now() - start);
      if (!outcome.ok || outcome.rows.length !== size) throw new Error(`the ${size}-row bench sheet does not validate`);
    }
    const first: SubmissionCost[] = [];
    const again: SubmissionCost[] = [];
    const floor: number[] = [];
    let written: WrittenDocs | null = null;
    for (let run = 0; run < options.runs; run++) {
      first.push(await submitOnce(stack, counter, orgIdOf(size, run), values, 'accepted'));
      written ??= await writtenBy(stack, orgIdOf(size, run));
      floor.push(await floorTransaction(stack.db, written, `floor-${size}-${run}`));
      again.push(await submitOnce(stack, counter, orgIdOf(size, run), values, 'unchanged'));
    }
    const firstCounts = first.map((s) => s.counts);
    const againCounts = again.map((s) => s.counts);
    const result: IngestSizeResult = {
      rows: size,
      requestBytes: Buffer.byteLength(submitBody(orgIdOf(size, 0), values)),
      validationMs: stat(validation),
      endToEndMs: stat(first.map((s) => s.ms)),
      firstSubmission: firstOf(firstCounts),
      resubmissionMs: stat(again.map((s) => s.ms)),
      resubmission: firstOf(againCounts),
      floorMs: stat(floor),
      floorWrites: written?.docs.length ?? 0,
      floorRatio: stat(first.map((s) => s.ms)).median / stat(floor).median,
      countsStable: sameCounts(firstCounts) && sameCounts(againCounts),
    };
    log(`ingest ${size} rows: end-to-end median ${result.endToEndMs.median.toFixed(0)} ms, ${result.firstSubmission.commits} commit(s), ${result.firstSubmission.writes} writes`);
    sizes.push(result);
  }
  return { sizes };
}

interface WrittenDocs {
  /** Paths relative to the organisation ("members/79…") or to the year ("changes/current"). */
  readonly docs: readonly { readonly under: 'org' | 'year'; readonly path: string; readonly data: DocumentData }[];
}

/** Every document the first submission of `orgId` wrote, as stored (raw, no converter). */
async function writtenBy(stack: LocalStack, orgId: string): Promise<WrittenDocs> {
  const db = stack.db;
  const org = db.doc(orgRef(db, stack.blocId, BENCH_YEAR, orgId).path);
  const year = db.doc(yearRef(db, stack.blocId, BENCH_YEAR).path);
  const docs: { under: 'org' | 'year'; path: string; data: DocumentData }[] = [];
  const orgSnap = await org.get();
  docs.push({ under: 'org', path: '', data: orgSnap.data() ?? {} });
  for (const sub of ['members', 'index', 'submissions']) {
    for (const d of (await org.collection(sub).get()).docs) docs.push({ under: 'org', path: `${sub}/${d.id}`, data: d.data() });
  }
  docs.push({ under: 'year', path: 'changes/current', data: (await year.collection('changes').doc('current').get()).data() ?? {} });
  return { docs };
}

/** The floor's transaction: the same 3 reads and the same documents written, under a fresh organisation id (ms). */
async function floorTransaction(db: Firestore, written: WrittenDocs, orgId: string): Promise<number> {
  const year = db.doc(yearRef(db, 'bench-floor', BENCH_YEAR).path);
  const org = year.collection('orgs').doc(orgId);
  const start = performance.now();
  await db.runTransaction(async (tx) => {
    await tx.getAll(org, org.collection('index').doc('members'), org.collection('submissions').doc('floor'));
    for (const doc of written.docs) {
      const base = doc.under === 'org' ? org : year;
      const ref = doc.path === '' ? org : base === org ? org.collection(doc.path.split('/')[0] ?? '').doc(doc.path.split('/')[1] ?? '') : year.collection(doc.path.split('/')[0] ?? '').doc(doc.path.split('/')[1] ?? '');
      tx.set(ref, doc.data);
    }
  });
  return performance.now() - start;
}
