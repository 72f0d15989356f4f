import { randomUUID } from 'node:crypto';
import type { BlocConfig, OrgConfig } from '../../../functions/src/bloc-config/schema.js';
import type { Issue } from '../../../functions/src/domain/messages.js';
import type { Cell } from '../../../functions/src/domain/schema.js';
import type { BlocRollup } from '../../../functions/src/domain/rollup.js';
import { runRollup } from '../../../functions/src/rollup/rollup-job.js';
import { writeReportDocx } from '../docx/report-docx.js';
import { writeSummaryXlsx } from '../xlsx/write-summary.js';
import type { LocalStack } from './local-stack.js';

/**
 * The whole pipeline on a running local stack, the path `npm start` and the end-to-end test
 * share: every organisation's sheet goes through the HTTP ingest endpoint with the payload the
 * add-on sends, then the rollup runs and the summary workbook is written.
 */
export interface SheetSource {
  readonly name: string;
  readonly values: Cell[][];
  /** The “Số liệu tổ chức” tab (issue 18), sent with the list when present. */
  readonly orgFigures?: Cell[][];
  /** Why the file cannot be sent (several sheets with the list's header, not UTF-8): reported as rejected. */
  readonly problem?: string;
}

/** When an organisation submits: before the deadline, after an admin reopens it, or never. */
export type Timing = 'on_time' | 'late' | 'missing';

export interface PipelineOptions {
  readonly stack: LocalStack;
  readonly config: BlocConfig;
  /** Years to run, oldest first: each year's rollup feeds the next one's comparison. */
  readonly years: readonly number[];
  readonly sheetFor: (year: number, org: OrgConfig) => Promise<SheetSource | null>;
  readonly timing: (year: number, org: OrgConfig, index: number) => Timing;
  /** The “now” of each year's rollup. */
  readonly rollupAt: (year: number, deadline: Date) => Date;
  /** Output path for a year's workbook (only the last year's is written when it returns null). */
  readonly outFile: (year: number) => string | null;
  /** Where a year's Word report goes (none when absent or null). */
  readonly reportFile?: (year: number) => string | null;
  readonly progress: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { kind: 'submitted'; year: number; done: number; total: number; org: OrgConfig; result: string; listed: number }
  | { kind: 'rejected'; year: number; org: OrgConfig; status: number; message: string; issues: readonly Issue[] }
  | { kind: 'missing'; year: number; org: OrgConfig }
  | { kind: 'rollup'; year: number; rollup: BlocRollup; file: string | null };

export interface PipelineResult {
  readonly rejected: number;
  readonly accepted: number;
  readonly rollups: ReadonlyMap<number, BlocRollup>;
  /** Each year's “Báo cáo” sentences, the term's included (issue 18). */
  readonly sentences: ReadonlyMap<number, readonly string[]>;
  readonly files: readonly string[];
}

interface ErrorAnswer {
  error?: { code?: string; message?: string };
  issues?: Issue[];
  result?: string;
  counts?: { listed?: number };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { stack, config } = options;
  const admin = config.admins[0];
  if (admin === undefined) throw new Error('the bloc configuration has no admin');
  const post = async (fn: string, email: string, body: unknown): Promise<{ status: number; json: ErrorAnswer }> => {
    const res = await fetch(`${stack.baseUrl}/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token(email)}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as ErrorAnswer };
  };
  let accepted = 0;
  let rejected = 0;
  const rollups = new Map<number, BlocRollup>();
  const sentences = new Map<number, readonly string[]>();
  const files: string[] = [];

  for (const year of options.years) {
    const yearConfig = config.years[String(year)];
    if (!yearConfig) throw new Error(`year ${year} is not in the bloc configuration`);
    const deadline = new Date(yearConfig.deadline);
    const orgs = yearConfig.orgs;
    let done = 0;
    for (const [index, org] of orgs.entries()) {
      const timing = options.timing(year, org, index);
      const sheet = timing === 'missing' ? null : await options.sheetFor(year, org);
      if (sheet === null) {
        options.progress({ kind: 'missing', year, org });
        continue;
      }
      if (sheet.problem !== undefined) {
        rejected += 1;
        options.progress({ kind: 'rejected', year, org, status: 0, message: sheet.problem, issues: [] });
        continue;
      }
      if (timing === 'late') {
        stack.setClock(new Date(deadline.getTime() + DAY));
        const until = new Date(deadline.getTime() + 3 * DAY).toISOString();
        await post('orgAction', admin, { year, orgId: org.id, action: 'reopen', reason: 'Gia hạn nộp bổ sung', until });
        stack.setClock(new Date(deadline.getTime() + DAY + (index + 1) * MINUTE));
      } else {
        stack.setClock(new Date(Math.min(Date.now(), deadline.getTime() - DAY + index * MINUTE)));
      }
      const sender = org.secretaries[0] ?? admin;
      const body = {
        year,
        orgId: org.id,
        submissionId: randomUUID(),
        sheet: { name: sheet.name, startRow: 1, values: sheet.values },
        ...(sheet.orgFigures ? { orgFigures: { name: 'Số liệu tổ chức', startRow: 1, values: sheet.orgFigures } } : {}),
      };
      const { status, json } = await post('submit', sender, body);
      done += 1;
      if (status === 200) {
        accepted += 1;
        options.progress({ kind: 'submitted', year, done, total: orgs.length, org, result: json.result ?? '', listed: json.counts?.listed ?? 0 });
      } else {
        rejected += 1;
        options.progress({ kind: 'rejected', year, org, status, message: json.error?.message ?? `HTTP ${status}`, issues: json.issues ?? [] });
      }
    }
    stack.setClock(options.rollupAt(year, deadline));
    const outcome = await runRollup({ db: stack.db, blocId: stack.blocId, now: () => options.rollupAt(year, deadline) }, year, { force: true });
    if (outcome.status !== 'written') throw new Error(`rollup of ${year} was skipped (${outcome.reason})`);
    rollups.set(year, outcome.rollup);
    sentences.set(year, outcome.sentences);
    const file = options.outFile(year);
    if (file) {
      await writeSummaryXlsx(outcome.model, file);
      files.push(file);
    }
    const report = options.reportFile?.(year) ?? null;
    if (report) {
      await writeReportDocx(outcome.model.report, outcome.model.footer, report);
      files.push(report);
    }
    options.progress({ kind: 'rollup', year, rollup: outcome.rollup, file });
  }
  stack.setClock(null);
  return { accepted, rejected, rollups, sentences, files };
}
