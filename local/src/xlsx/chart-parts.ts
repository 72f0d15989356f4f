import JSZip from 'jszip';
import type { GridRange, SummaryChart, SummaryModel } from '../../../functions/src/domain/summary-model.js';
import { displayCell } from '../../../functions/src/domain/summary-model.js';
import { columnLetter } from '../../../functions/src/domain/sheet.js';

/**
 * Native Excel charts for the .xlsx (issue 15). exceljs 4.4 writes no charts, and no well-kept
 * npm library adds charts to an existing workbook, so this module opens the package exceljs
 * produced (jszip, exceljs's own zip library) and adds, per chart tab, the DrawingML parts:
 * xl/charts/chartN.xml (pie or clustered column over the tab's cells, with cached values so a
 * viewer that does not recalculate shows them), one xl/drawings/drawingN.xml placing them, the
 * relationships sheet → drawing → charts and their content types.
 */

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;
export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PX = 9525;

const esc = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An absolute A1 reference of a one-column range, e.g. 'Tổng hợp'!$B$17:$B$20. */
export function rangeRef(range: GridRange): string {
  const sheet = `'${range.tab.replace(/'/g, "''")}'`;
  const from = `$${columnLetter(range.startCol)}$${String(range.startRow + 1)}`;
  const to = `$${columnLetter(range.endCol - 1)}$${String(range.endRow)}`;
  return `${sheet}!${from}:${to}`;
}

/** The cells of a range as the model holds them (the charts' cached values). */
function cellsOf(model: SummaryModel, range: GridRange): { text: string; value: number | string | null }[] {
  const tab = model.tabs.find((t) => t.name === range.tab);
  if (!tab) throw new Error(`chart range on a tab the model lacks: ${range.tab}`);
  const out: { text: string; value: number | string | null }[] = [];
  for (let row = range.startRow; row < range.endRow; row++) {
    const cell = tab.rows[row]?.[range.startCol] ?? { value: null };
    out.push({ text: displayCell(cell), value: cell.value });
  }
  return out;
}

const strRef = (ref: string, values: readonly string[]): string =>
  `<c:strRef><c:f>${esc(ref)}</c:f><c:strCache><c:ptCount val="${String(values.length)}"/>${values
    .map((v, i) => `<c:pt idx="${String(i)}"><c:v>${esc(v)}</c:v></c:pt>`)
    .join('')}</c:strCache></c:strRef>`;

const numRef = (ref: string, values: readonly (number | null)[]): string =>
  `<c:numRef><c:f>${esc(ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${String(values.length)}"/>${values
    .flatMap((v, i) => (v === null ? [] : [`<c:pt idx="${String(i)}"><c:v>${String(v)}</c:v></c:pt>`]))
    .join('')}</c:numCache></c:numRef>`;

/** A series name: the header cell above the values when the model says so, else the name itself. */
function seriesName(chart: SummaryChart, range: GridRange, name: string): string {
  if (!chart.namesAbove) return `<c:tx><c:v>${esc(name)}</c:v></c:tx>`;
  const above: GridRange = { ...range, startRow: range.startRow - 1, endRow: range.startRow };
  return `<c:tx>${strRef(rangeRef(above), [name])}</c:tx>`;
}

const textProps = (size: number, bold: boolean): string =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${String(size * 100)}" b="${bold ? '1' : '0'}"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;

const chartTitle = (title: string): string =>
  `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1100" b="1"/><a:t>${esc(
    title,
  )}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;

const numbers = (cells: readonly { value: number | string | null }[]): (number | null)[] =>
  cells.map((c) => (typeof c.value === 'number' ? c.value : null));

export function chartXml(model: SummaryModel, chart: SummaryChart): string {
  const categories = strRef(rangeRef(chart.domain), cellsOf(model, chart.domain).map((c) => c.text));
  const series = chart.series
    .map((s, i) => {
      const values = numRef(rangeRef(s.range), numbers(cellsOf(model, s.range)));
      const labels =
        chart.type === 'pie'
          ? '<c:dLbls><c:numFmt formatCode="0%" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>'
          : '<c:invertIfNegative val="0"/>';
      return `<c:ser><c:idx val="${String(i)}"/><c:order val="${String(i)}"/>${seriesName(chart, s.range, s.name)}${labels}<c:cat>${categories}</c:cat><c:val>${values}</c:val></c:ser>`;
    })
    .join('');
  const plot =
    chart.type === 'pie'
      ? `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="${chart.type === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
        `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.type === 'bar' ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${textProps(9, false)}<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
        `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.type === 'bar' ? 'b' : 'l'}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${textProps(9, false)}<c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${chartTitle(chart.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${chart.type === 'pie' ? 'r' : 'b'}"/><c:overlay val="0"/>${textProps(9, false)}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>`
  );
}

