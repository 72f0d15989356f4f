import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { FieldPath, type Firestore, type WriteBatch } from '@google-cloud/firestore';
import { sheets } from '@googleapis/sheets';
import { applyBlocConfig } from '../functions/src/bloc-config/apply.js';
import { blocConfigSchema, type BlocConfig } from '../functions/src/bloc-config/schema.js';
import { demoBlocConfig } from '../local/src/demo/bloc-config.js';
import { generateMemberSheet } from '../local/src/demo/members.js';
import { seeded } from '../local/src/demo/random.js';
import { reportSentences } from '../functions/src/domain/report.js';
import { buildRollup, type BlocRollup } from '../functions/src/domain/rollup.js';
import { buildSummaryModel } from '../functions/src/domain/summary-model.js';
import { ruleSettingsFor, type Cell, type RuleSettingsInput } from '../functions/src/domain/schema.js';
import { diffMembers } from '../functions/src/domain/diff.js';
import { tallyOrganisation } from '../functions/src/domain/tally.js';
import { validateSheet } from '../functions/src/domain/validate.js';
import { listedMembers, submissionWrites } from '../functions/src/endpoints/submission-writes.js';
import type { Deps } from '../functions/src/deps.js';
import { decodeRollup, rollupInput, runRollup, type RollupOutcome } from '../functions/src/rollup/rollup-job.js';
import { type MemberDoc, type Org } from '../functions/src/store/records.js';
import { converters } from '../functions/src/store/converter.js';
import { blocRef, memberIndexRef, memberRef, membersCol, orgRef, orgsCol, rollupRef, yearRef } from '../functions/src/store/paths.js';
import { readAll } from '../functions/src/store/read-all.js';
import { writeSummaryToSheets } from '../functions/src/summary-writers/google-sheets.js';
import type { SheetsRecorder } from '../test/support/sheets/recorder.js';
import type { FirestoreCounter, FirestoreCounts } from './firestore-counter.js';
import { firstOf } from './ingest.bench.js';
import { stat, timed, type Stat } from './stats.js';

/**
 * The cost of the bloc rollup (runRollup: reads the organisations' tallies) next to a NAIVE
 * rollup that reads every member document and tallies them with the same domain code, in the
 * same run, on the same data. Blocs are seeded straight into Firestore with the documents a
 * submission writes (members, member index, organisation with its tally), built by the same
 * domain code from generated sheets (the bench smoke test checks they equal a real submission's).
 */
export const ROLLUP_YEAR = 2025;
/** The rollup's “now”: after the deadline of the benchmark blocs. */
export const ROLLUP_NOW = new Date('2026-01-20T03:00:00Z');
/** When the seeded organisations “submitted”. */
const SUBMITTED_AT = new Date('2026-01-10T03:00:00Z');

/** The demo bloc of `npm start` (74 organisations, about 5.000 members) under its own id. */
export function demoRollupConfig(spreadsheetId: string): BlocConfig {
  const config = blocConfigSchema.parse(demoBlocConfig());
  return withSpreadsheet({ ...config, id: 'bench-demo' }, spreadsheetId);
}

/** `orgs` organisations whose sizes (10 to 190, seeded) add up to exactly `members`. */
export function syntheticBlocConfig(options: { id: string; orgs: number; members: number; spreadsheetId: string }): BlocConfig {
  const random = seeded(options.orgs * 7 + 1);
  const raw = Array.from({ length: options.orgs }, () => random.int(10, 190));
  const total = raw.reduce((a, b) => a + b, 0);
  const sizes = raw.map((n) => Math.max(1, Math.floor((n * options.members) / total)));
  for (let i = 0, rest = options.members - sizes.reduce((a, b) => a + b, 0); rest !== 0; i = (i + 1) % sizes.length) {
    const step = Math.sign(rest);
    if ((sizes[i] ?? 0) + step < 1) continue;
    sizes[i] = (sizes[i] ?? 0) + step;
    rest -= step;
  }
  const width = String(options.orgs).length;
  const orgs = sizes.map((members, i) => {
    const id = `to-${String(i + 1).padStart(width, '0')}`;
    return { id, name: `Chi bộ số ${i + 1}`, secretaries: [`bithu.${id}@bench.khoi.vn`], expectedMembers: members };
  });
  const config = blocConfigSchema.parse({
    id: options.id,
    name: `Đảng bộ Khối ${options.orgs} tổ chức (đo hiệu năng)`,
    admins: ['admin@bench.khoi.vn'],
    oauthClientIds: ['bench-addon.apps.googleusercontent.com'],
    years: { [String(ROLLUP_YEAR)]: { deadline: '15/01/2026 17:00', evaluationDate: '31/12/2025', orgs } },
  });
  return withSpreadsheet(config, options.spreadsheetId);
}

