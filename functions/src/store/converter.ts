import type { DocumentData, FirestoreDataConverter, PartialWithFieldValue, QueryDocumentSnapshot, SetOptions, WithFieldValue } from '@google-cloud/firestore';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { auditSchema, blocSchema, changeMarkerSchema, memberIndexSchema, memberSchema, orgSchema, remindersDaySchema, rollupDocSchema, submissionSchema, yearSchema } from './records.js';

/**
 * Every document is read through a converter that parses it with its zod schema (a bad
 * document fails loudly, naming its path) and every full write is parsed too.
 */
interface Codec {
  /** Model → stored fields (after parsing). */
  encode?(data: DocumentData): DocumentData;
  /** Stored fields → model input (before parsing). */
  decode?(data: DocumentData): DocumentData;
}

export function zodConverter<S extends z.ZodType<DocumentData>>(schema: S, codec: Codec = {}): FirestoreDataConverter<z.output<S>> {
  return {
    toFirestore(model: WithFieldValue<z.output<S>> | PartialWithFieldValue<z.output<S>>, options?: SetOptions): DocumentData {
      // A merge write carries only some fields: they are checked by the caller's types.
      if (options !== undefined) return model;
      const parsed = schema.safeParse(model);
      if (!parsed.success) throw new Error(`Refusing to write an invalid document: ${z.prettifyError(parsed.error)}`);
      return codec.encode ? codec.encode(parsed.data) : parsed.data;
    },
    fromFirestore(snapshot: QueryDocumentSnapshot): z.output<S> {
      const raw = snapshot.data();
      const parsed = schema.safeParse(codec.decode ? codec.decode(raw) : raw);
      if (!parsed.success) throw new Error(`Invalid document ${snapshot.ref.path}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    },
  };
}

/**
 * A stored answer (returned again on a retry) as gzipped JSON bytes: Firestore has no nested
 * arrays, and a 5.000-row answer's JSON can pass the 1 MiB a document may hold; gzipped it is
 * a tenth of that. Older records kept it as JSON text.
 */
export const encodeResponse = (response: unknown): Buffer => gzipSync(JSON.stringify(response ?? null));

const jsonResponse: Codec = {
  encode: (data) => ({ ...data, response: encodeResponse(data.response) }),
  decode: (data) => {
    const response: unknown = data.response;
    if (response instanceof Uint8Array) return { ...data, response: JSON.parse(gunzipSync(response).toString('utf8')) as unknown };
    return { ...data, response: typeof response === 'string' ? (JSON.parse(response) as unknown) : response };
  },
};

/** Writes a document the caller has built from validated data as it is; reads still parse it. */
function trustedWrites<T extends DocumentData>(parsing: FirestoreDataConverter<T>): FirestoreDataConverter<T> {
  return { toFirestore: (model: WithFieldValue<T> | PartialWithFieldValue<T>): DocumentData => model, fromFirestore: (snapshot) => parsing.fromFirestore(snapshot) };
}

export const converters = {
  bloc: zodConverter(blocSchema),
  year: zodConverter(yearSchema),
  org: zodConverter(orgSchema),
  member: zodConverter(memberSchema),
  memberTrusted: trustedWrites(zodConverter(memberSchema)),
  memberIndex: zodConverter(memberIndexSchema),
  submission: zodConverter(submissionSchema, jsonResponse),
  audit: zodConverter(auditSchema),
  rollup: zodConverter(rollupDocSchema),
  changeMarker: zodConverter(changeMarkerSchema),
  reminders: zodConverter(remindersDaySchema),
};
