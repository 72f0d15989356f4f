import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EmulatorSetupError, INSTALL_HINT, findEmulator, locateJar, startEmulator } from '../../local/src/emulator/emulator.js';
import { useFirestore } from '../support/firestore/emulator.js';

const GCLOUD_JAR = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const fs = useFirestore('demo-emulator-test');
const scratch = mkdtempSync(join(tmpdir(), 'emulator-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the shared emulator', () => {
  beforeEach(() => fs.clear());

  it('round-trips a write and a read', async () => {
    await fs.db.doc('things/a').set({ n: 1, label: 'Nêu gương tốt' });
    const snap = await fs.db.doc('things/a').get();
    expect(snap.data()).toEqual({ n: 1, label: 'Nêu gương tốt' });
  });

  it('clear() empties the project', async () => {
    await fs.db.doc('things/a').set({ n: 1 });
    await fs.db.doc('things/a/sub/b').set({ n: 2 });
    await fs.clear();
    expect((await fs.db.collection('things').get()).size).toBe(0);
    expect((await fs.db.doc('things/a/sub/b').get()).exists).toBe(false);
  });
});

describe('startEmulator', () => {
  it('starts its own JVM, keeps data in dataDir across restarts, clears, and stops', async () => {
    const dataDir = join(scratch, 'data');
    const doc = (e: { hostPort: string }, path: string): string =>
      `http://${e.hostPort}/v1/projects/demo-own/databases/(default)/documents/${path}`;
    const writer = await startEmulator({ projectId: 'demo-own', dataDir });
    try {
      expect(writer.hostPort).toBe(`127.0.0.1:${writer.port}`);
      const body = JSON.stringify({ fields: { x: { integerValue: '1' } } });
      expect((await fetch(doc(writer, 'c?documentId=a'), { method: 'POST', body })).status).toBe(200);
    } finally {
      await writer.stop();
    }
    await expect(fetch(`http://${writer.hostPort}/`)).rejects.toThrow();

    const reader = await startEmulator({ projectId: 'demo-own', dataDir });
    try {
      expect((await fetch(doc(reader, 'c/a'))).status).toBe(200);
      await reader.clear();
      expect((await fetch(doc(reader, 'c/a'))).status).toBe(404);
    } finally {
      await reader.stop();
    }
  }, 120_000); // three JVM starts and an export: slow on a loaded 2-core machine
});

describe('findEmulator', () => {
  const home = join(scratch, 'home');
  const noSdk = { PATH: '' };

  it('prefers FIRESTORE_EMULATOR_JAR over the gcloud component, and an explicit path over both', async () => {
    const jar = join(scratch, 'my-emulator.jar');
    symlinkSync(GCLOUD_JAR, jar);
    const found = await findEmulator({ env: { ...process.env, FIRESTORE_EMULATOR_JAR: jar }, allowDownload: false });
    expect(found).toMatchObject({ jar, source: 'env' });
    expect(found.javaVersion).toBeGreaterThanOrEqual(11);
    const explicit = locateJar({ jarPath: GCLOUD_JAR, env: { FIRESTORE_EMULATOR_JAR: jar }, homeDir: home });
    expect(explicit.jar).toEqual({ jar: GCLOUD_JAR, source: 'argument' });
  });

  it('names the missing jar of FIRESTORE_EMULATOR_JAR and what to install', async () => {
    const missing = join(scratch, 'nope.jar');
    const find = findEmulator({ env: { ...process.env, FIRESTORE_EMULATOR_JAR: missing }, allowDownload: false });
    await expect(find).rejects.toThrow(EmulatorSetupError);
    await expect(find).rejects.toThrow(`Cloud Firestore emulator jar not found at FIRESTORE_EMULATOR_JAR=${missing}.\n${INSTALL_HINT}`);
  });

  it('then the gcloud component, then the newest jar of the Firebase cache', () => {
    const cache = join(scratch, 'cache');
    mkdirSync(cache);
    for (const v of ['1.9.0', '1.19.8', '1.18.2']) writeFileSync(join(cache, `cloud-firestore-emulator-v${v}.jar`), '');
    const env = { ...noSdk, FIREBASE_EMULATORS_PATH: cache };
    expect(locateJar({ env, homeDir: home }).jar).toEqual({ jar: GCLOUD_JAR, source: 'gcloud' });
    expect(locateJar({ env: { ...env, CLOUDSDK_ROOT_DIR: '/usr/lib/google-cloud-sdk' }, homeDir: home, sdkRoots: [] }).jar)
      .toEqual({ jar: GCLOUD_JAR, source: 'gcloud' });
    expect(locateJar({ env, homeDir: home, sdkRoots: [] }).jar)
      .toEqual({ jar: join(cache, 'cloud-firestore-emulator-v1.19.8.jar'), source: 'firebase-cache' });
  });

  it('fails with one message naming what to install when nothing is found', async () => {
    const find = findEmulator({ env: { ...noSdk, FIREBASE_EMULATORS_PATH: join(scratch, 'empty') }, homeDir: home, sdkRoots: [], allowDownload: false });
    await expect(find).rejects.toThrow(/^Cloud Firestore emulator not found \(looked in: .*\)\.\nInstall the official emulator/);
    await expect(find).rejects.toThrow('apt-get install google-cloud-cli-firestore-emulator openjdk-17-jre-headless');
  });
});