function withSpreadsheet(config: BlocConfig, spreadsheetId: string): BlocConfig {
  const year = config.years[String(ROLLUP_YEAR)];
  if (!year) throw new Error(`the bloc config has no year ${ROLLUP_YEAR}`);
  return { ...config, years: { ...config.years, [String(ROLLUP_YEAR)]: { ...year, summarySpreadsheetId: spreadsheetId } } };
}

export interface SeedResult {
  readonly orgs: number;
  readonly members: number;
  readonly writes: number;
  readonly ms: number;
}

/** Batches of `size` writes, at most `inFlight` committing at once; the first failed commit is thrown. */
class BatchPipe {
  private batch: WriteBatch;
  private ops = 0;
  private readonly pending = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;
  writes = 0;
  constructor(
    private readonly db: Firestore,
    private readonly size: number,
    private readonly inFlight: number,
  ) {
    this.batch = db.batch();
  }
  async add(write: (batch: WriteBatch) => void): Promise<void> {
    write(this.batch);
    this.ops += 1;
    this.writes += 1;
    if (this.ops >= this.size) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.ops > 0) {
      const commit: Promise<void> = this.batch.commit().then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      );
      this.pending.add(commit);
      void commit.finally(() => this.pending.delete(commit));
      this.batch = this.db.batch();
      this.ops = 0;
    }
    while (this.pending.size >= this.inFlight) await Promise.race(this.pending);
    this.check();
  }
  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.pending);
    this.check();
  }
  private check(): void {
    if (this.failure) throw new Error('a seeding batch failed to commit', { cause: this.failure.error });
  }
}

/**
 * Applies the bloc config, then writes for every organisation what an accepted submission of a
 * generated sheet writes: each member document, the member index, the organisation with its
 * state, last submission, content hash, tally and card hashes (not the audit record, which no
 * rollup reads).
 */
export async function seedBloc(db: Firestore, config: BlocConfig, options: { batchSize?: number; inFlight?: number } = {}): Promise<SeedResult> {
  const start = performance.now();
  await applyBlocConfig(db, config, { by: 'bench', now: SUBMITTED_AT });
  const [bloc, year] = await readAll(db, blocRef(db, config.id), yearRef(db, config.id, ROLLUP_YEAR));
  if (!bloc || !year) throw new Error(`bloc ${config.id} was not applied`);
  const orgs = (await orgsCol(db, config.id, ROLLUP_YEAR).get()).docs.map((d) => d.data());
  const pipe = new BatchPipe(db, options.batchSize ?? 2_000, options.inFlight ?? 3);
  const at = SUBMITTED_AT.toISOString();
  let members = 0;
  for (const [index, org] of orgs.entries()) {
    const values = generateMemberSheet({
      year: ROLLUP_YEAR,
      members: org.expectedMembers,
      seed: index + 1,
      cardPrefix: String(index + 1),
      exemplaryScale: year.exemplaryScale,
    });
    const seeded = seedDocuments(org, values, ruleSettingsFor(year.year, year, org.expectedMembers), year.exemplaryScale, at);
    for (const member of seeded.members) await pipe.add((b) => b.set(memberRef(db, config.id, ROLLUP_YEAR, org.orgId, member.cardNumber), member));
    await pipe.add((b) => b.set(memberIndexRef(db, config.id, ROLLUP_YEAR, org.orgId), seeded.index));
    await pipe.add((b) => b.set(orgRef(db, config.id, ROLLUP_YEAR, org.orgId), seeded.org));
    members += seeded.members.length;
  }
  await pipe.close();
  return { orgs: orgs.length, members, writes: pipe.writes, ms: performance.now() - start };
}

