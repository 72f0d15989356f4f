import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { AddonCommands, EnvironmentOptions } from './apps-script-fakes.js';
import type { HttpExchange } from './apps-script/services.js';
import type { CommandMessage, CommandResult, FetchAnswer, WorkerInit } from './apps-script/worker.js';

/**
 * The built add-on in a worker thread, driven from the test (main) thread. Apps Script's
 * UrlFetchApp is synchronous and Node's fetch is not: the worker blocks on Atomics.wait while
 * this thread makes the REAL HTTP request (to the functions served on this process, which is
 * why the add-on cannot block this thread itself) and hands the reply back.
 */
export type AddonSession = {
  [K in keyof AddonCommands]: (...args: Parameters<AddonCommands[K]>) => Promise<ReturnType<AddonCommands[K]>>;
} & { close(): Promise<void> };

let workerFile: string | undefined;

/** The worker entry is TypeScript: bundled once per process with esbuild. */
function bundledWorker(): string {
  if (workerFile) return workerFile;
  const dir = mkdtempSync(join(tmpdir(), 'apps-script-worker-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const outfile = join(dir, 'worker.mjs');
  buildSync({
    entryPoints: [resolve(import.meta.dirname, 'apps-script/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    sourcemap: 'inline',
    define: { 'import.meta.dirname': JSON.stringify(import.meta.dirname) },
    logLevel: 'silent',
  });
  workerFile = outfile;
  return outfile;
}

async function realFetch(request: HttpExchange): Promise<FetchAnswer> {
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.method === 'GET' ? undefined : request.payload });
    return { reply: { status: response.status, body: await response.text() } };
  } catch (error) {
    return { networkError: error instanceof Error ? `${error.message} (${request.url})` : String(error) };
  }
}

export function startAddonSession(options: Omit<EnvironmentOptions, 'transport'>): AddonSession {
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const init: WorkerInit = { options, fetchPort: channel.port2, signal };
  const worker = new Worker(bundledWorker(), { workerData: init, transferList: [channel.port2] });
  channel.port1.on('message', (request: HttpExchange) => {
    void realFetch(request).then((answer) => {
      channel.port1.postMessage(answer);
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });

  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  worker.on('message', (result: CommandResult) => {
    const waiting = pending.get(result.id);
    pending.delete(result.id);
    if (!waiting) return;
    if (result.ok) waiting.resolve(result.value);
    else waiting.reject(Object.assign(new Error(result.message), { stack: result.stack }));
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });

  const call = (command: keyof AddonCommands, args: readonly unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      const message: CommandMessage = { id, command, args };
      worker.postMessage(message);
    });

  const session = new Proxy(
    {},
    {
      get: (_target, property) => {
        if (property === 'then') return undefined;
        if (property === 'close') {
          return async () => {
            channel.port1.close();
            await worker.terminate();
          };
        }
        return (...args: unknown[]) => call(property as keyof AddonCommands, args);
      },
    },
  );
  return session as AddonSession;
}
