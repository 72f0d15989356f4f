import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { CallCounter, type CallCounts } from './apps-script/counting.js';
import { FakeRange, FakeSheet, FakeSpreadsheet } from './apps-script/grid.js';
import { FakeDataValidation, FakeDataValidationBuilder, FakeProtection } from './apps-script/rules.js';
import { FakeCache, FakeMailApp, FakeProperties, FakeUrlFetchApp, FakeUtilities, type CachePut, type FetchFault, type FetchRecord, type SentMail, type SyncTransport } from './apps-script/services.js';
import { snapshotOf, type SheetSnapshot } from './apps-script/snapshot.js';
import { FakeHtmlService, FakeUi, type ButtonName, type PromptReply, type UiLog } from './apps-script/ui.js';

export { cellAt, columnValues, type SheetSnapshot } from './apps-script/snapshot.js';
export type { CallCounts } from './apps-script/counting.js';
export type { CachePut, FetchFault, FetchRecord, SentMail, SyncTransport } from './apps-script/services.js';
export type { PromptReply, UiLog } from './apps-script/ui.js';

/**
 * The built add-on (sheets-addon/dist/Code.js) evaluated in a Node `vm` context with fakes of
 * the Apps Script services it uses. Every call on the spreadsheet services and UrlFetchApp is
 * counted (serviceCallCounts). UrlFetchApp is synchronous as in Apps Script: the transport is
 * a blocking function — apps-script-session.ts runs this environment in a worker thread whose
 * transport waits on Atomics while the main thread performs the real HTTP request.
 */
export const ADDON_DIST = resolve(import.meta.dirname, '../../../sheets-addon/dist');
export const ADDON_NAME = 'Đánh giá đảng viên';

export interface EnvironmentOptions {
  readonly user: string;
  readonly identityToken: string;
  readonly timeZone?: string;
  readonly distDir?: string;
  /** Without one, any fetch fails as if offline. */
  readonly transport?: SyncTransport;
}

/** What a test (directly, or through the worker session) may ask of the environment. */
export interface AddonCommands {
  run(entry: string, ...args: unknown[]): unknown;
  scriptPrompts(...replies: PromptReply[]): void;
  scriptAlerts(...buttons: ButtonName[]): void;
  failNextFetch(...faults: FetchFault[]): void;
  edit(sheetName: string, a1: string, values: unknown[][]): void;
  /** Types text as a secretary would in a vi_VN spreadsheet: what looks like a number becomes one unless the cell is plain text. */
  type(sheetName: string, a1: string, values: string[][]): void;
  activate(sheetName: string): void;
  snapshot(sheetName: string, area?: { rows?: number; columns?: number }): SheetSnapshot | null;
  sheetNames(): string[];
  activeRange(): { sheet: string; a1: string } | null;
  uiLog(): UiLog;
  fetchLog(): FetchRecord[];
  /** Every put on the user's cache, in order. */
  cachePuts(): CachePut[];
  mails(): SentMail[];
  sleeps(): number[];
  calls(): CallCounts;
  resetCalls(): void;
  properties(kind: 'script' | 'document' | 'user'): Record<string, string>;
  setScriptProperty(key: string, value: string): void;
  setIdentity(user: string, identityToken: string): void;
}

const OFFLINE: SyncTransport = (request) => {
  throw new Error(`Exception: DNS error: ${request.url}`);
};

export class AppsScriptEnvironment implements AddonCommands {
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui = new FakeUi(ADDON_NAME);
  readonly urlFetch: FakeUrlFetchApp;
  readonly utilities = new FakeUtilities();
  readonly scriptProps = new FakeProperties();
  readonly documentProps = new FakeProperties();
  readonly userProps = new FakeProperties();
  readonly mailApp = new FakeMailApp();
  readonly userCache = new FakeCache();
  readonly documentCache = new FakeCache();
  private readonly counter = new CallCounter(
    new Map<abstract new (...args: never[]) => object, string>([
      [FakeSpreadsheet, 'Spreadsheet'],
      [FakeSheet, 'Sheet'],
      [FakeRange, 'Range'],
      [FakeProtection, 'Protection'],
      [FakeDataValidationBuilder, 'DataValidationBuilder'],
      [FakeDataValidation, 'DataValidation'],
      [FakeUi, 'Ui'],
      [FakeProperties, 'Properties'],
      [FakeMailApp, 'MailApp'],
      [FakeCache, 'Cache'],
    ]),
  );
  private readonly context: vm.Context;
  private user: string;
  private token: string;

