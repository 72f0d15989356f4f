import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { findEmulator } from '../local/src/emulator/emulator.js';

/** What a benchmark ran on: every figure is only meaningful next to this. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly java: string;
  readonly emulator: { readonly version: string; readonly jar: string };
  readonly firestoreClient: string;
  /** 1-minute load average at the start and the end of the run (other work on the machine skews timings). */
  readonly loadAverage: { start: number; end: number | null };
}

const GcloudSnapshot = z.object({
  components: z.array(z.object({ id: z.string(), version: z.object({ version_string: z.string() }) })),
});

/** The gcloud component's recorded version, or the version in a firebase-tools jar name. */
function emulatorVersion(jar: string): string {
  const snapshot = join(dirname(jar), '..', '..', '.install', 'cloud-firestore-emulator.snapshot.json');
  if (existsSync(snapshot)) {
    const parsed = GcloudSnapshot.safeParse(JSON.parse(readFileSync(snapshot, 'utf8')));
    const version = parsed.success ? parsed.data.components.find((c) => c.id === 'cloud-firestore-emulator')?.version.version_string : undefined;
    if (version) return version;
  }
  return /v(\d+\.\d+\.\d+)\.jar$/.exec(basename(jar))?.[1] ?? 'unknown';
}

function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  while (dir !== dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const parsed = z.object({ name: z.string(), version: z.string() }).safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success && parsed.data.name === name) return parsed.data.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

export async function describeMachine(): Promise<Machine> {
  const install = await findEmulator({ allowDownload: false });
  const javaOut = spawnSync(install.java, ['-version'], { encoding: 'utf8' });
  const java = `${javaOut.stderr}`.split('\n')[0]?.trim() || `Java ${install.javaVersion}`;
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    java,
    emulator: { version: emulatorVersion(install.jar), jar: install.jar },
    firestoreClient: `@google-cloud/firestore ${packageVersion('@google-cloud/firestore')}`,
    loadAverage: { start: os.loadavg()[0] ?? 0, end: null },
  };
}
