import type { DocumentReference, Firestore } from '@google-cloud/firestore';

/**
 * Every document under a path with its data and update time: two equal dumps mean nothing
 * was written in between (byte-for-byte, since the update time changes on any write).
 */
export async function dumpTree(db: Firestore, root: string): Promise<Record<string, { data: unknown; updateTime: string }>> {
  const out: Record<string, { data: unknown; updateTime: string }> = {};
  const visit = async (ref: DocumentReference): Promise<void> => {
    const snap = await ref.get();
    if (snap.exists && snap.updateTime) out[ref.path] = { data: snap.data(), updateTime: snap.updateTime.toDate().toISOString() + snap.updateTime.nanoseconds };
    for (const col of await ref.listCollections()) {
      for (const doc of await col.listDocuments()) await visit(doc);
    }
  };
  await visit(db.doc(root));
  return out;
}
