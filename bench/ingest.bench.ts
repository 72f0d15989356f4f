import { randomUUID } from 'node:crypto';
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
    for (let run = 0; run < options.runs; run++) {
      first.push(await submitOnce(stack, counter, orgIdOf(size, run), values, 'accepted'));
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
      countsStable: sameCounts(firstCounts) && sameCounts(againCounts),
    };
    log(`ingest ${size} rows: end-to-end median ${result.endToEndMs.median.toFixed(0)} ms, ${result.firstSubmission.commits} commit(s), ${result.firstSubmission.writes} writes`);
    sizes.push(result);
  }
  return { sizes };
}
