import { FieldValue, type DocumentReference, type Firestore, type PartialWithFieldValue, type SetOptions } from '@google-cloud/firestore';
import { changeMarkerRef } from './paths.js';
import type { ChangeMarker } from './records.js';

interface MergeWriter {
  set(ref: DocumentReference<ChangeMarker>, data: PartialWithFieldValue<ChangeMarker>, options: SetOptions): unknown;
}

/**
 * Marks the year changed, inside the caller's transaction or batch (records.ts, changeMarkerSchema).
 * Every write that changes an organisation of the year must call it, or the schedule would not
 * rebuild before the next day. A blind write: concurrent submissions do not contend on it.
 */
export function markYearChanged(writer: MergeWriter, db: Firestore, blocId: string, year: number, at: string): void {
  writer.set(changeMarkerRef(db, blocId, year), { version: FieldValue.increment(1), at }, { merge: true });
}
