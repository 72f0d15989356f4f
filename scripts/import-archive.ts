/**
 * `npm run import`: a bloc's archive of evaluation files into a DEPLOYED ledger, through the
 * same `submit` endpoint the add-on uses (same validation, same audit, one submission per file).
 *
 *   npm run import -- --url https://asia-southeast1-PROJECT.cloudfunctions.net --dir DIR [--year N] [--dry-run]
 *                     [--token-command "gcloud auth print-identity-token"]
 *
 * The ID token is an admin's, as the Google Cloud CLI gives it: `gcloud auth print-identity-token`
 * (or the ID_TOKEN environment variable). Exit code 0 only when every file was accepted.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { importArchive, summaryLines } from '../local/src/import/import-archive.js';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    dir: { type: 'string' },
    year: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean', default: false },
    'token-command': { type: 'string', default: 'gcloud auth print-identity-token' },
  },
});

/** ID tokens live an hour: ask again after 45 minutes. */
const TOKEN_TTL_MS = 45 * 60_000;

function tokenSource(command: string): () => Promise<string> {
  let cached: { token: string; at: number } | null = null;
  return async () => {
    const fromEnv = process.env.ID_TOKEN?.trim();
    if (fromEnv) return fromEnv;
    if (cached && Date.now() - cached.at < TOKEN_TTL_MS) return cached.token;
    const [file, ...rest] = command.split(/\s+/).filter((p) => p !== '');
    if (file === undefined) throw new Error('--token-command trống.');
    try {
      const { stdout } = await run(file, rest, { timeout: 60_000 });
      cached = { token: stdout.trim(), at: Date.now() };
      return cached.token;
    } catch (error) {
      throw new Error(
        `Không lấy được ID token bằng “${command}” (${error instanceof Error ? error.message : String(error)}). Hãy cài Google Cloud CLI và chạy “gcloud auth login” bằng tài khoản quản trị viên của Khối.`,
      );
    }
  };
}

async function main(): Promise<number> {
  if (!args.url || !args.dir) {
    process.stderr.write('Cách dùng: npm run import -- --url https://REGION-PROJECT.cloudfunctions.net --dir THƯ_MỤC [--year 2024] [--dry-run]\n');
    return 2;
  }
  const dryRun = args['dry-run'];
  const years = (args.year ?? []).map(Number);
  if (years.some((y) => !Number.isInteger(y))) throw new Error(`--year phải là một năm, ví dụ 2024.`);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${dryRun ? 'Chạy thử (không ghi gì): kiểm tra' : 'Nhập'} các tệp trong ${resolve(args.dir)} vào ${args.url}`);
  const summary = await importArchive({ dir: resolve(args.dir), years, baseUrl: args.url, token: tokenSource(args['token-command']), dryRun, progress: out });
  for (const line of summaryLines(summary, dryRun)) out(line);
  return summary.outcomes.length > 0 && summary.rejected === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`\nLỗi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
