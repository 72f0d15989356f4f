import type { Firestore } from '@google-cloud/firestore';

/**
 * Counts the Firestore RPCs one client sends, at the client boundary: every call the client
 * makes on its GAPIC `FirestoreClient` (one call = one RPC on the wire; the library's own
 * stream retries call again, so they are counted; a unary retry inside google-gax is not, and
 * the emulator never asks for one).
 *
 * Why here, and how. `@google-cloud/firestore` 8.x takes no gRPC interceptors: it hands
 * google-gax only the settings named `grpc.*`, and grpc-js reads interceptors from an
 * `interceptors` option. So this wraps the methods of the GAPIC clients in the client's pool
 * (`db._clientPool`: the ones it holds now, and every one its `clientFactory` makes later).
 * That is an internal of the library, used by benchmarks only; if a new version changes it,
 * countFirestoreRpcs throws and says so (the bench smoke test runs it).
 *
 * What is counted, from the messages themselves:
 * - `commits`: commit RPCs; `writes`: the mutations they carry (one per document set, updated
 *   or deleted; batchWrite counts the same way);
 * - `documentsRead`: documents answered by batchGetDocuments (`found`) and by queries
 *   (`runQuery` results with a document); `missing`: batchGet lookups of absent documents
 *   (Firestore bills those as reads too);
 * - `rpcs`: every RPC by method name (batchGetDocuments, runQuery, beginTransaction, rollback…).
 *   A transaction's first read starts it (`newTransaction`), so there is no beginTransaction.
 */
export interface FirestoreCounts {
  readonly rpcs: Readonly<Record<string, number>>;
  readonly rpcTotal: number;
  readonly commits: number;
  readonly writes: number;
  readonly documentsRead: number;
  readonly missing: number;
  /** Reads as Firestore bills them: documents read + missing lookups + 1 per query that returned nothing. */
  readonly billedReads: number;
}

export interface FirestoreCounter {
  snapshot(): FirestoreCounts;
  reset(): void;
  /** Counts during fn only (from zero), then returns them with fn's result. */
  measure<T>(fn: () => Promise<T>): Promise<{ result: T; counts: FirestoreCounts }>;
  /** Puts the client back as it was. */
  restore(): void;
}

const UNARY = ['commit', 'batchWrite', 'beginTransaction', 'rollback', 'getDocument', 'createDocument', 'updateDocument', 'deleteDocument', 'listDocuments', 'listCollectionIds', 'partitionQuery'];
const STREAMING = ['batchGetDocuments', 'runQuery', 'runAggregationQuery', 'executePipeline', 'listen', 'write'];

class InternalsChanged extends Error {
  constructor(what: string) {
    super(`bench/firestore-counter.ts: @google-cloud/firestore internals changed (${what}); update the counter for this version`);
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const field = (value: unknown, name: string): unknown => (isObject(value) ? Reflect.get(value, name) : undefined);

export function countFirestoreRpcs(db: Firestore): FirestoreCounter {
  const pool: unknown = Reflect.get(db, '_clientPool');
  const factory = field(pool, 'clientFactory');
  const active = field(pool, 'activeClients');
  if (!isObject(pool) || typeof factory !== 'function' || !(active instanceof Map)) throw new InternalsChanged('Firestore._clientPool.clientFactory / activeClients');

  let rpcs = new Map<string, number>();
  let counts = { commits: 0, writes: 0, documentsRead: 0, missing: 0 };
  /** Results per query RPC (a query that returns nothing is billed one read). */
  let queries: { results: number }[] = [];
  /** What restore() puts back: own properties get their value again, prototype methods show through. */
  const patched: { target: object; name: string; own: boolean; original: unknown }[] = [];

  const patch = (
    target: object,
    name: string,
    replacement: (original: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
    restorable = true,
  ): boolean => {
    const original: unknown = Reflect.get(target, name);
    if (typeof original !== 'function') return false;
    const call = (...args: unknown[]): unknown => Reflect.apply(original, target, args);
    if (restorable) patched.push({ target, name, own: Object.hasOwn(target, name), original });
    Reflect.set(target, name, replacement(call));
    return true;
  };

  const onCall = (method: string, request: unknown): void => {
    rpcs.set(method, (rpcs.get(method) ?? 0) + 1);
    if (method === 'commit') counts.commits += 1;
    if (method === 'commit' || method === 'batchWrite') {
      const writes = field(request, 'writes');
      counts.writes += Array.isArray(writes) ? writes.length : 0;
    }
  };

  /** Watches the messages a stream delivers, without consuming or reordering them. */
  const tap = (method: string, stream: unknown): void => {
    if (!isObject(stream)) return;
    const query = { results: 0 };
    if (method === 'runQuery' || method === 'runAggregationQuery') queries.push(query);
    patch(stream, 'emit', (emit) => (...args: unknown[]) => {
      const [event, message] = args;
      if (event === 'data') {
        if (method === 'batchGetDocuments') {
          if (field(message, 'found')) counts.documentsRead += 1;
          else if (field(message, 'missing')) counts.missing += 1;
        } else if (method === 'runQuery' && field(message, 'document')) {
          counts.documentsRead += 1;
          query.results += 1;
        } else if (method === 'runAggregationQuery' && field(message, 'result')) {
          query.results += 1;
        }
      }
      return emit(...args);
    }, false); // streams are short-lived: nothing to restore
  };

  const instrumented = new WeakSet<object>();
  const instrument = (client: unknown): void => {
    if (!isObject(client) || instrumented.has(client)) return;
    instrumented.add(client);
    if (typeof Reflect.get(client, 'commit') !== 'function' || typeof Reflect.get(client, 'batchGetDocuments') !== 'function') {
      throw new InternalsChanged('a pooled client has no commit/batchGetDocuments method');
    }
    for (const method of UNARY) {
      patch(client, method, (original) => (...args: unknown[]) => {
        onCall(method, args[0]);
        return original(...args);
      });
    }
    for (const method of STREAMING) {
      patch(client, method, (original) => (...args: unknown[]) => {
        onCall(method, args[0]);
        const stream = original(...args);
        tap(method, stream);
        return stream;
      });
    }
  };

  const clients: unknown[] = [...active.keys()];
  clients.forEach(instrument);
  patch(pool, 'clientFactory', (original) => (...args: unknown[]) => {
    const client = original(...args);
    instrument(client);
    return client;
  });

  const snapshot = (): FirestoreCounts => {
    const byMethod = Object.fromEntries([...rpcs].sort(([a], [b]) => a.localeCompare(b)));
    return {
      rpcs: byMethod,
      rpcTotal: [...rpcs.values()].reduce((a, b) => a + b, 0),
      commits: counts.commits,
      writes: counts.writes,
      documentsRead: counts.documentsRead,
      missing: counts.missing,
      billedReads: counts.documentsRead + counts.missing + queries.filter((q) => q.results === 0).length,
    };
  };
  const reset = (): void => {
    rpcs = new Map();
    counts = { commits: 0, writes: 0, documentsRead: 0, missing: 0 };
    queries = [];
  };
  return {
    snapshot,
    reset,
    async measure(fn) {
      reset();
      const result = await fn();
      return { result, counts: snapshot() };
    },
    restore() {
      for (const { target, name, own, original } of patched.splice(0).reverse()) {
        if (own) Reflect.set(target, name, original);
        else Reflect.deleteProperty(target, name);
      }
    },
  };
}
