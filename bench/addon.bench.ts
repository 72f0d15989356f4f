import { columnLetter } from '../functions/src/domain/sheet.js';
import { generateMemberSheet } from '../local/src/demo/members.js';
import { FIELDS } from '../functions/src/domain/fields.js';
import type { LocalStack } from '../local/src/stack/local-stack.js';
import buildAddon from '../test/support/addon/build-setup.js';
import { SERVER_URL_PROPERTY, createSheetThroughAddon, submitThroughAddon } from '../test/support/addon/flows.js';
import { serviceCallCounts, type CallCounts } from '../test/support/addon/apps-script-fakes.js';
import { startAddonSession } from '../test/support/addon/session.js';
import { BENCH_YEAR } from './ingest.bench.js';
import { stat, type Stat } from './stats.js';

/**
 * The add-on's cost in Apps Script terms: calls on the spreadsheet services and UrlFetchApp per
 * “Kiểm tra dữ liệu” (check) and per “Gửi dữ liệu” (submit) of a sheet, counted by the Node `vm`
 * fakes that run the BUILT bundle (test/support/apps-script-fakes.ts: every call on
 * SpreadsheetApp and what it returns, and on UrlFetchApp). Apps Script quotas and latency are
 * per call, so these counts are what matters there; the times are those of the fakes on this
 * machine (the submit's include the real HTTP request to the functions), not Apps Script's.
 */
export interface AddonOperation {
  readonly spreadsheetCalls: number;
  readonly urlFetchCalls: number;
  readonly byMethod: Readonly<Record<string, number>>;
  /** Every run made the same calls. */
  readonly stable: boolean;
  readonly msInFakes: Stat;
}

export interface AddonSize {
  readonly rows: number;
  readonly check: AddonOperation;
  readonly submit: AddonOperation;
}

export type AddonBench = { readonly measured: true; readonly sizes: readonly AddonSize[] } | { readonly measured: false; readonly reason: string };

export interface AddonBenchOptions {
  readonly secretary: string;
  /** Sheet sizes, each measured in turn on the same spreadsheet (smallest first). */
  readonly rows: readonly number[];
  readonly runs: number;
  /** Build sheets-addon/dist first (default true; tests have their global setup build it). */
  readonly build?: boolean;
}

/** The sheet as a secretary fills the add-on's template: the header row, then the members. */
function templateGrid(rows: number, seed = 4242): unknown[][] {
  return generateMemberSheet({ year: BENCH_YEAR, members: rows, seed, cardPrefix: '7942' }).slice(3);
}

/** The “Ghi chú” column of the template (A = the first field). */
const NOTE_COLUMN = columnLetter(FIELDS.findIndex((f) => f.key === 'note'));

function operation(runs: readonly Run[]): AddonOperation {
  const [first] = runs;
  if (!first) throw new Error('no runs');
  return {
    spreadsheetCalls: first.calls.spreadsheet,
    urlFetchCalls: first.calls.urlFetch,
    byMethod: first.calls.byMethod,
    stable: runs.every((r) => JSON.stringify(r.calls) === JSON.stringify(first.calls)),
    msInFakes: stat(runs.map((r) => r.ms)),
  };
}

type Run = { calls: CallCounts; ms: number };

export async function benchAddon(stack: LocalStack, options: AddonBenchOptions): Promise<AddonBench> {
  try {
    if (options.build ?? true) buildAddon();
  } catch (error) {
    return { measured: false, reason: `the add-on bundle does not build (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  const session = startAddonSession({ user: options.secretary, identityToken: await stack.token(options.secretary) });
  try {
    await session.setScriptProperty(SERVER_URL_PROPERTY, stack.baseUrl);
    const sheet = await createSheetThroughAddon(session);
    // The first send also creates the “Nhật ký gửi” log sheet: not what a usual send costs.
    const warm = await submitThroughAddon(session, sheet, templateGrid(10, 1));
    if (warm.alert.title !== 'Đã gửi dữ liệu') throw new Error(`warm-up send refused: ${warm.alert.title}: ${warm.alert.text}`);

    const sizes: AddonSize[] = [];
    for (const rows of [...options.rows].sort((a, b) => a - b)) {
      await session.edit(sheet, 'A1', templateGrid(rows));
      const checks: Run[] = [];
      for (let run = 0; run < options.runs; run++) {
        await session.resetCalls();
        const start = performance.now();
        await session.run('menuCheck');
        checks.push({ ms: performance.now() - start, calls: await serviceCallCounts(session) });
      }
      const submits: Run[] = [];
      for (let run = 0; run < options.runs; run++) {
        // Each send carries a change (the first: the new members; then one member's note), as after a fix.
        if (run > 0) await session.edit(sheet, `${NOTE_COLUMN}2`, [[`Gửi lại lần ${run}`]]);
        await session.activate(sheet);
        const shown = (await session.uiLog()).alerts.length;
        await session.resetCalls();
        const start = performance.now();
        await session.run('menuSubmit');
        const ms = performance.now() - start;
        const calls = await serviceCallCounts(session);
        const alert = (await session.uiLog()).alerts[shown];
        if (alert?.title !== 'Đã gửi dữ liệu') throw new Error(`send of ${rows} rows refused: ${alert?.title ?? 'no alert'}: ${alert?.text ?? ''}`);
        submits.push({ ms, calls });
      }
      sizes.push({ rows, check: operation(checks), submit: operation(submits) });
    }
    return { measured: true, sizes };
  } catch (error) {
    return { measured: false, reason: error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error) };
  } finally {
    await session.close();
  }
}
