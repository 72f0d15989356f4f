import { localParts } from '../time-zone.js';
import type { BlocRollup } from '../rollup-schema.js';
import { DEFAULT_REPORT_SETTINGS } from '../report-settings.js';
import { displayCell, EMPTY, text, title, type SummaryCell, type SummaryTab } from './cells.js';

/**
 * The “Báo cáo” as a document in the Party's format (issue 15): the header block (issuing body
 * beside “ĐẢNG CỘNG SẢN VIỆT NAM”, number-and-symbol line beside the place and date), the
 * title, the sentences as paragraphs, the headline tables, “Nơi nhận” and the signature block.
 * Pure data, read by the “Báo cáo” tab below and by the Word writer (local/src/docx/).
 */
export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';

export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly cells: readonly string[]; readonly bold: boolean; readonly italic: boolean }[];
}

export interface ReportPage {
  readonly superior: string | null;
  readonly issuer: string;
  readonly number: string;
  /** “Thủ Dầu Một, ngày 20 tháng 01 năm 2026” (a dotted blank when the place is not configured). */
  readonly placeDate: string;
  readonly title: string;
  readonly subtitle: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly recipients: readonly string[];
  readonly signerFor: string;
  readonly signerTitle: string;
  readonly signerName: string | null;
}

const upper = (value: string): string => value.toLocaleUpperCase('vi-VN');

export function placeDateOf(place: string | null, iso: string, zone: string): string {
  const [day, month, year] = localParts(iso, zone).date.split('/');
  return `${place ?? '……………'}, ngày ${day ?? ''} tháng ${month ?? ''} năm ${year ?? ''}`;
}

const isBlank = (row: readonly SummaryCell[]): boolean => row.every((c) => c.value === null);

/** The headline tables of “Tổng hợp”: each section heading, its header row and its rows up to the next blank row. */
export function reportTables(overview: SummaryTab): ReportTable[] {
  const tables: ReportTable[] = [];
  const rows = overview.rows;
  for (let i = 0; i < rows.length; i++) {
    const first = rows[i]?.[0];
    if (first?.style !== 'section' || typeof first.value !== 'string') continue;
    const header = (rows[i + 1] ?? []).map(displayCell);
    const body: ReportTable['rows'][number][] = [];
    let j = i + 2;
    for (; j < rows.length && !isBlank(rows[j] ?? []); j++) {
      const row = rows[j] ?? [];
      body.push({
        cells: header.map((_, c) => displayCell(row[c] ?? EMPTY)),
        bold: row.some((c) => c.style === 'total'),
        italic: row[0]?.italic ?? false,
      });
    }
    tables.push({ title: first.value, header, rows: body });
    i = j;
  }
  return tables;
}

export function reportPage(r: BlocRollup, sentences: readonly string[], overview: SummaryTab): ReportPage {
  const s = r.report ?? DEFAULT_REPORT_SETTINGS;
  return {
    superior: s.superior,
    issuer: s.issuer ?? upper(r.blocName),
    number: s.number,
    placeDate: placeDateOf(s.place, r.generatedAt, r.timeZone),
    title: 'BÁO CÁO',
    subtitle: `Kết quả đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên năm ${String(r.year)}`,
    paragraphs: sentences,
    tables: reportTables(overview),
    recipients: s.recipients,
    signerFor: s.signerFor,
    signerTitle: s.signerTitle,
    signerName: s.signerName,
  };
}

/** Pixels of the two columns of the “Báo cáo” tab: together the printable width of portrait A4. */
export const REPORT_COLUMNS = [330, 330] as const;

/**
 * The “Báo cáo” tab as a printable page: the header block in two columns, the title, each
 * sentence a paragraph across both columns, then “Nơi nhận” beside the signature block.
 */
export function buildReportTab(page: ReportPage): SummaryTab {
  const centre = { center: true } as const;
  const rows: SummaryCell[][] = [];
  if (page.superior !== null) rows.push([text(page.superior, centre), EMPTY]);
  rows.push([text(page.issuer, { bold: true, wrap: true, ...centre }), text(PARTY_NAME, { bold: true, ...centre })]);
  rows.push([text('*', centre), EMPTY]);
  rows.push([text(page.number, centre), text(page.placeDate, { italic: true, ...centre })]);
  rows.push([EMPTY]);
  rows.push([{ ...title(page.title, 2), center: true }]);
  rows.push([text(page.subtitle, { bold: true, wrap: true, span: 2, ...centre })]);
  rows.push([EMPTY]);
  for (const sentence of page.paragraphs) rows.push([text(sentence, { wrap: true, span: 2 })]);
  rows.push([EMPTY]);
  const left = [text('Nơi nhận:', { bold: true, italic: true }), ...page.recipients.map((r) => text(`- ${r}`, { wrap: true }))];
  const right = [
    text(page.signerFor, { bold: true, ...centre }),
    text(page.signerTitle, { bold: true, ...centre }),
    EMPTY,
    EMPTY,
    page.signerName === null ? text('……………………', centre) : text(page.signerName, { bold: true, ...centre }),
  ];
  for (let i = 0; i < Math.max(left.length, right.length); i++) rows.push([left[i] ?? EMPTY, right[i] ?? EMPTY]);
  return { name: 'Báo cáo', columnWidths: [...REPORT_COLUMNS], frozenRows: 0, frozenColumns: 0, rows };
}
