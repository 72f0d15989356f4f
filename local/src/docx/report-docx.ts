import { writeFile } from 'node:fs/promises';
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Footer,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import { PARTY_NAME, type ReportPage, type ReportTable } from '../../../functions/src/domain/summary/report-page.js';

/**
 * The “Báo cáo” as a Word document (issue 15), in the Party's document format (Hướng dẫn
 * 36-HD/VPTW): A4, margins 20 mm top and bottom, 30 mm left, 15 mm right, Times New Roman; the
 * header block in two columns (issuing body, “*” and the number-and-symbol line on the left;
 * “ĐẢNG CỘNG SẢN VIỆT NAM” and the place and date on the right), the title, the sentences as
 * justified 14 pt paragraphs, the headline tables in 12 pt, then “Nơi nhận” beside the
 * signature block. Made with `docx` 9 from the summary model's ReportPage.
 */
const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = { body: 28, header: 26, table: 24, recipients: 22, title: 30 } as const;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/** A4 width 210 mm less the 30 + 15 mm margins, in twips. */
const TEXT_WIDTH = convertMillimetersToTwip(210 - 30 - 15);

interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
}

const run = (r: Run): TextRun => {
  // Typed as the options object: TextRun also takes a string, whose (legacy) .bold() would be meant otherwise.
  const options: IRunOptions = { text: r.text, font: FONT, size: r.size ?? SIZE.body, bold: r.bold ?? false, italics: r.italic ?? false, ...(r.underline ? { underline: {} } : {}) };
  return new TextRun(options);
};

const para = (runs: Run | readonly Run[], options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; before?: number; after?: number } = {}): Paragraph =>
  new Paragraph({
    children: (Array.isArray(runs) ? runs : [runs]).map(run),
    alignment: options.align ?? AlignmentType.LEFT,
    spacing: { before: options.before ?? 0, after: options.after ?? 0, line: 276 },
    ...(options.indent ? { indent: { firstLine: convertMillimetersToTwip(10) } } : {}),
  });

const centred = (r: Run, after = 0): Paragraph => para(r, { align: AlignmentType.CENTER, after });

/** A borderless two-column layout row (the header block, “Nơi nhận” beside the signature). */
function layout(left: readonly Paragraph[], right: readonly Paragraph[], leftShare = 0.45): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const cell = (children: readonly Paragraph[], width: number) =>
    new TableCell({ children: [...children], width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, TEXT_WIDTH - leftWidth)] })],
  });
}

function headerBlock(page: ReportPage): Table {
  const left = [
    ...(page.superior !== null ? [centred({ text: page.superior, size: SIZE.header })] : []),
    centred({ text: page.issuer, bold: true, size: SIZE.header }),
    centred({ text: '*', size: SIZE.header }),
    centred({ text: page.number, size: SIZE.header }),
  ];
  const right = [
    centred({ text: PARTY_NAME, bold: true, underline: true, size: SIZE.body }, 240),
    centred({ text: page.placeDate, italic: true, size: SIZE.body }),
  ];
  return layout(left, right);
}

/** A headline table: the first column as wide as the rest together, figures right-aligned. */
function dataTable(table: ReportTable): Table {
  const cols = table.header.length;
  const first = cols <= 2 ? Math.round(TEXT_WIDTH * 0.65) : cols <= 3 ? Math.round(TEXT_WIDTH * 0.55) : Math.round(TEXT_WIDTH * 0.3);
  const other = cols > 1 ? Math.floor((TEXT_WIDTH - first) / (cols - 1)) : 0;
  const widths = [first, ...Array.from({ length: cols - 1 }, () => other)];
  const cell = (value: string, c: number, style: { bold: boolean; italic: boolean; header: boolean }) =>
    new TableCell({
      width: { size: widths[c] ?? other, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 20, bottom: 20 },
      children: [
        para(
          { text: value, bold: style.bold || style.header, italic: style.italic, size: SIZE.table },
          { align: style.header ? AlignmentType.CENTER : c === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT },
        ),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID,
    rows: [
      new TableRow({ tableHeader: true, children: table.header.map((h, c) => cell(h, c, { bold: true, italic: false, header: true })) }),
      ...table.rows.map((row) => new TableRow({ cantSplit: true, children: row.cells.map((v, c) => cell(v, c, { bold: row.bold, italic: row.italic, header: false })) })),
    ],
  });
}

function signature(page: ReportPage): Table {
  const left = [
    para({ text: 'Nơi nhận:', bold: true, italic: true, underline: true, size: SIZE.table }),
    ...page.recipients.map((r) => para({ text: `- ${r}`, size: SIZE.recipients })),
  ];
  const right = [
    centred({ text: page.signerFor, bold: true }),
    centred({ text: page.signerTitle, bold: true }, 1200),
    centred(page.signerName === null ? { text: '……………………………' } : { text: page.signerName, bold: true }),
  ];
  return layout(left, right, 0.5);
}

export function reportDocument(page: ReportPage, footer: string): Document {
  const body = page.paragraphs.map((p) => para({ text: p }, { align: AlignmentType.JUSTIFIED, indent: true, after: 120 }));
  const tables = page.tables.flatMap((t) => [para({ text: t.title, bold: true, size: SIZE.table }, { before: 200, after: 80 }), dataTable(t)]);
  return new Document({
    creator: 'danh-gia-dang-vien',
    title: `${page.title} ${page.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            // A4 in twips, exactly (210 × 297 mm).
            size: { width: 11906, height: 16838 },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${footer} – Trang `, font: FONT, size: 20 }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 20 }),
                  new TextRun({ text: '/', font: FONT, size: 20 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT, size: 20 }),
                ],
              }),
            ],
          }),
        },
        children: [
          headerBlock(page),
          para({ text: page.title, bold: true, size: SIZE.title }, { align: AlignmentType.CENTER, before: 360 }),
          para({ text: page.subtitle, bold: true }, { align: AlignmentType.CENTER, after: 60 }),
          para({ text: '-----', size: SIZE.body }, { align: AlignmentType.CENTER, after: 240 }),
          ...body,
          ...(tables.length > 0 ? [para({ text: 'SỐ LIỆU TỔNG HỢP', bold: true }, { align: AlignmentType.CENTER, before: 240 }), ...tables] : []),
          para({ text: '' }, { after: 240 }),
          signature(page),
        ],
      },
    ],
  });
}

export async function reportDocxBuffer(page: ReportPage, footer: string): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(page, footer));
}

export async function writeReportDocx(page: ReportPage, footer: string, filePath: string): Promise<void> {
  await writeFile(filePath, await reportDocxBuffer(page, footer));
}
