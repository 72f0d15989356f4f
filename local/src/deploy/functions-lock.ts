import { z } from 'zod';

/**
 * The deployed package's own lock file, cut from the workspace's root lock: Cloud Build
 * installs functions/ from its package.json alone (the root lock is not uploaded), so without
 * this it would resolve versions afresh. Every package the functions reach at run time is kept
 * at the version and integrity the tests ran with; nothing else is.
 */
const entrySchema = z.looseObject({
  version: z.string().optional(),
  resolved: z.string().optional(),
  link: z.boolean().optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
  peerDependenciesMeta: z.record(z.string(), z.object({ optional: z.boolean().optional() })).optional(),
});
type Entry = z.infer<typeof entrySchema>;

export const lockSchema = z.looseObject({
  name: z.string().optional(),
  lockfileVersion: z.literal(3),
  packages: z.record(z.string(), entrySchema),
});
export type Lock = z.infer<typeof lockSchema>;

export interface Manifest {
  readonly name: string;
  readonly version?: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly engines?: Readonly<Record<string, string>>;
}

/** Where Node finds `name` from the package installed at `from` ("" or "functions" for a workspace root). */
function resolveFrom(packages: Lock['packages'], from: string, name: string): string | null {
  const parts = from === '' ? [] : from.split('/node_modules/');
  for (let depth = parts.length; depth >= 0; depth--) {
    const base = parts.slice(0, depth).join('/node_modules/');
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
  }
  return null;
}

const FLAGS_OF_THE_ROOT = ['dev', 'devOptional'] as const;

export function pruneLock(root: Lock, workspace: string, manifest: Manifest): Lock {
  const kept = new Map<string, Entry>();
  const visit = (from: string, deps: Readonly<Record<string, string>>, optional: ReadonlySet<string>): void => {
    for (const name of Object.keys(deps)) {
      const at = resolveFrom(root.packages, from, name);
      if (at === null) {
        if (optional.has(name)) continue;
        throw new Error(`${name} (needed by ${from || 'the root'}) is not in the root lock: run npm install`);
      }
      if (kept.has(at)) continue;
      const entry = root.packages[at];
      if (!entry) continue;
      kept.set(at, entry);
      const peersOptional = Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n);
      visit(at, { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies }, new Set([...Object.keys(entry.optionalDependencies ?? {}), ...peersOptional]));
    }
  };
  visit(workspace, manifest.dependencies, new Set());

  const packages: Lock['packages'] = {
    '': { name: manifest.name, ...(manifest.version ? { version: manifest.version } : {}), dependencies: { ...manifest.dependencies }, ...(manifest.engines ? { engines: { ...manifest.engines } } : {}) },
  };
  const prefix = `${workspace}/`;
  for (const [at, entry] of [...kept].sort(([a], [b]) => a.localeCompare(b))) {
    // A package the workspace has in its own node_modules lands at the top of the deployed tree.
    const path = at.startsWith(prefix) ? at.slice(prefix.length) : at;
    if (path !== at && kept.has(path)) throw new Error(`${path} exists in two versions (root and ${workspace}): the deployed tree cannot hold both`);
    const copy: Record<string, unknown> = { ...entry };
    for (const flag of FLAGS_OF_THE_ROOT) Reflect.deleteProperty(copy, flag);
    packages[path] = entrySchema.parse(copy);
  }
  return { name: manifest.name, lockfileVersion: 3, requires: true, packages };
}
