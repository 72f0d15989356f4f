import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { lockSchema, pruneLock } from './functions-lock.js';

const manifestSchema = z.object({
  name: z.string(),
  version: z.string().optional(),
  dependencies: z.record(z.string(), z.string()),
  engines: z.record(z.string(), z.string()).optional(),
});

/** The text functions/package-lock.json must hold, given the repository's root lock. */
export function functionsLockFromRoot(repoRoot: string): string {
  const root = lockSchema.parse(JSON.parse(readFileSync(resolve(repoRoot, 'package-lock.json'), 'utf8')));
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(resolve(repoRoot, 'functions/package.json'), 'utf8')));
  return `${JSON.stringify(pruneLock(root, 'functions', manifest), null, 2)}\n`;
}
