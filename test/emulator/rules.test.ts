import { readFileSync } from 'node:fs';
import { Firestore as AdminFirestore } from '@google-cloud/firestore';
import {
  assertFails,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, setLogLevel, updateDoc, where } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { RULES_FILE } from '../../local/src/stack/local-stack.js';
import { auditCol, blocRef, changeMarkerRef, memberIndexRef, remindersRef, memberRef, orgRef, rollupRef, submissionRef, yearRef } from '../../functions/src/store/paths.js';

/**
 * firestore.rules lets no client (web or mobile SDK) read or write anything: every access goes
 * through the functions, which use the server client that rules do not apply to. One context
 * per role; every collection of store/paths.ts; get, list, create, update and delete.
 * Rules are loaded for this file's own project only, so other files' projects are unaffected.
 */
const PROJECT_ID = 'demo-rules';
const BLOC = 'khoi-rules';
const YEAR = 2025;
const ORG = 'cb-a';

// Paths come from paths.ts (building a ref does not connect), so a new path there is
// a new row here only if it is listed below.
const paths = new AdminFirestore({ projectId: PROJECT_ID });
const NAMES = ['blocs', 'years', 'orgs', 'members', 'index', 'submissions', 'audit', 'rollups', 'changes', 'reminders'] as const;
type CollectionName = (typeof NAMES)[number];
const COLLECTIONS: Readonly<Record<CollectionName, string>> = {
  blocs: blocRef(paths, BLOC).path,
  years: yearRef(paths, BLOC, YEAR).path,
  orgs: orgRef(paths, BLOC, YEAR, ORG).path,
  members: memberRef(paths, BLOC, YEAR, ORG, '79.000001').path,
  index: memberIndexRef(paths, BLOC, YEAR, ORG).path,
  submissions: submissionRef(paths, BLOC, YEAR, ORG, 'sub-00000001').path,
  audit: auditCol(paths, BLOC, YEAR).doc('audit-1').path,
  rollups: rollupRef(paths, BLOC, YEAR).path,
  changes: changeMarkerRef(paths, BLOC, YEAR).path,
  reminders: remindersRef(paths, BLOC, YEAR, '2025-01-10').path,
};

/** A field each seeded document has, for the list query and the update. */
const SEED = (name: CollectionName) => ({ kind: name, orgId: ORG, secretaries: ['bithu.a@a.vn'], updatedAt: '2025-01-10T02:00:00.000Z' });

const ROLES: readonly { role: string; context: (env: RulesTestEnvironment) => RulesTestContext }[] = [
  { role: 'unauthenticated', context: (env) => env.unauthenticatedContext() },
  { role: 'secretary of the org', context: (env) => env.authenticatedContext('uid-bithu-a', { email: 'bithu.a@a.vn', email_verified: true }) },
  { role: 'secretary of another org', context: (env) => env.authenticatedContext('uid-bithu-b', { email: 'bithu.b@b.vn', email_verified: true }) },
  { role: 'leader', context: (env) => env.authenticatedContext('uid-leader', { email: 'lanh.dao@khoi.vn', email_verified: true }) },
  { role: 'admin', context: (env) => env.authenticatedContext('uid-admin', { email: 'admin@khoi.vn', email_verified: true, admin: true }) },
];

let env: RulesTestEnvironment | undefined;
const ready = (): RulesTestEnvironment => {
  if (!env) throw new Error('rules test environment not initialised');
  return env;
};

async function dumpSeeded(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  await ready().withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    for (const name of NAMES) out[name] = (await getDoc(doc(db, COLLECTIONS[name]))).data() ?? null;
  });
  return out;
}

beforeAll(async () => {
  setLogLevel('silent'); // every denied write would otherwise log a PERMISSION_DENIED warning
  const emulator = inject('firestoreEmulator');
  if (!emulator) throw new Error('rules tests need the shared emulator (run them in the `emulator` project)');
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host: emulator.host, port: emulator.port, rules: readFileSync(RULES_FILE, 'utf8') },
  });
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    for (const name of NAMES) await setDoc(doc(db, COLLECTIONS[name]), SEED(name));
  });
});

afterAll(async () => {
  await env?.clearFirestore();
  await env?.cleanup();
  await paths.terminate();
});

describe('firestore.rules: no client reads or writes anything', () => {
  it('the rules name their one helper and allow nothing', () => {
    const rules = readFileSync(RULES_FILE, 'utf8');
    expect(rules).toMatch(/function clientAccessAllowed\(\)\s*\{\s*return false;\s*\}/);
    expect(rules.match(/allow [^;]+;/g)).toEqual(['allow read, write: if clientAccessAllowed();']);
  });

  it('covers every collection that store/paths.ts names', () => {
    const source = readFileSync(new URL('../../functions/src/store/paths.ts', import.meta.url), 'utf8');
    const named = [...source.matchAll(/\.collection\('([^']+)'\)/g)].map((m) => m[1]);
    expect(new Set(named)).toEqual(new Set(NAMES));
  });

  it('seeded one document in every collection (rules disabled)', async () => {
    const seeded = await dumpSeeded();
    expect(Object.keys(seeded)).toEqual([...NAMES]);
    expect(Object.values(seeded).every((d) => d !== null)).toBe(true);
  });

  describe.each(ROLES)('$role', ({ context }) => {
    it.each(NAMES)('%s: get, list, create, update, delete are all denied', async (name) => {
      const db = context(ready()).firestore();
      const path = COLLECTIONS[name];
      const parent = path.slice(0, path.lastIndexOf('/'));
      await assertFails(getDoc(doc(db, path)));
      await assertFails(getDocs(collection(db, parent)));
      await assertFails(getDocs(query(collection(db, parent), where('orgId', '==', ORG))));
      await assertFails(getDocs(query(collection(db, parent), where('secretaries', 'array-contains', 'bithu.a@a.vn'))));
      await assertFails(setDoc(doc(db, `${parent}/created-by-client`), SEED(name)));
      await assertFails(setDoc(doc(db, path), { kind: 'overwritten' }));
      await assertFails(updateDoc(doc(db, path), { updatedAt: 'tampered' }));
      await assertFails(deleteDoc(doc(db, path)));
    });
  });

  it('after every attempt the seeded documents are unchanged and nothing was created', async () => {
    const seeded = await dumpSeeded();
    for (const name of NAMES) expect(seeded[name]).toEqual(SEED(name));
    await ready().withSecurityRulesDisabled(async (ctx) => {
      const db = ctx.firestore();
      for (const path of Object.values(COLLECTIONS)) {
        const parent = path.slice(0, path.lastIndexOf('/'));
        expect((await getDoc(doc(db, `${parent}/created-by-client`))).exists()).toBe(false);
      }
    });
  });
});
