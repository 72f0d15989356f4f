import { columnLetter } from '../../../functions/src/domain/sheet.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/**
 * Just enough of the Sheets v4 REST API for the summary writer, on 127.0.0.1 (random port):
 * GET /v4/spreadsheets/ID, POST /v4/spreadsheets/ID:batchUpdate (applies addSheet, deleteSheet,
 * addChart, deleteEmbeddedObject and a whole-tab clear, atomically, refusing what Sheets refuses:
 * a duplicate sheet id or title, an unknown chart or sheet), POST /v4/spreadsheets/ID/values:batchUpdate
 * (writes a grid per tab; RAW keeps every value as sent, USER_ENTERED turns “=…” into a formula
 * and numeric text into a number, as Sheets does). Every request is recorded.
 */

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}
export type RequestKind = 'get' | 'batchUpdate' | 'values';
export interface GridCell {
  readonly kind: 'string' | 'number' | 'boolean' | 'formula';
  readonly value: string | number | boolean;
}
interface Sheet {
  sheetId: number;
  title: string;
  charts: number[];
  /** A1 → cell. */
  grid: Map<string, GridCell>;
}

const Properties = z.object({ sheetId: z.number().int().optional(), title: z.string().optional() });
const SubRequest = z.object({
  addSheet: z.object({ properties: Properties }).optional(),
  deleteSheet: z.object({ sheetId: z.number().int() }).optional(),
  addChart: z.object({ chart: z.object({ position: z.object({ overlayPosition: z.object({ anchorCell: z.object({ sheetId: z.number() }) }) }) }) }).optional(),
  deleteEmbeddedObject: z.object({ objectId: z.number().int() }).optional(),
  updateCells: z.object({ range: z.object({ sheetId: z.number() }).optional(), fields: z.string() }).optional(),
  updateSheetProperties: z.object({ properties: z.object({ sheetId: z.number(), index: z.number().int().optional() }) }).optional(),
});
const BatchUpdate = z.object({ requests: z.array(SubRequest) });
const ValuesBatchUpdate = z.object({
  valueInputOption: z.enum(['RAW', 'USER_ENTERED']),
  data: z.array(z.object({ range: z.string(), values: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))) })),
});

class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** 'B7' → [row 6, col 1]. */
export function parseA1(a1: string): [number, number] {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match?.[1] || !match[2]) throw new Error(`not an A1 cell: ${a1}`);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [Number(match[2]) - 1, col];
}
const toA1 = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

function userEntered(value: string | number | boolean, raw: boolean): GridCell {
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (!raw && value.startsWith('=')) return { kind: 'formula', value };
  if (!raw && /^[+-]?\d+(\.\d+)?$/.test(value.trim())) return { kind: 'number', value: Number(value) };
  return { kind: 'string', value };
}

export class SheetsRecorder {
  readonly requests: RecordedRequest[] = [];
  private readonly books = new Map<string, Sheet[]>();
  private readonly refused = new Map<string, number>();
  private failures: { status: number; kind: RequestKind | undefined }[] = [];
  private stalls: { ms: number; kind: RequestKind | undefined; applied: boolean }[] = [];
  private nextId = 5000;
  private readonly server = createServer((req, res) => void this.handle(req, res));

