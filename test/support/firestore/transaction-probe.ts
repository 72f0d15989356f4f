import type { Firestore, Transaction } from '@google-cloud/firestore';

/**
 * Watches every transaction a Firestore client runs (the functions served in-process share the
 * stack's client): how many were started and how many attempts their callbacks took (the client
 * retries a transaction on ABORTED, UNAVAILABLE…). Hooks see each attempt start (and may hold
 * it) and each callback return — the instant the client sends the commit.
 */
export interface TransactionProbe {
  /** runTransaction calls. */
  readonly transactions: number;
  /** Callback runs: transactions + retries. */
  readonly attempts: number;
  /** Awaited before an attempt's callback runs; `attempt` counts from 1 within its transaction. */
  beforeAttempt: ((attempt: number) => Promise<void>) | null;
  /** Called when an attempt's callback has returned: its commit is being sent, not yet answered. */
  onCommitSent: ((attempt: number) => void) | null;
  restore(): void;
}

export function probeTransactions(db: Firestore): TransactionProbe {
  const original = db.runTransaction;
  let transactions = 0;
  let attempts = 0;
  const probe: TransactionProbe = {
    get transactions() {
      return transactions;
    },
    get attempts() {
      return attempts;
    },
    beforeAttempt: null,
    onCommitSent: null,
    restore: () => {
      db.runTransaction = original;
    },
  };
  const wrapped = <T>(update: (tx: Transaction) => Promise<T>, options?: Parameters<Firestore['runTransaction']>[1]): Promise<T> => {
    transactions += 1;
    let attempt = 0;
    return original.call<Firestore, [(tx: Transaction) => Promise<T>, typeof options], Promise<T>>(
      db,
      async (tx: Transaction) => {
        attempts += 1;
        attempt += 1;
        await probe.beforeAttempt?.(attempt);
        const result = await update(tx);
        probe.onCommitSent?.(attempt);
        return result;
      },
      options,
    );
  };
  db.runTransaction = wrapped;
  return probe;
}
