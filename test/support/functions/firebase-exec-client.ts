import { Firestore } from '@google-cloud/firestore';
import { applyBlocConfig } from '../../../functions/src/bloc-config/apply.js';
import { orgRef } from '../../../functions/src/store/paths.js';
import { parseBlocConfig } from '../../../local/src/bloc-config-file.js';
import { createLocalIssuer } from '../../../local/src/identity/local-issuer.js';
import { grid, validRows } from '../../fixtures/sheet-grid.js';
import { OPEN_DEADLINE, orgA, orgB, SECRETARY_A, testBloc } from '../../fixtures/test-bloc.js';
import { TEST_AUDIENCE } from './local-stack.js';

/**
 * The script `firebase emulators:exec` runs in test/emulator/firebase-emulators-exec.test.ts:
 * applies a test bloc to the Firestore emulator, mints a local-issuer ID token (its public key
 * goes to LOCAL_ID_TOKEN_JWKS, which the functions emulator's runtime reads) and calls
 * `status` and `submit` through the FUNCTIONS emulator. Prints one `RESULT {json}` line.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const projectId = env('EXEC_PROJECT_ID');
const functionsUrl = env('EXEC_FUNCTIONS_URL');
env('FIRESTORE_EMULATOR_HOST');

const config = parseBlocConfig(testBloc(env('EXEC_BLOC_ID'), 'Đảng bộ Khối Thử nghiệm', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(5)] } }), 'exec test');
const db = new Firestore({ projectId });
await applyBlocConfig(db, config, { by: 'firebase-emulators-exec test' });

const issuer = await createLocalIssuer();
issuer.writePublicJwks(env('LOCAL_ID_TOKEN_JWKS'));
const token = await issuer.signIdToken({ email: SECRETARY_A, aud: TEST_AUDIENCE });

async function call(fn: string, body: unknown) {
  const res = await fetch(`${functionsUrl}/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

const before = await call('status', {});
const submit = await call('submit', { year: 2025, orgId: 'cb-a', submissionId: `exec-${Date.now()}`, sheet: { values: grid(validRows(3)) } });
const after = await call('status', {});
const stored = (await orgRef(db, config.id, 2025, 'cb-a').get()).data();
console.log(`RESULT ${JSON.stringify({ before, submit, after, storedState: stored?.state ?? null })}`);
await db.terminate();
