// Builds the Apps Script project in dist/: Code.js (the add-on's TypeScript and the shared
// domain core, bundled), Sidebar.html + SidebarScript.html, appsscript.json.
// Usage: node build.mjs   (ADDON_SERVER_URL=https://… fixes the backend address in the build)
//        ADDON_PUBLISH=1 ADDON_SERVER_URL=https://… node build.mjs   (npm run build:publish): a build for
//        a versioned deployment; refuses to build without an https ADDON_SERVER_URL.
//        ADDON_OUT_DIR=/some/dir writes the project there instead of dist/.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';

const ROOT = dirname(fileURLToPath(import.meta.url));
const GLOBAL_NAME = '__app';

/** Writes via a temporary file and a rename, so a concurrent reader never sees half a file. */
function writeAtomic(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

async function bundle(options) {
  const result = await build({ bundle: true, write: false, charset: 'utf8', legalComments: 'none', logLevel: 'silent', ...options });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${options.entryPoints}`);
  return file.text;
}

/** The names Apps Script must see as top-level functions: every function the entry exports. */
function exportedFunctions(code) {
  const app = new vm.Script(`${code}\n;${GLOBAL_NAME}`).runInNewContext({});
  return Object.keys(app).filter((name) => typeof app[name] === 'function').sort();
}

/** zod's `locales` namespace as an empty module: nothing in the add-on reads `z.locales` (checked by the add-on tests, which run this bundle). */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * zod's JSON Schema support (to and from: 70 KB of the bundle) as stubs with the same export
 * names: the add-on never converts a schema to or from JSON Schema; a stub throws if anything
 * ever called it (the add-on tests run this very bundle).
 */
const JSON_SCHEMA_MODULES = /[\\/]zod[\\/]v4[\\/](core[\\/](to-json-schema|json-schema-processors|json-schema-generator)|classic[\\/]from-json-schema)\.js$/;
export function exportNames(source) {
  const names = [...source.matchAll(/^export (?:async )?(?:function\*?|const|let|var|class) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  for (const list of source.matchAll(/^export \{([^}]*)\}(?! from)/gm)) {
    for (const part of list[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.push(name);
    }
  }
  return [...new Set(names)];
}
const zodWithoutJsonSchema = {
  name: 'zod-without-json-schema',
  setup(build) {
    build.onLoad({ filter: JSON_SCHEMA_MODULES }, (args) => {
      const names = exportNames(readFileSync(args.path, 'utf8'));
      const stub = 'function stub() { return function unavailable() { throw new Error("JSON Schema is not part of the add-on bundle"); }; }';
      return { contents: `${stub}\n${names.map((name) => `export const ${name} = stub;`).join('\n')}`, loader: 'js' };
    });
  },
};

export class PublishBuildError extends Error {}

/**
 * A versioned (published) Apps Script deployment needs `urlFetchWhitelist`; Apps Script wants
 * https prefixes that end in a slash. The server's origin covers all its functions.
 */
export function publishedWhitelist(serverUrl) {
  if (serverUrl === '') {
    throw new PublishBuildError(
      'A publishing build needs the server address: set ADDON_SERVER_URL to the base URL of the deployed functions,\n' +
        '  e.g. ADDON_SERVER_URL=https://asia-southeast1-YOUR-PROJECT.cloudfunctions.net npm run build:publish -w sheets-addon',
    );
  }
  let url;
  try {
    url = new URL(serverUrl);
  } catch {
    throw new PublishBuildError(`ADDON_SERVER_URL is not a URL: ${serverUrl}`);
  }
  if (url.protocol !== 'https:') throw new PublishBuildError(`ADDON_SERVER_URL must be https for a published add-on: ${serverUrl}`);
  return [`${url.origin}/`];
}

export async function buildAddon({
  outDir = process.env.ADDON_OUT_DIR || join(ROOT, 'dist'),
  serverUrl = process.env.ADDON_SERVER_URL ?? '',
  publish = process.env.ADDON_PUBLISH === '1',
} = {}) {
  const whitelist = publish ? publishedWhitelist(serverUrl) : undefined;
  const server = await bundle({
    entryPoints: [join(ROOT, 'src/index.ts')],
    // Apps Script parses the whole file on every menu click: minified, and without zod's 40
    // translations (`z.locales`, 320 KB, never used: the schemas register English themselves and
    // our messages are zod-messages.ts) and without its JSON Schema conversions (stubs), the bundle is
    // about 290 KB instead of 900 KB. Same schemas, same code.
    minify: true,
    plugins: [zodWithoutLocales, zodWithoutJsonSchema],
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    define: { __DEFAULT_SERVER_URL__: JSON.stringify(serverUrl.replace(/\/+$/, '')), 'process.env.NODE_ENV': '"production"' },
  });
  const nodeOnly = server.split('\n').find((line) => /\brequire\(|\bprocess\.|node:/.test(line));
  if (nodeOnly !== undefined) throw new Error(`the Apps Script bundle refers to Node (require, process or node: modules): ${nodeOnly.trim()}`);
  const entries = exportedFunctions(server);
  const wrappers = entries.map((name) => `function ${name}(...args) { return ${GLOBAL_NAME}.${name}(...args); }`).join('\n');
  const code = `// Built by sheets-addon/build.mjs from sheets-addon/src — do not edit.\n${server}\n// Apps Script calls only top-level function declarations:\n${wrappers}\n`;

  const client = await bundle({ entryPoints: [join(ROOT, 'src/sidebar/sidebar.ts')], format: 'iife', target: 'es2019', platform: 'browser', minify: true });
  const script = `<script>\n${client.replace(/<\/script/gi, '<\\/script')}\n</script>\n`;
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
  if (whitelist !== undefined) manifest.urlFetchWhitelist = whitelist;
  else if (serverUrl !== '') manifest.urlFetchWhitelist = [`${serverUrl.replace(/\/+$/, '')}/`];

  mkdirSync(outDir, { recursive: true });
  writeAtomic(join(outDir, 'Code.js'), code);
  writeAtomic(join(outDir, 'Sidebar.html'), readFileSync(join(ROOT, 'src/sidebar/sidebar.html'), 'utf8'));
  writeAtomic(join(outDir, 'SidebarScript.html'), script);
  writeAtomic(join(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { outDir, entries, bytes: { code: code.length, sidebarScript: script.length } };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let built;
  try {
    built = await buildAddon();
  } catch (error) {
    if (!(error instanceof PublishBuildError)) throw error;
    console.error(`sheets-addon: ${error.message}`);
    process.exit(1);
  }
  const { outDir, entries, bytes } = built;
  console.log(`sheets-addon: ${outDir}/Code.js (${Math.round(bytes.code / 1024)} KB, ${entries.length} entry points), Sidebar.html, SidebarScript.html (${Math.round(bytes.sidebarScript / 1024)} KB), appsscript.json`);
}
