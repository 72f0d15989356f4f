import type { Firestore } from '@google-cloud/firestore';
import { blocRef } from './paths.js';
import type { Bloc } from './records.js';

/** The bloc document, which every request needs first (who is admin, which audiences are accepted). */
export async function loadBloc(db: Firestore, blocId: string): Promise<Bloc> {
  const bloc = (await blocRef(db, blocId).get()).data();
  if (!bloc) throw new Error(`bloc ${blocId} is not configured: apply a bloc configuration first`);
  return bloc;
}
