/**
 * Counts every call the add-on makes on a fake service object. Objects are wrapped in a
 * Proxy per class label; whatever a call returns that is itself a counted fake is wrapped too,
 * and wrapped fakes passed back as arguments are unwrapped.
 */
export interface CallCounts {
  /** Calls on SpreadsheetApp and everything reached from it (spreadsheets, sheets, ranges, rules). */
  readonly spreadsheet: number;
  readonly urlFetch: number;
  /** Calls on CacheService caches (the sidebar's progress line). */
  readonly cache: number;
  readonly byMethod: Readonly<Record<string, number>>;
}

export const SPREADSHEET_LABELS: ReadonlySet<string> = new Set(['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range', 'Protection', 'DataValidationBuilder', 'DataValidation']);

type Ctor = abstract new (...args: never[]) => object;

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  constructor(private readonly labels: ReadonlyMap<Ctor, string>) {}

  private labelOf(value: object): string | undefined {
    for (const [ctor, label] of this.labels) if (value instanceof ctor) return label;
    return undefined;
  }

  wrap<T>(value: T, label?: string): T {
    if (Array.isArray(value)) return value.map((item: unknown) => this.wrap(item)) as T;
    if (typeof value !== 'object' || value === null) return value;
    const known = label ?? this.labelOf(value);
    if (known === undefined) return value;
    const existing = this.proxies.get(value);
    if (existing) return existing as T;
    const proxy = new Proxy(value, {
      get: (target, property, receiver) => {
        const member: unknown = Reflect.get(target, property, receiver);
        if (typeof member !== 'function' || typeof property !== 'string') return member;
        return (...args: unknown[]) => {
          const name = `${known}.${property}`;
          this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
          return this.wrap(member.apply(target, args.map((a) => this.unwrap(a))));
        };
      },
    });
    this.proxies.set(value, proxy);
    this.targets.set(proxy, value);
    return proxy;
  }

  unwrap(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.unwrap(item));
    if (typeof value !== 'object' || value === null) return value;
    return this.targets.get(value) ?? value;
  }

  snapshot(): CallCounts {
    const byMethod = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    let spreadsheet = 0;
    for (const [name, n] of this.counts) if (SPREADSHEET_LABELS.has(name.split('.')[0] ?? '')) spreadsheet += n;
    let cache = 0;
    for (const [name, n] of this.counts) if (name.startsWith('Cache.')) cache += n;
    return { spreadsheet, urlFetch: this.counts.get('UrlFetchApp.fetch') ?? 0, cache, byMethod };
  }

  reset(): void {
    this.counts.clear();
  }
}