  /** rootUrl for `sheets({ version: 'v4', rootUrl })`. */
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address: AddressInfo | string | null = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('recorder has no port');
    this.url = `http://127.0.0.1:${address.port}/`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next calls answer these statuses, one each, before anything is applied. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses.map((status) => ({ status, kind: undefined })));
  }
  /** The same, for the next calls of one kind only. */
  failNextOf(kind: RequestKind, ...statuses: number[]): void {
    this.failures.push(...statuses.map((status) => ({ status, kind })));
  }
  /**
   * The next call (of `kind`, if given) answers only after `ms`, so the client may time out
   * first. With `applied`, its changes are made before the wait: the response is what gets lost.
   */
  stallNext(ms: number, opts: { kind?: RequestKind; applied?: boolean } = {}): void {
    this.stalls.push({ ms, kind: opts.kind, applied: opts.applied ?? false });
  }
  /** Every call for this spreadsheet answers `status` (403: not shared; 404: no such file). */
  refuse(spreadsheetId: string, status: 403 | 404 = 403): void {
    this.refused.set(spreadsheetId, status);
  }

  count(kind: RequestKind): number {
    return this.requests.filter((r) => kindOf(r) === kind).length;
  }
  /** Forgets the recorded requests and any failure or stall still queued. */
  clearLog(): void {
    this.requests.length = 0;
    this.failures = [];
    this.stalls = [];
  }

  /** The tabs a spreadsheet has now; a new id starts as a fresh spreadsheet with one tab. */
  sheets(id: string): Sheet[] {
    let book = this.books.get(id);
    if (!book) {
      book = [{ sheetId: 0, title: 'Trang tính1', charts: [], grid: new Map() }];
      this.books.set(id, book);
    }
    return book;
  }

  cell(id: string, title: string, a1: string): GridCell | undefined {
    return this.sheets(id).find((s) => s.title === title)?.grid.get(a1);
  }

  /** The highest row (1-based) holding a value on a tab; 0 when empty. */
  lastRow(id: string, title: string): number {
    const grid = this.sheets(id).find((s) => s.title === title)?.grid ?? new Map<string, GridCell>();
    return Math.max(0, ...[...grid.keys()].map((a1) => parseA1(a1)[0] + 1));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    const body: unknown = text.length > 0 ? JSON.parse(text) : null;
    const recorded = { method: req.method ?? '', path, body };
    this.requests.push(recorded);
    const stall = take(this.stalls, kindOf(recorded));
    const failure = take(this.failures, kindOf(recorded));
    let status = 200;
    let answer: unknown;
    const run = (): void => {
      try {
        if (failure !== undefined) throw new ApiError(failure.status, `injected failure ${failure.status}`);
        answer = this.route(recorded.method, path, body);
      } catch (error) {
        status = error instanceof ApiError ? error.status : 400;
        const message = error instanceof Error ? error.message : String(error);
        answer = { error: { code: status, message, status: status === 403 ? 'PERMISSION_DENIED' : 'FAILED' } };
      }
    };
    if (stall?.applied) run();
    if (stall !== undefined) await new Promise((resolve) => setTimeout(resolve, stall.ms));
    if (res.destroyed || req.socket.destroyed) return;
    if (!stall?.applied) run();
    send(res, status, answer);
  }

  private route(method: string, path: string, body: unknown): unknown {
    const match = /^\/v4\/spreadsheets\/([^/:]+)(:batchUpdate|\/values:batchUpdate)?$/.exec(path);
    const id = match?.[1];
    if (!id) throw new ApiError(404, `no route ${method} ${path}`);
    const refused = this.refused.get(id);
    if (refused !== undefined) throw new ApiError(refused, refused === 403 ? 'The caller does not have permission' : 'Requested entity was not found.');
    if (method === 'GET' && match[2] === undefined) return this.snapshot(id);
    if (method === 'POST' && match[2] === ':batchUpdate') return this.batchUpdate(id, BatchUpdate.parse(body));
    if (method === 'POST' && match[2] === '/values:batchUpdate') return this.values(id, ValuesBatchUpdate.parse(body));
    throw new ApiError(404, `no route ${method} ${path}`);
  }

  private snapshot(id: string): unknown {
    return {
      spreadsheetId: id,
      sheets: this.sheets(id).map((s, index) => ({
        properties: { sheetId: s.sheetId, title: s.title, index },
        ...(s.charts.length > 0 ? { charts: s.charts.map((chartId) => ({ chartId })) } : {}),
      })),
    };
  }

  /** Applies the requests to a copy; the spreadsheet changes only if all of them succeed. */
  private batchUpdate(id: string, body: z.infer<typeof BatchUpdate>): unknown {
    const book = this.sheets(id).map((s) => ({ ...s, charts: [...s.charts], grid: new Map(s.grid) }));
    const byId = (sheetId: number): Sheet => {
      const sheet = book.find((s) => s.sheetId === sheetId);
      if (!sheet) throw new ApiError(400, `No grid with id: ${sheetId}`);
      return sheet;
    };
    const replies = body.requests.map((r) => {
      if (r.addSheet) {
        const { sheetId = this.nextId++, title = `Sheet${book.length + 1}` } = r.addSheet.properties;
        if (book.some((s) => s.sheetId === sheetId || s.title === title)) throw new ApiError(400, `sheet ${sheetId} / ${title} already exists`);
        book.push({ sheetId, title, charts: [], grid: new Map() });
        return { addSheet: { properties: { sheetId, title } } };
      }
      if (r.deleteSheet) {
        const sheet = byId(r.deleteSheet.sheetId);
        if (book.length === 1) throw new ApiError(400, 'cannot delete the last sheet');
        book.splice(book.indexOf(sheet), 1);
      }
      if (r.addChart) {
        const chartId = this.nextId++;
        byId(r.addChart.chart.position.overlayPosition.anchorCell.sheetId).charts.push(chartId);
        return { addChart: { chart: { chartId } } };
      }
      if (r.deleteEmbeddedObject) {
        const objectId = r.deleteEmbeddedObject.objectId;
        const sheet = book.find((s) => s.charts.includes(objectId));
        if (!sheet) throw new ApiError(400, `No embedded object with id: ${objectId}`);
        sheet.charts = sheet.charts.filter((c) => c !== objectId);
      }
      if (r.updateCells?.range && r.updateCells.fields === '*') byId(r.updateCells.range.sheetId).grid.clear();
      if (r.updateSheetProperties) {
        // Moving a tab to an index shifts the others, as Sheets does.
        const { sheetId, index } = r.updateSheetProperties.properties;
        const sheet = byId(sheetId);
        if (index !== undefined) book.splice(index, 0, ...book.splice(book.indexOf(sheet), 1));
      }
      return {};
    });
    this.books.set(id, book);
    return { spreadsheetId: id, replies };
  }

  private values(id: string, body: z.infer<typeof ValuesBatchUpdate>): unknown {
    const book = this.sheets(id);
    for (const { range, values } of body.data) {
      const match = /^'((?:[^']|'')+)'!([A-Z]+\d+)(?::[A-Z]+\d+)?$/.exec(range);
      const sheet = book.find((s) => s.title === match?.[1]?.replace(/''/g, "'"));
      if (!match?.[2] || !sheet) throw new ApiError(400, `Unable to parse range: ${range}`);
      const [top, left] = parseA1(match[2]);
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null) sheet.grid.set(toA1(top + r, left + c), userEntered(value, body.valueInputOption === 'RAW'));
        }),
      );
    }
    return { spreadsheetId: id, totalUpdatedCells: body.data.reduce((n, d) => n + d.values.flat().length, 0) };
  }
}

/** Removes and returns the first queued entry meant for this kind of call. */
function take<T extends { kind: RequestKind | undefined }>(queue: T[], kind: RequestKind | 'other'): T | undefined {
  const index = queue.findIndex((entry) => entry.kind === undefined || entry.kind === kind);
  return index < 0 ? undefined : queue.splice(index, 1)[0];
}

function kindOf(r: RecordedRequest): RequestKind | 'other' {
  if (r.method === 'GET') return 'get';
  if (r.path.endsWith('/values:batchUpdate')) return 'values';
  return r.path.endsWith(':batchUpdate') ? 'batchUpdate' : 'other';
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export const startSheetsRecorder = (): Promise<SheetsRecorder> => new SheetsRecorder().start();
