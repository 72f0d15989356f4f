import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportSentences } from '../../../functions/src/domain/report.js';
import { buildSummaryModel } from '../../../functions/src/domain/summary-model.js';
import { reportDocxBuffer } from '../../../local/src/docx/report-docx.js';
import { blocRollup } from '../../fixtures/bloc.js';
import { HAS_LIBREOFFICE, NO_LIBREOFFICE_REASON, pdfPagesOf } from '../../support/office/libreoffice.js';

const rollup = blocRollup({
  report: {
    superior: 'ĐẢNG BỘ TỈNH BÌNH DƯƠNG',
    issuer: null,
    number: 'Số 45-BC/ĐUK',
    place: 'Thủ Dầu Một',
    signerFor: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'PHÓ BÍ THƯ',
    signerName: 'Nguyễn Văn Bình',
    recipients: ['Ban Thường vụ Tỉnh ủy (để báo cáo)', 'Lưu Văn phòng.'],
  },
});
const sentences = reportSentences(rollup);
const model = buildSummaryModel(rollup, sentences);
let buffer: Buffer;
let xml: string;
let footer: string;
/** The text of each paragraph (its w:t runs joined), in document order. */
let paragraphs: string[];
/** The paragraphs of each table cell, per table, per row. */
let tables: string[][][];

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (fragment: string): string => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');

beforeAll(async () => {
  buffer = await reportDocxBuffer(model.report, model.footer);
  const zip = await JSZip.loadAsync(buffer);
  xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  footer = (await zip.file('word/footer1.xml')?.async('string')) ?? '';
  paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((m) => textOf(m[0]));
  tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((t) => [...t[0].matchAll(/<w:tr[ >].*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/g)].map((c) => textOf(c[0]))));
});

describe('the Word report', () => {
  it('has the header block, title, number, place and date, and the signature block', () => {
    expect(tables[0]).toEqual([['ĐẢNG BỘ TỈNH BÌNH DƯƠNGĐẢNG BỘ KHỐI CƠ QUAN TỈNH*Số 45-BC/ĐUK', 'ĐẢNG CỘNG SẢN VIỆT NAMThủ Dầu Một, ngày 20 tháng 01 năm 2025']]);
    expect(paragraphs).toEqual(expect.arrayContaining(['BÁO CÁO', 'Kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm 2025']));
    expect(tables.at(-1)).toEqual([
      ['Nơi nhận:- Ban Thường vụ Tỉnh ủy (để báo cáo)- Lưu Văn phòng.', 'T/M BAN THƯỜNG VỤPHÓ BÍ THƯNguyễn Văn Bình'],
    ]);
  });

  it('writes every sentence of the rollup as its own paragraph', () => {
    expect(sentences.length).toBeGreaterThan(5);
    for (const sentence of sentences) expect(paragraphs).toContain(sentence);
  });

  it('has every headline table with every figure of “Tổng hợp”', () => {
    const titles = model.report.tables.map((t) => t.title);
    expect(titles).toEqual([
      '1. Tình hình nộp kết quả đánh giá',
      '2. Xếp loại chất lượng đảng viên',
      '3. Nêu gương',
      '4. Trình độ',
      '5. Nhận xét của nơi cư trú',
      '6. Học tập nghị quyết và làm theo',
      '7. Kỷ luật',
      '8. Khen thưởng',
    ]);
    const data = tables.slice(1, -1);
    expect(data).toHaveLength(8);
    model.report.tables.forEach((table, i) => {
      expect(paragraphs).toContain(table.title);
      expect(data[i]).toEqual([table.header, ...table.rows.map((r) => r.cells)]);
    });
    // Spot checks against the hand-checked fixture: 3 of 4 submitted (75,0%), 2 HTXSNV, 12 HTTNV.
    expect(data[0]).toContainEqual(['Đã nộp', '3', '75,0%']);
    expect(data[1]).toContainEqual(['Hoàn thành tốt nhiệm vụ (HTTNV)', '12', expect.stringMatching(/%$/)]);
  });

  it('is A4 in Times New Roman with page numbers in the footer', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('w:ascii="Times New Roman"');
    // Margins 20 mm top and bottom, 30 mm left, 15 mm right.
    expect(xml).toMatch(/<w:pgMar w:top="1133" w:right="850" w:bottom="1133" w:left="1700"/);
    expect(textOf(footer)).toContain('Đảng bộ Khối Cơ quan tỉnh – năm 2025 – Trang ');
    expect(footer).toContain('NUMPAGES');
  });
});

describe.skipIf(!HAS_LIBREOFFICE)(`LibreOffice opens the Word report (${HAS_LIBREOFFICE ? 'soffice found' : NO_LIBREOFFICE_REASON})`, () => {
  it('converts it to PDF with the sentences and the signature', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-docx-'));
    const file = join(dir, 'bao-cao.docx');
    writeFileSync(file, buffer);
    const text = pdfPagesOf(file, dir).join('\n');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Nguyễn Văn Bình');
  }, 120_000);
});