  constructor(options: EnvironmentOptions) {
    const distDir = options.distDir ?? ADDON_DIST;
    this.user = options.user;
    this.token = options.identityToken;
    this.spreadsheet = new FakeSpreadsheet('Đánh giá đảng viên — Chi bộ', options.timeZone ?? 'Asia/Ho_Chi_Minh');
    this.urlFetch = new FakeUrlFetchApp(options.transport ?? OFFLINE);
    const readFile = (name: string) => readFileSync(join(distDir, `${name}.html`), 'utf8');
    const spreadsheetApp = {
      getActiveSpreadsheet: () => this.spreadsheet,
      getActive: () => this.spreadsheet,
      getUi: () => this.ui,
      newDataValidation: () => new FakeDataValidationBuilder(),
      flush: () => undefined,
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    };
    const user = () => ({ getEmail: () => this.user });
    this.context = vm.createContext({
      SpreadsheetApp: this.counter.wrap(spreadsheetApp, 'SpreadsheetApp'),
      UrlFetchApp: this.counter.wrap(this.urlFetch, 'UrlFetchApp'),
      MailApp: this.counter.wrap(this.mailApp, 'MailApp'),
      ScriptApp: { getIdentityToken: () => this.token, AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL' } },
      PropertiesService: {
        getScriptProperties: () => this.counter.wrap(this.scriptProps),
        getDocumentProperties: () => this.counter.wrap(this.documentProps),
        getUserProperties: () => this.counter.wrap(this.userProps),
      },
      CacheService: {
        getUserCache: () => this.counter.wrap(this.userCache),
        getDocumentCache: () => this.counter.wrap(this.documentCache),
        getScriptCache: () => { throw new Error('the add-on has no reason to share a cache between all its users'); },
      },
      HtmlService: new FakeHtmlService(readFile),
      Utilities: this.utilities,
      Session: { getActiveUser: user, getEffectiveUser: user, getScriptTimeZone: () => this.spreadsheet.timeZone, getActiveUserLocale: () => 'vi' },
      Logger: { log: () => undefined },
      console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    new vm.Script(readFileSync(join(distDir, 'Code.js'), 'utf8'), { filename: 'Code.js' }).runInContext(this.context);
  }

  run(entry: string, ...args: unknown[]): unknown {
    const fn: unknown = this.context[entry];
    if (typeof fn !== 'function') throw new Error(`Code.js declares no top-level function ${entry}`);
    const result: unknown = fn(...args);
    return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
  }
  scriptPrompts(...replies: PromptReply[]): void {
    this.ui.promptReplies.push(...replies);
  }
  scriptAlerts(...buttons: ButtonName[]): void {
    this.ui.alertReplies.push(...buttons);
  }
  failNextFetch(...faults: FetchFault[]): void {
    this.urlFetch.faults.push(...faults);
  }
  private sheet(name: string): FakeSheet {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }
  edit(sheetName: string, a1: string, values: unknown[][]): void {
    const start = this.sheet(sheetName).getRange(a1);
    const width = Math.max(...values.map((line) => line.length));
    const padded = values.map((line) => Array.from({ length: width }, (_, i) => line[i] ?? ''));
    this.sheet(sheetName).getRange(start.getRow(), start.getColumn(), values.length, width).setValues(padded);
  }
  type(sheetName: string, a1: string, values: string[][]): void {
    const sheet = this.sheet(sheetName);
    const start = sheet.getRange(a1);
    values.forEach((line, r) =>
      line.forEach((text, c) => {
        const row = start.getRow() + r;
        const column = start.getColumn() + c;
        const plain = sheet.get(sheet.numberFormats, row, column) === '@';
        sheet.getRange(row, column).setValue(plain ? text : typedInViVn(text));
      }),
    );
  }
  activate(sheetName: string): void {
    this.sheet(sheetName).activate();
  }
  snapshot(sheetName: string, area: { rows?: number; columns?: number } = {}): SheetSnapshot | null {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    return sheet ? snapshotOf(sheet, area) : null;
  }
  sheetNames(): string[] {
    return this.spreadsheet.getSheets().map((s) => s.getName());
  }
  activeRange(): { sheet: string; a1: string } | null {
    const range = this.spreadsheet.activeRange;
    return range ? { sheet: range.getSheet().getName(), a1: range.getA1Notation() } : null;
  }
  uiLog(): UiLog {
    return { ...this.ui.log, toasts: [...this.spreadsheet.toasts] };
  }
  fetchLog(): FetchRecord[] {
    return [...this.urlFetch.records];
  }
  cachePuts(): CachePut[] {
    return [...this.userCache.puts];
  }
  mails(): SentMail[] {
    return [...this.mailApp.sent];
  }
  sleeps(): number[] {
    return [...this.utilities.sleeps];
  }
  calls(): CallCounts {
    return this.counter.snapshot();
  }
  resetCalls(): void {
    this.counter.reset();
  }
  properties(kind: 'script' | 'document' | 'user'): Record<string, string> {
    return (kind === 'script' ? this.scriptProps : kind === 'user' ? this.userProps : this.documentProps).getProperties();
  }
  setScriptProperty(key: string, value: string): void {
    this.scriptProps.setProperty(key, value);
  }
  setIdentity(user: string, identityToken: string): void {
    this.user = user;
    this.token = identityToken;
  }
}

/**
 * What Google Sheets in the vi_VN locale makes of typed text in an automatic-format cell: “.”
 * groups thousands and “,” is the decimal mark, so “79.012010” is the number 79012010 and
 * “79,5” is 79.5 (other text stays text).
 */
export function typedInViVn(text: string): unknown {
  if (/^-?\d+(\.\d+)+(,\d+)?$/.test(text) || /^-?\d+(,\d+)?$/.test(text)) return Number(text.replace(/\./g, '').replace(',', '.'));
  return text;
}

/** The number of spreadsheet-service and UrlFetchApp calls so far (for tests and benchmarks). */
export async function serviceCallCounts(env: { calls(): CallCounts | Promise<CallCounts> }): Promise<CallCounts> {
  return env.calls();
}

/** The SidebarState JSON printed into a captured sidebar's HTML. */
export function sidebarJson(html: string): unknown {
  const match = /<script type="application\/json" id="initial-state">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no initial-state script in the sidebar HTML');
  return JSON.parse(match[1]);
}
