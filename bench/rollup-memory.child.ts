/**
 * One forced rollup in a fresh process, as a function instance runs it, reporting the process's
 * peak resident memory (`process.resourceUsage().maxRSS`): what the function's memory setting
 * must hold. Started by rollup.bench.ts with the emulator and the Sheets recorder's addresses.
 *
 *   tsx bench/rollup-memory.child.ts <projectId> <blocId> <year> <sheetsUrl> <nowIso>
 */
import { Firestore } from '@google-cloud/firestore';
import { sheets } from '@googleapis/sheets';
import { runRollup } from '../functions/src/rollup/rollup-job.js';
import { writeSummaryToSheets } from '../functions/src/summary-writers/google-sheets.js';

const [projectId, blocId, year, sheetsUrl, now] = process.argv.slice(2);
if (!projectId || !blocId || !year || !sheetsUrl || !now) throw new Error('usage: rollup-memory.child.ts projectId blocId year sheetsUrl now');
const mib = (kib: number): number => kib / 1024;
const db = new Firestore({ projectId });
const client = sheets({ version: 'v4', rootUrl: sheetsUrl });
// The modules loaded and a first small read done: what an idle instance holds.
await db.doc(`blocs/${blocId}`).get();
const baselineMiB = mib(process.resourceUsage().maxRSS);
const started = performance.now();
const outcome = await runRollup(
  { db, blocId, now: () => new Date(now), writeSummary: (id, model) => writeSummaryToSheets(client, id, model, { sleep: async () => undefined }) },
  Number(year),
  { force: true },
);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ status: outcome.status, reads: outcome.reads, ms, baselineMiB, peakMiB: mib(process.resourceUsage().maxRSS), heapUsedMiB: process.memoryUsage().heapUsed / 1048576 })}\n`);
await db.terminate();
