import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import { createLocalIssuer, type LocalIssuer, type SignIdTokenInput } from '../identity/local-issuer.js';
import { LOCAL_JWKS_ENV } from '../../../functions/src/identity/keys.js';
import { applyBlocConfig, type ConfigChanges } from '../../../functions/src/bloc-config/apply.js';
import type { BlocConfig } from '../../../functions/src/bloc-config/schema.js';
import { EMULATOR_COMMIT_BUDGET, setDeps } from '../../../functions/src/deps.js';
import { startEmulator, type RunningEmulator } from '../emulator/emulator.js';
import { serveFunctions, type ServedFunctions } from './serve.js';

/**
 * The whole backend on this machine: the official Firestore emulator (started here or
 * shared), the bloc configuration applied, a local ID-token issuer the functions trust only
 * because they run against the emulator, and the functions served over HTTP.
 */
export interface LocalStackOptions {
  readonly projectId: `demo-${string}`;
  readonly config: BlocConfig;
  /** Reuse a running emulator (tests share one); otherwise one is started. */
  readonly emulator?: { readonly host: string; readonly port: number };
  /** Keep emulator data between runs (npm start). */
  readonly dataDir?: string;
  /** Where the local issuer keeps its key and public JWKS (default: a fresh temp folder). */
  readonly keyDir?: string;
  readonly port?: number;
  readonly log?: (line: string) => void;
}

export interface LocalStack {
  readonly baseUrl: string;
  readonly db: Firestore;
  readonly blocId: string;
  readonly projectId: string;
  readonly hostPort: string;
  readonly configChanges: ConfigChanges;
  readonly issuer: LocalIssuer;
  /** The emulator this stack started (null when it was given one); fault tests kill it. */
  readonly emulator: RunningEmulator | null;
  /** A real signed ID token for this e-mail, as ScriptApp.getIdentityToken() would give. */
  token(email: string, options?: Partial<SignIdTokenInput>): Promise<string>;
  /** The instant the functions see as “now” (null: the real clock); tokens keep the real clock. */
  setClock(at: Date | null): void;
  stop(): Promise<void>;
}

export const RULES_FILE = resolve(import.meta.dirname, '../../../firestore.rules');

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  let own: RunningEmulator | undefined;
  let served: ServedFunctions | undefined;
  let db: Firestore | undefined;
  try {
    if (!options.emulator) {
      own = await startEmulator({
        projectId: options.projectId,
        rulesPath: RULES_FILE,
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.log ? { log: options.log } : {}),
      });
    }
    const host = own?.host ?? options.emulator?.host ?? '127.0.0.1';
    const port = own?.port ?? options.emulator?.port ?? 0;
    const hostPort = `${host}:${port}`;
    process.env.FIRESTORE_EMULATOR_HOST = hostPort;
    process.env.GCLOUD_PROJECT = options.projectId;
    process.env.METADATA_SERVER_DETECTION = 'none';

    const keyDir = options.keyDir ?? mkdtempSync(join(tmpdir(), 'ledger-keys-'));
    const jwksFile = join(keyDir, 'jwks.json');
    const issuer = await createLocalIssuer({ keyFile: join(keyDir, 'private-key.json'), jwksFile });
    process.env[LOCAL_JWKS_ENV] = jwksFile;

    db = new Firestore({ projectId: options.projectId, host, port, ssl: false });
    const configChanges = await applyBlocConfig(db, options.config, { by: 'local-stack' });
    let clock: Date | null = null;
    setDeps({ db, blocId: options.config.id, now: () => clock ?? new Date(), commitBudgetBytes: EMULATOR_COMMIT_BUDGET });
    served = await serveFunctions(options.port ?? 0);

    const audience = options.config.oauthClientIds[0];
    if (audience === undefined) throw new Error('the bloc configuration names no oauthClientIds (token audience)');
    const stack: LocalStack = {
      baseUrl: served.baseUrl,
      db,
      blocId: options.config.id,
      projectId: options.projectId,
      hostPort,
      configChanges,
      issuer,
      emulator: own ?? null,
      token: (email, extra = {}) => issuer.signIdToken({ email, aud: audience, ...extra }),
      setClock: (at) => {
        clock = at;
      },
      stop: async () => {
        await served?.close();
        setDeps(undefined);
        await db?.terminate();
        await own?.stop();
        // A key directory of its own is this run's throwaway signing key.
        if (options.keyDir === undefined) rmSync(keyDir, { recursive: true, force: true });
      },
    };
    return stack;
  } catch (error) {
    await served?.close();
    await db?.terminate();
    await own?.stop();
    throw error;
  }
}
