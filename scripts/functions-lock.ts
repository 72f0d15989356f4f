/**
 * Writes functions/package-lock.json from the root lock (local/src/deploy/functions-lock.ts):
 *   npm run lock:functions
 * Run after any dependency change; test/unit/deploy/functions-lock.test.ts fails until then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { functionsLockFromRoot } from '../local/src/deploy/functions-lock-file.js';

const ROOT = resolve(import.meta.dirname, '..');
writeFileSync(resolve(ROOT, 'functions/package-lock.json'), functionsLockFromRoot(ROOT));
console.log(`functions/package-lock.json: ${Object.keys(JSON.parse(readFileSync(resolve(ROOT, 'functions/package-lock.json'), 'utf8')).packages).length - 1} packages pinned as in package-lock.json`);