/** One drawing placing the tab's charts: each from its anchor cell, its size in pixels. */
export function drawingXml(charts: readonly { chart: SummaryChart; relId: string }[]): string {
  const anchors = charts
    .map(
      ({ chart, relId }, i) =>
        `<xdr:oneCellAnchor><xdr:from><xdr:col>${String(chart.anchor.col)}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${String(chart.anchor.row)}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${String(chart.size.width * EMU_PER_PX)}" cy="${String(chart.size.height * EMU_PER_PX)}"/>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${String(i + 2)}" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors}</xdr:wsDr>`;
}

const relsXml = (rels: readonly { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"/>`)
    .join('')}</Relationships>`;

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unesc = (value: string): string =>
  value.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Writes a part without folder entries (an OPC package has parts only). */
const put = (zip: JSZip, path: string, content: string): void => {
  zip.file(path, content, { createFolders: false });
};

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the workbook has no ${path}`);
  return file.async('string');
}

/** Sheet name → its part (xl/worksheets/sheetN.xml), from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const id = attr(tag, 'r:id');
    const target = id ? targets.get(id) : undefined;
    if (name && target) parts.set(unesc(name), target);
  }
  return parts;
}

/** Elements a worksheet may hold after <drawing> (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function withDrawing(sheetXml: string, relId: string): string {
  if (sheetXml.includes('<drawing ')) throw new Error('the sheet already has a drawing');
  const element = `<drawing r:id="${relId}"/>`;
  const next = AFTER_DRAWING.map((name) => sheetXml.indexOf(`<${name}`)).filter((i) => i >= 0);
  const at = next.length > 0 ? Math.min(...next) : sheetXml.lastIndexOf('</worksheet>');
  const xml = sheetXml.slice(0, at) + element + sheetXml.slice(at);
  // exceljs declares xmlns:r on the root; make sure of it.
  return xml.includes('xmlns:r=') ? xml : xml.replace('<worksheet ', `<worksheet xmlns:r="${NS.r}" `);
}

/** Adds the model's charts to an .xlsx package; returns the new package. */
export async function addCharts(xlsx: Buffer, model: SummaryModel): Promise<Buffer> {
  if (model.charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx, { createFolders: false });
  const parts = await sheetParts(zip);
  let types = await text(zip, '[Content_Types].xml');
  const overrides: string[] = [];
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const tab of [...new Set(model.charts.map((c) => c.tab))]) {
    const sheetPath = parts.get(tab);
    if (!sheetPath) throw new Error(`no sheet named ${tab} in the workbook`);
    drawingNumber += 1;
    const drawingPath = `xl/drawings/drawing${String(drawingNumber)}.xml`;
    const placed = model.charts
      .filter((c) => c.tab === tab)
      .map((chart, i) => {
        chartNumber += 1;
        const chartPath = `xl/charts/chart${String(chartNumber)}.xml`;
        put(zip, chartPath, chartXml(model, chart));
        overrides.push(`<Override PartName="/${chartPath}" ContentType="${CONTENT_TYPE.chart}"/>`);
        return { chart, relId: `rId${String(i + 1)}`, target: `../charts/chart${String(chartNumber)}.xml` };
      });
    put(zip, drawingPath, drawingXml(placed));
    put(zip, `xl/drawings/_rels/drawing${String(drawingNumber)}.xml.rels`, relsXml(placed.map((p) => ({ id: p.relId, type: REL.chart, target: p.target }))));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CONTENT_TYPE.drawing}"/>`);

    const slash = sheetPath.lastIndexOf('/');
    const sheetRelsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
    const existing = zip.file(sheetRelsPath) ? await text(zip, sheetRelsPath) : relsXml([]);
    const used = new Set((existing.match(/\bId="([^"]*)"/g) ?? []).map((m) => m.slice(4, -1)));
    let n = used.size + 1;
    while (used.has(`rId${String(n)}`)) n += 1;
    const relId = `rId${String(n)}`;
    const rel = `<Relationship Id="${relId}" Type="${REL.drawing}" Target="../drawings/drawing${String(drawingNumber)}.xml"/>`;
    put(zip, sheetRelsPath, existing.replace('</Relationships>', `${rel}</Relationships>`));
    put(zip, sheetPath, withDrawing(await text(zip, sheetPath), relId));
  }
  types = types.replace('</Types>', `${overrides.join('')}</Types>`);
  put(zip, '[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
