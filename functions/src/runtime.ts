import { Firestore } from '@google-cloud/firestore';
import { z } from 'zod';
import type { SummaryModel } from './domain/summary-model.js';
import { sheetsClientFromEnv, writeSummaryToSheets, type SheetsTarget } from './summary-writers/google-sheets.js';

/**
 * The process's settings, read once from the environment and parsed: a missing or bad value
 * fails at start with a message naming the variable and what it expects.
 */
const envSchema = z.object({
  BLOC_ID: z
    .string({ error: 'BLOC_ID is not set: set it to the id of the bloc in its configuration file (e.g. BLOC_ID=dang-bo-khoi-demo)' })
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'BLOC_ID must be lower-case letters, digits and dashes, e.g. dang-bo-khoi-demo'),
});

export interface Runtime {
  readonly db: Firestore;
  readonly blocId: string;
  readonly now: () => Date;
  /** What one Firestore commit may carry (default: deployed Firestore's limit, less a margin). */
  readonly commitBudgetBytes?: number;
  /** Writes the summary Google Sheet (absent locally: the .xlsx writer is used instead). */
  readonly writeSummary?: (spreadsheetId: string, model: SummaryModel) => Promise<{ requests: number }>;
}

let runtime: Runtime | undefined;
let sheets: Promise<SheetsTarget> | undefined;

export function getRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
  if (runtime) return runtime;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  // With FIRESTORE_EMULATOR_HOST set, the client talks to the emulator and never to Google.
  runtime = {
    db: new Firestore({ ignoreUndefinedProperties: false }),
    blocId: parsed.data.BLOC_ID,
    now: () => new Date(),
    writeSummary: async (spreadsheetId, model) => {
      sheets ??= sheetsClientFromEnv();
      const target = await sheets;
      return writeSummaryToSheets(target.client, spreadsheetId, model, { serviceAccount: target.serviceAccount });
    },
  };
  return runtime;
}

/** Tests and the local runner point the functions at their own emulator and bloc. */
export function setRuntime(next: Runtime | undefined): void {
  runtime = next;
}
