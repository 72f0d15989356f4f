import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { locateJar } from '../local/src/emulator/find-emulator.js';

/**
 * `firebase emulators:start|exec` offline with the preinstalled Debian/gcloud emulator jar.
 * firebase-tools 14 runs the Firestore emulator as `java -jar FIRESTORE_EMULATOR_BINARY_PATH`,
 * and the gcloud jar has no Main-Class. So this writes a tiny wrapper jar whose manifest names
 * the emulator's main class and puts the gcloud jar on its class path, plus a firebase.json copy
 * (own ports, UI off) and the functions' .env.<project> (BLOC_ID) in a work folder.
 *
 *   npm run emulators -- exec --only firestore,functions 'node my-script.mjs'
 *   npm run emulators -- start --only firestore,functions
 */
const ROOT = resolve(import.meta.dirname, '..');
export const FIRESTORE_MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

/** A zip with one stored (uncompressed) entry: all a manifest-only jar needs. */
export function storedZip(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name, 'utf8');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralStart = local.length + fileName.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralStart, 16);
  return Buffer.concat([local, fileName, content, central, fileName, end]);
}

/** The manifest-only jar that makes `java -jar wrapper.jar` start the gcloud emulator. */
export function wrapperJar(emulatorJar: string): Buffer {
  // Manifest lines are at most 72 bytes; longer values continue on lines starting with a space.
  const wrap = (line: string) => (line.match(/^.{1,72}|.{1,71}/g) ?? []).join('\r\n ');
  const manifest = ['Manifest-Version: 1.0', `Main-Class: ${FIRESTORE_MAIN_CLASS}`, `Class-Path: file:${emulatorJar}`].map(wrap).join('\r\n');
  return storedZip('META-INF/MANIFEST.MF', Buffer.from(`${manifest}\r\n\r\n`, 'utf8'));
}

export interface EmulatorPorts {
  readonly firestore: number;
  readonly functions: number;
  readonly hub: number;
  readonly logging: number;
}

export interface PreparedEmulators {
  readonly configPath: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Writes the wrapper jar, a firebase.json copy with these ports and the functions' .env file. */
export function prepareFirebaseEmulators(options: {
  workDir: string;
  projectId: string;
  blocId: string;
  ports?: EmulatorPorts;
  /** The functions folder the emulator serves (default: firebase.json's functions/dist, built by `npm run build -w functions`). */
  functionsSource?: string;
}): PreparedEmulators {
  const { workDir, projectId, blocId } = options;
  const ports = options.ports ?? { firestore: 8080, functions: 5001, hub: 4400, logging: 4500 };
  const found = locateJar({}).jar;
  if (found === undefined) throw new Error('Cloud Firestore emulator jar not found: apt-get install google-cloud-cli-firestore-emulator');
  mkdirSync(workDir, { recursive: true });
  const jar = join(workDir, 'firestore-emulator-wrapper.jar');
  writeFileSync(jar, wrapperJar(found.jar));

  const base = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8')) as {
    functions: Record<string, unknown>[];
    firestore: { rules: string; indexes: string };
  };
  // firebase-tools joins every path with the config file's folder and refuses rules outside it:
  // the rules and indexes are copied next to the config, the functions source is named relative to it.
  const copied = (path: string) => {
    copyFileSync(join(ROOT, path), join(workDir, basename(path)));
    return basename(path);
  };
  const config = {
    functions: base.functions.map((f) => ({ ...f, source: relative(workDir, options.functionsSource ?? join(ROOT, String(f.source))) || '.', configDir: '.' })),
    firestore: { rules: copied(base.firestore.rules), indexes: copied(base.firestore.indexes) },
    emulators: {
      firestore: { host: '127.0.0.1', port: ports.firestore },
      functions: { host: '127.0.0.1', port: ports.functions },
      hub: { host: '127.0.0.1', port: ports.hub },
      logging: { host: '127.0.0.1', port: ports.logging },
      ui: { enabled: false },
      singleProjectMode: true,
    },
  };
  const configPath = join(workDir, 'firebase.json');
  writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);
  // The functions' params (BLOC_ID) for this project; firebase-tools reads it from configDir.
  writeFileSync(join(workDir, `.env.${projectId}`), `BLOC_ID=${blocId}\n`);
  return { configPath, env: { ...process.env, FIRESTORE_EMULATOR_BINARY_PATH: jar, METADATA_SERVER_DETECTION: 'none' } };
}

/** The firebase CLI of the project, run by the node running this script. */
export const FIREBASE_CLI = join(ROOT, 'node_modules/firebase-tools/lib/bin/firebase.js');

async function main(args: string[]): Promise<number> {
  const projectId = process.env.FIREBASE_PROJECT ?? 'demo-ledger';
  const blocId = process.env.BLOC_ID ?? 'dang-bo-khoi-demo';
  const workDir = join(ROOT, '.data/firebase-emulators');
  const { configPath, env } = prepareFirebaseEmulators({ workDir, projectId, blocId });
  const [command = 'start', ...rest] = args;
  const child = spawn(process.execPath, [FIREBASE_CLI, `emulators:${command}`, '--config', configPath, '--project', projectId, ...rest], { stdio: 'inherit', env, cwd: dirname(configPath) });
  return new Promise((done) => child.on('exit', (code) => done(code ?? 1)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main(process.argv.slice(2));
}
