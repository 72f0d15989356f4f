/**
 * `npm start`: the whole pipeline on this machine — the official Firestore emulator, the
 * functions served by functions-framework, a bloc configuration, one sheet per organisation
 * through the HTTP ingest endpoint, the rollup, and the summary workbook in out/.
 *
 *   npm start [-- --config FILE] [--input DIR] [--year N] [--out FILE] [--serve] [--keep-data]
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { blocConfigSchema, type BlocConfig } from '../functions/src/bloc-config/schema.js';
import { loadBlocConfig } from '../local/src/bloc-config-file.js';
import { demoBlocConfig } from '../local/src/demo/bloc-config.js';
import { generateMemberSheet } from '../local/src/demo/members.js';
import { demoOrgFigures } from '../local/src/demo/org-figures.js';
import { termOf } from '../functions/src/domain/term.js';
import { startLocalStack } from '../local/src/stack/local-stack.js';
import { runPipeline, type SheetSource, type Timing } from '../local/src/stack/pipeline.js';
import { readSheetFile, sheetFiles } from '../local/src/xlsx/read-workbooks.js';
import { EmulatorSetupError } from '../local/src/emulator/emulator.js';
import { reportSentences } from '../functions/src/domain/report.js';
import { setLogSink } from '../functions/src/logs.js';
import { printer } from './start-output.js';

const { values: args } = parseArgs({
  options: {
    config: { type: 'string' },
    input: { type: 'string' },
    year: { type: 'string' },
    out: { type: 'string' },
    serve: { type: 'boolean', default: false },
    'keep-data': { type: 'boolean', default: false },
  },
});

const DAY = 86_400_000;
const demo = args.config === undefined;

async function main(): Promise<number> {
  const config: BlocConfig = demo ? blocConfigSchema.parse(demoBlocConfig()) : await loadBlocConfig(args.config ?? '');
  const configured = Object.keys(config.years).map(Number).sort((a, b) => a - b);
  const year = args.year ? Number(args.year) : configured[configured.length - 1];
  if (year === undefined || !configured.includes(year)) throw new Error(`Năm ${args.year ?? ''} không có trong cấu hình (các năm: ${configured.join(', ')}).`);
  // The year before (for “So sánh”), and every configured year of the year's term (issue 18: the “Nhiệm kỳ” tab).
  const term = termOf(config.terms, year);
  const years = configured.filter((y) => y === year || y === year - 1 || (term !== null && y >= term.from && y <= year));
  const out = resolve(args.out ?? `out/tong-hop-${year}.xlsx`);
  mkdirSync(dirname(out), { recursive: true });
  const reportOut = resolve(dirname(out), `bao-cao-${String(year)}.docx`);
  const print = printer(process.stdout);

  // The functions' structured logs (with the reference id of any 500, “Mã tra cứu”) go to a file
  // beside the workbook, not over the progress lines; with --serve they go to the terminal too.
  const logFile = resolve(dirname(out), 'functions.log');
  writeFileSync(logFile, '');
  const toFile = (line: string): void => appendFileSync(logFile, `${line}\n`);
  setLogSink(toFile, toFile);
  print.step('Khởi động Firestore emulator và các hàm (functions-framework)…');
  const stack = await startLocalStack({
    projectId: 'demo-ledger',
    config,
    ...(args['keep-data'] ? { dataDir: resolve('.data/emulator') } : {}),
  });
  print.step(`Máy chủ hàm: ${stack.baseUrl} · Firestore emulator: ${stack.hostPort} · khối: ${config.name}`);

  const files = new Map<number, Map<string, string>>();
  if (args.input) for (const y of years) files.set(y, await sheetFiles(resolve(args.input), y));
  const sheetFor = async (y: number, org: { id: string; expectedMembers: number }): Promise<SheetSource | null> => {
    if (args.input) {
      const file = files.get(y)?.get(org.id);
      return file ? readSheetFile(file) : null;
    }
    const seed = [...org.id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return {
      name: `Đánh giá ${y}`,
      values: generateMemberSheet({ year: y, members: org.expectedMembers, seed, cardPrefix: `${seed % 90 + 10}${org.id.slice(-2)}` }),
      orgFigures: demoOrgFigures(y, seed, org.expectedMembers),
    };
  };
  // The demo replays a realistic season: most organisations on time, a few late after the
  // bloc reopens them, two never submit. Loaded files are all submitted before the deadline.
  const timing = (y: number, _org: unknown, index: number): Timing =>
    !demo ? 'on_time' : y === year && index % 31 === 17 ? 'missing' : y === year && index % 23 === 5 ? 'late' : 'on_time';
  const rollupAt = (_y: number, deadline: Date) => (demo ? new Date(deadline.getTime() + 5 * DAY) : new Date());

  try {
    const result = await runPipeline({
      stack,
      config,
      years,
      sheetFor,
      timing,
      rollupAt,
      outFile: (y) => (y === year ? out : null),
      reportFile: (y) => (y === year ? reportOut : null),
      progress: print.progress,
    });
    const rollup = result.rollups.get(year);
    if (rollup) print.headline(rollup, result.sentences.get(year) ?? reportSentences(rollup), out);
    print.step(`Báo cáo (Word, để in và ký): ${reportOut}`);
    print.summary(result.accepted, result.rejected);
    print.step(`Nhật ký của các hàm (mã tra cứu lỗi): ${logFile}`);
    if (args.serve) {
      setLogSink(
        (line) => { toFile(line); process.stdout.write(`${line}\n`); },
        (line) => { toFile(line); process.stderr.write(`${line}\n`); },
      );
      print.serving(stack.baseUrl, await stack.token(config.admins[0] ?? ''));
      await new Promise<void>((resolveWait) => process.once('SIGINT', resolveWait));
    }
    return result.rejected === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof EmulatorSetupError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nLỗi: ${message}\n`);
    process.exit(2);
  },
);
