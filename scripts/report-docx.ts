/**
 * `npm run report -- --bloc ID [--year N] [--out FILE] [--project ID]`: the printable Word
 * report (Báo cáo) of a deployed ledger, from the rollup the last rollup run stored in
 * Firestore (one document read; no member data).
 *
 * Against the emulator when FIRESTORE_EMULATOR_HOST is set, otherwise with the Application
 * Default Credentials of the project (--project, GOOGLE_CLOUD_PROJECT or GCLOUD_PROJECT).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Firestore } from '@google-cloud/firestore';
import { writeReportDocx } from '../local/src/docx/report-docx.js';
import { storedSummary } from '../local/src/docx/stored-report.js';

const USAGE = 'usage: npm run report -- --bloc ID [--year N] [--out FILE] [--project ID]';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { bloc: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, project: { type: 'string' } } });
  const projectId = values.project ?? process.env.GOOGLE_CLOUD_PROJECT ?? process.env.GCLOUD_PROJECT;
  if (values.bloc === undefined || projectId === undefined) {
    console.error(`${values.bloc === undefined ? 'No bloc: pass --bloc ID.' : 'No project: pass --project ID or set GOOGLE_CLOUD_PROJECT.'}\n${USAGE}`);
    return 2;
  }
  const db = new Firestore({ projectId });
  try {
    const { rollup, model } = await storedSummary(db, values.bloc, values.year === undefined ? undefined : Number(values.year));
    const out = resolve(values.out ?? `out/bao-cao-${String(rollup.year)}.docx`);
    mkdirSync(dirname(out), { recursive: true });
    await writeReportDocx(model.report, model.footer, out);
    console.log(`Báo cáo năm ${String(rollup.year)} của ${rollup.blocName} (số liệu lúc ${rollup.generatedAt}): ${out}`);
  } finally {
    await db.terminate();
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
