import { Firestore } from '@google-cloud/firestore';
import { z } from 'zod';
import type { SummaryModel } from './domain/summary-model.js';

/**
 * What every endpoint service and job needs from the process: the database, the bloc it
 * serves, a clock, and (deployed) the Sheets writer. Built once from the environment and
 * parsed: a missing or bad value fails at start with a message naming the variable.
 */
export interface Deps {
  readonly db: Firestore;
  readonly blocId: string;
  readonly now: () => Date;
  /** What one Firestore commit may carry (default: deployed Firestore's limit, less a margin). */
  readonly commitBudgetBytes?: number;
  /** Writes the summary where leadership reads it; returns the number of API requests (absent locally). */
  readonly writeSummary?: (spreadsheetId: string, model: SummaryModel) => Promise<{ requests: number }>;
}

/** Firestore takes 10 MiB per commit request, the emulator 4 MiB: both less a margin. */
export const DEPLOYED_COMMIT_BUDGET = 9 * 1_048_576;
export const EMULATOR_COMMIT_BUDGET = 3.5 * 1_048_576;

const envSchema = z.object({
  BLOC_ID: z
    .string({ error: 'BLOC_ID is not set: set it to the id of the bloc in its configuration file (e.g. BLOC_ID=dang-bo-khoi-demo)' })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'BLOC_ID must be lower-case letters, digits and dashes, e.g. dang-bo-khoi-demo'),
});

let deps: Deps | undefined;

export function getDeps(env: NodeJS.ProcessEnv = process.env): Deps {
  if (deps) return deps;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  // With FIRESTORE_EMULATOR_HOST set, the client talks to the emulator and never to Google.
  deps = {
    db: new Firestore({ ignoreUndefinedProperties: false }),
    blocId: parsed.data.BLOC_ID,
    now: () => new Date(),
    // The Sheets client is loaded on the first rollup only: submit and status never pay for it.
    writeSummary: async (spreadsheetId, model) => {
      const { writeSummaryFromEnv } = await import('./summary-writers/google-sheets.js');
      return writeSummaryFromEnv(spreadsheetId, model);
    },
  };
  return deps;
}

/** Tests and the local runner point the functions at their own emulator and bloc. */
export function setDeps(next: Deps | undefined): void {
  deps = next;
}
