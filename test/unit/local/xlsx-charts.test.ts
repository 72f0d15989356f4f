import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSentences } from '../../../functions/src/domain/report.js';
import { buildSummaryModel, type SummaryModel } from '../../../functions/src/domain/summary-model.js';
import { CONTENT_TYPE } from '../../../local/src/xlsx/chart-parts.js';
import { summaryXlsxBuffer } from '../../../local/src/xlsx/write-summary.js';
import { blocRollup } from '../../fixtures/bloc.js';
import { HAS_LIBREOFFICE, NO_LIBREOFFICE_REASON, pdfPagesOf } from '../../support/office/libreoffice.js';

const rollup = blocRollup();
const model: SummaryModel = buildSummaryModel(rollup, reportSentences(rollup));
let buffer: Buffer;
let zip: JSZip;
const read = async (path: string): Promise<string> => {
  const file = zip.file(path);
  if (!file) throw new Error(`no part ${path}`);
  return file.async('string');
};
const attrs = (xml: string, tag: string): Record<string, string>[] =>
  (xml.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? []).map((t) => Object.fromEntries([...t.matchAll(/(\w[\w:]*)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? ''])));

beforeAll(async () => {
  buffer = await summaryXlsxBuffer(model);
  zip = await JSZip.loadAsync(buffer);
});

describe('native charts in the .xlsx', () => {
  it('gives every part a content type, the drawing and the charts their own', async () => {
    const types = await read('[Content_Types].xml');
    const defaults = new Map(attrs(types, 'Default').map((d) => [d.Extension ?? '', d.ContentType ?? '']));
    const overrides = new Map(attrs(types, 'Override').map((o) => [o.PartName ?? '', o.ContentType ?? '']));
    const parts = Object.values(zip.files).filter((f) => !f.dir && f.name !== '[Content_Types].xml').map((f) => f.name);
    const untyped = parts.filter((p) => !overrides.has(`/${p}`) && !defaults.has(p.slice(p.lastIndexOf('.') + 1)));
    expect(untyped).toEqual([]);
    // Every override names a part that exists.
    expect([...overrides.keys()].filter((name) => !parts.includes(name.slice(1)))).toEqual([]);
    expect(overrides.get('/xl/drawings/drawing1.xml')).toBe(CONTENT_TYPE.drawing);
    expect(['/xl/charts/chart1.xml', '/xl/charts/chart2.xml', '/xl/charts/chart3.xml'].map((p) => overrides.get(p))).toEqual([
      CONTENT_TYPE.chart,
      CONTENT_TYPE.chart,
      CONTENT_TYPE.chart,
    ]);
  });

  it('resolves every relationship to a part of the package, with unique ids per file', async () => {
    const relsFiles = Object.keys(zip.files).filter((name) => name.endsWith('.rels'));
    const broken: string[] = [];
    for (const rels of relsFiles) {
      const list = attrs(await read(rels), 'Relationship');
      expect(new Set(list.map((r) => r.Id)).size).toBe(list.length);
      const sourceDir = posix.dirname(posix.dirname(rels));
      for (const rel of list) {
        if (rel.TargetMode === 'External') continue;
        const target = rel.Target ?? '';
        const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(sourceDir === '.' ? '' : sourceDir, target));
        if (!zip.file(path)) broken.push(`${rels} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    const sheetRels = attrs(await read('xl/worksheets/_rels/sheet1.xml.rels'), 'Relationship');
    const drawingRel = sheetRels.find((r) => r.Target === '../drawings/drawing1.xml');
    expect(drawingRel?.Type).toMatch(/\/drawing$/);
    expect(await read('xl/worksheets/sheet1.xml')).toContain(`<drawing r:id="${drawingRel?.Id ?? ''}"/>`);
    expect(attrs(await read('xl/drawings/_rels/drawing1.xml.rels'), 'Relationship').map((r) => r.Target)).toEqual([
      '../charts/chart1.xml',
      '../charts/chart2.xml',
      '../charts/chart3.xml',
    ]);
  });

  it('draws each chart from the cells of its table on “Tổng hợp”', async () => {
    const formulas = async (n: number): Promise<string[]> => [...(await read(`xl/charts/chart${String(n)}.xml`)).matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => (m[1] ?? '').replace(/&apos;/g, "'"));
    const [levels, exemplary, progress] = [await read('xl/charts/chart1.xml'), await read('xl/charts/chart2.xml'), await read('xl/charts/chart3.xml')];
    expect(levels).toContain('<c:pieChart>');
    expect(await formulas(1)).toEqual(["'Tổng hợp'!$A$17:$A$20", "'Tổng hợp'!$B$17:$B$20"]);
    // Cached values: what the cells hold (2 HTXSNV, 12 HTTNV, 1 HTNV, 1 KHTNV).
    expect([...levels.matchAll(/<c:numCache>.*?<\/c:numCache>/g)].map((m) => [...m[0].matchAll(/<c:v>([^<]*)</g)].map((v) => v[1]))).toEqual([['2', '12', '1', '1']]);
    expect(exemplary).toContain('<c:barDir val="col"/>');
    // One series per nêu gương level, its name the header cell above, over leaders / others.
    expect(await formulas(2)).toEqual([
      "'Tổng hợp'!$B$29:$B$29", "'Tổng hợp'!$A$30:$A$31", "'Tổng hợp'!$B$30:$B$31",
      "'Tổng hợp'!$D$29:$D$29", "'Tổng hợp'!$A$30:$A$31", "'Tổng hợp'!$D$30:$D$31",
      "'Tổng hợp'!$F$29:$F$29", "'Tổng hợp'!$A$30:$A$31", "'Tổng hợp'!$F$30:$F$31",
    ]);
    expect(progress).toContain('Tình hình nộp kết quả đánh giá');
    expect(await formulas(3)).toEqual(["'Tổng hợp'!$A$9:$A$11", "'Tổng hợp'!$B$9:$B$11"]);
    // Placed beside their tables: column D, the rows of each table.
    const drawing = await read('xl/drawings/drawing1.xml');
    expect([...drawing.matchAll(/<xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])])).toEqual(
      model.charts.map((c) => [c.anchor.col, c.anchor.row]),
    );
  });

  it('still reads back with exceljs (cells untouched)', async () => {
    const workbook = new ExcelJS.Workbook();
    const bytes = new ArrayBuffer(buffer.byteLength);
    new Uint8Array(bytes).set(buffer);
    await workbook.xlsx.load(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(model.tabs.map((t) => t.name));
    expect(workbook.getWorksheet('Tổng hợp')?.getCell('A17').value).toBe('Hoàn thành xuất sắc nhiệm vụ (HTXSNV)');
  });
});

describe.skipIf(!HAS_LIBREOFFICE)(`LibreOffice prints the charts (${HAS_LIBREOFFICE ? 'soffice found' : NO_LIBREOFFICE_REASON})`, () => {
  it('converts the workbook to PDF with the three charts on the first page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-charts-'));
    const file = join(dir, 'tong-hop.xlsx');
    writeFileSync(file, buffer);
    const pages = pdfPagesOf(file, dir);
    const first = pages[0] ?? '';
    // Chart titles (the first is also a section heading: the chart adds a second one) and the
    // column chart's legend beside the table's own column headers.
    expect(first.match(/Nêu gương theo nhóm đảng viên/g)).toHaveLength(1);
    expect(first.match(/Tình hình nộp kết quả đánh giá/g)).toHaveLength(2);
    expect(first.match(/Xếp loại chất lượng đảng viên/g)).toHaveLength(2);
  }, 120_000);
});
