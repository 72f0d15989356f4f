import type { DocumentReference, DocumentSnapshot } from '@google-cloud/firestore';

/**
 * Several documents of different types in ONE round trip (a Firestore batchGet), keeping each
 * one's type. Each reference carries its zod converter, so every `data()` is parsed.
 */
type Models<R extends readonly DocumentReference[]> = {
  -readonly [K in keyof R]: R[K] extends DocumentReference<infer M> ? M | undefined : never;
};

interface BatchReader {
  getAll(...refs: DocumentReference[]): Promise<DocumentSnapshot[]>;
}

export async function readAll<const R extends readonly DocumentReference[]>(reader: BatchReader, ...refs: R): Promise<Models<R>> {
  const snapshots = await reader.getAll(...refs);
  // getAll answers in the order asked; the converters on the refs already parsed each document.
  return snapshots.map((s) => s.data()) as Models<R>;
}
