import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateMemberSheet } from '../../local/src/demo/members.js';
import { runPipeline, type ProgressEvent, type Timing } from '../../local/src/stack/pipeline.js';
import { reportSentences } from '../../functions/src/domain/report.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { TEST_AUDIENCE, useLocalStack } from '../support/functions/local-stack.js';

const CONFIG = `
id: khoi-nho
name: Đảng bộ Khối Nhỏ
admins: [admin@khoi.vn]
oauthClientIds: [${TEST_AUDIENCE}]
years:
  2024:
    deadline: 15/01/2025 17:00
    orgs:
      - { id: org-01, name: Chi bộ Một, secretaries: [bt1@khoi.vn], expectedMembers: 20 }
      - { id: org-02, name: Chi bộ Hai, secretaries: [bt2@khoi.vn], expectedMembers: 12 }
  2025:
    deadline: 15/01/2026 17:00
    orgs:
      - { id: org-01, name: Chi bộ Một, secretaries: [bt1@khoi.vn], expectedMembers: 20 }
      - { id: org-02, name: Chi bộ Hai, secretaries: [bt2@khoi.vn], expectedMembers: 12 }
      - { id: org-03, name: Chi bộ Ba, secretaries: [bt3@khoi.vn], expectedMembers: 8 }
      - { id: org-04, name: Chi bộ Bốn, secretaries: [bt4@khoi.vn], expectedMembers: 5 }
`;
const h = useLocalStack('demo-pipeline', CONFIG);

const texts = (sheet: ExcelJS.Worksheet): string[] => {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
};

describe('the npm start pipeline on a small bloc', () => {
  it('submits through HTTP, rolls up both years and writes a workbook whose cells hold the real numbers', async () => {
    const events: ProgressEvent[] = [];
    const out = join(mkdtempSync(join(tmpdir(), 'pipeline-')), 'tong-hop-2025.xlsx');
    const timing = (year: number, org: { id: string }): Timing =>
      year === 2025 && org.id === 'org-04' ? 'missing' : year === 2025 && org.id === 'org-02' ? 'late' : 'on_time';
    const result = await runPipeline({
      stack: h.stack,
      config: h.config,
      years: [2024, 2025],
      sheetFor: async (year, org) =>
        org.id === 'org-03'
          ? { name: 'bad', values: grid(validRows(8).map((r, i) => (i === 2 ? { ...r, 'Xếp loại': 'Giỏi' } : r))) }
          : { name: `Đánh giá ${year}`, values: generateMemberSheet({ year, members: org.expectedMembers, seed: Number(org.id.slice(-2)), cardPrefix: org.id }) },
      timing,
      rollupAt: (_year, deadline) => new Date(deadline.getTime() + 5 * 86_400_000),
      outFile: (year) => (year === 2025 ? out : null),
      reportFile: (year) => (year === 2025 ? out.replace('tong-hop-2025.xlsx', 'bao-cao-2025.docx') : null),
      progress: (event) => events.push(event),
    });

    expect([result.accepted, result.rejected]).toEqual([4, 1]); // 2 in 2024, 2 in 2025; org-03 rejected
    const rejected = events.find((e) => e.kind === 'rejected');
    expect(rejected?.kind === 'rejected' && [rejected.org.id, rejected.status, rejected.issues.map((i) => [i.row, i.column, i.code])]).toEqual([
      'org-03',
      422,
      [[4, 'Xếp loại', 'VALUE_NOT_IN_LIST']],
    ]);
    const rollup = result.rollups.get(2025);
    expect(rollup?.submission).toMatchObject({ total: 4, submitted: 2, onTime: 1, late: 1, missing: 2 });
    expect(rollup?.totals.listed).toBe(32);
    expect(rollup?.previousYear).toBe(2024);

    // The Word report beside the workbook, with the year's sentences, and the workbook's three charts.
    expect(result.files).toEqual([out, out.replace('tong-hop-2025.xlsx', 'bao-cao-2025.docx')]);
    const docx = await JSZip.loadAsync(readFileSync(out.replace('tong-hop-2025.xlsx', 'bao-cao-2025.docx')));
    const documentXml = (await docx.file('word/document.xml')?.async('string')) ?? '';
    for (const sentence of reportSentences(rollup!)) expect(documentXml).toContain(sentence.replace(/&/g, '&amp;'));
    const xlsx = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(xlsx.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo tổ chức', 'Chưa nộp', 'Báo cáo', 'So sánh']);
    const overviewSheet = workbook.getWorksheet('Tổng hợp')!;
    const overview = texts(overviewSheet);
    expect(overview).toContain('32');
    let submittedRow: ExcelJS.Row | undefined;
    overviewSheet.eachRow((row) => {
      if (row.getCell(1).value === 'Đã nộp') submittedRow = row;
    });
    expect([submittedRow?.getCell(2).value, submittedRow?.getCell(3).value, submittedRow?.getCell(3).numFmt]).toEqual([2, 0.5, '0.0%']);
    const byOrg = texts(workbook.getWorksheet('Theo tổ chức')!);
    expect(byOrg).toEqual(expect.arrayContaining(['Chi bộ Một', 'Chi bộ Hai', 'Chi bộ Ba', 'Chi bộ Bốn', '20', '12']));
    const missing = texts(workbook.getWorksheet('Chưa nộp')!);
    expect(missing).toEqual(expect.arrayContaining(['Chi bộ Ba', 'Chi bộ Bốn', 'Chi bộ Hai']));
    const report = texts(workbook.getWorksheet('Báo cáo')!);
    expect(report).toEqual(expect.arrayContaining(reportSentences(rollup!)));
    expect(report).toContain(
      'Tính đến 17:00 ngày 20/01/2026 (hạn nộp 17:00 ngày 15/01/2026), có 2/4 tổ chức cơ sở đảng đã nộp kết quả đánh giá, bằng 50%; trong đó, nộp đúng hạn 1 tổ chức, nộp muộn 1 tổ chức; còn 2 tổ chức chưa nộp, bằng 50%.',
    );
    expect(texts(workbook.getWorksheet('So sánh')!)).toEqual(expect.arrayContaining(['So sánh năm 2025 với năm 2024', 'Năm 2024']));
  });
});
