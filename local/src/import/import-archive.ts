import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Issue } from '../../../functions/src/domain/messages.js';
import { readSheetFile, sheetFiles } from '../xlsx/read-workbooks.js';

/**
 * Imports a bloc's archive (one file per organisation, named by its id; .xlsx, .xls or .csv;
 * `DIR/<year>/…` folders or one year's files in DIR) into a deployed ledger through its `submit`
 * endpoint: the same validation, the same audit record, one submission per file. A file's
 * submission id is derived from its year, organisation and bytes, so running the import again
 * replays the first answers instead of writing twice. `dryRun` asks the server to check only.
 */
export interface ImportOptions {
  readonly dir: string;
  /** Years to import; by default every `DIR/<year>` folder. */
  readonly years?: readonly number[];
  /** e.g. https://asia-southeast1-PROJECT.cloudfunctions.net (the functions' base URL). */
  readonly baseUrl: string;
  /** An ID token of an admin of the bloc (gcloud's, or a local issuer's in tests). */
  readonly token: () => Promise<string>;
  readonly dryRun: boolean;
  readonly progress: (line: string) => void;
}

export interface FileOutcome {
  readonly year: number;
  readonly orgId: string;
  readonly file: string;
  readonly accepted: boolean;
  /** accepted | unchanged | dry_run, or the error code (VALIDATION_FAILED, DEADLINE_PASSED, FILE_UNREADABLE…). */
  readonly result: string;
  readonly listed: number;
  readonly message: string;
  /** The located errors (and warnings) of the sheet, as the server answered them. */
  readonly issues: readonly Issue[];
}

export interface ImportSummary {
  readonly outcomes: readonly FileOutcome[];
  readonly accepted: number;
  readonly rejected: number;
}

interface Answer {
  result?: string;
  counts?: { listed?: number };
  error?: { code?: string; message?: string };
  issues?: Issue[];
}

const RESULT_VI: Readonly<Record<string, string>> = { accepted: 'đã ghi nhận', unchanged: 'không đổi (đã có)', dry_run: 'hợp lệ (chạy thử, chưa ghi)' };

/** `imp-` and 40 hex digits of SHA-256 over year, organisation and the file's bytes. */
export function archiveSubmissionId(year: number, orgId: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(`${year}\n${orgId}\n`).update(bytes).digest('hex');
  return `imp-${hash.slice(0, 40)}`;
}

async function yearsIn(dir: string): Promise<number[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && /^\d{4}$/.test(e.name)).map((e) => Number(e.name)).sort((a, b) => a - b);
}

export async function importArchive(options: ImportOptions): Promise<ImportSummary> {
  const years = options.years && options.years.length > 0 ? options.years : await yearsIn(options.dir);
  if (years.length === 0) throw new Error(`Thư mục ${options.dir} không có thư mục năm (như 2024/). Hãy ghi năm bằng --year.`);
  const jobs: { year: number; orgId: string; file: string }[] = [];
  for (const year of years) {
    const files = await sheetFiles(options.dir, year);
    for (const orgId of [...files.keys()].sort()) jobs.push({ year, orgId, file: files.get(orgId) ?? '' });
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  const outcomes: FileOutcome[] = [];
  for (const [n, job] of jobs.entries()) {
    const outcome = await importOne(job, base, options);
    outcomes.push(outcome);
    const head = `[${n + 1}/${jobs.length}] ${job.year} ${job.orgId} (${basename(job.file)})`;
    options.progress(
      outcome.accepted
        ? `${head}: ${RESULT_VI[outcome.result] ?? outcome.result}, ${outcome.listed} đảng viên`
        : `${head}: bị từ chối — ${outcome.message}`,
    );
  }
  const accepted = outcomes.filter((o) => o.accepted).length;
  return { outcomes, accepted, rejected: outcomes.length - accepted };
}

async function importOne(job: { year: number; orgId: string; file: string }, base: string, options: ImportOptions): Promise<FileOutcome> {
  const { year, orgId, file } = job;
  const refused = (result: string, message: string, issues: readonly Issue[] = []): FileOutcome => ({ year, orgId, file, accepted: false, result, listed: 0, message, issues });
  let sheet;
  try {
    sheet = await readSheetFile(file);
  } catch (error) {
    return refused('FILE_UNREADABLE', `Không đọc được tệp (${error instanceof Error ? error.message : String(error)}). Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.`);
  }
  if (sheet.problem !== undefined) return refused('FILE_UNREADABLE', sheet.problem);
  const body = {
    year,
    orgId,
    submissionId: archiveSubmissionId(year, orgId, await readFile(file)),
    dryRun: options.dryRun,
    sheet: { name: sheet.name.slice(0, 200), startRow: 1, values: sheet.values },
  };
  let status: number;
  let answer: Answer;
  try {
    const res = await fetch(`${base}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
      body: JSON.stringify(body),
    });
    status = res.status;
    const text = await res.text();
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      answer = { error: { code: `HTTP_${status}`, message: `Máy chủ trả lời HTTP ${status} không phải JSON: ${text.slice(0, 200)}` } };
    }
  } catch (error) {
    return refused('NETWORK', `Không kết nối được ${base}/submit (${error instanceof Error ? error.message : String(error)}). Hãy kiểm tra địa chỉ --url và mạng.`);
  }
  if (status === 200) {
    return { year, orgId, file, accepted: true, result: answer.result ?? 'accepted', listed: answer.counts?.listed ?? 0, message: '', issues: answer.issues ?? [] };
  }
  return refused(answer.error?.code ?? `HTTP_${status}`, answer.error?.message ?? `HTTP ${status}`, answer.issues ?? []);
}

/** The closing report: what was accepted, and every rejected file with its located errors. */
export function summaryLines(summary: ImportSummary, dryRun: boolean, maxErrorsPerFile = 20): string[] {
  const lines: string[] = [];
  const total = summary.outcomes.length;
  const verb = dryRun ? 'hợp lệ (chạy thử, chưa ghi gì)' : 'được ghi nhận';
  lines.push(`Tổng cộng ${total} tệp: ${summary.accepted} tệp ${verb}, ${summary.rejected} tệp bị từ chối.`);
  for (const o of summary.outcomes.filter((x) => !x.accepted)) {
    lines.push(`✗ ${o.year} ${o.orgId} (${basename(o.file)}) [${o.result}]: ${o.message}`);
    const errors = o.issues.filter((i) => i.severity === 'error');
    for (const issue of errors.slice(0, maxErrorsPerFile)) lines.push(`    ${issue.message}`);
    if (errors.length > maxErrorsPerFile) lines.push(`    … và ${errors.length - maxErrorsPerFile} lỗi khác.`);
  }
  return lines;
}