/** The documents submitSheet writes for an accepted first submission of `values` (through the submit path's own submissionWrites). */
export function seedDocuments(org: Org, values: readonly (readonly Cell[])[], settings: RuleSettingsInput, exemplaryScale: readonly string[], at: string) {
  const validation = validateSheet(values, settings);
  if (!validation.ok) throw new Error(`generated sheet for ${org.orgId} does not validate: ${validation.issues.find((i) => i.severity === 'error')?.message ?? ''}`);
  const { members, contentHash } = listedMembers(validation.rows);
  const writes = submissionWrites({
    org,
    members,
    contentHash,
    diff: diffMembers(members, [], new Map()),
    tally: tallyOrganisation(
      members.map((m) => m.evaluation),
      exemplaryScale,
    ),
    submissionId: `seed-${org.orgId}`,
    by: org.secretaries[0] ?? 'admin@bench.khoi.vn',
    at,
  });
  return { members: writes.members.map((m) => m.doc), index: writes.index, org: writes.org };
}

/**
 * The rollup as it would be without tallies: the same reads of the bloc, the year and the
 * organisations, then EVERY member document of the year (one collection-group query over the
 * year's document-name range: the fastest way to read them all, much faster on the emulator
 * than a query per organisation), each organisation tallied by tallyOrganisation, then the same
 * buildRollup / summary model / Sheets write. It skips what runRollup adds around that (the
 * lease transaction, storing the rollup), so the comparison flatters the naive way a little.
 */
export interface NaiveOutcome {
  readonly rollup: BlocRollup;
  readonly members: number;
  readonly sheetsRequests: number;
}

export async function naiveRollup(deps: Deps, year: number): Promise<NaiveOutcome> {
  const { db, blocId } = deps;
  const [bloc, settings, previousDoc] = await readAll(db, blocRef(db, blocId), yearRef(db, blocId, year), rollupRef(db, blocId, year - 1));
  if (!bloc || !settings) throw new Error(`bloc ${blocId} / year ${year} is not configured`);
  const orgs = (await orgsCol(db, blocId, year).get()).docs.map((d) => d.data()).filter((o) => o.inConfig);
  const yearPath = yearRef(db, blocId, year).path;
  const membersId = membersCol(db, blocId, year, 'any').id; // as store/paths.ts names it
  const members = await db
    .collectionGroup(membersId)
    .withConverter(converters.member)
    .orderBy(FieldPath.documentId())
    .startAt(yearPath)
    .endAt(`${yearPath}\uf8ff`)
    .get();
  const byOrg = new Map<string, MemberDoc[]>();
  for (const doc of members.docs) {
    const orgId = doc.ref.parent.parent?.id ?? '';
    const list = byOrg.get(orgId);
    if (list) list.push(doc.data());
    else byOrg.set(orgId, [doc.data()]);
  }
  const tallies = orgs.map((org) => {
    const list = byOrg.get(org.orgId) ?? [];
    return list.length > 0 ? tallyOrganisation(list, settings.exemplaryScale) : null;
  });
  const now = deps.now();
  const rollup = buildRollup(rollupInput({ bloc, settings, orgs, now, previous: decodeRollup(previousDoc), tallies }));
  const model = buildSummaryModel(rollup, reportSentences(rollup));
  const written = settings.summarySpreadsheetId && deps.writeSummary ? await deps.writeSummary(settings.summarySpreadsheetId, model) : null;
  return { rollup, members: members.size, sheetsRequests: written?.requests ?? 0 };
}

export interface SheetsCounts {
  readonly get: number;
  readonly batchUpdate: number;
  readonly values: number;
  readonly total: number;
}

export interface RollupCost {
  readonly ms: Stat;
  readonly counts: FirestoreCounts;
  readonly sheets: SheetsCounts;
}

export interface RollupBlocResult {
  readonly label: string;
  readonly orgs: number;
  readonly members: number;
  readonly seed: SeedResult;
  /** runRollup with force (the admin's “rebuild now”): reads tallies, writes the summary. */
  readonly rollup: RollupCost & { readonly reportedReads: number };
  /** runRollup when nothing changed (the hourly schedule most of the time): skipped. */
  readonly unchanged: RollupCost;
  /** null when not run (the largest bloc: its members would take minutes to read). */
  readonly naive: RollupCost | null;
  /** naive ÷ rollup, medians. */
  readonly ratio: { readonly time: number; readonly reads: number } | null;
  /** The naive rollup built the very same BlocRollup. */
  readonly sameRollup: boolean | null;
  /** The floor: the same organisation documents read with one getAll of @google-cloud/firestore, no converter. */
  readonly floor: { readonly ms: Stat; readonly documents: number };
  /** rollup ÷ floor, medians. */
  readonly floorRatio: number;
  /** The JSON body of the summary's spreadsheets.batchUpdate, bytes. */
  readonly sheetsBodyBytes: number;
  /** The JSON body of its spreadsheets.values.batchUpdate, bytes. */
  readonly valuesBodyBytes: number;
  /** Cells of the summary's tabs (grid sizes it sets): Sheets holds 10 million per spreadsheet. */
  readonly gridCells: number;
  /** The stored rollup (its gzipped bytes) and its JSON before gzip. */
  readonly storedRollup: { readonly gzipBytes: number; readonly jsonBytes: number };
  /** One forced rollup in a fresh process (rollup-memory.child.ts); null when not measured. */
  readonly memory: { readonly peakMiB: number; readonly baselineMiB: number; readonly ms: number } | null;
}

