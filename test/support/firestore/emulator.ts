import { Firestore } from '@google-cloud/firestore';
import { afterAll, beforeAll, inject } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../local/src/emulator/emulator.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/support/emulator-global-setup.ts for the `emulator` project. */
    firestoreEmulator: { host: string; port: number } | undefined;
  }
}

export interface TestFirestore {
  /** A client of this file's own demo project (available from beforeAll on). */
  readonly db: Firestore;
  readonly projectId: string;
  /** `127.0.0.1:PORT` */
  readonly hostPort: string;
  /** Deletes every document of this file's project. */
  clear(): Promise<void>;
}

/**
 * Gives a test file a Firestore client on the shared emulator (from the globalSetup) in its
 * own `demo-*` project. Without the globalSetup (a file run under another project) it starts
 * a private emulator for the file instead.
 */
export function useFirestore(projectId: `demo-${string}`): TestFirestore {
  let db: Firestore | undefined;
  let hostPort: string | undefined;
  let own: RunningEmulator | undefined;

  beforeAll(async () => {
    let shared = inject('firestoreEmulator');
    if (shared === undefined) {
      own = await startEmulator({ projectId });
      shared = { host: own.host, port: own.port };
    }
    hostPort = `${shared.host}:${shared.port}`;
    process.env.FIRESTORE_EMULATOR_HOST = hostPort;
    process.env.METADATA_SERVER_DETECTION = 'none';
    db = new Firestore({ projectId, host: shared.host, port: shared.port, ssl: false });
    await clearProject(hostPort, projectId);
  });

  afterAll(async () => {
    await db?.terminate();
    await own?.stop();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useFirestore: the emulator is not ready (use it inside tests or hooks)');
    return value;
  };
  return {
    projectId,
    get db() {
      return ready(db);
    },
    get hostPort() {
      return ready(hostPort);
    },
    clear: () => clearProject(ready(hostPort), projectId),
  };
}

async function clearProject(hostPort: string, projectId: string): Promise<void> {
  const url = `http://${hostPort}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
  const res = await fetch(url, { method: 'DELETE' });
  if (!res.ok) throw new Error(`Clearing emulator project ${projectId} failed: HTTP ${res.status}`);
}
