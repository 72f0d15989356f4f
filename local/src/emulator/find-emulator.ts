import { spawnSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * Finds the official Cloud Firestore emulator jar and a usable Java. Never a fake: when
 * nothing is installed it fails with one message that says what to install.
 */
export type EmulatorSource = 'argument' | 'env' | 'gcloud' | 'firebase-cache';

export interface EmulatorInstall {
  readonly jar: string;
  readonly source: EmulatorSource;
  /** The java executable and its major version (≥ 11). */
  readonly java: string;
  readonly javaVersion: number;
}

export interface FindEmulatorOptions {
  /** An explicit jar path; wins over everything, like FIRESTORE_EMULATOR_JAR. */
  readonly jarPath?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly homeDir?: string;
  /** Where a system-wide Google Cloud SDK lives (default: /usr/lib/google-cloud-sdk). */
  readonly sdkRoots?: readonly string[];
  /** Try `npx firebase setup:emulators:firestore` once when nothing is found (default true). */
  readonly allowDownload?: boolean;
}

export class EmulatorSetupError extends Error {
  override readonly name = 'EmulatorSetupError';
}

export const JAR_ENV = 'FIRESTORE_EMULATOR_JAR';
const GCLOUD_JAR = join('platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar');
const FIREBASE_JAR = /^cloud-firestore-emulator-v(\d+)\.(\d+)\.(\d+)\.jar$/;
const MIN_JAVA = 11;
const DEFAULT_SDK_ROOTS = ['/usr/lib/google-cloud-sdk'];
const DOWNLOAD_TIMEOUT_MS = 45_000;

export const INSTALL_HINT = [
  'Install the official emulator and Java 11+ with one of:',
  '  apt-get install google-cloud-cli-firestore-emulator openjdk-17-jre-headless',
  '  gcloud components install cloud-firestore-emulator',
  '  npx firebase setup:emulators:firestore',
  `or set ${JAR_ENV} to the path of cloud-firestore-emulator.jar.`,
].join('\n');

let downloadTried = false;

export async function findEmulator(options: FindEmulatorOptions = {}): Promise<EmulatorInstall> {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homedir();
  const found = locateJar(options);
  let jar = found.jar;
  if (jar === undefined && (options.allowDownload ?? true) && !downloadTried) {
    downloadTried = true;
    if (await networkMightWork()) {
      process.stderr.write(`Firestore emulator not found; trying \`npx firebase setup:emulators:firestore\` (up to ${DOWNLOAD_TIMEOUT_MS / 1000} s)…\n`);
      spawnSync('npx', ['--no-install', 'firebase', 'setup:emulators:firestore'], {
        stdio: 'ignore',
        timeout: DOWNLOAD_TIMEOUT_MS,
        env,
      });
      jar = newestFirebaseJar(firebaseCacheDir(env, home));
    }
  }
  if (jar === undefined) {
    throw new EmulatorSetupError(
      `Cloud Firestore emulator not found (looked in: ${found.searched.join(', ')}).\n${INSTALL_HINT}`,
    );
  }
  const { java, version } = checkJava(env);
  return { ...jar, java, javaVersion: version };
}

interface Located {
  readonly jar?: { jar: string; source: EmulatorSource };
  readonly searched: string[];
}

/** The search order, without side effects: argument, env, gcloud SDK, Firebase cache. */
export function locateJar(options: FindEmulatorOptions = {}): Located {
  const { jarPath, sdkRoots = DEFAULT_SDK_ROOTS } = options;
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homedir();
  const explicit = jarPath ?? env[JAR_ENV];
  if (explicit !== undefined && explicit !== '') {
    const source: EmulatorSource = jarPath !== undefined ? 'argument' : 'env';
    if (!isFile(explicit)) {
      const named = source === 'env' ? `${JAR_ENV}=${explicit}` : explicit;
      throw new EmulatorSetupError(`Cloud Firestore emulator jar not found at ${named}.\n${INSTALL_HINT}`);
    }
    return { jar: { jar: explicit, source }, searched: [explicit] };
  }
  const gcloud = gcloudJars(sdkRoots, env, home);
  const hit = gcloud.find(isFile);
  if (hit !== undefined) return { jar: { jar: hit, source: 'gcloud' }, searched: gcloud };
  const cacheDir = firebaseCacheDir(env, home);
  const cached = newestFirebaseJar(cacheDir);
  const searched = [...gcloud, join(cacheDir, 'cloud-firestore-emulator-v*.jar')];
  return cached === undefined ? { searched } : { jar: cached, searched };
}

function gcloudJars(sdkRoots: readonly string[], env: NodeJS.ProcessEnv, home: string): string[] {
  const roots = [...sdkRoots];
  if (env.CLOUDSDK_ROOT_DIR) roots.push(env.CLOUDSDK_ROOT_DIR);
  const gcloud = onPath('gcloud', env);
  if (gcloud !== undefined) roots.push(dirname(dirname(realpathSync(gcloud))));
  roots.push(join(home, 'google-cloud-sdk'));
  return [...new Set(roots.map((root) => join(root, GCLOUD_JAR)))];
}

function firebaseCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  return env.FIREBASE_EMULATORS_PATH || join(home, '.cache', 'firebase', 'emulators');
}

function newestFirebaseJar(dir: string): { jar: string; source: EmulatorSource } | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const versioned = names.flatMap((name) => {
    const m = FIREBASE_JAR.exec(name);
    return m ? [{ name, key: m.slice(1, 4).map(Number) }] : [];
  });
  versioned.sort((a, b) => compareVersions(b.key, a.key));
  const newest = versioned[0];
  return newest === undefined ? undefined : { jar: join(dir, newest.name), source: 'firebase-cache' };
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Runs `java -version` and requires Java 11 or newer. */
export function checkJava(env: NodeJS.ProcessEnv = process.env): { java: string; version: number } {
  const java = env.JAVA || (env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java');
  const run = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  const text = `${run.stderr}${run.stdout}`;
  const version = javaMajor(text);
  if (run.error !== undefined || run.status !== 0 || version === undefined) {
    throw new EmulatorSetupError(`Java not found or not working (${java} -version failed).\n${INSTALL_HINT}`);
  }
  if (version < MIN_JAVA) {
    throw new EmulatorSetupError(`Java ${version} is too old for the Firestore emulator (need ${MIN_JAVA}+).\n${INSTALL_HINT}`);
  }
  return { java, version };
}

/** `version "17.0.15"` → 17; `version "1.8.0_392"` → 8. */
export function javaMajor(versionText: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

function onPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir !== '' && isFile(candidate)) return candidate;
  }
  return undefined;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** A cheap guess before spending a minute on a download that cannot work offline. */
async function networkMightWork(): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(resolve, 3_000, false).unref());
  const resolved = lookup('storage.googleapis.com').then(
    () => true,
    () => false,
  );
  return Promise.race([resolved, timeout]);
}
