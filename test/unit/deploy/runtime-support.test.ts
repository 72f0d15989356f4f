import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * firebase-tools' own runtime table decides whether `firebase deploy` accepts a runtime. This
 * test reads that table (not a copy of it) and fails when the runtime in firebase.json is
 * deprecated, or is decommissioned within 120 days of the day the test runs.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const MARGIN_DAYS = 120;
const DAY_MS = 86_400_000;

const runtimeSchema = z.object({
  friendly: z.string(),
  status: z.enum(['experimental', 'beta', 'GA', 'deprecated', 'decommissioned']),
  deprecationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  decommissionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
const require = createRequire(import.meta.url);
const table = z
  .object({ RUNTIMES: z.record(z.string(), runtimeSchema) })
  .parse(require('firebase-tools/lib/deploy/functions/runtimes/supported/types.js')).RUNTIMES;

const firebaseJson = z
  .object({ functions: z.array(z.object({ source: z.string(), runtime: z.string() })) })
  .parse(JSON.parse(readFileSync(resolve(ROOT, 'firebase.json'), 'utf8')));

/** Why a runtime cannot be relied on at `today`, or undefined when it can. */
function runtimeProblem(runtime: string, today: Date, runtimes: Record<string, z.infer<typeof runtimeSchema>> = table): string | undefined {
  const entry = runtimes[runtime];
  if (entry === undefined) return `${runtime} is not in firebase-tools' runtime table`;
  const deprecated = Date.parse(`${entry.deprecationDate}T00:00:00Z`);
  const decommissioned = Date.parse(`${entry.decommissionDate}T00:00:00Z`);
  if (entry.status === 'deprecated' || entry.status === 'decommissioned') return `${runtime} is ${entry.status}`;
  if (deprecated <= today.getTime()) return `${runtime} is deprecated since ${entry.deprecationDate}`;
  if (decommissioned - today.getTime() <= MARGIN_DAYS * DAY_MS) {
    return `${runtime} is decommissioned on ${entry.decommissionDate}, within ${MARGIN_DAYS} days`;
  }
  return undefined;
}

describe('Cloud Functions runtime (firebase-tools runtime table)', () => {
  const today = new Date();

  it('the runtime firebase.json deploys on is neither deprecated nor decommissioned within 120 days', () => {
    const runtimes = firebaseJson.functions.map((f) => f.runtime);
    expect(runtimes.length).toBeGreaterThan(0);
    expect(runtimes.map((runtime) => [runtime, runtimeProblem(runtime, today)])).toEqual(runtimes.map((runtime) => [runtime, undefined]));
  });

  it('the engines of the deployed package name the same Node major', () => {
    const pkg = z.object({ engines: z.object({ node: z.string() }) }).parse(JSON.parse(readFileSync(resolve(ROOT, 'functions/package.json'), 'utf8')));
    expect(`nodejs${pkg.engines.node}`).toBe(firebaseJson.functions[0]?.runtime);
  });

  it('the same check refuses nodejs20 (deprecated 2026-04-30, decommissioned 2026-10-30)', () => {
    expect(table.nodejs20).toMatchObject({ deprecationDate: '2026-04-30', decommissionDate: '2026-10-30' });
    expect(runtimeProblem('nodejs20', today)).toMatch(/^nodejs20 is (deprecated|decommissioned)/);
    expect(runtimeProblem('nodejs20', new Date('2026-12-01T00:00:00Z'))).toBe('nodejs20 is deprecated since 2026-04-30');
  });

  it('nodejs22 passes today and is refused once deprecated (2027-04-30)', () => {
    expect(table.nodejs22).toMatchObject({ deprecationDate: '2027-04-30', decommissionDate: '2028-10-31' });
    expect(runtimeProblem('nodejs22', new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
    expect(runtimeProblem('nodejs22', new Date('2027-05-01T00:00:00Z'))).toBe('nodejs22 is deprecated since 2027-04-30');
    expect(runtimeProblem('nodejs99', new Date('2026-12-01T00:00:00Z'))).toBe("nodejs99 is not in firebase-tools' runtime table");
  });

  it('counts the 120 days before a decommission date', () => {
    const late = { nodejsX: { friendly: 'X', status: 'GA' as const, deprecationDate: '2030-01-01', decommissionDate: '2027-03-31' } };
    expect(runtimeProblem('nodejsX', new Date('2026-12-01T00:00:00Z'), late)).toBe('nodejsX is decommissioned on 2027-03-31, within 120 days');
    expect(runtimeProblem('nodejsX', new Date('2026-11-30T00:00:00Z'), late)).toBeUndefined();
  });
});
