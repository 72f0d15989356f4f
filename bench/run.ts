/**
 * `npm run bench`: the cost of every submission and every rollup, on the official Firestore
 * emulator with nothing mocked (functions served over HTTP, real ID tokens, the built add-on in
 * its Apps Script fakes, the Sheets API answered by the local recorder). Writes
 * bench/results.md (tables) and bench/results.json. A benchmark never asserts timings: the
 * targets are reported as met or missed, with the reason.
 *
 *   npm run bench                      the full run (about 2 minutes on 2 cores)
 *   npm run bench -- --quick           tiny sizes, results in a temporary folder (a smoke run)
 *   npm run bench -- --only ingest,rollup --out DIR
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from '../local/src/stack/local-stack.js';
import { setLogSink } from '../functions/src/logs.js';
import { startSheetsRecorder } from '../test/support/sheets/recorder.js';
import { benchAddon } from './addon.bench.js';
import { benchColdStart } from './cold-start.bench.js';
import { benchValidation } from './domain.bench.js';
import { countFirestoreRpcs } from './firestore-counter.js';
import { benchIngest, ingestBlocConfig, secretaryOf } from './ingest.bench.js';
import { describeMachine } from './machine.js';
import { renderMarkdown, type BenchResults, type BenchSettings } from './report.js';
import { benchRollup, demoRollupConfig, syntheticBlocConfig } from './rollup.bench.js';

const SECTIONS = ['validation', 'coldStart', 'ingest', 'addon', 'rollup'] as const;
type Section = (typeof SECTIONS)[number];

const FULL: BenchSettings = {
  validation: { rows: 100_000, runs: 11 },
  ingest: { sizes: [50, 500, 2_000], runs: 7 },
  addon: { rows: [50, 500], runs: 5 },
  rollup: {
    demo: { runs: 9, naiveRuns: 9 },
    large: { orgs: 1_000, members: 100_000, runs: 5, naiveRuns: 5 },
    larger: [
      { orgs: 2_000, members: 40_000, runs: 3 },
      { orgs: 5_000, members: 100_000, runs: 3 },
    ],
  },
};

const QUICK: BenchSettings = {
  validation: { rows: 10_000, runs: 3 },
  ingest: { sizes: [20, 100], runs: 2 },
  addon: { rows: [10, 50], runs: 2 },
  rollup: {
    demo: { runs: 2, naiveRuns: 2 },
    large: { orgs: 50, members: 2_000, runs: 2, naiveRuns: 2 },
    larger: [{ orgs: 100, members: 1_000, runs: 2 }],
  },
};

const ADDON_ORG = 'addon-org';
const ADDON_SECRETARY = secretaryOf(ADDON_ORG);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } } });
  const settings = values.quick ? QUICK : FULL;
  const only = new Set<Section>((values.only?.split(',') ?? SECTIONS).map((s) => {
    const section = SECTIONS.find((known) => known === s.trim());
    if (!section) throw new Error(`--only: unknown section ${s} (known: ${SECTIONS.join(', ')})`);
    return section;
  }));
  const outDir = resolve(values.out ?? (values.quick ? mkdtempSync(join(os.tmpdir(), 'bench-quick-')) : join(import.meta.dirname)));
  const started = Date.now();
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

  const machine = await describeMachine();
  log(`${machine.cpu} ×${machine.cores}, Node ${machine.node}, emulator ${machine.emulator.version}, load ${machine.loadAverage.start.toFixed(2)}`);
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    quick: values.quick ?? false,
    settings,
    machine,
    validation: null,
    ingest: null,
    addon: null,
    rollup: [],
    coldStart: null,
    durationS: 0,
  };

  if (only.has('validation')) {
    // First, while nothing else runs: pure CPU.
    results.validation = benchValidation(settings.validation.rows, settings.validation.runs);
    log(`validation: ${results.validation.rowsPerSecond.toLocaleString('en')} rows/s (median of ${settings.validation.runs})`);
  }

  if (only.has('coldStart')) {
    results.coldStart = await benchColdStart(values.quick ? 3 : 11);
    log(`cold start: entry ${results.coldStart.entryMs.median.toFixed(0)} ms, firestore alone ${results.coldStart.firestoreMs.median.toFixed(0)} ms (${results.coldStart.ratio.toFixed(2)}×)`);
  }

  if (only.has('ingest') || only.has('addon') || only.has('rollup')) {
    setLogSink(() => undefined); // the functions' structured logs would drown the progress lines
    const config = ingestBlocConfig(settings.ingest, [{ id: ADDON_ORG, secretary: ADDON_SECRETARY, members: Math.max(...settings.addon.rows) }]);
    const stack = await startLocalStack({ projectId: 'demo-bench', config });
    const recorder = await startSheetsRecorder();
    const counter = countFirestoreRpcs(stack.db);
    try {
      log(`local stack up: emulator ${stack.hostPort}, functions ${stack.baseUrl}`);
      if (only.has('ingest')) results.ingest = await benchIngest(stack, counter, settings.ingest, log);
      if (only.has('addon')) {
        results.addon = await benchAddon(stack, { secretary: ADDON_SECRETARY, rows: settings.addon.rows, runs: settings.addon.runs });
        const addon = results.addon;
        log(
          addon.measured
            ? addon.sizes.map((s) => `add-on ${s.rows} rows: check ${s.check.spreadsheetCalls} spreadsheet calls, submit ${s.submit.spreadsheetCalls} + ${s.submit.urlFetchCalls} UrlFetch`).join('; ')
            : `add-on: not measured (${addon.reason})`,
        );
      }
      if (only.has('rollup')) {
        const { demo, large, larger } = settings.rollup;
        const memoryProbe = { projectId: stack.projectId, emulatorHost: stack.hostPort };
        results.rollup.push(await benchRollup(stack.db, counter, recorder, { label: 'demo bloc', config: demoRollupConfig('bench-summary-demo'), ...demo, memoryProbe }, log));
        const largeConfig = syntheticBlocConfig({ id: 'bench-large', orgs: large.orgs, members: large.members, spreadsheetId: 'bench-summary-large' });
        const label = `${large.orgs.toLocaleString('de-DE')} organisations`;
        results.rollup.push(await benchRollup(stack.db, counter, recorder, { label, config: largeConfig, runs: large.runs, naiveRuns: large.naiveRuns, memoryProbe }, log));
        for (const size of larger) {
          const config = syntheticBlocConfig({ id: `bench-${size.orgs}`, orgs: size.orgs, members: size.members, spreadsheetId: `bench-summary-${size.orgs}` });
          const name = `${size.orgs.toLocaleString('de-DE')} organisations`;
          results.rollup.push(await benchRollup(stack.db, counter, recorder, { label: name, config, runs: size.runs, naiveRuns: 0, memoryProbe }, log));
        }
      }
    } finally {
      counter.restore();
      await recorder.close();
      await stack.stop();
    }
  }

  results.machine = { ...machine, loadAverage: { ...machine.loadAverage, end: os.loadavg()[0] ?? 0 } };
  results.durationS = Math.round((Date.now() - started) / 1000);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, 'results.md'), renderMarkdown(results));
  log(`done in ${results.durationS} s: ${join(outDir, 'results.md')}, results.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
