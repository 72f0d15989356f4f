import type { CollectionReference, DocumentReference, Firestore } from '@google-cloud/firestore';
import { yearNumberSchema } from '../domain/primitives.js';
import { cardNumberSchema } from '../domain/schema.js';
import { converters } from './converter.js';
import type { AuditEntry, Bloc, ChangeMarker, MemberDoc, MemberIndex, Org, RemindersDay, RollupDoc, Submission, YearSettings } from './records.js';

/**
 * The one module that names Firestore paths; each reference carries its converter (converter.ts),
 * so every read and full write is parsed with the record's schema (records.ts).
 *
 *   blocs/{blocId}
 *   blocs/{blocId}/years/{year}
 *   blocs/{blocId}/years/{year}/orgs/{orgId}
 *   blocs/{blocId}/years/{year}/orgs/{orgId}/members/{cardNumber}
 *   blocs/{blocId}/years/{year}/orgs/{orgId}/index/members
 *   blocs/{blocId}/years/{year}/orgs/{orgId}/submissions/{submissionId}
 *   blocs/{blocId}/years/{year}/audit/{autoId}
 *   blocs/{blocId}/years/{year}/rollups/current
 *   blocs/{blocId}/years/{year}/changes/current
 *   blocs/{blocId}/years/{year}/reminders/{yyyy-mm-dd}   (Nhắc nộp: one document per local day)
 */
/** A document id must be one path segment: no '/', not '.', '..' or `__x__`. */
export function docId(kind: string, id: string): string {
  if (id === '' || id.includes('/') || id === '.' || id === '..' || /^__.*__$/.test(id) || id.length > 200) {
    throw new Error(`Invalid ${kind} id ${JSON.stringify(id)}`);
  }
  return id;
}

const yearId = (year: number): string => {
  if (!yearNumberSchema.safeParse(year).success) throw new Error(`Invalid year ${year}`);
  return String(year);
};

export const blocsCol = (db: Firestore): CollectionReference<Bloc> => db.collection('blocs').withConverter(converters.bloc);

export const blocRef = (db: Firestore, blocId: string): DocumentReference<Bloc> => blocsCol(db).doc(docId('bloc', blocId));

export const yearsCol = (db: Firestore, blocId: string): CollectionReference<YearSettings> =>
  blocRef(db, blocId).collection('years').withConverter(converters.year);

export const yearRef = (db: Firestore, blocId: string, year: number): DocumentReference<YearSettings> =>
  yearsCol(db, blocId).doc(yearId(year));

export const orgsCol = (db: Firestore, blocId: string, year: number): CollectionReference<Org> =>
  yearRef(db, blocId, year).collection('orgs').withConverter(converters.org);

export const orgRef = (db: Firestore, blocId: string, year: number, orgId: string): DocumentReference<Org> =>
  orgsCol(db, blocId, year).doc(docId('org', orgId));

export const membersCol = (db: Firestore, blocId: string, year: number, orgId: string): CollectionReference<MemberDoc> =>
  orgRef(db, blocId, year, orgId).collection('members').withConverter(converters.member);

export const memberRef = (db: Firestore, blocId: string, year: number, orgId: string, cardNumber: string): DocumentReference<MemberDoc> =>
  membersCol(db, blocId, year, orgId).doc(cardNumberSchema.parse(cardNumber));

/**
 * The member documents of one organisation to WRITE, for the submit transaction: the ids are card
 * numbers the validator has already checked and the documents its evaluations, so they are not
 * parsed again (2.000 zod parses of a valid document; reads still parse, through membersCol).
 */
export const memberWriter = (db: Firestore, blocId: string, year: number, orgId: string): ((cardNumber: string) => DocumentReference<MemberDoc>) => {
  const col = orgRef(db, blocId, year, orgId).collection('members').withConverter(converters.memberTrusted);
  return (cardNumber) => col.doc(cardNumber);
};

export const memberIndexRef = (db: Firestore, blocId: string, year: number, orgId: string): DocumentReference<MemberIndex> =>
  orgRef(db, blocId, year, orgId).collection('index').withConverter(converters.memberIndex).doc('members');

export const submissionsCol = (db: Firestore, blocId: string, year: number, orgId: string): CollectionReference<Submission> =>
  orgRef(db, blocId, year, orgId).collection('submissions').withConverter(converters.submission);

export const submissionRef = (
  db: Firestore,
  blocId: string,
  year: number,
  orgId: string,
  submissionId: string,
): DocumentReference<Submission> => submissionsCol(db, blocId, year, orgId).doc(docId('submission', submissionId));

export const auditCol = (db: Firestore, blocId: string, year: number): CollectionReference<AuditEntry> =>
  yearRef(db, blocId, year).collection('audit').withConverter(converters.audit);

export const rollupRef = (db: Firestore, blocId: string, year: number): DocumentReference<RollupDoc> =>
  yearRef(db, blocId, year).collection('rollups').withConverter(converters.rollup).doc('current');

export const changeMarkerRef = (db: Firestore, blocId: string, year: number): DocumentReference<ChangeMarker> =>
  yearRef(db, blocId, year).collection('changes').withConverter(converters.changeMarker).doc('current');

export const remindersRef = (db: Firestore, blocId: string, year: number, day: string): DocumentReference<RemindersDay> => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Invalid reminder day ${day}`);
  return yearRef(db, blocId, year).collection('reminders').withConverter(converters.reminders).doc(day);
};
