import type { TestProject } from 'vitest/node';
import { startEmulator } from '../../../local/src/emulator/emulator.js';
import './emulator.js';

/**
 * One official Firestore emulator for the whole emulator test project. Each test file then
 * works in its own `demo-*` project id (see useFirestore), so files run in parallel without
 * clearing each other's data.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulator({ projectId: 'demo-ledger-tests' });
  project.provide('firestoreEmulator', { host: emulator.host, port: emulator.port });
  return () => emulator.stop();
}
