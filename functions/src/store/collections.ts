import type {
  CollectionReference,
  DocumentData,
  DocumentReference,
  Firestore,
  FirestoreDataConverter,
  PartialWithFieldValue,
  QueryDocumentSnapshot,
  SetOptions,
  WithFieldValue,
} from '@google-cloud/firestore';
import { z } from 'zod';
import { ORG_STATE } from '../domain/enums.js';
import { orgTallySchema } from '../domain/tally.js';
import { RULE_PACKS, cardNumberSchema, evaluationSchema, isoDateSchema, ruleSettingsSchema } from '../domain/schema.js';

/**
 * The one module that names Firestore paths. Every document is read through a converter that
 * parses it with its zod schema (a bad document fails loudly, naming its path) and every full
 * write is parsed too. Instants are ISO strings; absent values are null, never undefined.
 *
 *   blocs/{blocId}
 *   blocs/{blocId}/years/{year}
 *   blocs/{blocId}/years/{year}/orgs/{orgId}
 *   blocs/{blocId}/years/{year}/orgs/{orgId}/members/{cardNumber}
 *   blocs/{blocId}/years/{year}/orgs/{orgId}/index/members
 *   blocs/{blocId}/years/{year}/orgs/{orgId}/submissions/{submissionId}
 *   blocs/{blocId}/years/{year}/audit/{autoId}
 *   blocs/{blocId}/years/{year}/rollups/current
 */
export const instantSchema = z.iso.datetime({ offset: true });
export const emailSchema = z.email();
const count = z.number().int().nonnegative();

export const blocSchema = z.object({
  name: z.string().min(1),
  timeZone: z.string().min(1),
  admins: z.array(emailSchema),
  leaders: z.array(emailSchema),
  /** The OAuth client ids whose ID tokens are accepted (token audiences). */
  oauthClientIds: z.array(z.string().min(1)).default([]),
});
export type Bloc = z.infer<typeof blocSchema>;

const rules = ruleSettingsSchema.shape;
export const yearSchema = z.object({
  year: rules.year,
  deadline: instantSchema,
  /** null: the default pack of the year (defaultRulePack). */
  rulePack: z.enum(RULE_PACKS).nullable().default(null),
  exemplaryScale: rules.exemplaryScale,
  quotaMode: rules.quotaMode,
  quotaPercent: rules.quotaPercent,
  evaluationDate: isoDateSchema.nullable().default(null),
  summarySpreadsheetId: z.string().min(1).nullable().default(null),
});
export type YearSettings = z.infer<typeof yearSchema>;

export const lastSubmissionSchema = z.object({ at: instantSchema, by: emailSchema, submissionId: z.string().min(1) });

/** The last approve/lock/reopen of the organisation (the audit log has the history). */
export const stateChangeSchema = z.object({
  action: z.enum(['approve', 'lock', 'reopen']),
  at: instantSchema,
  by: z.string().min(1),
  reason: z.string().nullable().default(null),
});

export const orgSchema = z.object({
  orgId: z.string().min(1),
  name: z.string().min(1),
  secretaries: z.array(emailSchema),
  expectedMembers: count,
  /** false once the organisation is no longer in the bloc config of the year (data is kept). */
  inConfig: z.boolean().default(true),
  state: z.enum(ORG_STATE.codes),
  lastSubmission: lastSubmissionSchema.nullable(),
  contentHash: z.string().nullable(),
  /** The counts of the last accepted submission: what the rollup reads instead of members. */
  tally: orgTallySchema.nullable(),
  /** The admin's written reason for accepting an exceeded HTXSNV quota. */
  acceptedQuotaReason: z.string().nullable().default(null),
  /** An organisation's own later deadline (set when an admin reopens it), ISO instant. */
  deadlineOverride: instantSchema.nullable().default(null),
  stateChange: stateChangeSchema.nullable().default(null),
  updatedAt: instantSchema,
});
export type Org = z.infer<typeof orgSchema>;

export const memberSchema = evaluationSchema.extend({
  /** The sheet row the member came from in the accepted submission. */
  row: z.number().int().positive(),
  contentHash: z.string().min(1),
  submissionId: z.string().min(1),
  updatedAt: instantSchema,
});
export type MemberDoc = z.infer<typeof memberSchema>;

/** One document per org listing its stored members, so a submission diffs without reading them all. */
export const memberIndexSchema = z.object({
  members: z.record(z.string(), z.object({ hash: z.string().min(1), fullName: z.string(), row: z.number().int().positive() })),
  updatedAt: instantSchema,
});
export type MemberIndex = z.infer<typeof memberIndexSchema>;

export const submissionSchema = z.object({
  submissionId: z.string().min(1),
  by: emailSchema,
  at: instantSchema,
  dryRun: z.boolean(),
  counts: z.record(z.string(), count),
  contentHash: z.string().nullable(),
  result: z.string().min(1),
  /** The HTTP status answered. */
  status: z.number().int(),
  /** The JSON answer, returned again on a retry (stored as JSON text: Firestore has no nested arrays). */
  response: z.unknown(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const AUDIT_ACTIONS = ['approve', 'lock', 'reopen', 'accept_quota', 'config'] as const;
export const auditSchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  /** null for bloc- or year-wide actions (config). */
  orgId: z.string().nullable(),
  by: z.string().min(1),
  at: instantSchema,
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().default(null),
});
export type AuditEntry = z.infer<typeof auditSchema>;

/**
 * The year's rollup. The rollup itself is stored gzipped (bytes): with a thousand
 * organisations its JSON would pass Firestore's 1 MiB document limit.
 */
export const rollupDocSchema = z.object({
  year: z.number().int(),
  /** Hash of everything the rollup was built from: equal → nothing to rebuild. */
  fingerprint: z.string().nullable(),
  builtAt: instantSchema.nullable(),
  rollupGzip: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes').nullable(),
  /** Held while a run builds and writes, so two scheduled runs never work at once. */
  lease: z.object({ holder: z.string(), until: instantSchema }).nullable(),
  summary: z.object({ spreadsheetId: z.string(), writtenAt: instantSchema, requests: z.number().int() }).nullable(),
});
export type RollupDoc = z.infer<typeof rollupDocSchema>;

// ---- converters ----

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

const jsonResponse: Codec = {
  encode: (data) => ({ ...data, response: JSON.stringify(data.response ?? null) }),
  decode: (data) => ({ ...data, response: typeof data.response === 'string' ? JSON.parse(data.response) : data.response }),
};

export const converters = {
  bloc: zodConverter(blocSchema),
  year: zodConverter(yearSchema),
  org: zodConverter(orgSchema),
  member: zodConverter(memberSchema),
  memberIndex: zodConverter(memberIndexSchema),
  submission: zodConverter(submissionSchema, jsonResponse),
  audit: zodConverter(auditSchema),
  rollup: zodConverter(rollupDocSchema),
};

// ---- refs ----

/** A document id must be one path segment: no '/', not '.', '..' or `__x__`. */
export function docId(kind: string, id: string): string {
  if (id === '' || id.includes('/') || id === '.' || id === '..' || /^__.*__$/.test(id) || id.length > 200) {
    throw new Error(`Invalid ${kind} id ${JSON.stringify(id)}`);
  }
  return id;
}

const yearId = (year: number): string => {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Invalid year ${year}`);
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
