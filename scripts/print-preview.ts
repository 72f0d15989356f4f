/**
 * `npm run print:preview [-- --orgs 1000] [--out DIR]`: the summary workbook (and the Word
 * report) of the demo bloc built without a database, printed to PDF by LibreOffice
 * (`soffice --headless`) and rendered to PNG pages (`pdftoppm`), one PDF per tab, so a person
 * can look at what leadership would print. Prints the page count of each tab.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { reportSentences } from '../functions/src/domain/report.js';
import { buildSummaryModel, type SummaryModel } from '../functions/src/domain/summary-model.js';
import { demoRollup } from '../local/src/preview/demo-rollup.js';
import { summaryXlsxBuffer } from '../local/src/xlsx/write-summary.js';
import { reportDocxBuffer } from '../local/src/docx/report-docx.js';

const { values: args } = parseArgs({ options: { orgs: { type: 'string' }, out: { type: 'string' }, png: { type: 'boolean', default: true } } });
const out = resolve(args.out ?? 'out/print-preview');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const rollup = demoRollup(args.orgs ? { orgs: Number(args.orgs) } : {});
const model = buildSummaryModel(rollup, reportSentences(rollup));

const pages = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
// A private profile: a profile another soffice holds makes the conversion silently do nothing.
const profileDir = mkdtempSync(join(tmpdir(), 'lo-profile-'));
process.once('exit', () => rmSync(profileDir, { recursive: true, force: true }));
const profile = `-env:UserInstallation=${pathToFileURL(profileDir).href}`;
const toPdf = (file: string): string => {
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore' });
  return file.replace(/\.(xlsx|docx)$/, '.pdf');
};

writeFileSync(join(out, 'tong-hop.xlsx'), await summaryXlsxBuffer(model));
for (const [i, tab] of model.tabs.entries()) {
  const only: SummaryModel = { ...model, tabs: [tab], charts: model.charts.filter((c) => c.tab === tab.name) };
  const file = join(out, `tab-${String(i + 1)}.xlsx`);
  writeFileSync(file, await summaryXlsxBuffer(only));
  const pdf = toPdf(file);
  if (args.png) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, `tab-${String(i + 1)}`)]);
  process.stdout.write(`${tab.name}: ${String(pages(pdf))} trang (${tab.print?.orientation ?? ''})\n`);
}
const docx = join(out, 'bao-cao.docx');
writeFileSync(docx, await reportDocxBuffer(model.report, model.footer));
const docxPdf = toPdf(docx);
if (args.png) execFileSync('pdftoppm', ['-png', '-r', '60', docxPdf, join(out, 'bao-cao')]);
process.stdout.write(`Báo cáo (.docx): ${String(pages(docxPdf))} trang\n`);
process.stdout.write(`${readdirSync(out).filter((f) => f.endsWith('.png')).length} PNG pages in ${out}\n`);
