import { randomUUID } from 'node:crypto';

/** PropertiesService, Utilities, Session and UrlFetchApp as Apps Script behaves. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;

/** One CacheService put, in order: what a poll would have read at that moment. */
export interface CachePut {
  readonly key: string;
  readonly value: string;
  readonly seconds: number | undefined;
}

/** CacheService's Cache: strings by key (expiry is not modelled; every put is logged). */
export class FakeCache {
  readonly data = new Map<string, string>();
  readonly puts: CachePut[] = [];
  get(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  put(key: string, value: string, seconds?: number): void {
    if (typeof value !== 'string') throw new Error(`Exception: cache value of ${key} must be a string`);
    if (seconds !== undefined && (seconds < 1 || seconds > 21_600)) throw new Error(`Exception: expiration of ${key} out of range: ${seconds}`);
    this.data.set(key, value);
    this.puts.push({ key, value, seconds });
  }
  remove(key: string): void {
    this.data.delete(key);
  }
}

export class FakeProperties {
  readonly data = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    if (typeof value !== 'string') throw new Error(`Exception: property ${key} must be a string`);
    if (value.length > PROPERTY_VALUE_LIMIT) throw new Error(`Exception: Argument too large: value (property ${key}, ${value.length} characters)`);
    this.data.set(key, value);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.data);
  }
  getKeys(): string[] {
    return [...this.data.keys()];
  }
  deleteProperty(key: string): this {
    this.data.delete(key);
    return this;
  }
}

/** Java SimpleDateFormat's yyyy MM dd HH mm ss, in a time zone. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(date.getTime()));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const tokens: Record<string, string> = { yyyy: part('year'), MM: part('month'), dd: part('day'), HH: part('hour'), mm: part('minute'), ss: part('second') };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => tokens[token] ?? token);
}

export class FakeUtilities {
  readonly sleeps: number[] = [];
  getUuid(): string {
    return randomUUID();
  }
  sleep(ms: number): void {
    this.sleeps.push(ms);
  }
  formatDate(date: Date, timeZone: string, pattern: string): string {
    return formatDate(date, timeZone, pattern);
  }
  /** Apps Script gives Java bytes: signed, -128…127. */
  base64DecodeWebSafe(text: string): number[] {
    return [...Buffer.from(text, 'base64url')].map((b) => (b > 127 ? b - 256 : b));
  }
  newBlob(bytes: readonly number[]): { getDataAsString(): string } {
    return { getDataAsString: () => Buffer.from(bytes.map((b) => (b < 0 ? b + 256 : b))).toString('utf8') };
  }
}

export interface HttpExchange {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string;
}
export interface HttpReply {
  readonly status: number;
  readonly body: string;
}
/** A synchronous HTTP call (a worker blocked on Atomics while the main thread fetches, or a stub). */
export type SyncTransport = (request: HttpExchange) => HttpReply;

/** What the next fetch does instead of a plain round trip. */
export type FetchFault =
  /** A plain round trip: lets a test aim the next fault at a later fetch. */
  | { readonly kind: 'pass' }
  | { readonly kind: 'throw-before' }
  /** The request reaches the server, which handles it, but the reply is lost. */
  | { readonly kind: 'throw-after' }
  | { readonly kind: 'reply'; readonly status: number; readonly body: string };

export interface FetchRecord {
  readonly url: string;
  readonly body: unknown;
  readonly authorization: string | null;
  readonly outcome: number | 'network-error';
}

export class FakeUrlFetchApp {
  readonly faults: FetchFault[] = [];
  readonly records: FetchRecord[] = [];
  constructor(private readonly transport: SyncTransport) {}

  fetch(url: string, params: { method?: string; payload?: unknown; headers?: Record<string, string>; muteHttpExceptions?: boolean; contentType?: string } = {}) {
    const payload = typeof params.payload === 'string' ? params.payload : '';
    const headers: Record<string, string> = { ...(params.headers ?? {}), ...(params.contentType ? { 'content-type': params.contentType } : {}) };
    const request: HttpExchange = { url, method: (params.method ?? 'get').toUpperCase(), headers, payload };
    const record = (outcome: FetchRecord['outcome']) =>
      this.records.push({ url, body: payload === '' ? null : JSON.parse(payload), authorization: headers.Authorization ?? null, outcome });
    const fault = this.faults.shift();
    if (fault?.kind === 'throw-before') {
      record('network-error');
      throw new Error(`Exception: Address unavailable: ${url}`);
    }
    const reply = fault?.kind === 'reply' ? { status: fault.status, body: fault.body } : this.transport(request);
    if (fault?.kind === 'throw-after') {
      record('network-error');
      throw new Error(`Exception: Timeout: ${url}`);
    }
    record(reply.status);
    if (reply.status >= 400 && params.muteHttpExceptions !== true) {
      throw new Error(`Exception: Request failed for ${url} returned code ${reply.status}. Truncated server response: ${reply.body.slice(0, 100)}`);
    }
    return {
      getResponseCode: () => reply.status,
      getContentText: () => reply.body,
      getHeaders: () => ({}),
    };
  }
}

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

/** MailApp: every message is recorded, none leaves the process; the daily quota counts down as Apps Script's does. */
export class FakeMailApp {
  readonly sent: SentMail[] = [];
  private quota = 100;
  sendEmail(message: { to?: unknown; subject?: unknown; body?: unknown }): void {
    if (typeof message.to !== 'string' || typeof message.subject !== 'string' || typeof message.body !== 'string') throw new Error('Exception: Invalid argument: sendEmail needs to, subject and body');
    if (this.quota <= 0) throw new Error('Exception: Service invoked too many times for one day: email.');
    this.quota--;
    this.sent.push({ to: message.to, subject: message.subject, body: message.body });
  }
  getRemainingDailyQuota(): number {
    return this.quota;
  }
}