export interface RollupBenchOptions {
  readonly label: string;
  readonly config: BlocConfig;
  readonly runs: number;
  readonly naiveRuns: number;
  /** Where a fresh process finds the emulator's project, to measure a rollup's peak memory. */
  readonly memoryProbe?: { readonly projectId: string; readonly emulatorHost: string };
}

let childScript: Promise<string> | undefined;
/** rollup-memory.child.ts bundled once by esbuild (packages external), so the child runs on plain Node as the deployed bundle does, without tsx's own memory. */
function bundledChild(): Promise<string> {
  childScript ??= (async () => {
    // Inside the repository, so the external packages resolve from its node_modules.
    const outfile = join(import.meta.dirname, '..', 'node_modules', '.cache', 'rollup-memory', 'child.mjs');
    await build({ entryPoints: [join(import.meta.dirname, 'rollup-memory.child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', outfile, logLevel: 'error' });
    return outfile;
  })();
  return childScript;
}

/** Runs the bundled rollup-memory.child.ts in a fresh Node process. */
async function measureMemory(probe: NonNullable<RollupBenchOptions['memoryProbe']>, blocId: string, sheetsUrl: string): Promise<NonNullable<RollupBlocResult['memory']>> {
  const child = spawn(process.execPath, [await bundledChild(), probe.projectId, blocId, String(ROLLUP_YEAR), sheetsUrl, ROLLUP_NOW.toISOString()], {
    env: { ...process.env, FIRESTORE_EMULATOR_HOST: probe.emulatorHost },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`rollup-memory.child.ts exited with ${code}`);
  const parsed = z.object({ status: z.literal('written'), peakMiB: z.number(), baselineMiB: z.number(), ms: z.number() }).parse(JSON.parse(out.trim().split('\n').at(-1) ?? ''));
  return { peakMiB: parsed.peakMiB, baselineMiB: parsed.baselineMiB, ms: parsed.ms };
}

function sheetsCounts(recorder: SheetsRecorder): SheetsCounts {
  const get = recorder.count('get');
  const batchUpdate = recorder.count('batchUpdate');
  const values = recorder.count('values');
  return { get, batchUpdate, values, total: get + batchUpdate + values };
}

interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  readonly counts: FirestoreCounts;
  readonly sheets: SheetsCounts;
}

export function rollupDeps(db: Firestore, blocId: string, recorder: SheetsRecorder): Deps {
  const client = sheets({ version: 'v4', rootUrl: recorder.url });
  return { db, blocId, now: () => ROLLUP_NOW, writeSummary: (id, model) => writeSummaryToSheets(client, id, model, { sleep: async () => undefined }) };
}

export async function benchRollup(
  db: Firestore,
  counter: FirestoreCounter,
  recorder: SheetsRecorder,
  options: RollupBenchOptions,
  log: (line: string) => void = () => undefined,
): Promise<RollupBlocResult> {
  const seed = await seedBloc(db, options.config);
  log(`${options.label}: seeded ${seed.orgs} organisations, ${seed.members} members (${seed.writes} writes) in ${(seed.ms / 1000).toFixed(1)} s`);
  const deps = rollupDeps(db, options.config.id, recorder);

  const measure = async <T>(fn: () => Promise<T>): Promise<Measured<T>> => {
    recorder.clearLog();
    const { result, counts } = await counter.measure(() => timed(fn));
    return { value: result.result, ms: result.ms, counts, sheets: sheetsCounts(recorder) };
  };

  await runRollup(deps, ROLLUP_YEAR, { force: true }); // warm-up
  const orgDocs = (await orgsCol(db, options.config.id, ROLLUP_YEAR).get()).docs.map((d) => db.doc(d.ref.path));
  const fast: Measured<RollupOutcome>[] = [];
  const naive: Measured<NaiveOutcome>[] = [];
  const floor: number[] = [];
  // Interleaved, so a change in the machine's load hits all ways alike.
  for (let run = 0; run < Math.max(options.runs, options.naiveRuns); run++) {
    if (run < options.runs) {
      fast.push(await measure(() => runRollup(deps, ROLLUP_YEAR, { force: true })));
      floor.push((await timed(() => db.getAll(...orgDocs))).ms);
    }
    if (run < options.naiveRuns) naive.push(await measure(() => naiveRollup(deps, ROLLUP_YEAR)));
  }
  const batchUpdate = recorder.requests.find((r) => r.method === 'POST' && r.path.endsWith(':batchUpdate') && !r.path.includes('/values'));
  const sheetsBodyBytes = batchUpdate ? Buffer.byteLength(JSON.stringify(batchUpdate.body)) : 0;
  const valuesUpdate = recorder.requests.find((r) => r.method === 'POST' && r.path.endsWith('/values:batchUpdate'));
  const valuesBodyBytes = valuesUpdate ? Buffer.byteLength(JSON.stringify(valuesUpdate.body)) : 0;
  const grids = z
    .object({ requests: z.array(z.object({ updateSheetProperties: z.object({ properties: z.object({ gridProperties: z.object({ rowCount: z.number(), columnCount: z.number() }) }) }).optional() })) })
    .safeParse(batchUpdate?.body);
  const gridCells = grids.success ? grids.data.requests.reduce((n, r) => n + (r.updateSheetProperties ? r.updateSheetProperties.properties.gridProperties.rowCount * r.updateSheetProperties.properties.gridProperties.columnCount : 0), 0) : 0;
  const stored = (await rollupRef(db, options.config.id, ROLLUP_YEAR).get()).data();
  const storedRollup = { gzipBytes: stored?.rollupGzip?.length ?? 0, jsonBytes: stored?.rollupGzip ? gunzipSync(stored.rollupGzip).length : 0 };
  const unchanged: Measured<RollupOutcome>[] = [];
  for (let run = 0; run < options.runs; run++) unchanged.push(await measure(() => runRollup(deps, ROLLUP_YEAR)));
  const memory = options.memoryProbe ? await measureMemory(options.memoryProbe, options.config.id, recorder.url) : null;

  const firstFast = firstOf(fast);
  if (firstFast.value.status !== 'written') throw new Error(`${options.label}: the forced rollup was skipped`);
  if (unchanged.some((u) => u.value.status !== 'skipped')) throw new Error(`${options.label}: an unchanged rollup was not skipped`);
  const cost = (list: readonly Measured<unknown>[]): RollupCost => ({
    ms: stat(list.map((r) => r.ms)),
    counts: firstOf(list).counts,
    sheets: firstOf(list).sheets,
  });
  const rollup = { ...cost(fast), reportedReads: firstFast.value.reads };
  const naiveCost = naive.length > 0 ? cost(naive) : null;
  const floorStat = stat(floor);
  const result: RollupBlocResult = {
    label: options.label,
    orgs: seed.orgs,
    members: seed.members,
    seed,
    rollup,
    unchanged: cost(unchanged),
    naive: naiveCost,
    ratio: naiveCost && {
      time: naiveCost.ms.median / rollup.ms.median,
      reads: naiveCost.counts.billedReads / Math.max(1, rollup.counts.billedReads),
    },
    sameRollup: naive.length > 0 ? isDeepStrictEqual(firstOf(naive).value.rollup, firstFast.value.rollup) : null,
    floor: { ms: floorStat, documents: orgDocs.length },
    floorRatio: rollup.ms.median / floorStat.median,
    sheetsBodyBytes,
    valuesBodyBytes,
    gridCells,
    storedRollup,
    memory,
  };
  log(
    `${options.label}: rollup median ${rollup.ms.median.toFixed(0)} ms (floor ${floorStat.median.toFixed(0)} ms), ${rollup.counts.billedReads} reads, Sheets body ${sheetsBodyBytes} B, peak ${memory?.peakMiB.toFixed(0) ?? '?'} MiB; naive ${naiveCost ? `${naiveCost.ms.median.toFixed(0)} ms, ${naiveCost.counts.billedReads} reads` : 'not run'}`,
  );
  return result;
}
