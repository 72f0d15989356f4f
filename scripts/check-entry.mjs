// Loads the BUILT deploy bundle (functions/dist/index.js), as firebase-tools reads it (FUNCTIONS_CONTROL_API=true), in the node that runs this script and
// checks that it exports the deployed functions. `npm run test:node22` runs it with Node 22 (the
// `node` devDependency), the runtime firebase.json deploys on. Build first: npm run build -w functions.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const WANT_MAJOR = Number(process.env.CHECK_NODE_MAJOR ?? '22');
const EXPECTED = ['adminAudit', 'adminConfig', 'adminProgress', 'adminRemind', 'carryOver', 'orgAction', 'rollupSchedule', 'runRollup', 'status', 'submit'];
const entry = resolve(dirname(fileURLToPath(import.meta.url)), '../functions/dist/index.js');

const major = Number(process.versions.node.split('.')[0]);
if (major !== WANT_MAJOR) fail(`expected Node ${WANT_MAJOR}, running ${process.version} (${process.execPath})`);
if (!existsSync(entry)) fail(`${entry} is missing: run \`npm run build -w functions\` first`);

process.env.METADATA_SERVER_DETECTION ??= 'none';
process.env.FUNCTIONS_CONTROL_API = 'true';
const started = performance.now();
// As firebase-tools' loaders do on Node 22: require() first (an ESM entry with a top-level await would fail here).
const built = createRequire(import.meta.url)(entry);
const ms = Math.round(performance.now() - started);
const names = Object.keys(built).sort();
if (JSON.stringify(names) !== JSON.stringify(EXPECTED)) fail(`exports ${JSON.stringify(names)}, expected ${JSON.stringify(EXPECTED)}`);
for (const name of names) {
  if (typeof built[name] !== 'function' || built[name].__endpoint?.platform !== 'gcfv2') fail(`${name} is not a v2 Cloud Function`);
}
console.log(`functions/dist/index.js loads on Node ${process.versions.node} in ${ms} ms and exports ${names.join(', ')}`);

function fail(message) {
  console.error(`check-entry: ${message}`);
  process.exit(1);
}
