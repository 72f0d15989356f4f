/**
 * Re-renders bench/results.md from bench/results.json (after a change to the report's wording
 * or targets, without running the benchmark again): `npx tsx bench/render.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, type BenchResults } from './report.js';

const dir = import.meta.dirname;
const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as BenchResults;
writeFileSync(join(dir, 'results.md'), renderMarkdown(results));
