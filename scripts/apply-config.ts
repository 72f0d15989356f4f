/**
 * Applies a bloc configuration file to Firestore and prints what changed.
 *
 *   tsx scripts/apply-config.ts FILE [--project ID] [--by EMAIL]
 *
 * Against the emulator when FIRESTORE_EMULATOR_HOST is set, otherwise with the Application
 * Default Credentials of the project (--project, GOOGLE_CLOUD_PROJECT or GCLOUD_PROJECT).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { Firestore } from '@google-cloud/firestore';
import { applyBlocConfig, hasChanges, type ConfigChanges } from '../functions/src/bloc-config/apply.js';
import { BlocConfigError } from '../functions/src/bloc-config/schema.js';
import { Problem } from '../functions/src/domain/problems.js';
import { loadBlocConfig } from '../local/src/bloc-config-file.js';

const USAGE = 'usage: tsx scripts/apply-config.ts FILE [--project ID] [--by EMAIL]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { project: { type: 'string' }, by: { type: 'string' } },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const projectId = values.project ?? process.env.GOOGLE_CLOUD_PROJECT ?? process.env.GCLOUD_PROJECT;
  if (projectId === undefined) {
    console.error(`No project: pass --project ID or set GOOGLE_CLOUD_PROJECT.\n${USAGE}`);
    return 2;
  }
  const config = await loadBlocConfig(file);
  const emulator = process.env.FIRESTORE_EMULATOR_HOST;
  const db = new Firestore({ projectId });
  const by = values.by ?? `cli:${userInfo().username}`;
  console.log(`Applying ${file} (bloc ${config.id}) to ${emulator ? `the emulator at ${emulator}` : 'Firestore'}, project ${projectId}, as ${by}`);
  try {
    print(await applyBlocConfig(db, config, { by }));
  } finally {
    await db.terminate();
  }
  return 0;
}

function print(changes: ConfigChanges): void {
  for (const path of changes.created) console.log(`  created  ${path}`);
  for (const { path, fields } of changes.updated) console.log(`  updated  ${path} (${fields.join(', ')})`);
  for (const path of changes.removedFromConfig) console.log(`  removed from config (data kept)  ${path}`);
  console.log(hasChanges(changes) ? `${changes.created.length} created, ${changes.updated.length} updated, ${changes.unchanged} unchanged.` : `No changes (${changes.unchanged} documents already match).`);
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // A refusal of the apply itself (e.g. dropping an organisation that submitted) reads as the console shows it.
    console.error(error instanceof BlocConfigError ? error.message : error instanceof Problem ? `${error.code}: ${error.message}` : error);
    process.exitCode = 1;
  },
);
