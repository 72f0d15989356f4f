import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { findEmulator, type EmulatorInstall } from './find-emulator.js';

export {
  EmulatorSetupError,
  INSTALL_HINT,
  JAR_ENV,
  checkJava,
  findEmulator,
  locateJar,
  type EmulatorInstall,
  type FindEmulatorOptions,
} from './find-emulator.js';

/**
 * Runs the official Cloud Firestore emulator as a direct child JVM (the gcloud wrapper script
 * does not `exec`, so killing it would leave Java running). The JVM is killed on stop(), on
 * process exit, SIGINT and SIGTERM, and by a watchdog if this process dies without notice.
 */
export interface StartEmulatorOptions {
  /** A `demo-*` id keeps every client away from real projects. */
  readonly projectId: string;
  readonly rulesPath?: string;
  /** Defaults to a free loopback port. */
  readonly port?: number;
  /** Keeps data between runs: imported on start, exported on stop(). */
  readonly dataDir?: string;
  /** Receives every output line of the emulator (default: silent). */
  readonly log?: (line: string) => void;
  readonly install?: EmulatorInstall;
  readonly readyTimeoutMs?: number;
}

export interface RunningEmulator {
  readonly host: string;
  readonly port: number;
  readonly projectId: string;
  /** `127.0.0.1:PORT`, the value of FIRESTORE_EMULATOR_HOST. */
  readonly hostPort: string;
  /** Exports to dataDir (when given), then kills the JVM. Safe to call twice. */
  stop(): Promise<void>;
  /** Deletes every document of the project (default: the emulator's own projectId). */
  clear(projectId?: string): Promise<void>;
  /**
   * Exports now to dataDir (what a later start imports). The emulator keeps data in memory
   * only: what was not exported is lost when the JVM dies.
   */
  exportData(): Promise<void>;
  /** Kills the JVM with SIGKILL, without exporting (a crash, for fault tests). */
  kill(): Promise<void>;
}

const HOST = '127.0.0.1';
const EXPORT_NAME = 'firestore_export';
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';
const TAIL_LINES = 30;

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const install = options.install ?? (await findEmulator());
  const port = options.port ?? (await freePort());
  const hostPort = `${HOST}:${port}`;
  const base = `http://${hostPort}`;
  const args = [
    '-Duser.language=en',
    '-cp',
    install.jar,
    MAIN_CLASS,
    'start',
    `--host=${HOST}`,
    `--port=${port}`,
    `--project_id=${options.projectId}`,
  ];
  if (options.rulesPath !== undefined) args.push(`--rules=${resolve(options.rulesPath)}`);
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  const snapshot = dataDir === undefined ? undefined : join(dataDir, EXPORT_NAME, `${EXPORT_NAME}.overall_export_metadata`);
  if (snapshot !== undefined && existsSync(snapshot)) args.push(`--import-data=${snapshot}`);

  const child = spawn(install.java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const onLine = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      options.log?.(line);
    }
  };
  child.stdout.on('data', onLine);
  child.stderr.on('data', onLine);
  track(child);

  try {
    await waitUntilReady(base, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await killChild(child);
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Firestore emulator did not start on ${hostPort}: ${detail}\n--- emulator output (tail) ---\n${tail.join('\n')}`);
  }

  let stopped: Promise<void> | undefined;
  return {
    host: HOST,
    port,
    projectId: options.projectId,
    hostPort,
    stop: () => {
      stopped ??= (async () => {
        try {
          if (dataDir !== undefined && child.exitCode === null) await exportTo(base, options.projectId, dataDir);
        } finally {
          await killChild(child);
        }
      })();
      return stopped;
    },
    exportData: async () => {
      if (dataDir === undefined) throw new Error('exportData() needs the dataDir option');
      await exportTo(base, options.projectId, dataDir);
    },
    kill: async () => {
      stopped ??= killChild(child, 'SIGKILL');
      await stopped;
    },
    clear: async (projectId = options.projectId) => {
      const url = `${base}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
      const res = await fetch(url, { method: 'DELETE' });
      if (!res.ok) throw new Error(`Clearing emulator project ${projectId} failed: HTTP ${res.status}`);
    },
  };
}

async function waitUntilReady(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `the JVM exited (${signal ?? `code ${code}`})`));
  child.once('error', (error) => (exited = `java could not be started (${error.message})`));
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(exited);
    try {
      const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(1_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(exited ?? `no HTTP 200 from ${base}/ within ${Math.round(timeoutMs / 1000)} s`);
}

async function exportTo(base: string, projectId: string, dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const res = await fetch(`${base}/emulator/v1/projects/${projectId}:export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      database: `projects/${projectId}/databases/(default)`,
      export_directory: dataDir,
      export_name: EXPORT_NAME,
    }),
  });
  if (!res.ok) throw new Error(`Exporting emulator data to ${dataDir} failed: HTTP ${res.status} ${await res.text()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        if (port > 0) resolvePort(port);
        else reject(new Error('no free port'));
      });
    });
  });
}

// ---- lifetime: never let the JVM outlive this process ----

interface Tracked {
  readonly child: ChildProcess;
  readonly watchdog: ChildProcess | undefined;
}

const running = new Map<ChildProcess, Tracked>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function killAll(): void {
  for (const { child, watchdog } of running.values()) {
    child.kill('SIGKILL');
    watchdog?.kill('SIGKILL');
  }
  running.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  uninstallHandlers();
  // Nobody else handles the signal: restore the default behaviour (terminate).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installHandlers(): void {
  process.on('exit', killAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstallHandlers(): void {
  process.off('exit', killAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

function track(child: ChildProcess): void {
  if (running.size === 0) installHandlers();
  running.set(child, { child, watchdog: startWatchdog(child) });
  child.once('exit', () => { untrack(child); });
}

function untrack(child: ChildProcess): void {
  const tracked = running.get(child);
  if (tracked === undefined) return;
  tracked.watchdog?.kill('SIGKILL');
  running.delete(child);
  if (running.size === 0) uninstallHandlers();
}

/** A shell loop that kills the JVM once this process is gone (covers SIGKILL and OOM). */
function startWatchdog(child: ChildProcess): ChildProcess | undefined {
  if (process.platform === 'win32' || child.pid === undefined) return undefined;
  const script = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; kill -9 "$2" 2>/dev/null';
  const watchdog = spawn('sh', ['-c', script, 'firestore-emulator-watchdog', String(process.pid), String(child.pid)], {
    stdio: 'ignore',
    detached: true,
  });
  watchdog.on('error', () => undefined);
  watchdog.unref();
  return watchdog;
}

async function killChild(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    untrack(child);
    return;
  }
  const exited = new Promise<void>((r) => child.once('exit', () => { r(); }));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  untrack(child);
}
